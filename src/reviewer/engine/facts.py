"""Checkable facts in a sentence: counts, vague quantities, shares and measurements
(weekdays and dates are in :mod:`reviewer.engine.dates`).

Everything works on the token list of one sentence (see :func:`reviewer.engine.textnorm.tokenize`)
and returns mentions with their character span inside the sentence, so that a conflict can
point at the exact words that disagree.

Numbers are kept as intervals ``[lo, hi]``: "three" is [3, 3], "at least one" is [1, inf],
"more than a hundred" is (100, inf), "dozens" is [24, 99], "nearly 600" is [510, 600].
Two counts conflict only when their intervals do not overlap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.lang.numbers import read_numbers
from reviewer.lang.tables import folded_phrases, folded_words, phrase_before, tables
from reviewer.lang.en import (
    ADJ_ENDINGS,
    APPROX,
    AUX,
    CLOCK,
    COUNT_LEAD_WORDS,
    AMOUNT_WORDS,
    DIMENSION_PREPOSITIONS,
    DIMENSION_WORDS,
    LENGTH_WORDS,
    FRACTION_WORDS,
    LIVES_LOST_CUES,
    LOWER,
    MEASURE_UNITS,
    MONTHS,
    NOT_COUNT_BEFORE,
    RANGE_JOINERS,
    RANGE_OPENERS,
    RISE_VERBS,
    POPULATION_WORDS,
    SCALES,
    STATE_AUX,
    STATE_HEDGES,
    STATE_TERMS,
    SURVIVOR_HEADS,
    RESCUE_VERBS,
    THOUSANDS_SPACES,
    TALLY_WORDS,
    TOLL_VERBS,
    TIME_UNITS,
    UNITS,
    UPPER,
    VAGUE,
)

INF = math.inf
VAGUE_SPAN = 2.0  # a vague word ("thousands") disagrees with a figure only past twice its top
TOLL_REACH = 30  # tokens back from "rose to N" to the "toll" it reports
TOLL_REACH_PLAIN = 14  # ... and from a figure with no such verb before it
Tok = tuple[str, int, int]

# "more than five hours" is read as at least five: reporters round, and a strict bound
# would flag "five hours" vs "more than five hours" as a contradiction.


def _adjective_like(word: str) -> bool:
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in ADJ_ENDINGS)


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
    unit: str | None = None  # a unit of measurement (a pint unit name) when the head is one
    vague: bool = False  # a vague word ("thousands", "dozens"), not a range of figures


_DOT_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


@lru_cache(maxsize=65536)
def _num_value(tok: str) -> float | None:
    """A written number: "1,200", "52.14"; "125.000" and "3.800" (dots between groups of
    three: thousands, as in German or French reports); "6,70" (a decimal comma). Asked of
    every token (issue 15: three regex matches each), and tokens recur: remembered by text."""
    if _DOT_THOUSANDS.match(tok):
        return float(tok.replace(".", ""))
    if _DECIMAL_COMMA.match(tok):
        return float(tok.replace(",", "."))
    if _DIGITS.match(tok):
        try:
            return float(tok.replace(",", ""))
        except ValueError:
            return None
    return None


def _spaced_thousands(toks: list[Tok], text: str, j: int, value: float) -> tuple[float, int]:
    """"10 000", "10\u202f000": groups of three digits after a space continue the number."""
    while (j + 1 < len(toks) and len(toks[j + 1][0]) == 3 and toks[j + 1][0].isdigit() and toks[j][0].isdigit()
           and toks[j + 1][1] - toks[j][2] == 1 and text[toks[j][2]] in THOUSANDS_SPACES
           and (value < 1000 or len(toks[j][0]) == 3)):
        value = value * 1000 + float(toks[j + 1][0])
        j += 1
    return value, j


def _range_end(toks: list[Tok], words: list[str], text: str, i: int, j: int) -> tuple[float, int] | None:
    """The upper end of a range starting with the number at i..j: "45 to 60", "between 30 and
    40", "5,000-6,000". Returns (value, last token) or None."""
    n = len(toks)
    if j + 1 >= n:
        return None
    nxt = words[j + 1]
    k = None
    if nxt in RANGE_JOINERS and j + 2 < n and (nxt == "to" or (i > 0 and words[i - 1] in RANGE_OPENERS)):
        k = j + 2
    elif toks[j + 1][1] - toks[j][2] == 1 and text[toks[j][2]] in "-\u2013" and _num_value(toks[j + 1][0]) is not None:
        k = j + 1
    if k is None:
        return None
    v = _num_value(toks[k][0])
    if v is None and words[k] in UNITS and UNITS[words[k]]:
        v = float(UNITS[words[k]])
    return (v, k) if v is not None else None


def _match_phrase(words: list[str], end: int, table: dict) -> tuple[int, object] | None:
    """Does a phrase of ``table`` end just before index ``end``? Returns (start, value)."""
    start = phrase_before(words, end, table)  # the first phrase in the table's order (its keys, iterated as they are)
    return None if start is None else (start, table[tuple(words[start:end])])


def _fraction_at(toks: list[Tok], words: list[str], i: int, text: str) -> tuple[float, int] | None:
    """"a fifth of", "one third of", "1/4 of": (value, last token), only before "of"."""
    n = len(toks)
    if i + 2 < n and words[i] in ("a", "an", "one") and words[i + 1] in FRACTION_WORDS and words[i + 2] == "of":
        return FRACTION_WORDS[words[i + 1]], i + 1
    if i + 1 < n and words[i] == "half" and words[i + 1] == "of" and (i == 0 or words[i - 1] not in ("a", "an", "one")):
        return 0.5, i
    if (i + 2 < n and toks[i][0].isdigit() and toks[i + 1][0].isdigit() and words[i + 2] == "of"
            and text[toks[i][2]:toks[i + 1][1]] == "/" and int(toks[i + 1][0]) > int(toks[i][0]) > 0):
        return int(toks[i][0]) / int(toks[i + 1][0]), i + 1
    return None


def _share_of(toks: list[Tok], words: list[str], terms: list[str | None], j: int) -> tuple[list[str], int] | None:
    """The whole a fraction is taken of: the last content word of "of (the) ..." ("a third of
    the old harbour town" -> town)."""
    k = j + 2 + (j + 2 < len(toks) and words[j + 2] == "the")
    last = None
    while k < len(toks) and terms[k] is not None and (last is None or not (
            _gap(toks, k - 1, k) or words[k].endswith(("ed", "ing")))):  # "of the town burned": town
        last = k
        k += 1
    return (["share", terms[last]], last) if last is not None else None


def _spelled_numbers(text: str, lang: str) -> dict[int, tuple[float, int]]:
    """Number words of a language other than English ("cuatro", "vingt-deux", "um milhão"),
    by the character where they start: (value, end) (issue 14, stop 22)."""
    if lang in ("en", "und") or not text:
        return {}
    return {m.start: (m.value, m.end) for m in read_numbers(text, lang)
            if not m.approx and not any(ch.isdigit() for ch in text[m.start:m.end])}


def _number_at(toks: list[Tok], words: list[str], i: int, text: str,
               spelled: dict[int, tuple[float, int]] | None = None) -> tuple[float | None, tuple | None, int, bool] | None:
    """The number phrase starting at token i: (value, vague range, last token, weak), or None."""
    n = len(toks)
    w = words[i]
    value: float | None = None
    vague: tuple[float, float] | None = None
    j = i  # last token of the number phrase
    weak = False
    if _num_value(toks[i][0]) is not None:
        value, j = _spaced_thousands(toks, text, j, _num_value(toks[i][0]))
        if j + 1 < n and words[j + 1] in SCALES:
            value *= SCALES[words[j + 1]]
            j += 1
    elif spelled and toks[i][1] in spelled:
        value, end = spelled[toks[i][1]]
        while j + 1 < n and toks[j + 1][2] <= end:
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
            return None
        vague = VAGUE[w]
        if i + 1 < n and words[i + 1] == "of":
            j = i + 1  # "dozens of people"
    elif w in ("a", "an", "single"):
        value = 1.0
        weak = w != "single"
    if value is None and vague is None:
        return None
    if value is not None and not weak:
        got = _range_end(toks, words, text, i, j)
        if got is not None and got[0] > value:
            vague, j, value = (value, got[0]), got[1], None
    return value, vague, j, weak


def _aside_end(toks: list[Tok], words: list[str], text: str, m: int, reach: int = 10) -> int | None:
    """The token after an aside between commas that opens at token m with "including"
    ("9 sailors, including the captain, were rescued"), or None."""
    n = len(toks)
    comma = lambda x: text[toks[x - 1][2]:toks[x][1]].strip() == ","  # noqa: E731
    if not (0 < m < n and words[m] == "including" and comma(m)):
        return None
    return next((x for x in range(m + 2, min(n, m + reach)) if comma(x)), None)


def _head(toks: list[Tok], words: list[str], terms: list[str | None], i: int, j: int,
          value: float | None, text: str) -> tuple[list[str], int, int]:
    """The counted thing: the content terms right after the number (stopping at a stopword or
    a punctuation gap). Returns (head terms, last token of the count, token after the head)."""
    n = len(toks)
    head: list[str] = []
    k = j + 1
    last = j
    if text[toks[j][2]:toks[j][2] + 1] == "%":
        return ["percent"], j, k  # "51.2%"
    if value is not None and value != int(value) and k < n and words[k] == "of":
        return ["percent"], j, k  # "received 59.8 of the votes": a share
    if k < n and words[k] == "m" and terms[k] is None and not _gap(toks, j, k) and (toks[i][1] == 0 or text[toks[i][1] - 1] not in "$£€") \
            and _m_is_metres(words, text, k, k + 1 == n or _gap(toks, k, k + 1)):
        head.append("m")  # "a 300m-long pier", "290 m high": metres (not "$5m", "5m people", "5m of funding")
        last = k
        k += 1
    while k < n and len(head) < 3 and terms[k] is not None and not _gap(toks, k - 1, k):
        head.append(terms[k])
        last = k
        k += 1
    joined = _coordinated_head(toks, words, terms, j, k, head)
    if joined:
        head, last, k = head + joined[0], joined[1], joined[1] + 1
    if not head:
        # "dozens were injured": the participle after an auxiliary says what was counted
        m = j + 1
        while m < n and m <= j + 3 and words[m] in AUX and not _gap(toks, m - 1, m):
            m += 1
        if m > j + 1 and m < n and terms[m] is not None and not _gap(toks, m - 1, m):
            head.append(terms[m])
            last = m
    if head and not set(head) & STATE_TERMS.keys():
        # "300 people had died", "5,000 people were missing": what happened to them is counted too
        m = k
        if m < n and words[m] == "of" and not _gap(toks, m - 1, m):
            # "eight members of the road crew were missing"
            while m < n and m <= k + 5 and words[m] not in STATE_AUX and not _gap(toks, m - 1, m):
                m += 1
        aside = _aside_end(toks, words, text, m)
        m = aside or m  # "13 people, including two guards, were detained": the state after the aside
        a0 = m
        while m < n and m <= a0 + 4 and (not _gap(toks, m - 1, m) or (aside and m == a0)) and (
                words[m] in STATE_AUX or words[m] in STATE_HEDGES or (words[m] == "to" and m > a0 and words[m - 1] in STATE_HEDGES)):
            m += 1  # "300 people were reported injured", "40 are feared to have died"
        if m > a0 and m < n and terms[m] in STATE_TERMS and not _gap(toks, m - 1, m):
            head.append(terms[m])  # type: ignore[arg-type]
            last = last if aside else m  # the counts of the aside are read on their own
        elif m > a0 and m + 2 < n and terms[m] == "lose" and words[m + 1:m + 3] in (["their", "lives"], ["their", "life"]):
            head.append("die")  # "9 are thought to have lost their life": the dead
            last, k = m + 2, max(k, m + 3)
    if len(head) > 1 and head[-1] == "lose" and words[k:k + 2] in (["their", "lives"], ["their", "life"]):
        head[-1] = "die"  # "40 hikers lost their lives": the dead, as "40 hikers died"
        last, k = k + 1, k + 2
    if head[:1] in (["live"], ["life"]) and LIVES_LOST_CUES & set(words[max(0, i - 5):i] + words[k:k + 3]):
        head = ["person", "die"]  # "the loss of at least 12 lives", "claimed 12 lives": the dead
    if head and not set(head) & STATE_TERMS.keys():
        b = i - 1
        while b >= 0 and words[b] in COUNT_LEAD_WORDS:
            b -= 1
        if b >= 1 and words[b] == "of" and words[b - 1] in ("lives", "life"):
            head.append("die")  # "took the lives of 8 climbers": the dead
        elif b >= 1 and words[b] == "of" and terms[b - 1] in STATE_TERMS and not _gap(toks, b - 1, b):
            head.append(terms[b - 1])  # type: ignore[arg-type]  # "the rescue of 8 climbers": the rescued
    if value is not None and head in ([], ["person"]):
        b = i - 1
        while b >= 0 and words[b] in COUNT_LEAD_WORDS and words[b - 1:b + 1] != ["home", "to"]:
            b -= 1
        if b >= 1 and ((words[b] == "of" and words[b - 1] in POPULATION_WORDS) or words[b - 1:b + 1] == ["home", "to"]):
            last = last if head else j
            head = ["person", "resid"]  # "a population of 40,000", "a city of 125,000 people": its residents
    toll_reach = TOLL_REACH if i > 0 and words[i - 1] in TOLL_VERBS else TOLL_REACH_PLAIN
    if not head and value is not None and "toll" in words[max(0, i - toll_reach):i]:
        head = ["person", "die"]  # "the death toll at 9", "the toll rose to 12": a count of the dead
        last = j
    if not head and value is not None and i > 0 and words[i - 1] in TOLL_VERBS:
        named = _tally_of(toks, words, terms, i, text)
        if named:
            head, last = named, j  # "cut the count of verified deaths to 12": a count of the dead
    if not head and value is not None and words[i] not in ("a", "an"):
        b = i - 1
        while b >= 1 and words[b] in COUNT_LEAD_WORDS:
            b -= 1
        if b >= 1 and words[b] == "of" and terms[b - 1] is not None and not toks[b - 1][0][:1].isupper() \
                and not _gap(toks, b - 1, b) and not _gap(toks, b, b + 1) and words[b - 1] not in MONTHS:
            head = [terms[b - 1]]  # "a crew of 14", "a fleet of about 30": the thing named before "of"
            last = j
    return head, last, k


def _coordinated_head(toks: list[Tok], words: list[str], terms: list[str | None], j: int, k: int,
                      head: list[str]) -> tuple[list[str], int] | None:
    """"46 search and rescue teams", "30 fire and rescue crews": qualifiers joined by "and"/"or"
    before one plural noun, which is what is counted (issue 12, stop 24). Only when the words
    before "and" end in a word that is no plural (else "40 officers and firefighters" would be
    two kinds) and the noun after it is one: (its terms, its last token)."""
    if not head or k + 1 >= len(toks) or words[k] not in ("and", "or") or _gap(toks, k - 1, k) or _gap(toks, k, k + 1):
        return None
    if words[k - 1].endswith("s") or k - 1 <= j:
        return None
    m, got = k + 1, []
    while m < len(toks) and len(got) < 2 and terms[m] is not None and not _gap(toks, m - 1, m):
        got.append(terms[m])
        m += 1
    if not got or not words[m - 1].endswith("s") or words[m - 1].endswith("ss"):
        return None
    if m < len(toks) and terms[m] is not None and not _gap(toks, m - 1, m):
        return None
    return got, m - 1


def _closed_compounds(toks: list[Tok], words: list[str], terms: list[str | None], j: int, last: int,
                      head: list[str]) -> list[str]:
    """A head of two words written apart ("tug boats", "fire fighters") also counts as the
    word written together ("tugboats", "firefighters"), as another report may spell it
    (issue 12, stop 24): the stem of the two words joined, after the head. English only; a
    singular word before a plural one."""
    from reviewer.engine.textnorm import stem  # textnorm is light; imported here to keep facts' imports as they are

    out = []
    for x in range(j + 1, min(last, j + 3)):  # the noun's own words, up to three, not past what befell them
        if terms[x] is None or terms[x + 1] is None or terms[x + 1] in STATE_TERMS or _not_one_space(toks, x) \
                or not (words[x].isalpha() and words[x + 1].isalpha()):
            break
        if words[x].endswith("s") or not words[x + 1].endswith("s") or words[x + 1].endswith("ss"):
            continue  # a singular qualifier before a plural noun only ("tug boats"; not "people gathered")
        joined = stem(words[x] + words[x + 1])
        if joined not in head and joined not in out:
            out.append(joined)
    return out


def _not_one_space(toks: list[Tok], x: int) -> bool:
    """Anything but one space between tokens x and x + 1."""
    return toks[x + 1][1] - toks[x][2] != 1


def _tally_of(toks: list[Tok], words: list[str], terms: list[str | None], i: int, text: str) -> list[str]:
    """The head of "the number of dead rose to N", "put the tally of injured at N" (issue 12,
    stop 24): a tally word (TALLY_WORDS), "of", then what happened to the people it counts,
    a few words before the figure's verb in the same clause; people in general with that fate.
    Only a fate (STATE_TERMS) is read: "the number of ships ... to N" may name where they go."""
    for b in range(i - 2, max(0, i - 1 - TOLL_REACH_PLAIN), -1):
        if re.search(r"[,;:.!?()]", text[toks[b][2]:toks[b + 1][1]]):
            return []  # not past a comma: another clause
        if words[b] in TALLY_WORDS and b + 1 < i and words[b + 1] == "of":
            for m in range(b + 2, min(b + 5, i - 1)):
                if terms[m] in STATE_TERMS:
                    return ["person", terms[m]]  # type: ignore[list-item]
            return []
    return []


def _not_a_count(toks: list[Tok], words: list[str], terms: list[str | None], i: int, j: int, k: int,
                 last: int, weak: bool, head: list[str]) -> bool:
    """A number with a head that still counts nothing: a time, a date part, a total, an
    ordinal, an article before a number or before a noun that qualifies another."""
    n = len(toks)
    prev = words[i - 1] if i > 0 else ""
    nxt = words[j + 1] if j + 1 < n else ""
    nxt_month = nxt in MONTHS and toks[j + 1][0][:1].isupper()
    prev_month = prev in MONTHS and toks[i - 1][0][:1].isupper()
    if nxt in CLOCK or nxt_month or prev_month or (nxt in TIME_UNITS and last + 1 < n and words[last + 1] == "ago"):
        return True
    if prev in ("the", "of") and i >= 3 and any(
            _num_value(toks[m][0]) is not None or words[m] in UNITS for m in range(max(0, i - 3), i - 1)):
        return True  # "73 of the 329 seats": 329 is the total, not a count of what happened
    if _ORDINAL.match(toks[i][0]):
        return True
    if not weak:
        return False
    if j + 1 < n and (_num_value(toks[j + 1][0]) is not None or words[j + 1] in UNITS):
        return True  # "a magnitude 6.4 earthquake": the number is the fact, not the article
    if k < n and words[k] == "of":
        return True  # "a depth of", "a number of", "a group of": not a count of one thing
    if len(head) >= 2 and not (_adjective_like(words[i + 1]) or words[i + 2].endswith(("ed", "en", "ing"))):
        return True  # "a deal worth ...", "a drone bomb attack", "a passenger ferry": not "one <noun>"
    # "a drone attack": the noun qualifies another noun; "a drone laden with": fine.
    return k < n and terms[k] is not None and not words[k].endswith(("ed", "ing", "en")) and not _gap(toks, k - 1, k)


def _word_before(toks: list[Tok], words: list[str], terms: list[str | None], i: int) -> str | None:
    """The content word right before a count, over "at least", "nearly"... ("killed at least six")."""
    before = i - 1
    while before >= 0 and words[before] in COUNT_LEAD_WORDS:  # "least", "nearly" are content terms too
        before -= 1
    if before >= 0 and terms[before] is not None and not _gap(toks, before, before + 1) and _num_value(toks[before][0]) is None:
        return terms[before]
    return None


# Words before "now up to N" that make N the figure a count rose to (stop 26)
NOW_UP_TO_AFTER = frozenset({"is", "was", "are", "were", "stands", "toll", "tolls", "deaths", "dead", "fatalities",
                             "casualties", "injured", "missing", "count", "number", "figure", "total"})


def _bounds(words: list[str], i: int, value: float | None, vague: tuple | None,
            lang: str = "en") -> tuple[float, float, bool, int]:
    """The interval of a count after "at least", "under", "nearly"...: (lo, hi, exact, first token)."""
    exact = vague is None
    if vague is not None:
        lo, hi = vague
    else:
        lo = hi = float(value)  # type: ignore[arg-type]
    if lang not in ("en", "und"):
        own = _own_bounds(words, i, lo, hi, exact, lang)
        if own is not None:
            return own
    m = _match_phrase(words, i, LOWER)
    if m:
        start_idx, strict = m
        return (lo + (1 if strict else 0)), INF, False, start_idx
    m = _match_phrase(words, i, UPPER)
    if m:
        start_idx, strict = m
        if words[start_idx:i] == ["up", "to"] and start_idx > 0 and (words[start_idx - 1] in RISE_VERBS or (
                words[start_idx - 1] == "now" and start_idx > 1 and words[start_idx - 2] in NOW_UP_TO_AFTER)):
            # "the toll has climbed up to 40", "the toll is now up to 40", "deaths now up to 40": the
            # figure it rose to; "now up to 500 people can attend" is still a ceiling
            return lo, hi, exact, start_idx
        return 0.0, (hi - (1 if strict else 0)), False, start_idx
    m = _match_phrase(words, i, APPROX)
    if m:
        start_idx, (f_lo, f_hi) = m
        if lo >= 10:
            return math.floor(lo * f_lo), math.ceil(hi * f_hi), False, start_idx
        return lo * f_lo, hi * f_hi, False, start_idx  # "about one hour": no rounding to whole numbers
    return lo, hi, exact, i


def _own_bounds(words: list[str], i: int, lo: float, hi: float, exact: bool,
                lang: str) -> tuple[float, float, bool, int] | None:
    """:func:`_bounds` by the tables of the sentence's own language (stop 24): a floor ("al menos
    40"), a ceiling ("hasta 40 heridos"), or the figure reached after a verb of rising in the two
    words before the ceiling word ("el balance subió hasta 52", "stieg auf bis zu 52")."""
    b = phrase_before(words, i, folded_phrases(lang, "LOWER_BOUNDS"))
    if b is not None:
        return lo, INF, False, b
    b = phrase_before(words, i, folded_phrases(lang, "UPPER_BOUNDS"))
    if b is None:
        return None
    if folded_words(lang, "RISE_VERBS").intersection(words[max(0, b - 2):b]):
        return lo, hi, exact, b
    return 0.0, hi, False, b


@lru_cache(maxsize=16)
def _head_terms(lang: str) -> dict[str, str]:
    """HEAD_TERMS of the language's module by the engine's terms of their words (stop 24)."""
    from reviewer.engine.textnorm import fold, stem

    return {stem(fold(w)): term for w, term in getattr(tables(lang), "HEAD_TERMS", {}).items()}


@lru_cache(maxsize=16)
def _head_skip(lang: str) -> frozenset[str]:
    """HEAD_SKIP of the language's module (articles, prepositions) as the engine's terms."""
    from reviewer.engine.textnorm import fold, stem

    return frozenset(stem(fold(w)) for w in getattr(tables(lang), "HEAD_SKIP", ()))


def _own_term(term: str | None, own: dict[str, str]) -> str | None:
    """A counted word of another language as the engine's own term ("muertos" -> "die"); a noun
    read as a name only for its capital ("Menschen") too."""
    if term is None:
        return None
    return own.get(term[2:] if term.startswith("N:") else term, term)


def _designation(toks: list[Tok], i: int, text: str) -> bool:
    """Figures joined by a hyphen to the letters before them ("Orion-2", "XY-4410"): part of a
    name or a model, not a count of anything."""
    s = toks[i][1]
    return bool(text) and toks[i][0][:1].isdigit() and s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha()


def _day_of_month(words: list[str], j: int, lang: str) -> int | None:
    """The month's token after a figure, maybe over a date link ("9 de junio", "9 juin"), in
    the sentence's language: the figure is the day of a date, not a count (issue 14)."""
    if lang in ("en", "und") or j + 1 >= len(words):
        return None
    k = j + 1
    if words[k] in folded_words(lang, "DATE_LINKS") and k + 1 < len(words):
        k += 1
    return k if words[k] in folded_words(lang, "MONTHS") else None


def extract_counts(toks: list[Tok], words: list[str], terms: list[str | None],
                   stop: list[bool], text: str = "", lang: str = "en") -> list[Count]:
    """Counts of things in one sentence. ``words`` are folded tokens; ``terms`` the content
    terms (None for stopwords); all lists are parallel to ``toks``."""
    out: list[Count] = []
    n = len(toks)
    spelled = _spelled_numbers(text, lang)
    i = 0
    while i < n:
        frac = _fraction_at(toks, words, i, text)
        if frac is not None:
            share = _share_of(toks, words, terms, frac[1])
            if share is not None:
                lo, hi, exact, start_idx = _bounds(words, i, frac[0], None, lang)
                out.append(Count(lo=lo, hi=hi, span=(toks[start_idx][1], toks[share[1]][2]), head=tuple(share[0]),
                                 exact=exact))
                i = share[1] + 1
                continue
        got = _number_at(toks, words, i, text, spelled)
        if got is None:
            i += 1
            continue
        value, vague, j, weak = got
        if weak and words[i] in ("a", "an") and (lang not in ("en", "und") or text[toks[i][2]:toks[i][2] + 1] == "."):
            # Spanish, Portuguese, French "a": a preposition ("a bordo"), no article; and the "a" of
            # "9:07 a.m." is no article either (it read as "one metre")
            i = j + 1
            continue
        month = _day_of_month(words, j, lang) if value is not None and not weak else None
        if month is not None:  # a day only ever meets a day of the same month
            out.append(Count(lo=value, hi=value, span=(toks[i][1], toks[month][2]), head=("month:" + words[month],),
                             exact=True))
            i = month + 1
            continue
        if _designation(toks, i, text):
            i = j + 1  # "Orion-2", "Flight XY-4410": a name's number, no count (issue 12, stop 22)
            continue
        # What comes before: "no one", "the one", "at least", "more than", "nearly"...
        prev = words[i - 1] if i > 0 else ""
        if (words[i] in ("one", "a", "an") and prev in NOT_COUNT_BEFORE) or (
                value is not None and 1900 <= value <= 2100 and not weak and words[i].isdigit()):
            i = j + 1
            continue
        if j + 1 < n and words[j + 1] == "of" and (value is not None and not weak and value == int(value)) \
                and text[toks[j][2]:toks[j][2] + 1] != "%":
            i = j + 1  # "two of the drones": a part of a group, not the size of the group
            continue
        head, last, k = _head(toks, words, terms, i, j, value, text)
        own = _head_terms(lang) if lang not in ("en", "und") else None
        if own:
            skip = _head_skip(lang)  # "quattro le vittime": not "le"
            head = [_own_term(h, own) for h in head if h not in skip]  # "40 personas murieron": people, the dead (stop 24)
        if lang not in ("en", "und") and len(head) > 1:
            # The English stopwords leave "de", "en", "la" in a head of another language: its noun
            # (and what happened to it) is the counted thing ("cuatro casas de madera": casas).
            head = head[:1] + [h for h in head[1:] if h in STATE_TERMS]
        if not head or _not_a_count(toks, words, terms, i, j, k, last, weak, head):
            i = j + 1
            continue
        if lang in ("en", "und"):
            head = head + _closed_compounds(toks, words, terms, j, last, head)
        lo, hi, exact, start_idx = _bounds(words, i, value, vague, lang)
        # the word before the count, over "at least" ("killed at least six"); in another language
        # over its own bound words ("murieron al menos 40"), as the engine's term (stop 24)
        pre = None if weak else _word_before(toks, words, terms, start_idx if lang not in ("en", "und") else i)
        if own:
            pre = _own_term(pre, own)
        if head[0] == "percent" and value is not None and not exact and 0 < lo and hi < INF:
            # "about 85 percent": reporters round percentages to a point, not by a tenth of them
            lo, hi = (value - 0.5 if lo < value else value), (value + 0.5 if hi > value else value)
        end = toks[last][2] + (1 if head == ["percent"] and text[toks[last][2]:toks[last][2] + 1] == "%" else 0)
        unit = MEASURE_UNITS.get(head[0])
        if weak and unit:
            weak, exact = False, True  # "an hour", "a mile": one unit, a real amount
        out.append(Count(lo=lo, hi=hi, span=(toks[start_idx][1], end), head=tuple(head), exact=exact, weak=weak,
                         pre=pre, unit=unit, vague=words[i] in VAGUE))
        i = last + 1
    return _join_durations(out, text)


def _join_durations(counts: list[Count], text: str) -> list[Count]:
    """"1 hour and 45 minutes" is one duration (1.75 hours), not two counts."""
    out: list[Count] = []
    for c in counts:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit == "hour" and c.unit == "minute" and not prev.weak
                and re.fullmatch(r"\s*(?:and|,)?\s*", text[prev.span[1]:c.span[0]])):
            extra = c.lo / 60.0
            out[-1] = Count(prev.lo + extra, prev.hi + extra if prev.hi != INF else INF, (prev.span[0], c.span[1]),
                            prev.head, prev.exact and c.exact, False, prev.pre, "hour")
            continue
        out.append(c)
    return out


def _m_is_metres(words: list[str], text: str, k: int, alone: bool) -> bool:
    """Is the "m" at token k, glued to a figure, metres rather than millions? Yes before a word of
    DIMENSION_WORDS ("40m deep"); alone ("the mast is 60m.") or before a preposition of
    DIMENSION_PREPOSITIONS only in a sentence of no AMOUNT_WORDS and no currency sign ("it cost 5m.",
    "8m of funding"), and before the preposition only in a sentence of LENGTH_WORDS ("600m of cable")."""
    if not alone and words[k + 1] in DIMENSION_WORDS:
        return True
    if any(w in AMOUNT_WORDS for w in words) or any(c in text for c in "$£€¥"):
        return False
    return alone or (words[k + 1] in DIMENSION_PREPOSITIONS and any(w in LENGTH_WORDS for w in words))


def _gap(toks: list[Tok], a: int, b: int) -> bool:
    """Is there more than a space or a hyphen between tokens a and b (a comma, a quote...)?"""
    return toks[b][1] - toks[a][2] > 1


def counts_conflict(a: Count, b: Count, tolerance: float = 0.0, weak_max: float = INF) -> bool:
    """Do two counts disagree? Measurements (with a unit) are converted to one unit and
    compared with a relative ``tolerance`` for rounding ("200 km (124 miles)" / "120 miles");
    an indefinite article ("a drone") only disagrees with a plain number up to ``weak_max``."""
    if a.weak and b.weak:
        return False
    if a.weak or b.weak:
        other = b if a.weak else a
        if not other.exact or other.lo > weak_max:
            return False
    for x, y in ((a, b), (b, a)):
        if x.vague and x.hi < INF and not y.unit and (y.exact or (y.hi == INF and not y.vague)):
            # "thousands" / "10,000": a vague word is loose upwards ("thousands" / "hundreds" still differ)
            return y.lo > x.hi * VAGUE_SPAN or y.hi < x.lo
    if not (a.exact or b.exact) and ((a.hi == INF and b.lo == 0 and a.lo == b.hi) or (b.hi == INF and a.lo == 0 and b.lo == a.hi)):
        return True  # "more than 2,000" / "up to 2,000": bounds that only touch
    if a.unit and b.unit:
        fa, fb = unit_factor(a.unit), unit_factor(b.unit)
        if fa is None or fb is None or fa[1] != fb[1]:
            return a.unit == b.unit and (a.hi < b.lo or b.hi < a.lo)
        if a.unit == b.unit:
            # No conversion between them, only the rounding a round figure says it has: "120
            # miles" is 115-125 and holds "124 miles", "290 metres" / "320 metres" differ.
            gap = max(b.lo - a.hi, a.lo - b.hi)
            return gap > 0 and gap >= _rounding(a) + _rounding(b)
        lo_a, hi_a = a.lo * fa[0] * (1 - tolerance), a.hi * fa[0] * (1 + tolerance)
        lo_b, hi_b = b.lo * fb[0] * (1 - tolerance), b.hi * fb[0] * (1 + tolerance)
        return hi_a < lo_b or hi_b < lo_a
    return a.hi < b.lo or b.hi < a.lo


def _place(v: float) -> float:
    """The place of the last non-zero digit of a whole figure ("5,000" -> 1,000, "78" -> 1); 0
    for a fraction."""
    if v <= 0 or v != int(v):
        return 0.0
    n, place = int(v), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return float(place)


def bounds_differ(a: Count, b: Count, least: float = 2.0) -> bool:
    """Two bounds on the same side ("at least 40" / "more than 55", "up to 300" / "up to 500"):
    each is the figure its report gives, so they disagree when the larger reaches past the
    smaller by the place its figure is rounded to ("more than 3,000" holds "at least 3,400";
    "at least 40" does not hold "at least 55", nor "at least 41" "at least 49"). Floors below ``least`` say only that there
    were some ("at least one")."""
    if a.exact or b.exact or a.weak or b.weak or a.vague or b.vague or a.unit != b.unit:
        return False
    if a.hi == INF and b.hi == INF:
        small, big = sorted((a.lo, b.lo))
        if small < least:
            return False
        step = _place(small)  # every floor word keeps its figure ("more than 3,000" is 3,000)
    elif a.lo == 0 and b.lo == 0 and a.hi < INF and b.hi < INF:
        small, big = sorted((a.hi, b.hi))
        if small < least:
            return False
        step = max(_place(small), _place(small + 1))  # "under 300" is stored as 299
    else:
        return False
    return big >= small + max(step, 1.0)


def _rounding(c: Count) -> float:
    """Half the place of the last non-zero digit of an exact round figure ("120" -> 5, "3,800"
    -> 50); 0 for any other figure, a range or a bound, taken as written."""
    if not c.exact or c.lo != c.hi:
        return 0.0
    place = _place(c.lo)  # 0 for a fraction or a figure not above 0
    return place / 2 if place > 1 else 0.0


def same_dimension(a: Count, b: Count) -> bool:
    """Two measurements of one kind of quantity (a length in km and one in miles)."""
    if not (a.unit and b.unit):
        return False
    if a.unit == b.unit:
        return True
    fa, fb = unit_factor(a.unit), unit_factor(b.unit)
    return fa is not None and fb is not None and fa[1] == fb[1]


_UREG = None


def _registry():
    """pint's registry, from its disk cache when that cache works; a stale cache (written by
    another environment whose files are gone) fails on the first conversion: parsed afresh."""
    import pint

    try:
        ureg = pint.UnitRegistry(cache_folder=":auto:")
        ureg.Quantity(1.0, "meter").to_base_units()
        return ureg
    except Exception:
        return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=256)
def unit_factor(unit: str) -> tuple[float, str] | None:
    """(factor to SI base units, dimensionality) of a unit, from pint; None without pint."""
    global _UREG
    try:
        if _UREG is None:
            _UREG = _registry()
        q = _UREG.Quantity(1.0, unit).to_base_units()
    except Exception:  # pint missing or a unit it does not know: compare like units only
        return None
    return float(q.magnitude), str(q.dimensionality)


def count_states(c: Count) -> frozenset[str]:
    """What happened to the counted people: from the head ("300 people had died") or the word
    before ("killed 300 people")."""
    words = (*c.head, c.pre)
    states = frozenset(STATE_TERMS[h] for h in words if h in STATE_TERMS)
    if SURVIVOR_HEADS.intersection(c.head) and RESCUE_VERBS.intersection(words):
        states |= {"rescued"}  # "pulled 96 survivors from the water": the rescued, under another name
    return states
