"""Checkable facts in a sentence: counts, vague quantities, weekdays, dates, negation.

Everything works on the token list of one sentence (see :func:`reviewer.textnorm.tokenize`)
and returns mentions with their character span inside the sentence, so that a conflict can
point at the exact words that disagree.

Numbers are kept as intervals ``[lo, hi]``: "three" is [3, 3], "at least one" is [1, inf],
"more than a hundred" is (100, inf), "dozens" is [24, 99], "nearly 600" is [510, 600].
Two counts conflict only when their intervals do not overlap.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

INF = math.inf

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "single": 1, "both": 2, "dozen": 12,
    "twice": None,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "millions": (2_000_000, 999_999_999), "several": (3, 9), "couple": (2, 3), "few": (2, 6),
    "handful": (2, 6),
}
# "more than five hours" is read as at least five: reporters round, and a strict bound
# would flag "five hours" vs "more than five hours" as a contradiction.
# Number words are facts, not content words: they never count towards two sentences' overlap.
NUMBER_WORDS = frozenset(set(UNITS) | set(SCALES) | set(VAGUE) - {"few", "couple", "several", "single", "both"})
LOWER = {("at", "least"): False, ("more", "than"): False, ("over",): False, ("upwards", "of"): False,
         ("no", "fewer", "than"): False, ("in", "excess", "of"): False, ("above",): False}
UPPER = {("at", "most"): False, ("less", "than"): True, ("fewer", "than"): True, ("up", "to"): False,
         ("under",): True, ("no", "more", "than"): False, ("below",): True}
APPROX = {("nearly",): (0.9, 1.0), ("almost",): (0.9, 1.0), ("about",): (0.9, 1.1),
          ("around",): (0.9, 1.1), ("approximately",): (0.9, 1.1), ("roughly",): (0.9, 1.1),
          ("some",): (0.9, 1.1), ("an", "estimated"): (0.85, 1.15), ("estimated",): (0.85, 1.15),
          ("close", "to"): (0.9, 1.0)}
# Words after which "one", "a", ... is not a count ("no one", "the one", "each one").
NOT_COUNT_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"}
# A count followed by these is a duration or a date part, not a count of things.
TIME_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
              "weeks", "month", "months", "year", "years", "decade", "decades", "century",
              "centuries"}
_ADJ_ENDINGS = ("ed", "al", "ful", "ous", "ive", "ic", "ish", "ian", "ese", "less", "able", "ible", "ary", "ern")
def _adjective_like(word: str) -> bool:
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in _ADJ_ENDINGS)


AUX = {"was", "were", "is", "are", "been", "being", "have", "has", "had", "reportedly", "also", "later"}
CLOCK = {"am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "local"}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "oct": 10, "nov": 11, "dec": 12}
NEG_CUES = {"not", "no", "never", "n't", "without", "nobody", "none", "neither", "nor", "nothing",
            "cannot", "deny", "denied", "denies", "denying"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")


@dataclass(frozen=True, slots=True)
class Count:
    lo: float
    hi: float
    span: tuple[int, int]  # characters in the sentence: the number words and their head
    head: tuple[str, ...]  # terms of the counted thing (up to 3 content terms after the number)
    exact: bool  # a plain number ("three", "54"), not a range or a vague word
    weak: bool = False  # an indefinite article ("a drone"): one, but only against a real number
    pre: str | None = None  # the content word right before ("magnitude 6.4", "killed six")


@dataclass(frozen=True, slots=True)
class DateMention:
    lo: dt.date
    hi: dt.date
    span: tuple[int, int]
    kind: str  # "weekday" or "date"
    weekday: int | None = None


def _num_value(tok: str) -> float | None:
    t = tok.replace(",", "")
    if _DIGITS.match(tok):
        try:
            return float(t)
        except ValueError:
            return None
    return None


def _match_phrase(words: list[str], end: int, table: dict) -> tuple[int, object] | None:
    """Does a phrase of ``table`` end just before index ``end``? Returns (start, value)."""
    for phrase, value in table.items():
        n = len(phrase)
        if end - n >= 0 and tuple(words[end - n:end]) == phrase:
            return end - n, value
    return None


def extract_counts(toks: list[tuple[str, int, int]], words: list[str], terms: list[str | None],
                   stop: list[bool]) -> list[Count]:
    """Counts of things in one sentence. ``words`` are folded tokens; ``terms`` the content
    terms (None for stopwords); all lists are parallel to ``toks``."""
    out: list[Count] = []
    n = len(toks)
    i = 0
    while i < n:
        w = words[i]
        value: float | None = None
        vague: tuple[float, float] | None = None
        j = i  # last token of the number phrase
        weak = False
        if _num_value(toks[i][0]) is not None:
            value = _num_value(toks[i][0])
            if j + 1 < n and words[j + 1] in SCALES:
                value *= SCALES[words[j + 1]]
                j += 1
        elif w in UNITS and UNITS[w] is not None:
            value = float(UNITS[w])
            # twenty five / twenty-five
            if value >= 20 and value % 10 == 0 and j + 1 < n and words[j + 1] in UNITS and (UNITS[words[j + 1]] or 0) < 10:
                value += UNITS[words[j + 1]]
                j += 1
            if j + 1 < n and words[j + 1] in SCALES:
                value *= SCALES[words[j + 1]]
                j += 1
            if w == "dozen" and i > 0 and words[i - 1] not in ("a", "one"):
                value = None
        elif w in ("a", "an") and i + 1 < n and words[i + 1] in SCALES:
            value = float(SCALES[words[i + 1]])
            j = i + 1
        elif w in ("a", "an") and i + 1 < n and words[i + 1] == "dozen":
            value = 12.0
            j = i + 1
        elif w in VAGUE:
            if w == "few" and (i == 0 or words[i - 1] != "a"):
                i += 1
                continue
            vague = VAGUE[w]
            if i + 1 < n and words[i + 1] == "of":
                j = i + 1  # "dozens of people"
        elif w in ("a", "an", "single"):
            value = 1.0
            weak = w != "single"
        if value is None and vague is None:
            i += 1
            continue
        # What comes before: "no one", "the one", "at least", "more than", "nearly"...
        prev = words[i - 1] if i > 0 else ""
        if (w in ("one", "a", "an") and prev in NOT_COUNT_BEFORE) or (value is not None and 1900 <= value <= 2100 and not weak and w.isdigit()):
            i = j + 1
            continue
        # Head: the content terms right after the number (stop at a stopword or punctuation gap).
        head: list[str] = []
        k = j + 1
        if k < n and words[k] == "of" and (value is not None and not weak):
            # "two of the drones": a part of a group, not the size of the group
            i = j + 1
            continue
        last = j
        while k < n and len(head) < 3 and terms[k] is not None and not _gap(toks, k - 1, k):
            head.append(terms[k])
            last = k
            k += 1
        if not head:
            # "dozens were injured": the participle after an auxiliary says what was counted
            m = j + 1
            while m < n and m <= j + 3 and words[m] in AUX and not _gap(toks, m - 1, m):
                m += 1
            if m > j + 1 and m < n and terms[m] is not None and not _gap(toks, m - 1, m):
                head.append(terms[m])
                last = m
        if not head and value is not None and "toll" in words[max(0, i - 8):i]:
            head = ["person", "die"]  # "the death toll at 9", "the toll rose to 12": a count of the dead
            last = j
        if not head:
            i = j + 1
            continue
        nxt = words[j + 1] if j + 1 < n else ""
        if nxt in CLOCK or nxt in MONTHS or prev in MONTHS or (nxt in TIME_UNITS and last + 1 < n and words[last + 1] == "ago"):
            i = j + 1
            continue
        if prev in ("the", "of") and i >= 3 and words[i - 1] in ("the", "of") and any(
                _num_value(toks[m][0]) is not None or words[m] in UNITS for m in range(max(0, i - 3), i - 1)):
            i = j + 1  # "73 of the 329 seats": 329 is the total, not a count of what happened
            continue
        if weak and j + 1 < n and (_num_value(toks[j + 1][0]) is not None or words[j + 1] in UNITS):
            i = j + 1  # "a magnitude 6.4 earthquake": the number is the fact, not the article
            continue
        if weak and k < n and words[k] == "of":
            i = j + 1  # "a depth of", "a number of", "a group of": not a count of one thing
            continue
        pre = None
        before = i - 1
        while before >= 0 and terms[before] is None and words[before] in ("at", "least", "more", "than", "over", "nearly", "almost", "about", "around", "some", "up", "to", "less", "fewer", "under", "roughly", "approximately", "an", "estimated", "close"):
            before -= 1
        if not weak and before >= 0 and terms[before] is not None and not _gap(toks, before, before + 1) and _num_value(toks[before][0]) is None:
            pre = terms[before]
        if _ORDINAL.match(toks[i][0]):
            i = j + 1
            continue
        if weak and len(head) >= 2 and not (_adjective_like(words[i + 1]) or words[last].endswith(("ed", "en", "ing"))):
            i = j + 1  # "a deal worth ...", "a drone bomb attack": not "one <noun>"
            continue
        if weak:
            # "a drone attack": the noun qualifies another noun; "a drone laden with": fine.
            if k < n and terms[k] is not None and not words[k].endswith(("ed", "ing", "en")) and not _gap(toks, k - 1, k):
                i = j + 1
                continue
        lo: float
        hi: float
        exact = vague is None
        if vague is not None:
            lo, hi = vague
        else:
            lo = hi = float(value)  # type: ignore[arg-type]
        start_idx = i
        m = _match_phrase(words, i, LOWER)
        if m:
            start_idx, strict = m
            lo, hi = (lo + (1 if strict else 0)), INF
            exact = False
        else:
            m = _match_phrase(words, i, UPPER)
            if m:
                start_idx, strict = m
                lo, hi = 0.0, (hi - (1 if strict else 0))
                exact = False
            else:
                m = _match_phrase(words, i, APPROX)
                if m:
                    start_idx, (f_lo, f_hi) = m
                    lo, hi = math.floor(lo * f_lo), math.ceil(hi * f_hi)
                    exact = False
        span = (toks[start_idx][1], toks[last][2])
        out.append(Count(lo=lo, hi=hi, span=span, head=tuple(head), exact=exact, weak=weak, pre=pre))
        i = last + 1
    return out


def _gap(toks: list[tuple[str, int, int]], a: int, b: int) -> bool:
    """Is there more than a space or a hyphen between tokens a and b (a comma, a quote...)?"""
    return toks[b][1] - toks[a][2] > 1


def counts_conflict(a: Count, b: Count) -> bool:
    if a.weak and b.weak:
        return False
    if a.weak or b.weak:
        other = b if a.weak else a
        if not other.exact:
            return False
    return a.hi < b.lo or b.hi < a.lo


def extract_dates(toks: list[tuple[str, int, int]], words: list[str], base: dt.date | None) -> list[DateMention]:
    """Weekdays and dates; relative ones ("two weeks ago", "last month", "Saturday")
    resolved against ``base`` (the article's date) when it is known."""
    out: list[DateMention] = []
    n = len(toks)
    used = [False] * n
    for i, w in enumerate(words):
        if used[i]:
            continue
        if w in WEEKDAYS:
            wd = WEEKDAYS[w]
            if base is not None:
                # The most recent such day on or before the article's date (news reports the past).
                delta = (base.weekday() - wd) % 7
                day = base - dt.timedelta(days=delta)
                if i > 0 and words[i - 1] == "next":
                    day = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
            else:
                day = dt.date.min
            out.append(DateMention(day, day, (toks[i][1], toks[i][2]), "weekday", wd))
            used[i] = True
            continue
        if w in MONTHS:
            if w == "may" and not (toks[i][0][0] == "M" and (
                    (i + 1 < n and toks[i + 1][0].isdigit()) or (i > 0 and toks[i - 1][0].isdigit())
                    or (i > 0 and words[i - 1] in ("in", "last", "early", "late", "mid", "since", "of", "until", "by", "next", "this")))):
                continue
            month = MONTHS[w]
            day = year = None
            s, e = i, i
            if i + 1 < n and toks[i + 1][0].isdigit() and 1 <= int(toks[i + 1][0]) <= 31:
                day = int(toks[i + 1][0]); e = i + 1
                if i + 2 < n and toks[i + 2][0].isdigit() and len(toks[i + 2][0]) == 4:
                    year = int(toks[i + 2][0]); e = i + 2
            elif i > 0 and toks[i - 1][0].isdigit() and 1 <= int(toks[i - 1][0]) <= 31:
                day = int(toks[i - 1][0]); s = i - 1
                if i + 1 < n and toks[i + 1][0].isdigit() and len(toks[i + 1][0]) == 4:
                    year = int(toks[i + 1][0]); e = i + 1
            elif i + 1 < n and toks[i + 1][0].isdigit() and len(toks[i + 1][0]) == 4:
                year = int(toks[i + 1][0]); e = i + 1
            elif w in ("mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb", "apr") and toks[i][0][0].islower():
                continue
            if year is None:
                if base is None:
                    continue
                year = base.year
                # "December 30" in a January article is last year.
                if month > base.month + 1:
                    year -= 1
            try:
                if day is not None:
                    lo = hi = dt.date(year, month, day)
                else:
                    lo = dt.date(year, month, 1)
                    hi = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
            except ValueError:
                continue
            for k in range(s, e + 1):
                used[k] = True
            out.append(DateMention(lo, hi, (toks[s][1], toks[e][2]), "date"))
            continue
        if base is None:
            continue
        # Relative expressions.
        if w == "yesterday":
            d = base - dt.timedelta(days=1)
            out.append(DateMention(d, d, (toks[i][1], toks[i][2]), "date")); continue
        if w == "today" or (w == "tonight"):
            out.append(DateMention(base, base, (toks[i][1], toks[i][2]), "date")); continue
        if w == "ago" and i >= 2:
            unit = words[i - 1].rstrip("s")
            qty_word = words[i - 2]
            qty = UNITS.get(qty_word) if qty_word in UNITS else (int(qty_word) if qty_word.isdigit() else (1 if qty_word in ("a", "an") else None))
            days = {"day": 1, "week": 7, "month": 30, "year": 365}.get(unit)
            if qty and days:
                centre = base - dt.timedelta(days=qty * days)
                slack = dt.timedelta(days=max(1, qty * days // 7))
                s = i - 2
                if s > 0 and words[s - 1] in ("about", "around", "nearly", "almost", "some"):
                    s -= 1
                    slack = slack * 2
                out.append(DateMention(centre - slack, centre + slack, (toks[s][1], toks[i][2]), "date"))
            continue
        if w == "last" and i + 1 < n and words[i + 1] in ("week", "month", "year"):
            unit = words[i + 1]
            if unit == "week":
                lo, hi = base - dt.timedelta(days=13), base - dt.timedelta(days=1)
            elif unit == "month":
                first = base.replace(day=1)
                hi = first - dt.timedelta(days=1)
                lo = hi.replace(day=1)
            else:
                lo, hi = dt.date(base.year - 1, 1, 1), dt.date(base.year - 1, 12, 31)
            out.append(DateMention(lo, hi, (toks[i][1], toks[i + 1][2]), "date"))
            used[i + 1] = True
    return out


def dates_conflict(a: DateMention, b: DateMention) -> bool:
    if a.kind == "weekday" and b.kind == "weekday":
        return a.weekday != b.weekday
    if a.lo == dt.date.min or b.lo == dt.date.min:
        return False
    return a.hi < b.lo or b.hi < a.lo


def parse_iso(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
