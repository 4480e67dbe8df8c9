"""What the widgets draw from: one immutable snapshot of the review, made after every change.

``ViewState`` is shared by every column, the bars and the inspector; ``SentenceLook`` is what a
column needs to draw one sentence (its gutter and its highlighted spans). Colours are not here:
the widgets take them from their component classes in app.tcss.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.config import Label
from reviewer.models import Cluster
from reviewer.review import Key, ReviewSession, ShownLink


DECIDED_CONFLICT = "≢"  # a conflict the reviewer accepted: no longer open, still a conflict


def open_conflict_links(state: "ViewState", article_id: str | None = None) -> int:
    """Open (undecided) conflict links, all of them or those with an end in one article: the
    column headers and the status bar count the same thing."""
    s = state.session
    if s is None:
        return 0
    return sum(1 for l in s.links if l.relation == "conflict" and l.decision is None
               and (article_id is None or article_id in (l.a[0], l.b[0])))


@dataclass(frozen=True, eq=False)  # eq=False: every new snapshot counts as a change
class ViewState:
    cluster: Cluster
    session: ReviewSession | None
    labels: tuple[Label, ...] = ()
    cursor: Key = ("", 0)
    art: int = 0
    links: tuple[ShownLink, ...] = ()  # of the cursor's sentence
    focus: ShownLink | None = None
    highlight: dict[Key, ShownLink] = field(default_factory=dict)
    mark: Key | None = None
    filter_mode: str = "all"
    search_query: str = ""
    search_hits: frozenset[Key] = frozenset()
    search_pos: int = -1
    n_hits: int = 0
    aligning: bool = False
    others: object | None = None  # --adjudicate: the reviewers' decisions (export.adjudication.Decisions)

    def label(self, name: str) -> Label | None:
        return next((l for l in self.labels if l.name == name), None)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # evidence-conflict | evidence-match | search


@dataclass(frozen=True, slots=True)
class SentenceLook:
    """How one sentence is drawn in its column."""

    cursor: bool = False
    linked: str | None = None  # the relation of the link to the cursor's sentence, if any
    dim: bool = False  # hidden by the filter
    marked: bool = False
    link_glyph: str = ""  # ≠ open conflict, ≢ decided (accepted) conflict, ≈ match, "" none
    review_glyph: str = " "  # ✓ every link decided, · some to review
    label_short: str = ""
    label_color: str = "default"
    more_labels: bool = False
    note: bool = False
    spans: tuple[Span, ...] = ()


def evidence_spans(link: ShownLink, key: Key) -> list[Span]:
    kind = "evidence-conflict" if link.relation == "conflict" else "evidence-match"
    return [Span(*(e.a_span if key == link.a else e.b_span), kind) for e in link.evidence]


# What a sentence's look takes from the review's data (its links, labels and note), which a
# cursor move does not change: (by_sentence, tags_by, notes_by, labels) it was made from ->
# key -> (glyph, review glyph, label short, label colour, more labels, note). The session makes
# those three anew on every change (ReviewSession._rebuild), so they say when it is stale.
_BASE: list = [None, None, None, None, {}]


def _base_look(state: ViewState, key: Key) -> tuple:
    s = state.session
    if s is None:
        return ("", " ", "", "default", False, False)
    memo = _BASE
    if (memo[0] is not s.by_sentence or memo[1] is not s.tags_by or memo[2] is not s.notes_by
            or memo[3] != state.labels):
        memo[:] = [s.by_sentence, s.tags_by, s.notes_by, state.labels, {}]
    got = memo[4].get(key)
    if got is None:
        links = s.by_sentence.get(key, [])
        live = [l for l in links if l.decision != "rejected"]
        conflicts = [l for l in live if l.relation == "conflict"]
        glyph = ("≠" if any(l.decision is None for l in conflicts) else DECIDED_CONFLICT if conflicts
                 else "≈" if live else "")
        review = (" " if not links else "✓" if all(l.decision is not None for l in links) else "·")
        tags = s.tags_by.get(key, [])
        short, color = "", "default"
        if tags:
            lab = state.label(tags[0])
            short, color = (lab.short, lab.color) if lab else (tags[0][:3].upper(), "white")
        note = bool(s.notes_by.get(key)) or any(l.note for l in links)
        got = memo[4][key] = (glyph, review, short, color, len(tags) > 1, note)
    return got


def look(state: ViewState, key: Key) -> SentenceLook:
    s = state.session
    glyph, review, short, color, more_labels, note = _base_look(state, key)
    is_cursor = key == state.cursor
    hl = state.highlight.get(key)
    spans: list[Span] = []
    if is_cursor and state.focus is not None:
        spans = evidence_spans(state.focus, key)
    elif not is_cursor and hl is not None:
        spans = evidence_spans(hl, key)
    if state.search_query and key in state.search_hits and s is not None:
        q = state.search_query.lower()
        k = s.sentences[key].text.lower().find(q)
        if k >= 0:
            spans.append(Span(k, k + len(q), "search"))
    return SentenceLook(
        cursor=is_cursor, linked=hl.relation if hl is not None else None,
        dim=state.filter_mode != "all" and s is not None and not s.shows(key, state.filter_mode),
        marked=key == state.mark, link_glyph=glyph, review_glyph=review,
        label_short=short, label_color=color, more_labels=more_labels, note=note, spans=tuple(spans),
    )
