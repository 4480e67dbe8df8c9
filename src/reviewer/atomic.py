"""Atomic file writes: a temporary file in the same folder, fsync, rename, fsync of the folder.

A reader (or a crash at any instant) sees either the old file or the new one, never half of
one. Used for sidecars (with a backup of the previous version), exports, align-batch outputs
and the alignment cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

BACKUP_SUFFIX = ".bak"  # write_atomic(backup=True) keeps the previous version as <name>.bak


def file_mode(path: Path) -> int:
    """The permissions a rewritten file keeps (its current ones), or a new file gets (0666 less
    the umask, like any file a program creates), instead of mkstemp's owner-only 0600."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _replace_atomically(dst: Path, perms: int, write: Callable[[IO], object], *,
                        before_rename: Callable[[], None] | None = None, **open_args) -> None:
    """Write ``dst`` through a temporary file beside it: ``write(handle)``, flush, fsync, then
    rename over ``dst``. On any failure the temporary file is removed and the error raised."""
    folder = dst.parent if str(dst.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{dst.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, perms)
        with os.fdopen(fd, **open_args) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if before_rename is not None:
            before_rename()
        os.replace(tmp, dst)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomic(path: Path, text: str, *, backup: bool = False, newline: str | None = None) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically. With ``backup``, the previous version
    is kept as ``<name>.bak``. Raises OSError (callers turn it into their own one-line error)."""

    def keep_backup() -> None:
        if backup and path.exists():
            try:
                _copy_bytes(path, path.with_name(path.name + BACKUP_SUFFIX))
            except OSError:
                pass  # a backup that cannot be written must not stop the save itself

    _replace_atomically(path, file_mode(path), lambda fh: fh.write(text), before_rename=keep_backup,
                        mode="w", encoding="utf-8", newline=newline)
    fsync_dir(path.parent if str(path.parent) else Path("."))


def _copy_bytes(src: Path, dst: Path) -> None:
    """Copy through a temporary file too, so the backup is never half written; the backup
    keeps the permissions of what it backs up."""

    def copy(out: IO) -> None:
        with open(src, "rb") as inp:
            shutil.copyfileobj(inp, out)

    _replace_atomically(dst, file_mode(src), copy, mode="wb")


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
