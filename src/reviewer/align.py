"""The alignment engine: which sentences state the same claim, which contradict.

Pipeline (tokenize -> normalise -> block -> score -> analyse):

1. Every sentence becomes a bag of content terms: stopwords dropped, words stemmed and
   mapped through a small synonym lexicon, proper nouns mapped onto one canonical spelling
   per entity for the whole cluster (:class:`reviewer.textnorm.NameCanon`). Numbers,
   weekdays, dates and negations are extracted as typed facts (:mod:`reviewer.facts`).
2. TF-IDF vectors over the cluster (IDF by sentence). Candidate pairs are the pairs that
   share at least one informative term: a sparse product restricted to terms whose posting
   lists fit a work budget, so the cost grows with the number of sentences, not its square.
   Word order is never assumed: articles reorder freely.
3. Each candidate pair gets a similarity (cosine of the TF-IDF vectors). A pair above the
   match threshold, kept among the best few per sentence and article, is a ``match``.
4. A pair that is about the same thing (similar enough, and the disagreeing facts sit in the
   same slot: the same counted noun, a date of the same event...) and disagrees on a typed
   fact is a ``conflict``, with evidence: number, quantity, weekday, date, negation, entity.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy import sparse

from reviewer.config import AlignSettings
from reviewer.facts import (
    NEG_CUES,
    NUMBER_WORDS,
    UNITS,
    Count,
    DateMention,
    counts_conflict,
    dates_conflict,
    extract_counts,
    extract_dates,
    parse_iso,
)
from reviewer.models import Cluster, Evidence, Link, SentenceRef
from reviewer.textnorm import STOPWORDS, NameCanon, antonyms, fold, stem, tokenize

# Heads too generic to tie two counts together on their own ("two people" / "one person").
GENERIC_HEADS = frozenset({"person", "member", "other", "time", "group", "thing", "part", "way", "percent",
                           "second", "minut", "hour", "day", "week", "month", "year", "decad", "centuri",
                           "million", "billion", "thousand", "hundr", "number",
                           # amounts of money differ for many reasons (fees, offers, budgets)
                           "euro", "dollar", "pound", "yen", "yuan", "rupe", "dinar", "franc", "rubl",
                           "lira", "peso", "real", "shekel", "riyal", "dirham"})
# Heads that all count people: "12,000 members" and "8,000 workers" of the same strike can
# disagree; whether they count the same people is left to the words around them.
PERSON = "person"
PERSON_HEADS = frozenset({"person", "member", "staff", "protester", "resid", "citizen", "passeng", "civilian",
                          "men", "women", "children", "adult", "student", "voter", "patient", "victim",
                          "survivor", "pilgrim", "fan", "spectat", "employe", "worker"})
REPORTING = frozenset({"said", "says", "told", "tells", "stated", "added", "reported", "tweeted", "wrote"})
# Words that place a sentence's facts in another, earlier event ("the last major earthquake",
# "an earlier offer", "a similar fire", "another bank"): its counts and dates are not this event's.
OTHER_EVENT = frozenset({"previous", "earlier", "prior", "similar", "another"})
DETERMINER_NEGATIONS = frozenset({"no", "nobody", "none", "neither", "nothing", "nowhere"})
YEAR_PLACERS = frozenset({"in", "of", "during", "the", "its", "their", "his", "her"})
_TIME_WORDS = frozenset({"week", "weeks", "month", "months", "year", "years", "night", "time", "minute", "hour", "day"})
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december i".split()
)
# The work budget for blocking: sum over terms of (posting length)^2.
BLOCK_BUDGET = 6_000_000


@dataclass(slots=True)
class SentFeatures:
    art: int
    idx: int
    text: str
    toks: list[tuple[str, int, int]]
    words: list[str]
    terms: list[str | None]
    names: list[bool]
    counts: list[Count] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    negated: dict[str, tuple[int, int]] = field(default_factory=dict)  # term -> span of cue+word
    neg_zone: frozenset[int] = frozenset()  # token indices within reach of a negation word
    extra: list[str] = field(default_factory=list)  # terms beyond the words: "#3" for "three"/"3", acronyms
    years: frozenset[int] = frozenset()  # years the sentence refers to other than the article's own
    other_event: bool = False  # it speaks of an earlier or similar event ("the last earthquake")
    event_dates: dict[str, list[DateMention]] = field(default_factory=dict)  # by kind, report dates left out
    bag: frozenset[str] = frozenset()  # distinct content terms and numbers
    names_set: frozenset[str] = frozenset()  # the proper nouns among them
    _near: dict[tuple[int, int, int, bool], frozenset[str]] = field(default_factory=dict)


def _proper_nouns(per_sentence: list[list[tuple[str, int, int]]]) -> Counter:
    """Folded words seen capitalised somewhere other than at the start of a sentence."""
    counts: Counter = Counter()
    for toks in per_sentence:
        for k, (surf, _s, _e) in enumerate(toks):
            if k == 0 or not surf[:1].isupper():
                continue
            f = fold(surf)
            if f in STOPWORDS or f in _NOT_NAMES or f.isdigit() or len(f) < 2:
                continue
            counts[f] += 1
    return counts


_LINKERS = frozenset({"of", "the", "for", "and", "on", "de", "del", "des", "la", "le", "&"})


def _long_forms(toks: list[tuple[str, int, int]]) -> list[str]:
    """Initials of runs of capitalised words: "U.S. Geological Survey" -> "usgs",
    "Kurdish Regional Government" -> "krg" (linking words such as "of" are skipped)."""
    out = []
    run: list[str] = []
    for surf, _s, _e in toks + [("", 0, 0)]:
        if surf[:1].isupper() and surf.isalpha():
            run.append(surf)
        elif surf.lower() in _LINKERS and run:
            continue
        else:
            if len(run) >= 2:
                out.append("".join(w[0] for w in run).lower())
            run = []
    return out


def build_features(cluster: Cluster) -> list[SentFeatures]:
    sentences = [(ai, s) for ai, art in enumerate(cluster.articles) for s in art.sentences]
    toks_all = [tokenize(s.text) for _ai, s in sentences]
    canon = NameCanon(_proper_nouns(toks_all))
    # Stems present in the cluster, to read "unharmed" as "not harmed" only when "harm" is a word here.
    words_all = [[fold(t[0]) for t in toks] for toks in toks_all]
    stems_present = {stem(w) for words in words_all for w in words if w not in STOPWORDS}
    # Acronyms: an all-capitals word of the cluster that spells the initials of a run of
    # capitalised words elsewhere; both then carry the same term.
    acronyms = {fold(t[0]) for toks in toks_all for t in toks if 2 <= len(t[0]) <= 6 and t[0].isupper() and t[0].isalpha()}
    long_forms = [[lf for lf in _long_forms(toks) if lf in acronyms] for toks in toks_all] if acronyms else [[] for _ in toks_all]
    feats: list[SentFeatures] = []
    bases = [parse_iso(a.date) for a in cluster.articles]
    memo: dict[tuple[str, bool], tuple[str | None, bool, bool]] = {}
    for (ai, s), toks, words, lfs in zip(sentences, toks_all, words_all, long_forms):
        terms: list[str | None] = []
        names: list[bool] = []
        negated: dict[str, tuple[int, int]] = {}
        neg_zone: set[int] = set()
        for k, w in enumerate(words):
            key = (w, toks[k][0][:1].isupper())
            got = memo.get(key)
            if got is None:
                got = memo[key] = _term_of(w, key[1], canon, stems_present)
            term, is_name, un_negated = got
            names.append(is_name)
            terms.append(term)
            if un_negated:
                negated[term] = (toks[k][1], toks[k][2])
        for k, w in enumerate(words):
            if w in NEG_CUES or w.endswith("n't"):
                # The scope: the predicate after "not"; after "no"/"nobody"... the noun, an
                # adverb and the verb too ("no group immediately claimed").
                limit = 3 if w in DETERMINER_NEGATIONS else 1
                found = 0
                for m in range(k + 1, min(len(words), k + 6)):
                    if terms[m] is not None:
                        negated.setdefault(terms[m], (toks[k][1], toks[m][2]))
                        found += 1
                        if found == limit:
                            break
                neg_zone.update(range(k + 1, min(len(words), k + 6)))
        f = SentFeatures(ai, s.index, s.text, toks, words, terms, names, negated=negated, neg_zone=frozenset(neg_zone))
        f.counts = extract_counts(toks, words, terms, [t is None for t in terms])
        f.dates = extract_dates(toks, words, bases[ai])
        f.extra = _number_terms(toks, words) + [f"N:{canon.canon(lf) or lf}" for lf in lfs]
        f.years = _other_years(toks, words, f.dates, bases[ai])
        f.other_event = _other_event(f)
        for d in f.dates:
            if not _is_reporting_date(f, d.span):
                f.event_dates.setdefault(d.kind, []).append(d)
        f.bag = frozenset(t for t in terms if t is not None) | frozenset(f.extra)
        f.names_set = frozenset(t for t, is_name in zip(terms, names) if is_name)
        feats.append(f)
    return feats


def _term_of(w: str, capitalised: bool, canon: NameCanon, stems_present: set[str]) -> tuple[str | None, bool, bool]:
    """(content term or None, is a name, is a prefix negation such as "unharmed")."""
    c = canon.canon(w) if (capitalised or not w.isascii()) else None
    if c is not None:
        return "N:" + c, True, False
    if w in STOPWORDS or w in NEG_CUES or w.endswith("n't") or len(w) < 2 or w[0].isdigit() or w in NUMBER_WORDS:
        return None, False, False
    t = stem(w)
    if w.startswith("un") and len(w) > 5:
        rest = stem(w[2:])
        if rest in stems_present and rest != t:
            return rest, False, True
    return t, False, False


def _number_terms(toks: list[tuple[str, int, int]], words: list[str]) -> list[str]:
    out = []
    for (surf, _s, _e), w in zip(toks, words):
        if surf[:1].isdigit():
            out.append("#" + surf.replace(",", ""))
        elif w in UNITS and UNITS[w] and w not in ("single", "both", "one", "dozen"):
            out.append(f"#{UNITS[w]}")
    return out


def _other_years(toks: list[tuple[str, int, int]], words: list[str], dates: list[DateMention], base) -> frozenset[int]:
    """Years a sentence places its facts in, other than the article's own year."""
    own = base.year if base else None
    # "in 2019", "the 2019 election", "May 3, 2019" place a fact in a year; "since 2005",
    # "until 2020" or "between 2015 and 2019" only compare with it or bound it.
    years = {int(t[0]) for k, t in enumerate(toks) if t[0].isdigit() and len(t[0]) == 4 and 1900 <= int(t[0]) <= 2100
             and (k == 0 or words[k - 1] in YEAR_PLACERS)}
    for d in dates:
        if d.kind == "date" and (d.hi - d.lo).days >= 300:  # "last year"
            years.add(d.lo.year)
    for k, w in enumerate(words):
        if w == "ago" and k >= 1 and words[k - 1] in ("year", "years") and own:
            q = words[k - 2] if k >= 2 else "a"
            n = UNITS.get(q) if q in UNITS else (int(q) if q.isdigit() else 1)
            years.add(own - (n or 1))
    return frozenset(y for y in years if y != own)


def _tfidf(feats: list[SentFeatures]) -> tuple[sparse.csr_matrix, np.ndarray, dict[str, int], sparse.csr_matrix]:
    """TF-IDF rows (L2-normalised), document frequencies, the vocabulary, and the rows of
    IDF weights of each distinct term (for the weighted overlap)."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        tf = Counter(t for t in f.terms if t is not None)
        tf.update(f.extra)
        for t, c in tf.items():
            col = vocab.setdefault(t, len(vocab))
            rows.append(r)
            cols.append(col)
            vals.append(1.0 + math.log(c))
    n = len(feats)
    m = sparse.csr_matrix((np.array(vals, dtype=np.float64), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
                          shape=(n, max(1, len(vocab))))
    df = np.bincount(m.indices, minlength=m.shape[1]).astype(np.float64)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    present = m.copy()
    present.data[:] = 1.0
    weights = present.multiply(idf.reshape(1, -1)).tocsr()
    m = m.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = sparse.diags(1.0 / norms) @ m
    return m.tocsr(), df, vocab, weights


def _candidates(x: sparse.csr_matrix, weights: sparse.csr_matrix, df: np.ndarray, art_of: np.ndarray,
                within: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) sharing an informative term, with their cosine and shared IDF weight.

    Blocking: only terms whose posting lists fit a work budget (rarest first) take part, so
    the cost follows the number of sentences, not its square. On a small cluster every term
    fits and the values are exact; on a large one the commonest terms (lowest IDF, least
    say in the score) are left out of both."""
    order = np.argsort(df, kind="stable")  # rarest first
    cost = np.cumsum(df[order] ** 2)
    keep_cols = order[cost <= BLOCK_BUDGET]
    mask = np.zeros(x.shape[1], dtype=bool)
    mask[keep_cols] = True
    mask &= df >= 2
    cols = np.flatnonzero(mask)
    xb = x[:, cols]
    wb = weights[:, cols]
    pb = wb.copy()
    pb.data[:] = 1.0
    co = sparse.triu(xb @ xb.T, k=1).tocsr()
    ws = sparse.triu(wb @ pb.T, k=1).tocsr()
    co.sort_indices()
    ws.sort_indices()
    coo = co.tocoo()
    i, j, cos = coo.row, coo.col, coo.data
    w_shared = ws.tocoo().data  # same sparsity pattern as co, in the same order
    assert len(w_shared) == len(cos)
    if not within:
        sel = art_of[i] != art_of[j]
        i, j, cos, w_shared = i[sel], j[sel], cos[sel], w_shared[sel]
    return i, j, cos, w_shared


def _near(f: SentFeatures, span: tuple[int, int], radius: int, names: bool) -> frozenset[str]:
    """Content terms (or only names) within ``radius`` tokens of a span, the span excluded."""
    key = (span[0], span[1], radius, names)
    got = f._near.get(key)
    if got is not None:
        return got
    idx = [k for k, t in enumerate(f.toks) if t[1] >= span[0] and t[2] <= span[1]]
    if not idx:
        out: frozenset[str] = frozenset()
    else:
        lo, hi = max(0, idx[0] - radius), min(len(f.toks), idx[-1] + radius + 1)
        inside = set(idx)
        out = frozenset(f.terms[k] for k in range(lo, hi)
                        if f.terms[k] is not None and (k not in inside or names) and (not names or f.names[k]))
    f._near[key] = out
    return out


def _local_terms(f: SentFeatures, span: tuple[int, int], radius: int = 5) -> frozenset[str]:
    return _near(f, span, radius, False)


def _local_names(f: SentFeatures, span: tuple[int, int], radius: int = 3) -> frozenset[str]:
    return _near(f, span, radius, True)


def _other_event(f: SentFeatures) -> bool:
    for k, w in enumerate(f.words):
        if w in OTHER_EVENT:
            return True
        if w == "last" and k + 1 < len(f.words) and f.words[k + 1] not in _TIME_WORDS and f.terms[k + 1] is not None \
                and f.words[k + 1] not in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            return True
    return False


def _own_context(f: SentFeatures, c: Count, radius: int = 5) -> frozenset[str]:
    """Terms within ``radius`` tokens of a count, not crossing into another count
    ("one person was killed and dozens injured": "injured" belongs to "dozens")."""
    idx = [k for k, t in enumerate(f.toks) if t[1] >= c.span[0] and t[2] <= c.span[1]]
    if not idx:
        return frozenset()
    others = [o.span for o in f.counts if o is not c]
    out = set()
    for step, start in ((-1, idx[0] - 1), (1, idx[-1] + 1)):
        k = start
        while 0 <= k < len(f.toks) and abs(k - start) < radius:
            if any(sp[0] <= f.toks[k][1] < sp[1] for sp in others):
                break
            if f.terms[k] is not None:
                out.add(f.terms[k])
            k += step
    return frozenset(out)


# A number that is asked for, offered or forecast is not the number that happened: "prosecutors
# sought ten years" does not contradict "he was sentenced to eight years"; "the union demands
# 9 percent" does not contradict "the company offered 4 percent". Stems, as in SentFeatures.terms.
_MODES = {**{t: "request" for t in ("ask", "sought", "seek", "demand", "want", "request", "propos", "urg")},
          **{t: "offer" for t in ("offer",)},
          **{t: "forecast" for t in ("expect", "forecast", "predict", "project")}}
_CLAUSE_BREAK = re.compile(r"[;:.!?]|\b(?:while|but|whereas)\b")


def _mode(f: SentFeatures, c: Count, radius: int = 6) -> str:
    """"request", "offer" or "forecast" when such a verb governs the count (the nearest one
    before it in the same clause), else "actual"."""
    k = next((k for k, t in enumerate(f.toks) if t[1] >= c.span[0]), len(f.toks))
    for m in range(k - 1, max(-1, k - 1 - radius), -1):
        if _CLAUSE_BREAK.search(f.text, f.toks[m][2], c.span[0]):
            break
        mode = _MODES.get(f.terms[m] or "")
        if mode:
            return mode
    return "actual"


def _same_slot(a: SentFeatures, ca: Count, b: SentFeatures, cb: Count, sim: float) -> bool:
    """Do two counts count the same thing? Same head noun (or the same word before:
    "magnitude 6.4" / "6.1-magnitude"); a generic head ("people", "percent", "euros") also
    needs a shared word nearby; different names around them mean different subjects."""
    if a.art == b.art and (ca.weak or cb.weak):
        return False  # within one article, "a drone" is narration, not a count
    if _mode(a, ca) != _mode(b, cb):
        return False
    ha, hb = set(ca.head), set(cb.head)
    shared = ha & hb
    if ca.pre and ca.pre == cb.pre and not (ca.weak or cb.weak):
        shared.add(ca.pre)
    if not shared:
        # "12,000 members" / "8,000 workers": both count people; the same people only when
        # the words around them say so ("... joined the strike" / "... took part in the strike").
        if not (ha & PERSON_HEADS and hb & PERSON_HEADS):
            return False
        around_a = (_own_context(a, ca, 8) | ha | {ca.pre}) - GENERIC_HEADS - PERSON_HEADS - {None}
        around_b = (_own_context(b, cb, 8) | hb | {cb.pre}) - GENERIC_HEADS - PERSON_HEADS - {None}
        if not (around_a & around_b):
            return False
    elif shared <= GENERIC_HEADS:
        near = (_local_terms(a, ca.span, 4) | ha) & (_local_terms(b, cb.span, 4) | hb)
        if not (near - GENERIC_HEADS) and sim < 0.4:
            return False
    names_a, names_b = _local_names(a, ca.span), _local_names(b, cb.span)
    if (names_a - b.bag) and (names_b - a.bag):
        return False
    return True


def _count_evidence(a: SentFeatures, b: SentFeatures, sim: float) -> list[Evidence]:
    out: list[Evidence] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = [(ia, ib) for ia, ca in enumerate(a.counts) for ib, cb in enumerate(b.counts) if _same_slot(a, ca, b, cb, sim)]
    if len(pairs) > 1:
        # The best-matched counts first: "Rail has offered 5 percent" pairs with "Rail said it had
        # offered a 4 percent rise", not with "the union wants 9 percent".
        def affinity(p: tuple[int, int]) -> int:
            ca, cb = a.counts[p[0]], b.counts[p[1]]
            return len((_own_context(a, ca) | set(ca.head)) & (_own_context(b, cb) | set(cb.head)))
        pairs.sort(key=lambda p: (-affinity(p), p))
    # A count that agrees with a count of the other sentence settles that slot.
    for ia, ib in pairs:
        if not counts_conflict(a.counts[ia], b.counts[ib]):
            used_a.add(ia)
            used_b.add(ib)
    for ia, ib in pairs:
        ca, cb = a.counts[ia], b.counts[ib]
        if ia in used_a or ib in used_b or not counts_conflict(ca, cb):
            continue
        kind = "number" if (ca.exact or ca.weak) and (cb.exact or cb.weak) else "quantity"
        out.append(Evidence(kind, a.text[ca.span[0]:ca.span[1]], b.text[cb.span[0]:cb.span[1]], ca.span, cb.span))
        used_a.add(ia)
        used_b.add(ib)
    return out


def _is_reporting_date(f: SentFeatures, span: tuple[int, int]) -> bool:
    """"..., officials said on Thursday": the day of the report, not of the event."""
    k = next((k for k, t in enumerate(f.toks) if t[1] == span[0]), None)
    if k is None:
        return False
    return any(f.words[m] in REPORTING for m in range(max(0, k - 3), k))


def _date_evidence(a: SentFeatures, b: SentFeatures, sim: float) -> list[Evidence]:
    """Weekdays are compared with weekdays, dates with dates; a shared one means agreement."""
    out: list[Evidence] = []
    for kind in ("weekday", "date"):
        da_list = a.event_dates.get(kind)
        db_list = b.event_dates.get(kind)
        if not da_list or not db_list:
            continue
        if any(not dates_conflict(da, db) for da in da_list for db in db_list):
            continue
        best = max(((len(_local_terms(a, da.span) & _local_terms(b, db.span)), -n) for n, (da, db) in
                    enumerate((x, y) for x in da_list for y in db_list)))
        overlap, neg_n = best
        da, db = [(x, y) for x in da_list for y in db_list][-neg_n]
        if overlap == 0 and sim < 0.45:
            continue
        out.append(Evidence(kind, a.text[da.span[0]:da.span[1]], b.text[db.span[0]:db.span[1]], da.span, db.span))
    return out


def _negation_evidence(a: SentFeatures, b: SentFeatures, sim: float) -> list[Evidence]:
    """The same predicate asserted in one sentence and denied in the other. A denial by a
    prefix ("unharmed") is weaker evidence than a cue word ("not", "nobody") and needs
    more similar sentences."""
    for x, y, flip in ((a, b, False), (b, a, True)):
        for term, span in x.negated.items():
            if " " not in x.text[span[0]:span[1]] and x.text[span[0]:span[1]].lower().startswith("un") and sim < 0.5:
                continue
            cue_end = span[0] + len(x.text[span[0]:span[1]].split()[0])
            if re.match(r"\W*(but|only)\b", x.text[cue_end:cue_end + 8], re.IGNORECASE):
                continue
            if term in y.negated:
                continue
            # The other sentence must assert it: an occurrence outside any negation's reach
            # ("no group immediately claimed responsibility" denies "responsibility" too).
            ks = [k for k, t in enumerate(y.terms) if t == term and k not in y.neg_zone]
            if not ks:
                continue
            k = ks[0]
            yspan = (y.toks[k][1], y.toks[k][2])
            # Different names around the two predicates: different subjects ("Kazemi was not
            # harmed" vs "supporters of the militias were injured").
            if (_local_names(x, span, 4) - y.bag) and (_local_names(y, yspan, 4) - x.bag):
                continue
            xs, ys = x.text[span[0]:span[1]], y.text[yspan[0]:yspan[1]]
            if flip:
                return [Evidence("negation", ys, xs, yspan, span)]
            return [Evidence("negation", xs, ys, span, yspan)]
    return []


def _antonym_evidence(a: SentFeatures, b: SentFeatures) -> list[Evidence]:
    """"Two officials were acquitted" / "two officials were convicted": words that cannot both
    hold of the same thing, each missing from the other sentence."""
    ant = antonyms()
    for ka, ta in enumerate(a.terms):
        if ta is None or ta not in ant or ta in b.bag:
            continue
        for kb, tb in enumerate(b.terms):
            if tb in ant[ta] and tb not in a.bag:
                span_a, span_b = (a.toks[ka][1], a.toks[ka][2]), (b.toks[kb][1], b.toks[kb][2])
                if (_local_names(a, span_a, 4) - b.bag) and (_local_names(b, span_b, 4) - a.bag):
                    continue
                return [Evidence("other", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b)]
    return []


def _entity_evidence(a: SentFeatures, b: SentFeatures) -> list[Evidence]:
    ia = [k for k, t in enumerate(a.terms) if t is not None]
    ib = [k for k, t in enumerate(b.terms) if t is not None]
    sa = [a.terms[k] for k in ia]
    sb = [b.terms[k] for k in ib]
    set_a, set_b = set(sa), set(sb)
    out: list[Evidence] = []
    ops = _opcodes(sa, sb)
    for n, (tag, a0, a1, b0, b1) in enumerate(ops):
        # A name replaced by another in the same slot: equal words on both sides, short swap.
        if tag != "replace" or n == 0 or n == len(ops) - 1:
            continue
        if ops[n - 1][0] != "equal" or ops[n + 1][0] != "equal" or a1 - a0 > 3 or b1 - b0 > 3:
            continue
        ka = [ia[k] for k in range(a0, a1) if a.names[ia[k]] and a.terms[ia[k]] not in set_b]
        kb = [ib[k] for k in range(b0, b1) if b.names[ib[k]] and b.terms[ib[k]] not in set_a]
        if ka and kb:
            span_a = (a.toks[ka[0]][1], a.toks[ka[-1]][2])
            span_b = (b.toks[kb[0]][1], b.toks[kb[-1]][2])
            out.append(Evidence("entity", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b))
    return out[:1]


def _opcodes(sa: list[str], sb: list[str]) -> list[tuple[str, int, int, int, int]]:
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
            for op in Levenshtein.opcodes(sa, sb)]


PER_ARTICLE = 3  # candidates kept per sentence and other article, before the analysis
PER_SENTENCE = 40  # and per sentence overall


def _semantic(feats: list[SentFeatures], settings: AlignSettings) -> np.ndarray | None:
    """The semantic similarity matrix, or None when it is off, not installed or the cluster is too big."""
    if settings.semantic == "off":
        return None
    if settings.semantic == "auto" and len(feats) > settings.semantic_max_sentences:
        return None
    from reviewer import semantic

    if not semantic.available():
        return None
    try:
        return semantic.similarity_matrix([f.text for f in feats])
    except Exception:  # the model failing must never stop the word-based alignment
        return None


def _add_semantic_candidates(ci, cj, cos, w_shared, sem: np.ndarray, art_of: np.ndarray, settings: AlignSettings):
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


def _rank_ok(groups: tuple[np.ndarray, ...], score: np.ndarray, tie: np.ndarray, limit: int) -> np.ndarray:
    """For each entry: is it among the ``limit`` best (highest score) of its group?"""
    order = np.lexsort((tie, -score) + tuple(reversed(groups)))
    keys = np.stack([g[order] for g in groups], axis=1)
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = np.any(keys[1:] != keys[:-1], axis=1)
    starts = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))
    ok = np.zeros(len(order), dtype=bool)
    ok[order] = (np.arange(len(order)) - starts) < limit
    return ok


def _best_per_sentence(ci: np.ndarray, cj: np.ndarray, sim: np.ndarray, art_of: np.ndarray):
    """Keep a pair when it is among the most similar for either of its sentences: the few
    best per other article, and the best few dozen overall. Bounds the work per sentence."""
    m = len(ci)
    if m == 0:
        return np.zeros(0, dtype=bool)
    src = np.concatenate([ci, cj])
    dst = np.concatenate([cj, ci])
    score = np.concatenate([sim, sim])
    tie = np.concatenate([np.arange(m), np.arange(m)])
    ok = _rank_ok((src, art_of[dst]), score, tie, PER_ARTICLE) & _rank_ok((src,), score, tie, PER_SENTENCE)
    return ok[:m] | ok[m:]


def align(cluster: Cluster, settings: AlignSettings | None = None,
          progress: Callable[[float], None] | None = None) -> list[Link]:
    """All match and conflict links of a cluster, sorted, deterministic."""
    settings = settings or AlignSettings()
    report = progress or (lambda _x: None)
    feats = build_features(cluster)
    report(0.3)
    if len(feats) < 2:
        report(1.0)
        return []
    x, df, vocab, weights = _tfidf(feats)
    art_of = np.array([f.art for f in feats])
    ci, cj, cos, w_shared = _candidates(x, weights, df, art_of, settings.within_article)
    report(0.5)
    sem = _semantic(feats, settings)
    if sem is not None:
        ci, cj, cos, w_shared = _add_semantic_candidates(ci, cj, cos, w_shared, sem, art_of, settings)
    report(0.7)
    # Similarity of every candidate pair at once: half cosine, half weighted overlap of the
    # shorter sentence (a short sentence contained in a long one still scores).
    w_row = np.asarray(weights.sum(axis=1)).ravel()
    n_row = np.diff(weights.indptr)
    small = np.minimum(w_row[ci], w_row[cj])
    small[small <= 0] = 1.0
    ovl = (w_shared / small) * np.minimum(1.0, np.minimum(n_row[ci], n_row[cj]) / 5.0)
    sim = 0.5 * cos + 0.5 * ovl
    lex = sim.copy()
    lexical_ok = w_shared >= 2.5
    facts_only = np.zeros(len(ci), dtype=bool)
    if sem is not None:
        s_sem = sem[ci, cj]
        lexical_ok |= s_sem >= settings.match_threshold
        # Paraphrases the model finds close but not close enough to be the same claim ("the
        # death toll at 9" / "fourteen people died") are still compared for facts: if their
        # counts or dates fill the same slot and disagree, that is a conflict. They never
        # become matches.
        has_facts = np.array([bool(f.counts or f.event_dates) for f in feats])
        facts_only = ~lexical_ok & (s_sem >= settings.conflict_threshold) & has_facts[ci] & has_facts[cj]
        lexical_ok |= facts_only
        sim = np.maximum(sim, s_sem)
    keep = (sim >= settings.conflict_threshold) & lexical_ok
    ci, cj, sim, lex, facts_only = ci[keep], cj[keep], sim[keep], lex[keep], facts_only[keep]
    kept = _best_per_sentence(ci, cj, sim, art_of)
    ci, cj, sim, lex, facts_only = ci[kept], cj[kept], sim[kept], lex[kept], facts_only[kept]

    matches: list[tuple[int, int, float]] = []
    conflicts: list[tuple[int, int, float, list[Evidence]]] = []
    for i, j, sim, lex_sim, only_facts in zip(ci.tolist(), cj.tolist(), sim.tolist(), lex.tolist(), facts_only.tolist()):
        a, b = feats[i], feats[j]
        evidence: list[Evidence] = []
        same_event = a.years == b.years and a.other_event == b.other_event
        if same_event:
            evidence += _count_evidence(a, b, sim)
        if a.other_event == b.other_event:
            evidence += [e for e in _date_evidence(a, b, lex_sim) if a.years == b.years or e.kind == "date"]
        if only_facts:
            evidence = [e for e in evidence if e.kind in ("number", "quantity", "weekday", "date")]
            if evidence:
                conflicts.append((i, j, round(min(1.0, 0.4 + 0.6 * sim), 4), evidence))
            continue
        if sim >= 0.3:
            evidence += _negation_evidence(a, b, sim)
        if sim >= max(settings.match_threshold, 0.45):
            evidence += _entity_evidence(a, b)
            evidence += _antonym_evidence(a, b)
        if evidence:
            strength = 1.0 if any(e.kind in ("number", "weekday", "date", "negation") for e in evidence) else 0.9
            score = min(1.0, 0.4 + 0.6 * sim) * strength
            conflicts.append((i, j, round(score, 4), evidence))
        else:
            # A sentence placed in another year is less likely the same claim.
            if a.years != b.years:
                sim -= 0.1
            # Each names someone or something the other does not: two different subjects
            # ("Ostrava signed striker Mansouri" / "Ostrava also signed goalkeeper Hruby").
            if sim < 0.7 and (a.names_set - b.bag) and (b.names_set - a.bag):
                sim -= 0.1
            if sim >= settings.match_threshold:
                matches.append((i, j, round(sim, 4)))
    report(0.85)

    links = _select(feats, [a.id for a in cluster.articles], matches, conflicts, settings)
    report(1.0)
    return links


def _select(feats: list[SentFeatures], art_ids: list[str], matches: list[tuple[int, int, float]],
            conflicts: list[tuple[int, int, float, list[Evidence]]], settings: AlignSettings) -> list[Link]:
    """Keep the best few links per sentence and other article, on both ends."""
    k = settings.max_matches_per_article
    best: dict[tuple[int, int], list[float]] = defaultdict(list)
    for i, j, s in matches:
        best[(i, feats[j].art)].append(s)
        best[(j, feats[i].art)].append(s)
    cutoff = {key: sorted(v, reverse=True)[:k][-1] for key, v in best.items()}
    conf_best: dict[tuple[int, int], list[float]] = defaultdict(list)
    for i, j, s, _e in conflicts:
        conf_best[(i, feats[j].art)].append(s)
        conf_best[(j, feats[i].art)].append(s)
    conf_cut = {key: sorted(v, reverse=True)[:k][-1] for key, v in conf_best.items()}

    refs: dict[int, SentenceRef] = {}

    def ref(i: int) -> SentenceRef:
        r = refs.get(i)
        if r is None:
            r = refs[i] = SentenceRef(art_ids[feats[i].art], feats[i].idx)
        return r

    out: list[Link] = []
    for i, j, s in matches:
        if s >= cutoff[(i, feats[j].art)] and s >= cutoff[(j, feats[i].art)]:
            out.append(Link(ref(i), ref(j), "match", round(s, 4)))
    for i, j, s, ev in conflicts:
        if s >= conf_cut[(i, feats[j].art)] and s >= conf_cut[(j, feats[i].art)]:
            out.append(Link(ref(i), ref(j), "conflict", round(s, 4), tuple(ev)))
    order = {aid: n for n, aid in enumerate(art_ids)}
    out.sort(key=lambda l: (order[l.a.article], l.a.sentence, order[l.b.article], l.b.sentence, l.relation))
    return out

