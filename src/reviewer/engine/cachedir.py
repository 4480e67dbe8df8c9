"""Where the engine keeps its caches (alignments, embeddings): platform conventions
(``platformdirs``: ~/.cache/reviewer/align on Linux), or ``REVIEWER_CACHE_DIR``."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    env = os.environ.get("REVIEWER_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reviewer")) / "align"
