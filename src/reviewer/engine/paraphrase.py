"""Paraphrases in one language (issue 12): two sentences that say one thing in other words.

The raw cosine of the embedding model says little on its own between two sentences of one
story (every sentence about the same event is close to every other), so a cosine threshold
either misses paraphrases with few shared words or links look-alikes. As for translations
(:mod:`reviewer.engine.crosslingual`), the margin criterion of bitext mining (Artetxe &
Schwenk, 2019) asks more: the pair's cosine over the mean cosine of each sentence with its k
nearest sentences of the same language in other articles, and each sentence the other's best
partner in that article on that margin. Such a pair is scored at the match threshold; the
analysis (facts, negations, names) still decides whether it is a match or a conflict.
"""

from __future__ import annotations

import numpy as np

from reviewer.engine.crosslingual import margin_scores
from reviewer.engine.settings import Tuning


def _best_in_article(m: np.ndarray, mask: np.ndarray, arts: np.ndarray) -> np.ndarray:
    """best[i, j]: j is i's best partner (highest margin, ties all count) among the sentences of
    j's article."""
    best = np.zeros(m.shape, dtype=bool)
    vals = np.where(mask, m, -np.inf)
    for art in np.unique(arts):
        cols = np.flatnonzero(arts == art)
        block = vals[:, cols]
        top = block.max(axis=1, keepdims=True)
        best[:, cols] = (block == top) & np.isfinite(block)
    return best


def margin_pairs(emb: np.ndarray, arts: list[int], langs: list[str], latin: np.ndarray, t: Tuning) -> np.ndarray:
    """n x n bool: pairs of one language (both in Latin script), in two articles, each the
    other's best partner in that article by ratio margin over para_neighbours neighbours, with a
    margin of para_margin or more and a cosine of para_cos_floor or more."""
    n = len(arts)
    out = np.zeros((n, n), dtype=bool)
    if n < 2:
        return out
    a = np.asarray(arts)
    codes = {l: k for k, l in enumerate(sorted(set(langs)))}
    lang = np.array([codes[l] for l in langs])
    mask = (a[:, None] != a[None, :]) & (lang[:, None] == lang[None, :]) & latin[:, None] & latin[None, :]
    if not mask.any():
        return out
    cos = emb @ emb.T
    m = margin_scores(emb, mask, t.para_neighbours, cos)
    best = _best_in_article(m, mask, a)
    return mask & best & best.T & (m >= t.para_margin) & (cos >= t.para_cos_floor)


def cluster_pairs(feats, settings, t: Tuning) -> frozenset[tuple[int, int]]:
    """The :func:`margin_pairs` of a cluster as (i, j) with i < j, when the model runs for it
    (as :func:`reviewer.engine.candidates.semantic_matrix` decides); the embeddings come from
    the store the candidates filled. Empty when the model is off, missing or fails."""
    if settings.semantic == "off" or len(feats) < 2:
        return frozenset()
    if settings.semantic == "auto" and len(feats) > settings.semantic_max_sentences:
        return frozenset()
    from reviewer.engine import semantic

    if not semantic.available():
        return frozenset()
    texts = [f.text for f in feats]
    try:
        emb = semantic.embed(texts)
    except Exception:  # the model failing never stops the alignment (candidates warned already)
        return frozenset()
    latin = np.array([semantic.script(x) == "latin" for x in texts])
    got = margin_pairs(emb, [f.art for f in feats], [f.lang for f in feats], latin, t)
    return frozenset(zip(*(x.tolist() for x in np.nonzero(np.triu(got, k=1)))))
