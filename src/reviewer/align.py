"""Alignment engine (placeholder until the engine lands)."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.config import AlignSettings
from reviewer.models import Cluster, Link


def align(cluster: Cluster, settings: AlignSettings | None = None,
          progress: Callable[[float], None] | None = None) -> list[Link]:
    return []
