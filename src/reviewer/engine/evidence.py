"""Evidence that two related sentences disagree: counts, dates, negation, antonyms, names.

Each check first decides "same slot" (the same counted thing, a date of the same event, the
same predicate of the same subject), then looks for a typed mismatch in it. Sentences about
two different subjects are the main source of false alarms (de Marneffe et al., 2008).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from reviewer.engine.dates import clock_gap, dates_conflict, may_name_day_part, read_clock_times
from reviewer.engine import specificity
from reviewer.engine.facts import INF, Count, bounds_differ, counts_conflict, same_dimension, unit_factor
from reviewer.engine.facts import count_states as _states
from reviewer.engine.features import (SentFeatures, different_subjects, is_reporting_date, local_names, local_terms,
                                      own_context, token_bounds, token_from)
from reviewer.engine.settings import TUNING, Tuning
from reviewer.engine.textnorm import antonyms, stem
from reviewer.lang.en import AGE_HEAD, BODY_HEADS, CAPACITY_HEADS, CAPACITY_VERBS, HOLDER_LEADS, MEMBER_HEADS, ROLES, CLAUSE_BREAK_WORDS, GENERIC_HEADS, MODES, NEGATION_EXCEPTIONS, PERSON_HEADS, SCOPE_WORDS
from reviewer.lang.en import (
    RELATION_OPPOSITES,
    RELATION_SKIP,
    RELATIONS_OF_TIME,
    NOT_SEQUENCE_BEFORE,
    SEQUENCE_CUES,
    SIMULTANEOUS,
    DISTANCE_LEAD_WORDS,
    MOTION_WORDS,
    REMAINING_AFTER,
    REMAINING_BEFORE,
    GENERIC_RATE_WORDS,
    RATE_WORDS,
    RESULT_NOUNS,
    STAGE_EARLY,
    STAGE_FINAL,
    STATE_TERMS,
    TOLL_STATES,
)
from reviewer.lang.tables import folded_phrases, folded_words, phrase_before
from reviewer.models import Evidence

_CLAUSE_BREAK = re.compile(r"[;:.!?]|\b(?:" + "|".join(CLAUSE_BREAK_WORDS) + r")\b")
_NEGATION_EXCEPTION = re.compile(r"\W*(" + "|".join(NEGATION_EXCEPTIONS) + r")\b", re.IGNORECASE)
def _evidence_builder():
    """``Evidence(kind, a, b, a_span, b_span, note)``, about twice as fast (issue 15: tens of
    thousands of conflicts on the dense 5k): the frozen dataclass's __init__ sets each field
    through object.__setattr__; here a new object's slots are set through their descriptors.
    The same object; the plain constructor whenever Evidence is not the six-slot dataclass
    this relies on."""
    import dataclasses

    names = ("kind", "a", "b", "a_span", "b_span", "note")
    if tuple(f.name for f in dataclasses.fields(Evidence)) != names or getattr(Evidence, "__slots__", None) != names \
            or hasattr(Evidence, "__post_init__"):
        return Evidence
    new = object.__new__
    set_kind, set_a, set_b, set_sa, set_sb, set_note = (getattr(Evidence, n).__set__ for n in names)

    def make(kind: str, a: str, b: str, a_span: tuple[int, int], b_span: tuple[int, int], note: str = "") -> Evidence:
        e = new(Evidence)
        set_kind(e, kind)
        set_a(e, a)
        set_b(e, b)
        set_sa(e, a_span)
        set_sb(e, b_span)
        set_note(e, note)
        return e

    return make


_new_evidence = _evidence_builder()


# issue 15 (speed): the gaps between tokens searched in per-token loops, patterns compiled once
_GAP_CLAUSE = re.compile(r"[,;:()]")
_GAP_STRONG = re.compile(r"[;:()]")
_GAP_COMMA = re.compile(r"[,;:]")
_GAP_ANCHOR = re.compile(r"[,;:\[\]]")


def _memo(fn):
    """Cache a per-count fact on the sentence: every pair of sentences asks again."""
    def wrapper(f: SentFeatures, c: Count, arg: int):
        key = (fn.__name__, id(c), arg)
        got = f.memo.get(key, f)
        if got is f:
            got = f.memo[key] = fn(f, c, arg)
        return got
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@_memo
def _mode(f: SentFeatures, c: Count, radius: int) -> str:
    """"request", "offer" or "forecast" when such a verb governs the count (the nearest one
    before it in the same clause), else "actual"."""
    k = token_from(f, c.span[0])
    for m in range(k - 1, max(-1, k - 1 - radius), -1):
        if _CLAUSE_BREAK.search(f.text, f.toks[m][2], c.span[0]):
            break
        mode = MODES.get(f.terms[m] or "")
        if mode:
            return mode
    return "actual"


def _people_tied(xa: "_CountCtx", xb: "_CountCtx") -> bool:
    """"12,000 members" / "8,000 workers": both count people; the same people only when the
    words around them say so ("... joined the strike" / "... took part in the strike")."""
    return xa.person and xb.person and bool(xa.around & xb.around)


@_memo
def _anchor(f: SentFeatures, c: Count, reach: int) -> str | None:
    """The place a measurement is measured from: the first name after it in the same clause
    ("40 km north of Tula" -> tula)."""
    k = token_from(f, c.span[1])
    m, seen = k, 0
    while m < len(f.toks) and seen < reach:
        gap = f.text[f.toks[m - 1][2]:f.toks[m][1]] if m > 0 else ""
        if "(" in gap:  # "435 miles (700 km) south of ...": the aside is passed over
            close = f.text.find(")", f.toks[m][1])
            while close >= 0 and m < len(f.toks) and f.toks[m][1] < close:
                m += 1
            continue
        if m > k and _GAP_ANCHOR.search(gap):
            return None
        if f.names[m]:
            return f.terms[m]
        m += 1
        seen += 1
    return None


def _comparable_measures(a: SentFeatures, ca: Count, b: SentFeatures, cb: Count, t: Tuning) -> bool:
    """Two measurements of one dimension that can be the same quantity: their sizes within
    measure_slot_ratio of each other, measured from the same place when both name one."""
    if ca.unit != cb.unit:
        fa, fb = unit_factor(ca.unit), unit_factor(cb.unit)
        if fa is None or fb is None:
            return False
        va, vb = ca.lo * fa[0], cb.lo * fb[0]
        if va <= 0 or vb <= 0 or max(va, vb) / min(va, vb) > t.measure_slot_ratio:
            return False
    pa, pb = _anchor(a, ca, t.anchor_reach), _anchor(b, cb, t.anchor_reach)
    return not (pa and pb and pa != pb)


@_memo
def _scope(f: SentFeatures, c: Count, reach: int) -> frozenset[str]:
    """Words after a count, in its clause, that limit it to a part ("... of the ballots inside the
    country", "... abroad"); a head that took the word in counts ("53 percent abroad")."""
    k = token_from(f, c.span[1])
    starts = token_bounds(f)[0]  # the tokens starting inside the count, by binary search (issue 15)
    out = {SCOPE_WORDS[f.words[m]] for m in range(bisect_left(starts, c.span[0]), bisect_left(starts, c.span[1]))
           if f.words[m] in SCOPE_WORDS}
    for m in range(k, min(len(f.toks), k + reach)):
        if m > k and _GAP_CLAUSE.search(f.text[f.toks[m - 1][2]:f.toks[m][1]]):
            break
        if f.words[m] == "including" and m and f.text[f.toks[m - 1][2]:f.toks[m][1]].strip() == ",":
            continue  # "21 sailors, including three cadets": an aside naming some of them, the count is whole
        if f.words[m] in SCOPE_WORDS:
            out.add(SCOPE_WORDS[f.words[m]])
    return frozenset(out)


@_memo
def _subject(f: SentFeatures, c: Count, reach: int) -> str | None:
    """Whose count it is: the nearest name before it in its clause ("Erdogan won 52 percent,
    while Kilicdaroglu got 48 percent": kilicdaroglu for the second)."""
    k = token_from(f, c.span[0])
    reports = folded_words(f.lang, "REPORTS")
    sib = _sibling_tokens(f, c) if len(f.counts) > 1 else set()
    for m in range(k - 1, max(-1, k - 1 - reach), -1):
        if m in sib:
            return None  # "6 Chileans, 4 Peruvians": the count listed before is no subject
        if m + 1 < k and _GAP_CLAUSE.search(f.text[f.toks[m][2]:f.toks[m + 1][1]]):
            if f.names[m] and f.text[f.toks[m][2]:f.toks[m + 1][1]].strip() == ",":
                r = m  # "His rival, Ana Berg, received 47 percent": the name set off by commas
                while r > 0 and f.names[r - 1] and f.toks[r][1] - f.toks[r - 1][2] <= 1:
                    r -= 1
                if r > 0 and f.text[f.toks[r - 1][2]:f.toks[r][1]].strip() == ",":
                    return f.terms[m]
            return None
        if f.words[m] in CLAUSE_BREAK_WORDS or f.words[m] in reports or f.words[m] == "that":
            return None  # "Police in Oslo said 6 officers...", "the mayor announced that 6...": who reports a count is not whose it is
        if f.names[m]:
            if m >= 1 and f.words[m - 1] in ("the", "a", "an") and m + 1 < k and not f.names[m + 1] \
                    and f.terms[m + 1] is not None and f.toks[m + 1][0][:1].islower():
                continue  # "the Danish general election": a name that qualifies a noun is no subject
            return f.terms[m]
    return None


def _token_range(f: SentFeatures, span: tuple[int, int]) -> tuple[int, int]:
    """First and last token of a span."""
    starts, ends = token_bounds(f)
    first = bisect_left(starts, span[0])
    return first, max(first, bisect_right(ends, span[1]) - 1)  # the last token ending inside, if any


def _of_terms(f: SentFeatures, m: int, stop: int) -> set[str]:
    """Content terms of "of (the) X Y" from token m ("of"), before token ``stop``."""
    k = m + 1 + (m + 1 < len(f.toks) and f.words[m + 1] in ("the", "a", "an", "all"))
    out: set[str] = set()
    while k < min(stop, len(f.toks)) and len(out) < 2 and f.terms[k] and not f.names[k] and \
            f.toks[k][1] - f.toks[k - 1][2] <= 1:
        out.add(f.terms[k])  # type: ignore[arg-type]
        k += 1
    return out


@_memo
def _measure(f: SentFeatures, c: Count, reach: int) -> frozenset[str]:
    """What a percentage is a percentage of: "52 percent of the votes" -> vote, "a participation
    rate of 88 percent" -> particip, "the rate of reporting precincts reached 97 percent" -> report, precinct;
    "... and 88 percent abroad" takes the measure of the percentage it follows. Empty when
    nothing says."""
    if "percent" not in c.head:
        return frozenset()
    s, e = _token_range(f, c.span)
    n = len(f.toks)
    if e + 1 < n and f.words[e + 1] == "of":
        got = _of_terms(f, e + 1, n)
        if got:
            return frozenset(got)
    for m in range(s - 1, max(-1, s - 1 - reach), -1):
        if _GAP_STRONG.search(f.text[f.toks[m][2]:f.toks[m + 1][1]]) or f.words[m] in CLAUSE_BREAK_WORDS:
            break
        if f.words[m] in RATE_WORDS:
            out = set() if f.words[m] in GENERIC_RATE_WORDS else {f.terms[m]}
            if m > 0 and f.terms[m - 1] and not f.names[m - 1] and f.toks[m][1] - f.toks[m - 1][2] <= 1:
                out.add(f.terms[m - 1])  # "participation rate"
            if m + 1 < n and f.words[m + 1] == "of":
                out |= _of_terms(f, m + 1, s)  # "the rate of reporting precincts"
            out.discard(None)
            if out:
                return frozenset(out)  # type: ignore[arg-type]
            break
    # "... 94 percent at home and 61 percent abroad": the one before says
    before = [o for o in f.counts if o is not c and "percent" in o.head and o.span[1] <= c.span[0]]
    if before:
        o = before[-1]
        gap = f.text[o.span[1]:c.span[0]]
        g0, g1 = _token_range(f, (o.span[1], c.span[0]))
        if not _GAP_STRONG.search(gap) and len(gap.split()) <= 6 and not any(f.names[g0:g1 + 1]):
            return _measure(f, o, reach)  # not past a name: ", Erdogan won 52 percent" is another figure
    return frozenset()


@_memo
def _distance_role(f: SentFeatures, c: Count, _unused: int) -> str | None:
    """"covered" for a distance travelled ("advanced 200 km"), "left" for a distance still to go
    ("within 200 km of the city", "120 miles from the city"), else None; lengths only."""
    fc = unit_factor(c.unit) if c.unit else None
    if fc is None or fc[1] != "[length]":
        return None
    s, e = _token_range(f, c.span)
    m = s - 1
    while m >= 0 and f.words[m] in DISTANCE_LEAD_WORDS - {"to"}:
        m -= 1
    if m >= 0 and f.words[m] in REMAINING_BEFORE:
        return "left"
    k = e + 1
    while k < len(f.toks) and "(" in f.text[f.toks[k - 1][2]:f.toks[k][1]]:  # "200 km (124 miles) from"
        close = f.text.find(")", f.toks[k][1])
        while close >= 0 and k < len(f.toks) and f.toks[k][1] < close:
            k += 1
    if k < len(f.toks) and f.words[k] in REMAINING_AFTER and not _GAP_COMMA.search(f.text[f.toks[k - 1][2]:f.toks[k][1]]):
        return "left"
    while m >= 0 and f.words[m] in DISTANCE_LEAD_WORDS:
        m -= 1
    if m >= 0 and f.words[m] in MOTION_WORDS:
        return "covered"
    return None


def _distance_roles_of(f: SentFeatures) -> list[tuple[Count, str]]:
    """The counts of a sentence that have a :func:`_distance_role`, with it, in order (listed
    once per sentence, issue 15: most sentences have none)."""
    got = f.memo.get("distance_roles")
    if got is None:
        got = f.memo["distance_roles"] = [(c, r) for c in f.counts if (r := _distance_role(f, c, 0)) is not None]
    return got


def _distance_roles(a: SentFeatures, b: SentFeatures, sim: float, match_threshold: float, t: Tuning) -> list[Evidence]:
    """The same distance read as the way covered in one report and as the way left in the other
    ("advanced 200 km" / "within 200 km of the city"): a disagreement, however close the words."""
    if sim < match_threshold:
        return []
    roles_a = a.memo.get("distance_roles")  # _distance_roles_of's memo, read here (issue 15: every pair)
    if roles_a is None:
        roles_a = _distance_roles_of(a)
    if not roles_a:
        return []
    for ca, ra in roles_a:
        for cb, rb in _distance_roles_of(b):
            if rb == ra or counts_conflict(ca, cb, t.measure_tolerance, t.weak_count_max):
                continue
            return [Evidence("quantity", a.text[ca.span[0]:ca.span[1]], b.text[cb.span[0]:cb.span[1]], ca.span, cb.span,
                             note="the same distance, read as the way covered in one and the way left in the other")]
    return []


def result_stage(f: SentFeatures) -> str | None:
    """"early" or "final" when the sentence speaks of preliminary or official results, else None."""
    got = f.memo.get("stage", f)
    if got is not f:
        return got
    stage = None
    for k in range(len(f.words) - 1):
        if f.words[k + 1] in RESULT_NOUNS or (k + 2 < len(f.words) and f.words[k + 2] in RESULT_NOUNS):
            w = f.words[k]
            if k > 0 and w == "final" and f.words[k - 1] == "non" and f.toks[k][1] - f.toks[k - 1][2] == 1:
                w = "non-final"
            if w in STAGE_EARLY:
                stage = "early"
                break
            if w in STAGE_FINAL and not (k > 0 and f.words[k - 1] in ("non", "not", "un")):
                stage = "final"
                break
    f.memo["stage"] = stage
    return stage


@dataclass(frozen=True, slots=True)
class _CountCtx:
    """What the slot checks ask of one count, computed once per count (not once per pair)."""

    mode: str  # _mode
    scope: frozenset[str]  # _scope
    subject: str | None  # _subject
    head: frozenset[str]
    person: bool  # the head counts people
    around: frozenset[str]  # its own context, head and word before, generic and person heads left out
    near: frozenset[str]  # local terms (generic_head_radius) and head
    names: frozenset[str]  # local names (local_names_radius)
    affinity: frozenset[str]  # own context (count_context_radius) and head
    same_head: int  # counts of the sentence with the same first head word
    states: frozenset[str]  # what happened to the counted people ("dead", "missing"), from the head
    measure: frozenset[str]  # what a percentage is of (_measure)
    members_of: bool = False  # _members_of
    aged: str | None = None  # _aged


def _toll_floor(c: Count, span: float, least: float = 0.0) -> Count:
    """"at least 60 dead" read as the toll known then: [60, 60 * span]; from ``least`` up only
    ("killed at least one" says there were deaths, not how many)."""
    if c.hi == INF and c.lo > 0 and c.lo >= least and _states(c) & TOLL_STATES:
        return replace(c, hi=c.lo * span)
    return c


def _plain_head(term: str) -> str:
    """A head word read as a name only because it is capitalised ("100 Ambulances", "30 Fire
    Services teams", in lists written in title case) compares as the common word."""
    return stem(term[2:]) if term.startswith("N:") else term


def _count_ctx(f: SentFeatures, c: Count, t: Tuning) -> _CountCtx:
    head = frozenset(_plain_head(h) for h in c.head)
    around = (own_context(f, c, t.person_context_radius) | head | {c.pre}) - GENERIC_HEADS - PERSON_HEADS - {None}
    return _CountCtx(
        mode=_mode(f, c, t.mode_radius),
        scope=_scope(f, c, t.anchor_reach),
        subject=_subject(f, c, t.subject_reach),
        head=head,
        person=bool(head & PERSON_HEADS),
        around=frozenset(around),
        near=local_terms(f, c.span, t.generic_head_radius) | head,
        names=_own_names(f, c, t.local_names_radius),
        affinity=own_context(f, c, t.count_context_radius) | head,
        same_head=sum(1 for o in f.counts if o.head[:1] == c.head[:1]),
        states=_states(c),
        measure=_measure(f, c, t.measure_reach),
        members_of=_members_of(f, c),
        aged=_aged(f, c),
    )


def _aged(f: SentFeatures, c: Count) -> str | None:
    """Whose age a count gives when the noun follows it: "their 9-year-old daughter" ->
    "daughter" (the term right after "old"); None for "was 10 years old", "the 52-year-old was"."""
    if c.head[:2] != AGE_HEAD or len(c.head) < 3:
        return None
    ks = [k for k, x in enumerate(f.toks) if x[1] < c.span[1] and f.terms[k] == AGE_HEAD[1]]
    if not ks or ks[-1] + 1 >= len(f.terms):
        return None
    nxt = f.terms[ks[-1] + 1]
    return nxt if nxt == c.head[2] else None


def _members_of(f: SentFeatures, c: Count) -> bool:
    """"several members of the mayor's security detail": the count names the members of a
    group ("members" right before "of"), a part of the people involved, not their number."""
    if not c.head or c.head[0] not in MEMBER_HEADS:
        return False
    after = token_from(f, c.span[1])
    return after < len(f.toks) and f.words[after] == "of"


def _sibling_tokens(f: SentFeatures, c: Count) -> set[int]:
    """The tokens of the sentence's other counts ("14 Chileans, 9 Peruvians and 2 Bolivians"):
    a name counted beside a count is a part listed with it, not whose count it is."""
    return {k for o in f.counts if o is not c for k, x in enumerate(f.toks)
            if o.span[0] <= x[1] < o.span[1] and not (c.span[0] <= x[1] < c.span[1])}


def _own_names(f: SentFeatures, c: Count, radius: int) -> frozenset[str]:
    """:func:`local_names` of a count without the names counted by its siblings in a list."""
    names = local_names(f, c.span, radius)
    if not names or len(f.counts) < 2:
        return names
    sib = _sibling_tokens(f, c)
    if not sib:
        return names
    first, last = _token_range(f, c.span)
    keep = {f.terms[k] for k in range(max(0, first - radius), min(len(f.toks), last + radius + 1))
            if f.names[k] and k not in sib}
    return frozenset(n for n in names if n in keep)


def count_contexts(f: SentFeatures, t: Tuning) -> list[_CountCtx]:
    """The per-count contexts of a sentence, computed on first use."""
    got = f.memo.get("count_ctx")
    if got is None:
        got = f.memo["count_ctx"] = [_count_ctx(f, c, t) for c in f.counts]
    return got


def _different_subjects(a: SentFeatures, xa: _CountCtx, b: SentFeatures, xb: _CountCtx) -> bool:
    """:func:`different_subjects` with the spans of two counts, from their contexts. A name in
    both counts' heads, under two spellings ("9 Peruvians" / "11 Peruvian miners"), is what both
    count, not a subject of one."""
    both = xa.head & xb.head
    if not both:  # nothing counted by both (issue 15: most pairs): every name is its own
        return bool(xa.names - b.bag) and bool(xb.names - a.bag)

    def own(x: _CountCtx) -> frozenset[str]:
        return frozenset(n for n in x.names if not (n.startswith("N:") and _plain_head(n) in both))
    return bool(own(xa) - b.bag) and bool(own(xb) - a.bag)


def same_slot(a: SentFeatures, ca: Count, xa: _CountCtx, b: SentFeatures, cb: Count, xb: _CountCtx,
              sim: float, match_threshold: float, t: Tuning) -> bool:
    """Do two counts count the same thing? Same head noun (or the same word before:
    "magnitude 6.4" / "6.1-magnitude"); a generic head ("people", "percent", "euros") also
    needs a shared word nearby, unless the sentences are as close as a match; different
    names around them mean different subjects."""
    if a.art == b.art and (ca.weak or cb.weak):
        return False  # within one article, "a drone" is narration, not a count
    if xa.mode != xb.mode:
        return False
    if xa.scope != xb.scope:
        return False  # "47% of the votes at home" / "45% of the votes"
    if xa.states and xb.states and not xa.states & xb.states:
        return False  # "5,000 dead" / "5,000 people were missing"
    if bool(xa.states) != bool(xb.states) and (xa.person or xb.person):
        return False  # "thousands of people are missing" / "a city of 125,000 people"
    if xa.measure and xb.measure and not xa.measure & xb.measure:
        return False  # "the share of counted ballots reached 97%" / "a participation rate of 64%"
    for x, other in ((xa, b), (xb, a)):
        if x.aged and x.aged not in other.bag:
            return False  # "the child was 10" / "their 9-year-old daughter": an age is one person's (stop 25)
    sa, sb = xa.subject, xb.subject
    if sa and sb and sa != sb:
        return False  # "Erdogan won 52 percent" / "Kilicdaroglu got 48 percent"
    shared = set(xa.head & xb.head)
    if ca.pre and ca.pre == cb.pre:
        shared.add(ca.pre)  # a weak count never has a word before it
    cap_a, cap_b = _capacity(ca), _capacity(cb)
    if cap_a and cap_b:
        shared.add("seat")  # "can hold 5,500 people" / "a 7,000-seat hall": what the place holds
    elif cap_a != cap_b and (xa.person or xb.person):
        return False  # "can hold 7,000 people" / "2,000 people were inside": room, not a crowd
    if xa.states & xb.states and (xa.person or xb.person):
        # The same fate said by the verb before one count and by the head of the other ("the
        # flood killed 12 people" / "the flood left 15 dead"): counts under other names.
        shared |= {x for x in (*ca.head, ca.pre) if x in STATE_TERMS} & {x for x in (*cb.head, cb.pre) if x in STATE_TERMS}
        if "rescued" in xa.states & xb.states:
            shared.add("rescu")  # "pulled 96 survivors out" / "rescued 80 people" (stop 25)
    if ca.unit and cb.unit and same_dimension(ca, cb) and not _comparable_measures(a, ca, b, cb, t):
        return False
    if shared and shared <= STATE_TERMS.keys():
        # Only the fate in common ("seven security guards were injured" / "dozens injured"): a
        # named group that is not a word for people may be a part of the toll, not the toll.
        ra, rb = xa.head - STATE_TERMS.keys() - GENERIC_HEADS, xb.head - STATE_TERMS.keys() - GENERIC_HEADS
        # The cluster's own people (a group named in a large share of its sentences: the
        # migrants of a shipwreck story) are the whole toll, as "people" is (stop 23).
        ra = {h for h in ra if not specificity.common(a, h)}
        rb = {h for h in rb if not specificity.common(b, h)}
        if xa.members_of != xb.members_of:
            return False  # "dozens injured" / "injured several members of the mayor's guard": a part (stop 25)
        if ra and rb and not ra & rb and not (ra & PERSON_HEADS and rb & PERSON_HEADS):
            return False
        if bool(ra) != bool(rb) and not (ra | rb) & PERSON_HEADS:
            return False
    measures = not shared and same_dimension(ca, cb)  # "200 km" / "120 miles"
    if not shared and not measures:
        if not _people_tied(xa, xb):
            return False
    elif measures or shared <= GENERIC_HEADS:
        if not ((xa.near & xb.near) - GENERIC_HEADS) and not xa.measure & xb.measure:
            # Nothing in common around them: the sentences must be as close as a match, and
            # each hold only one such count (with two percentages on a side, which is which?).
            ambiguous = xa.same_head > 1 or xb.same_head > 1
            if sim < match_threshold or (ambiguous and not (sa and sa == sb)):
                return False
    return not _different_subjects(a, xa, b, xb)


def _capacity(c: Count) -> bool:
    """A count of what a place can hold ("a 7,000-seat hall", "can hold 5,500 people")."""
    return bool(CAPACITY_HEADS.intersection(c.head)) or c.pre in CAPACITY_VERBS


def _part_within(part: Count, whole: Count) -> bool:
    """``part`` counts a kind of what ``whole`` counts, one word before the same noun ("two
    freight barges" / "several barges"), and no more than ``whole`` can be: a part of the whole,
    not another figure for it (issue 12, stop 23). The noun is a thing's: counts of people, of
    what befell them and generic heads read their kind from the words after the number
    ("people were missing", "individuals injured"), not a qualifier before a noun."""
    if part.unit or whole.unit or len(part.head) < 2 or not whole.head:
        return False
    noun, qualifier = whole.head[0], part.head[0]
    if noun in PERSON_HEADS or noun in GENERIC_HEADS or noun in STATE_TERMS or \
            qualifier in GENERIC_HEADS or qualifier in STATE_TERMS:
        return False
    return part.head[1] == noun and qualifier not in whole.head and part.hi <= whole.hi


def counts_disagree(ca: Count, cb: Count, t: Tuning) -> bool:
    """Do two counts give figures that cannot both be right (read as the same slot's figures)?
    A part within a whole never disagrees with it; a toll "at least N" is the figure known then.
    Whether they count the same thing is :func:`same_slot`'s question, not this one."""
    if _part_within(ca, cb) or _part_within(cb, ca):
        return False
    if ca.exact and cb.exact and not (ca.weak or cb.weak or ca.vague or cb.vague or ca.unit or cb.unit) \
            and ca.hi != INF and cb.hi != INF:
        # two plain figures (issue 15: most pairs): counts_conflict's last test is the answer, and
        # no bound or floor test below applies to exact figures
        return ca.hi < cb.lo or cb.hi < ca.lo
    if counts_conflict(ca, cb, t.measure_tolerance, t.weak_count_max):
        return True
    if bounds_differ(ca, cb, t.bound_pair_min):
        return True  # "at least 40" / "at least 55": two reports' figures (issue 12, stop 23)
    if (ca.hi == INF or cb.hi == INF) and _states(ca) & _states(cb) & TOLL_STATES:
        return counts_conflict(_toll_floor(ca, t.toll_floor_span, t.toll_floor_min),
                               _toll_floor(cb, t.toll_floor_span, t.toll_floor_min),
                               t.measure_tolerance, t.weak_count_max)
    if (ca.hi == INF) != (cb.hi == INF) and (ca.exact or cb.exact) and not (_states(ca) or _states(cb)):
        # Any other count given as a floor is also the figure known then ("slid more than 20
        # percent" / "slid 35 percent"), from toll_floor_min up (issue 12, stop 23).
        fa = replace(ca, hi=ca.lo * t.toll_floor_span) if ca.hi == INF and ca.lo >= t.toll_floor_min else ca
        fb = replace(cb, hi=cb.lo * t.toll_floor_span) if cb.hi == INF and cb.lo >= t.toll_floor_min else cb
        return counts_conflict(fa, fb, t.measure_tolerance, t.weak_count_max)
    return False


# issue 15 (speed): whether two counts disagree (:func:`counts_disagree`) reads their values,
# never their spans; a sentence's list of count values gets one small int (its signature, the
# ids only ever grow, as _TERM_IDS'), and the disagreements of two signatures are worked out once
# per Tuning object (found by identity: hashing a Tuning is slow) and looked up by every pair.
_COUNT_SIGS: dict[tuple, int] = {}
_NEXT_SIG = itertools.count(1)
_DISAGREE: dict[int, tuple[Tuning, dict]] = {}
_DISAGREE_MAX = 1 << 19  # pairs of signatures kept per Tuning before the table starts again


def _count_sig(f: SentFeatures) -> int:
    got = f.memo.get("count_sig")
    if got is None:
        key = tuple((c.lo, c.hi, c.head, c.exact, c.weak, c.pre, c.unit, c.vague) for c in f.counts)
        got = f.memo["count_sig"] = _COUNT_SIGS.get(key) or _COUNT_SIGS.setdefault(key, next(_NEXT_SIG))
    return got


def _disagreements(a: SentFeatures, b: SentFeatures, t: Tuning) -> tuple[bool, tuple[tuple[bool, ...], ...]]:
    """Whether some count of ``a`` disagrees with some count of ``b``, and per count of ``a`` per
    count of ``b`` whether they do (:func:`counts_disagree`)."""
    got = _DISAGREE.get(id(t))
    if got is None or got[0] is not t:
        if len(_DISAGREE) > 8:
            _DISAGREE.clear()
        got = _DISAGREE[id(t)] = (t, {})
    table = got[1]
    key = (a.memo.get("count_sig") or _count_sig(a), b.memo.get("count_sig") or _count_sig(b))  # ids from 1: issue 15
    found = table.get(key)
    if found is None:
        if len(table) > _DISAGREE_MAX:
            table.clear()
        rows = tuple(tuple(counts_disagree(ca, cb, t) for cb in b.counts) for ca in a.counts)
        found = table[key] = (any(map(any, rows)), rows)
    return found


def count_evidence(a: SentFeatures, b: SentFeatures, sim: float, match_threshold: float, t: Tuning) -> list[Evidence]:
    if not (a.counts and b.counts):
        return []  # no pair of counts (issue 15: most pairs)
    some, dis = _disagreements(a, b, t)
    if not some:
        return _distance_roles(a, b, sim, match_threshold, t)  # else only a conflicting pair of counts can give evidence
    if len(a.counts) == 1 and len(b.counts) == 1:
        # one count on each side, and they disagree (issue 15: most pairs with counts): the steps
        # below for the one pair there is
        ca, cb = a.counts[0], b.counts[0]
        xa, xb = a.memo.get("count_ctx") or count_contexts(a, t), b.memo.get("count_ctx") or count_contexts(b, t)
        if not same_slot(a, ca, xa[0], b, cb, xb[0], sim, match_threshold, t):
            return []
        if ca.exact and cb.exact and ca.lo == cb.lo and ca.unit == cb.unit and set(ca.head) & set(cb.head):
            return []  # the same figure of the same thing
        kind = "number" if (ca.exact or ca.weak) and (cb.exact or cb.weak) else "quantity"
        return [_new_evidence(kind, a.text[ca.span[0]:ca.span[1]], b.text[cb.span[0]:cb.span[1]], ca.span, cb.span)]
    out: list[Evidence] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    xa_all, xb_all = count_contexts(a, t), count_contexts(b, t)
    pairs = [(ia, ib) for ia, ca in enumerate(a.counts) for ib, cb in enumerate(b.counts)
             if same_slot(a, ca, xa_all[ia], b, cb, xb_all[ib], sim, match_threshold, t)]
    if len(pairs) > 1:
        # The best-matched counts first: "Rail has offered 5 percent" pairs with "Rail said it had
        # offered a 4 percent rise", not with "the union wants 9 percent".
        def affinity(p: tuple[int, int]) -> int:
            return len(xa_all[p[0]].affinity & xb_all[p[1]].affinity)
        pairs.sort(key=lambda p: (-affinity(p), p))
    # The same figure of the same thing on both sides is the same fact, whatever the words around it.
    for ia, ca in enumerate(a.counts):
        for ib, cb in enumerate(b.counts):
            if ca.exact and cb.exact and ca.lo == cb.lo and ca.unit == cb.unit and set(ca.head) & set(cb.head):
                used_a.add(ia)
                used_b.add(ib)
    # A count that agrees with a count of the other sentence settles that slot.
    for ia, ib in pairs:
        if not dis[ia][ib]:
            used_a.add(ia)
            used_b.add(ib)
    for ia, ib in pairs:
        ca, cb = a.counts[ia], b.counts[ib]
        if ia in used_a or ib in used_b or not dis[ia][ib]:
            continue
        kind = "number" if (ca.exact or ca.weak) and (cb.exact or cb.weak) else "quantity"
        out.append(_new_evidence(kind, a.text[ca.span[0]:ca.span[1]], b.text[cb.span[0]:cb.span[1]], ca.span, cb.span))
        used_a.add(ia)
        used_b.add(ib)
    return out


def distinct_figures(a: SentFeatures, b: SentFeatures, t: Tuning) -> bool:
    """Different figures of the same kind for different parts or different people ("52% of the
    votes" / "47% of the votes at home"): not a conflict, and not one claim either.
    Preliminary results on one day and the official ones on another are two announcements too."""
    if _two_stages(a, b):
        return True
    if not (a.counts and b.counts):
        return False
    states_a, exact_a = a.memo.get("figure_forms") or _figure_forms(a, t)  # the memo read here (issue 15)
    states_b, exact_b = b.memo.get("figure_forms") or _figure_forms(b, t)
    if states_a and states_b and states_a.isdisjoint(states_b):
        # The same figure counting two different fates ("5,000 dead" / "5,000 missing"), and no
        # fate counted on both sides: two different claims, however alike the words.
        return True
    for lo_a, head_a, scope_a, sa in exact_a:
        for lo_b, head_b, scope_b, sb in exact_b:
            if lo_a == lo_b or head_a.isdisjoint(head_b):
                continue
            if scope_a != scope_b:
                return True
            if sa and sb and sa != sb:
                return True
    return False


def _figure_forms(f: SentFeatures, t: Tuning) -> tuple[frozenset[str], tuple[tuple, ...]]:
    """What :func:`distinct_figures` compares, once per sentence (issue 15): the fates its counts
    count, all together (two sentences share one fate exactly when a count of each does), and
    (value, head, scope, subject) of each exact count."""
    got = f.memo.get("figure_forms")
    if got is None:
        xs = count_contexts(f, t)
        got = f.memo["figure_forms"] = (frozenset().union(*(x.states for x in xs)),
                                        tuple((c.lo, x.head, x.scope, x.subject) for c, x in zip(f.counts, xs) if c.exact))
    return got


RARE_FIGURE_MIN = 100  # an exact figure this large and not round is a claim's anchor whatever names stand near it
HEDGED_MEASURE_MIN = 2.5  # the least lower bound of a hedged measurement that makes a claim in common


def same_figure(a: SentFeatures, b: SentFeatures, sim: float, match_threshold: float, t: Tuning) -> bool:
    """The same distinctive figure of the same thing on both sides ("a city of 125,000 people" /
    "home to 125,000 residents"): a claim in common, however different the rest."""
    same_value = _same_value
    for ca in a.counts:
        if (ca.lo < t.figure_min and not ca.unit) or ca.unit in ("hour", "minute"):
            continue  # small counts and durations ("24 hours") recur for unrelated reasons
        for cb in b.counts:
            if cb.unit != ca.unit or not (same_value(ca, cb) or same_value(cb, ca)):
                continue
            ha, hb = set(ca.head), set(cb.head)
            # a large uneven figure is an anchor of its own: the names around it may be those of
            # other details of one claim ("from Rome with 143 people" / "the Air X flight, carrying
            # 143 passengers")
            rare = ca.exact and cb.exact and ca.lo >= RARE_FIGURE_MIN and ca.lo % 10 != 0
            if (ha & hb or (ha & PERSON_HEADS and hb & PERSON_HEADS)) and \
                    (rare or not different_subjects(a, b, ca.span, cb.span, t.local_names_radius)):
                return True
    return False


def _same_value(x: Count, y: Count) -> bool:
    """:func:`same_figure`'s test of two values: "125,000" / "around 125,000"."""
    if x.unit and not (x.exact or y.exact) and not (x.vague or y.vague):
        # one hedged measurement in both ("around 8 metres" / "about eight metres"), not a
        # small round one that recurs ("about a kilometre")
        return HEDGED_MEASURE_MIN <= x.lo == y.lo and x.hi == y.hi < INF
    return x.exact and x.hi != INF and (y.lo == x.lo if y.exact else (0 < y.lo <= x.lo <= y.hi < INF))


def _two_stages(a: SentFeatures, b: SentFeatures) -> bool:
    """An early and a final result, each placed on a day, not the same day."""
    sa, sb = a.memo.get("stage", a), b.memo.get("stage", b)  # result_stage's memo, read here (issue 15)
    if sa is a:
        sa = result_stage(a)
    if sb is b:
        sb = result_stage(b)
    if not (sa and sb and sa != sb):
        return False
    for kind in ("weekday", "date"):
        da, db = a.event_dates.get(kind), b.event_dates.get(kind)
        if da and db and all(dates_conflict(x, y) for x in da for y in db):
            return True
    return False


def _date_forms(f: SentFeatures) -> tuple[frozenset[int], bool, tuple[tuple, ...]]:
    """A sentence's event days in compact form, worked out once (issue 15): its weekdays, whether
    one of its dates is open (``date.min``: agrees with any date), its dates' (lo, hi)."""
    got = f.memo.get("date_forms")
    if got is None:
        days = f.event_dates.get("date") or ()
        got = f.memo["date_forms"] = (frozenset(d.weekday for d in f.event_dates.get("weekday") or ()),
                                      any(d.lo == dt.date.min for d in days), tuple((d.lo, d.hi) for d in days))
    return got


def _dates_agree(a: SentFeatures, b: SentFeatures, kinds: list[str]) -> bool:
    """Has each of ``kinds`` a pair of days, one from each sentence, that :func:`dates_conflict`
    does not set apart (then date_evidence finds nothing)? The same answer from the compact forms."""
    fa, fb = _day_forms(a), _day_forms(b)
    return all(_kind_agrees(fa, fb, k) for k in kinds)


_DAY_KINDS = {1: ("weekday",), 2: ("date",), 3: ("weekday", "date")}


def _day_forms(f: SentFeatures) -> tuple[int, frozenset[int], bool, tuple[tuple, ...]]:
    """:func:`_date_forms` after a bit mask of the kinds of days the sentence names (1 weekday,
    2 date), in one look-up per sentence (issue 15: every pair asks)."""
    got = f.memo.get("day_forms")
    if got is None:
        ed = f.event_dates
        got = f.memo["day_forms"] = ((1 if ed.get("weekday") else 0) | (2 if ed.get("date") else 0), *_date_forms(f))
    return got


def _kind_agrees(fa: tuple, fb: tuple, kind: str) -> bool:
    """:func:`_dates_agree` for one kind, from two sentences' :func:`_day_forms`."""
    if kind == "weekday":
        return not fa[1].isdisjoint(fb[1])
    return fa[2] or fb[2] or any(not (x[1] < y[0] or y[1] < x[0]) for x in fa[3] for y in fb[3])


def _days_agree(a: SentFeatures, b: SentFeatures) -> tuple[str, ...] | None:
    """The kinds of days both sentences name, in date_evidence's order, or None when there are
    none or when each kind has a pair of days that agree (:func:`_dates_agree`)."""
    fa, fb = a.memo.get("day_forms") or _day_forms(a), b.memo.get("day_forms") or _day_forms(b)  # the memo read here (issue 15)
    m = fa[0] & fb[0]
    if not m:
        return None  # nothing to compare (issue 15: most pairs)
    if m == 1:  # weekdays only (issue 15: the usual case, in one look)
        return None if not fa[1].isdisjoint(fb[1]) else _DAY_KINDS[1]
    kinds = _DAY_KINDS[m]
    return None if _dates_agree(a, b, kinds) else kinds  # None: each kind has a day both name


def date_evidence(a: SentFeatures, b: SentFeatures, sim: float, t: Tuning) -> list[Evidence]:
    """Weekdays are compared with weekdays, dates with dates; a shared one means agreement."""
    out: list[Evidence] = []
    kinds = _days_agree(a, b)
    if kinds is None:
        return out
    r = t.local_terms_radius
    sa, sb = a.memo.get("stage", a), b.memo.get("stage", b)  # result_stage's memo, read here (issue 15)
    if sa is a:
        sa = result_stage(a)
    if sb is b:
        sb = result_stage(b)
    if sa and sb and sa != sb:
        return out  # preliminary results on one day, the official ones on another: two announcements
    for kind in kinds:
        # every pair of days of this kind disagrees: the compact forms' answer (_dates_agree),
        # already known when the pair names one kind of day (issue 15)
        if len(kinds) > 1 and _kind_agrees(_day_forms(a), _day_forms(b), kind):
            continue
        da_list = a.event_dates[kind]
        db_list = b.event_dates[kind]
        if len(da_list) == 1 and len(db_list) == 1:  # issue 15: most pairs
            da, db = da_list[0], db_list[0]
            overlap = len(local_terms(a, da.span, r) & local_terms(b, db.span, r))
        else:
            pairs = [(x, y) for x in da_list for y in db_list]
            overlap, neg_n = max((len(local_terms(a, da.span, r) & local_terms(b, db.span, r)), -n)
                                 for n, (da, db) in enumerate(pairs))
            da, db = pairs[-neg_n]
        if overlap == 0 and sim < t.date_min_sim:
            continue
        out.append(_new_evidence(kind, a.text[da.span[0]:da.span[1]], b.text[db.span[0]:db.span[1]], da.span, db.span))
    return out


def _clock_times(f: SentFeatures) -> list:
    """The sentence's times of day (:func:`~reviewer.engine.dates.read_clock_times`), read once;
    a time the report was made at ("police said at 9 a.m.") is not the time of the event."""
    got = f.memo.get("clock")
    if got is None:
        got = f.memo["clock"] = [c for c in read_clock_times(f.text, f.lang) if not is_reporting_date(f, c.span)] \
            if any(map(str.isdigit, f.text)) or may_name_day_part(f.text, f.lang) else []
    return got


def time_evidence(a: SentFeatures, b: SentFeatures, sim: float, t: Tuning) -> list[Evidence]:
    """Two times of day for the same happening ("the tanker struck the pier at 2:15 a.m." / "...
    at 3:40 a.m.", "... in the evening"): more than clock_tolerance minutes apart (clock_hedge_tolerance when one is
    hedged: "around 9 pm", "shortly after 2 a.m."), in no two named time zones. A time both
    share settles it; the pair is the one with the most words in common around it, and needs
    such a word or sentences as close as date_min_sim."""
    ta = _clock_times(a)
    if not ta:
        return []  # issue 15: most sentences name no time of day; b's are not read then
    tb = _clock_times(b)
    if not tb:
        return []
    best = None
    for x in ta:
        around_x = local_terms(a, x.span, t.local_terms_radius)
        for y in tb:
            tol = t.clock_hedge_tolerance if x.hedged or y.hedged else t.clock_tolerance
            if clock_gap(x, y) <= tol:
                return []  # a time both report
            if x.zone != y.zone:
                continue  # "14:00 GMT" / "5 p.m.": two clocks
            overlap = len(around_x & local_terms(b, y.span, t.local_terms_radius))
            if best is None or overlap > best[0]:
                best = (overlap, x, y)
    if best is None or (best[0] == 0 and sim < t.date_min_sim):
        return []
    _o, x, y = best
    if (x.width or y.width) and (best[0] == 0 or sim < t.date_min_sim):
        return []  # a part of the day ("on Sunday morning") is loose: a word in common and close sentences
    return [Evidence("other", a.text[x.span[0]:x.span[1]], b.text[y.span[0]:y.span[1]], x.span, y.span,
                     note="the times of day differ (time zones may differ)")]


def _placed_years(f: SentFeatures) -> list[tuple[int, int, str]]:
    """(year, token index, the content term before it) of each year the sentence places a fact in
    ("the span opened in 1981" -> (1981, k, "open")), read once."""
    got = f.memo.get("placed_years")
    if got is None:
        got = []
        if f.years:
            for k, (surf, _s, _e) in enumerate(f.toks):
                if not (surf.isdecimal() and int(surf) in f.years):  # "²" is a digit but no number
                    continue
                m = k - 1
                while m >= 0 and f.terms[m] is None and k - m <= 3:
                    m -= 1
                if m >= 0 and f.terms[m] is not None and not f.names[m]:
                    got.append((int(surf), k, f.terms[m]))
        f.memo["placed_years"] = got
    return got


_BOUND_YEAR_MIN, _BOUND_YEAR_MAX = TUNING.year_min, TUNING.year_max


def _bound_years(f: SentFeatures) -> list[tuple[int, int, str, str]]:
    """(year, token index, bound word, content term before) of each year that bounds a span
    ("barred from office until 2031" -> (2031, k, "until", "offic")), read once."""
    got = f.memo.get("bound_years")
    if got is None:
        got = []
        bounds = folded_phrases(f.lang, "YEAR_BOUNDS")  # the sentence's own language (stop 24)
        for k, (surf, _s, _e) in enumerate(f.toks):
            if k < 2 or len(surf) != 4 or not surf.isdecimal():
                continue
            b = phrase_before(f.words, k, bounds)
            if b is None:
                continue
            if not _BOUND_YEAR_MIN <= int(surf) <= _BOUND_YEAR_MAX or (
                    k + 1 < len(f.toks) and f.terms[k + 1] is not None and not f.text[_e:f.toks[k + 1][1]].strip()):
                continue  # "until 0600" is a time; "through 2000 homes" counts homes
            m = b - 1
            while m >= 0 and f.terms[m] is None and b - m <= 3:
                m -= 1
            if m >= 0 and f.terms[m] is not None and not f.names[m]:
                got.append((int(surf), k, " ".join(f.words[b:k]), f.terms[m]))
        f.memo["bound_years"] = got
    return got


def _bound_year_evidence(a: SentFeatures, b: SentFeatures) -> list[Evidence]:
    """One span bounded by two different years ("barred from office until 2031" / "... until
    2046"): one such year on each side, after the same bound word and the same term (issue 12,
    stop 23: like two floors of one count, two reports' figures)."""
    ya, yb = _bound_years(a), _bound_years(b)
    if len(ya) != 1 or len(yb) != 1:
        return []
    (va, ka, ba, wa), (vb, kb, bb, wb) = ya[0], yb[0]
    if va == vb or ba != bb or wa != wb:
        return []
    sa, sb = (a.toks[ka][1], a.toks[ka][2]), (b.toks[kb][1], b.toks[kb][2])
    return [Evidence("date", a.text[sa[0]:sa[1]], b.text[sb[0]:sb[1]], sa, sb, note="the years differ")]


def year_evidence(a: SentFeatures, b: SentFeatures, sim: float, match_threshold: float) -> list[Evidence]:
    """One thing placed in two different years ("the span opened in 1981" / "... in 1979"):
    sentences as close as a match, one such year on each side, the same word before it, and no
    year the two share."""
    if sim < match_threshold:
        return []
    if not (a.years and b.years) or a.years & b.years:
        return _bound_year_evidence(a, b)  # issue 15: the cheap tests first (a sentence with no year places none)
    ya, yb = _placed_years(a), _placed_years(b)
    if len(ya) != 1 or len(yb) != 1:
        return []
    (va, ka, wa), (vb, kb, wb) = ya[0], yb[0]
    if va == vb or wa != wb:
        return []
    sa, sb = (a.toks[ka][1], a.toks[ka][2]), (b.toks[kb][1], b.toks[kb][2])
    return [Evidence("date", a.text[sa[0]:sa[1]], b.text[sb[0]:sb[1]], sa, sb, note="the years differ")]


def negation_evidence(a: SentFeatures, b: SentFeatures, sim: float, t: Tuning, keep=None) -> list[Evidence]:
    """The same predicate asserted in one sentence and denied in the other. A denial by a
    prefix ("unharmed") is weaker evidence than a cue word ("not", "nobody") and needs
    more similar sentences. ``keep(x, y, term, span)``, when given, must accept a denial: the
    search goes on past one it refuses, in both sentences, so that whether a pair has a denial
    does not hang on which of the two comes first."""
    for x, y, flip in ((a, b, False), (b, a, True)):
        for term, span in x.negated.items():
            words = x.text[span[0]:span[1]]
            if " " not in words and words.lower().startswith("un") and sim < t.prefix_negation_min_sim:
                continue
            cue_end = span[0] + len(words.split()[0])
            if _NEGATION_EXCEPTION.match(x.text[cue_end:cue_end + t.negation_exception_chars]):
                continue
            if term in y.negated:
                continue
            # The other sentence must assert it: an occurrence outside any negation's reach
            # ("no group immediately claimed responsibility" denies "responsibility" too).
            ks = [k for k, term_y in enumerate(y.terms) if term_y == term and k not in y.neg_zone]
            if not ks:
                continue
            yspan = (y.toks[ks[0]][1], y.toks[ks[0]][2])
            if different_subjects(x, y, span, yspan, t.subject_radius):
                continue
            if keep is not None and not keep(x, y, term, span):
                continue
            ys = y.text[yspan[0]:yspan[1]]
            if flip:
                return [Evidence("negation", ys, words, yspan, span)]
            return [Evidence("negation", words, ys, span, yspan)]
    return []


def _phrase_at(f: SentFeatures, phrases: tuple) -> tuple[int, int] | None:
    """Token span (first, last) of the first of ``phrases`` in the sentence, or None."""
    for k in range(len(f.words)):
        for p in phrases:
            if tuple(f.words[k:k + len(p)]) == p:
                return k, k + len(p) - 1
    return None


_ORDER_WORDS = frozenset(p[-1] for p in SIMULTANEOUS + SEQUENCE_CUES)


def _order(f: SentFeatures) -> tuple[str, tuple[int, int]] | None:
    """("together", span) for "at the same time", ("sequence", span) for "broke first", "one
    after the other"; a sentence-opening "At the same time," links sentences, it orders nothing."""
    got = f.memo.get("order", f)
    if got is not f:
        return got
    out = None
    if _ORDER_WORDS.isdisjoint(f.words):
        f.memo["order"] = out
        return out
    sim = _phrase_at(f, SIMULTANEOUS)
    if sim is not None and sim[0] > 1:
        out = ("together", (f.toks[sim[0]][1], f.toks[sim[1]][2]))
    else:
        for k in range(1, len(f.words)):
            for p in SEQUENCE_CUES:
                if tuple(f.words[k:k + len(p)]) != p:
                    continue
                if p == ("first",):
                    nxt = f.text[f.toks[k][2]:f.toks[k][2] + 1]
                    if f.words[k - 1] in NOT_SEQUENCE_BEFORE or f.terms[k - 1] is None or not (
                            nxt in (",", ".", ";") or (k + 1 < len(f.words) and f.words[k + 1] in ("and", "before"))):
                        continue  # "the first", "first responders": not an order of events
                out = ("sequence", (f.toks[k][1], f.toks[k + len(p) - 1][2]))
                break
            if out:
                break
    f.memo["order"] = out
    return out


def sequence_evidence(a: SentFeatures, b: SentFeatures, sim: float, t: Tuning) -> list[Evidence]:
    """"The two dams collapsed at the same time" / "the upper dam broke first": one report has
    the things happen together, the other one after the other."""
    oa, ob = _order(a), _order(b)
    if not (oa and ob and oa[0] != ob[0]):
        return []
    if different_subjects(a, b, oa[1], ob[1], t.subject_radius):
        return []
    return [Evidence("other", a.text[oa[1][0]:oa[1][1]], b.text[ob[1][0]:ob[1][1]], oa[1], ob[1],
                     note="one report has them happen together, the other one after the other")]


def _antonym_terms(f: SentFeatures, ant: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(token index, term) of the sentence's terms that have antonyms, found once (issue 15)."""
    got = f.memo.get("antonym_terms")
    if got is None:
        got = f.memo["antonym_terms"] = [(k, x) for k, x in enumerate(f.terms) if x is not None and x in ant]
    return got


def antonym_evidence(a: SentFeatures, b: SentFeatures, t: Tuning) -> list[Evidence]:
    """"Two officials were acquitted" / "two officials were convicted": words that cannot both
    hold of the same thing, each missing from the other sentence."""
    terms = a.memo.get("antonym_terms")  # _antonym_terms' memo, read here (issue 15: every pair)
    ant = antonyms()
    for ka, ta in (_antonym_terms(a, ant) if terms is None else terms):
        if ta in b.bag or ant[ta].isdisjoint(b.bag):
            continue  # issue 15 (speed): none of its antonyms is a term of b (the scan below finds none)
        for kb, tb in enumerate(b.terms):
            if tb in ant[ta] and tb not in a.bag:
                span_a, span_b = (a.toks[ka][1], a.toks[ka][2]), (b.toks[kb][1], b.toks[kb][2])
                if different_subjects(a, b, span_a, span_b, t.subject_radius):
                    continue
                return [_new_evidence("other", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b)]
    return []


_OPPOSITE: dict[str, frozenset[str]] = {}
for _x, _y in RELATION_OPPOSITES:
    _OPPOSITE[_x] = _OPPOSITE.get(_x, frozenset()) | {_y}
    _OPPOSITE[_y] = _OPPOSITE.get(_y, frozenset()) | {_x}


def _relations(f: SentFeatures) -> dict[tuple[str, str], tuple[tuple[int, int], str | None]]:
    """(relation word, its object's first content term) -> (span of the relation and object, the
    content term right before the relation or None), for each relation word of RELATION_OPPOSITES
    ("fled outside the court" -> ("outside", "court"): (span, "flee")), read once."""
    got = f.memo.get("relations")
    if got is None:
        got = {}
        if not _OPPOSITE.keys().isdisjoint(f.words):
            n = len(f.words)
            for k, w in enumerate(f.words):
                if w not in _OPPOSITE:
                    continue
                m = k + 1
                while m < n and m <= k + 3 and f.words[m] in RELATION_SKIP and f.toks[m][1] - f.toks[m - 1][2] <= 1:
                    m += 1
                if m < n and f.terms[m] is not None and f.toks[m][1] - f.toks[m - 1][2] <= 1:
                    before = f.terms[k - 1] if k and f.toks[k][1] - f.toks[k - 1][2] <= 1 else None
                    got.setdefault((w, f.terms[m]), ((f.toks[k][1], f.toks[m][2]), before))
        f.memo["relations"] = got
    return got


def relation_evidence(a: SentFeatures, b: SentFeatures, t: Tuning) -> list[Evidence]:
    """One place or happening, two opposite relations to it ("arrested inside the court" /
    "arrested outside the court"): the same object after each, and neither sentence has the
    other's relation to it. Relations of time need the same word right before them too: one
    storm can come after one thing and before another ("fled before the storm" / "returned
    after the storm" is no disagreement)."""
    ra = _relations(a)
    if not ra:
        return []
    rb = _relations(b)
    for (wa, obj), (span_a, before_a) in ra.items():
        for wb in _OPPOSITE[wa]:
            got = rb.get((wb, obj))
            if got is None or (wa, obj) in rb or (wb, obj) in ra:
                continue
            span_b, before_b = got
            if wa in RELATIONS_OF_TIME and (before_a is None or before_a != before_b):
                continue
            if different_subjects(a, b, span_a, span_b, t.subject_radius):
                continue
            return [Evidence("other", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b,
                             note="one place or happening, two opposite relations to it")]
    return []


# One small int per term (issue 15): the edit script of two lists of ints is the edit script of
# the terms (it depends only on which elements are equal) and is cheaper for rapidfuzz to read.
# The ids only ever grow (sentences keep theirs in their memo, so the table is never cleared), and
# a new id comes from a counter, not from the table's size: two alignments in two threads of one
# process never give two terms one id (``next`` and ``setdefault`` are each atomic).
_TERM_IDS: dict[str, int] = {}
_NEXT_ID = itertools.count(1)


def _term_ids(terms: list[str]) -> list[int]:
    ids = _TERM_IDS
    return [ids.get(x) or ids.setdefault(x, next(_NEXT_ID)) for x in terms]


def _term_run(f: SentFeatures) -> tuple[list[int], list[str], frozenset[str], frozenset[str], list[int]]:
    """The sentence's content terms for :func:`entity_evidence`, computed once (issue 15): their
    token indices, the terms, their set, the set of those that are names, and the terms' ids."""
    got = f.memo.get("term_run")
    if got is None:
        ia = [k for k, x in enumerate(f.terms) if x is not None]
        sa = [f.terms[k] for k in ia]
        got = f.memo["term_run"] = (ia, sa, frozenset(sa), frozenset(f.terms[k] for k in ia if f.names[k]),
                                    _term_ids(sa))
    return got


def entity_evidence(a: SentFeatures, b: SentFeatures, t: Tuning) -> list[Evidence]:
    """A name replaced by another in the same slot: equal words on both sides, a short swap."""
    ia, sa, set_a, names_a, ids_a = a.memo.get("term_run") or _term_run(a)  # the memo read here (issue 15)
    ib, sb, set_b, names_b, ids_b = b.memo.get("term_run") or _term_run(b)
    if names_a <= set_b or names_b <= set_a:
        return []  # a swap needs a name on each side that the other sentence lacks
    ops = Levenshtein.opcodes(ids_a, ids_b).as_list()
    for n in range(1, len(ops) - 1):  # a replacement with an equal run on each side: not the first nor the last
        tag, a0, a1, b0, b1 = ops[n]
        if tag != "replace":
            continue
        if ops[n - 1][0] != "equal" or ops[n + 1][0] != "equal" or a1 - a0 > t.entity_swap_max or b1 - b0 > t.entity_swap_max:
            continue
        ka = [ia[k] for k in range(a0, a1) if a.names[ia[k]] and a.terms[ia[k]] not in set_b]
        kb = [ib[k] for k in range(b0, b1) if b.names[ib[k]] and b.terms[ib[k]] not in set_a]
        after = sa[a1] if a1 < len(sa) else ""
        if after and stem(after.removeprefix("N:").lower()) in BODY_HEADS:
            continue  # "the Emergencies Ministry" / "the Foreign Ministry": two bodies
        if ka and kb:
            span_a = (a.toks[ka[0]][1], a.toks[ka[-1]][2])
            span_b = (b.toks[kb[0]][1], b.toks[kb[-1]][2])
            return [_new_evidence("entity", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b)]
    return []


def given_name_evidence(a: SentFeatures, b: SentFeatures) -> list[Evidence]:
    """The same surname with two different given names ("Dmitry Petrov" / "Ivan Petrov"); the
    same role in a named body held by two different people (:func:`org_role_evidence`)."""
    for surname, (ga, span_a) in a.persons.items():
        got = b.persons.get(surname)
        if got is None or stem(surname.removeprefix("N:").lower()) in BODY_HEADS:
            continue  # "the Emergencies Ministry" / "the Foreign Ministry": two bodies, not one person
        gb, span_b = got
        if ga != gb and ga not in b.bag and gb not in a.bag:
            return [Evidence("entity", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b)]
    return org_role_evidence(a, b)


def _name_run(f: SentFeatures, k: int) -> int:
    """The last token of the run of names from token k (no punctuation between them)."""
    e = k
    while e + 1 < len(f.toks) and f.names[e + 1] and f.toks[e + 1][1] - f.toks[e][2] <= 1:
        e += 1
    return e


def _is_role(f: SentFeatures, k: int) -> bool:
    return stem(f.words[k]) in ROLES


def org_roles(f: SentFeatures) -> dict[tuple, tuple[frozenset[str], tuple[int, int]]]:
    """Roles in a named body and who holds them: "the candidate of the Green Alliance, Anna
    Berg" and "Anna Berg, the candidate of the Green Alliance" -> (candid, green, alliance) ->
    ({anna, berg}, span)."""
    got = f.memo.get("org_roles")
    if got is not None:
        return got
    out: dict[tuple, tuple[frozenset[str], tuple[int, int]]] = {}
    n = len(f.toks)
    for k in range(n - 2):
        if not (f.terms[k] and _is_role(f, k) and not f.names[k] and f.words[k + 1] == "of"):
            continue
        m, skipped = k + 2, 0
        while m < n and not f.names[m] and skipped < 2 and f.toks[m][1] - f.toks[m - 1][2] <= 1:
            m, skipped = m + 1, skipped + 1  # "the", "opposition"
        if m >= n or not f.names[m]:
            continue
        e = _name_run(f, m)
        key = (f.terms[k], frozenset(f.terms[m:e + 1]))
        holder = None
        if e + 1 < n and "," in f.text[f.toks[e][2]:f.toks[e + 1][1]]:
            h = e + 1  # "..., current President Anna Berg"
            while h < n and h <= e + 3 and (f.words[h] in HOLDER_LEADS or _is_role(f, h)):
                h += 1
            if h < n and f.names[h] and f.words[h] != "of" and not _GAP_COMMA.search(f.text[f.toks[e + 1][1]:f.toks[h][1]]):
                holder = (h, _name_run(f, h))
        if holder is None and k >= 2 and f.words[k - 1] == "the" and "," in f.text[f.toks[k - 2][2]:f.toks[k - 1][1]] \
                and f.names[k - 2]:
            last = k - 2  # "Anna Berg, the candidate of ..."
            first = last
            while first > 0 and f.names[first - 1] and f.toks[first][1] - f.toks[first - 1][2] <= 1:
                first -= 1
            if first == 0 or f.words[first - 1] not in ("the", "of"):  # "... of the Civic Union, the head of": a body
                holder = (first, last)
        if holder is not None:
            names = frozenset(f.terms[h] for h in range(holder[0], holder[1] + 1) if f.terms[h] and not _is_role(f, h))
            out.setdefault(key, (names, (f.toks[holder[0]][1], f.toks[holder[1]][2])))
    f.memo["org_roles"] = out
    return out


def org_role_evidence(a: SentFeatures, b: SentFeatures) -> list[Evidence]:
    """The same role in the same named body held by two different people ("the candidate of the
    Green Alliance, Anna Berg" / "Jonas Holm, the candidate of the Green Alliance")."""
    ra = org_roles(a)
    if not ra:
        return []
    for key, (names_b, span_b) in org_roles(b).items():
        got = ra.get(key)
        if got is None:
            continue
        names_a, span_a = got
        if names_a and names_b and not names_a & names_b:
            return [Evidence("entity", a.text[span_a[0]:span_a[1]], b.text[span_b[0]:span_b[1]], span_a, span_b,
                             note="the same role held by two different people")]
    return []


def role_mismatch(a: SentFeatures, b: SentFeatures) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The same role held by two different names ("fire chief Anna Kowalski" / "fire chief Mark
    Dalton"): the spans of the two names, or None."""
    for role, (names_a, span_a) in a.roles.items():
        got = b.roles.get(role)
        if got is None:
            continue
        names_b, span_b = got
        if not (names_a & b.bag) and not (names_b & a.bag):
            return span_a, span_b
    return None


# issue 15 (speed): what a sentence has for each check that needs something on one side or on
# both, as bits of one int worked out once per sentence (:func:`gates`): a pair whose bits rule a
# check out skips the call, which would find nothing. Most pairs of a dense cluster have none.
HAS_TIME = 1  # times of day (time_evidence: both)
HAS_YEARS = 2  # years other than the article's (year_evidence: both)
ONE_BOUND_YEAR = 4  # exactly one year bounding a span (_bound_year_evidence: both)
HAS_PERSONS = 8  # surnames with a given name (given_name_evidence: both)
HAS_ORG_ROLES = 16  # roles in a named body (org_role_evidence: both)
HAS_DENIAL = 32  # negated terms (negation_evidence: either)
HAS_ORDER = 64  # "at the same time" / "broke first" (sequence_evidence: both)
HAS_ROLES = 128  # a role and its holder's names (role_mismatch: both)
HAS_ANTONYM = 256  # a term with antonyms (antonym_evidence: the first sentence)
HAS_RELATION = 512  # "inside" / "outside" the same thing (relation_evidence: both)


def gates(f: SentFeatures) -> int:
    """The ``HAS_*`` bits of a sentence (see above), computed on first use."""
    got = f.memo.get("gates")
    if got is None:
        got = f.memo["gates"] = (
            (HAS_TIME if _clock_times(f) else 0) | (HAS_YEARS if f.years else 0)
            | (ONE_BOUND_YEAR if len(_bound_years(f)) == 1 else 0) | (HAS_PERSONS if f.persons else 0)
            | (HAS_ORG_ROLES if org_roles(f) else 0) | (HAS_DENIAL if f.negated else 0)
            | (HAS_ORDER if _order(f) else 0) | (HAS_ROLES if f.roles else 0)
            | (HAS_ANTONYM if _antonym_terms(f, antonyms()) else 0) | (HAS_RELATION if _relations(f) else 0))
    return got


# issue 15 (speed): the facts whose checks may answer (a, b) and (b, a) otherwise than with the two
# sides swapped: they read one side first (antonyms, denials, persons, roles) or pick one of
# several facts (times, years, relations, order words).
_ONE_SIDED = (HAS_TIME | HAS_YEARS | ONE_BOUND_YEAR | HAS_PERSONS | HAS_ORG_ROLES | HAS_DENIAL | HAS_ORDER
              | HAS_ROLES | HAS_RELATION)


def mirrors(f: SentFeatures) -> bool:
    """Does every check answer a pair of this sentence and another one that :func:`mirrors` too,
    in either order, with the same finding, its two sides swapped (when :func:`no_swap` holds
    for the pair)? At most one count, a plain number (not vague, not "a": whether two counts
    disagree, fill one slot, give one figure is then symmetric), at most one day of each kind (no
    pick among several), none of the one-sided facts above, and at most one term with antonyms,
    whose antonyms have it as theirs (then :func:`antonym_evidence` finds the one pair of terms
    there is from either side). Computed on first use."""
    got = f.memo.get("mirrors")
    if got is None:
        ant = antonyms()
        terms = _antonym_terms(f, ant)
        got = f.memo["mirrors"] = (len(f.counts) <= 1 and all(c.exact and not c.vague and not c.weak for c in f.counts)
                                   and all(len(v) <= 1 for v in f.event_dates.values())
                                   and not gates(f) & _ONE_SIDED and len(terms) <= 1
                                   and all(x in ant.get(y, ()) for _k, x in terms for y in ant[x]))
    return got


def no_swap(a: SentFeatures, b: SentFeatures) -> bool:
    """:func:`entity_evidence` finds nothing in either order: one side has no name that the
    other lacks (its edit script, which may break ties one way, is never read)."""
    _ia, _sa, set_a, names_a, _ids_a = a.memo.get("term_run") or _term_run(a)  # the memo read here (issue 15)
    _ib, _sb, set_b, names_b, _ids_b = b.memo.get("term_run") or _term_run(b)
    return names_a <= set_b or names_b <= set_a


def mirrored(evidence: list[Evidence]) -> list[Evidence]:
    """The same findings with the two sentences' sides swapped."""
    return [_new_evidence(e.kind, e.b, e.a, e.b_span, e.a_span, e.note) for e in evidence]
