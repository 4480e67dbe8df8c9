"""Precision (issue 12, stop 23): a pair of one language sharing one word or only a name, and no
figure, is a match only when it scores thin_match_min or more, whatever its rank. Short sentences
written for these tests."""

from reviewer.engine import align, specificity
from reviewer.engine.settings import TUNING
from tests.test_specificity import _features


def _pair(feats, start_a, start_b):
    i = next(n for n, f in enumerate(feats) if f.text.startswith(start_a))
    j = next(n for n, f in enumerate(feats) if f.text.startswith(start_b))
    return i, j


# Two made-up reports on a quarry collapse near Brenholt.
FIRST = ("Worry grows that several drivers inside the cabins were crushed, since the wall fell on the lower "
         "terrace of Brenholt. The quarry owner said the night shift had been cut to nine workers.")
SECOND = ("The collapse ranks among the worst accidents ever seen in Brenholt. "
          "Nine workers were on the night shift when the wall gave way, the quarry owner said.")


def test_a_pair_sharing_only_a_name_below_the_bar_is_no_match_whatever_its_rank():
    feats = _features(FIRST, SECOND)
    i, j = _pair(feats, "Worry", "The collapse")
    a, b = feats[i], feats[j]
    assert (a.bag & b.bag) - a.names_set - b.names_set == frozenset()  # only the place's name in common
    low = (i, j, TUNING.thin_match_min - 0.03, 0.0)
    assert align._anchored_or_close(feats, [low], TUNING) == []  # each other's only partner, still dropped
    high = (i, j, TUNING.thin_match_min + 0.05, 0.0)
    assert align._anchored_or_close(feats, [high], TUNING) == [high]


def test_a_pair_sharing_a_claims_words_is_kept_at_the_same_score():
    feats = _features(FIRST, SECOND)
    i, j = _pair(feats, "The quarry owner", "Nine workers")
    m = (i, j, TUNING.thin_match_min - 0.03, 0.0)
    assert align._anchored_or_close(feats, [m], TUNING) == [m]


def test_the_models_mutual_best_keeps_no_thin_pair_below_the_bar():
    feats = _features(FIRST, SECOND)
    thin = _pair(feats, "Worry", "The collapse")
    full = _pair(feats, "The quarry owner", "Nine workers")
    pairs = {tuple(sorted(thin)), tuple(sorted(full))}
    low = TUNING.thin_match_min - 0.03
    matches = [(*thin, low, 0.0), (*full, low, 0.0)]
    assert align._mutual_with_something_shared(feats, pairs, matches, TUNING) == {tuple(sorted(full))}
    matches = [(*thin, TUNING.thin_match_min + 0.05, 0.0), (*full, low, 0.0)]
    assert align._mutual_with_something_shared(feats, pairs, matches, TUNING) == pairs


def test_a_name_and_a_word_in_common_are_two_things():
    feats = _features("The Harbour Patrol searched the bay until dawn.",
                      "The Harbour Patrol said the bay was calm on Sunday.")
    a, b = feats
    assert (a.bag & b.bag) & (a.names_set | b.names_set)  # the patrol's name
    assert len((a.bag & b.bag) - a.names_set - b.names_set) == 1  # and one word besides it
    m = (0, 1, TUNING.thin_match_min - 0.03, 0.0)
    assert align._anchored_or_close(feats, [m], TUNING) == [m]


def test_a_word_common_in_the_cluster_is_nothing_in_common():
    # "river" is in most sentences of both reports: the topic's word, not a claim's; with one
    # word of their own in common the two share one thing.
    first = ("The river rose overnight. The river flooded the lower town. Boats on the river were moored. "
             "The river ferry stopped at dusk. Farmers moved their cattle away from the muddy river.")
    second = ("The river burst its banks on Sunday. The river reached the old bridge. The river police "
              "patrolled all night. Crews cleared the muddy river road. Volunteers filled sandbags at the depot.")
    feats = _features(first, second)
    i, j = _pair(feats, "Farmers", "Crews cleared")
    a, b = feats[i], feats[j]
    shared = a.bag & b.bag
    common = {w for w in shared if specificity.common(a, w)}
    assert len(common) == 1 and len(shared - common) == 1  # the topic's word, and one word of its own
    m = (i, j, TUNING.thin_match_min - 0.03, 0.0)
    assert align._thin_below(a, b, m[2], TUNING)
    i, j = _pair(feats, "The river ferry", "The river police")
    assert not align._thin_below(feats[i], feats[j], TUNING.thin_match_min, TUNING)  # at the bar: kept


# Two made-up reports on a ferry fire off Calvoro: one sentence names nothing and gives no figure.
VAGUE = ("Dozens of passengers had climbed onto the lifeboats on deck when smoke poured from the engine room. "
         "Crews fought the blaze for hours.")
NAMED = ("Passengers scrambled onto lifeboats as smoke filled the engine room of the Calvoro ferry. "
         "Smoke poured out over the lifeboats and the engine room of the Calvoro ferry within minutes, "
         "the Calvoro harbour office said.")


def test_a_vague_sentence_keeps_the_partner_it_ranks_first_when_they_share_a_claims_words():
    feats = _features(VAGUE, NAMED)
    i, j = _pair(feats, "Dozens", "Passengers")
    k = _pair(feats, "Dozens", "Smoke poured")[1]
    assert align._unanchored(feats[i]) and not align._unanchored(feats[j])
    # the named sentence has a far better partner elsewhere; the vague one ranks it first
    ours, theirs = (i, j, 0.41, 0.2), (j, k, 0.0, 0.0)
    best = {(i, feats[j].art): 0.41, (j, feats[i].art): 0.72}
    assert align._vague_sides_choice(feats[i], feats[j], 0.41, best[(i, feats[j].art)], best[(j, feats[i].art)], TUNING)
    assert align._anchored_or_close(feats, [ours], TUNING, best) == [ours]
    # ranked second by the vague sentence itself: the look-alike rule stands
    best[(i, feats[j].art)] = 0.5
    assert align._anchored_or_close(feats, [ours], TUNING, best) == []
    del theirs


def test_a_vague_sentence_sharing_one_word_with_its_first_choice_is_still_dropped():
    feats = _features("Crews fought the blaze for hours. Nobody knew how it started.",
                      "The Calvoro harbour office said crews were on board at dawn.")
    i, j = _pair(feats, "Crews fought", "The Calvoro")
    best = {(i, feats[j].art): 0.41, (j, feats[i].art): 0.72}
    assert not align._vague_sides_choice(feats[i], feats[j], 0.41, best[(i, feats[j].art)], best[(j, feats[i].art)],
                                         TUNING)
    assert align._anchored_or_close(feats, [(i, j, 0.41, 0.2)], TUNING, best) == []
