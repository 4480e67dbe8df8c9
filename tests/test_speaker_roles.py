"""A speaker named by role in one report and by name in another (issue 12), on sentences written here."""

from reviewer.engine.align import align
from reviewer.engine.features import build_features
from reviewer.engine.quotes import quoted
from reviewer.engine.recall import _role_attribution, _roles_named, speaker_pairs
from reviewer.engine.settings import TUNING
from reviewer.io.segment import segment
from reviewer.models import Article, Cluster


def cluster(*texts):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=t, date="2024-06-07")
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


def feats(*texts):
    return build_features(cluster(*texts))


def pairs(cl):
    return {(l.a.article, l.a.sentence, l.b.article, l.b.sentence) for l in align(cl) if l.relation == "match"}

_NAMED = ("Mayor Lena Varga promised on Friday a painstaking audit of the sluice gates after the night "
          "of flooding in the old quarter.")
_QUOTE = ("Workers cleared debris from the canal banks on Friday. Hundreds of homes lost power. "
          "“Nobody will be spared a painstaking look, I can tell you that,” {who} said.")


def _speaker_pairs(*texts):
    cl = cluster(*texts)
    f = feats(*texts)
    return speaker_pairs(f, quoted(cl, f), TUNING)


def test_a_role_word_before_the_verb_is_the_speaker():
    got = [_role_attribution(f, TUNING) for f in feats("The mayor said so. The city's mayor later said so. "
                                                       "The mayor's aide said so. Crews said so.")]
    assert [g and g[0] for g in got] == ["mayor", "mayor", None, None]


def test_the_cluster_names_the_person_of_a_role_by_title_or_appositive():
    f = feats("Mayor Lena Varga toured the lock.", "Piet Dros, the harbour master's deputy, left. "
              "Tomas Rell, a company spokeswoman, spoke.")
    got = _roles_named(f, TUNING)
    assert got["mayor"] == {"N:lena", "N:varga"} and "N:rell" in got["spokeswoman"]
    assert "deputi" not in got


def test_a_role_given_to_two_people_names_nobody():
    f = feats("Mayor Lena Varga toured the lock.", "Mayor Odo Brant of the next town stayed home.")
    assert "mayor" not in _roles_named(f, TUNING)


def test_a_quotation_given_to_the_role_matches_the_named_speakers_report():
    assert _speaker_pairs(_NAMED, _QUOTE.format(who="the mayor"))
    assert ("art0", 0, "art1", 2) in pairs(cluster(_NAMED, _QUOTE.format(who="the city's mayor later")))


def test_the_name_given_by_appositive_in_the_other_report_serves_too():
    named = ("Lena Varga, the mayor, toured the lock. Varga promised on Friday a painstaking audit of the sluice "
             "gates after the night of flooding in the old quarter.")
    assert ("art0", 1, "art1", 2) in pairs(cluster(named, _QUOTE.format(who="the mayor")))


def test_a_quotation_given_to_another_role_or_an_unnamed_one_is_no_match():
    assert not _speaker_pairs(_NAMED, _QUOTE.format(who="the sheriff"))
    unnamed = _NAMED.replace("Mayor Lena Varga", "Lena Varga")
    assert not _speaker_pairs(unnamed, _QUOTE.format(who="the mayor"))
    two = _NAMED + " Mayor Odo Brant of the next town stayed home."
    assert not _speaker_pairs(two, _QUOTE.format(who="the mayor"))


def test_a_role_after_the_verb_of_a_quotation_is_the_speaker():
    got = [_role_attribution(f, TUNING) for f in feats("“We will rebuild,” said the mayor. "
                                                       "Crews said the mayor left early.")]
    assert got[0] and got[0][0] == "mayor" and got[1] is None
    assert _speaker_pairs(_NAMED, _QUOTE.replace("{who} said", "said {who}").format(who="the mayor"))
