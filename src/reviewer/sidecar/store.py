"""One open sidecar: the data, where it is saved, and the guards around saving."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from reviewer.annotations import ReviewData
from reviewer.errors import SidecarError
from reviewer.atomic import BACKUP_SUFFIX, write_atomic
from reviewer.sidecar.codec import load_sidecar, loads_sidecar, read_sidecar_bytes, save_sidecar
from reviewer.sidecar.lock import Owner, SidecarLock
from reviewer.sidecar.paths import lock_path


class SidecarStore:
    """An open sidecar: the data, where it is saved, and the guards around saving.

    - A lock file ``<sidecar>.lock`` marks the instance that has it open (:mod:`.lock`); a second
      instance finds it held and opens read-only (a stale lock, whose holder is gone, is taken over).
    - Before each save the file on disk is compared with what this instance last read or wrote:
      if someone else changed it, the save is refused instead of overwriting their work.
    - A file that cannot be parsed (an empty one too) makes the store read-only: it is never
      written, and its backup is never replaced; when a good backup exists, ``backup_available``
      says so and :meth:`restore_backup` brings it back (the app offers it).
    - A sidecar without write permission (e.g. mode 444) opens read-only: it is never replaced.
    """

    def __init__(self, path: str | os.PathLike[str], reviewer: str):
        self.path = Path(path)
        self.reviewer = reviewer
        self.read_only_reason: str | None = None
        self.unreadable = False  # the sidecar exists but cannot be parsed (see restore_backup)
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
        self.unreadable = False
        if self.path.exists():
            try:
                raw = read_sidecar_bytes(self.path)
                self.data = loads_sidecar(raw, self.path)
                self._seen = raw
            except SidecarError as exc:
                self.unreadable = True
                hint = " (a good backup exists: restore it)" if self.backup_available else ""
                self.read_only_reason = f"{exc.one_line()} — opened read-only, the file is left as it is{hint}"
                self.data = ReviewData(reviewer=self.reviewer)
                return
            except OSError as exc:
                self.read_only_reason = f"{self.path}: cannot read ({exc}) — opened read-only"
                return
            if not _writable(self.path):
                self.read_only_reason = (f"{self.path}: the file is write-protected (no write permission) — opened "
                                         "read-only, never replaced; make it writable or save elsewhere")
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

    @property
    def backup_path(self) -> Path:
        return self.path.with_name(self.path.name + BACKUP_SUFFIX)

    @property
    def backup_available(self) -> bool:
        """A backup that parses exists beside the sidecar."""
        try:
            load_sidecar(self.backup_path)
        except SidecarError:
            return False
        return True

    def restore_backup(self) -> None:
        """Put the backup back in place of a sidecar that cannot be read, then open it again.
        The unreadable file is kept as ``<name>.unreadable`` (never deleted). Raises SidecarError
        when there is no good backup, or when the sidecar itself is fine (nothing to restore)."""
        if not self.unreadable:
            raise SidecarError("the sidecar reads fine; its backup is not restored over it", path=str(self.path))
        try:
            good = read_sidecar_bytes(self.backup_path)
            loads_sidecar(good, self.backup_path)
        except SidecarError as exc:
            raise SidecarError(f"no good backup to restore ({exc.message})", path=str(self.backup_path)) from None
        try:
            bad = read_sidecar_bytes(self.path)
            write_atomic(self.path.with_name(self.path.name + ".unreadable"), bad.decode("utf-8", "replace"))
            write_atomic(self.path, good.decode("utf-8-sig"))
        except (OSError, SidecarError) as exc:
            raise SidecarError(f"could not restore the backup ({getattr(exc, 'strerror', None) or exc})",
                               path=str(self.path)) from None
        self.reload()

    def close(self) -> None:
        self._lock.release()

    @property
    def on_disk(self) -> bool:
        """This instance read the sidecar from disk or wrote it (False for a new one not saved yet)."""
        return self._seen is not None

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
        if self.path.exists() and not _writable(self.path):
            raise SidecarError("the file is write-protected (no write permission); not replaced "
                               "(make it writable or save elsewhere)", path=str(self.path))
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


def _writable(path: Path) -> bool:
    """The file's own write permission (its mode bits, so a 444 file counts as protected even for root)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and (os.geteuid() == 0 or os.access(path, os.W_OK))


def _who(owner: Owner) -> str:
    if owner.pid is None:
        return "pid unknown"
    if owner.host:
        import socket

        if owner.host != socket.gethostname():
            return f"pid {owner.pid} on {owner.host}"
    return f"pid {owner.pid}"
