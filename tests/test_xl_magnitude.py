"""Issue 14 (stop 22): a quake's magnitude is read in every language (decimal comma or point,
the word before or after the figure) and two magnitudes that differ are a disagreement; the
bare small figures beside one (an earlier estimate) are magnitudes too, not counts."""

import pytest

from reviewer.engine import xfacts

CASES = [
    ("en", "A 5.9-magnitude quake hit the coast.", "5.9"),
    ("en", "The quake had a magnitude of 5.9.", "5.9"),
    ("fr", "Un séisme de magnitude 5,9 a frappé la côte.", "5,9"),
    ("de", "Ein Beben der Stärke 5,9 erschütterte die Küste.", "5,9"),
    ("es", "Un sismo de magnitud 5,9 sacudió la costa.", "5,9"),
    ("it", "Un terremoto di magnitudo 5.9 ha colpito la costa.", "5.9"),
    ("pt", "Um sismo de magnitude 5,9 atingiu a costa.", "5,9"),
]


@pytest.mark.parametrize("lang,text,figure", CASES)
def test_a_magnitude_is_read(lang, text, figure):
    got = [(f.kind, f.value, text[f.span[0]:f.span[1]]) for f in xfacts.read_facts(text, lang)]
    assert got == [("magnitude", 5.9, figure)]


def test_two_magnitudes_disagree_across_languages():
    ev = xfacts.xl_evidence("Un tremblement de terre de magnitude 6,4 a frappé la côte.", "fr",
                            "A 5.9-magnitude quake hit the coast.", "en")
    assert [(e.a, e.b) for e in ev] == [("6,4", "5.9")]
    assert not xfacts.xl_evidence("Un séisme de magnitude 5,9 a frappé la côte.", "fr",
                                  "A 5.9-magnitude quake hit the coast.", "en")


def test_an_earlier_estimate_beside_it_is_a_magnitude_and_settles_the_slot():
    fr = "La secousse, d'une magnitude de 6,4 selon l'institut (elle était de 6 auparavant), a duré longtemps."
    assert [(f.kind, f.value) for f in xfacts.read_facts(fr, "fr")] == [("magnitude", 6.4), ("magnitude", 6.0)]
    assert not xfacts.xl_evidence(fr, "fr", "A 6-magnitude quake was first reported.", "en")


def test_counts_units_and_percentages_beside_a_magnitude_stay_what_they_are():
    en = "A 6.1-magnitude quake killed 4 people, cut 3 km of road and damaged 5 % of homes."
    got = [(f.kind, f.value) for f in xfacts.read_facts(en, "en")]
    assert got == [("magnitude", 6.1), ("count", 4.0), ("measure", 3000.0), ("percent", 5.0)]


def test_a_strength_of_thousands_is_no_magnitude():
    got = [(f.kind, f.value) for f in xfacts.read_facts("Die Einheit hat eine Stärke von 3.000 Soldaten.", "de")]
    assert got == [("count", 3000.0)]


def test_small_counts_beside_a_magnitude_stay_counts():
    en = "A 6.2 magnitude quake shook the valley; 3 villages were cut off and 2 bridges fell."
    assert [(f.kind, f.value) for f in xfacts.read_facts(en, "en") if f.kind == "magnitude"] == [("magnitude", 6.2)]
