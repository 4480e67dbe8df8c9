"""Which per-language tables serve a language code: one module per language (es, fr, de, it, pt, ar, en).

Each module defines CODE, TEXT2NUM, DECIMAL, THOUSANDS, SPACE_GROUPS, ONE_ARTICLES, CONNECTORS,
SCALES, PLURAL_SCALES, ORDINAL_SUFFIXES, APPROX_CUES, WEEKDAYS, MONTHS, DATE_LINKS, MONTH_FIRST
NEGATION, REPORTING and REPORTS; it may add ``norm(word)`` (how words are compared, default lower case),
``read_number_words(text)`` (when text2num does not read the language), ``PREFIXES`` (letters
attached to the front of a word) and ``MONTHS_CAPITALISED``.

Verbs of saying are written once, as REPORTING (read by engine.features; REPORTS builds on it for
engine.recall and engine.evidence). REPORTING_VERBS (engine.xfacts: the day of a statement) is
REPORTING and a few more verbs; those stay out of REPORTING itself because there they change the
alignment of a real cluster, while the cross-language facts read them with no change.

Stop 24: the same-language rules read the sentence's own module too: YEAR_BOUNDS (words before
a year that bound a span: engine.evidence), and for a language other than English LOWER_BOUNDS,
UPPER_BOUNDS and RISE_VERBS (a figure's floor, ceiling, and the verbs after which a ceiling word
gives the figure reached: engine.facts) and HEAD_TERMS (a counted word as the engine's own term:
people, the dead, the injured..., so that the toll rules and the generic heads read it) and
HEAD_SKIP (articles and prepositions the English stopwords leave in a count's head).
"""

from __future__ import annotations

import functools
import importlib
import unicodedata
from collections.abc import Iterable
from types import ModuleType

SUPPORTED = ("en", "es", "fr", "de", "it", "pt", "ar")
# English: the readers' names in _en_tables, which takes the shared words from lang.en.
_MODULE = {"en": "reviewer.lang._en_tables"}


def tables(lang: str) -> ModuleType:
    """The tables of ``lang``; English ones for a language without tables of its own."""
    code = lang if lang in SUPPORTED else "en"
    return importlib.import_module(_MODULE.get(code, f"reviewer.lang.{code}"))


def norm(mod: ModuleType, word: str) -> str:
    """A word as the tables of ``mod`` compare it."""
    fn = getattr(mod, "norm", None)
    return fn(word) if fn else word.lower()


def _fold(w: str) -> str:
    w = "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
    return w.casefold().replace("\u2019", "'")


@functools.lru_cache(maxsize=64)
def folded_phrases(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of table ``name`` of ``lang`` as tuples of folded words ("fino al" ->
    ("fino", "al")), longest first; none when the language has no such table (stop 24)."""
    out = {tuple(_fold(w).split()) for w in getattr(tables(lang), name, ())}
    return tuple(sorted((p for p in out if p), key=lambda p: (-len(p), p)))


def phrase_before(words: list[str], end: int, phrases: Iterable[tuple[str, ...]]) -> int | None:
    """Where the phrase of ``phrases`` that ends right before ``words[end]`` starts, if one does."""
    if 0 < end <= len(words):
        # issue 15 (speed): a phrase's last word is compared first, the slice taken only then
        last = words[end - 1]
        for p in phrases:
            if not p:
                return end
            if p[-1] == last and len(p) <= end and tuple(words[end - len(p):end]) == p:
                return end - len(p)
        return None
    for p in phrases:
        if len(p) <= end and tuple(words[end - len(p):end]) == p:
            return end - len(p)
    return None


@functools.lru_cache(maxsize=64)
def folded_words(lang: str, name: str) -> frozenset[str]:
    """The words of table ``name`` of ``lang`` as the engine's tokens read them (lower case,
    accents and other combining marks dropped), one-word entries only."""
    return frozenset(_fold(w) for w in getattr(tables(lang), name, ()) if " " not in w)
