"""Weekdays and dates in a sentence, relative ones resolved against the article's date.

Works on the token list of one sentence (see :func:`reviewer.engine.textnorm.tokenize`) and
returns mentions with their character span inside the sentence.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from reviewer.lang.tables import tables
from reviewer.lang.en import AGO_HEDGES, AGO_UNIT_DAYS, MAY_MONTH_BEFORE, MONTHS, SHORT_MONTHS, UNITS, WEEKDAYS

Tok = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class DateMention:
    lo: dt.date
    hi: dt.date
    span: tuple[int, int]
    kind: str  # "weekday" or "date"
    weekday: int | None = None


def _weekday(toks: list[Tok], words: list[str], i: int, base: dt.date | None) -> DateMention:
    wd = WEEKDAYS[words[i]]
    if base is not None:
        # The most recent such day on or before the article's date (news reports the past).
        delta = (base.weekday() - wd) % 7
        day = base - dt.timedelta(days=delta)
        if i > 0 and words[i - 1] == "next":
            day = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:
        day = dt.date.min
    return DateMention(day, day, (toks[i][1], toks[i][2]), "weekday", wd)


def _month_date(toks: list[Tok], words: list[str], i: int, base: dt.date | None) -> tuple[DateMention, int, int] | None:
    """"May 3, 2019", "3 May", "March 2019", "in May": (mention, first token, last token)."""
    n = len(toks)
    w = words[i]
    if w == "may" and not (toks[i][0][0] == "M" and (
            (i + 1 < n and toks[i + 1][0].isdigit()) or (i > 0 and toks[i - 1][0].isdigit())
            or (i > 0 and words[i - 1] in MAY_MONTH_BEFORE))):
        return None
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
    elif w in SHORT_MONTHS and toks[i][0][0].islower():
        return None
    if year is None:
        if base is None:
            return None
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
        return None
    return DateMention(lo, hi, (toks[s][1], toks[e][2]), "date"), s, e


def _ago(toks: list[Tok], words: list[str], i: int, base: dt.date) -> DateMention | None:
    """"two weeks ago", "about a year ago"."""
    unit = words[i - 1].rstrip("s")
    qty_word = words[i - 2]
    qty = UNITS.get(qty_word) if qty_word in UNITS else (int(qty_word) if qty_word.isdigit() else (1 if qty_word in ("a", "an") else None))
    days = AGO_UNIT_DAYS.get(unit)
    if not (qty and days):
        return None
    centre = base - dt.timedelta(days=qty * days)
    slack = dt.timedelta(days=max(1, qty * days // 7))
    s = i - 2
    if s > 0 and words[s - 1] in AGO_HEDGES:
        s -= 1
        slack = slack * 2
    return DateMention(centre - slack, centre + slack, (toks[s][1], toks[i][2]), "date")


def _last_period(toks: list[Tok], words: list[str], i: int, base: dt.date) -> DateMention:
    """"last week", "last month", "last year"."""
    unit = words[i + 1]
    if unit == "week":
        lo, hi = base - dt.timedelta(days=13), base - dt.timedelta(days=1)
    elif unit == "month":
        first = base.replace(day=1)
        hi = first - dt.timedelta(days=1)
        lo = hi.replace(day=1)
    else:
        lo, hi = dt.date(base.year - 1, 1, 1), dt.date(base.year - 1, 12, 31)
    return DateMention(lo, hi, (toks[i][1], toks[i + 1][2]), "date")


def extract_dates(toks: list[Tok], words: list[str], base: dt.date | None) -> list[DateMention]:
    """Weekdays and dates; relative ones ("two weeks ago", "last month", "Saturday")
    resolved against ``base`` (the article's date) when it is known."""
    out: list[DateMention] = []
    n = len(toks)
    used = [False] * n
    for i, w in enumerate(words):
        if used[i]:
            continue
        if w in WEEKDAYS:
            out.append(_weekday(toks, words, i, base))
            used[i] = True
            continue
        if w in MONTHS and toks[i][0][:1].isupper():  # "the march 24 hours earlier" is no date
            got = _month_date(toks, words, i, base)
            if got is not None:
                mention, s, e = got
                for k in range(s, e + 1):
                    used[k] = True
                out.append(mention)
            continue
        if base is None:
            continue
        if w == "yesterday":
            d = base - dt.timedelta(days=1)
            out.append(DateMention(d, d, (toks[i][1], toks[i][2]), "date"))
        elif w == "today" or w == "tonight":
            out.append(DateMention(base, base, (toks[i][1], toks[i][2]), "date"))
        elif w == "ago" and i >= 2:
            got_ago = _ago(toks, words, i, base)
            if got_ago is not None:
                out.append(got_ago)
        elif w == "last" and i + 1 < n and words[i + 1] in ("week", "month", "year"):
            out.append(_last_period(toks, words, i, base))
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


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day: minutes after midnight (``half_day``: written on a 12-hour clock without
    a.m./p.m., so only known up to 12 hours), its span, and whether it is hedged ("around 9 pm",
    "shortly after 2 a.m.") or placed in a named time zone ("14:00 GMT")."""

    minutes: int
    span: tuple[int, int]
    half_day: bool = False
    hedged: bool = False
    zone: str | None = None
    width: int = 0  # a part of the day ("in the evening"): minutes to its end, past ``minutes``


_CLOCK_RE = re.compile(r"(?<![\w.,:])(\d{1,2})(?:\s?([:.h])\s?(\d{2}))?(?:\s?(a\.m\.?|p\.m\.?|am|pm|[^\W\d_]+\.?))?(?!\w)",
                       re.IGNORECASE)
_ZONE_RE = re.compile(r"\s*\(?([A-Z]{1,3}[SD]?T|GMT|UTC)\b")


@functools.lru_cache(maxsize=16)
def _clock_tables(lang: str) -> tuple[dict, tuple[str, ...], dict, dict, tuple, str, re.Pattern[str] | None,
                                        frozenset[str]]:
    """read_clock_times' tables of ``lang`` in the case it compares them (built once per language)."""
    mod = tables(lang)
    suffixes = {k.lower(): v for k, v in mod.CLOCK_SUFFIXES.items()}
    cues = tuple(c.lower() for c in (*mod.APPROX_CUES, *getattr(mod, "TIME_HEDGES", ())))
    parts = getattr(mod, "DAY_PARTS", {})
    # what may follow a time of day: "local time" (no zone, as if none were named) or a zone
    # named in words ("بتوقيت جرينتش", Greenwich time); the zones in capitals are _ZONE_RE's
    after = [(w.lower(), None) for w in getattr(mod, "LOCAL_TIME", ())]
    after += [(w.lower(), z) for w, z in getattr(mod, "ZONE_WORDS", {}).items()]
    after.sort(key=lambda x: -len(x[0]))
    hour_cue = getattr(mod, "HOUR_CUE", "")  # the word for "o'clock" a bare hour with a day half needs
    # the words right before an hour that make "18.45" a time of day ("a las 18.45", "alle 18.45")
    leads = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in getattr(mod, "CLOCK_LEADS", ())) + r")\s*$",
                       re.IGNORECASE) if getattr(mod, "CLOCK_LEADS", ()) else None
    # words of the language that look like a suffix of the English clock ("um 18:45 am Freitag": on)
    others = frozenset(w.lower() for w in getattr(mod, "NOT_CLOCK_SUFFIXES", ()))
    return suffixes, cues, parts, {k.casefold(): v for k, v in parts.items()}, tuple(after), hour_cue, leads, others


# Zones that make "HH.MM" a time of day by themselves ("17.05 GMT"): a fixed list, since any
# capitalised word ending in T ("10.45 MT") would otherwise turn a decimal into a time
KNOWN_ZONES = frozenset({"GMT", "UTC", "CET", "CEST", "BST", "WET", "WEST", "EET", "EEST", "MSK", "EST", "EDT",
                         "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST", "IST", "JST", "KST", "AEST",
                         "AEDT", "AWST", "NZST", "NZDT", "SAST", "WAT", "EAT", "CAT", "ART", "BRT", "TRT"})


def _named_clock(text: str, end: int, after: tuple) -> tuple[bool, str | None]:
    """(is what follows ``end`` a known time zone or "local time", the zone it names)."""
    zm = _ZONE_RE.match(text, end)
    if zm and zm.group(1) in KNOWN_ZONES:
        return True, zm.group(1)
    rest = text[end:end + 40].lstrip(" \u00a0").lower()
    for words, zone in after:
        if rest.startswith(words) and not rest[len(words):len(words) + 1].isalnum():
            return True, zone
    return False, None


def read_clock_times(text: str, lang: str) -> list[ClockTime]:
    """The clock times of a sentence in language ``lang``: "2:15 a.m.", "9 pm", "14:30",
    "20.30 Uhr", "21h15"; a bare number or a decimal ("52.14") is none."""
    return list(_read_clock_times(text, lang))


@functools.lru_cache(maxsize=4096)
def _read_clock_times(text: str, lang: str) -> tuple[ClockTime, ...]:
    """read_clock_times, once per text (issue 15: features, evidence and xfacts all read a sentence's)."""
    suffixes, cues, parts, folded, after, hour_cue, leads, others = _clock_tables(lang)
    out: list[ClockTime] = []
    for m in _CLOCK_RE.finditer(text):
        sep, minute_s, suffix = m.group(2), m.group(3), (m.group(4) or "").lower()
        if suffix in others:
            suffix = ""
        half = suffixes.get(suffix, suffixes.get(suffix.rstrip(".")))  # 0 a.m., 12 p.m., None a 24-hour mark
        ampm = suffix.rstrip(".").replace(".", "") in ("am", "pm") or half in (0, 12)
        known = ampm or suffix in suffixes or suffix.rstrip(".") in suffixes
        if half in (0, 12) and not minute_s and hour_cue and not text[:m.start()].rstrip().endswith(hour_cue):
            continue  # "9 مساء الأحد": the evening of a day after a count, not nine p.m. (no minutes, no "الساعة")
        # "17.05 GMT", "19.05 hora local": a zone or "local time" right after the minutes (stop 25)
        named = _named_clock(text, m.end(3), after) if minute_s and not known else None
        if not (known or (named and named[0]) or (minute_s and (sep == ":" or sep.lower() == "h" and "h" in suffixes))
                or (minute_s and sep == "." and leads is not None and leads.search(text, 0, m.start())
                    and not _amount_after(text, m.end(3), lang))):
            continue  # "at 9", "52.14 percent": no time
        if re.match(r"[.,:]\d", text[m.end():m.end() + 2]):
            continue  # "a scale of 1:25,000", "12:30.5": a ratio or a longer figure, no time
        end = m.end() if known else m.end(3)
        if known and suffix.endswith(".") and suffix not in suffixes and suffix[:-1] in suffixes:
            end -= 1  # "7:20 صباحا." : the full stop ends the sentence, not the suffix
        hour, minute = int(m.group(1)), int(minute_s or 0)
        if hour > 24 or minute > 59 or (ampm and not 1 <= hour <= 12):
            continue
        if ampm:
            hour = hour % 12 + (12 if suffix.startswith("p") or half == 12 else 0)
        before = text[max(0, m.start() - 24):m.start()].lower()
        # "around 9 pm", "gegen 21 Uhr", "hacia las 21:00" (an article may stand between)
        hedged = any(re.search(rf"(?<!\w){re.escape(c)}(?:\W+\w{{1,3}})?\W*$", before) for c in cues)
        # "local time" and no zone at all read alike; without a suffix the time ends at its
        # minutes, where ``named`` already looked
        zone = (named if named is not None else _named_clock(text, end, after))[1]
        out.append(ClockTime(hour * 60 + minute, (m.start(), end), half_day=not ampm and hour <= 12 and lang == "en",
                             hedged=hedged, zone=zone))
    if parts:
        for m in _day_parts_re(lang).finditer(text):
            # the pattern ignores case as Python does ("ı" matches "i"), so look up what it matched safely
            got = parts.get(m.group(1).lower()) or folded.get(m.group(1).casefold())
            if got is None:
                continue
            lo, hi = got
            out.append(ClockTime(lo, (m.start(1), m.end(1)), width=hi - lo))
        out.sort(key=lambda c: c.span)
    return tuple(out)


# Words after "NN.NN" that make it an amount, not a time, whatever stands before it ("um 12.30
# Prozent", "a 18.45 euro"): currencies, and the language's units and percent words
_CURRENCIES = frozenset({"euro", "euros", "dollar", "dollars", "dólar", "dólares", "dolares", "reais", "real", "pesos",
                         "francs", "franken", "pounds", "libras", "sterline", "yen", "lire", "rublos", "rubles"})


def _amount_after(text: str, end: int, lang: str) -> bool:
    mod = tables(lang)
    rest = text[end:end + 24].lstrip().lower()
    if rest[:1] in ("%", "€", "$", "£"):
        return True
    word = re.match(r"[^\W\d_]+", rest)
    if word is None:
        return False
    w = word.group(0)
    return w in _CURRENCIES or w in {u.lower() for u in mod.UNIT_WORDS} or \
        any(rest.startswith(p.lower()) for p in mod.PERCENT_WORDS)


def may_name_day_part(text: str, lang: str) -> bool:
    """Does the sentence name a part of the day ("evening", "soir")? (A quick test.)"""
    return bool(getattr(tables(lang), "DAY_PARTS", None)) and _day_parts_re(lang).search(text) is not None


@functools.lru_cache(maxsize=16)
def _day_parts_re(lang: str) -> re.Pattern[str]:
    words = sorted(getattr(tables(lang), "DAY_PARTS", {}), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def clock_gap(a: ClockTime, b: ClockTime) -> int:
    """Minutes between two times of day (a part of the day is a stretch of them), round the
    clock; a time written on a 12-hour clock without a.m. or p.m. may be either half."""
    best = 1440
    for sa in ((0, 720) if a.half_day else (0,)):
        for sb in ((0, 720) if b.half_day else (0,)):
            lo_a, lo_b = (a.minutes + sa) % 1440, (b.minutes + sb) % 1440
            for shift in (-1440, 0, 1440):
                gap = max(lo_b + shift - (lo_a + a.width), lo_a - (lo_b + shift + b.width), 0)
                best = min(best, gap)
    return best
