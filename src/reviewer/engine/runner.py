"""The alignment in a child process, so that the caller's interpreter stays free.

The TUI must answer keys in a few milliseconds while a large cluster aligns; the engine is
Python and numpy and would hold the interface's interpreter for seconds at a time. So it runs
in ``python -m reviewer.engine.runner``: the cluster and the settings go in on its standard
input (pickled), progress and the result come back as frames on its standard output, and
``cancel()`` kills it at once. The cache is read in the child too: reading a large cached
alignment takes seconds of Python as well.

    job = AlignJob(cluster, settings, use_cache=True)
    links, hit = job.run(progress=lambda f: ...)   # blocks (a thread's work); job.cancel() from anywhere
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable

from reviewer.config import AlignSettings
from reviewer.models import Cluster, Link

_HEAD = struct.Struct("<cQ")  # kind, payload length
# kinds: b"p" progress (a double), b"r" result (pickled (links, hit)), b"e" error (one line, UTF-8)


class AlignCancelled(Exception):
    """The alignment was cancelled (or its process ended without an answer)."""


class AlignError(Exception):
    """The alignment failed in its process; the message is its one line."""


def _read_exact(stream, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = stream.read(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


class AlignJob:
    def __init__(self, cluster: Cluster, settings: AlignSettings | None = None, *, use_cache: bool = True):
        self.cluster = cluster
        self.settings = settings or AlignSettings()
        self.use_cache = use_cache
        self._proc: subprocess.Popen | None = None
        self._cancelled = False
        self._lock = threading.Lock()

    def cancel(self) -> None:
        """End the child at once (from any thread); ``run`` then raises AlignCancelled."""
        with self._lock:
            self._cancelled = True
            if self._proc is not None and self._proc.poll() is None:
                self._proc.kill()

    def run(self, progress: Callable[[float], None] | None = None) -> tuple[list[Link], bool]:
        """(links, from_cache). Raises AlignCancelled when cancelled, AlignError when the engine fails."""
        import gc

        report = progress or (lambda _f: None)
        payload = pickle.dumps((self.cluster, self.settings, self.use_cache), protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.TemporaryFile() as err:
            with self._lock:
                if self._cancelled:
                    raise AlignCancelled
                self._proc = subprocess.Popen([sys.executable, "-m", "reviewer.engine.runner"],
                                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                              env=dict(os.environ, PYTHONUNBUFFERED="1"))
            proc = self._proc
            try:
                try:
                    proc.stdin.write(payload)
                    proc.stdin.close()
                except (BrokenPipeError, OSError):
                    pass  # the child died: the reading below says why
                while True:
                    try:
                        kind, size = _HEAD.unpack(_read_exact(proc.stdout, _HEAD.size))
                        body = _read_exact(proc.stdout, size)
                    except EOFError:
                        proc.wait()
                        if self._cancelled:
                            raise AlignCancelled from None
                        err.seek(0)
                        lines = err.read().decode("utf-8", "replace").strip().splitlines()
                        raise AlignError(lines[-1] if lines else f"the alignment process ended ({proc.returncode})") \
                            from None
                    if kind == b"p":
                        report(struct.unpack("<d", body)[0])
                    elif kind == b"r":
                        gc.disable()  # tens of thousands of small objects: no collection halfway
                        try:
                            links, hit = pickle.loads(body)
                        finally:
                            gc.enable()
                        proc.wait()
                        return links, hit
                    else:
                        proc.wait()
                        raise AlignError(body.decode("utf-8", "replace"))
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stdout.close()


def _child() -> int:
    try:
        os.nice(5)  # background work: the interface that waits for it comes first
    except (AttributeError, OSError):
        pass
    # Frames go to the real standard output; anything the engine prints goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(kind: bytes, body: bytes) -> None:
        out.write(_HEAD.pack(kind, len(body)) + body)
        out.flush()

    try:
        cluster, settings, use_cache = pickle.loads(sys.stdin.buffer.read())
        from reviewer.engine.cache import align_cached

        links, hit = align_cached(cluster, settings, use_cache=use_cache,
                                  progress=lambda f: send(b"p", struct.pack("<d", f)))
        send(b"r", pickle.dumps((links, hit), protocol=pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:
        return 1  # the caller has gone
    except Exception as exc:  # the caller shows it in one line
        send(b"e", f"{type(exc).__name__}: {exc}".encode("utf-8", "replace"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_child())
