"""Re-anchoring: re-attach a sidecar's anchors to the current sentences of the articles.

When the articles changed under a sidecar, every anchor is found again by its stored quote:

1. **exact**: the quote at its stored place (same index, and the same offset when the quote
   occurs more than once in the article);
2. **moved**: the exact quote elsewhere in its article, when it occurs there once; a quote that
   occurs several times is placed only by its context (the anchors around it that were found
   without doubt keep their order and distance), else it is ambiguous: an orphan, not a guess;
3. **fuzzy**: the one closest sentence by rapidfuzz ratio ≥ :data:`FUZZY_THRESHOLD`, never one
   whose numbers differ from the quote's (12 is not 13), never a sentence another anchor holds
   unchanged, and never when two sentences score the same;
4. **renamed**: the anchor's article is gone and its exact quote occurs once in the articles:
   re-attached there.

A move is refused (the anchor stays an orphan) when it would make a link join a sentence to
itself, or put two notes on one sentence (notes are never merged). Anchors that cannot be found
are kept as orphans: listed, saved again, never dropped. Every move and refusal is reported
(:attr:`ReanchorReport.lines`).

The input is :data:`Sentences` (article id -> [(start, end, text)]); :func:`sentences_of`
builds it from a loaded cluster, the one place that does.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from reviewer.annotations import Anchor, ReviewData
from reviewer.models import Cluster

FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0-100) for re-attaching an edited sentence

Sentences = dict[str, list[tuple[int, int, str]]]

_RANK = {"exact": 0, "moved": 1, "renamed": 2, "fuzzy": 3}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = re.compile(r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                           r"thirty|forty|fifty|hundred|thousand|million|billion|dozens?|first|second|third)\b",
                           re.IGNORECASE)


def sentences_of(cluster: Cluster) -> Sentences:
    """The re-anchoring input of a cluster: each article's sentences as (start, end, text)."""
    return {a.id: [(s.start, s.end, s.text) for s in a.sentences] for a in cluster.articles}


@dataclass
class ReanchorReport:
    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphans: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # one per moved item and per refused move
    warning: str | None = None  # set by reanchor_or_refuse when no item is on these articles

    @property
    def anchored(self) -> int:
        return self.exact + self.moved + self.fuzzy


def numbers_of(text: str) -> list[str]:
    """The numbers a sentence states (digits and number words), in order, for comparing quotes."""
    return _NUMBER.findall(text) + [w.lower() for w in _NUMBER_WORDS.findall(text)]


def _where(article: str, sentence: int, quote: str) -> str:
    quote = quote if len(quote) <= 50 else quote[:50].rsplit(" ", 1)[0] + " …"
    return f"{article}:{sentence} “{quote}”"


class _Placer:
    """Places every distinct anchor of a sidecar on the current sentences."""

    def __init__(self, anchors: list[Anchor], sentences: Sentences):
        from rapidfuzz import fuzz

        self.fuzz = fuzz
        self.sentences = sentences
        self.placed: dict[Anchor, tuple[int, str] | None] = {}  # anchor -> (new index, kind) or None
        self.why: dict[Anchor, str] = {}
        self.score: dict[Anchor, float] = {}  # the ratio of each fuzzy placement
        by_article: dict[str, list[Anchor]] = {}
        for a in dict.fromkeys(anchors):
            by_article.setdefault(a.article, []).append(a)
        for art, group in by_article.items():
            sents = sentences.get(art)
            if sents is None:
                for a in group:
                    self.placed[a] = None
                continue
            self._place_article(group, sents)

    def _place_article(self, group: list[Anchor], sents: list[tuple[int, int, str]]) -> None:
        where: dict[str, list[int]] = {}
        for k, s in enumerate(sents):
            where.setdefault(s[2], []).append(k)
        ambiguous, edited = [], []
        for a in group:
            if not a.quote:  # no quote stored: only its index can place it
                self.placed[a] = (a.sentence, "exact") if 0 <= a.sentence < len(sents) else None
                continue
            same = where.get(a.quote, [])
            if len(same) == 1:
                self.placed[a] = (same[0], "exact" if same[0] == a.sentence else "moved")
            elif a.sentence in same and (a.start < 0 or sents[a.sentence][0] == a.start):
                self.placed[a] = (a.sentence, "exact")  # nothing before it changed
            elif same:
                ambiguous.append((a, same))
            else:
                edited.append(a)
        # Context: anchors placed without doubt, by old index -> new index.
        sure = sorted((a.sentence, p[0]) for a, p in self.placed.items()
                      if p is not None and a.article == group[0].article and a.quote)
        for a, same in ambiguous:
            k = self._by_context(a.sentence, same, sure)
            if k is None:
                self.placed[a] = None
                self.why[a] = f"its sentence occurs {len(same)} times in the article and nothing around it tells which"
            else:
                self.placed[a] = (k, "exact" if k == a.sentence else "moved")
        held = {sents[p[0]][2] for a, p in self.placed.items() if p is not None and a.article == group[0].article}
        for a in edited:
            self.placed[a] = self._fuzzy(a, sents, held)

    @staticmethod
    def _by_context(old: int, candidates: list[int], sure: list[tuple[int, int]]) -> int | None:
        before = [(o, n) for o, n in sure if o < old]
        after = [(o, n) for o, n in sure if o > old]
        prev = before[-1] if before else None
        nxt = after[0] if after else None
        if prev is None and nxt is None:
            return None
        fits = [k for k in candidates if (prev is None or k > prev[1]) and (nxt is None or k < nxt[1])]
        close = [k for k in fits if (prev is not None and k - prev[1] == old - prev[0])
                 or (nxt is not None and nxt[1] - k == nxt[0] - old)]
        if len(close) == 1:
            return close[0]
        return fits[0] if len(fits) == 1 else None

    def _fuzzy(self, a: Anchor, sents: list[tuple[int, int, str]], held: set[str]) -> tuple[int, str] | None:
        nums = sorted(numbers_of(a.quote))
        scored = []
        refused_numbers = refused_held = False
        for k, s in enumerate(sents):
            score = self.fuzz.ratio(a.quote, s[2], score_cutoff=FUZZY_THRESHOLD)
            if not score:
                continue
            if s[2] in held:  # an unchanged sentence another anchor holds: not this one edited
                refused_held = True
                continue
            if sorted(numbers_of(s[2])) != nums:
                refused_numbers = True
                continue
            scored.append((score, k))
        scored.sort(reverse=True)
        if not scored:
            if refused_numbers:
                self.why[a] = "the closest sentence states other numbers"
            elif refused_held:
                self.why[a] = "the closest sentence is unchanged and holds other work"
            return None
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            self.why[a] = "two sentences are equally close"
            return None
        self.score[a] = scored[0][0]
        return scored[0][1], "fuzzy"

    def renamed(self, a: Anchor) -> tuple[str, int] | None:
        """(article, index) where the exact quote of an anchor whose article is gone occurs once."""
        if not a.quote:
            return None
        hits = [(art, k) for art, sents in self.sentences.items() for k, s in enumerate(sents) if s[2] == a.quote]
        return hits[0] if len(hits) == 1 else None


def reanchor(data: ReviewData, sentences: Sentences) -> ReanchorReport:
    """Re-attach every anchor to the current sentences (see :func:`sentences_of`)."""
    anchors = ([t.anchor for t in data.tags] + [n.anchor for n in data.notes]
               + [e for l in data.links for e in (l.a, l.b)] + [t.anchor for t in data.absent])
    run = _Reanchoring(sentences, _Placer(anchors, sentences))
    data.tags = [run.tag(t) for t in data.tags]
    data.absent = [run.tag(t) for t in data.absent]
    data.notes = run.notes(data.notes)
    data.links = [run.link(l) for l in data.links]
    return run.rep


class _Reanchoring:
    """One pass of :func:`reanchor`: where each anchor goes, and the report of what moved."""

    def __init__(self, sentences: Sentences, placer: _Placer):
        self.sentences, self.placer, self.rep = sentences, placer, ReanchorReport()

    def new_of(self, a: Anchor) -> tuple[Anchor, str]:
        """The re-attached anchor and how it was found ("orphan" when it was not)."""
        p = self.placer.placed.get(a)
        if p is None and a.article not in self.sentences:
            hit = self.placer.renamed(a)
            if hit is not None:
                art, k = hit
                s = self.sentences[art][k]
                return Anchor(art, k, s[0], s[1], s[2]), "renamed"
        if p is None:
            return dataclasses.replace(a, orphan=True), "orphan"
        k, kind = p
        s = self.sentences[a.article][k]
        return Anchor(a.article, k, s[0], s[1], s[2]), kind

    def why_of(self, a: Anchor) -> str | None:
        if a.article not in self.sentences:
            return f"article {a.article!r} is gone"
        return self.placer.why.get(a)

    def record(self, what: str, old: Anchor, new: Anchor, kind: str, why: str | None = None) -> None:
        rep = self.rep
        if kind == "orphan":
            rep.orphans.append(f"{old.article}:{old.sentence} “{old.quote[:60]}”")
            if why:
                rep.lines.append(f"{what} on {_where(old.article, old.sentence, old.quote)} not moved: {why}; "
                                 "kept as an orphan")
            return
        if kind == "exact":
            rep.exact += 1
            return
        if kind == "fuzzy":
            rep.fuzzy += 1
        else:
            rep.moved += 1
        how = {"moved": "moved", "fuzzy": "edited sentence", "renamed": "article renamed"}[kind]
        rep.lines.append(f"{what} {_where(old.article, old.sentence, old.quote)} → {new.article}:{new.sentence} "
                         f"({how})")

    def tag(self, t):
        new, kind = self.new_of(t.anchor)
        self.record(f"tag {t.label!r}", t.anchor, new, kind, self.why_of(t.anchor))
        return dataclasses.replace(t, anchor=new)

    def notes(self, notes: list) -> list:
        """Never two notes on one sentence. Where several land on one, those found exactly keep it;
        without an exact one, the one found best keeps it when it is the only one found that way;
        the others stay orphans (never merged, never dropped)."""
        placed = [(n, *self.new_of(n.anchor)) for n in notes]
        on_key: dict[tuple[str, int], list[int]] = {}
        for i, (_, new, kind) in enumerate(placed):
            if kind != "orphan":
                on_key.setdefault(new.key(), []).append(i)
        keep: set[int] = set()
        for idx in on_key.values():
            exact = [i for i in idx if placed[i][2] == "exact"]
            if exact:
                keep.update(exact)
                continue
            ranks = sorted((_RANK[placed[i][2]], -self.placer.score.get(placed[i][0].anchor, 100.0), i) for i in idx)
            if len(ranks) == 1 or ranks[0][:2] < ranks[1][:2]:
                keep.add(ranks[0][2])
        out = []
        for i, (n, new, kind) in enumerate(placed):
            why = self.why_of(n.anchor)
            if kind != "orphan" and i not in keep:
                why = f"another note is on {new.article}:{new.sentence} (notes are never merged)"
                new, kind = dataclasses.replace(n.anchor, orphan=True), "orphan"
            self.record("note", n.anchor, new, kind, why)
            out.append(dataclasses.replace(n, anchor=new))
        return out

    def link(self, l):
        """Both ends re-attached; never a link from a sentence to itself."""
        (na, ka), (nb, kb) = self.new_of(l.a), self.new_of(l.b)
        what = f"{l.relation} link end"
        if ka != "orphan" and kb != "orphan" and na.key() == nb.key() and l.a.key() != l.b.key():
            why = f"it would join {na.article}:{na.sentence} to itself"
            if ka != "exact":
                na, ka = dataclasses.replace(l.a, orphan=True), "orphan"
            if kb != "exact" or ka == "exact":
                nb, kb = dataclasses.replace(l.b, orphan=True), "orphan"
            self.record(what, l.a, na, ka, why if ka == "orphan" else None)
            self.record(what, l.b, nb, kb, why if kb == "orphan" else None)
        else:
            self.record(what, l.a, na, ka, self.why_of(l.a))
            self.record(what, l.b, nb, kb, self.why_of(l.b))
        return dataclasses.replace(l, a=na, b=nb)


def nothing_anchored(rep: ReanchorReport, path) -> str | None:
    """The warning line for a sidecar none of whose tags or links is on these articles (it may be
    another cluster's, or its articles were renamed): read anyway, every item an orphan. None when
    at least one item is anchored. The TUI shows the same line."""
    if rep.orphans and not rep.anchored:
        return (f"{path}: none of its {len(rep.orphans)} tags, notes or link ends is on a sentence of these "
                "articles (another cluster's sidecar, or the articles were renamed); read anyway, all kept as orphans")
    return None


def reanchor_or_refuse(data: ReviewData, sentences: Sentences, path) -> ReanchorReport:
    """Re-anchor, and set ``rep.warning`` (see :func:`nothing_anchored`) when no item is on these
    articles. One rule for export, agree, check and the app: such a sidecar is read, with that
    warning, never refused; its orphans are kept with their quotes."""
    rep = reanchor(data, sentences)
    rep.warning = nothing_anchored(rep, path)
    return rep


def orphan_lines(data: ReviewData) -> list[str]:
    """One line per tag, note or link decision whose sentence could not be found."""
    def where(a: Anchor) -> str:
        quote = a.quote if len(a.quote) <= 70 else a.quote[:70].rsplit(" ", 1)[0] + " …"
        return f"{a.article}:{a.sentence} “{quote}”"
    out = [f"tag {t.label!r} on {where(t.anchor)}" for t in data.tags if t.anchor.orphan]
    out += [f"label {t.label!r} left out on {where(t.anchor)}" for t in data.absent if t.anchor.orphan]
    out += [f"note on {where(n.anchor)}" for n in data.notes if n.anchor.orphan]
    out += [f"{d.relation} link ({d.decision}) {where(d.a)} – {where(d.b)}"
            for d in data.links if d.a.orphan or d.b.orphan]
    return out
