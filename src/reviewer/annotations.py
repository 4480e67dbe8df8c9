"""The annotation data model: one reviewer's tags, notes and link decisions, each on an anchor.

An :class:`Anchor` names a sentence (article id and index) together with its character span
and its text (the *quote*), so that it can be found again when the articles change (see
:mod:`reviewer.sidecar.reanchor`). Reading and writing these lives in :mod:`reviewer.sidecar`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RELATIONS = ("match", "conflict")
DECISIONS = ("accepted", "rejected")
ORIGINS = ("suggested", "manual")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


# The reviewer whose sidecar settles disputes (``reviewer PATH --adjudicate``): not an annotator,
# so ``agree`` and ``export --resolve majority|unanimous`` set it apart.
ADJUDICATOR = "adjudicator"

@dataclass(frozen=True, slots=True)
class Anchor:
    article: str
    sentence: int
    start: int
    end: int
    quote: str
    orphan: bool = False  # the quote could not be found in the current articles

    def key(self) -> tuple[str, int]:
        return (self.article, self.sentence)


@dataclass(frozen=True, slots=True)
class Tag:
    anchor: Anchor
    label: str
    time: str
    extra: dict = field(default_factory=dict, compare=False)  # fields this version does not know: kept


@dataclass(frozen=True, slots=True)
class Note:
    anchor: Anchor
    text: str
    time: str
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class LinkDecision:
    a: Anchor
    b: Anchor
    relation: str
    decision: str
    origin: str = "suggested"
    score: float | None = None
    note: str = ""
    time: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def pair(self) -> frozenset[tuple[str, int]]:
        return frozenset([self.a.key(), self.b.key()])


@dataclass(slots=True)
class ReviewData:
    reviewer: str
    created: str = field(default_factory=now)
    updated: str = ""
    cursor: tuple[str, int] | None = None
    tags: list[Tag] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    links: list[LinkDecision] = field(default_factory=list)
    # labels this reviewer decided do not belong on a sentence (the adjudicator's "leave it out" of a
    # label other reviewers set): ``export --resolve adjudicated`` drops them even where most set them
    absent: list[Tag] = field(default_factory=list)
    migrated_from: int | None = None  # set when an older schema was read
    extra: dict = field(default_factory=dict)  # top-level fields this version does not know: kept on save
