"""Stop 25: what a figure counts. Its own noun after it wins over a noun of another kind before
it (the one who acts); people with no fate may be those another report gives one; firefighters,
fire engines, foreigners and nationalities are counted kinds in every language; two sentences
of one language other than English are compared with the cross-language count reader too."""

import pytest

from reviewer.config import AlignSettings
from reviewer.engine import xfacts
from reviewer.engine.align import align
from tests.test_real_news_rules import cluster
from tests.test_xl_and_clauses import concepts


def test_the_noun_before_a_figure_that_has_its_own_is_the_one_who_acts():
    assert concepts("Paramedic crews had carried 31 people to the clinic.", "en")[31] == {"people"}
    # a fate before it still counts ("killed 12 people")
    assert concepts("The landslide killed 12 people in the village.", "en")[12] == {"dead", "people"}
    # and with no noun after the figure, the words before say what it is
    assert "crew" in concepts("The vessel's crew numbered 14.", "en")[14]


def test_people_with_no_fate_are_settled_by_the_same_figure_with_one():
    # 31 people carried to the clinic / 31 injured taken there: the 28 rescued are not them
    assert xfacts.xl_evidence("Paramedic crews had carried 31 people to the clinic.", "en",
                              "Los bomberos salvaron a 28 personas y las ambulancias llevaron a 31 heridos a la clínica.",
                              "es") == []
    # but "people" never disagrees with a fate by itself
    assert xfacts.xl_evidence("Some 31 people were at the clinic.", "en", "Hubo 25 heridos en la clínica.", "es") == []


@pytest.mark.parametrize("lang,text,value,concept", [
    ("en", "Some 60 firefighters fought the blaze with 12 fire engines.", 60, "firefighters"),
    ("en", "Some 60 firefighters fought the blaze with 12 fire engines.", 12, "fire engines"),
    ("es", "Unos 60 bomberos y 12 camiones de bomberos acudieron al incendio.", 60, "firefighters"),
    ("es", "Unos 60 bomberos y 12 camiones de bomberos acudieron al incendio.", 12, "fire engines"),
    ("fr", "Quelque 60 pompiers et 12 camions de pompiers sont sur place.", 12, "fire engines"),
    ("de", "Rund 60 Feuerwehrleute waren mit 12 Löschfahrzeugen im Einsatz.", 60, "firefighters"),
    ("it", "Sul posto 60 vigili del fuoco e 12 autopompe.", 12, "fire engines"),
    ("pt", "Cerca de 60 bombeiros combatem as chamas.", 60, "firefighters"),
    ("en", "Four foreigners were among the victims.", 4, "foreigners"),
    ("fr", "Parmi les victimes figurent quatre étrangers.", 4, "foreigners"),
    ("es", "Los viajeros eran de 20 nacionalidades.", 20, "nationalities"),
    ("de", "Die Reisenden hatten 20 Nationalitäten.", 20, "nationalities"),
    ("ar", "كان الركاب من 20 جنسية", 20, "nationalities"),
])
def test_firefighters_engines_foreigners_and_nationalities_are_counted(lang, text, value, concept):
    assert concept in concepts(text, lang)[value]


def test_a_fire_engine_named_after_firefighters_counts_the_engines():
    assert concepts("Llegaron 12 camiones de bomberos.", "es")[12] == {"fire engines"}


def test_two_spanish_reports_disagree_on_the_engines():
    cl = cluster("Unos 80 bomberos y 15 camiones de bomberos luchan contra las llamas en el almacén del puerto.",
                 "Para apagar el incendio del almacén del puerto acudieron 80 bomberos con 18 autobombas.")
    links = align(cl, AlignSettings(semantic="off"))
    got = [(l.relation, [(e.a, e.b) for e in l.evidence]) for l in links]
    assert ("conflict", [("15", "18")]) in got


@pytest.mark.parametrize("lang,text", [
    ("en", "The camp was for pupils aged five to 12 from nearby schools."),
    ("en", "The pupils at the camp were 5 to 12 years old."),
    ("fr", "Le camp accueillait des élèves âgés de 5 à 12 ans."),
])
def test_the_ages_of_a_group_are_a_range(lang, text):
    assert [(f.kind, f.low, f.value) for f in xfacts.read_facts(text, lang)] == [("age", 5.0, 12.0)]


def test_two_age_ranges_of_one_group_differ_at_either_end():
    ev = xfacts.xl_evidence("The camp was for pupils aged five to 12 from nearby schools.", "en",
                            "Le camp accueillait des élèves âgés de 5 à 11 ans.", "fr")
    assert [(e.a, e.b) for e in ev] == [("five to 12", "5 à 11 ans")]
    assert xfacts.xl_evidence("The camp was for pupils aged five to 12 from nearby schools.", "en",
                              "Le camp accueillait des élèves âgés de 5 à 12 ans.", "fr") == []


def test_two_english_reports_of_the_ages_disagree():
    cl = cluster("The summer camp in the hills was for pupils aged 5 to 12, the organisers said.",
                 "The pupils at the summer camp in the hills were 5 to 11 years old, organisers said.")
    links = align(cl, AlignSettings(semantic="off"))
    assert [(l.relation, [e.kind for e in l.evidence]) for l in links] == [("conflict", ["number"])]


def test_ambulances_are_counted():
    assert concepts("Some 9 ambulances and the fire brigade were sent.", "en")[9] == {"ambulances"}
    assert concepts("Neuf ambulances et les pompiers sont arrivés.", "fr")[9] == {"ambulances"}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le village se trouve à une trentaine de kilomètres de la côte."),
    ("es", "El pueblo está a una treintena de kilómetros de la costa."),
])
def test_a_round_count_of_a_unit_is_a_measurement(lang, text):
    assert [(f.kind, f.value, f.approx) for f in xfacts.read_facts(text, lang)] == [("measure", 30000.0, True)]


def test_a_round_count_of_kilometres_against_miles():
    ev = xfacts.xl_evidence("The village lies about 30 miles from the coast.", "en",
                            "Le village se trouve à une trentaine de kilomètres de la côte.", "fr")
    assert [e.kind for e in ev] == ["quantity"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Eleven people died in the first village and another 6 in the valley."),
    ("es", "Murieron once personas en el primer pueblo y otros 6 en el valle."),
    ("de", "Elf Menschen starben im ersten Dorf, weitere 6 im Tal."),
])
def test_another_figure_counts_what_the_one_before_counts(lang, text):
    got = concepts(text, lang)
    assert "dead" in got[6]


@pytest.mark.parametrize("lang,text,value", [
    ("en", "The stadium has a capacity of about 9,500 for football.", 9500),
    ("de", "Im 9.500 Zuschauer fassenden Stadion fiel das Spiel aus.", 9500),
    ("es", "El estadio tiene un aforo de 9.500 personas.", 9500),
])
def test_what_a_place_holds_is_its_seats(lang, text, value):
    assert "seats" in concepts(text, lang)[value]


def test_people_after_an_and_are_not_the_dead_before_it():
    # "three died and 14 people, among them ..., were hurt": the 14 are not the dead
    assert "dead" not in concepts("Trois enfants sont morts et 14 personnes, dont huit enfants, ont été blessées.", "fr")[14]


def test_two_small_figures_both_give_are_one_claim():
    # 8 injured and 5 critical in both: each small alone, together a sign of one claim
    a, b = "Eight were injured, with five in a critical condition.", "Huit blessés dont cinq dans un état critique."
    assert xfacts.facts_agree(a, "en", b, "fr")
    assert not xfacts.facts_agree("Eight were injured in the crash.", "en", b, "fr")


def test_people_with_no_fate_and_the_same_figure_with_one_agree():
    assert xfacts.facts_agree("Health officials said 43 people were in hospital.", "en",
                              "Hay 43 heridos hospitalizados, según Sanidad.", "es")


@pytest.mark.parametrize("lang,text", [
    ("es", "Al menos 12 personas perdieron la vida en el naufragio."),
    ("pt", "Pelo menos 12 pessoas perderam a vida no naufrágio."),
])
def test_those_who_lost_their_lives_are_the_dead(lang, text):
    assert "dead" in concepts(text, lang)[12]


def test_quotation_marks_around_a_word_do_not_end_the_clause_of_a_figure():
    assert "critical" in concepts('Cinq blessés, dont deux dans un état « critique ».', "fr")[2]
    assert "critical" in concepts('Four were hurt, two in "critical" condition.', "en")[2]
    # a comma still does
    assert "critical" not in concepts("Cinq blessés dont deux, selon la police, dans un état critique.", "fr").get(2, set())


@pytest.mark.parametrize("lang,text", [
    ("it", "Il ministro ha criticato 12 deputati."),
    ("it", "Tre paesi sono stati evacuati."),
    ("de", "Die Polizei zählte zwölf ausländerfeindliche Angriffe."),
    ("en", "Some 20 countries sent aid."),
    ("es", "Viven 3 años en el extranjero."),
])
def test_words_that_only_look_like_the_new_kinds_count_nothing_of_them(lang, text):
    kinds = set().union(*concepts(text, lang).values()) if concepts(text, lang) else set()
    assert not kinds & {"critical", "nationalities", "foreigners"}


def test_a_fate_count_of_its_own_is_compared_before_people_with_no_fate():
    # 68 people in hospital and 70 injured / 68 injured: the injured disagree, 70 against 68
    ev = xfacts.xl_evidence("Some 68 people were taken to hospital and 70 were injured.", "en",
                            "Hay 68 heridos en el hospital.", "es")
    assert [(e.a, e.b) for e in ev] == [("70", "68")]


def test_two_small_figures_only_one_sentence_gives_do_not_agree():
    assert not xfacts.facts_agree("Eight were injured, with five in a critical condition.", "en",
                                  "Huit blessés dont trois dans un état critique.", "fr")
