"""The speed work changes no link and no score: the fast paths against plain references."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.engine.candidates import _best_per_sentence
from reviewer.engine.settings import TUNING

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _reference_best(ci, cj, sim, art_of, t):
    """The first implementation: one lexsort per grouping (sentence and other article; sentence)."""
    def rank_ok(groups, score, tie, limit):
        order = np.lexsort((tie, -score) + tuple(reversed(groups)))
        keys = np.stack([g[order] for g in groups], axis=1)
        new_group = np.ones(len(order), dtype=bool)
        new_group[1:] = np.any(keys[1:] != keys[:-1], axis=1)
        starts = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))
        ok = np.zeros(len(order), dtype=bool)
        ok[order] = (np.arange(len(order)) - starts) < limit
        return ok

    m = len(ci)
    src, dst = np.concatenate([ci, cj]), np.concatenate([cj, ci])
    score, tie = np.concatenate([sim, sim]), np.concatenate([np.arange(m), np.arange(m)])
    ok = rank_ok((src, art_of[dst]), score, tie, t.per_article) & rank_ok((src,), score, tie, t.per_sentence)
    return ok[:m] | ok[m:]


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 60), st.lists(st.tuples(st.integers(0, 59), st.integers(0, 59),
                                              st.sampled_from([0.2, 0.3, 0.5, 0.7, 0.0, -0.0, 0.31])), max_size=400),
       st.integers(1, 5), st.integers(1, 4), st.integers(1, 8), st.randoms())
def test_best_per_sentence_matches_reference(n, raw, n_art, per_article, per_sentence, rnd):
    pairs = {}
    for a, b, s in raw:
        a, b = a % n, b % n
        if a != b:
            pairs.setdefault((min(a, b), max(a, b)), s)
    keys = list(pairs)
    rnd.shuffle(keys)
    ci = np.array([k[0] for k in keys], dtype=np.int32)
    cj = np.array([k[1] for k in keys], dtype=np.int32)
    sim = np.array([pairs[k] for k in keys], dtype=np.float64)
    art_of = np.array([rnd.randrange(n_art) for _ in range(n)])
    t = dataclasses.replace(TUNING, per_article=per_article, per_sentence=per_sentence)
    assert np.array_equal(_best_per_sentence(ci, cj, sim, art_of, t), _reference_best(ci, cj, sim, art_of, t))


# --- the alignment JSON through orjson: the standard library's bytes -----------------------

def _stdlib(cluster, links):
    import json

    from reviewer.engine.alignjson import alignment_dict

    return json.dumps(alignment_dict(cluster, links), ensure_ascii=False, indent=2) + "\n"


def test_fast_json_is_the_standard_librarys_bytes_on_the_seeds():
    from reviewer.config import AlignSettings
    from reviewer.engine import alignjson
    from reviewer.engine.align import align
    from reviewer.io.articles import load_cluster

    assert alignjson.orjson is not None  # a dependency: the fast path must be the one tested
    cl = load_cluster([SEEDS])
    links = align(cl, AlignSettings(semantic="off"))
    assert links and alignjson._dumps_fast(cl, links) == _stdlib(cl, links)
    assert alignjson.dumps(cl, links) == _stdlib(cl, links)


def test_fast_json_odd_values():
    from reviewer.engine import alignjson
    from reviewer.models import Article, Cluster, Evidence, Link, Sentence, SentenceRef

    text = 'Tab\there, "quoted" \\ back\x01\x1f\x7f é ü 中文 \u2028 \U0001F600 end.'
    art = Article(id="ä1", path="p/ä1.txt", body=text, title=None, date="2024-01-02", source="S", url=None,
                  sentences=[Sentence(0, 0, len(text), text)])
    art2 = Article(id="b", path="b.txt", body="x", sentences=[])
    R = SentenceRef
    links = [Link(R("ä1", 0), R("b", 0), "match", 0.123456),  # unrounded: written rounded
             Link(R("ä1", 0), R("b", 1), "match", 1),  # an int: written 1.0
             Link(R("ä1", 0), R("b", 2), "conflict", 0.5, (Evidence("number", "5", "six", (0, 1), (2, 5)),)),
             Link(R("ä1", 0), R("b", 3), "match", 0.0001), Link(R("ä1", 0), R("b", 4), "match", -0.0)]
    cl = Cluster([art, art2])
    assert alignjson._dumps_fast(cl, links) == _stdlib(cl, links)
    # What orjson refuses (a lone surrogate from a badly decoded file) goes through the standard library.
    bad = Article(id="c", path="c.txt", body="a\ud800b", sentences=[Sentence(0, 0, 3, "a\ud800b")])
    cl2 = Cluster([art, bad])
    assert alignjson.dumps(cl2, links) == _stdlib(cl2, links)


def _wire_cluster():
    """Wire copy: the same sentences word for word in several articles, some with a figure or a
    day changed, one repeated within its article, articles of two dates."""
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    base = ["Officials said 12 workers were evacuated in Riverton on Monday.",
            "On Tuesday, 40 soldiers were detained in Eastport, Novak said.",
            "Police in Millbrook rescued 27 families on Friday, according to Silva.",
            "Haddad told reporters that officials would release 15 drivers in Lakeside on Sunday."]
    variants = [base, [base[0].replace("12", "15"), *base[1:]], [base[0], base[1].replace("Tuesday", "Wednesday"),
                *base[2:], base[2]], list(reversed(base))]
    arts = []
    for k, sents in enumerate(variants * 2):
        art = Article(id=f"w{k}", path="", body=" ".join(sents), date="2024-03-10" if k < 4 else "2024-03-12")
        art.sentences = segment(art.body)
        arts.append(art)
    return Cluster(arts)


def _dated_cluster():
    """The same words on two dates: "yesterday" in an article of the 10th agrees with "March 9",
    in one of the 12th it does not."""
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    yesterday = "The fuel depot in Riverton was hit by drones yesterday, officials said."
    march = "The fuel depot in Riverton was hit by drones on March 9, officials said."
    arts = [Article(id=f"d{k}", path="", body=body, date=date)
            for k, (date, body) in enumerate([("2024-03-10", march), ("2024-03-10", yesterday), ("2024-03-12", yesterday)])]
    for art in arts:
        art.sentences = segment(art.body)
    return Cluster(arts)


def test_pair_memo_changes_no_link(monkeypatch):
    from reviewer.config import AlignSettings
    from reviewer.engine import pairmemo
    from reviewer.engine.align import align
    from reviewer.engine.features import build_features
    from reviewer.io.articles import load_cluster

    for make in (lambda: load_cluster([SEEDS]), _wire_cluster, _dated_cluster):
        st = AlignSettings(semantic="off", within_article=True)
        monkeypatch.setattr(pairmemo, "ENABLED", True)
        fast = align(make(), st)
        monkeypatch.setattr(pairmemo, "ENABLED", False)
        plain = align(make(), st)
        assert fast and fast == plain
    monkeypatch.setattr(pairmemo, "ENABLED", True)
    wire = _wire_cluster()
    kinds = pairmemo.signatures(build_features(wire), [a.date for a in wire.articles])
    assert len(set(kinds)) < len(kinds)  # the memo has something to share here


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 12), st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11),
                                              st.sampled_from([0.15, 0.2, 0.3, 0.5, 0.7, 0.31, 0.3001, 1.0])),
                                    min_size=50, max_size=600),
       st.integers(1, 4), st.integers(1, 3), st.integers(1, 3))
def test_may_rank_drops_only_pairs_that_never_rank(n, raw, n_art, per_article, per_sentence):
    from reviewer.engine.candidates import _may_rank

    pairs = sorted({(min(a, b) % n, max(a, b) % n): s for a, b, s in raw if a % n != b % n}.items())
    if not pairs:
        return
    ci = np.array([p[0][0] for p in pairs])
    cj = np.array([p[0][1] for p in pairs])
    sim = np.array([p[1] for p in pairs])
    art_of = np.arange(n) % n_art
    t = dataclasses.replace(TUNING, per_article=per_article, per_sentence=per_sentence)
    full = np.flatnonzero(_best_per_sentence(ci, cj, sim, art_of, t))
    may = np.flatnonzero(_may_rank(ci, cj, sim, n, per_sentence, bins=8, slack=0))
    kept = may[_best_per_sentence(ci[may], cj[may], sim[may], art_of, t)]
    assert full.tolist() == kept.tolist()


def test_dense_cluster_keeps_its_links_when_the_budget_drops_every_common_term():
    """Wire copy from a small vocabulary: every term is common, a small blocking budget leaves
    all single terms out; pairs of them still block, so the links stay (issue 15)."""
    from reviewer.config import AlignSettings
    from reviewer.engine.align import align

    st = AlignSettings(semantic="off")
    full = {(l.a, l.b, l.relation) for l in align(_wire_cluster(), st)}
    tight = dataclasses.replace(TUNING, block_budget=700)  # no term of most sentences fits it alone here
    kept = {(l.a, l.b, l.relation) for l in align(_wire_cluster(), st, tuning=tight)}
    assert len(full) > 100 and kept == full


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 15), st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14),
                                              st.sampled_from([0.2, 0.35, 0.5, 0.5001, 0.7, 1.0])), max_size=200),
       st.integers(1, 4), st.integers(1, 4))
def test_kept_is_the_per_article_cutoff_of_the_first_implementation(n, raw, n_art, k):
    from collections import defaultdict

    from reviewer.engine.align import _kept

    art = np.arange(n) % n_art
    pairs = sorted({(min(a, b) % n, max(a, b) % n): s for a, b, s in raw if a % n != b % n}.items())
    pairs = [(i, j, s) for (i, j), s in pairs]
    best = defaultdict(list)  # the first implementation: a dict of score lists, sorted
    for i, j, s in pairs:
        best[(i, art[j])].append(s)
        best[(j, art[i])].append(s)
    cut = {key: sorted(v, reverse=True)[:k][-1] for key, v in best.items()}
    expected = [s >= cut[(i, art[j])] and s >= cut[(j, art[i])] for i, j, s in pairs]
    assert _kept(art, pairs, k).tolist() == expected


def test_collector_paused_restores_the_collectors_state():
    import gc

    from reviewer.engine.features import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise KeyError
    except KeyError:
        pass
    assert gc.isenabled()


def _candidate_arrays(c):
    return [a.tolist() for a in (c.i, c.j, c.sim, c.lex, c.facts_only, c.whole)]


def test_candidates_sort_only_the_kept_pairs_into_the_order_of_the_sorted_word_pairs(monkeypatch):
    """issue 15: lexical_pairs(sort=False) leaves the combined keys' pairs after the others;
    the kept ones, put in order, are what sorting every pair gave (same pairs, values, order)."""
    from reviewer.config import AlignSettings
    from reviewer.engine import candidates as cand
    from reviewer.engine.features import build_features
    from reviewer.io.articles import load_cluster

    tight = dataclasses.replace(TUNING, block_budget=700)  # combined keys find pairs on the wire cluster
    unsorted_seen = []
    plain = cand.lexical_pairs

    def spy(*args, **kw):
        got = plain(*args, **kw)
        key = got[0].astype(np.int64) * 100_000 + got[1]
        unsorted_seen.append(bool(np.any(np.diff(key) < 0)))
        return got

    monkeypatch.setattr(cand, "BY_TEXT", False)  # the plain path (the kinds' path: test_candidates_by_text_*)
    for make, t in ((_wire_cluster, tight), (_wire_cluster, TUNING), (lambda: load_cluster([SEEDS]), TUNING)):
        feats = build_features(make(), t)
        st = AlignSettings(semantic="off", within_article=True)
        monkeypatch.setattr(cand, "lexical_pairs", spy)
        fast = cand.candidates(feats, st, t)
        monkeypatch.setattr(cand, "lexical_pairs", lambda *a, **kw: plain(*a, **{**kw, "sort": True}))
        sorted_all = cand.candidates(feats, st, t)
        assert len(fast.i) > 0 and _candidate_arrays(fast) == _candidate_arrays(sorted_all)
    assert unsorted_seen[0]  # the tight budget's combined pairs did come out of order: the sort was needed


def test_in_pair_order_sorts_word_pairs_and_leaves_the_models_after_them():
    from reviewer.engine.candidates import _in_pair_order

    ci = np.array([0, 2, 0, 1, 0, 3, 1])
    cj = np.array([3, 3, 1, 2, 2, 4, 3])  # the first five are word pairs, the last two the model's
    keep = np.array([0, 1, 2, 4, 5, 6])
    got = _in_pair_order(keep, ci, cj, 5, 5)
    assert got.tolist() == [2, 4, 0, 1, 5, 6]
    assert _in_pair_order(np.array([], dtype=np.int64), ci, cj, 5, 5).tolist() == []


def test_small_pages_restores_numpys_switch():
    from reviewer.engine.candidates import _hugepage_switch, _small_pages

    switch = _hugepage_switch()
    if switch is None:
        return
    for state in (True, False):
        switch(state)
        with _small_pages():
            assert switch(False) is False  # off inside
        assert switch(state) is state
        try:
            with _small_pages():
                raise KeyError
        except KeyError:
            pass
        assert switch(state) is state


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 40), st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39), st.floats(0.0, 1.2)),
                                    min_size=20, max_size=600), st.integers(1, 3), st.integers(1, 5))
def test_may_rank_with_its_default_bins_drops_only_pairs_that_never_rank(n, raw, n_art, per_sentence):
    from reviewer.engine.candidates import _may_rank

    pairs = sorted({(min(a, b) % n, max(a, b) % n): s for a, b, s in raw if a % n != b % n}.items())
    if not pairs:
        return
    ci = np.array([p[0][0] for p in pairs])
    cj = np.array([p[0][1] for p in pairs])
    sim = np.round(np.array([p[1] for p in pairs]), 3)
    art_of = np.arange(n) % n_art
    t = dataclasses.replace(TUNING, per_article=2, per_sentence=per_sentence)
    full = np.flatnonzero(_best_per_sentence(ci, cj, sim, art_of, t))
    may = np.flatnonzero(_may_rank(ci, cj, sim, n, per_sentence, slack=0))
    kept = may[_best_per_sentence(ci[may], cj[may], sim[may], art_of, t)]
    assert full.tolist() == kept.tolist()


_FACT_SENTENCES = (
    "The ferry left Portmere on Monday with 80 passengers aboard.",
    "On Tuesday the ferry left Portmere carrying 85 passengers.",
    "The ferry left Portmere on Monday, March 7, with 80 passengers.",
    "The ferry left Portmere on March 8 with 85 passengers.",
    "The convoy advanced 30 km toward Dalby on Sunday.",
    "The convoy was within 30 km of Dalby on Sunday.",
    "The convoy was 45 km from Dalby on Saturday and 20 km from it on Sunday.",
    "Officials said on Thursday and Friday that 12 workers were hurt.",
    "Officials said on Friday that 14 workers were hurt.",
    "No passengers were hurt, officials said in a statement.",
)


def test_compact_date_forms_give_what_comparing_every_pair_of_days_gives():
    """issue 15: _dates_agree (weekday sets, open dates, intervals worked out once) says what
    "each shared kind has a pair of days dates_conflict does not set apart" says."""
    from reviewer.engine.dates import dates_conflict
    from reviewer.engine.evidence import _dates_agree
    from reviewer.engine.features import build_features
    from tests.test_real_news_rules import cluster

    feats = build_features(cluster(*_FACT_SENTENCES))
    seen = set()
    for a in feats:
        for b in feats:
            kinds = [k for k in ("weekday", "date") if a.event_dates.get(k) and b.event_dates.get(k)]
            if not kinds:
                continue
            want = all(any(not dates_conflict(x, y) for x in a.event_dates[k] for y in b.event_dates[k]) for k in kinds)
            assert _dates_agree(a, b, kinds) == want, (a.text, b.text)
            seen.add((tuple(kinds), want))
    assert {(("weekday",), True), (("weekday",), False)} <= seen and any("date" in k for k, _w in seen)


def test_distance_roles_from_the_listed_counts_are_the_loop_over_every_count():
    from reviewer.engine.evidence import _distance_role, _distance_roles, _distance_roles_of
    from reviewer.engine.facts import counts_conflict
    from reviewer.engine.features import build_features
    from reviewer.models import Evidence
    from tests.test_real_news_rules import cluster

    def reference(a, b, sim, threshold, t):
        if sim < threshold:
            return []
        for ca in a.counts:
            ra = _distance_role(a, ca, 0)
            if ra is None:
                continue
            for cb in b.counts:
                rb = _distance_role(b, cb, 0)
                if rb is None or rb == ra or counts_conflict(ca, cb, t.measure_tolerance, t.weak_count_max):
                    continue
                return [Evidence("quantity", a.text[ca.span[0]:ca.span[1]], b.text[cb.span[0]:cb.span[1]], ca.span,
                                 cb.span, note="the same distance, read as the way covered in one and the way left in the other")]
        return []

    feats = build_features(cluster(*_FACT_SENTENCES))
    found = 0
    for a in feats:
        for b in feats:
            for sim in (0.2, 0.9):
                got = _distance_roles(a, b, sim, 0.35, TUNING)
                assert got == reference(a, b, sim, 0.35, TUNING)
                found += bool(got)
    assert found and any(len(_distance_roles_of(f)) > 1 for f in feats)


_POOL = ["Rescuers pulled 14 miners from the flooded shaft near Dunmore on Thursday.",
         "The flooded shaft near Dunmore held 14 miners, rescuers said on Thursday.",
         "Rescuers pulled 16 miners from the flooded shaft near Dunmore on Friday.",
         "Mayor Ilse Brandt said the town would pay for the funerals.",
         "The town will pay for the funerals, Mayor Ilse Brandt said.",
         "Pumps removed water from the lower galleries overnight.",
         "Water was pumped from the lower galleries overnight, the company said.",
         "The company had not inspected the shaft since 2019.",
         "Inspectors last visited the shaft in 2019, the company said.",
         "Two of the miners were taken to hospital in Carrow."]


def _repeating_cluster(picks: list[list[int]], dates: list[int]):
    """Articles made of sentences of a small pool: the same sentence word for word in several
    articles (and twice in one), as wire copy gives."""
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    arts = []
    for k, (pick, d) in enumerate(zip(picks, dates)):
        art = Article(id=f"r{k}", path="", body=" ".join(_POOL[p] for p in pick), date=f"2025-06-{10 + d:02d}")
        art.sentences = segment(art.body)
        arts.append(art)
    return Cluster(arts)


def _both_paths(monkeypatch, cluster, within: bool, t):
    from reviewer.config import AlignSettings
    from reviewer.engine import candidates as cand
    from reviewer.engine.features import build_features

    feats = build_features(cluster, t)
    got = []
    for by_text in (True, False):
        monkeypatch.setattr(cand, "BY_TEXT", by_text)
        got.append(_candidate_arrays(cand.candidates(feats, AlignSettings(semantic="off", within_article=within), t)))
    return got, feats


def test_candidates_by_text_equal_the_plain_ones_on_wire_copy(monkeypatch):
    """issue 15: candidates worked out once per distinct sentence and spread to its copies are
    the plain path's (same pairs, values and order), pairs of two copies of one text included."""
    from reviewer.engine import candidates as cand

    spread = []
    plain_kinds = cand._kinds_may_rank

    def spy(*args, **kw):
        out = plain_kinds(*args, **kw)
        assert out.tolist() == plain_kinds(*args, **kw, dense_max=0).tolist()  # the table and the sort agree
        assert out.tolist() == plain_kinds(*args, **kw, chunk=3).tolist()  # slices of pairs change nothing
        spread.append((len(out), int(out.sum())))
        return out

    monkeypatch.setattr(cand, "_kinds_may_rank", spy)
    tight = dataclasses.replace(TUNING, block_budget=700)
    picks = [[0, 3, 5, 7, 9], [1, 4, 6, 8], [0, 3, 5, 7, 9, 0], [2, 4, 5, 8], [0, 3, 6, 7], [1, 3, 5, 9]]
    for within in (False, True):
        # copies_share above 1: the budget stays 2 (copies would widen it to one place per other article)
        for t in (TUNING, tight, dataclasses.replace(TUNING, per_sentence=2, per_article=1, copies_share=2.0)):
            (fast, plain), feats = _both_paths(monkeypatch, _repeating_cluster(picks, [0, 0, 1, 1, 0, 2]), within, t)
            assert fast == plain and len(fast[0]) > 0
            same_text = [(i, j) for i, j in zip(fast[0], fast[1]) if feats[i].text == feats[j].text]
            assert same_text  # two copies of one sentence are a candidate pair
    assert spread and any(kept < total for total, kept in spread)  # the kinds' ranking did drop pairs


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(_POOL) - 1), min_size=1, max_size=7), min_size=2, max_size=7),
       st.lists(st.integers(0, 2), min_size=7, max_size=7), st.booleans(),
       st.sampled_from([TUNING, dataclasses.replace(TUNING, block_budget=700),
                        dataclasses.replace(TUNING, per_sentence=2, per_article=1)]))
def test_candidates_by_text_equal_the_plain_ones_on_any_repeats(picks, dates, within, t):
    with pytest.MonkeyPatch.context() as mp:
        (fast, plain), _feats = _both_paths(mp, _repeating_cluster(picks, dates), within, t)
    assert fast == plain


def test_proper_nouns_weighted_by_copies_count_every_occurrence():
    """issue 15: build_features counts capitalised words once per distinct text, times its copies."""
    from reviewer.engine.features import _proper_nouns
    from reviewer.engine.textnorm import tokenize

    texts = [_POOL[3], _POOL[0], _POOL[4], _POOL[9]]
    copies = [3, 1, 2, 1]
    toks = [tokenize(x) for x in texts]
    expanded = [tk for tk, c in zip(toks, copies) for _ in range(c)]
    weighted = _proper_nouns(toks, copies)
    assert weighted == _proper_nouns(expanded) and list(weighted) == list(_proper_nouns(expanded))
    assert weighted["brandt"] == 5


def test_shared_link_dicts_equal_one_dict_per_link():
    """The shared dicts of the fast JSON path (one per reference object, evidence, score value)
    are, written out, the per-link dicts: with refs shared and copied, scores repeated (0.0 and
    -0.0 among them), links within one article, evidence repeated and with a note."""
    import orjson

    from reviewer.engine import alignjson
    from reviewer.models import Evidence, Link, SentenceRef

    ra, rb, rc = SentenceRef("x", 0), SentenceRef("y", 3), SentenceRef("x", 2)
    ev = Evidence("number", "7", "nine", (4, 5), (4, 8))
    noted = Evidence("date", "Monday", "Friday", (0, 6), (0, 6), note="dated apart")
    links = [Link(ra, rb, "match", 0.51234), Link(ra, SentenceRef("y", 3), "match", 0.51234),
             Link(ra, rc, "match", 0.0), Link(rc, rb, "match", -0.0), Link(rc, ra, "match", 0.0),
             Link(rb, rc, "conflict", 0.77777, (ev,)), Link(ra, rb, "conflict", 0.77777, (ev, noted)),
             Link(SentenceRef("x", 0), rb, "match", 1)]
    shared = alignjson._link_dicts(links, True)
    plain = [alignjson.link_dict(l) for l in links]
    assert shared == plain
    assert orjson.dumps(shared, option=orjson.OPT_INDENT_2) == orjson.dumps(plain, option=orjson.OPT_INDENT_2)
    assert b"-0.0" in orjson.dumps(shared) and shared[2]["score"] == 0.0 and shared[0]["score"] == 0.5123
    assert shared[2]["within_article"] is True and "within_article" not in shared[0]


def test_day_kinds_in_one_lookup_give_the_kinds_and_agreement_of_the_old_path():
    """issue 15: _days_agree (a kind mask and the compact forms per sentence) is None exactly
    when the old path found no shared kind or agreement on each, else the shared kinds."""
    from reviewer.engine.evidence import _dates_agree, _days_agree
    from reviewer.engine.features import build_features
    from tests.test_real_news_rules import cluster

    feats = build_features(cluster(*_FACT_SENTENCES, "The ferry left on Monday, March 4, the operator said.",
                                   "The ferry left on Thursday, March 7, the operator said.",
                                   "The ferry left on Monday, March 7, the operator said."))
    seen = set()
    for a in feats:
        for b in feats:
            kinds = [k for k in ("weekday", "date") if a.event_dates.get(k) and b.event_dates.get(k)]
            want = None if not kinds or _dates_agree(a, b, kinds) else tuple(kinds)
            assert _days_agree(a, b) == want, (a.text, b.text)
            seen.add(want)
    assert {None, ("weekday",), ("weekday", "date")} <= seen


def _distinct_figures_pairwise(a, b, t):
    """distinct_figures as first written: every pair of counts, from their contexts."""
    from reviewer.engine.evidence import count_contexts, _two_stages

    if _two_stages(a, b):
        return True
    if not (a.counts and b.counts):
        return False
    xa_all, xb_all = count_contexts(a, t), count_contexts(b, t)
    if not any(xa.states & xb.states for xa in xa_all for xb in xb_all):
        if any(xa.states and xb.states for xa in xa_all for xb in xb_all):
            return True
    for ca, xa in zip(a.counts, xa_all):
        for cb, xb in zip(b.counts, xb_all):
            if ca.exact and cb.exact and ca.lo != cb.lo and xa.head & xb.head:
                if xa.scope != xb.scope or (xa.subject and xb.subject and xa.subject != xb.subject):
                    return True
    return False


def test_figure_forms_give_what_comparing_every_pair_of_counts_gives():
    """issue 15: distinct_figures from per-sentence forms (the fates counted, the exact counts'
    value, head, scope, subject) says what the loops over every pair of counts said."""
    from reviewer.engine.evidence import distinct_figures
    from reviewer.engine.features import build_features
    from tests.test_real_news_rules import cluster

    mine = ("Flooding left 240 dead in the valley, the governor said.",
            "Flooding left 240 missing in the valley, the governor said.",
            "Flooding left 310 dead and 240 missing in the valley.",
            "The mayor won 58 percent of the votes cast in the capital.",
            "The mayor won 54 percent of the votes.",
            "Larsen won 58 percent of the votes, and Moreau got 42 percent.")
    feats = build_features(cluster(*_FACT_SENTENCES, *mine))
    got = {}
    for a in feats:
        for b in feats:
            want = _distinct_figures_pairwise(a, b, TUNING)
            assert distinct_figures(a, b, TUNING) == want, (a.text, b.text)
            got[want] = got.get(want, 0) + 1
    assert got.get(True, 0) >= 2 and got.get(False, 0) >= 2


def test_term_ids_give_the_edit_script_of_the_terms():
    """issue 15: entity_evidence aligns the terms' ids, not the terms: the same edit script on
    every pair of sentences, and a swapped name is still found."""
    from rapidfuzz.distance import Levenshtein

    from reviewer.engine.evidence import _term_run, entity_evidence
    from reviewer.engine.features import build_features
    from tests.test_real_news_rules import cluster

    mine = ("Harbour master Ilse Brandt said the pier at Koldby would reopen on Friday.",
            "Harbour master Tomas Ek said the pier at Koldby would reopen on Friday.",
            "The pier at Koldby would reopen on Friday, Brandt said.")
    feats = build_features(cluster(*_FACT_SENTENCES, *mine))
    for a in feats:
        for b in feats:
            ra, rb = _term_run(a), _term_run(b)
            assert Levenshtein.opcodes(ra[4], rb[4]).as_list() == \
                [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(ra[1], rb[1])]
    a, b = feats[-3], feats[-2]
    got = entity_evidence(a, b, TUNING)
    assert [(e.a, e.b) for e in got] == [("Ilse Brandt", "Tomas Ek")]


def test_decisions_on_two_cores_change_no_link(monkeypatch):
    from reviewer.config import AlignSettings
    from reviewer.engine import twocores
    from reviewer.engine.align import align
    from reviewer.io.articles import load_cluster

    forks = []
    real_fork = twocores.os.fork

    def counted_fork():
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(twocores.os, "fork", counted_fork)
    monkeypatch.setenv("REVIEWER_TWOCORES", "auto")  # opt-in
    monkeypatch.setattr(twocores, "cores", lambda: 2)
    monkeypatch.setattr(twocores, "idle", lambda: True)
    monkeypatch.setattr(twocores, "_threads", lambda: 1)  # earlier tests may leave a thread behind
    for make in (lambda: load_cluster([SEEDS]), _wire_cluster, _dated_cluster):
        st = AlignSettings(semantic="off", within_article=True)
        monkeypatch.setattr(twocores, "MIN_ITEMS", 0)
        split = align(make(), st)
        monkeypatch.setattr(twocores, "ENABLED", False)
        plain = align(make(), st)
        monkeypatch.setattr(twocores, "ENABLED", True)
        assert split and split == plain
    assert forks  # the decisions were split (a small cluster may be all decided before the fork)


def test_two_cores_fall_back_to_one_when_fork_fails_or_the_child_fails(monkeypatch):
    from reviewer.engine import twocores

    monkeypatch.setattr(twocores, "MIN_ITEMS", 0)
    monkeypatch.setattr(twocores, "cores", lambda: 2)
    monkeypatch.setattr(twocores, "idle", lambda: True)
    monkeypatch.setattr(twocores, "_threads", lambda: 1)  # earlier tests may leave a thread behind
    monkeypatch.delenv("REVIEWER_TWOCORES", raising=False)
    assert not twocores.usable(10)  # off unless asked for
    monkeypatch.setenv("REVIEWER_TWOCORES", "auto")

    def work(items, check):
        check()
        return [x * x for x in items]

    assert twocores.in_two(work, [1, 2], [3, 4]) == ([1, 4], [9, 16])

    def no_fork():
        raise OSError("no fork here")

    monkeypatch.setattr(twocores.os, "fork", no_fork)
    assert twocores.in_two(work, [1, 2], [3, 4]) == ([1, 4], [9, 16])
    monkeypatch.undo()
    monkeypatch.setenv("REVIEWER_TWOCORES", "auto")
    monkeypatch.setattr(twocores, "MIN_ITEMS", 0)
    monkeypatch.setattr(twocores, "cores", lambda: 2)
    monkeypatch.setattr(twocores, "idle", lambda: True)
    monkeypatch.setattr(twocores, "_threads", lambda: 1)  # earlier tests may leave a thread behind
    me = os.getpid()

    def fails_in_the_child(items, check):
        if os.getpid() != me:
            raise RuntimeError("only in the child")
        return [x + 1 for x in items]

    assert twocores.in_two(fails_in_the_child, [1], [2]) == ([2], [3])  # the child's half done here
    monkeypatch.undo()
    monkeypatch.setenv("REVIEWER_TWOCORES", "auto")
    monkeypatch.setattr(twocores, "MIN_ITEMS", 0)
    monkeypatch.setattr(twocores, "cores", lambda: 2)
    monkeypatch.setattr(twocores, "_threads", lambda: 1)
    monkeypatch.setattr(twocores.os, "getloadavg", lambda: (1.0, 1.0, 1.0))
    assert not twocores.usable(10)  # the second core is busy
    monkeypatch.setattr(twocores.os, "getloadavg", lambda: (0.2, 1.0, 1.0))
    assert twocores.usable(10)
    monkeypatch.setattr(twocores, "_threads", lambda: 2)
    assert not twocores.usable(10)  # another thread: its locks would be copied mid-state
    monkeypatch.setattr(twocores, "_threads", lambda: 1)
    monkeypatch.delattr(twocores.os, "fork")
    assert not twocores.usable(10)
    assert twocores.in_two(work, [5], [6]) == ([25], [36])


def test_the_forked_half_ends_when_its_parent_is_killed(tmp_path):
    import subprocess
    import sys
    import time

    flag = tmp_path / "child"
    script = f"""
import os, time, pathlib
from reviewer.engine import twocores
twocores.MIN_ITEMS = 0
twocores.cores = lambda: 2
twocores.idle = lambda: True
me = os.getpid()
def work(items, check):
    if os.getpid() != me:
        pathlib.Path({str(flag)!r}).write_text(str(os.getpid()))
        while True:
            check()
            time.sleep(0.01)
    time.sleep(60)
    return items
twocores.in_two(work, [1], [2])
"""
    proc = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "REVIEWER_TWOCORES": "on"})
    try:
        deadline = time.monotonic() + 30
        while not flag.exists() or not flag.read_text():
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.02)
        child = int(flag.read_text())
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 5
        while _alive(child):
            assert time.monotonic() < deadline, "the forked half outlived its killed parent"
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            proc.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def test_pairs_never_linked_inside_one_article_are_not_decided_and_change_no_link(monkeypatch):
    """issue 15: the groups _never_linked names are not decided; the links are those of deciding
    every group."""
    import numpy as np

    from reviewer.config import AlignSettings
    from reviewer.engine import align as align_mod
    from reviewer.io.articles import load_cluster

    real = align_mod._never_linked
    skipped = []

    def spy(same, lex, t):
        got = real(same, lex, t)
        skipped.append(int(got.sum()))
        return got

    for make in (lambda: load_cluster([SEEDS]), _wire_cluster, _dated_cluster, _twice_told_cluster):
        st = AlignSettings(semantic="off", within_article=True)
        monkeypatch.setattr(align_mod, "_never_linked", spy)
        fast = align_mod.align(make(), st)
        monkeypatch.setattr(align_mod, "_never_linked", lambda same, lex, t: np.zeros(len(same), dtype=bool))
        plain = align_mod.align(make(), st)
        assert fast and fast == plain
    assert sum(skipped) > 0  # something was left undecided
    # a pair inside one article that repeats its words with another figure is a link: decided
    inside = [k for k in fast if k.a.article == k.b.article]
    assert [(k.a.sentence, k.b.sentence, k.relation) for k in inside] == [(0, 1, "conflict")]


def _twice_told_cluster():
    """One article giving a figure twice, in nearly the same words, with another value."""
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    bodies = ["The ferry left Dunmore at noon with 84 passengers. Later the ferry left Dunmore at noon with 86 "
              "passengers. The harbour stayed open all day.",
              "A ferry carrying 84 passengers left Dunmore at noon. The harbour stayed open."]
    arts = [Article(id=f"f{k}", path="", body=b, date="2024-05-02") for k, b in enumerate(bodies)]
    for art in arts:
        art.sentences = segment(art.body)
    return Cluster(arts)


def test_never_linked_is_below_both_bars_inside_one_article_only():
    import numpy as np

    from reviewer.engine.align import _never_linked
    from reviewer.engine.settings import TUNING as t

    same = np.array([True, True, True, False])
    lex = np.array([t.within_conflict_min - 0.01, t.within_conflict_min, 0.1, 0.1])
    assert _never_linked(same, lex, t).tolist() == [True, False, True, False]


def test_links_from_slot_descriptors_and_denials_by_tuning_identity():
    """issue 15: align's link builder makes the Link its constructor makes, and negation's
    ``keep`` is one function per Tuning object (found by identity, not by hashing the Tuning)."""
    from reviewer.engine import align
    from reviewer.models import Evidence, Link, SentenceRef

    args = (SentenceRef("x", 3), SentenceRef("y", 8), "conflict", 0.6125,
            (Evidence("number", "31", "38", (4, 6), (9, 11)),))
    made = align._new_link(*args)
    assert type(made) is Link and made == Link(*args) and hash(made) == hash(Link(*args))
    other = dataclasses.replace(TUNING, negation_min_sim=TUNING.negation_min_sim + 0.01)
    assert align._specific_denial_of(TUNING) is align._specific_denial_of(TUNING)
    assert align._specific_denial_of(other) is not align._specific_denial_of(TUNING)


def _mirror_cluster():
    """Sentences whose checks are symmetric or not: one count or two, a weekday, a date, names
    swapped, words with antonyms ("acquitted" / "convicted"), a denial, a time of day."""
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    bodies = [
        "Officials said 12 workers were evacuated in Riverton on Monday. The court in Eastport acquitted two "
        "guards on Friday, Novak said. At least 30 people were hurt and 4 were missing after the bridge fell on March 3.",
        "Officials said 15 workers were evacuated in Riverton on Monday. The court in Eastport convicted two "
        "guards on Friday, Haddad said. At least 35 people were hurt and 6 were missing after the bridge fell on March 4.",
        "Officials said 12 workers were evacuated in Millbrook on Tuesday. The court in Eastport did not convict "
        "two guards on Friday, Novak said. The bridge fell at 4:37 a.m. on March 3, and 30 people were hurt.",
        "Silva said 12 workers were evacuated in Riverton on Monday. Two guards were acquitted on Friday in "
        "Eastport, Novak said. The bridge fell at 5:10 a.m. on March 3, and 31 people were hurt.",
    ]
    arts = [Article(id=f"m{k}", path="", body=b, date="2024-03-10") for k, b in enumerate(bodies)]
    for art in arts:
        art.sentences = segment(art.body)
    return Cluster(arts)


def test_a_decision_of_two_mirroring_sentences_is_the_other_orders_swapped():
    """issue 15: evidence.mirrors: for two sentences of one language that both mirror, every
    check but entity_evidence answers (b, a) with (a, b)'s finding, sides swapped; with that
    one's finding swapped too, the whole decision is."""
    from reviewer.config import AlignSettings
    from reviewer.engine import align as align_mod
    from reviewer.engine import evidence as evi
    from reviewer.engine.features import build_features
    from reviewer.engine.settings import TUNING

    st = AlignSettings(semantic="off", within_article=True)
    for cl in (_mirror_cluster(), _wire_cluster()):
        feats = build_features(cl)
        mirroring = [f for f in feats if evi.mirrors(f)]
        assert 2 <= len(mirroring) < len(feats) or cl.articles[0].id == "w0"
        checked = 0
        for a in mirroring:
            for b in mirroring:
                if a is b or a.lang != b.lang:
                    continue
                for sims in ((0.3, 0.3), (0.55, 0.5), (0.9, 0.8)):
                    for only_facts in (False, True):
                        ab = align_mod._decide(a, b, sims, sims[0], only_facts, st, TUNING)
                        ba = align_mod._decide(b, a, sims, sims[0], only_facts, st, TUNING)
                        if evi.mirrored(evi.entity_evidence(a, b, TUNING)) != evi.entity_evidence(b, a, TUNING):
                            continue  # the caller decides such a pair itself
                        if ab is None:
                            assert ba is None
                        else:
                            assert ba == (ab[0], evi.mirrored(ab[1]))
                        checked += 1
        assert checked > 50


def test_mirrored_groups_change_no_link(monkeypatch):
    """issue 15: the groups decided as their mirror's outcome, sides swapped, give the links of
    deciding every group."""
    import numpy as np

    from reviewer.config import AlignSettings
    from reviewer.engine import align as align_mod
    from reviewer.io.articles import load_cluster

    real = align_mod._mirror_groups
    copied = []

    def spy(*args):
        got = real(*args)
        copied.append(len(got[0]))
        return got

    none = np.zeros(0, dtype=np.int64)
    for make in (lambda: load_cluster([SEEDS]), _wire_cluster, _mirror_cluster, _dated_cluster):
        st = AlignSettings(semantic="off", within_article=True)
        monkeypatch.setattr(align_mod, "_mirror_groups", spy)
        fast = align_mod.align(make(), st)
        monkeypatch.setattr(align_mod, "_mirror_groups", lambda *args: (none, none))
        plain = align_mod.align(make(), st)
        assert fast and fast == plain
    assert sum(copied) > 0  # something was copied


def test_language_annotation_keeps_every_sentence_field():
    """issue 15: annotate_languages makes each sentence with its language through the
    constructor; the sentence is the one dataclasses.replace makes, .md fields included."""
    from reviewer.engine import crosslingual
    from reviewer.models import Article, Cluster, Sentence

    md = Sentence(0, 0, 31, "Three drones hit the port.", None, "**Three** drones hit the port.",
                  tuple(range(2, 7)) + tuple(range(9, 30)))
    plain = Sentence(1, 32, 60, "The port reopened on Monday.")
    art = Article(id="a", path="a.md", body="**Three** drones hit the port. The port reopened on Monday.",
                  sentences=[md, plain])
    crosslingual.annotate_languages(Cluster(articles=[art]))
    assert art.sentences == [dataclasses.replace(s, lang=got.lang) for s, got in zip([md, plain], art.sentences)]
    assert all(s.lang for s in art.sentences)
