"""A figure reported as a toll named earlier in the sentence counts the dead in every language,
as in the English engine ("the death toll ... rose to 61"), so two tolls can disagree."""

import pytest

from reviewer.engine import xfacts

TOLLS = [
    ("en", "The death toll of the storm in the northern hills of the region on 4 May rose to 61, officials said."),
    ("en", "Officials gave a death toll of nearly 61 by the evening."),
    ("de", "Die Zahl der Toten im Norden des Landes stieg auf 61."),
    ("de", "Die Opferzahl stieg auf 61."),
    ("fr", "Le bilan provisoire de la tempête s'élève à 61."),
    ("es", "La cifra de muertos de la tormenta ascendió a 61."),
    ("it", "Il bilancio della tempesta è salito a 61."),
    ("pt", "O balanço da tempestade subiu para 61."),
    ("ar", "ارتفعت حصيلة ضحايا العاصفة إلى 61"),
]


@pytest.mark.parametrize("lang,text", TOLLS)
def test_a_toll_counts_the_dead(lang, text):
    counts = [f for f in xfacts.read_facts(text, lang) if f.kind == "count"]
    assert [(f.value, f.concepts) for f in counts] == [(61.0, frozenset({"dead"}))]


def test_not_across_a_semicolon_and_not_a_figure_with_its_own_noun():
    assert xfacts.read_facts("The toll was high; 12 boats sank.", "en") == ()
    got = xfacts.read_facts("Le bilan fait état de 30 blessés.", "fr")
    assert [(f.value, f.concepts) for f in got] == [(30.0, frozenset({"injured"}))]


def test_two_tolls_disagree_across_languages():
    got = xfacts.xl_evidence("The death toll from the storm rose to 61.", "en",
                             "Le bilan de la tempête s'élève à 45 morts.", "fr")
    assert [(e.kind, e.a, e.b) for e in got] == [("number", "61", "45")]
