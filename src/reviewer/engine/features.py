"""Per-sentence features: content terms, names, negation scope, counts, dates, years.

Every sentence becomes a bag of content terms: stopwords dropped, words stemmed and mapped
through a small synonym lexicon, proper nouns mapped onto one canonical spelling per entity
for the whole cluster (:class:`reviewer.engine.textnorm.NameCanon`). Numbers, weekdays, dates
and negations are extracted as typed facts (:mod:`reviewer.engine.facts`).
"""

from __future__ import annotations

import contextlib
import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from reviewer.engine.dates import DateMention, extract_dates, parse_iso, read_clock_times
from reviewer.engine.facts import Count, extract_counts
from reviewer.engine.initials import acronyms_spelled, shortened_names
from reviewer.engine.settings import TUNING, Tuning
from reviewer.engine.textnorm import NameCanon, fold, stem, tokenize
from reviewer.lang.tables import folded_words
from reviewer.lang.en import (
    DETERMINER_NEGATIONS,
    FORM_NOUN_MARKERS,
    FORM_NOUNS,
    LAST_TIME_WORDS,
    NAME_LINKERS,
    NEG_CUES,
    NOT_NAMES,
    NOT_NUMBER_TERMS,
    NUMBER_WORDS,
    OTHER_EVENT,
    PREDICATIVE,
    ROLES,
    STOPWORDS,
    UNITS,
    WEEKDAYS,
    YEAR_PLACERS,
)
from reviewer.models import Cluster

Tok = tuple[str, int, int]
# issue 15 (speed): the gaps between tokens searched in per-token loops, patterns compiled once
_GAP_COMMA = re.compile(r"[,;:]")
_GAP_SENTENCE = re.compile(r"[,;:.!?\"\u201c\u201d]")
_DECIMAL_AFTER = re.compile(r"[.,:]\d")


@dataclass(slots=True)
class SentFeatures:
    art: int
    idx: int
    text: str
    toks: list[Tok]
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
    persons: dict[str, tuple[str, tuple[int, int]]] = field(default_factory=dict)  # surname -> (given name, its span)
    roles: dict[str, tuple[frozenset[str], tuple[int, int]]] = field(default_factory=dict)  # role -> (name terms, span)
    _near: dict[tuple[int, int, int, bool], frozenset[str]] = field(default_factory=dict)
    lang: str = "und"  # issue 14: the sentence's detected language (engine.crosslingual)
    memo: dict = field(default_factory=dict)  # per-count facts computed on first use (evidence.py)
    # issue 15: equal for sentences whose features are equal (build_features' repeats of one
    # text, language, date and long forms), in order of first copy; -1 when not known
    kind: int = -1


def _proper_nouns(per_sentence: list[list[Tok]], mult: list[int] | None = None) -> Counter:
    """Folded words seen capitalised somewhere other than at the start of a sentence
    (``mult``: how many sentences each entry stands for, issue 15)."""
    counts: Counter = Counter()
    for n, toks in enumerate(per_sentence):
        times = 1 if mult is None else mult[n]
        for k, (surf, _s, _e) in enumerate(toks):
            if k == 0 or not surf[:1].isupper():
                continue
            f = fold(surf)
            if f in STOPWORDS or f in NOT_NAMES or f.isdigit() or len(f) < 2:
                continue
            if _after_number(toks, k):
                continue
            counts[f] += times
    return counts


def _after_number(toks: list[Tok], k: int) -> bool:
    """A short all-capitals word right after a number is a clock or unit marker ("7:00 PM",
    "15 GMT", "40 KM"), not the name of someone or something."""
    surf = toks[k][0]
    prev, _s, end = toks[k - 1]
    return len(surf) <= 3 and surf.isupper() and prev[:1].isdigit() and toks[k][1] - end <= 1


def _long_forms(toks: list[Tok], t: Tuning) -> list[str]:
    """Initials of runs of capitalised words: "U.S. Geological Survey" -> "usgs",
    "Kurdish Regional Government" -> "krg" (linking words such as "of" are skipped)."""
    out = []
    run: list[str] = []
    for surf, _s, _e in toks + [("", 0, 0)]:
        if surf[:1].isupper() and surf.isalpha():
            run.append(surf)
        elif surf.lower() in NAME_LINKERS and run:
            continue
        else:
            if len(run) >= t.long_form_min_words:
                out.append("".join(w[0] for w in run).lower())
            run = []
    return out


def _acronym_long_forms(texts: list[str], toks_all: list[list[Tok]], t: Tuning) -> list[list[str]]:
    """Acronyms: an all-capitals word of the cluster that spells the initials of a run of
    capitalised words elsewhere; both then carry the same term."""
    acronyms = {fold(k[0]) for toks in toks_all for k in toks
                if t.acronym_min_len <= len(k[0]) <= t.acronym_max_len and k[0].isupper() and k[0].isalpha()}
    if not acronyms:
        return [[] for _ in toks_all]
    # issue 12: also the first words of a long name ("Orlen Valley" for "OVRC"), see engine.initials
    out = [[ac for lf in _long_forms(toks, t) for ac in acronyms_spelled(lf, acronyms, t.short_form_min_share)]
           for toks in toks_all]
    _defined_acronyms(texts, toks_all, acronyms, out)
    return out


def _shortened_both_ways(toks_all: list[list[Tok]], long_forms: list[list[str]], t: Tuning) -> None:
    """issue 12: a sentence writing an acronym that a name's first words shorten elsewhere
    ("OVRC" / "Orlen Valley") carries that name's words too (engine.initials)."""
    acronyms = {fold(k[0]) for toks in toks_all for k in toks
                if t.acronym_min_len <= len(k[0]) <= t.acronym_max_len and k[0].isupper() and k[0].isalpha()}
    names = shortened_names(toks_all, acronyms, NAME_LINKERS, t.long_form_min_words, t.short_form_min_share) if acronyms else {}
    for toks, lfs in zip(toks_all, long_forms):
        for ac in dict.fromkeys(fold(k[0]) for k in toks if k[0].isupper() and fold(k[0]) in names):
            lfs.extend(w for w in names[ac] if w not in lfs)


def _content_stems(toks: list[Tok]) -> list[tuple[str, int]]:
    """(stem, token index) of the words of a sentence, linking words ("of", "the") left out."""
    return [(stem(fold(surf)), k) for k, (surf, _s, _e) in enumerate(toks)
            if surf.isalpha() and surf.lower() not in NAME_LINKERS]


def _defined_acronyms(texts: list[str], toks_all: list[list[Tok]], acronyms: set[str], out: list[list[str]]) -> None:
    """Acronyms spelled out in lower case beside them, in brackets ("ROV (remotely operated
    vehicle)", "remotely operated vehicle (ROV)"): every other sentence that writes the same
    words ("a remote-operated vehicle") carries the acronym too. Only the words of such a
    definition are read as the acronym, never any run of words that happens to share its initials."""
    defs: dict[tuple[str, ...], str] = {}
    for text, toks in zip(texts, toks_all):
        words = None
        for n, (surf, _s, _e) in enumerate(toks):
            if not surf.isupper() or fold(surf) not in acronyms:
                continue
            if words is None:
                words = _content_stems(toks)
            size = len(surf)
            pos = next((m for m, (_st, k) in enumerate(words) if k == n), None)
            spans = []
            if pos is not None:
                spans = [words[pos + 1:pos + 1 + size], words[max(0, pos - size):pos]]
            for run in spans:
                if len(run) != size or run[-1][1] - run[0][1] >= 2 * size:
                    continue
                if "".join(toks[k][0][0] for _st, k in run).lower() != fold(surf):
                    continue
                if any(toks[k][0][:1].isupper() for _st, k in run):
                    continue  # capitalised long forms are read by _long_forms already
                if run[0][1] > n:  # "ROV (remotely operated vehicle)"
                    gap = text[toks[n][2]:toks[run[0][1]][1]]
                else:  # "remotely operated vehicle (ROV)"
                    gap = text[toks[run[-1][1]][2]:toks[n][1]]
                if "(" in gap and len(gap.strip()) <= 2:
                    defs.setdefault(tuple(st for st, _k in run), fold(surf))
    if not defs:
        return
    for toks, lfs in zip(toks_all, out):
        stems = [st for st, _k in _content_stems(toks)]
        have = {fold(surf) for surf, _s, _e in toks}
        for form, acr in defs.items():
            if acr in have or acr in lfs:
                continue
            size = len(form)
            if any(tuple(stems[m:m + size]) == form for m in range(len(stems) - size + 1)):
                lfs.append(acr)


@contextlib.contextmanager
def collector_paused():
    """No passes of the cycle collector inside: for building many objects that all stay alive
    (the passes walk everything alive each time, and find nothing). Restores its state after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def build_features(cluster: Cluster, t: Tuning = TUNING) -> list[SentFeatures]:
    # issue 15 (speed): every object built here stays alive; align() runs with the cycle
    # collector paused (its passes were a quarter of this function on the dense 5k).
    sentences = [(ai, s) for ai, art in enumerate(cluster.articles) for s in art.sentences]
    # issue 15: tokens, folded words and long forms once per distinct text (wire copy repeats
    # sentences word for word), the counts that weigh occurrences times their copies
    first_of: dict[str, int] = {}
    uidx = [first_of.setdefault(s.text, len(first_of)) for _ai, s in sentences]
    utexts = list(first_of)
    umult = [0] * len(utexts)
    for u in uidx:
        umult[u] += 1
    utoks = [tokenize(x) for x in utexts]
    toks_all = [utoks[u] for u in uidx]
    canon = NameCanon(_proper_nouns(utoks, umult))
    # Stems present in the cluster, to read "unharmed" as "not harmed" only when "harm" is a word here.
    uwords = [[fold(k[0]) for k in toks] for toks in utoks]
    words_all = [uwords[u] for u in uidx]
    stems_present = {stem(w) for words in uwords for w in words if w not in STOPWORDS}
    ulong = _acronym_long_forms(utexts, utoks, t)
    long_forms = [list(ulong[u]) for u in uidx]
    _shortened_both_ways(toks_all, long_forms, t)  # by occurrences: the most frequent spelling
    # Words also written in lower case somewhere in the cluster are not personal names.
    common = frozenset(w for toks, words in zip(utoks, uwords) for (surf, _s, _e), w in zip(toks, words)
                       if surf[:1].islower())
    bases = [parse_iso(a.date) for a in cluster.articles]
    memo: dict[tuple[str, bool], tuple[str | None, bool, bool]] = {}
    feats: list[SentFeatures] = []
    # issue 15: wire copy repeats sentences word for word; features are a function of the text,
    # its language, its article's date and its acronym long forms (the cluster-wide tables
    # aside), so a repeat shares the first copy's (nothing mutates them once built).
    built: dict[tuple, SentFeatures] = {}
    for (ai, s), toks, words, lfs in zip(sentences, toks_all, words_all, long_forms):
        key_f = (s.text, s.lang, bases[ai], tuple(lfs))
        first = built.get(key_f)
        if first is not None:
            feats.append(_repeat(first, ai, s.index))
            continue
        terms: list[str | None] = []
        names: list[bool] = []
        negated: dict[str, tuple[int, int]] = {}
        un_words: set[int] = set()
        for k, w in enumerate(words):
            key = (w, toks[k][0][:1].isupper())
            got = memo.get(key)
            if got is None:
                got = memo[key] = _term_of(w, key[1], canon, stems_present, t)
            if w in FORM_NOUNS and k and not got[1] and (words[k - 1] in FORM_NOUN_MARKERS or words[k - 1][:1].isdigit()):
                got = (w, False, False)  # "40 billion won", "a rose": the noun, not the verb (lang.en FORM_NOUNS)
            term, is_name, un_negated = got
            names.append(is_name)
            terms.append(term)
            if un_negated:
                un_words.add(k)  # never an assertion of the word without its prefix
                before = k - 2 if k >= 2 and words[k - 1].endswith("ly") else k - 1  # "was miraculously unharmed"
                if before >= 0 and words[before] in PREDICATIVE:
                    negated[term] = (toks[k][1], toks[k][2])
        neg_zone = _negation_scope(toks, words, terms, negated, t, s.lang or "und") | un_words
        f = SentFeatures(ai, s.index, s.text, toks, words, terms, names, negated=negated, neg_zone=frozenset(neg_zone))
        f.lang = s.lang or "und"  # issue 14
        f.kind = len(built)
        _add_facts(f, canon, lfs, bases[ai], t)
        _people(f, common)
        feats.append(f)
        built[key_f] = f
    return feats


def _repeat_maker():
    """``replace(first, art=art, idx=idx)``: a sentence's features for a repeat of its text (the
    same objects in every other field), a few times faster (issue 15: thousands of repeats on
    wire copy): a new object's slots set through their descriptors; the plain replace whenever
    SentFeatures is not the slotted dataclass without __post_init__ that this relies on."""
    import dataclasses

    names = tuple(f.name for f in dataclasses.fields(SentFeatures))
    if getattr(SentFeatures, "__slots__", None) != names or hasattr(SentFeatures, "__post_init__") or \
            not all(f.init for f in dataclasses.fields(SentFeatures)):
        return lambda first, art, idx: replace(first, art=art, idx=idx)
    new = object.__new__
    rest = [(getattr(SentFeatures, n).__get__, getattr(SentFeatures, n).__set__)
            for n in names if n not in ("art", "idx")]
    set_art, set_idx = SentFeatures.art.__set__, SentFeatures.idx.__set__

    def make(first: SentFeatures, art: int, idx: int) -> SentFeatures:
        f = new(SentFeatures)
        set_art(f, art)
        set_idx(f, idx)
        for get, put in rest:
            put(f, get(first))
        return f

    return make


_repeat = _repeat_maker()


_OWN_NEGATION = frozenset({"es", "pt", "fr", "it", "de"})  # the languages whose cues lang/ tables list


def _negation_scope(toks: list[Tok], words: list[str], terms: list[str | None],
                    negated: dict[str, tuple[int, int]], t: Tuning, lang: str = "en") -> set[int]:
    """Adds the terms denied by a cue word to ``negated``; returns the token indices in reach.
    The scope: the predicate after "not"; after "no"/"nobody"... the noun, an adverb and the
    verb too ("no group immediately claimed")."""
    neg_zone: set[int] = set()
    cues = folded_words(lang, "NEGATION") if lang in _OWN_NEGATION else ()  # "sin", "sem", "sans" (issue 14)
    for k, w in enumerate(words):
        if w in NEG_CUES or w.endswith("n't") or w in cues:
            limit = t.determiner_negation_terms if w in DETERMINER_NEGATIONS else t.negation_terms
            found = 0
            reach = min(len(words), k + 1 + t.negation_reach)
            for m in range(k + 1, reach):
                if terms[m] is not None:
                    negated.setdefault(terms[m], (toks[k][1], toks[m][2]))
                    found += not words[m].endswith("ly")  # adverbs are passed over
                    if found == limit:
                        break
            neg_zone.update(range(k + 1, reach))
    return neg_zone


def _add_facts(f: SentFeatures, canon: NameCanon, lfs: list[str], base, t: Tuning) -> None:
    toks, words, terms = f.toks, f.words, f.terms
    f.counts = extract_counts(toks, words, terms, [x is None for x in terms], f.text, f.lang)
    f.dates = extract_dates(toks, words, base)
    f.extra = _number_terms(toks, words, f.text, f.lang) + [f"N:{canon.canon(lf) or lf}" for lf in lfs]
    f.years = _other_years(toks, words, f.dates, base, t, f.text)
    f.other_event = _other_event(f)
    for d in f.dates:
        if not is_reporting_date(f, d.span, t):
            f.event_dates.setdefault(d.kind, []).append(d)
    f.bag = frozenset(x for x in terms if x is not None) | frozenset(f.extra)
    f.names_set = frozenset(x for x, is_name in zip(terms, f.names) if is_name)


def _name_runs(f: SentFeatures) -> list[tuple[int, int]]:
    """Runs [first, last] of adjacent capitalised name tokens ("Anna Kowalski")."""
    runs: list[tuple[int, int]] = []
    k = 0
    n = len(f.toks)
    while k < n:
        if f.names[k] and f.toks[k][0][:1].isupper():
            m = k
            while m + 1 < n and f.names[m + 1] and f.toks[m + 1][0][:1].isupper() and f.toks[m + 1][1] - f.toks[m][2] == 1:
                m += 1
            runs.append((k, m))
            k = m + 1
        else:
            k += 1
    return runs


def _people(f: SentFeatures, common: frozenset[str]) -> None:
    """Given name per surname ("Anna Kowalski": kowalski -> anna) and the name after a role
    word ("fire chief Anna Kowalski": chief -> {anna, kowalski})."""
    for first, last in _name_runs(f):
        if last > first and not ({f.words[last], f.words[last - 1]} & common) \
                and not ({f.terms[last], f.terms[last - 1]} & ROLES):
            f.persons.setdefault(f.terms[last], (f.terms[last - 1], (f.toks[last - 1][1], f.toks[last - 1][2])))
        role = f.terms[first - 1] if first > 0 and not f.names[first - 1] else None
        if role in ROLES and f.toks[first][1] - f.toks[first - 1][2] == 1:
            f.roles.setdefault(role, (frozenset(f.terms[first:last + 1]), (f.toks[first][1], f.toks[last][2])))


def _term_of(w: str, capitalised: bool, canon: NameCanon, stems_present: set[str],
             t: Tuning) -> tuple[str | None, bool, bool]:
    """(content term or None, is a name, is a prefix negation such as "unharmed")."""
    c = canon.canon(w) if (capitalised or not w.isascii()) else None
    if c is not None:
        return "N:" + c, True, False
    if w in STOPWORDS or w in NEG_CUES or w.endswith("n't") or len(w) < 2 or w[0].isdigit() or w in NUMBER_WORDS:
        return None, False, False
    term = stem(w)
    if w.startswith("un") and len(w) >= t.prefix_negation_min_len:
        rest = stem(w[2:])
        if rest in stems_present and rest != term:
            return rest, False, True
    return term, False, False


def _clock_terms(text: str, lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    """One term per reading of each time of day written with figures ("7:05 p.m.", "19.05",
    "7.05pm" -> "#t19:05"), and the spans they cover. A time on a 12-hour clock with no a.m. or
    p.m. ("7:05", not "07:05") gets both readings, so it meets either. A ratio ("1:25,000") is no time."""
    terms: list[str] = []
    spans: list[tuple[int, int]] = []
    for c in read_clock_times(text, lang):
        lo, hi = c.span
        if c.width or not text[lo:lo + 1].isdigit() or _DECIMAL_AFTER.match(text[hi:hi + 2]):
            continue
        hour, minute = divmod(c.minutes, 60)
        twelve = c.half_day and text[lo] != "0"  # "07:05" is written on a 24-hour clock
        hours = (hour % 12, hour % 12 + 12) if twelve else (hour % 24,)
        terms.extend(f"#t{h:02d}:{minute:02d}" for h in hours)
        spans.append(c.span)
    return terms, spans


def _number_terms(toks: list[Tok], words: list[str], text: str = "", lang: str = "en") -> list[str]:
    """Figures as terms ("#12", "#4.5"), unit words as their value, and times of day as one
    term each (:func:`_clock_terms`) rather than their hour and minute figures."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    # issue 15: a token is a piece of the text, so most sentences (no digit at all) skip the token scan
    if text and any(map(str.isdigit, text)) and any(surf[:1].isdigit() for surf, _s, _e in toks):
        out, spans = _clock_terms(text, lang)
    for (surf, s, _e), w in zip(toks, words):
        if spans and any(lo <= s < hi for lo, hi in spans):
            continue
        if surf[:1].isdigit():
            out.append("#" + surf.replace(",", ""))
        elif w in UNITS and UNITS[w] and w not in NOT_NUMBER_TERMS:
            out.append(f"#{UNITS[w]}")
    return out


def _other_years(toks: list[Tok], words: list[str], dates: list[DateMention], base, t: Tuning,
                 text: str = "") -> frozenset[int]:
    """Years a sentence places its facts in, other than the article's own year."""
    own = base.year if base else None
    # "in 2019", "the 2019 election", "May 3, 2019" place a fact in a year; "since 2005",
    # "until 2020" or "between 2015 and 2019" only compare with it or bound it.
    years = {int(x[0]) for k, x in enumerate(toks) if x[0].isdigit() and len(x[0]) == 4
             and t.year_min <= int(x[0]) <= t.year_max and (k == 0 or words[k - 1] in YEAR_PLACERS
                                                            or _year_of_noun(toks, words, k, text))}
    for d in dates:
        if d.kind == "date" and (d.hi - d.lo).days >= t.year_span_days:  # "last year"
            years.add(d.lo.year)
    for k, w in enumerate(words):
        if w == "ago" and k >= 1 and words[k - 1] in ("year", "years") and own:
            q = words[k - 2] if k >= 2 else "a"
            n = UNITS.get(q) if q in UNITS else (int(q) if q.isdigit() else 1)
            years.add(own - (n or 1))
    return frozenset(y for y in years if y != own)


def _year_of_noun(toks: list[Tok], words: list[str], k: int, text: str) -> bool:
    """"a 1987 flood", "a 2011 law" (not "a 2000-strong crowd"): an article, the year, then after
    a space the lower-case word it dates: the year places that thing as "the 1987 flood" does."""
    return (k >= 1 and words[k - 1] in ("a", "an") and k + 1 < len(toks) and toks[k + 1][1] - toks[k][2] == 1
            and bool(text) and text[toks[k][2]].isspace() and toks[k + 1][0][:1].islower())


def _other_event(f: SentFeatures) -> bool:
    for k, w in enumerate(f.words):
        if w in OTHER_EVENT:
            return True
        if w == "last" and k + 1 < len(f.words) and f.words[k + 1] not in LAST_TIME_WORDS and f.terms[k + 1] is not None \
                and f.words[k + 1] not in WEEKDAYS:
            return True
    return False


def is_reporting_date(f: SentFeatures, span: tuple[int, int], t: Tuning = TUNING) -> bool:
    """"..., officials said on Thursday": the day of the report, not of the event."""
    starts = token_bounds(f)[0]  # the token starting at the span's start, by binary search (issue 15)
    k = bisect_left(starts, span[0])
    if k == len(starts) or starts[k] != span[0]:
        return False
    reporting = folded_words(f.lang, "REPORTING")  # "said", "dijo", "sagte"... (lang.* REPORTING)
    if any(f.words[m] in reporting for m in range(max(0, k - t.reporting_reach), k)):
        return True
    if _said_at_setting(f, k, t):  # "said at a news briefing Thursday"
        return True
    if _opening_said(f, k, span, t):  # "On Wednesday, Premier Ana Ruiz told reporters that ..."
        return True
    # "..., according to the agency's page on Wednesday": the date of the source, not the event.
    for m in range(k - 1, -1, -1):
        if f.words[m] == "according":
            return True
        if _GAP_COMMA.search(f.text[f.toks[m][2]:f.toks[m + 1][1]]):
            return False
    return False


def _opening_said(f: SentFeatures, k: int, span: tuple[int, int], t: Tuning) -> bool:
    """The date opens the sentence ("On Wednesday," with no content word before it and a comma
    after it) and the clause after it is a named speaker's statement (only names, roles and small
    words before a reporting verb: "On Wednesday, Premier Ana Ruiz told reporters that ..."): the
    day the statement was made, not the day of what it reports (issue 12, stop 25)."""
    if any(f.terms[m] is not None for m in range(k)):
        return False
    nxt = bisect_left(token_bounds(f)[0], span[1])  # the first token starting at the span's end or later
    if nxt == len(f.toks) or "," not in f.text[span[1]:f.toks[nxt][1]]:
        return False
    reporting = folded_words(f.lang, "REPORTING")
    named = False
    for m in range(nxt, min(len(f.toks), nxt + t.opening_speaker_reach + 1)):
        if f.words[m] in reporting:
            return named
        if f.names[m]:
            named = True
        elif f.terms[m] is not None and f.terms[m] not in ROLES:
            return False
    return False


def _said_at_setting(f: SentFeatures, k: int, t: Tuning) -> bool:
    """The date follows a reporting verb and the setting of the speech ("said at a news
    briefing Thursday", "told reporters at a briefing on Tuesday"), with no punctuation between."""
    lo = max(0, k - t.setting_reach - 3)
    settings, reporting = folded_words(f.lang, "SPEECH_SETTINGS"), folded_words(f.lang, "REPORTING")  # per language
    for p in range(k - 1, lo, -1):
        if _GAP_SENTENCE.search(f.text[f.toks[p][2]:f.toks[p + 1][1]]):
            return False
        if f.words[p] in settings and any(f.words[m] in reporting for m in range(max(0, p - 2), p)):
            return True
    return False


def token_bounds(f: SentFeatures) -> tuple[list[int], list[int]]:
    """The tokens' start and end offsets, each list ascending (the tokens are in text order and
    do not overlap), listed once per sentence (issue 15: the count contexts look tokens up by
    offset, with a binary search instead of a walk over every token)."""
    got = f.memo.get("token_bounds")
    if got is None:
        got = f.memo["token_bounds"] = ([x[1] for x in f.toks], [x[2] for x in f.toks])
    return got


def token_from(f: SentFeatures, pos: int) -> int:
    """The first token starting at ``pos`` or later; len(f.toks) when none."""
    return bisect_left(token_bounds(f)[0], pos)


def tokens_within(f: SentFeatures, span: tuple[int, int]) -> range:
    """The tokens wholly inside a span (starting at its start or later, ending at its end or
    before): a run, as the starts and the ends both ascend."""
    starts, ends = token_bounds(f)
    return range(bisect_left(starts, span[0]), bisect_right(ends, span[1]))


def _near(f: SentFeatures, span: tuple[int, int], radius: int, names: bool) -> frozenset[str]:
    """Content terms (or only names) within ``radius`` tokens of a span, the span excluded."""
    key = (span[0], span[1], radius, names)
    got = f._near.get(key)
    if got is not None:
        return got
    inside = tokens_within(f, span)
    if not inside:
        out: frozenset[str] = frozenset()
    else:
        lo, hi = max(0, inside.start - radius), min(len(f.toks), inside.stop + radius)
        terms = f.terms
        if names:  # the names from lo to hi, the span's own included
            is_name = f.names
            out = frozenset(terms[k] for k in range(lo, hi) if terms[k] is not None and is_name[k])
        else:  # the terms from lo to hi but the span's own, in the same order (issue 15: two slices)
            out = frozenset(x for x in terms[lo:inside.start] + terms[inside.stop:hi] if x is not None)
    f._near[key] = out
    return out


def local_terms(f: SentFeatures, span: tuple[int, int], radius: int) -> frozenset[str]:
    return _near(f, span, radius, False)


def local_names(f: SentFeatures, span: tuple[int, int], radius: int) -> frozenset[str]:
    return _near(f, span, radius, True)


def own_context(f: SentFeatures, c: Count, radius: int) -> frozenset[str]:
    """Terms within ``radius`` tokens of a count, not crossing into another count
    ("one person was killed and dozens injured": "injured" belongs to "dozens")."""
    idx = tokens_within(f, c.span)
    if not idx:
        return frozenset()
    others = [o.span for o in f.counts if o is not c]
    if not others:  # nothing to stop at (issue 15: most counts): the radius on each side
        terms = f.terms
        before, after = terms[max(0, idx.start - radius):idx.start], terms[idx.stop:idx.stop + max(0, radius)]
        return frozenset(x for x in before + after if x is not None)
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


def different_subjects(a: SentFeatures, b: SentFeatures, span_a: tuple[int, int] | None = None,
                       span_b: tuple[int, int] | None = None, radius: int = 0) -> bool:
    """Each side names someone or something the other sentence does not: two different
    subjects ("Kazemi was not harmed" / "supporters of the militias were injured"). With
    spans, only the names within ``radius`` tokens of them count; without, the whole sentence's."""
    names_a = a.names_set if span_a is None else local_names(a, span_a, radius)
    if not (names_a - b.bag):
        return False
    names_b = b.names_set if span_b is None else local_names(b, span_b, radius)
    return bool(names_b - a.bag)
