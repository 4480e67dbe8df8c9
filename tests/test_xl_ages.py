"""Issue 14: an age read in every language, so that two reports giving one person two ages
disagree across languages, while a span of years that is a term or a sentence stays one."""

import pytest

from reviewer.engine import crosslingual, xfacts


def _ages(text, lang):
    return [(f.value, text[f.span[0]:f.span[1]]) for f in xfacts.read_facts(text, lang) if f.kind == "age"]


@pytest.mark.parametrize("lang,text,age", [
    ("en", "The pilot, a 63-year-old veteran, survived.", 63),
    ("en", "Maria Lopes, 29, was among the hurt.", 29),
    ("en", "A man aged 52 was held.", 52),
    ("fr", "Le conducteur, 47 ans, a été blessé.", 47),
    ("fr", "Une femme âgée de 38 ans est morte.", 38),
    ("es", "El guardia, de 56 años de edad, resultó herido.", 56),
    ("es", "La conductora, 31 años, salió ilesa.", 31),
    ("de", "Der 44-Jährige wurde festgenommen.", 44),
    ("de", "Der Fahrer war 27 Jahre alt.", 27),
    ("it", "Un uomo di 66 anni di età è stato fermato.", 66),
    ("pt", "O piloto, 35 anos, morreu no local.", 35),
])
def test_an_age_is_read_per_language(lang, text, age):
    assert [a for a, _ in _ages(text, lang)] == [age]


@pytest.mark.parametrize("lang,text", [
    ("en", "He was sentenced to 14 years in prison."),
    ("fr", "Il a été condamné à 9 ans de prison."),
    ("es", "Un mandato de 6 años empezó ayer."),
    ("en", "In Lisbon, 23 people were hurt."),
    ("it", "Il negozio in via Morandi, 14, ha chiuso."),  # a house number after a street's name
    ("pt", "O fogo começou na Rua Augusta, 40, de madrugada."),
])
def test_a_term_or_a_count_is_no_age(lang, text):
    assert _ages(text, lang) == []


@pytest.mark.parametrize("a,la,b,lb,hit", [
    ("Le conducteur, 47 ans, a été blessé.", "fr", "The 49-year-old driver was hurt.", "en", True),
    ("Der 44-Jährige wurde festgenommen.", "de", "El detenido, de 44 años de edad, huyó.", "es", False),  # agree
    ("Le conducteur, 47 ans, a été blessé.", "fr", "The 19-year-old driver was hurt.", "en", False),  # two people
])
def test_two_ages_of_one_person_disagree_across_languages(a, la, b, lb, hit):
    ev = xfacts.xl_evidence(a, la, b, lb)
    assert bool(ev) is hit
    if hit:
        assert crosslingual.slot_keys(a, la) & crosslingual.slot_keys(b, lb) == {("age", "")}
        assert ev[0].kind == "number"



# Stop 24: an age is a person's. Before a noun that names no person it is that thing's age.
@pytest.mark.parametrize("lang,text,ages", [
    ("en", "A 60-year-old bridge over the Keln river collapsed.", []),
    ("en", "The 40-year-old dam burst after the rains.", []),
    ("en", "A 34-year-old was arrested at the scene.", [34]),  # an age used as a noun: a person
    ("en", "The 63-year-old driver was hurt.", [63]),
    ("en", "The 70-year-old, who lived alone, was rescued.", [70]),
    ("en", "The 34-year-old Mira Tallis was arrested.", [34]),  # before a name
    ("de", "Die 60 Jahre alte Brücke stürzte ein.", []),
    ("de", "Die 60-jährige Talsperre brach nach dem Regen.", []),
    ("de", "Der 60 Jahre alte Mann wurde verletzt.", [60]),
    ("de", "Die 31-jährige Fahrerin wurde verletzt.", [31]),
])
def test_an_age_belongs_to_a_person(lang, text, ages):
    assert [a for a, _ in _ages(text, lang)] == ages


def test_the_ages_of_two_things_are_no_conflict_across_languages():
    assert xfacts.xl_evidence("Die 47 Jahre alte Brücke stürzte ein.", "de",
                              "The 49-year-old bridge collapsed.", "en") == []
    # the same sentences about a person do disagree
    assert xfacts.xl_evidence("Der 47 Jahre alte Fahrer wurde verletzt.", "de",
                              "The 49-year-old driver was hurt.", "en")
