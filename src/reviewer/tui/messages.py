"""Every message of the TUI, as small dataclasses. The ones posted by workers are safe to post
from a thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


@dataclass
class ExportDone(Message):
    fmt: str
    path: Path
    records: int | None = None  # how many records were written (None: not counted, e.g. the html page)
    undecided: int | None = None  # the html report: how many suggestions in it are not reviewed yet


@dataclass
class ExportFailed(Message):
    error: str


class ColumnRelaid(Message):
    """An article view wrapped its sentences anew (its width changed)."""


@dataclass
class SentenceClicked(Message):
    """A mouse click on a sentence of a column: the cursor goes there, as a key move would."""
    art: int
    sentence: int
