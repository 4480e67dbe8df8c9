"""Sidecar file names: the one place that knows the suffixes.

A sidecar is ``<reviewer>.review.toml`` or ``<reviewer>.review.json``. Beside it may live its
backup (``<name>.bak``, written by :func:`reviewer.atomic.write_atomic`), its lock file
(``<name>.lock``) and, for a moment, a temporary file of a save in progress. None of these is
ever an article (:func:`is_sidecar_file`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from reviewer.atomic import BACKUP_SUFFIX
from reviewer.errors import SidecarError
from reviewer.filenames import LOCK_SUFFIX, is_sidecar_file, is_sidecar_name
from reviewer.filenames import SIDECAR_SUFFIXES as SUFFIXES

__all__ = ["SUFFIXES", "LOCK_SUFFIX", "is_sidecar_file", "is_sidecar_name", "format_of", "lock_path",
           "sidecar_folder", "sidecars_for", "safe_name", "default_sidecar_path", "choose_sidecar_path"]


def format_of(path: Path) -> str:
    """"json" or "toml", from the name (a backup has the format of what it backs up)."""
    name = path.name.lower().removesuffix(BACKUP_SUFFIX)
    return "json" if name.endswith(".json") else "toml"


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


def sidecar_folder(paths: list[str | os.PathLike[str]]) -> Path:
    """The folder the sidecar lives in: the first folder given, or the common parent of the files."""
    ps = [Path(p) for p in paths]
    for p in ps:
        if p.is_dir():
            return p
    parents = {p.resolve().parent for p in ps}
    if len(parents) == 1:
        return next(iter(parents))
    return Path(os.path.commonpath([str(p) for p in parents]))


def sidecars_for(paths: list[str | os.PathLike[str]]) -> list[Path]:
    """Every sidecar of a cluster: ``*.review.toml`` / ``*.review.json`` beside the articles, and
    for the bundled seeds also those in the user's data folder (where the app saves them)."""
    from reviewer.resources import is_bundled_seeds, seeds_sidecar_dir

    folders = []
    existing = [p for p in paths if Path(p).exists()]
    if existing:
        folders.append(sidecar_folder(existing))
    if is_bundled_seeds(paths):
        folders.append(seeds_sidecar_dir())
    found: list[Path] = []
    for folder in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        found += [folder / n for n in names if is_sidecar_name(n) and (folder / n).is_file()]
    return found


def safe_name(reviewer: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", reviewer.strip(), flags=re.UNICODE).strip("._")
    return name or "reviewer"


def choose_sidecar_path(paths: list[str | os.PathLike[str]], reviewer: str,
                        fmt: str = "toml") -> tuple[Path, str | None]:
    """The reviewer's sidecar beside the articles, and a line to show when it is not the one asked
    for: an existing sidecar of this reviewer in the other format is opened whatever ``fmt`` says
    (never a blank second one beside it, which export would then merge with the first)."""
    if fmt not in SUFFIXES:
        raise SidecarError(f"unknown sidecar format {fmt!r} (use toml or json)")
    folder = sidecar_folder(paths)
    wanted = folder / f"{safe_name(reviewer)}{SUFFIXES[fmt]}"
    if wanted.exists():
        return wanted, None
    for other_fmt, suffix in SUFFIXES.items():
        other = folder / f"{safe_name(reviewer)}{suffix}"
        if other_fmt != fmt and other.exists():
            return other, (f"{other}: your existing sidecar is opened ({other_fmt}), not a new blank "
                           f"{wanted.name}; Save as… converts it")
    return wanted, None


def default_sidecar_path(paths: list[str | os.PathLike[str]], reviewer: str, fmt: str = "toml") -> Path:
    """The reviewer's sidecar beside the articles (an existing one in either format first)."""
    return choose_sidecar_path(paths, reviewer, fmt)[0]
