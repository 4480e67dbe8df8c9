"""Numbers in a sentence, read per language: digits and number words.

``read_numbers(text, lang)`` returns ``NumberMention(value, start, end, approx)`` tuples in
text order, with ``text[start:end]`` the number as written (a scale word after digits is part
of it: "2,3 millones" is 2300000.0).

- Digits (ASCII, Arabic-Indic ٠-٩ and Persian ۰-۹) with the language's separators: a single
  separator followed by exactly three digits is read by the language's convention ("2,600" is
  2600 in English, 2.6 in Spanish; "2.600" is 2600 in German), any other one is a decimal
  point ("2,6" and "2.6" are 2.6 everywhere); with both "." and "," the last one is the
  decimal. Thin, narrow no-break and no-break spaces (and "'" , Swiss) group thousands in every
  language, a plain space only in French ("100 000"). ٫ and ٬ are the Arabic decimal and
  thousands marks. Ordinals ("1er", "3rd", "5º") are not numbers.
- Number words through text2num (en, es, fr, de, it, pt: "seis", "sechsundzwanzig",
  "vingt et un", "dos mil trescientos"), and the language module's own reader where text2num
  has none (Arabic). An indefinite article alone ("un", "eine") and a plural scale alone
  ("millones de", "Millionen") are not read.
- ``approx`` is True when a hedge or bound stands before the number ("unos", "rund",
  "près de", "more than", "حوالي") or, in Arabic, "تقريبا" just after it.

Never raises on any text: a number it cannot read is left out.
"""

from __future__ import annotations

import functools
import re
from types import ModuleType
from typing import NamedTuple

from reviewer.lang.tables import norm, tables

try:
    from text_to_num import text2num as _text2num
except ImportError:  # number words are then read in Arabic only
    _text2num = None


class NumberMention(NamedTuple):
    value: float
    start: int
    end: int
    approx: bool


_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break, thin
_RUN = re.compile(rf"(?<![\w.,])[{_D}]+(?:[.,\u066b\u066c'’{_SPACES} ][{_D}]+)*")
_GROUPS = re.compile(rf"[{_D}]+")
_TO_ASCII = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NEXT_WORDS = re.compile(rf"[ {_SPACES}]+([^\W\d_]+\.?)(?:[ {_SPACES}]+([^\W\d_]+))?")


def _digits(group: str) -> str:
    return group.translate(_TO_ASCII)


def _split_run(run: str, mod: ModuleType) -> list[tuple[float, int, int]]:
    """The numbers in one run of digit groups and separators: (value, start, end) in ``run``."""
    groups = list(_GROUPS.finditer(run))
    seps = [run[a.end():b.start()] for a, b in zip(groups, groups[1:])]
    marks = [s for s in seps if s in ".,"]
    if "\u066b" in seps:
        decimal = "\u066b"
    elif "." in marks and "," in marks:
        decimal = marks[-1]
    elif len(marks) == 1:
        k = marks[0]
        i = seps.index(k)
        three = len(groups[i + 1].group()) == 3 and len(groups[i].group()) <= 3
        leading_zero = groups[i].group() in ("0", "٠", "۰")
        decimal = k if (not three or leading_zero or k == mod.DECIMAL) else None
    else:
        decimal = None
    thousands = set(_SPACES) | {"'", "’", "\u066c"} | ({" "} if mod.SPACE_GROUPS else set())
    thousands |= {m for m in ".," if m != decimal}

    out: list[tuple[float, int, int]] = []
    i = 0
    while i < len(groups):
        first = groups[i]
        text = _digits(first.group())
        end = first.end()
        seen_decimal = False
        group_sep = None
        j = i + 1
        while j < len(groups):
            sep, grp = seps[j - 1], groups[j].group()
            if sep == decimal and not seen_decimal:
                text += "." + _digits(grp)
                seen_decimal = True
            elif (sep in thousands and not seen_decimal and len(grp) == 3
                  and len(first.group()) <= 3 and group_sep in (None, sep)):
                text += _digits(grp)
                group_sep = sep
            else:
                break
            end = groups[j].end()
            j += 1
        try:
            out.append((float(text), first.start(), end))
        except ValueError:
            pass
        i = j
    return out


@functools.lru_cache(maxsize=1 << 16)
def _t2n(phrase: str, lang: str) -> float | None:
    if _text2num is None:
        return None
    try:
        return float(_text2num(phrase, lang))
    except Exception:  # text2num raises ValueError (and may raise others) on non-numbers
        return None


def _is_numeric_word(word: str, mod: ModuleType) -> bool:
    return word in mod.SCALES or word in mod.ONE_ARTICLES or _t2n(word, mod.TEXT2NUM) is not None


def _read_words_text2num(text: str, mod: ModuleType) -> list[tuple[float, int, int]]:
    """Number words read by text2num, joined across spaces and connectors ("treinta y seis")."""
    out: list[tuple[float, int, int]] = []
    runs: list[list[tuple[str, int, int]]] = []
    run: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        w = norm(mod, m.group())
        adjacent = bool(run) and text[run[-1][2]:m.start()].isspace()
        if _is_numeric_word(w, mod) or (w in mod.CONNECTORS and run and adjacent):
            if run and not adjacent:
                runs.append(run)
                run = []
            run.append((w, m.start(), m.end()))
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)

    for run in runs:
        i = 0
        while i < len(run):
            word = run[i][0]
            if word in mod.CONNECTORS:
                i += 1
                continue
            # "eine Million": an article before a scale word (text2num does not take it in German)
            if word in mod.ONE_ARTICLES and i + 1 < len(run) and run[i + 1][0] in mod.SCALES \
                    and _t2n(f"{word} {run[i + 1][0]}", mod.TEXT2NUM) is None:
                out.append((float(mod.SCALES[run[i + 1][0]]), run[i][1], run[i + 1][2]))
                i += 2
                continue
            for j in range(len(run), i, -1):
                if run[j - 1][0] in mod.CONNECTORS:
                    continue
                value = _t2n(" ".join(w for w, _, _ in run[i:j]), mod.TEXT2NUM)
                if value is None and j - i == 1 and word in mod.SCALES and word not in mod.PLURAL_SCALES:
                    value = float(mod.SCALES[word])
                if value is not None:
                    alone = j - i == 1
                    if not (alone and (word in mod.ONE_ARTICLES or word in mod.PLURAL_SCALES)):
                        out.append((value, run[i][1], run[j - 1][2]))
                    i = j
                    break
            else:
                i += 1
    return out


@functools.lru_cache(maxsize=16)
def _approx_pattern(lang: str) -> re.Pattern[str]:
    mod = tables(lang)
    cues = sorted({norm(mod, c) for c in mod.APPROX_CUES}, key=len, reverse=True)
    alts = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"(?:^|[^\w])(?:{alts})[\s{_SPACES}]*$")


def is_approx(text: str, start: int, end: int, mod: ModuleType, lang: str) -> bool:
    before = norm(mod, text[max(0, start - 40):start])
    if _approx_pattern(lang).search(before):
        return True
    trailing = getattr(mod, "TRAILING_APPROX", ())
    if trailing:
        after = text[end:end + 40].split()[:2]
        return any(norm(mod, w.strip(".,;:!?،؛")) in {norm(mod, t) for t in trailing} for w in after)
    return False


def _scale_after(text: str, end: int, mod: ModuleType) -> tuple[int, int]:
    """(multiplier, new end) for a scale word right after digits ("2,3 millones", "5 آلاف")."""
    m = _NEXT_WORDS.match(text, end)
    if not m:
        return 1, end
    first = norm(mod, m.group(1))
    if m.group(2):
        two = f"{first} {norm(mod, m.group(2))}"
        if two in mod.SCALES:
            return mod.SCALES[two], m.end(2)
    for cand in (first, first.rstrip(".")):
        if cand in mod.SCALES:
            return mod.SCALES[cand], m.start(1) + len(m.group(1)) - (len(first) - len(cand))
    return 1, end


def _is_ordinal(text: str, end: int, mod: ModuleType) -> bool:
    for suffix in mod.ORDINAL_SUFFIXES:
        if text.startswith(suffix, end):
            after = end + len(suffix)
            if after >= len(text) or not text[after].isalnum():
                return True
    return False


_OCR_ZERO = re.compile(r"(?<![\w.,])[0-9][0-9.,]*O[0-9O]*(?!\w)")


def _ocr_zeros(text: str) -> str:
    """A capital O typed or scanned for a zero inside digits ("230O" is 2300), same length."""
    if "O" not in text:
        return text
    return _OCR_ZERO.sub(lambda m: m.group().replace("O", "0"), text)


def read_numbers(text: str, lang: str) -> list[NumberMention]:
    """The numbers written in ``text`` (a sentence in language ``lang``), in text order."""
    if not isinstance(text, str) or not text:
        return []
    mod = tables(lang)
    found: list[tuple[float, int, int]] = []
    for m in _RUN.finditer(_ocr_zeros(text)):
        for value, s, e in _split_run(m.group(), mod):
            start, end = m.start() + s, m.start() + e
            if _is_ordinal(text, end, mod):
                continue
            scale, end = _scale_after(text, end, mod)
            found.append((value * scale, start, end))
    taken = [(s, e) for _, s, e in found]
    reader = getattr(mod, "read_number_words", None)
    if reader is not None:
        words = reader(text)
    elif mod.TEXT2NUM:
        words = _read_words_text2num(text, mod)
    else:
        words = []
    for value, s, e in words:
        if not any(s < te and ts < e for ts, te in taken):
            found.append((value, s, e))
    rounds = _round_counts(text, mod)
    found = [f for f in found if not any(s < f[2] and f[1] < e for _v, s, e in rounds)]
    found.sort(key=lambda f: f[1])
    out = [NumberMention(v, s, e, is_approx(text, s, e, mod, lang)) for v, s, e in found]
    if rounds:
        out = sorted(out + [NumberMention(v, s, e, True) for v, s, e in rounds], key=lambda m: m.start)
    return out


_ARTICLE_GAP = re.compile(rf"[\s{_SPACES}]+(?:[«“\"„‹][\s{_SPACES}]*)?")  # "une « soixantaine »"


def _round_counts(text: str, mod: ModuleType) -> list[tuple[float, int, int]]:
    """Nouns of a round count after an indefinite article ("una treintena", "une soixantaine",
    "ein Dutzend"): (value, start of the article, end of the noun); always approximate
    (issue 12/14, stop 24). The language's ROUND_COUNTS; none without it."""
    table = getattr(mod, "ROUND_COUNTS", None)
    if not table:
        return []
    out = []
    prev: tuple[str, int, int] | None = None
    for m in _WORD.finditer(text):
        w = norm(mod, m.group())
        if w in table and prev is not None and prev[0] in mod.ONE_ARTICLES \
                and _ARTICLE_GAP.fullmatch(text, prev[2], m.start()):
            out.append((float(table[w]), prev[1], m.end()))
        prev = (w, m.start(), m.end())
    return out
