"""Fewer weak links (issue 12: links per labelled relation): a second partner that only a
recall rule found, beside a stronger one. Sentences and vectors written for these tests."""

from types import SimpleNamespace

import numpy as np

from reviewer.engine import align, crosslingual
from reviewer.engine.settings import TUNING


def _clause_case(m_whole: float, long_side_better: bool = False):
    # 0, 1: long sentences of article 0; 2: a short sentence of article 1 (and 3, another one).
    arts = np.array([0, 0, 1, 1])
    lengths = [160, 160, 40, 40]
    clause = np.zeros((4, 4), dtype=bool)
    clause[0, 2] = clause[2, 0] = True  # 2 is one clause of 0
    whole = np.zeros((4, 4), dtype=bool)
    m = np.full((4, 4), 0.9)
    whole[1, 2] = whole[2, 1] = True  # 2 matches 1 on the whole sentences
    m[1, 2] = m[2, 1] = m_whole
    m[0, 2] = m[2, 0] = 0.99
    if long_side_better:  # the long sentence 0 has a stronger whole partner of its own (3)
        whole[1, 2] = whole[2, 1] = False
        whole[0, 3] = whole[3, 0] = True
        m[0, 3] = m[3, 0] = 1.05
    return crosslingual._beside_best(clause, whole, m, arts, lengths, TUNING)


def test_a_clause_match_beside_a_stronger_whole_match_of_the_short_sentence_goes():
    assert not _clause_case(1.02)[0, 2]  # 2's whole-sentence partner in article 0 outranks the clause
    assert not _clause_case(0.99)[2, 0]  # as high is enough, both directions
    kept = _clause_case(0.97)  # the clause is the short sentence's best: it stays
    assert kept[0, 2] and kept[2, 0]
    # A long sentence holds several claims: its own better partner is no reason to drop the clause.
    other = _clause_case(0.0, long_side_better=True)
    assert other[0, 2] and other[2, 0]


def _f(text, lang, art, counts=()):
    words = frozenset(w.strip(".,:;\u201c").lower() for w in text.split())  # the words as terms (specificity)
    return SimpleNamespace(text=text, lang=lang, art=art, memo={}, counts=list(counts), bag=words,
                           names_set=frozenset())


def _metres(n, unit="metre"):  # a figure the sentences below give, as the fact extractor reads it
    from reviewer.engine.facts import Count
    return Count(lo=n, hi=n, span=(0, 0), head=(unit,), exact=True, unit=unit)


def test_a_vague_pair_across_languages_must_be_each_sides_best():
    # Nothing to check in any of the three (no name, figure, weekday or date).
    feats = [_f("Much remained unclear that night.", "en", 0),
             _f("Vieles blieb in der Nacht offen.", "de", 1),
             _f("Niemand wusste, was geschah.", "de", 1)]
    assert all(align._unanchored(f) for f in feats)
    hi = TUNING.xl_vague_min + 0.06
    near = (0, 1, hi - 0.02, 0.0)  # above xl_vague_min, but 0 ranks sentence 2 first
    first = (0, 2, hi, 0.0)
    assert align._anchored_or_close(feats, [near, first], TUNING) == [first]
    alone = (0, 1, hi - 0.02, 0.0)  # the same pair with no better partner on either side stays
    assert align._anchored_or_close(feats, [alone], TUNING) == [alone]


def test_a_figure_pair_that_neither_side_ranks_first_goes_when_both_best_partners_state_it():
    long_en = "The barge, 14 metres long, sank near the lock on Tuesday evening."
    short_en = "It was 14 metres long."
    short_de = "Der Kahn war 14 Meter lang."

    def run(long_de):
        m = [_metres(14)]
        feats = [_f(long_en, "en", 0, m), _f(short_en, "en", 0, m), _f(short_de, "de", 1, m),
                 _f(long_de, "de", 1, m if "14" in long_de else ())]
        second = (0, 2, 0.4, 0.0)  # the long English sentence and the short German one: nobody's best
        matches = [(0, 3, 0.7, 0.0), (1, 2, 0.8, 0.0), second]
        return second in align._someones_best(feats, matches)

    # 0's best German partner states the 14 metres too, and so does 2's best English one: dropped.
    assert not run("Der 14 Meter lange Kahn ging am Dienstagabend an der Schleuse unter.")
    # 0's best German partner does not give the length: the pair is the only link of that figure for 0.
    assert run("Der Kahn ging am Dienstagabend an der Schleuse unter.")


def test_a_best_partner_giving_another_figure_does_not_tell_the_shared_one():
    i = _f("The barge was 14 metres long.", "en", 0, [_metres(14)])
    k = _f("The barge carried 200 tonnes of coal.", "en", 0, [_metres(200, "tonne")])
    j = _f("The 14-metre barge carried 200 tonnes of coal when it sank.", "en", 1, [_metres(14), _metres(200, "tonne")])
    tops = {(2, 0): [1]}  # j's best partner in i's article is k
    feats = [i, k, j]
    orig = align._same_figure
    try:
        align._same_figure = lambda a, b: True  # k and j do share a figure: the 200 tonnes
        assert not align._figure_told(feats, tops, 0, 2)  # but not the 14 metres that i and j share
        k.counts = [_metres(14)]
        assert align._figure_told(feats, tops, 0, 2)
    finally:
        align._same_figure = orig


def test_a_speaker_line_ending_with_a_colon_takes_no_match():
    feats = [_f("Ada Lind, harbour master:", "en", 0),
             _f("Ada Lind, the harbour master, said the quay stays closed until Monday.", "en", 1),
             _f("The quay stays closed until Monday, the harbour master said.", "en", 0)]
    assert align._lead_in(feats[0], TUNING)
    assert align._lead_in(_f("The agency wrote: \u201c", "en", 0), TUNING)
    assert not align._lead_in(feats[1], TUNING) and not align._lead_in(feats[2], TUNING)
    # A long sentence ending with a colon states something of its own before what it introduces.
    assert not align._lead_in(_f("After three days of talks the two sides agreed on the following points:", "en", 0),
                              TUNING)
    from reviewer.config import AlignSettings

    for n, f in enumerate(feats):
        f.idx = n
    matches = [(0, 1, 0.6, 0.6), (1, 2, 0.7, 0.5)]
    links = align._select(feats, ["a", "b"], matches, [], AlignSettings(), TUNING.within_match_min, TUNING)
    assert [(l.a.sentence, l.b.sentence) for l in links] == [(1, 2)] or \
        [(l.b.sentence, l.a.sentence) for l in links] == [(1, 2)]
