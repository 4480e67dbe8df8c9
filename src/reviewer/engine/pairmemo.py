"""Deciding a pair once per kind of pair (issue 15).

Wire copy repeats itself: on a dense cluster the same sentence, word for word, stands in many
articles, so the same two sentences meet again and again as candidate pairs. Their decision
(match, conflict and its evidence, or nothing) is a function of what the two sentences are,
not of where they stand, so it is computed once per kind of pair and shared.

A sentence's kind (:func:`signatures`) is what :func:`reviewer.engine.features.build_features`
derives its features from, besides the cluster-wide tables: its text, its language and the date
of its article (relative dates and years are read against it). A pair's key adds whether both
sentences are in one article (a count check asks) and the pair's similarities; the position of
a sentence (article index, sentence index) is never part of a decision. tests/test_speed.py
holds the memoised alignment to the plain one.
"""

from __future__ import annotations

from reviewer.engine.features import SentFeatures

ENABLED = True  # tests switch it off to compare with the plain path


def signatures(feats: list[SentFeatures], article_dates: list[str | None]) -> list[int]:
    """One small integer per sentence; equal for sentences whose features are equal."""
    kinds: dict[tuple, int] = {}
    if not ENABLED:
        return list(range(len(feats)))
    return [kinds.setdefault((f.text, f.lang, article_dates[f.art]), len(kinds)) for f in feats]
