"""Candidate pairs of two reports' tolls (issue 12, stop 23).

Two sentences of one language that each give the event's toll of the dead (or injured) with
figures that disagree are worth comparing even when they share few words: "Officials counted
64 dead by nightfall" and "The storm has killed more than 90 people, the agency said" are one
slot with two figures. The word and model similarities miss such pairs; this path brings them
to the fact rules (as compare-for-facts-only candidates: never a match), which then decide.

Only a toll of people in general counts ("64 dead", "90 people were killed"), or of the
cluster's own people (a group most of its sentences name): another named group ("12
firefighters died") may be a part of the toll, not the toll. Small figures (below
toll_floor_min) and sentences about another event are left out. Counts of a named group ("9
Serb climbers" / "6 Serbs" in a list) are paired the same way.
"""

from __future__ import annotations

from reviewer.engine import specificity
from reviewer.engine.evidence import count_contexts, counts_disagree, same_slot
from reviewer.engine.facts import Count, count_states
from reviewer.engine.features import SentFeatures
from reviewer.engine.settings import Tuning
from reviewer.lang.en import GENERIC_HEADS, STATE_TERMS, TOLL_STATES


def _tolls(f: SentFeatures, t: Tuning) -> tuple[int, ...]:
    """Indexes of the sentence's counts that give a toll of people in general."""
    got = f.memo.get("toll_pairs")
    if got is None:
        got = ()
        if not f.other_event:
            got = tuple(n for n, c in enumerate(f.counts) if _is_toll(f, c, t) or _is_group(c, t))
        f.memo["toll_pairs"] = got
    return got


def _is_toll(f: SentFeatures, c: Count, t: Tuning) -> bool:
    if c.weak or c.vague or c.unit or c.lo < t.toll_floor_min:
        return False
    if not count_states(c) & TOLL_STATES:
        return False
    # People in general, or the cluster's own people (a group named in a large share of its
    # sentences: specificity.common), no other named group.
    return all(specificity.common(f, h) for h in set(c.head) - STATE_TERMS.keys() - GENERIC_HEADS)


def _is_group(c: Count, t: Tuning) -> bool:
    """A plain count of a named group ("nine Serb climbers", "6 Serbs"): two reports' figures
    for it are one slot whatever words surround them (stop 23)."""
    return c.exact and not (c.weak or c.vague or c.unit) and c.lo >= t.group_pair_min \
        and any(h.startswith("N:") for h in c.head)


def toll_pairs(feats: list[SentFeatures], t: Tuning) -> list[tuple[int, int]]:
    """Pairs (i < j) of sentences of two articles, one language, each giving a toll of the same
    fate, whose figures disagree."""
    have = [(n, _tolls(f, t)) for n, f in enumerate(feats)]
    have = [(n, k) for n, k in have if k]
    if len(have) > t.toll_pairs_max:
        return []  # issue 15: a stream of wire copies, each naming the toll; their words link them
    out: list[tuple[int, int]] = []
    for x, (i, ki) in enumerate(have):
        a = feats[i]
        xa = count_contexts(a, t)
        for j, kj in have[x + 1:]:
            b = feats[j]
            if a.art == b.art or a.lang != b.lang or a.years != b.years:
                continue
            xb = count_contexts(b, t)
            if any(counts_disagree(a.counts[p], b.counts[q], t)
                   and same_slot(a, a.counts[p], xa[p], b, b.counts[q], xb[q], 0.0, 1.0, t)
                   for p in ki for q in kj):
                out.append((i, j))
    return out


def with_toll_pairs(cand, feats: list[SentFeatures], settings, t: Tuning):
    """``cand`` (candidates.Candidates) with the toll pairs it lacks added, compared for facts
    only, at the conflict threshold's similarity."""
    import numpy as np

    pairs = toll_pairs(feats, t)
    if not pairs:
        return cand
    # issue 15: the pairs it has as one int64 key per unordered pair, not a set of tuples of
    # every candidate (hundreds of thousands on a dense cluster)
    n = len(feats)
    ci, cj = cand.i.astype(np.int64), cand.j.astype(np.int64)
    have = np.minimum(ci, cj) * n + np.maximum(ci, cj)
    want = np.array([min(i, j) * n + max(i, j) for i, j in pairs], dtype=np.int64)
    new = [p for p, known in zip(pairs, np.isin(want, have).tolist()) if not known]
    if not new:
        return cand
    ni = np.array([p[0] for p in new], dtype=cand.i.dtype)
    nj = np.array([p[1] for p in new], dtype=cand.j.dtype)
    s = np.full(len(new), settings.conflict_threshold, dtype=cand.sim.dtype)
    return type(cand)(np.concatenate([cand.i, ni]), np.concatenate([cand.j, nj]), np.concatenate([cand.sim, s]),
                      np.concatenate([cand.lex, np.zeros(len(new), dtype=cand.lex.dtype)]),
                      np.concatenate([cand.facts_only, np.ones(len(new), dtype=bool)]),
                      np.concatenate([cand.whole, s]))
