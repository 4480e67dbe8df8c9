"""Fewer weak links (issue 12: links per labelled relation): a second partner that only a
recall rule found, beside a stronger one. Sentences and vectors written for these tests."""

import numpy as np

from reviewer.engine import crosslingual
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
