"""Recall rules for pairs of one language (issue 12): claims in common that the similarity of
the whole sentences misses, because the longer sentence carries other clauses too.

Each rule is about a class of pairs and asks for two anchors a reader could check, so that a
rule never links two sentences on one common word.
"""

from __future__ import annotations

import math
import re

import numpy as np

from reviewer.engine.dates import read_clock_times
from reviewer.engine.facts import INF, count_states
from reviewer.engine.features import SentFeatures, different_subjects, is_reporting_date
from reviewer.engine.settings import Tuning
from reviewer.lang.en import ROLES, TOLL_STATES
from reviewer.lang.tables import folded_words

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


def _floors(f: SentFeatures, t: Tuning):
    """The sentence's tolls given as a floor ("more than 120 dead", "at least 131 killed"), as
    (value, fates, count) with value figure_min or more."""
    got = f.memo.get("toll_floors")
    if got is None:
        got = []
        for c in f.counts:
            if c.hi == INF and c.lo >= t.figure_min and not c.unit and not c.vague:
                fates = count_states(c) & TOLL_STATES
                if fates:
                    got.append((c.lo, fates, c))
        got = f.memo["toll_floors"] = tuple(got)
    return got


def agreeing_floors(a: SentFeatures, b: SentFeatures, t: Tuning) -> bool:
    """Two reports of one language giving a toll of one fate as a floor, the larger within
    toll_floor_span of the smaller ("more than 120 people died" / "at least 131 dead"): one
    toll, each report's figure of its day, linked (evidence.py says whether the figures differ
    past rounding: facts.bounds_differ); no other subject named near either figure. Floors
    further apart are an update (a conflict with a note), not this."""
    if a.lang != b.lang or a.art == b.art or not (a.counts and b.counts):
        return False  # issue 15: a sentence with no count has no floor
    fa, fb = _floors(a, t), _floors(b, t)
    if not (fa and fb):
        return False
    for va, sa, ca in fa:
        for vb, sb, cb in fb:
            if sa & sb and max(va, vb) <= min(va, vb) * t.toll_floor_span and \
                    not different_subjects(a, b, ca.span, cb.span, t.local_names_radius):
                return True
    return False


def _exact_times(f: SentFeatures) -> tuple[tuple[int, bool, str | None, tuple[int, int]], ...]:
    """The sentence's times of day given to the minute, not on the hour ("at 4:37 a.m.", "16.37
    Uhr"; not "at 5 pm", "around 4:40", "in the evening", nor the time a statement was made), as
    (minutes after midnight, written on a 12-hour clock without a.m./p.m., zone, span)."""
    got = f.memo.get("exact_times")
    if got is None:
        got = ()
        if any(term.startswith("#t") for term in f.bag):
            got = tuple((c.minutes, c.half_day, c.zone, c.span) for c in read_clock_times(f.text, f.lang)
                        if not c.width and not c.hedged and c.minutes % 60 and not is_reporting_date(f, c.span))
        f.memo["exact_times"] = got
    return got


def has_exact_time(f: SentFeatures) -> bool:
    return bool(_exact_times(f))


def shared_time(a: SentFeatures, b: SentFeatures, t: Tuning) -> bool:
    """Two reports of one language giving one time of day to the minute ("the dam gave way at
    4:37 a.m." / "at 4.37 a.m. the dam failed"): a claim in common, however many other claims the
    longer sentence holds, when a word besides names and figures is shared too and no other subject
    is named within local_names_radius tokens of either time. A time on the hour ("at 5 pm") or
    hedged ("around 4:40") is too common to be an anchor."""
    if a.lang != b.lang or a.art == b.art:
        return False
    ta, tb = _exact_times(a), _exact_times(b)
    if not (ta and tb):
        return False
    if _thin_overlap_words(a, b) < 2:
        return False  # the time and nothing else: two happenings at one minute
    for ma, ha, za, sa in ta:
        for mb, hb, zb, sb in tb:
            if za and zb and za != zb:
                continue
            same = any((ma + x) % 1440 == (mb + y) % 1440 for x in ((0, 720) if ha else (0,))
                       for y in ((0, 720) if hb else (0,)))
            if same and not different_subjects(a, b, sa, sb, t.local_names_radius):
                return True
    return False


def _thin_overlap_words(a: SentFeatures, b: SentFeatures) -> int:
    """How many words (besides names and figures) the two sentences share."""
    return sum(1 for term in (a.bag & b.bag) - a.names_set - b.names_set if not term.startswith("#"))


def measure_pairs(feats: list[SentFeatures], ci, cj, w_shared, t: Tuning):
    """Per candidate pair: does it state one measurement with a second anchor
    (:func:`shared_measure`)? Such a pair is analysed however low the similarity of the whole
    sentences (two long sentences sharing one described thing). Checked only on pairs of two
    sentences with a measurement, of one language, sharing min_shared_weight or more."""
    out = np.zeros(len(ci), dtype=bool)
    with_measure = np.fromiter((has_measure(f) for f in feats), dtype=bool, count=len(feats))
    with_time = np.fromiter((has_exact_time(f) for f in feats), dtype=bool, count=len(feats))
    if not (with_measure.any() or with_time.any()):
        return out
    for k in np.flatnonzero(with_measure[ci] & with_measure[cj] & (w_shared >= t.min_shared_weight)).tolist():
        a, b = feats[ci[k]], feats[cj[k]]
        out[k] = a.lang == b.lang and shared_measure(a, b)
    for k in np.flatnonzero(with_time[ci] & with_time[cj] & ~out & (w_shared >= t.min_shared_weight)).tolist():
        out[k] = shared_time(feats[ci[k]], feats[cj[k]], t)
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


def _attribution(f: SentFeatures, t: Tuning) -> tuple[frozenset[str], int] | None:
    """(the speaker's name terms, the reporting verb's token index) when a name stands within
    speaker_reach tokens before a reporting verb ("Mayor Ilves vowed"); else None."""
    reports = folded_words(f.lang, "REPORTS")  # "vowed", "prometió", "betonte"... (lang.* REPORTS)
    for k, w in enumerate(f.words):
        if w in reports:
            names = frozenset(f.terms[m] for m in range(max(0, k - t.speaker_reach), k)
                              if f.names[m] and f.terms[m])
            if names:
                return names, k
    return None


# Between a role word and its reporting verb: "the mayor later said", "the spokesperson has said".
_SPEAKER_GAP = frozenset({"also", "later", "then", "again", "has", "had", "have", "would", "will"})
# Before the role word of an appositive: "Lena Varga, the mayor," / "Lena Varga, a company spokeswoman,".
_APPOSITIVE_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def _after_quote(f: SentFeatures, k: int) -> bool:
    """Does token k follow a closing quotation mark and a comma ("...,” said")?"""
    before = f.text[f.toks[k - 1][2]:f.toks[k][1]] if k else f.text[:f.toks[k][1]]
    return any(c in before for c in "\"\u201d\u00bb'\u2019")


def _role_attribution(f: SentFeatures, t: Tuning) -> tuple[str, int] | None:
    """(the role term, the reporting verb's token index) when a role word with no name is the
    subject of a reporting verb ("the mayor said", "the firm's spokeswoman later said"); else None."""
    reports = folded_words(f.lang, "REPORTS")
    for k, w in enumerate(f.words):
        if w in reports and k >= 1:
            r = k - 1 if f.words[k - 1] not in _SPEAKER_GAP and not f.words[k - 1].endswith("ly") else k - 2
            if r >= 0 and f.terms[r] in ROLES and not f.names[r] and not (r and f.names[r - 1]):
                return f.terms[r], k
            # inverted after a quotation: "..., said the mayor."
            r = k + 2 if k + 2 < len(f.words) and f.words[k + 1] == "the" else None
            if r is not None and f.terms[r] in ROLES and not f.names[r] and \
                    (r + 1 == len(f.words) or not f.names[r + 1]) and _after_quote(f, k):
                return f.terms[r], k
    return None


def _roles_named(feats: list[SentFeatures], t: Tuning) -> dict[str, frozenset[str]]:
    """Role term -> the name terms of the one person the cluster gives that role, by a title
    ("Mayor Lena Varga") or an appositive ("Lena Varga, the mayor,"). A role given to two
    people with no name in common ("Minister Ott", "Minister Lind") names nobody."""
    seen: dict[str, list[frozenset[str]]] = {}
    for f in feats:
        for role, (names, _span) in f.roles.items():
            seen.setdefault(role, []).append(names)
        n = len(f.words)
        for k in range(n - 2):
            # the last token of a name run followed by ", the <up to 2 words> role"
            if not f.names[k] or f.names[k + 1] or f.text[f.toks[k][2]:f.toks[k + 1][1]].strip() != ",":
                continue
            if f.words[k + 1] not in _APPOSITIVE_OPENERS:
                continue
            for r in range(k + 2, min(n, k + 5)):
                if f.names[r] or (r > k + 2 and f.text[f.toks[r - 1][2]:f.toks[r][1]].strip()):
                    break
                if f.terms[r] in ROLES:
                    m = k
                    while m > 0 and f.names[m - 1] and f.toks[m][1] - f.toks[m - 1][2] == 1:
                        m -= 1
                    seen.setdefault(f.terms[r], []).append(frozenset(f.terms[m:k + 1]))
                    break
    out: dict[str, frozenset[str]] = {}
    for role, sets in seen.items():
        union = frozenset().union(*sets)
        if all(a & b for a in sets for b in sets):
            out[role] = union
    return out


def speaker_pairs(feats: list[SentFeatures], quoted, t: Tuning) -> list[tuple[int, int]]:
    """A report of what a named speaker said ("Mayor Ilves vowed a thorough inquiry") and a
    quotation the other report gives that speaker ("“The inquiry will be thorough.”", attributed
    in the sentence or in the last attribution shortly before it) state one claim when the
    words reported and the quotation share a word no other sentence of the cluster carries.
    A speaker named by role ("the mayor said") is the one person the cluster gives that role
    (:func:`_roles_named`). ``quoted``: :func:`reviewer.engine.quotes.quoted`. Pairs (i, j) with i < j."""
    n = len(feats)
    attr: list[tuple[frozenset[str], int] | None] = [None] * n
    speaker: list[frozenset[str]] = [frozenset()] * n
    last: tuple[int, int, frozenset[str]] | None = None  # (article, sentence index, names)
    roles: dict[str, frozenset[str]] | None = None
    for k, f in enumerate(feats):
        attr[k] = _attribution(f, t)
        if attr[k] is None:
            by_role = _role_attribution(f, t)
            if by_role is not None:
                if roles is None:
                    roles = _roles_named(feats, t)
                if by_role[0] in roles:
                    attr[k] = (roles[by_role[0]], by_role[1])
        if attr[k] is not None:
            speaker[k] = attr[k][0]
            last = (f.art, f.idx, attr[k][0])
        elif last is not None and last[0] == f.art and 0 < f.idx - last[1] <= t.speaker_carry:
            speaker[k] = last[2]
    sentences_with: dict[str, int] = {}  # a sentence repeated word for word (wire copy) counts once
    seen_texts: set[str] = set()
    for f in feats:
        if f.text in seen_texts:
            continue
        seen_texts.add(f.text)
        for term in f.bag:
            sentences_with[term] = sentences_with.get(term, 0) + 1
    holders: dict[str, list[int]] = {}  # a rare word -> the attributed quotations holding it
    for k in range(n):
        if quoted[k].share >= t.quoted_min_share and speaker[k]:
            for term in quoted[k].terms - feats[k].names_set:
                if sentences_with.get(term, 0) <= t.rare_word_sentences:
                    holders.setdefault(term, []).append(k)
    if not holders:
        return []
    out: set[tuple[int, int]] = set()
    for i in range(n):
        got = attr[i]
        if got is None or quoted[i].share >= t.quoted_min_share:
            continue
        a = feats[i]
        names, verb = got
        reported = {term for term in a.terms[verb + 1:] if term and sentences_with.get(term, 0) <= t.rare_word_sentences}
        reported -= a.names_set
        if not reported:
            continue
        for j in {j for term in reported for j in holders.get(term, ())}:
            b = feats[j]
            if b.art != a.art and b.lang == a.lang and speaker[j] & names:
                out.add((min(i, j), max(i, j)))
    return sorted(out)


def model_mutual_pairs(feats: list[SentFeatures], settings) -> set[tuple[int, int]]:
    """The pairs of one language in two articles that are each other's nearest sentence in the
    other's article for the semantic model (the mutual best of bitext mining: a relative
    criterion, no fixed cosine), as (i, j) with i < j. A match between two such sentences states
    their claim in common even where a third sentence shares more words with one of them (an
    article saying one thing twice, a long sentence's other claims): it stays whatever its rank
    among the matches (align._select). Empty when the model does not run for the cluster."""
    if settings.semantic == "off" or len(feats) < 2:
        return set()
    if settings.semantic == "auto" and len(feats) > settings.semantic_max_sentences:
        return set()
    from reviewer.engine import semantic

    if not semantic.available():
        return set()
    try:
        e = semantic.embed([f.text for f in feats])
    except Exception:  # the model failing must never stop the word-based alignment
        return set()
    cos = e @ e.T
    art = np.fromiter((f.art for f in feats), dtype=np.int64, count=len(feats))
    codes = {lg: k for k, lg in enumerate(sorted({f.lang for f in feats}))}
    lang = np.fromiter((codes[f.lang] for f in feats), dtype=np.int64, count=len(feats))
    group = art * len(codes) + lang  # one language of one article
    nearest = np.full((len(feats), int(group.max()) + 1), -1, dtype=np.int64)
    for g in np.unique(group).tolist():
        cols = np.flatnonzero(group == g)
        rows = np.flatnonzero((art != art[cols[0]]) & (lang == lang[cols[0]]))
        if len(rows):
            nearest[rows, g] = cols[np.argmax(cos[np.ix_(rows, cols)], axis=1)]
    out: set[tuple[int, int]] = set()
    for i in range(len(feats)):
        for g in np.flatnonzero(nearest[i] >= 0).tolist():
            j = int(nearest[i, g])
            if nearest[j, group[i]] == i and i < j:
                out.add((i, j))
    return out


# A clause ends at a comma, semicolon, colon, bracket, dash or quotation mark.
_CLAUSE_GAP = re.compile(r"[,;:()\[\]\u2014\u2013\"\u201c\u201d\u201e\u00ab\u00bb]|\s-\s")


def clauses_of(f: SentFeatures, t: Tuning) -> tuple[tuple[frozenset[str], tuple[int, int]], ...]:
    """The clauses of a sentence, as (content terms, character span), cut where punctuation
    separates two tokens; a piece of fewer than clause_piece_terms terms joins its neighbour. A
    sentence that does not split is one clause."""
    got = f.memo.get("clause_terms")
    if got is not None:
        return got
    pieces: list[tuple[list[str], int, int]] = []
    cur: list[str] = []
    start = None
    for k, (_surf, s, e) in enumerate(f.toks):
        if k and cur and _CLAUSE_GAP.search(f.text, f.toks[k - 1][2], s):
            pieces.append((cur, start, f.toks[k - 1][2]))
            cur, start = [], None
        if start is None:
            start = s
        if f.terms[k]:
            cur.append(f.terms[k])
    if cur:
        pieces.append((cur, start, f.toks[-1][2]))
    merged: list[tuple[list[str], int, int]] = []
    for terms, s, e in pieces:
        if merged and (len(merged[-1][0]) < t.clause_piece_terms or len(terms) < t.clause_piece_terms):
            last = merged[-1]
            merged[-1] = (last[0] + terms, last[1], e)
        else:
            merged.append((terms, s, e))
    got = f.memo["clause_terms"] = tuple((frozenset(terms), (s, e)) for terms, s, e in merged)
    return got


def _clause_lex(x: frozenset[str], y: frozenset[str], idf: dict[str, float], t: Tuning) -> float:
    """The word similarity of two clauses, on the scale of the whole sentences' (candidates:
    cos_weight * IDF cosine + the rest * weighted overlap of the shorter, damped under
    overlap_min_terms terms)."""
    shared = x & y
    if not shared:
        return 0.0
    w = sum(idf[term] for term in shared)
    cos = sum(idf[term] ** 2 for term in shared) / math.sqrt(sum(idf[term] ** 2 for term in x) * sum(idf[term] ** 2 for term in y))
    ovl = w / min(sum(idf[term] for term in x), sum(idf[term] for term in y)) \
        * min(1.0, min(len(x), len(y)) / t.overlap_min_terms)
    return t.cos_weight * cos + (1.0 - t.cos_weight) * ovl


def clause_agreement(feats: list[SentFeatures], ci: np.ndarray, cj: np.ndarray, embed, t: Tuning) -> np.ndarray:
    """Per candidate pair of one language in two articles, at least one a sentence of several
    clauses: a claim the two state in one clause each, found the way whole sentences are found
    by words and the model agreeing (candidates._agreeing_signals) but on clauses: the two
    clauses share clause_agree_terms words besides names (clause_agree_min or more on the word
    scale), and one is the other's nearest clause in its article for the model (a relative
    criterion, not a fixed cosine). Its score: the clauses' word similarity plus agree_sem_weight
    times the model's, at most clause_agree_cap (just above the match threshold: such a pair
    never outranks one matched on its whole sentences). 0 elsewhere. ``embed``: texts -> L2-normalised rows (semantic.embed)."""
    out = np.zeros(len(ci))
    if len(ci) == 0:
        return out
    art = np.fromiter((f.art for f in feats), dtype=np.int64, count=len(feats))
    cl = [clauses_of(f, t) for f in feats]
    several = np.fromiter((len(c) > 1 for c in cl), dtype=bool, count=len(feats))
    lang = [f.lang for f in feats]
    todo = [k for k in np.flatnonzero(several[ci] | several[cj]).tolist()
            if art[ci[k]] != art[cj[k]] and lang[ci[k]] == lang[cj[k]]]
    if not todo:
        return out
    texts, owner = [], []
    for n, (f, c) in enumerate(zip(feats, cl)):
        for _terms, (s, e) in c:  # a one-clause sentence is its whole text: its embedding is stored already
            texts.append(f.text if len(c) == 1 else f.text[s:e])
            owner.append(n)
    own = np.asarray(owner)
    first = np.searchsorted(own, np.arange(len(feats)))
    e = np.asarray(embed(texts), dtype=np.float32)
    cos = e @ e.T
    # each clause's nearest clause, of its language, in every other article
    c_art = art[own]
    c_lang = np.asarray([lang[n] for n in owner])
    nearest = np.full((len(texts), int(art.max()) + 1), -1, dtype=np.int64)
    for a in np.unique(art).tolist():
        for lg in set(lang):
            cols = np.flatnonzero((c_art == a) & (c_lang == lg))
            rows = np.flatnonzero((c_art != a) & (c_lang == lg))
            if len(cols) and len(rows):
                nearest[rows, a] = cols[np.argmax(cos[np.ix_(rows, cols)], axis=1)]
    df: dict[str, int] = {}
    for c in cl:
        for term in frozenset().union(*(x for x, _s in c)):
            df[term] = df.get(term, 0) + 1
    n = len(feats)
    idf = {term: math.log((n + 1) / (d + 1)) + 1.0 for term, d in df.items()}
    for k in todo:
        i, j = int(ci[k]), int(cj[k])
        best = 0.0
        for p, (x, _sx) in enumerate(cl[i]):
            cx = first[i] + p
            for q, (y, _sy) in enumerate(cl[j]):
                cy = first[j] + q
                if nearest[cx, art[j]] != cy and nearest[cy, art[i]] != cx:
                    continue  # neither clause is the other's nearest in its article
                if len((x & y) - feats[i].names_set - feats[j].names_set) < t.clause_agree_terms:
                    continue  # a name and a word: two statements about one subject
                lex = _clause_lex(x, y, idf, t)
                if lex >= t.clause_agree_min:
                    sem = min(1.0, max(0.0, (float(cos[cx, cy]) - t.sem_floor) / (1.0 - t.sem_floor)))
                    best = max(best, lex + t.agree_sem_weight * sem)
        out[k] = min(t.clause_agree_cap, best)
    return out


# issue 15 (speed): bits of :func:`anchor_gates`, beside evidence.gates' (see there).
HAS_FLOORS = 1 << 16  # tolls given as a floor (agreeing_floors: both)
HAS_EXACT_TIME = 1 << 17  # a time of day to the minute (shared_time: both)


def anchor_gates(f: SentFeatures, t: Tuning) -> int:
    """HAS_FLOORS and HAS_EXACT_TIME of a sentence: a pair lacking one on either side gets
    False from :func:`agreeing_floors` or :func:`shared_time`, without the call."""
    return (HAS_FLOORS if f.counts and _floors(f, t) else 0) | (HAS_EXACT_TIME if _exact_times(f) else 0)
