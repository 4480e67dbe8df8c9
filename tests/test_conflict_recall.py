"""Conflict recall rules of issue 12/14 (stop 24), each on short sentences written for it."""

import pytest

from reviewer.engine.align import align
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment


def cluster(*texts):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=t, date="2022-03-14")
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


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
    "On Friday the county office lowered the number of confirmed dead to 17.",
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
