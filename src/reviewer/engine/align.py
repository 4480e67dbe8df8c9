"""The alignment engine: which sentences state the same claim, which contradict.

Pipeline (features -> candidates -> evidence -> decision -> selection):

1. :mod:`~reviewer.engine.features`: every sentence becomes a bag of content terms plus its
   typed facts (counts, weekdays, dates, negations).
2. :mod:`~reviewer.engine.candidates`: blocked TF-IDF candidate pairs (and the semantic model's,
   when it runs), each with a similarity.
3. A pair above the match threshold that is the best partner of one of its two sentences in
   the other's article, kept among the best few per sentence and article, is a ``match``.
4. :mod:`~reviewer.engine.evidence`: a pair that is about the same thing (similar enough, and
   the disagreeing facts sit in the same slot: the same counted noun, a date of the same
   event...) and disagrees on a typed fact is a ``conflict``, with evidence: number,
   quantity, weekday, date, negation, entity.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import replace
from operator import itemgetter

import numpy as np

from reviewer.config import AlignSettings
from reviewer.engine import crosslingual, pairmemo, quotes, semantic, specificity, tollpairs, twocores
from reviewer.engine.candidates import candidates
from reviewer.engine.evidence import (
    antonym_evidence,
    relation_evidence,
    count_evidence,
    date_evidence,
    time_evidence,
    year_evidence,
    entity_evidence,
    given_name_evidence,
    negation_evidence,
    role_mismatch,
    same_figure,
    sequence_evidence,
    distinct_figures,
)
from reviewer.engine import evidence as evi
from reviewer.engine.features import SentFeatures, build_features, collector_paused, different_subjects
from reviewer.engine.recall import (HAS_EXACT_TIME, HAS_FLOORS, agreeing_floors, anchor_gates, model_mutual_pairs,
                                    quoted_word_pairs, shared_measure, shared_time, speaker_pairs)
from reviewer.engine.settings import TUNING, Tuning
from reviewer.lang.en import UPDATE_PHRASES, UPDATE_WORDS
from reviewer.models import Cluster, Evidence, Link, SentenceRef

_FACT_KINDS = ("number", "quantity", "weekday", "date")
_STRONG_KINDS = ("number", "weekday", "date", "negation")


def align(cluster: Cluster, settings: AlignSettings | None = None,
          progress: Callable[[float], None] | None = None, tuning: Tuning = TUNING) -> list[Link]:
    """All match and conflict links of a cluster, sorted, deterministic."""
    # issue 15 (speed): what is built here stays alive until the links are out; the cycle
    # collector's passes over it found nothing and cost about 15% of the dense 5k.
    with collector_paused():
        return _align(cluster, settings, progress, tuning)


def _align(cluster: Cluster, settings: AlignSettings | None,
           progress: Callable[[float], None] | None, tuning: Tuning) -> list[Link]:
    settings = settings or AlignSettings()
    report = _monotonic(progress or (lambda _x: None))
    with semantic.batch_progress(_model_steps(report, 0.85)):
        return _align_steps(cluster, settings, report, tuning)


def _monotonic(report: Callable[[float], None]) -> Callable[[float], None]:
    """``report`` that never goes back (the model's steps may run ahead of the next milestone)."""
    top = [0.0]

    def forward(x: float) -> None:
        if x > top[0]:
            top[0] = x
            report(x)
    forward.top = top  # type: ignore[attr-defined]
    return forward


def _model_steps(report, ceiling: float) -> Callable[[int, int], None]:
    """issue 15: progress while the model embeds (seconds per batch on a first alignment): each
    run of batches moves the bar over half of what is left below ``ceiling``, in proportion to
    its texts, so the bar moves and never reaches the next step early."""
    run = {"from": 0.0}

    def step(done: int, total: int) -> None:
        if done == 0:
            run["from"] = report.top[0]  # the model starts on a new list of texts
            return
        start = run["from"]
        report(start + (ceiling - start) * 0.5 * done / max(total, 1))
    return step


def _align_steps(cluster: Cluster, settings: AlignSettings, report, tuning: Tuning) -> list[Link]:
    crosslingual.annotate_languages(cluster)  # issue 14: Article.lang / Sentence.lang
    feats = build_features(cluster, tuning)
    specificity.mark(feats, tuning)  # issue 12: which words are everybody's in this cluster
    report(0.3)
    if len(feats) < 2:
        report(1.0)
        return []
    cand = candidates(feats, settings, tuning, report)
    cand = tollpairs.with_toll_pairs(cand, feats, settings, tuning)  # issue 12: two reports' tolls
    matches: list[tuple[int, int, float, float]] = []
    conflicts: list[tuple[int, int, float, list[Evidence]]] = []
    dates = [a.date for a in cluster.articles]
    kind = pairmemo.signatures(feats, dates)  # issue 15: a pair of the same two texts is decided once
    _share_caches(feats, kind)
    _decide_pairs(feats, cand, kind, dates, settings, tuning, matches, conflicts)
    report(0.85)
    quoting = _quoting_pairs(cluster, feats, matches, conflicts, settings, tuning)  # issue 12
    quoting |= _mutual_with_something_shared(feats, model_mutual_pairs(feats, settings), matches, tuning)  # issue 12
    links = _select(feats, [a.id for a in cluster.articles], matches, conflicts, settings, tuning.within_match_min, tuning,
                    quoting)
    report(1.0)
    return links


def _decide_pairs(feats: list[SentFeatures], cand, kind: list[int], dates: list[str | None], settings: AlignSettings,
                  t: Tuning, matches: list[tuple[int, int, float, float]],
                  conflicts: list[tuple[int, int, float, list[Evidence]]]) -> None:
    """Decide every candidate pair into ``matches`` and ``conflicts`` (in the candidates' order).

    issue 15: a pair's outcome (its decision, whether a conflict inside one article stands, the
    update note) is a function of the two sentences' kinds (:mod:`pairmemo`: text, language,
    article date), whether they share an article and the pair's similarities; the pairs are
    grouped on that key with numpy and each group worked out once, on its first pair."""
    m = len(cand.i)
    if m == 0:
        return
    kinds = np.asarray(kind, dtype=np.int64)
    art = np.fromiter((f.art for f in feats), dtype=np.int64, count=len(feats))
    ci, cj = cand.i.astype(np.int64), cand.j.astype(np.int64)
    cols = np.stack([kinds[ci], kinds[cj], (art[ci] == art[cj]).astype(np.int64),
                     np.ascontiguousarray(cand.sim, dtype=np.float64).view(np.int64),
                     np.ascontiguousarray(cand.whole, dtype=np.float64).view(np.int64),
                     np.ascontiguousarray(cand.lex, dtype=np.float64).view(np.int64),
                     cand.facts_only.astype(np.int64)])
    order = np.lexsort(cols[::-1])
    sc = cols[:, order]
    new = np.ones(m, dtype=bool)
    new[1:] = np.any(sc[:, 1:] != sc[:, :-1], axis=0)
    group_sorted = np.cumsum(new) - 1
    group = np.empty(m, dtype=np.int64)
    group[order] = group_sorted
    ng = int(group_sorted[-1]) + 1
    first = order[new]  # each group's first pair: lexsort is stable, a group's pairs keep their order
    # per group (lists: set one by one, issue 15): 0 nothing, 1 match, 2 conflict; score; rounded
    # lexical similarity of a match; evidence of a conflict
    outcome: list[int] = [0] * ng
    score: list[float] = [0.0] * ng
    lex_r: list[float] = [0.0] * ng
    evid: list[list[Evidence] | None] = [None] * ng
    ci_l, cj_l = cand.i.tolist(), cand.j.tolist()
    sim_l, lex_l, fo_l, whole_l = cand.sim.tolist(), cand.lex.tolist(), cand.facts_only.tolist(), cand.whole.tolist()
    first_l = first.tolist()

    def work(gs, check) -> list[tuple[int, int, float, float, list[Evidence] | None]]:
        """(group, outcome, score, rounded lexical similarity, evidence) of the groups ``gs``
        that are a match or a conflict."""
        out = []
        for n, g in enumerate(gs):
            if not n & 255:
                check()
            e = first_l[g]
            i, j = ci_l[e], cj_l[e]
            lex_sim = lex_l[e]
            got = _decide(feats[i], feats[j], (sim_l[e], whole_l[e]), lex_sim, fo_l[e], settings, t)
            if got is None:
                continue
            sc_g, evidence = got
            if evidence:
                if not _within_repeats(feats[i], feats[j], lex_sim, t):
                    continue
                out.append((g, 2, sc_g, 0.0, _update_notes(feats[i], feats[j], evidence, dates)))
            else:
                out.append((g, 1, sc_g, round(lex_sim, 4), None))  # rounded as the score is: order-independent
        return out

    # issue 15: on two cores (twocores.usable: a large job, a free core, fork at hand...), a
    # forked child decides the groups whose first sentence's kind is odd (the groups of one
    # text stay on one side), this process the others; else all of them here, one by one.
    ka, kb = kinds[ci[first]], kinds[cj[first]]
    before: list[tuple[int, int, float, float, list[Evidence] | None]] = []
    langs = np.array([f.lang for f in feats], dtype=object)
    one_lang = langs[ci[first]] == langs[cj[first]]
    # a sentence next to its own translation (an article quoting a statement in two languages)
    # is decided: only pairs of one language inside one article need the words' bars
    rest = ~_never_linked((art[ci[first]] == art[cj[first]]) & one_lang, cand.lex[first], t)
    # issue 15 (speed): a group whose mirror (the same two kinds the other way round, the same
    # similarities) is decided takes the mirror's outcome, sides swapped, when the checks are
    # symmetric for its two sentences (_mirror_groups)
    copy_to, copy_from = _mirror_groups(feats, cols[:, first], rest, kinds)
    rest[copy_to] = False
    if twocores.usable(int(rest.sum())):
        # Each text's caches (its counts' contexts, names, days: a third of the work) filled
        # here before the fork, by deciding first one group of each text on each side: else both
        # processes would build them for the texts they share.
        live = np.flatnonzero(rest)
        sample = live[np.unique(np.concatenate([np.unique(ka[live], return_index=True)[1],
                                                np.unique(kb[live], return_index=True)[1]]))]
        before = work(sample.tolist(), twocores.no_check)
        rest[sample] = False
    odd = (ka & 1).astype(bool)
    here, there = twocores.in_two(work, np.flatnonzero(rest & ~odd).tolist(), np.flatnonzero(rest & odd).tolist())
    here = before + here
    for g, o, sc_g, lx, found in here + there:
        outcome[g] = o
        score[g] = sc_g
        lex_r[g] = lx
        evid[g] = found
    if len(copy_to):
        # entity_evidence reads an edit script, whose ties may break otherwise the other way
        # round: where it runs, its finding for the group itself must be its mirror's, swapped
        # (the only names it can give: persons and roles are one-sided, evidence.mirrors). A
        # mirror inside one article that came to nothing may have had evidence that
        # _within_repeats dropped, unknown here: such a group is decided itself.
        entity_min = max(settings.match_threshold, t.entity_min_sim)
        same_art = cols[2, first].tolist()
        redo = []
        for g, r in zip(copy_to.tolist(), copy_from.tolist()):
            e = first_l[g]
            a, b = feats[ci_l[e]], feats[cj_l[e]]
            if not fo_l[e] and sim_l[e] >= entity_min and not evi.no_swap(a, b):
                if same_art[g] and outcome[r] == 0:
                    redo.append(g)
                    continue
                mine = evi.entity_evidence(a, b, t)
                theirs = [x for x in evid[r] or () if x.kind == "entity"]
                if mine != evi.mirrored(theirs):
                    redo.append(g)
                    continue
            outcome[g] = outcome[r]
            score[g] = score[r]
            lex_r[g] = lex_r[r]
            if evid[r] is not None:
                evid[g] = evi.mirrored(evid[r])
        for g, o, sc_g, lx, found in work(redo, twocores.no_check):
            outcome[g] = o
            score[g] = sc_g
            lex_r[g] = lx
            evid[g] = found
    per = np.array(outcome, dtype=np.int8)[group]
    score_a, lex_a = np.array(score), np.array(lex_r)
    at_m = np.flatnonzero(per == 1)
    gm = group[at_m]
    matches.extend(zip(cand.i[at_m].tolist(), cand.j[at_m].tolist(), score_a[gm].tolist(), lex_a[gm].tolist()))
    at_c = np.flatnonzero(per == 2)
    gc_ = group[at_c].tolist()
    conflicts.extend(zip(cand.i[at_c].tolist(), cand.j[at_c].tolist(), score_a[gc_].tolist(), [evid[g] for g in gc_]))


def _mirror_groups(feats: list[SentFeatures], key: np.ndarray, rest: np.ndarray,
                   kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Groups (``key``: their columns, kind of i, kind of j, same article, similarities, facts
    only) whose outcome is their mirror's: the group of the same two kinds the other way round
    with the same other columns, both to be decided (``rest``), the first kind of the mirror the
    smaller; two sentences of one language for which every check but entity_evidence's is
    symmetric (:func:`~reviewer.engine.evidence.mirrors`; the caller checks that one).
    ``kinds``: each sentence's. Returns the groups to copy to and, for each, the group to copy
    from."""
    ng = key.shape[1]
    none = np.zeros(0, dtype=np.int64)
    if ng < 2:
        return none, none
    canon = key.copy()
    canon[0] = np.minimum(key[0], key[1])
    canon[1] = np.maximum(key[0], key[1])
    order = np.lexsort(canon[::-1])
    cs = canon[:, order]
    twin = np.flatnonzero(np.all(cs[:, 1:] == cs[:, :-1], axis=0))  # the two orientations, side by side
    if len(twin) == 0:
        return none, none
    g1, g2 = order[twin], order[twin + 1]
    to = np.where(key[0, g1] > key[0, g2], g1, g2)
    frm = np.where(key[0, g1] > key[0, g2], g2, g1)
    ok = rest[to] & rest[frm] & (key[0, to] != key[1, to])
    to, frm = to[ok], frm[ok]
    if len(to) == 0:
        return none, none
    # per kind (its sentences have equal features): does it mirror, its language
    ka, kb = key[0, to], key[1, to]
    all_kinds, first_of = np.unique(kinds, return_index=True)
    used = np.unique(np.concatenate([ka, kb]))
    reps = [feats[i] for i in first_of[np.searchsorted(all_kinds, used)].tolist()]
    mirror = np.array([evi.mirrors(f) for f in reps], dtype=bool)
    codes = {lang: n for n, lang in enumerate(sorted({f.lang for f in reps}))}
    lang = np.array([codes[f.lang] for f in reps], dtype=np.int64)
    pa, pb = np.searchsorted(used, ka), np.searchsorted(used, kb)
    sel = mirror[pa] & mirror[pb] & (lang[pa] == lang[pb])
    return to[sel], frm[sel]


def _never_linked(same_article: np.ndarray, lex: np.ndarray, t: Tuning) -> np.ndarray:
    """Pairs dropped whatever their decision, so not decided (issue 15): inside one article, with
    words (``lex``) below both bars of such pairs: a conflict's, within_conflict_min
    (:func:`_within_repeats`), and a match's, within_match_min on the rounded value
    (:func:`_within_on_words`; a pair added by :func:`_quoting_pairs` has none of its own)."""
    return same_article & (lex < t.within_conflict_min) & (lex < t.within_match_min - 1e-4)


def _mutual_with_something_shared(feats: list[SentFeatures], pairs: set[tuple[int, int]],
                                  matches: list[tuple[int, int, float, float]] = (),
                                  t: Tuning = TUNING) -> set[tuple[int, int]]:
    """The model's mutual-best pairs that may stay as matches whatever their rank (they are kept
    only where they were decided matches): across two languages all of them; within one, those
    sharing something besides the language's common words, as every other match of one language
    (:func:`~reviewer.engine.specificity.shares_specific`), and not a thin pair below
    thin_match_min (:func:`_thin_below`), which no match of one language may be."""
    out = {(i, j) for i, j in pairs
           if feats[i].lang != feats[j].lang or specificity.shares_specific(feats[i], feats[j])}
    thin = {p for p in out if feats[p[0]].lang == feats[p[1]].lang}
    if thin:
        score = {}
        for i, j, s, _lex in matches:
            key = (i, j) if i < j else (j, i)
            if key in thin:
                score[key] = max(s, score.get(key, s))
        out -= {p for p in thin if p in score and _thin_below(feats[p[0]], feats[p[1]], score[p], t)}
    return out


def _quoting_pairs(cluster: Cluster, feats: list[SentFeatures], matches: list[tuple[int, int, float, float]],
                   conflicts: list[tuple[int, int, float, list[Evidence]]], settings: AlignSettings,
                   t: Tuning) -> set[tuple[int, int]]:
    """The pairs of a word quoted alone and the quotation it comes from
    (:func:`~reviewer.engine.recall.quoted_word_pairs`), and of a speaker's reported words and
    their quotation (:func:`~reviewer.engine.recall.speaker_pairs`), added to ``matches`` at the
    match threshold when the analysis did not make them a match already; never over a conflict."""
    q = quotes.quoted(cluster, feats)
    pairs = sorted(set(quoted_word_pairs(feats, q)) | set(speaker_pairs(feats, q, t)))
    if not pairs:
        return set()
    have = {(m[0], m[1]) for m in matches} | {(m[1], m[0]) for m in matches}
    have |= {(c[0], c[1]) for c in conflicts} | {(c[1], c[0]) for c in conflicts}
    matches.extend((i, j, settings.match_threshold, 0.0) for i, j in pairs if (i, j) not in have)
    return set(pairs)


def _share_caches(feats: list[SentFeatures], kind: list[int]) -> None:
    """Sentences of one kind (:mod:`pairmemo`: the same text, language and article date) have
    equal features: they share one per-sentence cache, so what evidence.py works out about one
    copy of a wire sentence (its counts' contexts, its names...) is worked out once (issue 15)."""
    first: dict[int, SentFeatures] = {}
    for f, k in zip(feats, kind):
        g = first.setdefault(k, f)
        if g is not f:
            f.memo, f._near = g.memo, g._near


_DENIALS: dict[int, tuple[Tuning, Callable]] = {}


def _specific_denial_of(t: Tuning):
    """negation_evidence's ``keep``: a denial of a word specific in the cluster (engine.specificity).
    issue 15: one per Tuning object, found by identity: hashing the Tuning (every field) on each
    decision, as an lru_cache did, was an eighth of the decisions' time on the dense cluster."""
    got = _DENIALS.get(id(t))
    if got is None or got[0] is not t:
        if len(_DENIALS) > 8:
            _DENIALS.clear()
        got = _DENIALS[id(t)] = (t, lambda x, y, term, span: specificity.denial_is_specific(x, y, term, span, t))
    return got[1]


def _gates(f: SentFeatures, t: Tuning) -> int:
    """The sentence's bits of evidence.gates and recall.anchor_gates, in one look-up per pair
    side (issue 15): which checks can find something in a pair with it."""
    got = f.memo.get("pair_gates")
    if got is None:  # a sentence's memo is of one Tuning, as its counts' contexts are
        got = f.memo["pair_gates"] = evi.gates(f) | anchor_gates(f, t)
    return got


def _evidence(a: SentFeatures, b: SentFeatures, sim: float, lex_sim: float, only_facts: bool,
              settings: AlignSettings, t: Tuning) -> list[Evidence]:
    # issue 15 (speed): a check that needs something on both sides (or on one) that a pair's
    # gates say is missing is not called: it would return nothing (evidence.gates).
    ga, gb = a.memo.get("pair_gates"), b.memo.get("pair_gates")  # _gates' memo, read here (issue 15: every pair)
    if ga is None:
        ga = _gates(a, t)
    if gb is None:
        gb = _gates(b, t)
    both = ga & gb
    evidence: list[Evidence] = []
    if a.other_event == b.other_event:
        same_years = a.years == b.years
        if same_years:
            evidence += count_evidence(a, b, sim, settings.match_threshold, t)
            if not evidence and a.lang == b.lang and sim >= t.xl_fact_score:
                if a.lang != "en":
                    if _counts_read(a) and _counts_read(b):
                        evidence += _xl_reader_counts(a, b, sim, t)
                elif _tells_extra(a) and _tells_extra(b):
                    evidence += _xl_reader_counts(a, b, sim, t, _english_extra_spans(a))
        found = date_evidence(a, b, sim, t)
        if found:
            evidence += found if same_years else [e for e in found if e.kind == "date"]
        if both & _HAS_TIME:
            evidence += time_evidence(a, b, sim, t)  # issue 12: times of day
        if both & _YEARS:
            evidence += year_evidence(a, b, sim, settings.match_threshold)  # issue 12: one thing, two years
    if both & _NAMED:
        evidence += given_name_evidence(a, b)
    if only_facts:
        return [e for e in evidence if e.kind in _FACT_KINDS or e.kind == "entity"]
    if sim >= t.negation_min_sim:
        if (ga | gb) & _HAS_DENIAL:
            evidence += negation_evidence(a, b, sim, t, keep=_specific_denial_of(t))  # issue 12: of a specific word
        if both & _HAS_ORDER:
            evidence += sequence_evidence(a, b, sim, t)  # issue 12: "at the same time" / "broke first"
    if sim >= settings.match_threshold and sim >= t.entity_min_sim:
        roles = role_mismatch(a, b) if both & _HAS_ROLES else None
        if roles:
            (sa, sb) = roles
            evidence.append(Evidence("entity", a.text[sa[0]:sa[1]], b.text[sb[0]:sb[1]], sa, sb))
        evidence += entity_evidence(a, b, t)
        if ga & _HAS_ANTONYM:
            evidence += antonym_evidence(a, b, t)
        if both & _HAS_RELATION:
            evidence += relation_evidence(a, b, t)  # issue 12: "inside" / "outside" the same place
    return _dedupe(evidence)


def _xl_reader_counts(a: SentFeatures, b: SentFeatures, sim: float, t: Tuning,
                      only: set[tuple[int, int]] | None = None) -> list[Evidence]:
    """Two sentences of one language: the counts and measurements the cross-language reader
    finds where the English-shaped count reader found no disagreement (stop 25). In a language
    other than English all of them (its per-language tables name what is counted: "18
    autobombas" / "15 camiones de bomberos" are fire engines); in English only those at the
    spans ``only`` (:func:`_english_extra_spans`). As across languages, the two must be close
    (xl_conflict_score) or give one specific figure alike (the same 80 firefighters)."""
    from reviewer.engine import xfacts

    found = [e for e in xfacts.xl_evidence(a.text, a.lang, b.text, b.lang)
             if e.kind in ("number", "quantity") and (only is None or e.a_span in only)]
    if found and (sim >= t.xl_conflict_score or crosslingual.facts_agree(a, b)):
        return found
    return []


def _counts_read(f: SentFeatures) -> bool:
    """The cross-language reader has its own tables for the sentence's language (not English's
    borrowed for one it does not know) and finds a count or a measurement in it (issue 15: a
    per-sentence answer, asked before the per-pair comparison)."""
    got = f.memo.get("xl_counts")
    if got is None:
        from reviewer.engine import xfacts
        from reviewer.lang.tables import SUPPORTED

        got = f.memo["xl_counts"] = f.lang in SUPPORTED and any(
            x.kind in ("count", "measure") for x in xfacts.read_facts(f.text, f.lang))
    return got


# What the English count reader (engine.facts) does not read and the cross-language one does:
# the ages of a group ("aged 4 to 9") and counts of these kinds (stop 25)
_EXTRA_KINDS = frozenset({"foreigners", "nationalities", "firefighters", "fire engines", "ambulances"})
_EXTRA_HINT = re.compile(r"\b(?:aged|years? old|foreign|nationalit|fire ?fighter|firem[ae]n|fire "
                         r"(?:engine|tender|truck|appliance)|ambulance)", re.IGNORECASE)


def _tells_extra(f: SentFeatures) -> bool:
    got = f.memo.get("extra_facts")
    if got is None:
        got = f.memo["extra_facts"] = bool(_EXTRA_HINT.search(f.text))
    return got


def _english_extra_spans(a: SentFeatures) -> set[tuple[int, int]]:
    """Where an English sentence gives an age range ("aged 4 to 9" / "4 to 8 years old") or a
    count of foreigners, nationalities, firefighters, fire engines or ambulances: what the
    cross-language reader compares and the English count reader does not (stop 25)."""
    from reviewer.engine import xfacts

    return {x.span for x in xfacts.read_facts(a.text, "en") if x.kind == "age" or x.concepts & _EXTRA_KINDS}


_HAS_TIME, _HAS_DENIAL, _HAS_ORDER, _HAS_ROLES, _HAS_ANTONYM, _HAS_RELATION = (
    evi.HAS_TIME, evi.HAS_DENIAL, evi.HAS_ORDER, evi.HAS_ROLES, evi.HAS_ANTONYM, evi.HAS_RELATION)
_YEARS = evi.HAS_YEARS | evi.ONE_BOUND_YEAR
_NAMED = evi.HAS_PERSONS | evi.HAS_ORG_ROLES


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    if len(evidence) < 2:
        return evidence  # nothing to drop (issue 15: most decisions); the list is the caller's own
    seen: set[tuple] = set()
    out = []
    for e in evidence:
        key = (e.kind, e.a_span, e.b_span)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _decide(a: SentFeatures, b: SentFeatures, sims: tuple[float, float], lex_sim: float, only_facts: bool,
            settings: AlignSettings, t: Tuning) -> tuple[float, list[Evidence]] | None:
    """(score, evidence) of a conflict, (score, []) of a match, or None. ``sims`` is the
    similarity with a shared clause counted, and that of the whole sentences."""
    sim, whole = sims
    if crosslingual.is_cross(a, b, settings):  # issue 14: pairs in two languages
        return crosslingual.decide(a, b, sim, only_facts, settings, t)
    evidence = _evidence(a, b, sim, lex_sim, only_facts, settings, t)
    if evidence:  # issue 12: a denial only of a word specific in the cluster (engine.specificity)
        evidence = specificity.filter_evidence(a, b, evidence, t)
    if evidence:
        strong = only_facts or any(e.kind in _STRONG_KINDS for e in evidence)
        score = min(1.0, t.conflict_base + t.conflict_scale * sim) * (1.0 if strong else t.weak_evidence_factor)
        return round(score, 4), evidence
    if only_facts:
        return None
    # A sentence placed in another year is less likely the same claim.
    if a.years != b.years:
        sim -= t.other_year_penalty
    # Each names someone or something the other does not: two different subjects
    # ("Ostrava signed striker Mansouri" / "Ostrava also signed goalkeeper Hruby").
    if sim < t.names_penalty_below and different_subjects(a, b):
        sim -= t.names_penalty
    ga, gb = a.memo.get("pair_gates"), b.memo.get("pair_gates")  # set by _evidence above
    both = (_gates(a, t) if ga is None else ga) & (_gates(b, t) if gb is None else gb)
    if both & evi.HAS_ROLES and role_mismatch(a, b):
        return None  # two different people in the same role: not the same claim
    if same_figure(a, b, sim, settings.match_threshold, t) or (both & HAS_FLOORS and agreeing_floors(a, b, t)) or \
            (both & HAS_EXACT_TIME and shared_time(a, b, t)):  # issue 12
        sim = min(1.0, max(sim, settings.match_threshold) + t.figure_bonus)
    elif distinct_figures(a, b, t):
        return None  # figures of two different parts or people, and none in common: not one claim
    if sim >= settings.match_threshold:
        return round(sim, 4), []
    return None


def _update_notes(a: SentFeatures, b: SentFeatures, evidence: list[Evidence], dates: list[str | None]) -> list[Evidence]:
    """A figure that differs between reports of different dates, or next to words such as
    "rose to" or "so far", may be an update rather than a contradiction: say so."""
    da, db = dates[a.art], dates[b.art]
    if da and db and da != db:
        note = f"the articles are dated {min(da, db)} and {max(da, db)}: the figure may have been updated"
    elif _update_words(a) or _update_words(b):
        note = f"time words ({', '.join(sorted(_update_words(a) | _update_words(b)))}): the figure may have been updated"
    else:
        return evidence
    return [replace(e, note=note) if e.kind in ("number", "quantity") else e for e in evidence]


def _update_words(f: SentFeatures) -> set[str]:
    found = f.memo.get("update")
    if found is None:
        found = set(f.words) & UPDATE_WORDS
        pairs = set(zip(f.words, f.words[1:]))
        found.update(" ".join(p) for p in UPDATE_PHRASES if p in pairs)
        f.memo["update"] = found
    return found


def _columns(pairs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first sentence, second sentence and score of every pair, as arrays."""
    if not pairs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    m = len(pairs)
    return (np.fromiter(map(itemgetter(0), pairs), dtype=np.int64, count=m),
            np.fromiter(map(itemgetter(1), pairs), dtype=np.int64, count=m),
            np.fromiter(map(itemgetter(2), pairs), dtype=np.float64, count=m))


def _kept(feats_art: np.ndarray, pairs, k: int, columns=None) -> np.ndarray:
    """Per pair: is its score among the k best of (sentence, other article) on both ends? The
    k-th best score of each group is its cutoff (the lowest one when fewer); ties all pass.
    ``columns``: :func:`_columns` of ``pairs`` when at hand."""
    m = len(pairs)
    if m == 0:
        return np.zeros(0, dtype=bool)
    i, j, s = columns if columns is not None else _columns(pairs)
    width = int(feats_art.max()) + 1
    key = np.concatenate([i * width + feats_art[j], j * width + feats_art[i]])
    both = np.concatenate([s, s])
    order = np.lexsort((-both, key))
    ks = key[order]
    start = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
    size = np.diff(np.r_[start, len(ks)])
    cut = both[order[start + np.minimum(k, size) - 1]]
    cutoff = np.empty(2 * m)
    cutoff[order] = np.repeat(cut, size)
    ok = both >= cutoff
    return ok[:m] & ok[m:]


def _within_on_words(feats: list[SentFeatures], matches: list[tuple[int, int, float, float]],
                     within_min: float, t: Tuning = TUNING) -> list[tuple[int, int, float, float]]:
    """Drop the matches inside one article that do not repeat nearly the same words: an article
    saying a thing twice in other words is no news to a reviewer, and the model's closeness
    (two sentences of one story on one topic) is no repeat ("polls opened" / "polls closed").
    A sentence and its translation in the same article (a statement quoted in two languages) stay:
    in two languages, scored within_translation_min or more, and in about as many words
    (:func:`_within_translation`)."""
    return [m for m in matches if feats[m[0]].art != feats[m[1]].art or min(m[2], m[3]) >= within_min
            or _within_translation(feats[m[0]], feats[m[1]], m[2], t)]


def _within_translation(a: SentFeatures, b: SentFeatures, score: float, t: Tuning) -> bool:
    """Two sentences of one article in two languages that the model scores as a translation and
    that say it in about as many words (at most within_translation_words times as many: a
    translation is not a tweet's credit line beside the tweet)."""
    if a.lang == b.lang or score < t.within_translation_min:
        return False
    na, nb = len(a.text.split()), len(b.text.split())
    return min(na, nb) > 0 and max(na, nb) <= t.within_translation_words * min(na, nb)


def _within_repeats(a: SentFeatures, b: SentFeatures, lex_sim: float, t: Tuning) -> bool:
    """A conflict inside one article only when the two sentences repeat nearly the same words
    (the article states one thing twice with another figure): two differently worded sentences
    of one article giving two figures, dates or denials state two facts (the dead and the injured,
    the votes at home and abroad, the warning and the attack), not a contradiction."""
    return a.art != b.art or lex_sim >= t.within_conflict_min


def _someones_best(feats: list[SentFeatures],
                   matches: list[tuple[int, int, float, float]]) -> list[tuple[int, int, float, float]]:
    """The matches that are the best partner of at least one of their two sentences in the
    other's article (:func:`_ends_best`): a pair that each side ranks below another
    partner is no claim in common (a long sentence's third partner, itself closer to another
    sentence), unless the two state one figure (:func:`_same_figure`) that the best partners of
    its two sentences do not both state (:func:`_figure_told`). Each (sentence, other article)'s
    best match stays, so the best scores among the matches kept are those among all of them."""
    art = [f.art for f in feats]
    ranked, reach = _ranked(art, matches)
    by_figure = [not r and _same_figure(feats[m[0]], feats[m[1]]) for m, r in zip(matches, ranked)]
    by_day = [not r and not f and bool(_same_day(feats[m[0]], feats[m[1]]))
              for m, r, f in zip(matches, ranked, by_figure)]
    if not any(by_figure) and not any(by_day):
        return [m for m, r in zip(matches, ranked) if r]
    # Kept for its figure or day alone: unless each side's best partner states it already. The
    # sentences reaching the best score of the (sentence, other article) these pairs ask about.
    asked = {key for m, f, d in zip(matches, by_figure, by_day) if f or d
             for key in ((m[1], art[m[0]]), (m[0], art[m[1]]))}
    tops: dict[tuple[int, int], list[int]] = {}
    for x, a, y in reach(asked):
        tops.setdefault((x, a), []).append(y)
    return [m for m, r, f, d in zip(matches, ranked, by_figure, by_day)
            if r or (f and not (_figure_told(feats, tops, m[0], m[1]) and _figure_told(feats, tops, m[1], m[0])))
            or (d and not (_day_told(feats, tops, m[0], m[1]) and _day_told(feats, tops, m[1], m[0])))]


def _ranked(art: list[int], matches: list[tuple[int, int, float, float]]):
    """Per match, whether it reaches the best match score of one of its two (sentence, other
    article) (:func:`_ends_best`: issue 15, with numpy, ~40k matches on the dense 5k); and a
    function giving, for a set of such (sentence, article) keys, the
    (sentence, article, partner) of every match reaching the key's best, in no set order (asked
    for the few keys of the pairs kept for a figure or a day alone, not built for all)."""
    m = len(matches)
    if m == 0:
        return [], lambda _keys: []
    i, j, s = _columns(matches)
    key, width, top = _ends_best(art, i, j, s)
    both = np.concatenate([s, s])
    reaches = both >= top
    ranked = (reaches[:m] | reaches[m:]).tolist()

    def reach(keys: set[tuple[int, int]]) -> list[tuple[int, int, int]]:
        if not keys:
            return []
        wanted = np.array(sorted(x * width + a for x, a in keys), dtype=np.int64)
        at = np.flatnonzero(reaches & np.isin(key, wanted))
        me = np.concatenate([i, j])[at].tolist()
        other = np.concatenate([j, i])[at].tolist()
        return [(x, int(k) % width, y) for x, k, y in zip(me, key[at].tolist(), other)]

    return ranked, reach


def _ends_best(art: list[int], i: np.ndarray, j: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, int, np.ndarray]:
    """For matches (sentences ``i``, ``j``, scores ``s``) seen from each end, first every (i,
    article of j), then every (j, article of i): the key (sentence * width + article), the
    width, and the best score of that key among the matches (issue 15: with numpy, instead of a
    dict filled match by match)."""
    art_a = np.array(art, dtype=np.int64)
    width = int(art_a.max()) + 1
    key = np.concatenate([i * width + art_a[j], j * width + art_a[i]])
    _uniq, inv = np.unique(key, return_inverse=True)
    inv = inv.ravel()
    top = np.full(len(_uniq), -np.inf)
    np.maximum.at(top, inv, np.concatenate([s, s]))
    return key, width, top[inv]


def _days(f: SentFeatures) -> frozenset:
    """The single days a sentence places its event on (weekdays resolved against the article's
    date, dates), report dates left out."""
    got = f.memo.get("event_days")
    if got is None:
        got = f.memo["event_days"] = frozenset(d.lo for ds in f.event_dates.values() for d in ds if d.lo == d.hi)
    return got


def _same_day(a: SentFeatures, b: SentFeatures) -> frozenset:
    """Two reports of one language placing one named thing's event on one day ("the Orla ran
    aground on Tuesday" / "the barge Orla, which sank on Tuesday 4 May"): the days in common when
    the two also share a name and at most one of them names something the other does not hold
    (the long sentence may name the owner or the port as well; two sentences that each name
    another subject are two claims) (else empty). A long sentence's other claims lower its score
    with the short one below both sides' best partners."""
    if a.lang != b.lang or a.art == b.art or a.years != b.years:
        return frozenset()
    days = _days(a) & _days(b)
    if not days or not (a.names_set & b.names_set) or (_names_not_in(a, b) and _names_not_in(b, a)):
        return frozenset()
    return days


def _names_not_in(a: SentFeatures, b: SentFeatures) -> frozenset[str]:
    """The names of ``a`` that ``b`` does not hold, as a name or as a plain word ("the Suez
    Canal" / "the canal near Suez")."""
    return frozenset(n for n in a.names_set - b.bag if n.removeprefix("N:") not in b.bag)


def _day_told(feats: list[SentFeatures], tops: dict[tuple[int, int], list[int]], i: int, j: int) -> bool:
    """Sentence j's best partner in sentence i's article places the same named thing on the
    day that i and j share: that day is linked there already."""
    days = _same_day(feats[i], feats[j])
    return any(_same_day(feats[k], feats[j]) & days for k in tops.get((j, feats[i].art), ()))


def _same_figure(a: SentFeatures, b: SentFeatures) -> bool:
    return _same_figure_across(a, b) or _same_measure(a, b)


def _figure_told(feats: list[SentFeatures], tops: dict[tuple[int, int], list[int]], i: int, j: int) -> bool:
    """Sentence j's best partner in sentence i's article states the figure that i and j share:
    the figure is linked there already, a pair that neither side ranks first adds nothing
    ("the barge was 14 metres long" / "a 14-metre barge sank", beside the sentence that j
    ranks first and that gives the 14 metres too)."""
    mine = _values(feats[i])
    return bool(mine) and any(_values(feats[k]) & mine and _same_figure(feats[k], feats[j])
                              for k in tops.get((j, feats[i].art), ()))


def _values(f: SentFeatures) -> set[tuple[str | None, float]]:
    """The exact figures a sentence gives, with their units: to tell which figure is told."""
    return {(c.unit, c.lo) for c in f.counts if c.exact}


def _same_measure(a: SentFeatures, b: SentFeatures) -> bool:
    """Two sentences of one language giving one measurement (the same value in the same unit,
    of the same thing: a length, a distance, a weight): a claim in common, however many other
    claims the longer sentence holds ("the 14-metre barge" / "the 14-metre barge, towed from the
    port on Friday, sank")."""
    return a.lang == b.lang and a.art != b.art and shared_measure(a, b)


def _same_figure_across(a: SentFeatures, b: SentFeatures) -> bool:
    """Two languages stating one figure of one kind (xfacts): a claim in common however many
    other claims the longer sentence holds."""
    return a.lang != b.lang and crosslingual.facts_agree(a, b)


def _unanchored(f: SentFeatures) -> bool:
    """The sentence names no one and nothing and gives no figure (crosslingual.anchors): nothing
    in it a reader could check against another report ("Panic broke out", "The search goes on")."""
    got = f.memo.get("unanchored")
    if got is None:
        got = f.memo["unanchored"] = not crosslingual.checkable(f.text, f.lang)
    return got


_OPENING_QUOTES = " \t\"'\u201c\u201e\u00ab\u00bb\u2039\u203a\u2018"


def _lead_in(f: SentFeatures, t: Tuning) -> bool:
    """A line of at most lead_in_max_words words ending with a colon: it introduces the next
    sentence ("Ada Lind, harbour master:", "The agency wrote:") and states nothing of its own
    but who speaks; matched, it is a look-alike of every sentence naming that speaker."""
    got = f.memo.get("lead_in")
    if got is None:
        text = f.text.rstrip(_OPENING_QUOTES)
        got = f.memo["lead_in"] = text.endswith(":") and len(text.split()) <= t.lead_in_max_words
    return got


def _thin_overlap(a: SentFeatures, b: SentFeatures, t: Tuning) -> bool:
    """Two sentences of one language that share no more than thin_overlap_terms words besides
    names: two statements about the same subject ("the roof of the hall collapsed" / "115 were
    killed at the hall", "an attack was thwarted" / "warned of attacks")."""
    return len((a.bag & b.bag) - a.names_set - b.names_set) <= t.thin_overlap_terms


def _thin_below(a: SentFeatures, b: SentFeatures, score: float, t: Tuning) -> bool:
    """Two sentences of one language sharing one thing at most, a word or a name (the words of
    one name count once; a word common in the cluster, engine.specificity, counts for nothing),
    with no figure agreeing, scored below thin_match_min: nothing of one claim in common, and the
    model finds them only a little closer than two sentences on the topic ("the mayor spoke on
    Monday" / "the mayor's office reopened on Friday"). A name and a word ("the Coast Guard
    searched the bay" / "the Coast Guard said the bay was calm") are two."""
    if score >= t.thin_match_min:
        return False
    shared = a.bag & b.bag
    names = shared & (a.names_set | b.names_set)
    words = (shared - names) & specificity.specific(a) & specificity.specific(b)
    return len(words) + (1 if names else 0) <= t.thin_overlap_terms and not agreeing_floors(a, b, t)


def _vague_sides_choice(a: SentFeatures, b: SentFeatures, s: float, best_a: float, best_b: float, t: Tuning) -> bool:
    """A pair of one language whose vague sentence (:func:`_unanchored`) ranks the other first
    in its article, the two sharing at least vague_shared_terms words specific in the cluster
    besides names: the vague sentence states that claim in its own words ("tourists stepping
    off buses were fired on" / "gunmen fired at tourists getting off the buses"), however
    much better the other sentence's own partner is. ``best_a``: the best match score of a in
    b's article, ``best_b`` of b in a's."""
    if a.lang != b.lang or _thin_overlap(a, b, t):
        return False
    shared = (a.bag & b.bag) - a.names_set - b.names_set
    if len(shared & specificity.specific(a) & specificity.specific(b)) < t.vague_shared_terms:
        return False
    return (_unanchored(a) and s >= best_a and not _unanchored(b)) or \
        (_unanchored(b) and s >= best_b and not _unanchored(a))


def _anchored_or_close(feats: list[SentFeatures], matches: list[tuple[int, int, float, float]], t: Tuning,
                       best: dict[tuple[int, int], float] | None = None) -> list[tuple[int, int, float, float]]:
    """Drop a match with a sentence that has nothing to check (:func:`_unanchored`) when one of
    its two sentences has a clearly better match (by unanchored_gap or more) in the other's
    article: a vague sentence beside someone's better partner is a look-alike on the topic
    ("Panic broke out" / a sentence that another report states in the same words); so is a pair
    of one language sharing hardly a word but names (:func:`_thin_overlap`), and such a pair
    scoring below thin_match_min is dropped whatever its rank (one shared word or name, the
    model's score just above the topic's: "the mayor spoke on Monday" / "the mayor's office
    reopened"). Such a match
    across two languages rests on the model alone (no shared word to weigh): it needs a score of
    xl_unanchored_min, the clear margin asked of a second-best partner, and xl_vague_min when
    neither sentence has anything to check ("Much is still unclear" / "It did not elaborate"),
    and then each side's best partner in the other's article too (a vague sentence that one side
    ranks below another partner is one more look-alike on the topic). A match of one language
    sharing no name, no figure and no word that is specific in the cluster
    (:func:`~reviewer.engine.specificity.shares_specific`) is dropped: two sentences of a language
    without a stopword list share its function words. A match across two languages
    that one side ranks xl_far_gap or more below its best partner in the other's article, with no
    figure in common, is dropped whatever it names: the model's closeness on the topic ("the
    ferry was seen in the towns of A and B" / a sentence on the dead in the towns of B and C,
    itself far closer to the report of where the ferry was seen);
    a side's best partner: the best match score of that (sentence, other article) among
    ``matches`` (:func:`_ends_best`), or in ``best`` when given ((sentence, article) -> score)."""
    if not matches:
        return []
    art = [f.art for f in feats]
    i_a, j_a, s_a = _columns(matches)
    m = len(matches)
    if best is None:
        _key, _width, top = _ends_best(art, i_a, j_a, s_a)
        best_i, best_j = top[:m], top[m:]  # of i in j's article, of j in i's
    else:
        best_i = np.array([best[(x[0], art[x[1]])] for x in matches], dtype=np.float64)
        best_j = np.array([best[(x[1], art[x[0]])] for x in matches], dtype=np.float64)
    below = np.maximum(best_i, best_j) - s_a  # how far below the better side's best partner
    codes: dict[str, int] = {}
    lang = np.array([codes.setdefault(f.lang, len(codes)) for f in feats], dtype=np.int64)
    one_lang = lang[i_a] == lang[j_a]
    keep = np.ones(m, dtype=bool)
    # One language. issue 15 (speed): what the tests ask of the two sentences alone, worked out
    # once per pair of kinds (sentences of one kind have equal features) and same-article or not,
    # and each match's own tests with numpy (~37k matches on the dense 5k, 12.7k such pairs)
    at = np.flatnonzero(one_lang)
    if len(at):
        n = len(feats)
        kinds = np.unique([k if (k := getattr(f, "kind", -1)) >= 0 else -1 - x for x, f in enumerate(feats)],
                          return_inverse=True)[1].ravel()  # 0..n-1; unknown kinds (-1 - index) stay apart
        art_a = np.array(art, dtype=np.int64)
        ia, ja = i_a[at], j_a[at]
        key = (kinds[ia] * n + kinds[ja]) * 2 + (art_a[ia] == art_a[ja])
        _u, first, inv = np.unique(key, return_index=True, return_inverse=True)
        inv = inv.ravel()
        pair_of = [(feats[matches[e][0]], feats[matches[e][1]]) for e in at[first].tolist()]  # per group

        def test(fn, groups: np.ndarray) -> np.ndarray:
            """fn(a, b) of the groups asked (False for the others, never read)."""
            out = np.zeros(len(first), dtype=bool)
            for g in groups.tolist():
                out[g] = fn(*pair_of[g])
            return out

        # nothing shared but the language's common words; one word or a name in common, below
        # thin_match_min (the second test asked only of the groups with such a match: 21 of
        # 12.7k on the dense 5k)
        shares = test(specificity.shares_specific, np.arange(len(first)))
        low = s_a[at] < t.thin_match_min
        thin = test(lambda a, b: _thin_below(a, b, -math.inf, t), np.unique(inv[low & shares[inv]]))
        drop = ~shares[inv] | (low & thin[inv])
        keep[at[drop]] = False
        # a vague or thin pair beside someone's clearly better partner (unanchored_gap), unless
        # the vague sentence chose it (_vague_sides_choice)
        far = ~drop & (below[at] >= t.unanchored_gap)
        vague = test(lambda a, b: _unanchored(a) or _unanchored(b) or
                     (_thin_overlap(a, b, t) and not agreeing_floors(a, b, t)), np.unique(inv[far]))
        for e in at[far & vague[inv]].tolist():
            i, j, s, _lex = matches[e]
            if not _vague_sides_choice(feats[i], feats[j], s, float(best_i[e]), float(best_j[e]), t):
                keep[e] = False
    # two languages
    for e in np.flatnonzero(~one_lang).tolist():
        i, j, s, _lex = matches[e]
        a, b = feats[i], feats[j]
        gap_e, side_best = float(below[e]), max(float(best_i[e]), float(best_j[e]))
        if gap_e >= t.xl_far_gap and not _same_figure_across(a, b):
            keep[e] = False  # issue 12: far below one side's best, no figure in common: a look-alike on the topic
        elif crosslingual.shared_name(a, b):
            pass  # one name in two spellings: something to check
        elif _unanchored(a) and _unanchored(b) and (s < t.xl_vague_min or s < side_best):
            keep[e] = False  # neither has anything to check: the pair must stand out, each side's best
        elif (s < t.xl_unanchored_min or gap_e >= t.unanchored_gap) and (_unanchored(a) or _unanchored(b)):
            keep[e] = False
    return [x for x, k in zip(matches, keep.tolist()) if k]


def _select(feats: list[SentFeatures], art_ids: list[str], matches: list[tuple[int, int, float, float]],
            conflicts: list[tuple[int, int, float, list[Evidence]]], settings: AlignSettings,
            within_min: float = TUNING.within_match_min, t: Tuning = TUNING,
            quoting: set[tuple[int, int]] = frozenset()) -> list[Link]:
    """Keep the best few links per sentence and other article, on both ends, among the matches
    that are the best partner of one of their two sentences in the other's article; a match within one
    article only when its words alone reach ``within_min`` (matches are (i, j, score, word-based
    similarity)). ``quoting``: pairs (i < j) of a word quoted alone and its quotation
    (:func:`_quoting_pairs`), which stay whatever their rank or anchors."""
    k = settings.max_matches_per_article
    lead = [_lead_in(f, t) for f in feats]  # once per sentence, not twice per match (issue 15)
    matches = _within_on_words(feats, matches, within_min, t)
    if any(lead):
        matches = [m for m in matches if not (lead[m[0]] or lead[m[1]])]
    # the best match of each (sentence, other article) stays in _someones_best's answer, so the
    # best scores _anchored_or_close reads from it are those of all the matches
    kept = _anchored_or_close(feats, _someones_best(feats, matches), t)
    if quoting:
        have = {(m[0], m[1]) for m in kept}
        kept += [m for m in matches if (min(m[0], m[1]), max(m[0], m[1])) in quoting and (m[0], m[1]) not in have]
    matches = kept
    art = np.fromiter((f.art for f in feats), dtype=np.int64, count=len(feats))
    cols_m, cols_c = _columns(matches), _columns(conflicts)
    keep_m = _kept(art, matches, k, cols_m)
    keep_c = _kept(art, conflicts, k, cols_c)
    order = {aid: n for n, aid in enumerate(art_ids)}
    # issue 15 (speed): the kept links sorted by (article position, sentence, other article
    # position, other sentence, relation) in one stable numpy lexsort, matches before conflicts
    # among equal keys as a stable sort of the tuples did ('conflict' < 'match').
    pos = np.array([order[art_ids[f.art]] for f in feats], dtype=np.int64)
    idx = np.array([f.idx for f in feats], dtype=np.int64)
    mk = np.flatnonzero(keep_m)
    ck = np.flatnonzero(keep_c)
    li = np.concatenate([cols_m[0][mk], cols_c[0][ck]])
    lj = np.concatenate([cols_m[1][mk], cols_c[1][ck]])
    rel = np.concatenate([np.ones(len(mk), dtype=np.int8), np.zeros(len(ck), dtype=np.int8)])
    sorted_at = np.lexsort((rel, idx[lj], pos[lj], idx[li], pos[li]))
    # issue 15 (speed): the links built in bulk, column by column in that order: the sentence
    # references (one per sentence, shared by its links), the relation, the score rounded once
    # per score value, the evidence (one tuple per evidence list: pairs decided together share it)
    ref = np.fromiter((SentenceRef(art_ids[f.art], f.idx) for f in feats), dtype=object, count=len(feats))
    sc = np.concatenate([cols_m[2][mk], cols_c[2][ck]])
    values, at_value = np.unique(sc, return_inverse=True)
    r = np.array([round(v, 4) for v in values.tolist()], dtype=np.float64)[at_value.ravel()]
    r = np.where(sc == 0, sc, r)  # 0.0 and -0.0 are one value to unique, not to round()
    evs: dict[int, tuple[Evidence, ...]] = {}
    ev_c = []
    for n in ck.tolist():
        ev = conflicts[n][3]
        got = evs.get(id(ev))
        if got is None:
            got = evs[id(ev)] = tuple(ev)
        ev_c.append(got)
    ev_col = np.fromiter(itertools.chain(itertools.repeat((), len(mk)), ev_c), dtype=object, count=len(sc))
    rel_col = np.array(["conflict", "match"], dtype=object)[rel]
    # Tens of thousands of new objects, none of them garbage: align() runs with the cycle
    # collector paused (its passes were 60% of this loop on the dense 5k, issue 15).
    return list(map(_new_link, ref[li[sorted_at]].tolist(), ref[lj[sorted_at]].tolist(), rel_col[sorted_at].tolist(),
                    r[sorted_at].tolist(), ev_col[sorted_at].tolist()))


def _link_builder() -> Callable[[SentenceRef, SentenceRef, str, float, tuple[Evidence, ...]], Link]:
    """``Link(a, b, relation, score, evidence)``, a third faster (issue 15: ~100k links on the
    dense 5k): the frozen dataclass's __init__ sets each field through object.__setattr__; here
    a new object's slots are set through their descriptors. The same object; the plain
    constructor whenever Link is not the five-slot dataclass this relies on."""
    import dataclasses

    names = ("a", "b", "relation", "score", "evidence")
    if tuple(f.name for f in dataclasses.fields(Link)) != names or getattr(Link, "__slots__", None) != names \
            or hasattr(Link, "__post_init__"):
        return Link
    new = object.__new__
    set_a, set_b, set_rel, set_score, set_ev = (getattr(Link, n).__set__ for n in names)

    def make(a: SentenceRef, b: SentenceRef, relation: str, score: float, evidence: tuple[Evidence, ...]) -> Link:
        link = new(Link)
        set_a(link, a)
        set_b(link, b)
        set_rel(link, relation)
        set_score(link, score)
        set_ev(link, evidence)
        return link

    return make


_new_link = _link_builder()
