"""Two figures joined in one phrase ("at least 70 dead and 900 missing"): the words between them
are the first figure's, so the second counts only what follows it, in every language."""

import pytest

from reviewer.engine import xfacts

CASES = [
    ("en", "At least 70 dead and 900 missing after the landslide."),
    ("en", "70 dead and 900 missing."),
    ("fr", "Au moins 70 morts et 900 disparus."),
    ("de", "Mindestens 70 Tote und 900 Vermisste."),
    ("es", "Al menos 70 muertos y 900 desaparecidos."),
]


@pytest.mark.parametrize("lang,text", CASES)
def test_each_figure_counts_its_own_thing(lang, text):
    got = [(f.value, f.concepts) for f in xfacts.read_facts(text, lang) if f.kind == "count"]
    assert got == [(70.0, frozenset({"dead"})), (900.0, frozenset({"missing"}))]


def test_a_figure_with_nothing_after_it_keeps_the_words_before():
    got = [(f.value, f.concepts) for f in xfacts.read_facts("The storm killed 12 and injured 40.", "en")
           if f.kind == "count"]
    assert got[0][0] == 12.0 and "dead" in got[0][1]


def test_the_dead_of_one_report_are_compared_with_the_dead_of_the_other():
    a = "Au moins 70 morts et 900 disparus."
    b = "At least 300 dead and 900 missing after the landslide."
    assert [(e.a, e.b) for e in xfacts.xl_evidence(a, "fr", b, "en")] == [("70", "300")]
