"""Specific and common words of a cluster (engine.specificity, issue 12): a denial of a word that
most sentences of the language carry is no disagreement. Short sentences written for these tests."""

from reviewer.engine import specificity
from reviewer.engine.align import align
from reviewer.engine.features import build_features
from reviewer.engine.crosslingual import annotate_languages
from reviewer.engine.settings import TUNING
from tests.test_real_news_rules import cluster


# Two short Spanish reports on a made-up river flood: "ha" (an auxiliary) is in most sentences.
FIRST = ("El puente de la villa ha quedado cerrado por la crecida del río. "
         "La alcaldesa ha pedido calma a los vecinos de la villa. "
         "El alcalde no ha querido dar más detalles sobre la obra de la carretera. "
         "Los bomberos han rescatado a tres personas de la corriente.")
SECOND = ("La crecida del río ha cerrado el puente de la villa. "
          "La alcaldesa ha visitado la obra de la carretera con los técnicos. "
          "Tres personas fueron rescatadas por los bomberos. "
          "La policía ha cortado el tráfico en la zona de la plaza.")


def _features(*texts):
    c = cluster(*texts)
    annotate_languages(c)
    feats = build_features(c, TUNING)
    specificity.mark(feats, TUNING)
    return feats


def test_a_word_in_most_sentences_of_a_language_is_common():
    feats = _features(FIRST, SECOND)
    auxiliary = next(t for f in feats for t in f.bag if t.startswith("ha") and len(t) == 2)
    assert all(auxiliary not in specificity.specific(f) for f in feats)
    assert any(specificity.common(f, auxiliary) for f in feats)
    assert any("plaza" in t for f in feats for t in specificity.specific(f))


def test_a_language_with_few_sentences_has_no_common_words():
    feats = _features("The ferry left the harbour at noon.", "The ferry reached the island at dusk.")
    assert all(specificity.specific(f) == f.bag for f in feats)


def test_a_denial_of_a_common_auxiliary_is_no_conflict():
    links = align(cluster(FIRST, SECOND))
    assert not [l for l in links if l.relation == "conflict"]


def test_a_denial_of_a_specific_verb_after_the_auxiliary_stays_a_conflict():
    denied = FIRST.replace("El alcalde no ha querido dar más detalles sobre la obra de la carretera.",
                           "La alcaldesa no ha visitado la obra de la carretera.")
    links = align(cluster(denied, SECOND))
    got = [l for l in links if l.relation == "conflict"]
    assert [(l.a.sentence, l.b.sentence) for l in got] == [(2, 1)]
    assert [e.kind for e in got[0].evidence] == ["negation"]


def test_a_specific_english_denial_stays_a_conflict():
    links = align(cluster("Police arrested the ferry captain on Monday.",
                          "The ferry captain was not arrested, police said on Monday."))
    assert [l.relation for l in links] == ["conflict"]


def test_a_cross_language_match_far_below_a_sides_best_is_dropped_unless_a_figure_agrees():
    from reviewer.engine.align import _anchored_or_close

    feats = _features("The ferry was seen near Lorne and Amberley late on Friday. "
                      "Two sailors died off Amberley and Tarrow, the coastguard said. "
                      "The ferry carried 212 passengers, the coastguard said.",
                      "Le ferry a été aperçu près de Lorne et d'Amberley vendredi soir. "
                      "Le ferry transportait 212 passagers.")
    en = [f for f in feats if f.lang == "en"]
    fr = [f for f in feats if f.lang == "fr"]
    assert len(en) == 3 and len(fr) == 2
    at = {id(f): n for n, f in enumerate(feats)}
    seen_en, dead_en, carried_en = (at[id(f)] for f in en)
    seen_fr, carried_fr = (at[id(f)] for f in fr)
    matches = [(seen_en, seen_fr, 0.75, 0.0),
               (dead_en, seen_fr, 0.45, 0.0),      # the dead sentence's best, far below the French one's
               (carried_en, carried_fr, 0.70, 0.0),
               (dead_en, carried_fr, 0.42, 0.0)]   # no figure in common with the dead: dropped too
    kept = {(m[0], m[1]) for m in _anchored_or_close(feats, matches, TUNING)}
    assert (seen_en, seen_fr) in kept and (carried_en, carried_fr) in kept
    assert (dead_en, seen_fr) not in kept and (dead_en, carried_fr) not in kept
    matches.append((seen_en, carried_fr, 0.40, 0.0))
    kept = {(m[0], m[1]) for m in _anchored_or_close(feats, matches, TUNING)}
    assert (seen_en, carried_fr) not in kept
    # the same figure in both: kept however far below
    far_same = [(carried_en, seen_fr, 0.75, 0.0), (carried_en, carried_fr, 0.45, 0.0)]
    kept = {(m[0], m[1]) for m in _anchored_or_close(feats, far_same, TUNING)}
    assert (carried_en, carried_fr) in kept


def test_two_sentences_sharing_only_common_words_share_no_claim():
    from reviewer.engine.align import _anchored_or_close

    feats = _features(FIRST + " Nadie sabe cuándo se abrirá la carretera de la costa.",
                      SECOND + " La vecina de la plaza dice que el agua subió de noche.")
    road = next(n for n, f in enumerate(feats) if f.text.startswith("Nadie"))
    square = next(n for n, f in enumerate(feats) if f.text.startswith("La vecina"))
    bridge_a = next(n for n, f in enumerate(feats) if f.text.startswith("El puente"))
    bridge_b = next(n for n, f in enumerate(feats) if f.text.startswith("La crecida"))
    assert feats[road].bag & feats[square].bag  # "la", "de": shared, but common in these reports
    assert not specificity.shares_specific(feats[road], feats[square])
    assert specificity.shares_specific(feats[bridge_a], feats[bridge_b])  # "puente", "crecida"
    kept = _anchored_or_close(feats, [(road, square, 0.5, 0.3), (bridge_a, bridge_b, 0.9, 0.8)], TUNING)
    assert [(m[0], m[1]) for m in kept] == [(bridge_a, bridge_b)]


def test_a_shared_name_or_figure_is_specific_however_common():
    feats = _features("Rescuers in Tarrow found 14 people. Tarrow was cut off. The mayor of Tarrow spoke.",
                      "Tarrow is flooded. In Tarrow 14 people were found alive. Tarrow waits.",
                      "Tarrow lost power. Roads to Tarrow closed. Tarrow schools shut.")
    a = next(f for f in feats if f.text.startswith("Tarrow was cut"))
    b = next(f for f in feats if f.text.startswith("Tarrow waits"))
    assert specificity.shares_specific(a, b)  # the town's name, in every sentence
    c = next(f for f in feats if f.text.startswith("Rescuers"))
    d = next(f for f in feats if f.text.startswith("In Tarrow 14"))
    assert specificity.shares_specific(c, d)


def test_whether_a_pair_has_a_specific_denial_does_not_hang_on_article_order():
    # found by the order-independence property test: the first denial read in one order was of a
    # common word ("police"), the other order's of a specific one; both orders must agree
    from reviewer.config import AlignSettings
    from reviewer.engine.align import align
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    bodies = ["Saturday police hit. Two drone sunday drone people on not. Police police not two minister killed. "
              "Hit 14 died not.",
              "Sunday the base. Two not police drone people said hit minister. Drones sunday 14 baghdad. "
              "People sunday police said saturday police not not. Not drone hit."]

    def links(order):
        arts = [Article(id=f"a{k}", path=f"a{k}.txt", body=bodies[k], sentences=segment(bodies[k]), date="2024-05-04")
                for k in order]
        return {(tuple(sorted([(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)])), l.relation)
                for l in align(Cluster(articles=arts, problems=[]), AlignSettings(semantic="off"))}

    assert links([0, 1]) == links([1, 0])
