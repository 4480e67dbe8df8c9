"""reviewer.lang.negation: negation cues per language."""

import pytest

from reviewer.lang.negation import has_negation, negation_cues

NEGATED = [
    ("en", "The prime minister was not injured.", ["not"]),
    ("en", "He didn't go.", ["n't"]),
    ("es", "No hubo heridos.", ["No"]),
    ("es", "Nadie resultó herido.", ["Nadie"]),
    ("fr", "Il n'a pas été blessé.", ["n'", "pas"]),
    ("fr", "Aucun mort n’est à déplorer.", ["Aucun", "n’"]),
    ("de", "Er wurde nicht verletzt.", ["nicht"]),
    ("de", "Es gab keine Toten.", ["keine"]),
    ("it", "Non ci sono vittime.", ["Non"]),
    ("pt", "Não houve feridos.", ["Não"]),
    ("ar", "لم يصب رئيس الوزراء بأذى", ["لم"]),
    ("ar", "ولم يصب أحد", ["لم"]),
    ("ar", "نفت الحكومة الخبر", ["نفت"]),
]
PLAIN = [
    ("en", "Nothingness aside, the notes were found."),
    ("es", "Hubo seis heridos en la noche."),
    ("fr", "Il y a des morts et une personne blessée."),
    ("de", "Sechs Menschen wurden verletzt."),
    ("it", "Sono morti sei operai."),
    ("pt", "Morreram seis trabalhadores."),
    ("ar", "قتل خمسة أشخاص في الهجوم"),
]


@pytest.mark.parametrize("lang,text,cues", NEGATED)
def test_negation_cues(lang, text, cues):
    found = negation_cues(text, lang)
    assert [c for c, _, _ in found] == cues
    assert all(text[s:e] == c for c, s, e in found)
    assert has_negation(text, lang)


@pytest.mark.parametrize("lang,text", PLAIN)
def test_no_negation(lang, text):
    assert not has_negation(text, lang)
