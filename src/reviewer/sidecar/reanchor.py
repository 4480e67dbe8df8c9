"""Re-anchoring: re-attach a sidecar's anchors to the current sentences of the articles.

When the articles changed under a sidecar, every anchor is found again by its stored quote:
at its stored place first, then the exact quote elsewhere in the article, then the closest
sentence by fuzzy match above a threshold. Anchors that cannot be found are kept as orphans:
listed, saved again, never dropped.

The input is :data:`Sentences` (article id -> [(start, end, text)]); :func:`sentences_of`
builds it from a loaded cluster, the one place that does.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from reviewer.annotations import Anchor, ReviewData
from reviewer.errors import SidecarError
from reviewer.models import Cluster

FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0-100) for re-attaching an edited sentence

Sentences = dict[str, list[tuple[int, int, str]]]


def sentences_of(cluster: Cluster) -> Sentences:
    """The re-anchoring input of a cluster: each article's sentences as (start, end, text)."""
    return {a.id: [(s.start, s.end, s.text) for s in a.sentences] for a in cluster.articles}


@dataclass
class ReanchorReport:
    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphans: list[str] = field(default_factory=list)


def _find(a: Anchor, sents: list[tuple[int, int, str]], rep: ReanchorReport) -> Anchor | None:
    """The anchor on the current sentences of its article, or None; counts how it was found."""
    from rapidfuzz import fuzz, process

    if 0 <= a.sentence < len(sents) and (sents[a.sentence][2] == a.quote or not a.quote):
        k, kind = a.sentence, "exact"
    elif not a.quote:
        return None
    else:
        same = [k for k, s in enumerate(sents) if s[2] == a.quote]
        if same:
            k, kind = min(same, key=lambda k: abs(k - a.sentence)), "moved"
        else:
            best = process.extractOne(a.quote, [s[2] for s in sents], scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_THRESHOLD)
            if best is None:
                return None
            k, kind = best[2], "fuzzy"
    setattr(rep, kind, getattr(rep, kind) + 1)
    return Anchor(a.article, k, sents[k][0], sents[k][1], sents[k][2])


def reanchor(data: ReviewData, sentences: Sentences) -> ReanchorReport:
    """Re-attach every anchor to the current sentences (see :func:`sentences_of`)."""
    rep = ReanchorReport()
    memo: dict[Anchor, Anchor] = {}

    def fix(a: Anchor) -> Anchor:
        if a in memo:
            return memo[a]
        sents = sentences.get(a.article)
        new = _find(a, sents, rep) if sents is not None else None
        if new is None:
            new = dataclasses.replace(a, orphan=True)
            rep.orphans.append(f"{a.article}:{a.sentence} “{a.quote[:60]}”")
        memo[a] = new
        return new

    data.tags = [dataclasses.replace(t, anchor=fix(t.anchor)) for t in data.tags]
    data.notes = [dataclasses.replace(n, anchor=fix(n.anchor)) for n in data.notes]
    data.links = [dataclasses.replace(l, a=fix(l.a), b=fix(l.b)) for l in data.links]
    return rep


def reanchor_or_refuse(data: ReviewData, sentences: Sentences, path) -> ReanchorReport:
    """Re-anchor, and refuse a sidecar none of whose anchors is on these articles: it belongs to
    another cluster, and reading it as this one's would only produce orphans and wrong figures."""
    rep = reanchor(data, sentences)
    if rep.orphans and not (rep.exact or rep.moved or rep.fuzzy):
        raise SidecarError("none of its tags or links is on a sentence of these articles: it belongs to "
                           "another cluster", path=str(path))
    return rep


def orphan_lines(data: ReviewData) -> list[str]:
    """One line per tag, note or link decision whose sentence could not be found."""
    def where(a: Anchor) -> str:
        quote = a.quote if len(a.quote) <= 70 else a.quote[:70].rsplit(" ", 1)[0] + " …"
        return f"{a.article}:{a.sentence} “{quote}”"
    out = [f"tag {t.label!r} on {where(t.anchor)}" for t in data.tags if t.anchor.orphan]
    out += [f"note on {where(n.anchor)}" for n in data.notes if n.anchor.orphan]
    out += [f"{d.relation} link ({d.decision}) {where(d.a)} – {where(d.b)}"
            for d in data.links if d.a.orphan or d.b.orphan]
    return out
