"""Messages posted by background work to the app (safe to post from a thread)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reviewer.models import Link


@dataclass
class AlignProgress(Message):
    fraction: float


@dataclass
class AlignDone(Message):
    links: list[Link]
    from_cache: bool
    seconds: float


@dataclass
class AlignFailed(Message):
    error: str
