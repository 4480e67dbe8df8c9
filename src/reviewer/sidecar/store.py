"""One open sidecar: the data, where it is saved, and the guards around saving."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reviewer.annotations import ReviewData
from reviewer.errors import SidecarError
from reviewer.sidecar.codec import load_sidecar, save_sidecar
from reviewer.sidecar.lock import Owner, SidecarLock
from reviewer.sidecar.paths import lock_path


class SidecarStore:
    """An open sidecar: the data, where it is saved, and the guards around saving.

    - A lock file ``<sidecar>.lock`` marks the instance that has it open (:mod:`.lock`); a second
      instance finds it held and opens read-only (a stale lock, whose holder is gone, is taken over).
    - Before each save the file on disk is compared with what this instance last read or wrote:
      if someone else changed it, the save is refused instead of overwriting their work.
    - A file that cannot be parsed makes the store read-only: it is never written.
    """

    def __init__(self, path: str | os.PathLike[str], reviewer: str):
        self.path = Path(path)
        self.reviewer = reviewer
        self.read_only_reason: str | None = None
        self.data = ReviewData(reviewer=reviewer)
        self._seen: bytes | None = None
        self._lock = SidecarLock(lock_path(self.path))

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def open(self) -> None:
        """Load the sidecar if it exists and take the lock. Never raises for a bad file:
        the problem becomes ``read_only_reason``."""
        self._remove_stale_temp_files()
        if self.path.exists():
            try:
                self.data = load_sidecar(self.path)
                self._seen = self.path.read_bytes()
            except SidecarError as exc:
                self.read_only_reason = f"{exc.one_line()} — opened read-only, the file is left as it is"
                self.data = ReviewData(reviewer=self.reviewer)
                return
            except OSError as exc:
                self.read_only_reason = f"{self.path}: cannot read ({exc}) — opened read-only"
                return
        other = self._lock.acquire()
        if other is not None:
            self.read_only_reason = (f"{self.path} is open in another reviewer ({_who(other)}) — opened read-only; "
                                     "close the other one or save elsewhere")

    def _remove_stale_temp_files(self, age: float = 60.0) -> None:
        """A save killed half-way leaves ``.<name>.*.tmp`` behind; the sidecar itself is intact.
        Remove such files once they are old enough not to belong to a save in progress."""
        try:
            for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                try:
                    if time.time() - tmp.stat().st_mtime > age:
                        tmp.unlink()
                except OSError:
                    pass
        except OSError:
            pass

    def close(self) -> None:
        self._lock.release()

    def changed_on_disk(self) -> bool:
        try:
            now_bytes = self.path.read_bytes()
        except FileNotFoundError:
            return self._seen is not None
        except OSError:
            return False
        return now_bytes != self._seen

    def save(self) -> None:
        if self.read_only:
            raise SidecarError(f"not saved: {self.read_only_reason}", path=str(self.path))
        if self.changed_on_disk():
            raise SidecarError("changed on disk by someone else since it was opened; not overwritten "
                               "(reload it, or save elsewhere)", path=str(self.path))
        save_sidecar(self.path, self.data)
        self._seen = self.path.read_bytes()
        self._lock.acquire()

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Save to another file and carry on there (e.g. when this one is locked, corrupt or unwritable)."""
        new = Path(path).expanduser()
        if new.exists() and new.resolve() != self.path.resolve():
            try:
                load_sidecar(new)
            except SidecarError:
                raise SidecarError("exists and is not a sidecar this app can read; not overwritten",
                                   path=str(new)) from None
        save_sidecar(new, self.data)
        self.close()
        self.path = new
        self._lock = SidecarLock(lock_path(new))
        self.read_only_reason = None
        self._seen = new.read_bytes()
        self._lock.acquire()

    def reload(self) -> None:
        """Read the file again, dropping what is in memory (checks the lock and parse again)."""
        self.close()
        self.read_only_reason = None
        self.data = ReviewData(reviewer=self.reviewer)
        self._seen = None
        self.open()


def _who(owner: Owner) -> str:
    if owner.pid is None:
        return "pid unknown"
    if owner.host:
        import socket

        if owner.host != socket.gethostname():
            return f"pid {owner.pid} on {owner.host}"
    return f"pid {owner.pid}"
