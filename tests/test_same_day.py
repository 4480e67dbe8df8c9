"""Recall (issue 12): two reports of one language placing one named thing's event on one day
state a claim in common, however many other claims the longer sentence holds (align._same_day,
kept by align._someones_best as a shared figure is). Short sentences written for these tests,
about a made-up barge."""

from reviewer.engine import align, specificity
from reviewer.engine.crosslingual import annotate_languages
from reviewer.engine.features import build_features
from reviewer.engine.settings import TUNING
from tests.test_real_news_rules import cluster

# Friday 6 May and Monday 9 May 2022: "Tuesday" is 3 May in both.
DATES = ["2022-05-06", "2022-05-09"]
LONG = ("The Orla, run by the Vestmark shipping line, stuck fast on Tuesday on a sandbank of the Lune river, "
        "north of the old lock near Harwick.")
SHORT = "The river barge Orla, which ran aground in the Lune river on Tuesday 3 May, was freed."


def _features(*texts, dates=DATES):
    c = cluster(*texts, dates=dates)
    annotate_languages(c)
    feats = build_features(c, TUNING)
    specificity.mark(feats, TUNING)
    return feats


def _at(feats, start):
    return next(n for n, f in enumerate(feats) if f.text.startswith(start))


def test_one_named_thing_on_one_day_is_a_claim_in_common():
    feats = _features(LONG, SHORT)
    i, j = _at(feats, "The Orla"), _at(feats, "The river barge")
    assert align._same_day(feats[i], feats[j])
    assert align._same_day(feats[j], feats[i])


def test_another_day_or_no_shared_name_is_not():
    feats = _features(LONG, SHORT.replace("on Tuesday 3 May", "on Wednesday 4 May"))
    assert not align._same_day(feats[0], feats[1])
    feats = _features(LONG, "A river barge ran aground in the canal on Tuesday.")
    assert not align._same_day(feats[0], feats[1])  # no name in common


def test_two_subjects_on_one_day_are_not():
    # each names a vessel the other does not: two barges that ran aground the same day
    feats = _features("The Orla and its tug Brisk ran aground on Tuesday.",
                      "The Orla passed the Kessel barge, which ran aground on Tuesday.")
    assert not align._same_day(feats[0], feats[1])


def test_a_pair_ranked_below_both_best_partners_stays_for_its_day():
    other = "The Orla's crew of six waited on deck for the tide."
    later = "Rescuers said the Orla had stuck fast on Tuesday on the sandbank."
    feats = _features(f"{LONG} {other}", f"{SHORT} {later}")
    i, j = _at(feats, "The Orla,"), _at(feats, "The river barge")
    k, m = _at(feats, "The Orla's crew"), _at(feats, "Rescuers")
    # i's best partner is m (it states the day too), j's best partner is k (no day): i-j stays
    matches = [(i, j, 0.36, 0.2), (i, m, 0.39, 0.3), (k, j, 0.38, 0.2)]
    kept = align._someones_best(feats, matches)
    assert (i, j, 0.36, 0.2) in kept
    # when j's best partner gives the day as well, the day is linked on both sides already
    feats2 = _features(f"{LONG} The Orla ran aground in the river on Tuesday.", f"{SHORT} {later}")
    i, j = _at(feats2, "The Orla,"), _at(feats2, "The river barge")
    k, m = _at(feats2, "The Orla ran"), _at(feats2, "Rescuers")
    matches = [(i, j, 0.36, 0.2), (i, m, 0.39, 0.3), (k, j, 0.38, 0.2)]
    assert (i, j, 0.36, 0.2) not in align._someones_best(feats2, matches)
