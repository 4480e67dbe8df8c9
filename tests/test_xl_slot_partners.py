"""Issue 14 (stop 22): two reports in two languages that state one slot (the town's inhabitants,
the dead) with values that disagree are compared for a conflict when each is the other's
nearest among the sentences of its article stating that slot, even where the model ranks
other sentences nearer on the whole; and thieves are counted in every language."""

import dataclasses
from types import SimpleNamespace

import numpy as np
import pytest

from reviewer.engine import crosslingual, xfacts
from reviewer.engine.settings import TUNING


def test_slot_keys_are_the_specific_counts_only():
    keys = crosslingual.slot_keys("The village of 3,400 inhabitants lost 12 people on Monday.", "en")
    assert ("count", "population") in keys
    assert all(k[0] == "count" for k in keys)  # the weekday and the people-only count are no slot
    assert crosslingual.slot_keys("Unas 80 personas llegaron el martes.", "es") == frozenset()


def test_slot_partners_are_mutual_nearest_within_the_slot():
    # articles 0 and 1; sentences 0, 1 in article 0 and 2, 3 in article 1
    keys = [frozenset({("count", "dead")}), frozenset({("count", "dead")}),
            frozenset({("count", "dead")}), frozenset()]
    arts = np.array([0, 0, 1, 1])
    mask = arts[:, None] != arts[None, :]
    cos = np.array([[1, 0, 0.90, 0.99], [0, 1, 0.80, 0.5], [0.90, 0.80, 1, 0], [0.99, 0.5, 0, 1]])
    # 3 is nearer to 0 on the whole but states no count of the dead: 0 and 2 are the slot's pair
    assert crosslingual.slot_partners(cos, keys, arts, mask, 0.77) == [(0, 2)]
    assert crosslingual.slot_partners(cos, keys, arts, mask, 0.95) == []  # below the floor


def _feat(text, lang, art):
    return SimpleNamespace(text=text, lang=lang, art=art)


@pytest.mark.parametrize("es,en,hit", [
    ("El pueblo, de 6.100 habitantes, quedó aislado.", "The town has 6,700 inhabitants.", True),
    ("El pueblo, de 6.100 habitantes, quedó aislado.", "The town has 6,100 inhabitants.", False),  # agree
    ("El pueblo, de 6.100 habitantes, quedó aislado.", "The town has 61,000 inhabitants.", False),  # two groups
])
def test_slot_evidence_needs_values_that_disagree_within_the_ratio(es, en, hit):
    assert crosslingual._slot_evidence(_feat(es, "es", 0), _feat(en, "en", 1), TUNING) is hit


def _run(texts_langs_arts, emb, scores, t=TUNING):
    feats = [_feat(x, l, a) for x, l, a in texts_langs_arts]
    arts = np.array([f.art for f in feats])
    mask = arts[:, None] != arts[None, :]
    crosslingual._add_slot_partners(scores, mask, emb, feats, t)
    return scores


def _unit(*rows):
    e = np.array(rows, dtype=float)
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def test_a_slot_pair_is_put_up_for_a_conflict():
    sents = [("El pueblo, de 6.100 habitantes, quedó aislado.", "es", 0),
             ("The river rose two metres overnight.", "en", 1),
             ("The town has 6,700 inhabitants.", "en", 1)]
    emb = _unit([1.0, 0.3, 0.0], [1.0, 0.2, 0.0], [1.0, 0.45, 0.5])  # the river sentence is nearer on the whole
    scores = np.zeros((3, 3))
    got = _run(sents, emb, scores)
    assert got[0, 2] == got[2, 0] == TUNING.xl_conflict_score
    off = _run(sents, emb, np.zeros((3, 3)), dataclasses.replace(TUNING, xl_slot_cos=2.0))
    assert not off.any()


def test_a_sentence_already_put_up_for_a_conflict_on_its_slot_takes_no_second():
    sents = [("El pueblo, de 6.100 habitantes, quedó aislado.", "es", 0),
             ("Some 5,300 inhabitants live along the valley.", "en", 1),
             ("The town has 6,700 inhabitants.", "en", 1)]
    emb = _unit([1.0, 0.3, 0.0], [1.0, 0.0, 1.2], [1.0, 0.45, 0.5])  # 2 is 0's nearest in the slot
    assert _run(sents, emb, np.zeros((3, 3)))[0, 2] == TUNING.xl_conflict_score
    scores = np.zeros((3, 3))
    scores[0, 1] = scores[1, 0] = TUNING.xl_conflict_score
    got = _run(sents, emb, scores)
    assert got[0, 2] == 0.0


def test_a_conflict_put_up_on_another_slot_leaves_the_slot_pair_to_check():
    # the pair already put up states no count of inhabitants (a line of contact numbers, a river)
    sents = [("El pueblo, de 6.100 habitantes, quedó aislado.", "es", 0),
             ("The river rose two metres overnight.", "en", 1),
             ("The town has 6,700 inhabitants.", "en", 1)]
    emb = _unit([1.0, 0.3, 0.0], [1.0, 0.2, 0.0], [1.0, 0.45, 0.5])
    scores = np.zeros((3, 3))
    scores[0, 1] = scores[1, 0] = TUNING.xl_conflict_score
    got = _run(sents, emb, scores)
    assert got[0, 2] == got[2, 0] == TUNING.xl_conflict_score


@pytest.mark.parametrize("lang,text,n", [
    ("en", "Three thieves fled on bikes.", 3),
    ("es", "Dos ladrones huyeron en moto.", 2),
    ("fr", "Trois voleurs ont pris la fuite.", 3),
    ("de", "Zwei Diebe flohen zu Fuß.", 2),
    ("it", "Quattro ladri sono fuggiti.", 4),
    ("pt", "Dois ladrões fugiram de carro.", 2),
])
def test_thieves_are_counted_as_those_who_did_it(lang, text, n):
    got = [(f.value, f.concepts) for f in xfacts.read_facts(text, lang) if f.kind == "count"]
    assert got == [(float(n), frozenset({"attackers"}))]


def test_two_thieves_against_three_is_a_conflict_across_languages():
    ev = xfacts.xl_evidence("Dos ladrones huyeron en moto.", "es", "Three thieves fled on bikes.", "en")
    assert [(e.a, e.b) for e in ev] == [("Dos", "Three")]


@pytest.mark.parametrize("a,la,b,lb,pair", [
    ("Cinco asaltantes entraron por el tejado.", "es", "Six suspects broke in through the roof.", "en", ("Cinco", "Six")),
    ("Deux cambrioleurs sont entrés.", "fr", "Drei Verdächtige drangen ein.", "de", ("Deux", "Drei")),
    ("Sette sospettati sono fuggiti.", "it", "Eight robbers fled.", "en", ("Sette", "Eight")),
    ("Cinco suspeitos fugiram.", "pt", "Four thieves escaped.", "en", ("Cinco", "Four")),
])
def test_suspects_and_those_who_did_it_are_one_count(a, la, b, lb, pair):
    ev = xfacts.xl_evidence(a, la, b, lb)
    assert [(e.a, e.b) for e in ev] == [pair]


def test_suspects_taken_in_are_a_count_of_arrests_not_of_attackers():
    ev = xfacts.xl_evidence("Police detained nine suspects.", "en", "Tres ladrones huyeron.", "es")
    assert ev == []


@pytest.mark.parametrize("a,la,b,lb,hit", [
    ("El autobús cayó desde unos 12 metros.", "es", "The bus dropped about 25 metres.", "en", True),
    ("La cabine est tombée de 40 mètres.", "fr", "Die Kabine stürzte 55 Meter tief.", "de", True),
    ("Il camion è caduto da 8 metri.", "it", "O caminhão caiu de 14 metros.", "pt", True),
    ("Un séisme de magnitude 5,2 a frappé la côte.", "fr", "Ein Beben der Stärke 6,1 erschütterte die Küste.", "de", True),
    ("El autobús cayó desde unos 12 metros.", "es", "The bus dropped about 12 metres.", "en", False),  # agree
    ("El autobús cayó desde unos 12 metros.", "es", "The road runs 400 metres along the bank.", "en", False),  # two lengths
])
def test_a_measurement_or_a_magnitude_is_a_slot_too(a, la, b, lb, hit):
    assert crosslingual.slot_keys(a, la) & crosslingual.slot_keys(b, lb)
    assert crosslingual._slot_evidence(_feat(a, la, 0), _feat(b, lb, 1), TUNING) is hit


def test_a_measurement_and_a_count_fill_no_common_slot():
    assert not crosslingual.slot_keys("El autobús cayó desde 12 metros.", "es") \
        & crosslingual.slot_keys("Twelve passengers were hurt.", "en")
