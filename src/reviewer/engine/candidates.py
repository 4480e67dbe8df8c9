"""Candidate pairs and their similarity.

TF-IDF vectors over the cluster (IDF by sentence). Candidate pairs are the pairs that share
at least one informative term: a sparse product restricted to terms whose posting lists fit a
work budget, so the cost grows with the number of sentences, not its square. Word order is
never assumed: articles reorder freely. The optional semantic model adds the pairs it finds
close (paraphrases with few shared words, translations); where words and model agree (two
sentences each other's best on both), the model's score adds to the words' one.
"""

from __future__ import annotations

import importlib
import math
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from reviewer.config import AlignSettings
from reviewer.engine import crosslingual, recall, twocores
from reviewer.engine.features import SentFeatures
from reviewer.engine.settings import Tuning

BY_TEXT = True  # issue 15: pairs worked out once per distinct sentence (tests switch it off to compare)


@dataclass(slots=True)
class Candidates:
    """Parallel arrays, one entry per candidate pair (i < j)."""

    i: np.ndarray
    j: np.ndarray
    sim: np.ndarray  # the combined similarity
    lex: np.ndarray  # the word-based part alone
    facts_only: np.ndarray  # close for the model only: compared for facts, never a match
    whole: np.ndarray  # the similarity of the whole sentences, before a shared clause raised it

    def take(self, sel: np.ndarray) -> "Candidates":
        return Candidates(self.i[sel], self.j[sel], self.sim[sel], self.lex[sel], self.facts_only[sel], self.whole[sel])


def _fact_terms(f: SentFeatures) -> list[str]:
    """Terms for facts written in words the sentences need not share: a share of a whole ("about
    a third of the port" / "1/4 of the port") is the term "#share:<whole>", so two sentences giving
    a share of the same whole are compared (issue 12)."""
    return [f"#share:{c.head[1]}" for c in f.counts if len(c.head) == 2 and c.head[0] == "share" and c.hi <= 1]


def tfidf(feats: list[SentFeatures], mult: np.ndarray | None = None) -> tuple[sparse.csr_matrix, np.ndarray, sparse.csr_matrix]:
    """TF-IDF rows (L2-normalised), document frequencies, and the rows of IDF weights of each
    distinct term (for the weighted overlap). With ``mult``, each row stands for that many
    sentences (issue 15: the kinds of :func:`_kinds`): the rows of those sentences, the same
    document frequencies."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        tf = Counter(x for x in f.terms if x is not None)
        tf.update(f.extra)
        tf.update(_fact_terms(f))
        for term, c in tf.items():
            rows.append(r)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(1.0 + math.log(c))
    nr = len(feats)
    n = nr if mult is None else int(mult.sum())
    m = sparse.csr_matrix((np.array(vals, dtype=np.float64), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
                          shape=(nr, max(1, len(vocab))))
    if mult is None:
        df = np.bincount(m.indices, minlength=m.shape[1]).astype(np.float64)
    else:
        df = np.bincount(m.indices, weights=np.repeat(mult, np.diff(m.indptr)).astype(np.float64),
                         minlength=m.shape[1]).astype(np.float64)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    present = m.copy()
    present.data[:] = 1.0
    weights = present.multiply(idf.reshape(1, -1)).tocsr()
    m = m.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = sparse.diags(1.0 / norms) @ m
    return m.tocsr(), df, weights


def _blocking(df: np.ndarray, t: Tuning) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The terms by document frequency, rarest first; those that fit the work budget (in two
    sentences at least); and those over it, when they are most of the repeated terms (else
    none: a few very common words of a large vocabulary are left out, little say in the score)."""
    order = np.argsort(df, kind="stable")  # rarest first
    cost = np.cumsum(df[order] ** 2)
    mask = np.zeros(len(df), dtype=bool)
    mask[order[cost <= t.block_budget]] = True
    mask &= df >= 2
    over = (df >= 2) & ~mask
    if over.sum() < t.combo_min_share * (df >= 2).sum():
        over[:] = False
    return order, mask, over


def lexical_pairs(x: sparse.csr_matrix, weights: sparse.csr_matrix, df: np.ndarray, art_of: np.ndarray,
                  within: bool, t: Tuning, sort: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) sharing an informative term, with their cosine and shared IDF weight;
    sorted by i then j, or with ``sort=False`` in no set order (issue 15: the caller sorts
    the few it keeps, :func:`_in_pair_order`).

    Blocking: only terms whose posting lists fit a work budget (rarest first) take part, so
    the cost follows the number of sentences, not its square. On a small cluster every term
    fits and this is exact. On a large one the commonest terms do not fit alone. When they are
    a few very common words of a large vocabulary, they are left out of both the pairs and the
    values. When most of the vocabulary is over the budget (a dense cluster of wire copy from
    few words, every one of them common: it kept almost no links past 5,000 sentences, issue
    15), two of a sentence's rarest such terms together are a key of their own (same budget),
    and the values of every pair found count every term."""
    order, mask, over = _blocking(df, t)
    cross = None if within else art_of
    i, j, cos, w_shared, co = _budgeted_products(x, weights, np.flatnonzero(mask), cross)
    if over.any():
        # Pairs only a combined key finds share no budgeted term; then every pair's values also
        # count the terms over the budget, pair by pair.
        extra = _combo_pairs(x, df, order, co, over, t)
        if extra is not None:
            ei, ej = extra
            if not within:
                sel = art_of[ei] != art_of[ej]
                ei, ej = ei[sel], ej[sel]
            if sort:
                i, j, cos, w_shared = _merge_sorted(x.shape[0], (i.astype(np.int64), j.astype(np.int64), cos, w_shared),
                                                    ei, ej)
            else:  # the same pairs and values (the combined keys' pairs: 0 on the budgeted terms)
                i, j = np.concatenate([i.astype(np.int64), ei]), np.concatenate([j.astype(np.int64), ej])
                cos, w_shared = np.concatenate([cos, np.zeros(len(ei))]), np.concatenate([w_shared, np.zeros(len(ei))])
    if over.any():
        oc = np.flatnonzero(over)
        cos_o, ws_o = _pair_values(x[:, oc], weights[:, oc], i, j)
        cos, w_shared = cos + cos_o, w_shared + ws_o
    return i, j, cos, w_shared


def _product_operands(x: sparse.csr_matrix, weights: sparse.csr_matrix, cols: np.ndarray):
    """The rows of ``x`` and ``weights`` on the terms ``cols``, and the transposes their block
    products take: ``xb @ xt`` gives cosines, ``wb @ pt`` the IDF weight two rows share
    (``pt``: which row has which term)."""
    xb = x[:, cols].tocsr()
    wb = weights[:, cols].tocsr()
    pb = wb.copy()
    pb.data[:] = 1.0
    return xb, wb, xb.T.tocsr(), pb.T.tocsr()


def _budgeted_products(x: sparse.csr_matrix, weights: sparse.csr_matrix, cols: np.ndarray,
                       art_of: np.ndarray | None = None, block: int = 2048):
    """Pairs (i < j, sorted by i then j; of two articles when ``art_of`` is given) sharing one
    of the given terms: rows, columns, cosines and shared IDF weights over those terms, and the
    cosines' upper triangle (CSR, for :func:`_combo_pairs`).

    issue 15 (speed, memory): the products are taken ``block`` rows at a time (each row of a
    product is computed on its own: the same values, and only a block's full rows are held),
    their upper triangles cut by :func:`_upper_sorted` instead of ``sparse.triu`` and
    ``sort_indices``."""
    xb, wb, xt, pt = _product_operands(x, weights, cols)
    n = x.shape[0]
    parts = []
    for r0 in range(0, n, block):
        r1 = min(n, r0 + block)
        counts, j_co, v_co = _upper_sorted(xb[r0:r1] @ xt, r0)
        counts_w, j_w, v_w = _upper_sorted(wb[r0:r1] @ pt, r0)
        # one set of pairs (all values positive: no entry cancels), in the same order now
        assert np.array_equal(counts, counts_w) and np.array_equal(j_co, j_w)
        parts.append((counts, j_co, v_co, v_w))
    counts = np.concatenate([p[0] for p in parts]) if parts else np.zeros(n, dtype=np.int64)
    j = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.int32)
    cos = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0)
    w_shared = np.concatenate([p[3] for p in parts]) if parts else np.zeros(0)
    del parts
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    co = sparse.csr_matrix((cos, j, indptr), shape=(n, n))
    co.has_sorted_indices = True
    i = np.repeat(np.arange(n, dtype=j.dtype), counts)
    if art_of is not None:
        sel = np.flatnonzero(art_of[i] != art_of[j])
        i, j, cos, w_shared = i[sel], j[sel], cos[sel], w_shared[sel]
    return i, j, cos, w_shared, co


def _upper_sorted(prod: sparse.csr_matrix, r0: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries above the diagonal of rows ``r0``... of a product (column > row), sorted by
    column within each row: per row counts, columns, values (untouched). A mask and one
    per-row sort of positions (scipy's own row sort), instead of ``sparse.triu`` and
    ``sort_indices``."""
    idx = prod.indices
    nr = prod.shape[0]
    rows = np.repeat(np.arange(r0, r0 + nr, dtype=idx.dtype), np.diff(prod.indptr))
    upper = np.flatnonzero(idx > rows)
    del rows
    counts = np.diff(np.searchsorted(upper, prod.indptr))
    indptr = np.zeros(nr + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    pos = sparse.csr_matrix((upper.astype(np.float64), idx[upper], indptr), shape=prod.shape)
    pos.has_sorted_indices = False
    pos.sort_indices()
    return counts, pos.indices, prod.data[pos.data.astype(np.int64)]


def _merge_sorted(n: int, a: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], bi: np.ndarray,
                  bj: np.ndarray):
    """``a``'s pairs (sorted by i then j) and the pairs ``bi, bj`` (values 0) in one list sorted
    by i then j, ``a``'s first among equal pairs: what a stable sort of the two lists one after
    the other gives, by one merge (issue 15: the budgeted pairs are sorted already)."""
    ai, aj, acos, aws = a
    ka = ai * n + aj
    kb = bi * n + bj
    ob = np.argsort(kb, kind="stable")
    kb = kb[ob]
    at = np.searchsorted(ka, kb, side="right") + np.arange(len(kb))
    total = len(ka) + len(kb)
    from_b = np.zeros(total, dtype=bool)
    from_b[at] = True
    from_a = ~from_b
    out = []
    for av, bv in ((ai, bi[ob]), (aj, bj[ob]), (acos, None), (aws, None)):
        o = np.zeros(total, dtype=av.dtype)
        o[from_a] = av
        if bv is not None:
            o[at] = bv
        out.append(o)
    return tuple(out)


def _combined_keys(x: sparse.csr_matrix, df: np.ndarray, order: np.ndarray, over: np.ndarray,
                   t: Tuning) -> sparse.csr_matrix | None:
    """Rows x combined keys: each pair of a row's ``combo_terms`` rarest terms over the budget
    (``order``: the terms rarest first) is one key, numbered as first met; None when no row has two."""
    n = x.shape[0]
    rank = np.empty(len(df), dtype=np.int64)
    rank[order] = np.arange(len(df))
    keys: dict[tuple[int, int], int] = {}
    rows: list[int] = []
    kcols: list[int] = []
    indptr, indices = x.indptr, x.indices
    for r in range(n):
        own = sorted((c for c in indices[indptr[r]:indptr[r + 1]].tolist() if over[c]), key=rank.__getitem__)
        own = own[:t.combo_terms]
        for p in range(len(own)):
            for q in range(p + 1, len(own)):
                rows.append(r)
                kcols.append(keys.setdefault((own[p], own[q]), len(keys)))
    if not keys:
        return None
    return sparse.csr_matrix((np.ones(len(rows)), (np.array(rows, dtype=np.int64), np.array(kcols, dtype=np.int64))),
                             shape=(n, len(keys)))


def _budgeted_keys(combos: sparse.csr_matrix, kdf: np.ndarray, t: Tuning) -> sparse.csr_matrix:
    """The columns of the combined keys within the block budget, rarest first (``kdf``: each
    key's frequency), and held by two rows at least."""
    korder = np.argsort(kdf, kind="stable")
    kmask = np.zeros(len(kdf), dtype=bool)
    kmask[korder[np.cumsum(kdf[korder] ** 2) <= t.block_budget]] = True
    kmask &= kdf >= 2
    return combos[:, np.flatnonzero(kmask)].tocsr()


def _combo_pairs(x: sparse.csr_matrix, df: np.ndarray, order: np.ndarray, co: sparse.csr_matrix,
                 over: np.ndarray, t: Tuning) -> tuple[np.ndarray, np.ndarray] | None:
    """The pairs (i < j) sharing no term within the budget but two of their rarest
    ``combo_terms`` terms over it (issue 15): on a cluster where every term is common (wire
    copy from a small vocabulary) a single common term is too weak a key to afford, but two of
    them together are rare enough; the combined keys take the same budget, rarest first."""
    combos = _combined_keys(x, df, order, over, t)
    if combos is None:
        return None
    kb = _budgeted_keys(combos, np.bincount(combos.indices, minlength=combos.shape[1]).astype(np.float64), t)
    found = sparse.triu(kb @ kb.T, k=1).tocsr()
    seen = co.copy()
    seen.data[:] = 1.0
    found = (found - found.multiply(seen)).tocsr()  # those the budgeted terms found already: 0
    found.eliminate_zeros()
    fc = found.tocoo()
    return fc.row.astype(np.int64), fc.col.astype(np.int64)


def _pair_values(x: sparse.csr_matrix, weights: sparse.csr_matrix, ci: np.ndarray, cj: np.ndarray,
                 chunk: int = 1 << 16, table_max: int = 1 << 23) -> tuple[np.ndarray, np.ndarray]:
    """Cosine and shared IDF weight over the given terms, for the given pairs only: each row's
    terms (padded to the longest row) looked up in the other row, in chunks of pairs. Linear in
    the pairs, never a product of all rows. The other row's values come from a table of rows x
    terms when it is small, else from a binary search in the sorted entries."""
    x = x.tocsr()
    x.sort_indices()
    n, ncol = x.shape
    idf = np.zeros(ncol)
    w = weights.tocoo()
    idf[w.col] = w.data
    lens = np.diff(x.indptr)
    width = max(1, int(lens.max()) if n else 1)
    row_of = np.repeat(np.arange(n, dtype=np.int64), lens)
    slot = np.arange(len(x.indices)) - np.repeat(x.indptr[:-1], lens)
    # issue 15 (speed): chunks of 64k pairs, their temporaries small enough to stay in the
    # caches and be reused without new page faults
    cos = np.zeros(len(ci))
    shared = np.zeros(len(ci))
    if not len(ci) or x.nnz == 0:
        return cos, shared  # no pair, or no term stored: nothing shared (and no entry to search)
    if n * (ncol + 1) <= table_max:
        # Two tables of rows x (terms + one empty column, where the padding points): the row's
        # value of each term, and the term's IDF weight where the row has it. A pair's products
        # and shared weights, slot by slot, are those of the other row's entries at the first
        # row's terms (the same numbers as pad_val * value and pad_idf * (value != 0): the padding
        # gives 0.0 either way), so one index array serves both, summed as before. Gathers with
        # native-width indices and ``take``: the 32-bit indices of before were converted on every
        # gather (dense 5k: 1.1M pairs, this function 116 -> 82 ms CPU).
        wide = ncol + 1
        pad_col = np.full((n, width), ncol, dtype=np.intp)  # native index type: no conversion per gather
        pad_val = np.zeros((n, width))
        pad_col[row_of, slot] = np.where(x.data != 0, x.indices, ncol)  # a stored 0 is no term
        pad_val[row_of, slot] = x.data
        at = row_of * wide + x.indices
        value = np.zeros(n * wide)
        value[at] = x.data
        weight = np.zeros(n * wide)
        weight[at] = np.where(x.data != 0, idf[x.indices], 0.0)

        def one(s0: int) -> None:
            a, b = ci[s0:s0 + chunk], cj[s0:s0 + chunk]
            idx = pad_col.take(a, axis=0)  # take: the same values as indexing, sooner
            idx += (b * wide)[:, None]
            cos[s0:s0 + chunk] = (pad_val.take(a, axis=0) * value.take(idx)).sum(axis=1)
            shared[s0:s0 + chunk] = weight.take(idx).sum(axis=1)
    else:  # the table too large: a binary search in the sorted entries (32-bit columns where they fit)
        itype = np.int32 if n * ncol < 1 << 31 else np.int64
        pad_col = np.zeros((n, width), dtype=itype)
        pad_val = np.zeros((n, width))
        pad_col[row_of, slot] = x.indices
        pad_val[row_of, slot] = x.data
        pad_idf = np.where(pad_val != 0, idf[pad_col], 0.0)
        flat = row_of * ncol + x.indices  # sorted: rows ascending, columns sorted within a row

        def one(s0: int) -> None:
            a, b = ci[s0:s0 + chunk], cj[s0:s0 + chunk]
            target = b.astype(np.int64)[:, None] * ncol + pad_col[a]
            loc = np.minimum(np.searchsorted(flat, target), len(flat) - 1)
            v = np.where(flat[loc] == target, x.data[loc], 0.0)
            cos[s0:s0 + chunk] = (pad_val[a] * v).sum(axis=1)
            shared[s0:s0 + chunk] = (pad_idf[a] * (v != 0)).sum(axis=1)

    _each(one, range(0, len(ci), chunk))
    return cos, shared


def _each(fn, items) -> None:
    """``fn`` on every item, on two threads when there are several items and two cores (issue 15:
    numpy lets go of the interpreter lock in its loops, so the chunks of a large job run at the
    same time; each writes its own slice: the results are those of one thread)."""
    items = list(items)
    if len(items) < 2 or twocores.cores() < 2:
        for x in items:
            fn(x)
        return
    import threading

    # the second half on one helper thread, the first here (one new thread, not two beside an
    # idle caller: fewer fresh per-thread heaps to fault in)
    half = (len(items) + 1) // 2
    failed: list[BaseException] = []

    def theirs() -> None:
        try:
            for x in items[half:]:
                fn(x)
        except BaseException as e:  # noqa: BLE001 - raised again in the caller
            failed.append(e)

    helper = threading.Thread(target=theirs)
    helper.start()
    try:
        for x in items[:half]:
            fn(x)
    finally:
        helper.join()
    if failed:
        raise failed[0]


def semantic_matrix(feats: list[SentFeatures], settings: AlignSettings, t: Tuning) -> np.ndarray | None:
    """The semantic similarity matrix, or None when it is off, not installed or the cluster is
    too big. A model that fails is reported on stderr in one line; the word-based alignment goes on."""
    if settings.semantic == "off":
        return None
    if settings.semantic == "auto" and len(feats) > settings.semantic_max_sentences:
        return None
    from reviewer.engine import semantic

    if not semantic.available():
        return None
    try:
        return semantic.similarity_matrix([f.text for f in feats], t)
    except Exception as e:  # the model failing must never stop the word-based alignment
        print(f"reviewer: warning: the semantic model failed ({type(e).__name__}: {e}); aligning on words only",
              file=sys.stderr)
        return None


def _add_semantic(ci, cj, cos, w_shared, sem: np.ndarray, art_of: np.ndarray, settings: AlignSettings):
    """Add the pairs the model finds similar (translations, paraphrases) to the lexical ones."""
    si, sj = np.nonzero(np.triu(sem >= settings.conflict_threshold, k=1))
    if not settings.within_article:
        sel = art_of[si] != art_of[sj]
        si, sj = si[sel], sj[sel]
    n = len(art_of)
    have = set((ci.astype(np.int64) * n + cj).tolist())
    new = np.array([k for k, key in enumerate((si.astype(np.int64) * n + sj).tolist()) if key not in have], dtype=np.int64)
    if len(new) == 0:
        return ci, cj, cos, w_shared
    return (np.concatenate([ci, si[new]]), np.concatenate([cj, sj[new]]),
            np.concatenate([cos, np.zeros(len(new))]), np.concatenate([w_shared, np.zeros(len(new))]))


def pair_ranks(ci: np.ndarray, cj: np.ndarray, val: np.ndarray, art_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each pair, how many pairs of the same sentence with the same other article score
    higher, seen from ci and seen from cj (0: the best partner). Ties share a rank."""
    ranks = []
    for src, dst in ((ci, cj), (cj, ci)):
        key = src.astype(np.int64) * (int(art_of.max()) + 1) + art_of[dst]
        order = np.lexsort((-val, key))
        k, v = key[order], val[order]
        start = np.ones(len(k), dtype=bool)
        start[1:] = k[1:] != k[:-1]
        fresh = start.copy()
        fresh[1:] |= v[1:] != v[:-1]  # a new value, or a new group
        idx = np.arange(len(k))
        r = idx - np.maximum.accumulate(np.where(start, idx, 0))  # position in its group
        r = r[np.maximum.accumulate(np.where(fresh, idx, 0))]  # ties take the first position
        out = np.empty(len(k), dtype=np.int64)
        out[order] = r
        ranks.append(out)
    return ranks[0], ranks[1]


def _agreeing_signals(ci: np.ndarray, cj: np.ndarray, lex: np.ndarray, s_sem: np.ndarray, art_of: np.ndarray,
                      feats: list[SentFeatures], settings: AlignSettings, t: Tuning) -> np.ndarray:
    """Words and model agreeing: a pair of one language that is each other's best partner on
    words and among each other's best partners for the model scores its words' similarity
    plus a share of the model's ("The Lanterns trio was to play the theatre" / "... minutes
    before the folk trio Lanterns was due on stage at the theatre"). Either signal alone is weak at
    that level; the two sentences choosing each other on both is not."""
    out = np.zeros(len(ci))
    if len(ci) == 0:
        return out
    same = np.array([not crosslingual.is_cross(feats[i], feats[j], settings) for i, j in zip(ci.tolist(), cj.tolist())],
                    dtype=bool)
    # rounded: sums in another order (articles given in another order) must not reorder ties
    li, lj = pair_ranks(ci, cj, np.round(lex, 9), art_of)
    si, sj = pair_ranks(ci, cj, np.round(s_sem, 6), art_of)
    ok = same & (lex > 0) & (s_sem > 0) & (np.maximum(li, lj) == 0) & (np.maximum(si, sj) <= t.agree_sem_rank)
    out[ok] = np.minimum(1.0, lex[ok] + t.agree_sem_weight * s_sem[ok])
    return out


def _clause_agreement(feats, ci, cj, settings: AlignSettings, t: Tuning) -> np.ndarray:
    """recall.clause_agreement with the model's embeddings; 0 everywhere when the model fails."""
    from reviewer.engine import semantic

    try:
        return recall.clause_agreement(feats, ci, cj, semantic.embed, t)
    except Exception:  # the model failing must never stop the word-based alignment
        return np.zeros(len(ci))


def _rank_in_run(keys: np.ndarray) -> np.ndarray:
    """Position of each entry of sorted ``keys`` within its run of equal keys."""
    idx = np.arange(len(keys))
    new = np.ones(len(keys), dtype=bool)
    new[1:] = keys[1:] != keys[:-1]
    return idx - np.maximum.accumulate(np.where(new, idx, 0))


def _best_per_sentence(ci: np.ndarray, cj: np.ndarray, sim: np.ndarray, art_of: np.ndarray, t: Tuning):
    """Keep a pair when it is among the most similar for either of its sentences: the few
    best per other article, and the best few dozen overall. Bounds the work per sentence.

    Ranks by similarity, ties by pair index. One sort of the pairs by similarity, one stable
    grouping by sentence (a radix pass); the per-article rank is taken among each sentence's
    best few dozen only, which is exact: whatever outranks a pair in its article outranks it
    overall too."""
    m = len(ci)
    if m == 0:
        return np.zeros(0, dtype=bool)
    n = len(art_of)
    by_score = np.argsort(-sim, kind="stable")
    # Both ends of every pair, best pair first: entry e is pair e % m seen from ci (e < m) or from cj.
    ent = np.stack([by_score, by_score + m], axis=1).ravel()
    src = np.concatenate([ci, cj])[ent]
    dst = np.concatenate([cj, ci])[ent]
    o = np.argsort(src.astype(np.uint16) if n <= 1 << 16 else src, kind="stable")
    s = src[o]
    starts = np.concatenate([[0], np.cumsum(np.bincount(s, minlength=n))[:-1]])
    o = o[(np.arange(len(s)) - starts[s]) < t.per_sentence]  # each sentence's best, best first
    g = src[o].astype(np.int64) * (int(art_of.max()) + 1) + art_of[dst[o]]
    o2 = np.argsort(g, kind="stable")
    ok = np.zeros(2 * m, dtype=bool)
    ok[ent[o[o2][_rank_in_run(g[o2]) < t.per_article]]] = True
    return ok[:m] | ok[m:]


def _hugepage_switch():
    """numpy's switch for asking the kernel for huge pages for large arrays, or None."""
    for name in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            return importlib.import_module(name)._set_madvise_hugepage
        except (ImportError, AttributeError):
            continue
    return None


@contextmanager
def _small_pages():
    """Large arrays on ordinary pages inside (issue 15): numpy asks the kernel for huge pages
    for them, and where the kernel answers by compacting memory (transparent huge pages in
    "madvise" mode) the page faults of the candidates' temporary arrays cost more than their
    arithmetic (1.3 s of kernel time against 0.5 s on the dense 5k). The values are the same."""
    switch = _hugepage_switch()
    before = switch(False) if switch is not None else None
    try:
        yield
    finally:
        if switch is not None:
            switch(before)


def candidates(feats: list[SentFeatures], settings: AlignSettings, t: Tuning,
               report=lambda _x: None) -> Candidates:
    """The candidate pairs worth analysing, with their similarity."""
    t = _partner_budget(feats, t)
    with _small_pages():
        return _candidates(feats, settings, t, report)


def _partner_budget(feats: list[SentFeatures], t: Tuning) -> Tuning:
    """Room for one partner in every other article when copies fill a sentence's budget.

    A sentence keeps its ``per_sentence`` most similar partners. In a folder of many copies of
    one wire story, its copies and the copies of its matches fill those places, and the one
    report that gives another figure is never compared. When the cluster has more articles than
    places and at least ``copies_share`` of its sentences repeat word for word, the budget
    grows to one place per other article. A large folder of distinct reports keeps the budget
    (and its speed)."""
    n_articles = len({f.art for f in feats})
    if n_articles - 1 <= t.per_sentence:
        return t
    copies = Counter(f.kind for f in feats if f.kind >= 0)
    repeated = sum(c for c in copies.values() if c > 1)
    if repeated < t.copies_share * len(feats):
        return t
    return replace(t, per_sentence=n_articles - 1)


def _candidates(feats: list[SentFeatures], settings: AlignSettings, t: Tuning, report) -> Candidates:
    sem = semantic_matrix(feats, settings, t)
    sem = crosslingual.with_cross_language(sem, feats, settings, t)  # issue 14: pairs in two languages
    kinds = _kinds(feats) if BY_TEXT and sem is None else None
    if kinds is not None:
        return _candidates_by_kind(feats, settings, t, report, *kinds)
    x, df, weights = tfidf(feats)
    art_of = np.array([f.art for f in feats])
    ci, cj, cos, w_shared = lexical_pairs(x, weights, df, art_of, settings.within_article, t, sort=False)
    n_lex = len(ci)
    report(0.5)
    if sem is not None:
        ci, cj, cos, w_shared = _add_semantic(ci, cj, cos, w_shared, sem, art_of, settings)
    report(0.7)
    sim, n_row = _lexical_sim(weights, ci, cj, cos, w_shared, t)
    lex = sim.copy()
    lexical_ok = w_shared >= t.min_shared_weight
    facts_only = np.zeros(len(ci), dtype=bool)
    if sem is not None:
        s_sem = sem[ci, cj]
        lexical_ok |= s_sem >= settings.match_threshold
        # Paraphrases the model finds close but not close enough to be the same claim ("the
        # death toll at 9" / "fourteen people died") are still compared for facts: if their
        # counts or dates fill the same slot and disagree, that is a conflict. They never
        # become matches.
        has_facts = np.array([bool(f.counts or f.event_dates) or crosslingual.has_facts(f) for f in feats])  # issue 14
        facts_only = ~lexical_ok & (s_sem >= settings.conflict_threshold) & has_facts[ci] & has_facts[cj]
        lexical_ok |= facts_only
        sim = np.maximum(np.maximum(sim, s_sem), _agreeing_signals(ci, cj, lex, s_sem, art_of, feats, settings, t))
        sim = np.maximum(sim, _clause_agreement(feats, ci, cj, settings, t))  # issue 12: a claim in one clause
    whole = sim
    sim, measure = _with_clauses(sim, w_shared, n_row, ci, cj, feats, len(feats), t)
    keep = np.flatnonzero((sim >= settings.conflict_threshold) & (lexical_ok | measure))
    keep = keep[_may_rank(ci[keep], cj[keep], sim[keep], len(feats), t.per_sentence)]  # issue 15: speed only
    keep = _in_pair_order(keep, ci, cj, n_lex, len(feats))
    c = Candidates(ci, cj, sim, lex, facts_only, whole).take(keep)
    return c.take(_best_per_sentence(c.i, c.j, c.sim, art_of, t))


def _lexical_sim(weights: sparse.csr_matrix, ci: np.ndarray, cj: np.ndarray, cos: np.ndarray, w_shared: np.ndarray,
                 t: Tuning) -> tuple[np.ndarray, np.ndarray]:
    """Similarity of every candidate pair (rows ``ci``, ``cj`` of ``weights``) at once: half cosine,
    half weighted overlap of the shorter sentence (a short sentence contained in a long one still
    scores); and the number of terms of each row."""
    w_row = np.asarray(weights.sum(axis=1)).ravel()
    n_row = np.diff(weights.indptr)
    return _lexical_values(w_row, n_row, ci, cj, cos, w_shared, t), n_row


def _lexical_values(w_row: np.ndarray, n_row: np.ndarray, ci: np.ndarray, cj: np.ndarray, cos: np.ndarray,
                    w_shared: np.ndarray, t: Tuning) -> np.ndarray:
    """:func:`_lexical_sim` given each row's IDF weight and number of terms: pair by pair."""
    small = np.minimum(w_row[ci], w_row[cj])
    small[small <= 0] = 1.0
    ovl = (w_shared / small) * np.minimum(1.0, np.minimum(n_row[ci], n_row[cj]) / t.overlap_min_terms)
    return t.cos_weight * cos + (1.0 - t.cos_weight) * ovl


def _with_clauses(sim: np.ndarray, w_shared: np.ndarray, n_row: np.ndarray, ci: np.ndarray, cj: np.ndarray,
                  feats: list[SentFeatures], n: int, t: Tuning) -> tuple[np.ndarray, np.ndarray]:
    """``sim`` raised for a shared clause inside two long sentences (the absolute weight of the shared
    terms, in units of the rarest term's weight, counts when the sentences are somewhat close
    already), of a cluster of ``n`` sentences; and which pairs share a measurement (issue 12: one
    measurement, a second anchor). ``feats`` are the sentences ``ci``, ``cj`` index."""
    measure = recall.measure_pairs(feats, ci, cj, w_shared, t)
    return _clause_values(sim, w_shared, n_row, ci, cj, measure, n, t), measure


def _clause_values(sim: np.ndarray, w_shared: np.ndarray, n_row: np.ndarray, ci: np.ndarray, cj: np.ndarray,
                   measure: np.ndarray, n: int, t: Tuning) -> np.ndarray:
    """:func:`_with_clauses`'s similarities given which pairs share a measurement: pair by pair."""
    idf_max = math.log((n + 1) / 2.0) + 1.0
    clause = np.minimum(1.0, w_shared / (idf_max * t.clause_terms))
    long_pair = np.minimum(n_row[ci], n_row[cj]) >= t.clause_min_terms  # short sentences are scored whole
    return np.where((clause > sim) & ((sim >= t.clause_min_sim) | measure) & long_pair, clause, sim)


def _kind_sims(wk: sparse.csr_matrix, ka: np.ndarray, kb: np.ndarray, cos: np.ndarray, w_shared: np.ndarray,
               feats_k: list[SentFeatures], n: int, threshold: float, t: Tuning,
               chunk: int = 1 << 16) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_lexical_sim` then :func:`_with_clauses` of the pairs of kinds (rows ``ka``, ``kb``
    of ``wk``; ``feats_k``: a sentence of each kind, ``n`` sentences in all): the similarities
    with a shared clause counted, the words' similarities (also those of the whole sentences:
    no model here), and which pairs are kept (at ``threshold`` or more, sharing
    min_shared_weight or a measurement). The same values, worked out a slice of ``chunk`` pairs
    at a time (issue 15: a million pairs of kinds on the dense 5k, and a dozen whole-length
    temporaries were a fifth of the candidates' page faults)."""
    w_row = np.asarray(wk.sum(axis=1)).ravel()
    n_row = np.diff(wk.indptr)
    measure = recall.measure_pairs(feats_k, ka, kb, w_shared, t)
    m = len(ka)
    sim, lex, kept = np.empty(m), np.empty(m), np.empty(m, dtype=bool)
    for s0 in range(0, m, chunk):
        at = slice(s0, s0 + chunk)
        a, b, ws, ms = ka[at], kb[at], w_shared[at], measure[at]
        lx = lex[at] = _lexical_values(w_row, n_row, a, b, cos[at], ws, t)
        sm = sim[at] = _clause_values(lx, ws, n_row, a, b, ms, n, t)
        kept[at] = (sm >= threshold) & ((ws >= t.min_shared_weight) | ms)
    return sim, lex, kept


def _in_pair_order(keep: np.ndarray, ci: np.ndarray, cj: np.ndarray, n_lex: int, n: int) -> np.ndarray:
    """Kept pair indices (ascending) with the word pairs (the first ``n_lex``, in no set order)
    sorted by i then j, the model's pairs after them as they came: the order
    ``lexical_pairs(sort=True)`` gives, taken on the few pairs kept instead of all (issue 15)."""
    cut = int(np.searchsorted(keep, n_lex))
    lex = keep[:cut]
    order = np.argsort(ci[lex].astype(np.int64) * n + cj[lex], kind="stable")
    return np.concatenate([lex[order], keep[cut:]])


def _may_rank(ci: np.ndarray, cj: np.ndarray, sim: np.ndarray, n: int, k: int, bins: int = 256,
              slack: int = 4) -> np.ndarray:
    """The pairs that can be among the ``k`` best of one of their sentences: a superset of what
    :func:`_best_per_sentence` keeps, found without sorting (a histogram of similarities per
    sentence), so that the exact ranking sorts only those. Dropping pairs that rank below k on
    both ends changes no rank of the others (ties included: a whole bin is kept)."""
    m = len(ci)
    if m <= slack * k * n:
        return np.ones(m, dtype=bool)  # few pairs per sentence: nothing to gain
    # issue 15 (speed): 32-bit keys and counts where they fit, one key array, 256 bins: fewer
    # and smaller temporary arrays (their page faults cost more than the counting)
    small = n * bins < 1 << 31 and 2 * m < 1 << 31
    itype = np.int32 if small else np.int64
    b = np.clip((sim * (bins - 1)).astype(itype), 0, bins - 1)
    key = np.empty(2 * m, dtype=itype)
    np.multiply(ci, bins, out=key[:m], casting="unsafe")
    np.multiply(cj, bins, out=key[m:], casting="unsafe")
    key[:m] += b
    key[m:] += b
    hist = np.bincount(key, minlength=n * bins).reshape(n, bins)
    del key
    low = _lowest_bins(hist, k, itype)
    return (b >= low[ci]) | (b >= low[cj])


def _lowest_bins(hist: np.ndarray, k: int, dtype=None) -> np.ndarray:
    """Per row of a histogram (rows x bins of similarity), the highest bin at which ``k``
    entries are reached counting down from the top bin; 0 when the row has fewer."""
    bins = hist.shape[1]
    above = np.cumsum(hist[:, ::-1], axis=1, dtype=dtype)
    reach = (above >= k).argmax(axis=1)
    return np.where(above[:, -1] >= k, bins - 1 - reach, 0)


def _kinds(feats: list[SentFeatures]) -> tuple[np.ndarray, np.ndarray] | None:
    """Per sentence its kind (0.. in order of first copy: :attr:`SentFeatures.kind` renumbered),
    and the first sentence of each kind; None when some kind is unknown or no text repeats."""
    n = len(feats)
    k = np.fromiter((f.kind for f in feats), dtype=np.int64, count=n)
    if n == 0 or (k < 0).any():
        return None
    _u, first, inv = np.unique(k, return_index=True, return_inverse=True)
    if len(first) == n:
        return None  # nothing repeats: the plain path
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[inv.ravel()], first[order]


def _candidates_by_kind(feats: list[SentFeatures], settings: AlignSettings, t: Tuning, report, kind: np.ndarray,
                        reps: np.ndarray) -> Candidates:
    """:func:`_candidates` without a model, worked out once per pair of kinds of sentence (issue
    15: wire copy repeats sentences word for word) and then spread to the sentences of those
    kinds. The same pairs, values and order: a pair's values are those of its first sentence's
    row against its second's (the products sum along the first one's terms), so the ordered
    pair of kinds (kind of i, kind of j), i < j, has them; document frequencies count every
    sentence, as the plain path's do."""
    n = len(feats)
    mult = np.bincount(kind).astype(np.int64)
    xk, df, wk = tfidf([feats[r] for r in reps.tolist()], mult)
    # the sentences of each kind, in order; a kind pair (a, b) has a sentence pair (i < j) only
    # when a's first copy comes before b's last
    members = np.argsort(kind, kind="stable")
    starts = np.zeros(len(reps) + 1, dtype=np.int64)
    np.cumsum(mult, out=starts[1:])
    last = members[starts[1:] - 1]
    ka, kb, cos, w_shared = _kind_pairs(xk, wk, df, mult, reps, last, t)
    report(0.5)
    report(0.7)
    sim, lex, kept = _kind_sims(wk, ka, kb, cos, w_shared, [feats[r] for r in reps.tolist()], n,
                                settings.conflict_threshold, t)
    del cos, w_shared
    art_of = np.array([f.art for f in feats])
    keep = np.flatnonzero(_kinds_may_rank(ka, kb, sim, kind, mult, first=reps, last=last, art_of=art_of,
                                          within=settings.within_article, k=t.per_sentence, kept=kept))
    # spread the kept kind pairs to their sentence pairs (i < j; of two articles unless within)
    ka, kb = ka[keep], kb[keep]
    cnt = mult[ka] * mult[kb]
    p = np.repeat(np.arange(len(keep)), cnt)
    off = np.arange(len(p), dtype=np.int64) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    nb = mult[kb][p]
    ci = members[starts[ka][p] + off // nb]
    cj = members[starts[kb][p] + off % nb]
    ok = ci < cj
    if not settings.within_article:
        ok &= art_of[ci] != art_of[cj]
    sel = np.flatnonzero(ok)
    ci, cj, p = ci[sel], cj[sel], keep[p[sel]]
    s_sim = sim[p]
    may = np.flatnonzero(_may_rank(ci, cj, s_sim, n, t.per_sentence))
    may = may[np.argsort(ci[may] * n + cj[may], kind="stable")]
    ci, cj, p = ci[may], cj[may], p[may]
    lex_p = lex[p]
    c = Candidates(ci, cj, sim[p], lex_p, np.zeros(len(p), dtype=bool), lex_p.copy())  # whole: the words' (no model)
    return c.take(_best_per_sentence(c.i, c.j, c.sim, art_of, t))


def _kind_pairs(xk: sparse.csr_matrix, wk: sparse.csr_matrix, df: np.ndarray, mult: np.ndarray, first: np.ndarray,
                last: np.ndarray, t: Tuning, block: int = 2048):
    """:func:`lexical_pairs` on the rows of the kinds (every ordered pair of kinds (a, b) that
    has a sentence pair: a before b somewhere, a = b when a has two copies), blocking on the
    document frequencies of all sentences. Returns kinds a, b, cosines, shared IDF weights."""
    order, mask, over = _blocking(df, t)
    cols = np.flatnonzero(mask)
    xb, wb, xt, pt = _product_operands(xk, wk, cols)
    nk = xk.shape[0]
    if nk > block // 2 and twocores.cores() >= 2:
        block = max(256, -(-nk // 4))  # issue 15: four blocks shared by two threads (_each)
    starts = list(range(0, nk, block))
    parts: list = [None] * len(starts)
    any_over = bool(over.any())
    seen_at: list = [None] * len(starts)

    def one(n: int) -> None:
        r0 = starts[n]
        r1 = min(nk, r0 + block)
        prod = (xb[r0:r1] @ xt).tocsr()
        prod_w = (wb[r0:r1] @ pt).tocsr()
        # one set of pairs (all values positive: no entry cancels); their order is of no
        # account here (the sentence pairs are sorted at the end): where the two products did
        # not come out in one order (the weights' rows are sorted, the values' rows in first-seen
        # order), the weights are put in the values' order through a (row, column) table of the
        # block, instead of sorting both products (issue 15: two thirds of the blocks' time)
        w_data = prod_w.data
        if not (np.array_equal(prod.indptr, prod_w.indptr) and np.array_equal(prod.indices, prod_w.indices)):
            assert np.array_equal(prod.indptr, prod_w.indptr)
            w_data = _in_order_of(prod, prod_w, r1 - r0, nk)
        a = np.repeat(np.arange(r0, r1, dtype=np.int64), np.diff(prod.indptr))
        b = prod.indices.astype(np.int64)
        if any_over:  # the pairs found, for the combined keys to leave out: the block's pattern
            seen_at[n] = (prod.indptr, prod.indices)
        ok = _kind_pair_at(a, b, mult, first, last)
        parts[n] = (a[ok], b[ok], prod.data[ok], w_data[ok])

    _each(one, range(len(starts)))
    if any_over:
        seen = _stacked_pattern(seen_at, nk)
        del seen_at
        extra = _combo_kind_pairs(xk, df, order, seen, over, mult, t)
        del seen
        if extra is not None:  # after the products' pairs, in the one concatenation below (issue 15)
            ea, eb = extra
            ok = _kind_pair_at(ea, eb, mult, first, last)
            parts.append((ea[ok], eb[ok], np.zeros(len(ok)), np.zeros(len(ok))))
    ka = np.concatenate([q[0] for q in parts]) if parts else np.zeros(0, dtype=np.int64)
    kb = np.concatenate([q[1] for q in parts]) if parts else np.zeros(0, dtype=np.int64)
    cos = np.concatenate([q[2] for q in parts]) if parts else np.zeros(0)
    w_shared = np.concatenate([q[3] for q in parts]) if parts else np.zeros(0)
    del parts
    if any_over:
        oc = np.flatnonzero(over)
        cos_o, ws_o = _pair_values(xk[:, oc], wk[:, oc], ka, kb)
        cos += cos_o  # in place: the same sums, no new arrays (issue 15: page faults)
        w_shared += ws_o
    return ka, kb, cos, w_shared


def _in_order_of(prod: sparse.csr_matrix, other: sparse.csr_matrix, rows: int, cols: int) -> np.ndarray:
    """The values of ``other`` in the order of ``prod``'s entries: two ``rows`` x ``cols`` CSR
    matrices with the same entries in each row, maybe in another order (no entry twice in a
    row). Each entry of ``other`` is placed in a table of rows x columns by its position, and
    read back at ``prod``'s entries."""
    itype = np.int32 if other.nnz < 1 << 31 else np.int64
    row = np.repeat(np.arange(rows, dtype=np.int64), np.diff(prod.indptr))
    at = np.empty(rows * cols, dtype=itype)  # only the entries' cells are written and read
    at[row * cols + other.indices] = np.arange(other.nnz, dtype=itype)
    return other.data[at[row * cols + prod.indices]]


def _stacked_pattern(blocks: list, n: int) -> sparse.csr_matrix:
    """The n x n matrix of ones at the entries of consecutive row blocks, given as (indptr,
    indices) of products (no entry twice), in canonical form: the matrix that
    ``csr_matrix((ones, (rows, cols)))`` of their entries builds, without the (row, column)
    arrays and their conversion (issue 15: a fifth of the dense 5k's page faults)."""
    offsets = np.cumsum([0] + [int(p[0][-1]) for p in blocks[:-1]])
    indptr = np.concatenate([blocks[0][0][:1]] + [p[0][1:] + off for p, off in zip(blocks, offsets.tolist())])
    indices = np.concatenate([p[1] for p in blocks])
    out = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, n))
    out.sum_duplicates()  # sorts each row's columns, as the conversion from (row, column) pairs does
    return out


def _kind_pair_at(a: np.ndarray, b: np.ndarray, mult: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Where the ordered pair of kinds (a, b) has a sentence pair (i < j): two kinds, or one
    kind with two copies; a's first copy before b's last."""
    return np.flatnonzero(((a != b) | (mult[a] >= 2)) & (first[a] < last[b]))


def _combo_kind_pairs(xk: sparse.csr_matrix, df: np.ndarray, order: np.ndarray, seen: sparse.csr_matrix,
                      over: np.ndarray, mult: np.ndarray, t: Tuning) -> tuple[np.ndarray, np.ndarray] | None:
    """:func:`_combo_pairs` on the rows of the kinds: every ordered pair of kinds (a = b
    included) sharing a combined key within the budget and no budgeted term (``seen``); a
    combined key's frequency counts every sentence."""
    nk = xk.shape[0]
    combos = _combined_keys(xk, df, order, over, t)
    if combos is None:
        return None
    kdf = np.bincount(combos.indices, weights=mult[np.repeat(np.arange(nk), np.diff(combos.indptr))],
                      minlength=combos.shape[1]).astype(np.float64)
    kb = _budgeted_keys(combos, kdf, t)
    found = (kb @ kb.T).tocsr()
    found = (found - found.multiply(seen)).tocsr()
    found.eliminate_zeros()
    fc = found.tocoo()
    return fc.row.astype(np.int64), fc.col.astype(np.int64)


def _kinds_may_rank(ka: np.ndarray, kb: np.ndarray, sim: np.ndarray, kind: np.ndarray, mult: np.ndarray,
                    first: np.ndarray, last: np.ndarray, art_of: np.ndarray, within: bool, k: int,
                    bins: int = 256, dense_max: int = 1 << 25, chunk: int = 1 << 16,
                    kept: np.ndarray | None = None) -> np.ndarray:
    """:func:`_may_rank` on ordered pairs of kinds, before they are spread to sentences: a
    pair of kinds whose similarity is below the ``k`` partners that every sentence of each of
    its two kinds surely has (a lower bound: every copy of the other kind, but those that may
    share the sentence's article) gives sentence pairs that rank below k on both ends, which
    :func:`_best_per_sentence` never keeps and whose dropping changes no rank of the others.
    The two orientations of a pair of kinds may differ in their last bits: a partner kind
    counts at the lower of the two, and only when every orientation it can take is there.
    issue 15: the pairs are worked through in slices of ``chunk`` (a million pairs of kinds on
    the dense 5k: whole-length temporaries were a quarter of the candidates' page faults).
    ``kept``: which pairs take part, the others left out (False in the answer): the answer on
    the kept pairs alone, without copies of the arrays (issue 15: a million pairs)."""
    nk = len(mult)
    m = len(ka)
    if m == 0:
        return np.ones(0, dtype=bool)
    spread_to = None
    if kept is not None and nk * nk > dense_max:  # the sort below takes whole arrays: the kept ones
        spread_to, m_all = np.flatnonzero(kept), m
        ka, kb, sim, kept = ka[spread_to], kb[spread_to], sim[spread_to], None
        m = len(ka)
        if m == 0:
            return np.zeros(m_all, dtype=bool)
    steps = range(0, m, chunk)

    def part(s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray | slice]:
        """The slice of pairs from ``s``: kinds a, b and where the kept ones are in it."""
        ka_s, kb_s = ka[s:s + chunk], kb[s:s + chunk]
        if kept is None:
            return ka_s, kb_s, slice(None)
        sel = np.flatnonzero(kept[s:s + chunk])
        return ka_s[sel], kb_s[sel], sel

    b = np.empty(m, dtype=np.int16)
    for s in steps:
        b[s:s + chunk] = np.clip((sim[s:s + chunk] * (bins - 1)).astype(np.int64), 0, bins - 1)
    if within:
        sub = np.zeros(nk, dtype=np.int64)
    else:  # the most copies of a kind in one article: a sentence's own article may hold that many
        ka_art = np.unique(kind * (int(art_of.max()) + 1) + art_of, return_counts=True)
        sub = np.zeros(nk, dtype=np.int64)
        np.maximum.at(sub, ka_art[0] // (int(art_of.max()) + 1), ka_art[1])

    def counted(ua: np.ndarray, ub: np.ndarray, low_b: np.ndarray, full: np.ndarray) -> tuple:
        """The histogram entries of the pairs of kinds (ua, ub) counted at bin low_b: (keys of
        ua's row, keys of ub's row, the sure partners each brings)."""
        self_pair = ua == ub
        g_a = np.maximum(0, mult[ub] - sub[ub] - (self_pair & within))  # sure partners of a sentence of ua in ub
        g_b = np.maximum(0, mult[ua] - sub[ua] - (self_pair & within))
        g_a[~full] = 0
        g_b[~full | self_pair] = 0
        return ua * bins + low_b, ub * bins + low_b, g_a, g_b

    parts = []
    if nk * nk <= dense_max:
        # each pair of kinds counted at one of its entries: (a, b) with a < b when (b, a) can
        # be there too (at the lower bin of the two, none when (b, a) is missing), else alone
        table = np.full((nk, nk), -1, dtype=np.int16)
        for s in steps:
            ka_s, kb_s, sel = part(s)
            table[ka_s, kb_s] = b[s:s + chunk][sel]
        for s in steps:
            ka_s, kb_s, sel = part(s)
            rev_possible = (ka_s != kb_s) & (first[kb_s] < last[ka_s])
            at = np.flatnonzero(~rev_possible | (ka_s < kb_s))
            ua, ub, low_b = ka_s[at], kb_s[at], b[s:s + chunk][sel][at]
            rev = table[ub, ua]
            two = rev_possible[at]
            full = ~two | (rev >= 0)
            parts.append(counted(ua, ub, np.where(two, np.minimum(low_b, rev), low_b), full))
        del table
    else:
        lo, hi = np.minimum(ka, kb), np.maximum(ka, kb)
        ukey = lo * nk + hi
        order = np.argsort(ukey, kind="stable")
        uk = ukey[order]
        start = np.flatnonzero(np.r_[True, uk[1:] != uk[:-1]])
        present = np.diff(np.r_[start, m])
        low_b = np.minimum.reduceat(b[order], start)
        ua, ub = lo[order[start]], hi[order[start]]
        possible = np.where(ua == ub, 1, (first[ua] < last[ub]).astype(np.int64) + (first[ub] < last[ua]))
        parts.append(counted(ua, ub, low_b, present == possible))
    # the entries in the order of one pass over all pairs: first every ua's, then every ub's
    hist = np.bincount(np.concatenate([q[0] for q in parts] + [q[1] for q in parts]),
                       weights=np.concatenate([q[2] for q in parts] + [q[3] for q in parts]),
                       minlength=nk * bins).reshape(nk, bins)
    low = _lowest_bins(hist, k)
    out = np.empty(m, dtype=bool)
    for s in steps:
        b_s = b[s:s + chunk]
        out[s:s + chunk] = (b_s >= low[ka[s:s + chunk]]) | (b_s >= low[kb[s:s + chunk]])
        if kept is not None:
            out[s:s + chunk] &= kept[s:s + chunk]
    if spread_to is not None:
        full = np.zeros(m_all, dtype=bool)
        full[spread_to] = out
        return full
    return out