"""Specific and common words of a cluster (engine.specificity, issue 12): a denial of a word that
most sentences of the language carry is no disagreement. Short sentences written for these tests."""

from reviewer.engine import specificity
from reviewer.engine.align import align
from reviewer.engine.features import build_features
from reviewer.engine.crosslingual import annotate_languages
from reviewer.engine.settings import TUNING
from reviewer.io.segment import segment
from reviewer.models import Article, Cluster


def cluster(*texts):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=t, date="2022-03-14")
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


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
