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
    try:
        seeds = bundled_seeds_dir().resolve()
        return bool(paths) and all(Path(p).resolve() == seeds or Path(p).resolve().parent == seeds for p in paths)
    except OSError:
        return False
