"""Where the bundled seeds and default config live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


def bundled_seeds_dir() -> Path:
    # Installed wheel: reviewer/_bundled/seeds; editable install or checkout: <repo>/seeds.
    return _first_existing(_PKG / "_bundled" / "seeds", _PKG.parent.parent / "seeds")


def bundled_config_path() -> Path:
    return _first_existing(_PKG / "_bundled" / "config.toml", _PKG.parent.parent / "config.toml")


def seeds_sidecar_dir() -> Path:
    """Where sidecars of the bundled seeds go: the user's data folder (e.g.
    ~/.local/share/reviewer/seeds), since the seeds may sit in a read-only install."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("reviewer")) / "seeds"


def is_bundled_seeds(paths) -> bool:
    """The paths are the bundled seed cluster, or files of it: the installed copy itself, or a
    folder holding the same articles byte for byte (the ``seeds/`` of a checkout, when the app
    opened the installed copy). Their sidecars then live in :func:`seeds_sidecar_dir`."""
    try:
        seeds = bundled_seeds_dir().resolve()
        folders = {Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent for p in paths}
        return bool(paths) and all(f == seeds or _same_articles(f, seeds) for f in folders)
    except OSError:
        return False


def _same_articles(folder: Path, seeds: Path) -> bool:
    """``folder`` holds exactly the seeds' article files, with the same bytes."""
    names = sorted(p.name for p in seeds.iterdir() if p.suffix == ".txt")
    if not names or sorted(p.name for p in folder.iterdir() if p.suffix == ".txt") != names:
        return False
    return all((folder / n).read_bytes() == (seeds / n).read_bytes() for n in names)


def seeds_sidecar_note(sidecars) -> str:
    """``""``, or a note naming how many of ``sidecars`` come from :func:`seeds_sidecar_dir`
    (the app keeps the bundled seeds' sidecars there, and a byte-identical copy of the seeds
    shares them): a reader of an export or an error should see where a reviewer came from."""
    try:
        data = seeds_sidecar_dir().resolve()
        there = [p for p in sidecars if Path(p).resolve().parent == data]
    except OSError:
        return ""
    if not there:
        return ""
    home = str(Path.home())
    shown = str(data).replace(home, "~", 1) if str(data).startswith(home) else str(data)
    return (f"{len(there)} of them from {shown}, where the app keeps the sidecars of the bundled seeds "
            "(these articles are the same files)")
