"""Cross-language facts and scores (issue 14): short sentences written for these tests."""

import numpy as np
import pytest

from reviewer.config import AlignSettings
from reviewer.engine import crosslingual
from reviewer.engine.xfacts import read_facts, xl_evidence
from reviewer.models import Article, Cluster, Sentence


def _kinds(text, lang):
    return [(f.kind, f.value) for f in read_facts(text, lang)]


@pytest.mark.parametrize("a, la, b, lb, kind, sa, sb", [
    ("Seis trabajadores murieron en la mina.", "es", "Eight workers died in the mine.", "en", "number", "Seis", "Eight"),
    ("El túnel mide 2,6 km.", "es", "The tunnel is 1.2 miles long.", "en", "quantity", "2,6 km", "1.2 miles"),
    ("Der Damm ist 30 Meter hoch.", "de", "The dam is 200 feet high.", "en", "quantity", "30 Meter", "200 feet"),
    ("Le village compte 3.200 habitants.", "fr", "The village has 4,500 residents.", "en", "number", "3.200", "4,500"),
    ("Il partito ha ottenuto il 41,5 per cento dei voti.", "it", "The party won 38.2 percent of the votes.", "en",
     "number", "41,5 per cento", "38.2 percent"),
    ("O incêndio começou na segunda-feira.", "pt", "The fire started on Tuesday.", "en", "weekday", "segunda", "Tuesday"),
    ("قتل ثلاثة أشخاص في الهجوم", "ar", "Five people were killed in the attack.", "en", "number", "ثلاثة", "Five"),
    ("Das Schiff sank am Sonntagabend.", "de", "The ship sank on Friday evening.", "en", "weekday", "Sonntag", "Friday"),
    ("Nach zwei Stunden und zehn Minuten kam die Antwort.", "de", "An hour later the answer came.", "en",
     "quantity", "zwei Stunden und zehn Minuten", "An hour"),
])
def test_typed_conflict_across_languages(a, la, b, lb, kind, sa, sb):
    ev = xl_evidence(a, la, b, lb)
    assert ev, (a, b)
    e = ev[0]
    assert (e.kind, e.a, e.b) == (kind, sa, sb) or any(x.kind == kind for x in ev)
    for x in ev:  # spans are exact offsets into each sentence
        assert a[x.a_span[0]:x.a_span[1]] == x.a and b[x.b_span[0]:x.b_span[1]] == x.b


@pytest.mark.parametrize("a, la, b, lb", [
    ("Seis trabajadores murieron.", "es", "Six workers died.", "en"),
    ("El puente mide 2,4 km.", "es", "The bridge is 1.5 miles long.", "en"),  # 2.41 km
    ("Sechs Menschen wurden verletzt, zwei starben.", "de", "Two people died.", "en"),
    ("Le 5 mai, 40 morts.", "fr", "Forty dead on May 5.", "en"),
    ("Rund 100 Menschen starben.", "de", "At least 96 people died.", "en"),  # hedged figures overlap
    ("Cuatro heridos.", "es", "The bridge is 4 miles long.", "en"),  # not the same slot
])
def test_no_conflict_when_facts_agree_or_differ_in_kind(a, la, b, lb):
    assert xl_evidence(a, la, b, lb) == []


def test_decimal_conventions_per_language():
    assert _kinds("Recorrió 2,600 km.", "es") == [("measure", 2.6 * 1000)]
    assert _kinds("It ran 2,600 km.", "en") == [("measure", 2_600_000.0)]
    assert _kinds("Die Stadt hat 125.000 Einwohner.", "de") == [("count", 125000.0)]


def test_years_and_clock_times_are_not_counts():
    kinds = [k for k, _v in _kinds("En 2023, a las 21h15, murieron 3 personas.", "es")]
    assert kinds == ["time", "count"]


def test_margin_prefers_a_translation_over_a_hub():
    # Four sentences: 0/1 in one language, 2/3 in another. 2 is close to everything (a hub),
    # 3 is the translation of 0: the margin ranks 3 first for 0 though 2 has the higher cosine.
    e = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.75, 0.66, 0.0], [0.72, 0.0, 0.69]])
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    mask = crosslingual.cross_mask(["es", "es", "en", "en"], np.array([0, 0, 1, 1]), True)
    m = crosslingual.margin_scores(e, mask, 2)
    assert m[0, 3] > m[0, 2] or m[0, 3] > 1.0
    assert m[0, 1] == 0.0  # same language: not scored here


def test_languages_on_the_models_and_setting_off():
    s_en = Sentence(0, 0, 40, "The river flooded the old town on Monday.")
    s_es = Sentence(0, 0, 44, "El río inundó el casco antiguo el martes.")
    c = Cluster([Article("a", "a.txt", s_en.text, sentences=[s_en]),
                 Article("b", "b.txt", s_es.text, sentences=[s_es])])
    crosslingual.annotate_languages(c)
    assert [a.lang for a in c.articles] == ["en", "es"]
    assert [a.sentences[0].lang for a in c.articles] == ["en", "es"]
    sem = np.zeros((2, 2))
    assert crosslingual.with_cross_language(sem, [], AlignSettings(cross_language=False), None) is sem


def test_the_same_figure_in_the_same_slot_agrees_across_languages():
    from reviewer.engine.xfacts import facts_agree

    assert facts_agree("Unos 12.000 trabajadores fueron evacuados.", "es", "About 12,000 workers were evacuated.", "en")
    assert not facts_agree("12.000 trabajadores murieron.", "es", "12,000 soldiers were injured.", "en")
    assert not facts_agree("Drei Menschen starben.", "de", "Three people died.", "en")  # small figures agree by chance


def _sent(text, lang):
    from types import SimpleNamespace
    return SimpleNamespace(text=text, lang=lang)


def test_anchors_are_names_and_figures_that_survive_translation():
    assert crosslingual.anchors("Le maire de Lyon a parlé de 5.000 victimes.", "fr") >= {"lyon", "5000"}
    assert crosslingual.anchors("They spoke of 5,000 victims in Lyon.", "en") >= {"lyon", "5000"}
    # German capitalises every noun: only its figures count.
    assert crosslingual.anchors("Das Dach des Hauses ist eingestürzt.", "de") == frozenset()
    assert crosslingual.figures("In 2021, 53.8 million people voted.") == {"53", "8"}  # the year left out


def test_a_cross_language_match_needs_a_clear_margin_when_names_and_figures_differ():
    s = AlignSettings()
    t = crosslingual_tuning()
    en = _sent("The mayor of Lyon thanked the rescuers.", "en")
    same = _sent("Le maire de Lyon a remercié les secouristes.", "fr")
    other = _sent("Le préfet de Marseille a remercié les pompiers.", "fr")
    low = t.cross_disjoint_min - 0.05
    assert crosslingual.decide(en, same, low, False, s, t) == (round(low, 4), [])
    assert crosslingual.decide(en, other, low, False, s, t) is None
    assert crosslingual.decide(en, other, t.cross_disjoint_min + 0.05, False, s, t) is not None


def test_names_against_figures_need_a_clearer_margin_not_the_disjoint_bar():
    s = AlignSettings()
    t = crosslingual_tuning()
    names = _sent("The ferry left Bergen with the crew of Captain Alvik.", "en")
    figures = _sent("La nave è partita alle 6 con 14 membri d'equipaggio.", "it")
    other_names = _sent("Il traghetto ha lasciato Oslo con il capitano Strand.", "it")
    assert crosslingual.unlike_anchors(names, figures) and crosslingual.unlike_anchors(figures, names)
    assert not crosslingual.unlike_anchors(names, other_names)  # names against names still count
    assert crosslingual.disjoint_anchors(names, figures)
    between = round((t.xl_unlike_anchors_min + t.cross_disjoint_min) / 2, 4)
    below = round(t.xl_unlike_anchors_min - 0.02, 4)
    assert s.match_threshold < below < between < t.cross_disjoint_min
    # Names only against figures only: nothing of one kind to compare, a clearer margin suffices.
    assert crosslingual.decide(names, figures, between, False, s, t) == (between, [])
    assert crosslingual.decide(names, figures, below, False, s, t) is None
    # Two sets of names that differ still need the disjoint bar.
    assert crosslingual.decide(names, other_names, between, False, s, t) is None


def test_a_cross_language_match_of_two_different_figures_is_dropped():
    s = AlignSettings()
    t = crosslingual_tuning()
    en = _sent("About 40 million voters took part in the vote.", "en")
    fr = _sent("Les bureaux de vote ont accueilli plus de 60 millions d'électeurs inscrits.", "fr")
    assert crosslingual.decide(en, fr, 0.7, False, s, t) is None
    same = _sent("Environ 40 millions d'électeurs ont participé au vote.", "fr")
    assert crosslingual.decide(en, same, 0.7, False, s, t) == (0.7, [])
    # The same quantity in other units is no disagreement.
    miles = _sent("The ship sank 12 miles off the coast.", "en")
    km = _sent("Le navire a coulé à 19 km de la côte.", "fr")
    assert crosslingual.decide(miles, km, 0.7, False, s, t) == (0.7, [])


def crosslingual_tuning():
    from reviewer.engine.settings import TUNING
    return TUNING


def test_a_cross_language_conflict_needs_the_model_to_find_the_pair_close():
    s = AlignSettings()
    t = crosslingual_tuning()
    en = _sent("Eight workers died in the fire on Monday.", "en")
    es = _sent("Seis trabajadores murieron en el incendio el lunes.", "es")
    got = crosslingual.decide(en, es, t.xl_conflict_score, False, s, t)
    assert got is not None and got[1]  # a typed conflict
    # Found through shared words only (below the model's conflict score): no conflict.
    assert crosslingual.decide(en, es, t.xl_conflict_score - 0.05, False, s, t) is None


def _unit(rows):
    e = np.array(rows, dtype=float)
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def test_a_short_sentence_takes_no_second_best_partner():
    from dataclasses import replace

    from reviewer.engine.settings import TUNING

    # x0 ranks y0 first and y1 second; y1 ranks x0 first: (x0, y1) is x0's second best.
    e = _unit([[1, 0, 0], [0, 0, 1], [0.99, 0.14, 0], [0.8, 0, 0.6]])
    langs, arts = ["es", "es", "en", "en"], np.array([0, 0, 1, 1])
    t = replace(TUNING, xl_neighbours=1, xl_cos_floor=-1.0, xl_match_margin=0.0, xl_second_margin=0.0,
                xl_fact_margin=10.0, xl_long_rank=-1, xl_second_min_chars=70,
                xl_second_cos=0.79)
    r = crosslingual._ranks(crosslingual.margin_scores(e, crosslingual.cross_mask(langs, arts, True), 1),
                            crosslingual.cross_mask(langs, arts, True), arts)
    assert (r[0, 2], r[0, 3], r[3, 0]) == (0, 1, 0)
    short, _ = crosslingual.cross_scores(e, langs, arts, True, t, [40, 40, 40, 40])
    long, _ = crosslingual.cross_scores(e, langs, arts, True, t, [200, 40, 40, 40])
    assert short[0, 2] > 0 and long[0, 2] > 0  # the best partner either way
    assert short[0, 3] == 0.0  # one claim, one partner per article
    assert long[0, 3] > 0  # a long sentence may hold the claims of two
    # Not each other's best: the cosine itself must be high (cos(x0, y1) is 0.8).
    strict, _ = crosslingual.cross_scores(e, langs, arts, True, replace(t, xl_second_cos=0.81), [200, 40, 40, 40])
    assert strict[0, 3] == 0.0 and strict[0, 2] > 0


def test_a_long_sentence_matches_the_short_one_whose_best_it_is():
    from dataclasses import replace

    from reviewer.engine.settings import TUNING

    # x0 holds three claims (y1, y2, y0); y0 states one, and x0 is its best: x0 ranks it third.
    e = _unit([[1, 1, 1, 0], [0, 0, 0, 1], [0, 0.2, 0, 1], [0, 0, 1, 0.3], [1, 0, 0, 0], [0, 1, 0, 0]])
    langs, arts = ["es"] * 3 + ["en"] * 3, np.array([0, 0, 0, 1, 1, 1])
    mask = crosslingual.cross_mask(langs, arts, True)
    r = crosslingual._ranks(crosslingual.margin_scores(e, mask, 1), mask, arts)
    assert r[3, 0] == 0 and r[0, 3] == 2
    t = replace(TUNING, xl_neighbours=1, xl_cos_floor=-1.0, xl_match_rank=0, xl_match_margin=0.0,
                xl_fact_margin=10.0, xl_long_rank=3, xl_long_min_chars=140, xl_long_margin=0.0)
    one, _ = crosslingual.cross_scores(e, langs, arts, True, t, [60] * 6)
    many, _ = crosslingual.cross_scores(e, langs, arts, True, t, [200] + [60] * 5)
    assert one[0, 3] == 0.0
    assert many[0, 3] > 0 and many[3, 0] == many[0, 3]
    # Its other claims are not the short sentence's: disagreeing figures make it no match, and
    # from rank 2 no conflict either (compared for agreement only).
    texts = ["Tres personas murieron, el puente cayó y el río creció.", "x", "y", "Five people died.", "a", "b"]
    scored, _ = crosslingual.cross_scores(e, langs, arts, True, t, [200] + [60] * 5, texts)
    assert scored[0, 3] == t.xl_fact_score


def test_one_figure_in_common_makes_a_disagreement_on_another_a_conflict():
    # Compared for facts only (below the model's own conflict score), the two state the same
    # count of the missing: the different count of the dead is then their disagreement.
    s = AlignSettings()
    t = crosslingual_tuning()
    en = _sent("At least 300 dead and 900 missing after the landslide.", "en")
    fr = _sent("Selon les secours, on compte 70 morts et 900 disparus.", "fr")
    sim = t.xl_fact_score
    assert sim < t.xl_conflict_score
    score, evidence = crosslingual.decide(en, fr, sim, False, s, t)
    assert [(e.a, e.b) for e in evidence] == [("300", "70")]
    # without a figure in common, a pair this far apart is no conflict
    other = _sent("Selon les secours, on compte 70 morts.", "fr")
    assert not (crosslingual.decide(en, other, sim, False, s, t) or (0, []))[1]
