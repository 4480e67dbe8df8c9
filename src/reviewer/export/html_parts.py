"""Pieces of the HTML report: the links of a pair merged into one view, evidence highlighting,
snippets, column letters, label colours and the page's CSS (a package asset)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from reviewer.export.model import End, LinkRow
from reviewer.export.records import oriented
from reviewer.models import Article


@lru_cache(maxsize=1)
def report_css() -> str:
    """The report's stylesheet, ``report.css`` beside this module (inlined in the page)."""
    return resources.files("reviewer.export").joinpath("report.css").read_text(encoding="utf-8")


_CSS_COLOR_OK = set("abcdefghijklmnopqrstuvwxyz#0123456789")


def css_color(c: str) -> str:
    c = (c or "").strip().lower().replace("bright_", "").replace("dark_", "dark")
    if not c or not set(c) <= _CSS_COLOR_OK:
        return "#64748b"
    return {"yellow": "#ca8a04", "cyan": "#0891b2", "magenta": "#c026d3", "green": "#16a34a", "red": "#dc2626",
            "blue": "#2563eb"}.get(c, c)


@dataclass
class PairView:
    a: End
    b: End
    relation: str
    decisions: dict  # reviewer -> decision (accepted / rejected)
    predicted: bool
    score: float | None
    evidence: list[dict]  # oriented to a / b
    notes: list[tuple[str, str]]
    origin: str
    # the reviewers gave the pair different labels (as --resolve reads them), maybe on its other relation
    pair_disputed: bool = False
    elsewhere: dict = field(default_factory=dict)  # reviewer -> "match accepted": their link of another relation
    settled: str = ""  # with --resolve: how the pair was settled ("settled by the adjudicator: rejected")
    kept: bool = False  # with --resolve: the resolved record accepts this link

    @property
    def status(self) -> str:
        """``accepted`` / ``rejected`` (every reviewer who decided it agrees), ``disputed``
        (they disagree, on this link or on the pair's label) or ``predicted`` (nobody decided it)."""
        seen = set(self.decisions.values())
        if not seen:
            return "predicted"
        return seen.pop() if len(seen) == 1 and not self.pair_disputed else "disputed"

    def key(self) -> frozenset:
        return frozenset([self.a.key(), self.b.key()])


def pair_views(links: list[LinkRow]) -> list[PairView]:
    """One view per pair and relation (orphaned pairs apart, by their quotes), with every
    reviewer's decision and the evidence oriented to the view's first link."""
    views: dict[tuple, PairView] = {}
    for l in links:
        orphan = l.orphan
        key = (l.pair(), l.relation, orphan, l.a.text if orphan else "", l.b.text if orphan else "")
        v = views.get(key)
        ev = oriented(l.evidence, flip=v is not None and l.a.key() != v.a.key()) if l.evidence else []
        if v is None:
            v = views[key] = PairView(l.a, l.b, l.relation, {}, False, l.score, ev, [], l.origin)
        elif not v.evidence and ev:
            v.evidence = ev
        if l.decision == "predicted":
            v.predicted = True
        else:
            v.decisions[l.reviewer or l.resolution or "?"] = l.decision
            if l.origin == "manual":
                v.origin = "manual"
        if l.note:
            v.notes.append((l.reviewer or "engine", l.note))
        if v.score is None and l.score is not None:
            v.score = l.score
    return list(views.values())


def title_html(a: Article) -> str:
    title = html.escape(a.title or a.id)
    if a.url and a.url.lower().startswith(("http://", "https://")):
        return f'<a dir="auto" href="{html.escape(a.url, quote=True)}" rel="noopener noreferrer">{title}</a>'
    return f'<span dir="auto">{title}</span>'


def letter(i: int) -> str:
    """Column letters: A … Z, AA, AB …"""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def snippet(text: str, spans: list[tuple[int, int]], limit: int = 320) -> str:
    """The sentence as HTML with its evidence marked; a long one is cut on word boundaries
    around the evidence, so the words that disagree are always shown."""
    if len(text) <= limit:
        return highlight(text, spans)
    valid = [(a, b) for a, b in spans if 0 <= a < b <= len(text)]
    lo = min((a for a, _ in valid), default=0)
    hi = max((b for _, b in valid), default=0)
    start = max(0, min(lo - limit // 3, len(text) - limit))
    end = max(start + limit, hi + 20)
    if start > 0:
        cut = text.find(" ", start)
        start = cut + 1 if 0 <= cut < lo else start
    if end < len(text):
        cut = text.rfind(" ", hi, end)
        end = cut if cut > hi else end
    shifted = [(a - start, b - start) for a, b in valid if a >= start and b <= end]
    return ("…" if start > 0 else "") + highlight(text[start:end], shifted) + ("…" if end < len(text) else "")


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    spans = sorted((max(0, s), min(len(text), e)) for s, e in spans if 0 <= s < e)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


