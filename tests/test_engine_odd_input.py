"""Odd input the rules of stop 21 met in review: each case once crashed the alignment or made a
false conflict (own sentences)."""

from __future__ import annotations

from reviewer.engine.align import AlignSettings, align
from reviewer.engine.dates import read_clock_times
from reviewer.io.articles import load_cluster


def _align(tmp_path, a: str, b: str):
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    return align(load_cluster([tmp_path]), AlignSettings(semantic="off"))


def test_a_dotless_i_in_a_part_of_the_day_is_no_crash(tmp_path):
    # Python's case-blind match takes "ı" for "i"; the lookup after it must not fail
    assert read_clock_times("The ferry left at mıdnight.", "en") == []
    assert read_clock_times("Le train part le ſoir.", "fr")  # "ſ" folds to "s": the evening
    _align(tmp_path, "The ferry left the harbour at mıdnight on Friday with 40 people aboard.",
           "The ferry left the harbour in the evening on Friday with 40 people aboard.")


def test_a_superscript_figure_beside_a_year_is_no_crash(tmp_path):
    links = _align(tmp_path, "The pool opened in 2016 with a floor of 10² square metres, the town said.",
                   "The pool opened in 2018 with a floor of 10² square metres, the town said.")
    assert any(l.relation == "conflict" for l in links)  # the years still disagree


def test_a_map_scale_is_no_time_of_day(tmp_path):
    assert read_clock_times("The survey map was printed at a scale of 1:25,000.", "en") == []
    assert read_clock_times("Doors open at 9:30, 10 minutes late.", "en")[0].minutes == 570
    links = _align(tmp_path, "The survey map of the valley was printed at a scale of 1:25,000 last year.",
                   "The survey map of the valley was printed at a scale of 1:50,000 last year.")
    assert not any(e.note and "times of day" in e.note for l in links for e in l.evidence)


def test_metres_at_the_start_of_a_sentence_are_read(tmp_path):
    links = _align(tmp_path, "410 m high, the old radio mast was the tallest in the province.",
                   "460 m high, the old radio mast was the tallest in the province.")
    assert any(l.relation == "conflict" for l in links)
