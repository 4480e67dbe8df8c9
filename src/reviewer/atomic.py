"""Atomic file writes: a temporary file in the same folder, fsync, rename, fsync of the folder.

A reader (or a crash at any instant) sees either the old file or the new one, never half of
one. Used for sidecars (with a backup of the previous version) and for exports.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def file_mode(path: Path) -> int:
    """The permissions a rewritten file keeps (its current ones), or a new file gets (0666 less
    the umask, like any file a program creates), instead of mkstemp's owner-only 0600."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, text: str, *, backup: bool = False, newline: str | None = None) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically. With ``backup``, the previous version
    is kept as ``<name>.bak``. Raises OSError (callers turn it into their own one-line error)."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, file_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and path.exists():
            try:
                _copy_bytes(path, path.with_name(path.name + ".bak"))
            except OSError:
                pass  # a backup that cannot be written must not stop the save itself
        os.replace(tmp, path)
        fsync_dir(folder)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _copy_bytes(src: Path, dst: Path) -> None:
    """Copy through a temporary file too, so the backup is never half written."""
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, file_mode(src))  # the backup keeps the permissions of what it backs up
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
