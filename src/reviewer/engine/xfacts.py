"""Typed facts read the same way in every language, so that two sentences in two languages can
be compared: counts of a kind of thing, percentages, measurements, durations, weekdays, dates
and clock times.

The readers of :mod:`reviewer.lang` find the numbers (with the language's decimal and
thousands separators and its number words), weekdays and dates; the per-language tables
(``CONCEPTS``, ``UNIT_WORDS``, ``PERCENT_WORDS``, ``DURATION_UNITS``...) say what a number
counts or measures, as a language-neutral concept ("dead", "population", a pint unit). Every
fact keeps its span in the sentence, so a conflict points at the exact words.

:func:`xl_evidence` compares two sentences of different languages: facts of one kind and one
slot (the same concept, the same dimension) that share no value are a conflict; one shared
value settles the slot.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from reviewer.engine.dates import read_clock_times
from reviewer.engine.facts import TOLL_REACH as _EN_TOLL_REACH, TOLL_REACH_PLAIN, unit_factor
from reviewer.engine.settings import TUNING
from reviewer.lang.dates import read_months_dates, read_weekdays
from reviewer.lang.numbers import is_approx, read_numbers
from reviewer.lang.tables import norm, tables
from reviewer.models import Evidence

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|%|٪")
_BREAK = re.compile(r"[,;:.!?()\[\]«»\"“”„–—]")
# After a figure, quotation marks around a word do not end its clause ("six dans un état
# « critique »", "nine in 'serious' condition", stop 25); other punctuation does
_AFTER_BREAK = re.compile(r"[,;:.!?()\[\]–—]")
_AR_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ف|ل)(?=..)")

WINDOW_AFTER = 4  # words after a number searched for what it counts
WINDOW_BEFORE = 3  # and before it ("population of 40,000", "killed 12")
AND_REACH = 30  # characters after an "and" in which another figure makes it the start of that figure's clause
APPROX_TOLERANCE = 0.15  # a hedged figure ("about 40") stands for +-15%
MEASURE_TOLERANCE = 0.06  # rounding in conversions ("200 km (124 miles)")
SAME_UNIT_TOLERANCE = 0.02  # two figures in one unit ("1,448 km" / "1,450 km")
MEASURE_SLOT_RATIO = 3.0  # two measurements further apart than this measure two things
GENERIC = "people"


@dataclass(frozen=True, slots=True)
class XFact:
    kind: str  # count | percent | measure | duration | weekday | date | time | magnitude | age
    value: float  # measure: SI base units; duration and time: minutes; date: month*100+day; age: years
    span: tuple[int, int]
    approx: bool = False
    concepts: frozenset[str] = frozenset()
    dim: str = ""  # a measurement's dimensionality
    remaining: bool = False  # a duration that remains ("30 hours of fuel left"), not a total
    # Compared for agreement only, with another such fact of the same value, never a conflict:
    # vague counts ("thousands of people") and spans of years or months ("a five-year term";
    # ages and prison terms are written the same way).
    agree_only: bool = False
    low: float | None = None  # a range ("between 20 and 30", "zwischen 20 und 30"): its lower bound; value is the upper
    role: str = ""  # a distance: "covered" (the way travelled) or "left" (the way still to go), else ""
    half_day: bool = False  # a time on a 12-hour clock without a.m./p.m. ("at 9:30"): known up to 12 hours
    floor: bool = False  # a count given as a floor ("more than 70"; approx too): see _as_floor
    unit: str = ""  # a measurement's unit as written (pint's name: "kilometer", "mile"), see _rounding
    planned: bool = False  # a time of day a plan set ("was due to land at 10:25"), see _planned
    zone: str = ""  # a time of day on the world clock ("17.05 GMT": "utc"); "" for the local clock (see _clock)


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _key(mod, word: str) -> str:
    w = norm(mod, word)
    if mod.CODE == "ar":
        w = _AR_PREFIX.sub("", w)
    return w


def _concepts_of(mod, words: list[str]) -> set[str]:
    out = set()
    table = mod.CONCEPTS
    for w in words:
        for key, concept in table.items():
            if " " in key:
                continue
            if key.endswith("$"):  # the whole word only ("ausländer$": not "ausländerfeindlich")
                if w == key[:-1]:
                    out.add(concept)
            elif w == key or (w.startswith(key) and (len(key) >= 4 or len(w) <= len(key) + 2)):
                out.add(concept)
    joined = " ".join(words)
    out.update(c for k, c in table.items() if " " in k and k in joined)
    if "population" in out:
        out.add(GENERIC)  # "40,000 inhabitants" are people
    if "fire engines" in out:
        out.discard("firefighters")  # "12 camiones de bomberos" count the engines
    if "suspects" in out and "arrested" not in out:
        # Those who did it, called suspects by one report and attackers or thieves by another
        # ("five suspects broke in" / "cinco asaltantes"): one slot. Suspects taken in
        # ("seven suspects detained") are a count of arrests, kept apart.
        out = (out - {"suspects"}) | {"attackers"}
    return out


def _window(text: str, words: list[tuple[str, int, int]], start: int, end: int, mod, numbers) -> list[str]:
    """Words around a number, in its clause, not crossing another number, nor an "and" that
    starts another clause: "killing three people and wounding 20" counts the dead with "three",
    "tués et 20 autres blessés" the injured with "20" (stop 25)."""
    after, before = _window_parts(text, words, start, end, mod, numbers)
    return after + before


def _count_concepts(text: str, words: list[tuple[str, int, int]], start: int, end: int, mod, numbers) -> set[str]:
    """What a figure counts. Its own noun comes after it ("40 people", "12 passengers"); before
    it, a verb may say what happened to them ("killed 12 people"), but a noun of another kind
    there is the one who acts ("paramedic crews carried 40 people", stop 25), not what is
    counted: with a word of its own after the figure, only the fates are read before it."""
    after, before = _window_parts(text, words, start, end, mod, numbers)
    keep = FATES | {"seats"}  # fates, and a capacity ("an aforo of 12,000 people": what a place holds)
    own = _concepts_of(mod, after)
    if "survivors" in own:
        before = []  # "murieron 40 y hubo siete supervivientes": the seven are not the dead
    elif own:
        before = [w for w in before if _concepts_of(mod, [w]) & keep]
    else:
        # a fate right before the figure, and a kind before that: "Gunmen killed 5" counts the
        # dead, not gunmen (the words before are read nearest first)
        for k, w in enumerate(before):
            if _concepts_of(mod, [w]) & FATES:
                before = before[:k + 1] + [x for x in before[k + 1:] if _concepts_of(mod, [x]) & keep]
                break
    got = _concepts_of(mod, after + before)
    if _bodies(text, words, end, mod):
        got.add("dead")
    part = not got and after and after[0] in _folded(mod, "COUNT_OF")
    if part or (got - THINGS and "critical" not in got):
        longer = _concepts_of(mod, _window_parts(text, words, start, end, mod, numbers, CONDITION_REACH)[0])
        if part:
            # "17 of them were later hurt", "17 de ellas quedaron heridas": a part of a group
            # named before, counted by what happened to it, told a few words on (stop 26)
            got = longer & FATES
        else:
            # the condition of people told further on (of no things: "nine houses were seriously
            # damaged"): "sept personnes sont dans un état grave", "nine people were in serious
            # condition" (stop 26)
            got |= longer & {"critical"}
    return got


def _bodies(text: str, words: list[tuple[str, int, int]], end: int, mod) -> bool:
    """The figure counts bodies: the language's plural for them (BODY_WORDS: "corpos", "corpi")
    right after it or after an article, and no "of" after that word, which makes it a force or a
    unit ("os corpos de bombeiros", "un corps d'armée") (stop 26)."""
    body = _folded(mod, "BODY_WORDS")
    if not body:
        return False
    after = [_key(mod, w) for w, s, _e in words if s >= end][:3]
    of = _folded(mod, "COUNT_OF") | {"des", "dei", "delle"}  # "corps des pompiers"; "corpos do lago" are bodies
    for n, k in enumerate(after[:2]):
        if k in body:
            return n + 1 == len(after) or after[n + 1] not in of
    return False


# What is counted that is no person, so has no condition of health
THINGS = frozenset({"buildings", "seats", "items", "carriages", "ambulances", "fire engines", "votes", "nationalities"})
CONDITION_REACH = 7  # words after a count searched for the condition or the fate of those counted
PEOPLE_SPECIFIC_MIN = 20  # a count of people only this large, exact and not a multiple of 5, is specific
# Words that start another clause: a longer reach (CONDITION_REACH) stops there ("three of them
# escaped but the others died": the three did not die)
CONTRAST_WORDS = frozenset({"but", "while", "whereas", "pero", "mientras", "aunque", "mais", "tandis", "alors",
                            "ma", "mentre", "mas", "enquanto", "aber", "während", "doch"})

# What happened to those counted (the rest are kinds of people or things: passengers, crew)
FATES = frozenset({"dead", "injured", "missing", "arrested", "evacuated", "displaced", "critical"})


def _window_parts(text: str, words: list[tuple[str, int, int]], start: int, end: int, mod,
                  numbers, reach: int = 0) -> tuple[list[str], list[str]]:
    """:func:`_window`'s words after the figure (``reach`` of them, WINDOW_AFTER by default)
    and before it (folded)."""
    longer = reach > WINDOW_AFTER
    reach = reach or WINDOW_AFTER
    other = [(s, e) for _v, s, e, _a in numbers if (s, e) != (start, end)]
    ands = _folded(mod, "RANGE_AND")  # the language's "and", as between the two figures of a range
    after, before = [], []
    pos = end
    for w, s, e in words:
        if s < end or len(after) >= reach:
            continue
        if _AFTER_BREAK.search(text, pos, s) or any(pos <= os < e for os, _oe in other):
            break
        k = _key(mod, w)
        if longer and k in CONTRAST_WORDS:
            break
        if k in ands and (_concepts_of(mod, after) or any(s < os <= s + AND_REACH for os, _oe in other)):
            # the number already counts something named before the "and", or another figure
            # follows it ("killed 5 and injured 8": "injured" is the 8's)
            break
        after.append(k)
        pos = e
    pos = start
    after_number = False
    own = None  # what the words after the number count, worked out when an "and" comes before it
    for w, s, e in reversed(words):
        if e > start or len(before) >= WINDOW_BEFORE:
            continue
        if any(e <= os < pos for os, _oe in other):
            after_number = True
            break
        if _BREAK.search(text, e, pos):
            break
        k = _key(mod, w)
        if k in ands:
            if own is None:
                own = bool(_concepts_of(mod, after))  # "... died and 11 people": not the dead
            if own:
                break  # the words before the "and" belong to the clause before
        before.append(k)
        pos = s
    else:  # no word left before: a figure may open the sentence ("5 dead and 9 missing")
        after_number = any(oe <= pos and not text[oe:pos].strip() for _os, oe in other)
    if after_number and before and _concepts_of(mod, after) - {GENERIC}:
        # "5,000 dead and 9,000 missing": the words between two figures are the first one's
        # when the second has its own thing to count after it.
        return after, []
    return after, before


@functools.lru_cache(maxsize=64)
def _folded(mod, name: str) -> frozenset[str]:
    """A word list of a language's tables (``name``: RANGE_AND, COUNT_OF, ANOTHER_WORDS...) as
    the readers here compare words (built once per language and list)."""
    return frozenset(_key(mod, w) for w in getattr(mod, name, ()))


def _next_word(text: str, end: int) -> tuple[str, int] | None:
    m = re.compile(r"[\s\u00a0\u202f-]*([^\W\d_]+(?:/[^\W\d_]+)?|%|٪)").match(text, end)
    return (m.group(1), m.end(1)) if m else None


def _percent_end(text: str, end: int, mod) -> int | None:
    rest = text[end:end + 30]
    stripped = rest.lstrip(" \u00a0\u202f")
    low = stripped.lower()
    for p in sorted(mod.PERCENT_WORDS, key=len, reverse=True):
        p_low = p.lower()
        if low.startswith(p_low) and (len(low) == len(p_low) or not low[len(p_low)].isalnum()):
            return end + (len(rest) - len(stripped)) + len(p)
        if mod.CODE == "ar" and norm(mod, low).startswith(norm(mod, p_low)) and len(p) > 1:
            return end + (len(rest) - len(stripped)) + len(p)
    return None


@functools.lru_cache(maxsize=1 << 14)
def read_facts(text: str, lang: str) -> tuple[XFact, ...]:
    """Every typed fact of a sentence in language ``lang``, in text order."""
    mod = tables(lang)
    if not hasattr(mod, "CONCEPTS"):
        return ()
    facts: list[XFact] = []
    taken: list[tuple[int, int]] = []  # dates and clock times: their digits are not counts
    words = _words(text)
    _calendar_facts(text, lang, mod, words, facts, taken)
    numbers = [n for n in read_numbers(text, lang) if not any(s < n.end and n.start < e for s, e in taken)]
    numbers = _magnitudes(text, mod, numbers, words, facts)  # issue 14: "a 5.9 magnitude quake"
    durations = {_key(mod, k): v for k, v in mod.DURATION_UNITS.items()}
    _number_facts(text, mod, numbers, words, durations, facts)
    facts = _ranges(text, mod, numbers, words, facts)
    facts = _one_unit_durations(text, mod, numbers, words, durations, facts)
    _one_unit_lengths(text, lang, mod, words, facts)
    _vague_counts(text, mod, numbers, words, facts)
    facts.sort(key=lambda f: f.span)
    return tuple(_conversions_share_roles(text, facts))


_CONVERSION_GAP = re.compile(r"\s*[(\[–—-]?\s*")


def _conversions_share_roles(text: str, facts: list[XFact]) -> list[XFact]:
    """A distance and its conversion right after it ("200 km (124 miles)", "200 km – 124 miles"):
    one distance, so the conversion takes the role of the first."""
    out = list(facts)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if a.kind == b.kind == "measure" and a.role and not b.role and a.dim == b.dim \
                and _CONVERSION_GAP.fullmatch(text, a.span[1], b.span[0]):
            out[k] = replace(b, role=a.role)
    return out


def _magnitudes(text: str, mod, numbers: list, words: list, facts: list[XFact]) -> list:
    """Numbers that are a quake's magnitude (one of the language's MAGNITUDE_WORDS right before
    them, a short word between allowed: "magnitude of 5.9", "Stärke 5,9"; or right after them:
    "a 5.9-magnitude quake") become "magnitude" facts, and so do the bare figures from 1 to 10 in
    brackets in a sentence giving one (no unit, nothing counted: an earlier estimate, "(first put
    at 6)"); the other numbers are returned."""
    names = "|".join(re.escape(w) for w in getattr(mod, "MAGNITUDE_WORDS", ()))
    if not names:
        return numbers
    rest = []
    for n in numbers:  # the scale ends at 10 ("Stärke" is a troop's strength too: "in Stärke von 3.000")
        if n.value < 10 and (re.search(rf"(?<!\w)(?:{names})(?:\s+\w{{1,3}})?\s*$", text[max(0, n.start - 30):n.start],
                                       re.IGNORECASE) or re.match(rf"[\s-]*(?:{names})(?!\w)", text[n.end:], re.IGNORECASE)):
            facts.append(XFact("magnitude", n.value, (n.start, n.end), n.approx))
        else:
            rest.append(n)
    if len(rest) < len(numbers):  # an earlier estimate beside it: "(it was 6 before)", "(zuvor 6)"
        keep = []
        units = {_key(mod, k) for k in (*mod.UNIT_WORDS, *mod.DURATION_UNITS, *getattr(mod, "LONG_DURATIONS", {}))}
        for n in rest:
            nxt = _next_word(text, n.end)
            if 1 <= n.value < 10 and text.count("(", 0, n.start) > text.count(")", 0, n.start) \
                    and not (nxt and _key(mod, nxt[0]) in units) \
                    and _percent_end(text, n.end, mod) is None \
                    and not _concepts_of(mod, _window(text, words, n.start, n.end, mod, rest)):
                facts.append(XFact("magnitude", n.value, (n.start, n.end), n.approx))
            else:
                keep.append(n)
        rest = keep
    return rest


def _calendar_facts(text: str, lang: str, mod, words: list, facts: list[XFact], taken: list[tuple[int, int]]) -> None:
    """Dates, weekdays (also inside compounds such as "Sonntagmorgen") and clock times."""
    said = _reporting_starts(text, mod, words) + _opening_said(text, mod, words)
    for d in read_months_dates(text, lang):
        if d.day is not None:
            facts.append(XFact("date", d.month * 100 + d.day, (d.start, d.end), agree_only=_reported(d.start, said)))
        taken.append((d.start, d.end))
    for w in read_weekdays(text, lang):
        facts.append(XFact("weekday", w.value, (w.start, w.end), agree_only=_reported(w.start, said)))
    if mod.DAYPARTS:  # "Sonntagmorgen"
        for name, value in mod.WEEKDAYS.items():
            for m in re.finditer(rf"(?<!\w)({re.escape(name)})(?:{'|'.join(mod.DAYPARTS)})s?(?!\w)", text, re.IGNORECASE):
                facts.append(XFact("weekday", value, (m.start(1), m.end(1))))
    for c in read_clock_times(text, lang):
        if c.width:
            continue  # a part of the day ("in the evening") is a stretch, not a time to compare by value
        planned = _planned(text, c.span[0], mod)
        facts.append(XFact("time", c.minutes, c.span, half_day=c.half_day, zone=_clock(c.zone), planned=planned))
        offset = ZONE_OFFSETS.get(c.zone or "")
        if offset and not c.half_day:
            # a time in a named zone is also a time on the world clock ("11.14 BRT" is 14.14 GMT), so
            # it meets a report that gives GMT only (stop 26)
            facts.append(XFact("time", (c.minutes - offset) % 1440, c.span, zone="utc", planned=planned))
        taken.append(c.span)


PLAN_REACH = 100  # characters from a word of a plan to the time it sets ("was due to land in the capital at 10:25")


def _planned(text: str, start: int, mod) -> bool:
    """A time of a plan or timetable: a PLAN_WORDS phrase ("was due to", "tenía previsto") before
    it in the same clause, within PLAN_REACH characters. Such a time is what was to happen,
    never in conflict with the time something did happen (stop 25)."""
    words = getattr(mod, "PLAN_WORDS", ())
    if not words:
        return False
    before = text[max(0, start - PLAN_REACH):start]
    before = re.split(r"[.;!?]", before)[-1].lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", before) for w in words)


# Minutes east of UTC of the zones whose name says one offset all year (no "CST": China or the
# US; no "IST": India, Ireland or Israel; GMT/UTC are the world clock itself)
ZONE_OFFSETS = {"BST": 60, "CET": 60, "CEST": 120, "WET": 0, "WEST": 60, "EET": 120, "EEST": 180, "MSK": 180,
                "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
                "AKST": -540, "HST": -600, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "AWST": 480,
                "NZST": 720, "NZDT": 780, "SAST": 120, "WAT": 60, "EAT": 180, "CAT": 120, "ART": -180, "BRT": -180,
                "TRT": 180}


def _clock(zone: str | None) -> str:
    """Which clock a time of day is on: "utc" for GMT/UTC, the world clock agencies add beside
    the local time ("19.05 hora local (17.05 GMT)"); "" for the local clock, named or not ("9:15
    p.m. CEST" and "21:15 hora local" are one time in Madrid)."""
    return "utc" if zone in ("GMT", "UTC") else ""


REPORTING_REACH = 3  # words from a verb of saying to the day it names ("said on Monday")


@functools.lru_cache(maxsize=16)
def _reporting_verbs(mod) -> frozenset[str]:
    """REPORTING_VERBS of a language's tables as _reporting_starts compares them (built once per language)."""
    return frozenset(_key(mod, v) for v in getattr(mod, "REPORTING_VERBS", ()))


def _reporting_starts(text: str, mod, words: list) -> list[tuple[int, int]]:
    """Where the day of a statement may stand: from each verb of saying of the language to the
    end of the REPORTING_REACH-th word after it, up to a break in the clause (``words``: the
    sentence's :func:`_words`)."""
    verbs = _reporting_verbs(mod)
    if not verbs:
        return []
    out = []
    for k, (w, _s, e) in enumerate(words):
        if _key(mod, w) not in verbs:
            continue
        end = e
        for _w2, s2, e2 in words[k + 1:k + 1 + REPORTING_REACH]:
            if _BREAK.search(text, end, s2):
                break
            end = e2
        out.append((e, end))
    return out


OPENING_WORDS = 3  # words before the comma of an opening day ("On Wednesday morning,")
OPENING_SPEAKER = 5  # words of the speaker between that comma and the verb of saying


def _opening_said(text: str, mod, words: list) -> list[tuple[int, int]]:
    """An opening day of a statement: "On Wednesday, Premier Ana Ruiz told reporters that ...":
    a few words, a comma, then a verb of saying within OPENING_SPEAKER words with no other
    break: the day the statement was made, as in "Ruiz told reporters on Wednesday" (issue 12,
    stop 25). The span of the words before the comma."""
    verbs = _reporting_verbs(mod)
    for k, (w, s, _e) in enumerate(words[:OPENING_WORDS + OPENING_SPEAKER + 1]):
        if _key(mod, w) not in verbs:
            continue
        head = text[:s]
        breaks = _BREAK.findall(head)
        if breaks != [","]:
            return []
        comma = head.index(",")
        before = sum(1 for x in words[:k] if x[2] <= comma)
        if not 1 <= before <= OPENING_WORDS or k - before > OPENING_SPEAKER or k == before:
            return []
        return [(0, comma)]
    return []


def _reported(start: int, said: list[tuple[int, int]]) -> bool:
    """A weekday or date starting at ``start`` is the day of a statement (:func:`_reporting_starts`):
    the report's day, not the event's, so it never disagrees with the day of an event."""
    return any(lo <= start < hi for lo, hi in said)


def _number_facts(text: str, mod, numbers: list, words: list, durations: dict, facts: list[XFact]) -> None:
    """Each number as a percentage, a measurement, a duration or a count of a known thing."""
    units = {_key(mod, k): v for k, v in mod.UNIT_WORDS.items()}
    long_units = {_key(mod, k): v for k, v in getattr(mod, "LONG_DURATIONS", {}).items()}
    k = 0
    while k < len(numbers):
        value, start, end, approx = numbers[k]
        k += 1
        pct = _percent_end(text, end, mod)
        if pct is not None:
            facts.append(XFact("percent", value, (start, pct), approx,
                               frozenset(_concepts_of(mod, _window(text, words, start, pct, mod, numbers)))))
            continue
        nxt = _next_word(text, end)
        key = _key(mod, nxt[0]) if nxt else ""
        if key in _folded(mod, "COUNT_OF") and not any(c.isdigit() for c in text[start:end]):
            # a round count in words, then "of" and its unit: "une trentaine de kilomètres",
            # "a dozen of miles" (stop 25)
            after_of = _next_word(text, nxt[1])
            if after_of and (_key(mod, after_of[0]) in units or _key(mod, after_of[0]) in durations):
                nxt, key = after_of, _key(mod, after_of[0])
        age_end = _age_end(text, mod, value, start, end, nxt, long_units)
        if age_end is not None:
            facts.append(XFact("age", value, (start, age_end), approx))
            continue
        if key in units or (nxt and nxt[0] in units):
            unit = units.get(key) or units[nxt[0]]
            f = unit_factor(unit)
            if f is not None:
                role = _distance_role(text, mod, words, start, nxt[1]) if f[1] == "[length]" else ""
                facts.append(XFact("measure", value * f[0], (start, nxt[1]), approx, dim=f[1], role=role, unit=unit))
            continue
        if key in long_units:
            facts.append(XFact("duration", value * long_units[key], (start, nxt[1]), approx, agree_only=True))
            continue
        if key in durations:
            minutes, stop = value * durations[key], nxt[1]
            # "an hour and 45 minutes", "eine Stunde und 45 Minuten"
            j = _next_word(text, stop)
            if j and _key(mod, j[0]) in mod.DURATION_JOINERS and k < len(numbers) and numbers[k].start >= j[1]:
                v2, _s2, e2, _a2 = numbers[k]
                u2 = _next_word(text, e2)
                if u2 and _key(mod, u2[0]) in durations and not text[j[1]:numbers[k].start].strip():
                    minutes += v2 * durations[_key(mod, u2[0])]
                    stop = u2[1]
                    k += 1
            around = _window(text, words, start, stop, mod, numbers)
            facts.append(XFact("duration", minutes, (start, stop), approx, remaining=_remaining(mod, around)))
            continue
        if value.is_integer() and 1900 <= value <= 2100 and not approx and text[start:end].isdigit():
            continue  # a year (four digits; "dos mil muertos", "2.000 Tote" are counts)
        concepts = _count_concepts(text, words, start, end, mod, numbers)
        if not concepts and _after_toll(text, mod, words, start):
            concepts = {"dead"}  # "the death toll ... rose to 40", "le bilan s'élève à 40"
        if not concepts and _after_another(text, start, mod):
            # "40 killed in the capital and another 25 in the north": the same kind as the count before
            last = next((f for f in reversed(facts) if f.kind == "count"), None)
            if last is not None:
                concepts = set(last.concepts)
        if concepts:
            facts.append(_as_floor(text, mod, XFact("count", value, (start, end), approx, frozenset(concepts))))


@functools.lru_cache(maxsize=16)
def _floor_pattern(mod) -> re.Pattern[str] | None:
    cues = sorted({norm(mod, c) for c in getattr(mod, "FLOOR_CUES", ())}, key=len, reverse=True)
    if not cues:
        return None
    return re.compile(r"(?:^|[^\w])(?:" + "|".join(re.escape(c) for c in cues) + r")[\s\u00a0\u202f\u2009]*$")


def _as_floor(text: str, mod, x: XFact) -> XFact:
    """A count after a floor cue ("more than 70 dead", "plus de 70 morts"; the language's
    FLOOR_CUES) from toll_floor_min up, marked ``floor``: against a hedged figure :func:`_agree`
    also reads it as the figure known then, [N, N * toll_floor_span], as the English engine
    reads tolls (issue 12/14, stop 24): "more than 70" and "about 60" disagree."""
    pat = _floor_pattern(mod)
    if pat is None or x.value < TUNING.toll_floor_min or x.low is not None:
        return x
    if not pat.search(norm(mod, text[max(0, x.span[0] - 40):x.span[0]])):
        return x
    return replace(x, floor=True)


_YEAR = 525_960  # minutes in a year, as LONG_DURATIONS give it
_NAME_COMMA = re.compile(r"[^\W\d_][\w'’.-]*,\s*$")  # "..., Khan, " right before a figure
_APPOSITION_END = re.compile(r"\s*[,)]")


def _after_address_word(before: str, mod) -> bool:
    """Is the capitalised name right before a figure a street's ("in via Verdi, 12,")? Its
    language's ADDRESS_WORDS within the three words before the comma."""
    streets = getattr(mod, "ADDRESS_WORDS", ())
    if not streets:
        return False
    words = before.rstrip(", ").split()[-4:-1]
    return any(w.lower().strip("(\"'“«") in streets for w in words)


_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_][\w'’-]*)")


def _thing_after(text: str, end: int, mod) -> bool:
    """Does the age phrase ending at ``end`` qualify a noun that names no person ("a 60-year-old
    bridge", "die 60 Jahre alte Brücke"), by the language's PERSON_NOUNS (word starts)? With no
    noun after it the age stands for a person ("a 34-year-old was held", "der 44-Jährige").
    A language without PERSON_NOUNS reads every such age (stop 24)."""
    persons = getattr(mod, "PERSON_NOUNS", ())
    m = _WORD_AFTER.match(text, end)
    if not persons or not m:
        return False
    word = m.group(1)
    key = _key(mod, word)
    if any(key.startswith(_key(mod, p)) for p in persons):
        return False
    if getattr(mod, "NOUNS_CAPITALISED", False):
        return word[:1].isupper()
    if word[:1].isupper():
        return False  # "the 34-year-old Maria Lopes": a name
    return key not in getattr(mod, "AGE_NOT_NOUNS", ()) and not key.endswith(getattr(mod, "AGE_NOT_NOUN_ENDINGS", ()))


def _age_end(text: str, mod, value: float, start: int, end: int, nxt, long_units: dict) -> int | None:
    """Where the age a figure states ends, or None when it states none: a span of years with
    the language's AGE_AFTER words after it ("70 years old", "70 Jahre alt"), AGE_BEFORE words
    before it ("aged 70", "âgé de 70 ans"), or set off by commas ("le pilote, 70 ans, ...");
    a word of its own (AGE_UNITS: "70-Jährige"); or a plain figure set off by commas right after
    a capitalised word ("Khan, 70, left"). A span of years otherwise is a term or a sentence."""
    if not 0 < value <= 120 or not value.is_integer():
        return None
    if nxt and _key(mod, nxt[0]) in _folded(mod, "AGE_UNITS"):
        if nxt[0][:1].isupper() and getattr(mod, "NOUNS_CAPITALISED", False):
            return nxt[1]  # "der 44-Jährige": the age is the noun, a person
        return None if _thing_after(text, nxt[1], mod) else nxt[1]
    before = text[:start].lower()
    cue_before = _age_cue_before(text, start, mod)
    name_before = bool(_NAME_COMMA.search(text[:start])) and text[:start].rstrip(", ").split()[-1][:1].isupper() \
        and not _after_address_word(text[:start], mod)
    if nxt and long_units.get(_key(mod, nxt[0])) == _YEAR:
        rest = text[nxt[1]:].lower()
        for cue in getattr(mod, "AGE_AFTER", ()):
            m = re.match(rf"[\s\u00a0-]*{re.escape(cue)}(?!\w)", rest)
            if m:
                return None if _thing_after(text, nxt[1] + m.end(), mod) else nxt[1] + m.end()
        if cue_before or (before.rstrip().endswith(",") and _APPOSITION_END.match(text, nxt[1])):
            return nxt[1]  # "aged 70 years", "the driver, 40 years, ..."
        return None
    if text[start:end].isdigit() and (cue_before or (name_before and _APPOSITION_END.match(text, end))):
        return end
    return None


def _distance_role(text: str, mod, words: list, start: int, end: int) -> str:
    """"covered" for a distance travelled ("advanced 200 km", "200 Kilometer vorgerückt"),
    "left" for one still to go ("within 200 km of the city", "bis auf 200 Kilometer",
    "à 200 km de la ville"), else "". The per-language words: DISTANCE_MOTION (before the
    figure, or right after its unit), DISTANCE_LEFT_BEFORE (phrases before the figure, hedges
    such as "about" skipped), DISTANCE_LEFT_AFTER (right after the unit, a bracket skipped) and
    DISTANCE_LEFT_AROUND (a word before the figure and one after the unit, together)."""
    motion, hedges, left_before, left_around, left_after = _distance_tables(mod)
    if not motion:
        return ""
    before, pos = [], start  # nearest first
    for w, s, e in reversed([x for x in words if x[2] <= start]):
        if _BREAK.search(text, e, pos) or len(before) >= 5:
            break
        before.append(_key(mod, w))
        pos = s
    raw = " ".join(reversed(before))
    stripped = True
    while stripped:  # "about", "more than", "rund": the hedges between the cue and the figure
        stripped = False
        for h in hedges:
            if len(before) > len(h) and before[:len(h)] == h:
                before, stripped = before[len(h):], True
                break
    after, pos = [], end
    for w, s, e in (x for x in words if x[1] >= end):
        gap = text[pos:s]
        if "(" in gap and ")" not in gap:  # "200 km (124 miles) from": past the bracket
            close = text.find(")", pos)
            if close < 0:
                break
            pos = close + 1
            if s < pos:
                continue
            gap = text[pos:s]
        if _BREAK.search(gap) or len(after) >= 1:
            break
        after.append(_key(mod, w))
        pos = e
    first_before = before[0] if before else ""
    phrase = " ".join(reversed(before))
    for tail in left_before:
        if f" {phrase} ".endswith(tail) or f" {raw} ".endswith(tail):
            return "left"
    nxt = after[0] if after else ""
    for cue_b, cue_a in left_around:
        if first_before == cue_b and nxt == cue_a:
            return "left"
    if nxt and nxt in left_after:
        return "left"
    if first_before in motion or nxt in motion:
        return "covered"
    return ""


@functools.lru_cache(maxsize=16)
def _distance_tables(mod) -> tuple:
    """_distance_role's words of a language's tables as it compares them (built once per language):
    the motion words, the hedges (each a list of words, last word first, longest first), the
    DISTANCE_LEFT_BEFORE phrases as " a b " tails, the DISTANCE_LEFT_AROUND pairs, DISTANCE_LEFT_AFTER."""
    motion = frozenset(_key(mod, w) for w in getattr(mod, "DISTANCE_MOTION", ()))
    hedges = tuple(sorted(([_key(mod, w) for w in reversed(cue.split())] for cue in mod.APPROX_CUES), key=len, reverse=True))
    left_before = tuple(" " + " ".join(_key(mod, w) for w in cue.split()) + " " for cue in getattr(mod, "DISTANCE_LEFT_BEFORE", ()))
    left_around = tuple((_key(mod, b), _key(mod, a)) for b, a in getattr(mod, "DISTANCE_LEFT_AROUND", ()))
    left_after = frozenset(_key(mod, w) for w in getattr(mod, "DISTANCE_LEFT_AFTER", ()))
    return motion, hedges, left_before, left_around, left_after


# words back from a figure to the "toll" it reports: the English engine's reaches
TOLL_REACH, TOLL_REACH_AFTER_VERB = TOLL_REACH_PLAIN, _EN_TOLL_REACH


def _after_toll(text: str, mod, words: list, start: int) -> bool:
    """A figure that counts nothing by its own words, reported as a toll named earlier in the
    sentence (per-language TOLL_WORDS; TOLL_VERBS right before the figure, hedges skipped,
    reach further: "the death toll of the storm in the north rose to 40")."""
    tolls, one, several, verbs, hedges = _toll_tables(mod)
    if not tolls:
        return False
    clause = max(text.rfind(";", 0, start), text.rfind(":", 0, start))  # not across a semicolon or colon
    before = [_key(mod, w) for w, s, e in words if e <= start and s > clause]
    k = len(before) - 1
    while k >= 0 and before[k] in hedges and before[k] not in verbs:
        k -= 1
    reach = TOLL_REACH_AFTER_VERB if k >= 0 and before[k] in verbs else TOLL_REACH
    near = before[-reach:]
    if one and any(w.startswith(one) for w in near):
        return True
    joined = f" {' '.join(near)} "
    return any(f" {t} " in joined for t in several)


@functools.lru_cache(maxsize=16)
def _toll_tables(mod) -> tuple:
    """_after_toll's words of a language's tables as it compares them (built once per language):
    the toll words, those of one word and of several, the toll verbs and the hedges' words."""
    tolls = tuple(_key(mod, w) for w in getattr(mod, "TOLL_WORDS", ()))
    return (tolls, tuple(t for t in tolls if " " not in t), tuple(t for t in tolls if " " in t),
            frozenset(_key(mod, w) for w in getattr(mod, "TOLL_VERBS", ())),
            frozenset(_key(mod, w) for cue in mod.APPROX_CUES for w in cue.split()))


def _ranges(text: str, mod, numbers: list, words: list, facts: list[XFact]) -> list[XFact]:
    """Two numbers that make one range ("between 300 and 400 people", "entre 2.000 et 3.000",
    "zwischen 20 und 30 Jahre", "two or three", "20-30"): one fact of the second number's kind,
    from the first number to the second."""
    dashes = _folded(mod, "RANGE_TO") | {"-", "–", "—"}
    joiners = _folded(mod, "RANGE_AND")
    openers = _folded(mod, "RANGE_OPENERS")
    for (lo, s1, e1, _a1), (hi, s2, _e2, _a2) in zip(numbers, numbers[1:]):
        between = _key(mod, text[e1:s2].strip())
        if not between or hi <= lo or lo <= 0:
            continue
        if between not in dashes:
            before = [w for w, _s, e in words if e <= s1][-1:]
            if between not in joiners or not before or _key(mod, before[0]) not in openers:
                continue
        top = next((f for f in facts if f.span[0] == s2 and f.low is None), None)
        if _age_cue_before(text, s1, mod) and hi <= 120 and hi.is_integer() and \
                (top is None or (top.kind == "duration" and top.agree_only and top.value == hi * _YEAR)):
            # "aged four to 9", "âgés de 4 à 9 ans": the ages of a group, from one to the other (stop 25)
            top = XFact("age", hi, top.span if top is not None else (s2, _e2))
            facts = [f for f in facts if f.span[0] != s2] + [top]
        if top is None or top.kind not in ("count", "percent", "measure", "duration", "age"):
            continue
        first = [f for f in facts if f.span[0] == s1]
        concepts = top.concepts.union(*(f.concepts for f in first))
        ranged = replace(top, low=top.value * lo / hi, span=(s1, top.span[1]), concepts=concepts)
        facts = [ranged if f is top else f for f in facts if f not in first]
    return facts


def _after_another(text: str, start: int, mod) -> bool:
    """The word right before a figure is "another" (ANOTHER_WORDS: "another", "otros", "weitere")."""
    before = text[max(0, start - 20):start].rstrip().lower().split()
    return bool(before) and _key(mod, before[-1]) in _folded(mod, "ANOTHER_WORDS")


def _age_cue_before(text: str, start: int, mod) -> bool:
    """A word that introduces an age (AGE_BEFORE: "aged", "âgés de") right before ``start``."""
    before = text[:start].rstrip().lower()
    return any(before.endswith(c) and (len(before) == len(c) or not before[-len(c) - 1].isalnum())
               for c in getattr(mod, "AGE_BEFORE", ()))


def _remaining(mod, words: list[str]) -> bool:
    cues = _folded(mod, "REMAINING_WORDS")
    return any(w.startswith(c) for w in words for c in cues)


def _vague_counts(text: str, mod, numbers: list, words: list, facts: list[XFact]) -> None:
    """"thousands of people", "des milliers de morts": a count of a known thing, stated vaguely."""
    vague = {_key(mod, k): v for k, v in getattr(mod, "VAGUE_COUNTS", {}).items()}
    if not vague:
        return
    for w, s, e in words:
        value = vague.get(_key(mod, w))
        if value is None or any(ns < e and s < ne for _v, ns, ne, _a in numbers):
            continue
        concepts = _concepts_of(mod, _window(text, words, s, e, mod, numbers))
        if concepts:
            facts.append(XFact("count", float(value), (s, e), True, frozenset(concepts), agree_only=True))


def _one_unit_durations(text: str, mod, numbers: list, words: list, durations: dict,
                        facts: list[XFact]) -> list[XFact]:
    """"an hour", "einer Stunde": one unit of time without a digit (and "... and 45 minutes")."""
    for n, (w, s, _e) in enumerate(words[:-1]):
        if _key(mod, w) in mod.ONE_WORDS and _key(mod, words[n + 1][0]) in durations \
                and not text[words[n][2]:words[n + 1][1]].strip() \
                and not any(f.span[0] <= s < f.span[1] for f in facts):
            unit_end = words[n + 1][2]
            minutes, stop = durations[_key(mod, words[n + 1][0])], unit_end
            rest = re.compile(r"\s+(\S+)\s+").match(text, unit_end)
            if rest and _key(mod, rest.group(1)) in mod.DURATION_JOINERS:
                for v2, s2, e2, _a2 in numbers:
                    u2 = _next_word(text, e2)
                    if s2 == rest.end() and u2 and _key(mod, u2[0]) in durations:
                        minutes += v2 * durations[_key(mod, u2[0])]
                        stop = u2[1]
                        facts = [f for f in facts if f.span[0] != s2]
            facts.append(XFact("duration", minutes, (s, stop)))
    return facts


def _one_unit_lengths(text: str, lang: str, mod, words: list, facts: list[XFact]) -> None:
    """"about a mile", "un kilomètre", "half a mile", "medio kilómetro", "einen halben Kilometer":
    one unit of length (or half of one) without a digit (issue 12/14, stop 24); hedged as a
    number is. Lengths only ("a ton of questions" is no weight)."""
    units = {_key(mod, k): v for k, v in mod.UNIT_WORDS.items()}
    ones = {_key(mod, w) for w in mod.ONE_WORDS}
    halves = {_key(mod, w) for w in getattr(mod, "HALF_WORDS", ())}
    lead = ones | halves
    k = 0
    while k < len(words) - 1:
        run, value, m = [], 1.0, k
        while m < len(words) and len(run) < 2 and _key(mod, words[m][0]) in lead \
                and (not run or not text[words[m - 1][2]:words[m][1]].strip(" -")):
            run.append(_key(mod, words[m][0]))
            m += 1
        # "a mile", "half a mile", "un demi-kilomètre", or a half word alone ("medio kilómetro")
        counted = bool(set(run) & ones) or (len(run) == 1 and run[0] in halves)
        if not counted or m >= len(words) or text[words[m - 1][2]:words[m][1]].strip(" -"):
            k += 1
            continue
        unit = units.get(_key(mod, words[m][0]))
        f = unit_factor(unit) if unit else None
        s, e = words[k][1], words[m][2]
        if f is None or f[1] != "[length]" or any(x.span[0] < e and s < x.span[1] for x in facts):
            k += 1
            continue
        value = 0.5 if set(run) & halves else 1.0
        approx = is_approx(text, s, e, mod, lang)
        facts.append(XFact("measure", value * f[0], (s, e), approx, dim=f[1],
                           role=_distance_role(text, mod, words, s, e), unit=unit))
        k = m + 1


def _agree(fa: XFact, fb: XFact) -> bool:
    if fa.agree_only or fb.agree_only:
        return fa.agree_only and fb.agree_only and fa.value == fb.value
    # A floor ("more than 70") against a hedged figure ("about 60", "une soixantaine") must also
    # fit [N, N * toll_floor_span]: a floor only ever adds a disagreement (stop 24).
    if fa.floor != fb.floor and (fb.approx if fa.floor else fa.approx):
        x, y = (fa, fb) if fa.floor else (fb, fa)
        plain = replace(x, floor=False)
        return _agree(plain, y) and _agree(replace(plain, low=x.value, value=x.value * TUNING.toll_floor_span,
                                                   approx=False), y)
    if fa.kind == "age" and fa.low is not None and fb.low is not None:
        return (fa.low, fa.value) == (fb.low, fb.value)  # the ages of one group: "4 to 9" is not "4 to 8"
    if fa.low is not None or fb.low is not None:  # ranges: they overlap, up to the tolerance
        tol = _rounding(fa, fb) + APPROX_TOLERANCE * (fa.approx + fb.approx)
        lo_a, lo_b = (fa.value if fa.low is None else fa.low), (fb.value if fb.low is None else fb.low)
        return lo_a <= fb.value * (1 + tol) + 1e-9 and lo_b <= fa.value * (1 + tol) + 1e-9
    if fa.kind == "time" and (fa.half_day or fb.half_day):
        return fa.value % 720 == fb.value % 720  # "at 9:30" may be "21:30"
    if fa.kind in ("weekday", "date", "time", "age"):
        return fa.value == fb.value
    tol = _rounding(fa, fb) + APPROX_TOLERANCE * (fa.approx + fb.approx)
    if fa.kind == "percent" and not tol:
        tol = 0.0001
    return abs(fa.value - fb.value) <= tol * max(abs(fa.value), abs(fb.value)) + 1e-9


def _rounding(fa: XFact, fb: XFact) -> float:
    """What two figures of one quantity may differ by without a hedge: a conversion's rounding
    ("200 km (124 miles)") between units; between figures in one unit ("40 km" / "49 km") only
    the last digit's (stop 25: the conversion margin hid 40 vs 49 km behind "about")."""
    if fa.kind == "duration" or (fa.kind == "measure" and (fa.unit != fb.unit or not fa.unit)):
        return MEASURE_TOLERANCE
    return SAME_UNIT_TOLERANCE if fa.kind == "measure" else 0.0


def _same_slot(fa: XFact, fb: XFact) -> bool:
    if fa.kind != fb.kind:
        return False
    if fa.kind == "count":
        if ("critical" in fa.concepts) != ("critical" in fb.concepts):
            return False  # "74 injured" / "20 of them critically": the whole and a part of it
        shared = fa.concepts & fb.concepts
        spec_a, spec_b = fa.concepts - {GENERIC}, fb.concepts - {GENERIC}
        if shared - {GENERIC}:
            return True
        # "people" only: two counts of people far apart in size count two groups
        # ("7,200 people inside" / "two to five gunmen")
        return GENERIC in shared and not (spec_a and spec_b) and _ratio(fa, fb) <= TUNING.xl_people_ratio
    if fa.kind == "percent":
        return not (fa.concepts and fb.concepts and not fa.concepts & fb.concepts)
    if fa.kind == "measure":
        if fa.dim != fb.dim or fa.value <= 0 or fb.value <= 0:
            return False
        if fa.role and fb.role and fa.role != fb.role:
            return False  # the way covered and the way left: two quantities (see _role_evidence)
        return max(fa.value, fb.value) / min(fa.value, fb.value) <= MEASURE_SLOT_RATIO
    if fa.kind == "duration":
        if fa.remaining != fb.remaining:
            return False  # what remains is no total ("30 hours of fuel left" / "72 hours of range")
        return fa.value > 0 and fb.value > 0 and max(fa.value, fb.value) / min(fa.value, fb.value) <= MEASURE_SLOT_RATIO
    if fa.kind == "time":  # "19.05 hora local (17.05 GMT)": two clocks, each compared with its own
        return fa.zone == fb.zone and fa.planned == fb.planned
    if fa.kind == "age":  # one person's age told twice differs by a year or two; further apart, two people
        return max(fa.value, fb.value) / min(fa.value, fb.value) <= TUNING.xl_age_ratio
    return True


def _may_be_them(fa: XFact, fb: XFact) -> bool:
    """People with no word of what happened to them in one sentence, and the same figure of
    people a fate is told of in the other ("40 people brought to the clinic" / "40 heridos"): likely
    the same people, so the figure settles the count (stop 25). Never a disagreement: "130
    people" and "100 injured" may well be two groups."""
    if fa.kind != "count" or fb.kind != "count" or fa.value != fb.value:
        return False
    spec_a, spec_b = fa.concepts - {GENERIC}, fb.concepts - {GENERIC}
    return (not spec_a and GENERIC in fa.concepts and spec_b and spec_b <= FATES) or \
        (not spec_b and GENERIC in fb.concepts and spec_a and spec_a <= FATES)


def _them_pairs(fa_all, fb_all) -> list[tuple[XFact, XFact]]:
    """The pairs :func:`_may_be_them` accepts, where neither sentence gives another count of that
    fate: "68 people in hospital and 70 injured" / "68 heridos" compares the injured, 70 / 68."""
    out = []
    for x in fa_all:
        for y in fb_all:
            if _may_be_them(x, y):
                fate = (x.concepts | y.concepts) - {GENERIC}
                if not any(_other_of(o, x, fate) for o in fa_all) and not any(_other_of(o, y, fate) for o in fb_all):
                    out.append((x, y))
    return out


def _other_of(o: XFact, x: XFact, fate: frozenset) -> bool:
    """Is ``o`` another count of ``fate`` than ``x``? Those of them in a critical condition are a
    part of the injured, not another count of them ("74 in hospital, 20 of them critically")."""
    return o is not x and o.kind == "count" and bool(o.concepts & fate) and \
        ("critical" in o.concepts) == ("critical" in fate)


def _weak_one(x: XFact, text: str, other: XFact) -> bool:
    """"one", "at least one", "un": a word for one disagrees only with small counts
    (``TUNING.weak_count_max``; "at least one village" / "40,000 inhabitants")."""
    return x.value == 1 and not any(c.isdigit() for c in text[x.span[0]:x.span[1]]) and other.value > TUNING.weak_count_max


def _ratio(fa: XFact, fb: XFact) -> float:
    lo_a = fa.value if fa.low is None else fa.low
    lo_b = fb.value if fb.low is None else fb.low
    if min(lo_a, lo_b) <= 0:
        return math.inf
    return max(lo_a / fb.value, lo_b / fa.value, 1.0)


_KIND = {"count": "number", "percent": "number", "measure": "quantity", "duration": "quantity",
         "weekday": "weekday", "date": "date", "time": "other", "magnitude": "quantity", "age": "number"}
_NOTE = {"time": "clock times differ (time zones may differ)"}


def xl_evidence(text_a: str, lang_a: str, text_b: str, lang_b: str) -> list[Evidence]:
    """Facts of the same slot that disagree between two sentences (of any two languages)."""
    fa_all = [f for f in read_facts(text_a, lang_a) if not f.agree_only]
    fb_all = [f for f in read_facts(text_b, lang_b) if not f.agree_only]
    out: list[Evidence] = []
    for kind in ("count", "percent", "measure", "duration", "weekday", "date", "time", "magnitude", "age"):
        pairs = [(x, y) for x in fa_all if x.kind == kind for y in fb_all if y.kind == kind and _same_slot(x, y)
                 and not (kind == "count" and (_weak_one(x, text_a, y) or _weak_one(y, text_b, x)))]
        if not pairs:
            continue
        # One shared value settles the slot; for counts, per concept.
        agreeing = [(x, y) for x, y in pairs if _agree(x, y)]
        if kind == "count":
            agreeing += _them_pairs(fa_all, fb_all)
        settled_a = {x for x, _ in agreeing}
        settled_b = {y for _, y in agreeing}
        if kind == "time":  # a time both give settles its clock (local, or a named zone), not the others
            pairs = [(x, y) for x, y in pairs if not any(x.zone == x2.zone for x2, _ in agreeing)]
            agreeing = []
            if not pairs:
                continue
        if kind in ("weekday", "date", "time", "percent", "measure", "duration", "magnitude", "age") and agreeing:
            continue
        left = [(x, y) for x, y in pairs if x not in settled_a and y not in settled_b
                and not (kind == "count" and any(x.concepts & y2.concepts - {GENERIC} for y2 in settled_b))
                and not (kind == "count" and any(y.concepts & x2.concepts - {GENERIC} for x2 in settled_a))]
        if not left:
            continue
        x, y = min(left, key=lambda p: (abs(math.log((p[0].value + 1) / (p[1].value + 1))), p[0].span, p[1].span))
        kind_out = _KIND[kind]
        if kind == "count" and (x.approx or y.approx or x.floor or y.floor):
            kind_out = "quantity"
        out.append(Evidence(kind_out, text_a[x.span[0]:x.span[1]], text_b[y.span[0]:y.span[1]], x.span, y.span,
                            note=_NOTE.get(kind, "")))
    if not any(e.kind == "quantity" for e in out):
        out += _role_evidence(text_a, fa_all, text_b, fb_all)
    return out


def _role_evidence(text_a: str, fa_all: list[XFact], text_b: str, fb_all: list[XFact]) -> list[Evidence]:
    """The same distance read as the way covered in one sentence and as the way left in the
    other ("advanced 80 km" / "bis auf 80 Kilometer"): a disagreement, as in the English engine."""
    for x in fa_all:
        for y in fb_all:
            if x.kind == y.kind == "measure" and x.dim == y.dim and x.role and y.role and x.role != y.role \
                    and _agree(x, replace(y, role=x.role)):
                return [Evidence("quantity", text_a[x.span[0]:x.span[1]], text_b[y.span[0]:y.span[1]], x.span, y.span,
                                 note="the same distance, read as the way covered in one and the way left in the other")]
    return []


def facts_agree(text_a: str, lang_a: str, text_b: str, lang_b: str) -> bool:
    """A figure of a specific slot stated in both (the same count of the dead, the same
    percentage, the same distance): a sign that two sentences state the same claim."""
    fb_all = read_facts(text_b, lang_b)
    fa_all = read_facts(text_a, lang_a)
    them = _them_pairs(fa_all, fb_all)
    small: set[float] = set()
    for x in fa_all:
        hits = [y for y in fb_all if y.kind == x.kind and ((_same_slot(x, y) and _agree(x, y)) or (x, y) in them)]
        if not hits:
            continue
        if x.kind == "count" and not x.concepts - {GENERIC}:
            # people only: specific when both give the same exact uneven figure ("143 people on
            # board" / "levava 143 pessoas"), not against "about 150" or "unas 143" (stop 26)
            if _exact_people(x) and any(_exact_people(y) and y.value == x.value for y in hits):
                return True
        elif _specific(x):
            return True
        if any((x, y) in them and _specific(y) for y in hits):
            return True
        if x.kind == "count" and x.concepts - {GENERIC}:
            small.add(x.value)
    # A count of "people" only, or a small figure, agrees by chance; two small figures of known
    # kinds both give ("9 injured, 6 of them critically") do not (stop 25).
    return len(small) >= 2


def _exact_people(x: XFact) -> bool:
    """An exact count of people only, PEOPLE_SPECIFIC_MIN or more and no multiple of 5."""
    return x.kind == "count" and x.low is None and not x.approx and not x.floor and x.value >= PEOPLE_SPECIFIC_MIN \
        and x.value % 5 != 0


def _specific(x: XFact) -> bool:
    """A figure specific enough that two sentences stating it likely state one claim."""
    if (x.kind == "duration" and x.agree_only) or x.kind == "age":
        return True  # "a five-year term", "aged 70"
    if x.kind == "time":
        return x.value % 15 != 0  # a clock time to the minute ("at 4:52 p.m."), not a round hour or quarter
    if x.kind not in ("count", "percent", "measure") or x.value < 10:
        return False
    if x.kind == "count" and not x.concepts - {GENERIC}:
        # people only: a round figure recurs by chance, an exact uneven one seldom does ("143
        # people on board" / "levava 143 pessoas", stop 26)
        return _exact_people(x)
    return True


def agreeing_pairs(texts: list[str], langs: list[str], allowed) -> list[tuple[int, int]]:
    """Pairs (i < j) of sentences that state one specific figure in one slot (``facts_agree``),
    among those ``allowed(i, j)`` accepts. Found through an index of the figures' magnitudes
    (log steps of the widest tolerance), never by comparing all pairs."""
    step = -math.log(1.0 - (MEASURE_TOLERANCE + 2 * APPROX_TOLERANCE))  # two agreeing figures: one step apart at most
    index: dict[tuple[str, str, int], list[int]] = {}
    for i, (text, lang) in enumerate(zip(texts, langs)):
        keys = set()
        for x in read_facts(text, lang):
            if _specific(x):
                top = int(math.log(x.value) // step)
                bottom = top if x.low is None or x.low <= 0 else int(math.log(x.low) // step)
                keys.update((x.kind, x.dim, b) for b in range(bottom, top + 1))
        for key in keys:
            index.setdefault(key, []).append(i)
    seen: set[tuple[int, int]] = set()
    out = []
    for (kind, dim, b), rows in sorted(index.items()):
        near = sorted(set(rows) | set(index.get((kind, dim, b + 1), ())))
        for i in rows:
            for j in near:
                pair = (min(i, j), max(i, j))
                if i == j or pair in seen or not allowed(*pair):
                    continue
                seen.add(pair)
                a, c = pair
                if facts_agree(texts[a], langs[a], texts[c], langs[c]) or facts_agree(texts[c], langs[c], texts[a], langs[a]):
                    out.append(pair)
    return sorted(out)


def has_facts(text: str, lang: str) -> bool:
    return bool(read_facts(text, lang))
