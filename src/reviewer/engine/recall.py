"""Recall rules for pairs of one language (issue 12): claims in common that the similarity of
the whole sentences misses, because the longer sentence carries other clauses too.

Each rule is about a class of pairs and asks for two anchors a reader could check, so that a
rule never links two sentences on one common word.
"""

from __future__ import annotations

import numpy as np

from reviewer.engine.features import SentFeatures, different_subjects
from reviewer.engine.settings import Tuning

# Durations recur for unrelated reasons ("within 24 hours", "two hours later"): no anchor.
_DURATIONS = frozenset({"hour", "minute"})


def _measures(f: SentFeatures):
    """The sentence's exact measurements with a unit (a length, a distance, a weight...)."""
    got = f.memo.get("measures")
    if got is None:
        got = f.memo["measures"] = tuple(c for c in f.counts if c.unit and c.unit not in _DURATIONS
                                         and c.exact and c.lo == c.hi)
    return got


def has_measure(f: SentFeatures) -> bool:
    return bool(_measures(f))


def shared_measure(a: SentFeatures, b: SentFeatures, radius: int = 1) -> bool:
    """One exact measurement (the same value in the same unit, not a duration) on both sides, with
    a second anchor: a name in common, or the measured thing of one side named in the other
    ("the 14-metre barge" / "Orla, the river barge of 14 metres"); and no other subject named
    within ``radius`` tokens of either figure (the 14-metre barge of one firm and of another)."""
    ma, mb = _measures(a), _measures(b)
    if not (ma and mb):
        return False
    names = bool(a.names_set & b.names_set)
    for ca in ma:
        for cb in mb:
            if cb.unit != ca.unit or cb.lo != ca.lo:
                continue
            thing = bool(set(ca.head[1:]) & b.bag or set(cb.head[1:]) & a.bag)
            if (names or thing) and not different_subjects(a, b, ca.span, cb.span, radius):
                return True
    return False


def measure_pairs(feats: list[SentFeatures], ci, cj, w_shared, t: Tuning):
    """Per candidate pair: does it state one measurement with a second anchor
    (:func:`shared_measure`)? Such a pair is analysed however low the similarity of the whole
    sentences (two long sentences sharing one described thing). Checked only on pairs of two
    sentences with a measurement, of one language, sharing min_shared_weight or more."""
    out = np.zeros(len(ci), dtype=bool)
    with_measure = np.fromiter((has_measure(f) for f in feats), dtype=bool, count=len(feats))
    if not with_measure.any():
        return out
    for k in np.flatnonzero(with_measure[ci] & with_measure[cj] & (w_shared >= t.min_shared_weight)).tolist():
        a, b = feats[ci[k]], feats[cj[k]]
        out[k] = a.lang == b.lang and shared_measure(a, b)
    return out


def quoted_word_pairs(feats: list[SentFeatures], quoted) -> list[tuple[int, int]]:
    """A word one report quotes alone (a scare quote: "the minister decried the ‘sabotage’")
    quotes a speaker; the other report's quotation holding that word states the same claim.
    Per sentence with such a word and per other article of its language, the one sentence whose
    quoted words that word is the largest share of ("“This is sabotage.”" before "“We will
    find who did it, whatever the sabotage cost us.”"); ties go to the shorter sentence, then
    the text's order, so the choice never depends on the articles' order. ``quoted``:
    :func:`reviewer.engine.quotes.quoted` of the cluster. Pairs (i, j) with i < j."""
    wanted = {term for q in quoted for term in q.alone}
    if not wanted:
        return []
    holders: dict[str, list[int]] = {}
    for j, q in enumerate(quoted):
        for term in q.terms & wanted:
            holders.setdefault(term, []).append(j)
    out: set[tuple[int, int]] = set()
    for i, q in enumerate(quoted):
        if not q.alone:
            continue
        a = feats[i]
        best: dict[int, tuple] = {}
        for j in {j for term in q.alone for j in holders.get(term, ())}:
            b = feats[j]
            if b.art == a.art or b.lang != a.lang:
                continue
            terms = quoted[j].terms
            key = (-len(q.alone & terms) / len(terms), len(b.text), b.text, b.idx)
            if b.art not in best or key < best[b.art][0]:
                best[b.art] = (key, j)
        out.update((min(i, j), max(i, j)) for _key, j in best.values())
    return sorted(out)
