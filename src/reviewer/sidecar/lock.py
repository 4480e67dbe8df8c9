"""The lock file that keeps a sidecar open in one reviewer at a time.

``<sidecar>.lock`` holds ``<pid> <host>`` of the instance that has the sidecar open. Owning
the lock means holding an exclusive :func:`fcntl.flock` on that file: the operating system
releases it when the process ends, however it ends, so a lock nobody holds is stale by
definition and is taken over. The file is created with ``O_CREAT | O_EXCL``; of two instances
that start at the same moment, the one whose ``flock`` succeeds owns it and the other opens
read-only.

A lock file with a pid alone was written by an older reviewer, which did not ``flock``: it
counts as live while that pid runs a reviewer on this machine.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the lock is advisory and pid-based there
    fcntl = None  # type: ignore[assignment]

# Lock files this process holds, by path: a second store of the same process defers to the file.
_HELD: dict[str, "SidecarLock"] = {}
_RETRY = object()


@dataclass(frozen=True)
class Owner:
    """Who the lock file names: a pid, and the host when this version wrote it."""

    pid: int | None
    host: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Owner":
        fields = text.split()
        try:
            pid = int(fields[0])
        except (IndexError, ValueError):
            return cls(None)
        return cls(pid, fields[1] if len(fields) > 1 else None)


def _legacy_owner_alive(owner: Owner) -> bool:
    """A pid-only lock (no flock behind it): live while that pid is a reviewer on this machine."""
    if owner.pid is None or owner.pid == os.getpid():
        return False
    if owner.host is not None and owner.host != socket.gethostname():
        return True  # another machine's process: it cannot be checked from here
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists (another user's)
    cmdline = Path(f"/proc/{owner.pid}/cmdline")
    try:
        return b"reviewer" in cmdline.read_bytes()  # else the pid was reused by an unrelated program
    except OSError:
        return True  # no /proc here: a running pid is all we can know


class SidecarLock:
    """``acquire()`` the lock of one sidecar, ``release()`` it. Never raises for I/O problems:
    a folder where no lock file can be made is left unlocked (saving there will say why)."""

    def __init__(self, path: Path):
        self.path = path
        self._key = os.path.abspath(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> Owner | None:
        """Take the lock; return None when it is ours (or nobody's), else who holds it."""
        if self.held:
            return None
        for _ in range(5):  # the file may be removed or replaced between open and flock
            try:
                fd, created = self._open()
            except FileNotFoundError:
                continue
            except OSError:
                return None
            other = self._try_own(fd, created)
            if other is not _RETRY:
                return other
        return None

    def _open(self) -> tuple[int, bool]:
        flags = os.O_RDWR | getattr(os, "O_CLOEXEC", 0)
        try:
            return os.open(self.path, flags | os.O_CREAT | os.O_EXCL, 0o644), True
        except FileExistsError:
            pass
        try:
            return os.open(self.path, flags), False
        except PermissionError:  # another user's lock: it can still be checked, not taken
            return os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)), False

    def _try_own(self, fd: int, created: bool) -> Owner | None | object:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                owner = Owner.parse(_read(fd))
                os.close(fd)
                if self._key in _HELD:  # held by this very process: the file says by whom
                    return owner if _legacy_owner_alive(owner) else None
                return owner
            if not _same_file(fd, self.path):
                os.close(fd)
                return _RETRY
        if not created:
            owner = Owner.parse(_read(fd))
            if (owner.host is None or fcntl is None) and _legacy_owner_alive(owner):
                os.close(fd)
                return owner
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        except OSError:
            os.close(fd)
            return None
        self._fd = fd
        _HELD[self._key] = self
        return None

    def release(self) -> None:
        """Remove the lock file (when it is still ours) and let go of the lock."""
        if self._fd is None:
            return
        try:
            if _same_file(self._fd, self.path) and Owner.parse(_read(self._fd)).pid == os.getpid():
                self.path.unlink()
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None
        if _HELD.get(self._key) is self:
            del _HELD[self._key]


def _read(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace")
    except OSError:
        return ""


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
