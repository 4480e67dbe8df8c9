"""Weekdays and calendar dates in a sentence, read per language.

``read_weekdays(text, lang)`` -> ``[Weekday(value, start, end)]`` with Monday = 0 ... Sunday = 6.
``read_months_dates(text, lang)`` -> ``[MonthDate(month, day, year, start, end)]``: a month name
with the day and year written next to it when there are ("5 de mayo de 2023", "5. Mai 2023",
"1er mai", "May 5, 2023", "12 سبتمبر 2023"), else None. Arabic names may be doubled with a
slash ("مايو/أيار"): one mention. English month names count only capitalised ("May", not "may").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from reviewer.lang.tables import tables


class Weekday(NamedTuple):
    value: int
    start: int
    end: int


class MonthDate(NamedTuple):
    month: int
    day: int | None
    year: int | None
    start: int
    end: int


_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_TO_ASCII = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}


def _int(s: str) -> int:
    return int(s.translate(_TO_ASCII))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _prefix(mod) -> str:
    prefixes = getattr(mod, "PREFIXES", ())
    return f"(?:{_alternation(prefixes)})?" if prefixes else ""


@functools.lru_cache(maxsize=16)
def _weekday_re(lang: str) -> re.Pattern[str]:
    mod = tables(lang)
    return re.compile(rf"(?<!\w){_prefix(mod)}({_alternation(mod.WEEKDAYS)})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _month_re(lang: str) -> re.Pattern[str]:
    mod = tables(lang)
    if getattr(mod, "MONTHS_CAPITALISED", False):
        names = {w[:1].upper() + w[1:] for w in mod.MONTHS}
        return re.compile(rf"(?<!\w)({_alternation(names)})(?!\w)\.?")
    return re.compile(rf"(?<!\w){_prefix(mod)}({_alternation(mod.MONTHS)})(?!\w)", re.IGNORECASE)


def _month_value(mod, word: str) -> int | None:
    return mod.MONTHS.get(word.lower().rstrip(".")) or mod.MONTHS.get(word.rstrip("."))


def read_weekdays(text: str, lang: str) -> list[Weekday]:
    """Weekday names in ``text``: Monday = 0 ... Sunday = 6."""
    if not isinstance(text, str):
        return []
    mod = tables(lang)
    out = []
    for m in _weekday_re(lang).finditer(text):
        value = mod.WEEKDAYS.get(m.group(1).lower(), mod.WEEKDAYS.get(m.group(1)))
        if value is not None:
            out.append(Weekday(value, m.start(1), m.end(1)))
    return out


def read_months_dates(text: str, lang: str) -> list[MonthDate]:
    """Month names in ``text`` with the day and year around them, when written."""
    if not isinstance(text, str):
        return []
    mod = tables(lang)
    links = _alternation(mod.DATE_LINKS) if mod.DATE_LINKS else None
    link = rf"(?:(?:{links})\s+)?" if links else ""
    ordinal = _alternation(mod.ORDINAL_SUFFIXES) if mod.ORDINAL_SUFFIXES else None
    suffix = rf"(?:{ordinal})?" if ordinal else ""
    day_before = re.compile(rf"(?<![\w.,])([{_D}]{{1,2}}){suffix}\.?\s+{link}$", re.IGNORECASE)
    day_after = re.compile(rf"\s+([{_D}]{{1,2}}){suffix}(?![{_D}\w])", re.IGNORECASE)
    year_after = re.compile(rf",?\s+{link}([{_D}]{{4}})(?![{_D}])", re.IGNORECASE)
    month_re = _month_re(lang)
    out: list[MonthDate] = []
    pos = 0
    for m in month_re.finditer(text):
        if m.start() < pos:
            continue
        month = _month_value(mod, m.group(1))
        if month is None:
            continue
        start, end = m.start(1), m.end()
        day = year = None
        before = day_before.search(text, max(0, start - 20), start)
        if before and 1 <= _int(before.group(1)) <= 31:
            day, start = _int(before.group(1)), before.start(1)
        # A second name for the same month ("مايو/أيار")
        other = re.compile(rf"\s*/\s*{_prefix(mod)}({_alternation(mod.MONTHS)})(?!\w)", re.IGNORECASE).match(text, end)
        if other and _month_value(mod, other.group(1)) == month:
            end = other.end()
        if day is None and mod.MONTH_FIRST:
            after = day_after.match(text, end)
            if after and 1 <= _int(after.group(1)) <= 31:
                day, end = _int(after.group(1)), after.end()
        yr = year_after.match(text, end)
        if yr and 1000 <= _int(yr.group(1)) <= 2999:
            year, end = _int(yr.group(1)), yr.end()
        out.append(MonthDate(month, day, year, start, end))
        pos = end
    return out
