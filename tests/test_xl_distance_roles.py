"""A distance read as the way covered ("advanced 150 km") in one language and as the way left
("bis auf 150 Kilometer", "à 150 km du port") in another is a disagreement, as the English
engine reads it within one language; the same role in both is no conflict."""

import pytest

from reviewer.engine import xfacts

ROLES = [
    ("en", "The column advanced 150 km towards the port.", "covered"),
    ("en", "The column got to within about 150 km of the port.", "left"),
    ("en", "The column stood 150 km from the port.", "left"),
    ("de", "Die Kolonne ist 150 Kilometer vorgerückt.", "covered"),
    ("de", "Die Kolonne kam bis auf rund 150 Kilometer an den Hafen heran.", "left"),
    ("de", "Die Kolonne stand 150 Kilometer vor dem Hafen.", "left"),
    ("fr", "La colonne a parcouru 150 km.", "covered"),
    ("fr", "La colonne se trouvait à 150 km du port.", "left"),
    ("es", "La columna avanzó 150 km hacia el puerto.", "covered"),
    ("es", "La columna estaba a 150 km del puerto.", "left"),
    ("it", "La colonna era a 150 km dal porto.", "left"),
    ("pt", "A coluna avançou 150 km.", "covered"),
    ("pt", "A coluna estava a 150 km do porto.", "left"),
    ("ar", "وصلت القافلة على بعد 150 كم من الميناء", "left"),
    ("en", "The ferry is 150 metres long.", ""),
    ("fr", "Le ferry mesure 150 mètres.", ""),
]


@pytest.mark.parametrize("lang,text,role", ROLES)
def test_the_role_of_a_distance(lang, text, role):
    got = [f.role for f in xfacts.read_facts(text, lang) if f.kind == "measure"]
    assert got == [role]


def test_covered_against_left_is_a_conflict_with_evidence():
    a = "The rebels said they had advanced 150 km towards the port in a day."
    b = "Die Rebellen kamen bis auf 150 Kilometer an den Hafen heran."
    got = xfacts.xl_evidence(a, "en", b, "de")
    assert [(e.kind, e.a, e.b) for e in got] == [("quantity", "150 km", "150 Kilometer")]
    assert "covered" in got[0].note


def test_the_same_role_or_an_other_distance_is_no_conflict():
    left_en = "The rebels got within 150 km of the port."
    left_es = "Los rebeldes estaban a 150 km del puerto."
    assert xfacts.xl_evidence(left_en, "en", left_es, "es") == []
    # covered 600 km and 150 km left: both may be true
    assert xfacts.xl_evidence("Los rebeldes avanzaron 600 km.", "es", left_en, "en") == []


@pytest.mark.parametrize("text", ["The column advanced 150 km (93 miles) towards the port.",
                                  "The column advanced 150 km – 93 miles – towards the port."])
def test_a_conversion_takes_the_role_of_the_distance_before_it(text):
    assert [f.role for f in xfacts.read_facts(text, "en") if f.kind == "measure"] == ["covered", "covered"]
    left = "Die Kolonne kam bis auf 150 Kilometer an den Hafen heran."
    assert not xfacts.facts_agree(text, "en", left, "de")
    assert [e.kind for e in xfacts.xl_evidence(text, "en", left, "de")] == ["quantity"]
