"""engine.xfacts reads its per-language word tables once per language, not once per figure."""

from __future__ import annotations

from reviewer.engine import xfacts
from reviewer.lang.tables import tables


def _misses() -> tuple[int, int, int]:
    return (xfacts._distance_tables.cache_info().misses, xfacts._toll_tables.cache_info().misses,
            xfacts._reporting_verbs.cache_info().misses)


def test_the_tables_are_built_once_per_language():
    sentences = {
        "en": ["The column advanced 35 km on Monday, officials said on Tuesday.",
               "The death toll rose to 17, the mayor said."],
        "de": ["Die Truppe rückte 35 Kilometer vor, sagte der Sprecher am Dienstag.",
               "Die Zahl der Toten stieg auf 17."],
        "fr": ["La colonne a avancé de 35 km, a déclaré mardi le porte-parole.",
               "Le bilan s'élève à 17 morts."],
    }
    for lang, texts in sentences.items():
        for text in texts:
            xfacts.read_facts(text, lang)  # builds the language's tables if no test did before
        before = _misses()
        for n, text in enumerate(texts):
            xfacts.read_facts.cache_clear()
            xfacts.read_facts(text + " " * n, lang)
            xfacts.read_facts(text + " " * (n + 1), lang)
        assert _misses() == before, lang


def test_the_cached_tables_hold_the_compared_words():
    mod = tables("de")
    motion, hedges, left_before, _around, _after = xfacts._distance_tables(mod)
    assert "vorgerückt" in motion
    assert all(isinstance(h, list) for h in hedges) and [len(h) for h in hedges] == sorted((len(h) for h in hedges), reverse=True)
    assert all(t.startswith(" ") and t.endswith(" ") for t in left_before)
    tolls, one, several, _verbs, _hedges = xfacts._toll_tables(tables("en"))
    assert set(one) | set(several) == set(tolls) and not any(" " in t for t in one)


def test_reporting_starts_reads_the_words_it_is_given():
    mod = tables("en")
    text = "Police said on Monday that 4 people were hurt."
    starts = xfacts._reporting_starts(text, mod, xfacts._words(text))
    assert starts and text[starts[0][0]:starts[0][1]] == " on Monday that"
    assert xfacts._reporting_starts(text, mod, []) == []
