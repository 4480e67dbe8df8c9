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
