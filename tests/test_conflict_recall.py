"""Conflict recall rules of issue 12/14 (stop 24), each on short sentences written for it."""

import pytest

from reviewer.engine.align import align
from tests.test_real_news_rules import cluster  # articles art0, art1… dated 2022-03-14


def conflicts(*texts):
    return [lk for lk in align(cluster(*texts)) if lk.relation == "conflict"]


def evidence_texts(links):
    return {(e.a, e.b) for lk in links for e in lk.evidence}


def test_last_count_is_the_latest_figure_not_another_event():
    got = conflicts("The harbour master said 210 barges were queuing outside the lock.",
                    "At the last count, about 330 barges were queuing outside the lock, the operator said.")
    assert got and evidence_texts(got) & {("210 barges", "about 330 barges")}


def test_an_earlier_flood_is_still_another_event():
    got = conflicts("The river rose 4 metres in the valley town.",
                    "The previous flood, in the valley town, saw the river rise 7 metres.")
    assert not got


@pytest.mark.parametrize("text", [
    "On Friday the county office revised its number of verified dead down to 17.",
    "The number of dead in the landslide rose to 17, the county office said.",
])
def test_number_of_dead_to_n_is_a_toll(text):
    got = conflicts(text, "County officials put the death toll of the landslide at 23.")
    assert got and any(e.a in ("17",) or e.b in ("17",) for lk in got for e in lk.evidence)


def test_number_of_things_to_n_is_not_a_toll():
    # "the number of lanes ... to 2" counts lanes, not the dead
    got = conflicts("Engineers cut the number of open lanes to 2 after the landslide.",
                    "County officials put the death toll of the landslide at 23.")
    assert not got


# --- round counts ("una treintena") and floors ("more than 70") across languages ----------

from reviewer.engine.xfacts import read_facts, xl_evidence  # noqa: E402
from reviewer.lang.numbers import read_numbers  # noqa: E402


@pytest.mark.parametrize("text, lang, value, said", [
    ("El alud dejó una treintena de heridos en el valle.", "es", 30, "una treintena"),
    ("Les secours ont soigné une « vingtaine » de blessés.", "fr", 20, "une « vingtaine"),
    ("Nel crollo sono rimasti feriti una ventina di operai.", "it", 20, "una ventina"),
    ("O incêndio deixou uma dezena de feridos.", "pt", 10, "uma dezena"),
    ("Bei dem Brand wurden ein Dutzend Menschen verletzt.", "de", 12, "ein Dutzend"),
])
def test_round_count_nouns_are_hedged_numbers(text, lang, value, said):
    got = [m for m in read_numbers(text, lang) if m.value == value]
    assert got and got[0].approx and text[got[0].start:got[0].end] == said


@pytest.mark.parametrize("text, lang", [
    ("La treintena del pueblo se reunió en la plaza.", "es"),  # no article: not a count
    ("Le navire a été placé en quarantaine au port.", "fr"),  # quarantine, not forty
    ("El barco pasó una cuarentena de 14 días.", "es"),
])
def test_round_count_words_that_are_not_counts(text, lang):
    assert all(m.value not in (30, 40) for m in read_numbers(text, lang))


def test_round_count_disagrees_across_languages():
    ev = xl_evidence("El alud dejó una treintena de heridos en el valle.", "es",
                     "The avalanche left 12 people injured in the valley.", "en")
    assert [(e.a, e.b) for e in ev] == [("una treintena", "12")]


def test_round_count_agrees_with_a_close_figure():
    assert not xl_evidence("El alud dejó una treintena de heridos en el valle.", "es",
                           "The avalanche left 32 people injured in the valley.", "en")


def test_floor_against_a_hedged_figure_disagrees():
    ev = xl_evidence("Les secours comptent une soixantaine de morts.", "fr",
                     "Rescuers said more than 80 people had died.", "en")
    assert ev and ev[0].kind == "quantity"


def test_floor_against_an_exact_figure_or_a_floor_reads_as_before():
    # "more than 80" and "90 dead" agree; "at least 80" and "at least 50": two reports' figures
    assert not xl_evidence("Rescuers said more than 80 people had died.", "en",
                           "Los socorristas contaron 90 muertos.", "es")
    assert xl_evidence("Rescuers said at least 80 people had died.", "en",
                       "Los socorristas contaron al menos 50 muertos.", "es")
    fact = [f for f in read_facts("Rescuers said more than 80 people had died.", "en") if f.kind == "count"][0]
    assert fact.floor and fact.value == 80 and fact.approx


# --- one unit of length without a digit, a glued singular unit ----------------------------

@pytest.mark.parametrize("text, lang, metres, said", [
    ("The flood wave ran about a mile down the valley.", "en", 1609.344, "a mile"),
    ("The flood wave ran half a mile down the valley.", "en", 804.672, "half a mile"),
    ("La ola recorrió medio kilómetro del valle.", "es", 500.0, "medio kilómetro"),
    ("La vague a parcouru un demi-kilomètre.", "fr", 500.0, "un demi-kilomètre"),
    ("Die Welle lief einen halben Kilometer weit.", "de", 500.0, "einen halben Kilometer"),
    ("L'onda ha percorso un chilometro.", "it", 1000.0, "un chilometro"),
    ("A onda percorreu meio quilômetro.", "pt", 500.0, "meio quilômetro"),
])
def test_one_unit_of_length_without_a_digit(text, lang, metres, said):
    got = [f for f in read_facts(text, lang) if f.kind == "measure"]
    assert got and abs(got[0].value - metres) < 1e-6 and text[got[0].span[0]:got[0].span[1]] == said


def test_a_ton_of_things_is_no_weight():
    assert not [f for f in read_facts("The mayor faced a ton of questions.", "en") if f.kind == "measure"]


def test_glued_singular_ton_disagrees_across_languages():
    ev = xl_evidence("The 80,000-ton tanker is stuck.", "en", "Le pétrolier de 95 000 tonnes est bloqué.", "fr")
    assert [(e.a, e.b) for e in ev] == [("80,000-ton", "95 000 tonnes")]


def test_a_mile_against_kilometres():
    assert xl_evidence("The wave ran a mile inland.", "en", "La vague a parcouru 4 kilomètres à l'intérieur.", "fr")
    assert not xl_evidence("The wave ran about a mile inland.", "en", "La vague a parcouru 1,6 kilomètre.", "fr")


# --- "N search and rescue teams": qualifiers joined before one plural noun -------------------

from reviewer.engine.facts import extract_counts  # noqa: E402
from reviewer.engine.textnorm import fold, stem, tokenize  # noqa: E402

_STOP = {"the", "of", "and", "a", "an", "were", "was", "to", "in", "at", "or"}


def _counts(text):
    toks = tokenize(text)
    words = [fold(t[0]) for t in toks]
    terms = [None if w in _STOP else stem(w) for w in words]
    return extract_counts(toks, words, terms, [t is None for t in terms], text)


def test_coordinated_qualifiers_count_the_noun_after_them():
    text = "The province sent 38 search and rescue teams to the hills."
    c = _counts(text)[0]
    assert text[c.span[0]:c.span[1]] == "38 search and rescue teams" and stem("teams") in c.head


def test_two_plural_kinds_stay_two():
    c = _counts("At least 40 nurses and doctors were hurt.")[0]
    assert stem("doctors") not in c.head


def test_coordinated_count_disagrees_with_the_plain_noun():
    got = conflicts("The province sent 38 search and rescue teams into the hills, its governor said.",
                    "Some 55 rescue teams are now working in the hills, the ministry said.")
    assert got


# --- "sono quattro le vittime": a definite article between the figure and the noun ---------

@pytest.mark.parametrize("lang, text, noun", [
    ("it", "Secondo la prefettura sono dunque sei le vittime del crollo del ponte.", "victim"),
    ("es", "Según la alcaldía son ya doce los heridos del derrumbe del puente.", "injur"),
])
def test_article_between_figure_and_noun(lang, text, noun):
    toks = tokenize(text)
    words = [fold(t[0]) for t in toks]
    terms = [None if w in _STOP else stem(w) for w in words]
    got = extract_counts(toks, words, terms, [t is None for t in terms], text, lang)
    assert got and got[0].head[0] == noun  # the noun, read as the engine's own term (lang.<xx>.HEAD_TERMS)


# --- a compound written apart and together ("tug boats" / "tugboats") ----------------------

def test_compound_written_apart_counts_the_closed_compound():
    c = _counts("Seven tug boats pulled the tanker free.")[0]
    assert stem("tugboats") in c.head and c.head[0] == stem("tug")


def test_compound_apart_and_together_disagree():
    got = conflicts("Seven tug boats were sent to the grounded tanker at dawn, the port said.",
                    "Eleven tugboats were sent to free the grounded tanker, its owner said.")
    assert got and evidence_texts(got) & {("Seven tug boats", "Eleven tugboats")}


def test_no_compound_across_what_befell_them():
    c = _counts("Three people died in the blaze.")[0]
    assert stem("peopledied") not in c.head
