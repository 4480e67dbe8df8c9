"""A short sentence stated as one clause of a long sentence in another language (issue 14):
sentences and vectors written for these tests."""

from dataclasses import replace

import numpy as np

from reviewer.engine import crosslingual
from reviewer.engine.settings import TUNING

LONG = ("The ferry left the harbour of Veldrun two hours late, its engine failing halfway across the bay, "
        "and the crew of eleven waited for a tug until dawn.")


def _unit(rows):
    e = np.asarray(rows, dtype=float)
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def test_a_long_sentence_is_cut_into_clauses():
    got = crosslingual.clauses(LONG)
    assert got == ["The ferry left the harbour of Veldrun two hours late",
                   "its engine failing halfway across the bay",
                   "and the crew of eleven waited for a tug until dawn."]
    assert crosslingual.clauses("The ferry was late.") == []  # short: one claim
    assert crosslingual.clauses("x" * 150) == []  # nothing to cut at



def test_an_arabic_sentence_is_cut_at_its_own_commas():
    # Three clauses of our own, joined by the Arabic comma (U+060C), long enough to be cut.
    parts = ["\u0623\u063a\u0644\u0642\u062a \u0627\u0644\u0634\u0631\u0637\u0629 \u0627\u0644\u062c\u0633\u0631 \u0627\u0644\u0642\u062f\u064a\u0645 \u0641\u064a \u0627\u0644\u0645\u062f\u064a\u0646\u0629 \u0645\u0633\u0627\u0621 \u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621"] * 3
    text = " \u060c ".join(parts) + "."
    assert len(crosslingual.clauses(text)) == 3

def test_a_short_piece_joins_its_neighbour():
    text = "In the end, after a vote of the whole council that lasted well into the night and the grey morning after it, the old bridge over the canal stays shut."
    assert len(text) >= TUNING.xl_long_min_chars
    got = crosslingual.clauses(text)
    assert got[0].startswith("In the end, after a vote")  # "In the end" is under xl_clause_min_chars
    assert all(len(c) >= TUNING.xl_clause_min_chars for c in got)


def test_clause_cosines_take_the_best_clause():
    # Vectors by text: the long sentence is far from the short one, its second clause is not.
    vec = {"A": [1, 0, 0], "B": [0, 1, 0], "short": [0, 0.1, 1], LONG: [1, 1, 0.3]}
    clause_vec = {c: ([0, 0.05, 1] if "engine" in c else [1, 0, 0]) for c in crosslingual.clauses(LONG)}
    texts = [LONG, "A", "short", "B"]
    emb = _unit([vec[x] for x in texts])
    embed = lambda xs: _unit([clause_vec[x] for x in xs])  # noqa: E731
    mask = crosslingual.cross_mask(["en", "en", "de", "de"], np.array([0, 0, 1, 1]), False)
    got = crosslingual.clause_cosines(texts, emb, mask, embed)
    whole = emb @ emb.T
    assert got[0, 2] == got[2, 0] > 0.99 > whole[0, 2]
    assert got[1, 3] == whole[1, 3]  # short sentences are compared whole
    assert np.allclose(got, got.T)


def test_a_short_sentence_matches_the_long_one_holding_it_as_a_clause():
    # Sentences 0, 1: English (0 long); 2, 3: German (2 short). Whole sentences: 0 and 2 are each
    # other's nearest, but their cosine (0.75) is under xl_cos_floor.
    emb = _unit([[1, 0, 0], [0, 0, 1], [0.75, 0.6614, 0], [0, -0.6, 0.8]])
    assert abs(float(emb[0] @ emb[2]) - 0.75) < 1e-3 < TUNING.xl_cos_floor - 0.75
    langs, arts = ["en", "en", "de", "de"], np.array([0, 0, 1, 1])
    mask = crosslingual.cross_mask(langs, arts, False)
    t = replace(TUNING, xl_neighbours=1)
    lengths = [len(LONG), 40, 50, 40]
    plain, _ = crosslingual.cross_scores(emb, langs, arts, False, t, lengths)
    assert plain[0, 2] <= TUNING.xl_conflict_score  # compared for facts at most, never a match
    clause_cos = emb @ emb.T
    clause_cos[0, 2] = clause_cos[2, 0] = 0.95  # one clause of 0 says what 2 says
    held, _ = crosslingual.cross_scores(emb, langs, arts, False, t, lengths, clause_cos=clause_cos)
    assert held[0, 2] >= TUNING.xl_match_base and held[0, 2] == held[2, 0]
    # Both long: each may say more than the other, the rule is for one claim inside several.
    both_long, _ = crosslingual.cross_scores(emb, langs, arts, False, t, [len(LONG), 40, 150, 40],
                                             clause_cos=clause_cos)
    assert both_long[0, 2] == plain[0, 2]
    # A clause only loosely like the short sentence (below xl_clause_cos) is no match either.
    loose = emb @ emb.T
    loose[0, 2] = loose[2, 0] = TUNING.xl_clause_cos - 0.05
    low, _ = crosslingual.cross_scores(emb, langs, arts, False, t, lengths, clause_cos=loose)
    assert low[0, 2] == plain[0, 2]


def test_a_count_or_weekday_in_words_is_something_to_check():
    # No digit and (German: every noun capitalised) no name anchors(): still a figure to check.
    assert not crosslingual.anchors("Beim Brand am Abend starben drei Menschen.", "de")
    assert crosslingual.checkable("Beim Brand am Abend starben drei Menschen.", "de")
    assert crosslingual.checkable("Am Dienstag blieb die Schule zu.", "de")
    assert crosslingual.checkable("the shop stayed shut on Thursday.", "en")
    assert crosslingual.checkable("Die Feuerwehr kam mit 12 Wagen.", "de")  # a figure, as before
    # Nothing to check: no figure, and a vague count ("hundreds") is no figure either.
    assert not crosslingual.checkable("Die Lage bleibt unklar.", "de")
    assert not crosslingual.checkable("Hunderte Menschen standen vor dem Tor.", "de")
    assert not crosslingual.checkable("la foule attendait devant la gare.", "fr")


def test_a_weak_cross_language_match_with_a_count_in_words_is_kept():
    from types import SimpleNamespace

    from reviewer.engine import align

    def feats(de_text):
        return [SimpleNamespace(text="The fire brigade said four people were hurt in the blaze.", lang="en", art=0, memo={}),
                SimpleNamespace(text=de_text, lang="de", art=1, memo={})]

    weak = [(0, 1, TUNING.xl_unanchored_min - 0.01, 0.0)]
    assert align._anchored_or_close(feats("Bei dem Feuer wurden laut Feuerwehr vier Menschen verletzt."), weak, TUNING) == weak
    assert align._anchored_or_close(feats("Bei dem Feuer wurden laut Feuerwehr viele verletzt."), weak, TUNING) == []


def test_cross_language_clauses_are_the_ones_recall_embeds():
    # issue 15: one splitter for both uses, so the model embeds each clause of the cluster once
    import numpy as np

    from reviewer.engine.clausetexts import long_clause_texts
    from reviewer.engine.features import build_features
    from reviewer.engine.recall import clause_agreement
    from reviewer.engine.settings import TUNING
    from reviewer.io.segment import segment
    from reviewer.models import Article, Cluster

    bodies = [LONG, "The tram depot reopened on Monday morning, after the new engine arrived from the coast, "
                    "and the first riders queued along the canal for more than an hour in the light rain."]
    arts = []
    for n, body in enumerate(bodies):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=body, date="2024-03-02")
        a.sentences = segment(body)
        arts.append(a)
    feats = build_features(Cluster(arts))
    seen: dict[str, list[str]] = {"xl": [], "recall": []}

    def recorder(key):
        def embed(texts):
            seen[key].extend(texts)
            return np.ones((len(texts), 3)) / np.sqrt(3)
        return embed

    texts = [f.text for f in feats]
    emb = np.ones((len(texts), 3)) / np.sqrt(3)
    mask = np.ones((len(texts), len(texts)), dtype=bool)
    crosslingual.clause_cosines(texts, emb, mask, recorder("xl"), TUNING, lambda i: long_clause_texts(feats[i], TUNING))
    clause_agreement(feats, np.array([0]), np.array([len(feats) - 1]), recorder("recall"), TUNING)
    assert len(seen["xl"]) >= 4  # both long sentences were cut
    assert set(seen["xl"]) <= set(seen["recall"])
