"""Many copies of one wire story must not crowd out the one report that disagrees with it.

Each sentence keeps its few dozen most similar partners. With more articles than that, a
sentence's copies in the other articles can fill the list, and the report that gives another
figure was never compared: its conflict vanished once a cluster passed ~40 copies."""

from reviewer.config import AlignSettings
from reviewer.engine.align import align
from reviewer.io.articles import load_cluster

WIRE = (" date 2024-05-02 \nA cargo ferry carrying 120 passengers sank off the northern coast on Monday.\n\n"
        "Rescuers pulled survivors from the cold water for several hours.\n\n"
        "The harbour authority opened an inquiry into the sinking.\n")
OTHER = (" date 2024-05-02 \nA cargo ferry carrying 80 passengers sank off the northern coast on Monday.\n\n"
         "Fishing boats joined the search before dawn.\n")


def _conflicts_with_other(tmp_path, copies: int) -> int:
    for k in range(copies):
        (tmp_path / f"wire_{k:02d}.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "zz_other.txt").write_text(OTHER, encoding="utf-8")
    cluster = load_cluster([tmp_path])
    links = align(cluster, AlignSettings(semantic="off"))
    return sum(1 for l in links if l.relation == "conflict" and "zz_other" in (l.a.article, l.b.article))


def test_few_copies_each_conflict_with_the_other_report(tmp_path):
    assert _conflicts_with_other(tmp_path, 5) == 5


def test_more_copies_than_the_partner_budget_keep_their_conflicts(tmp_path):
    # 50 copies: every wire sentence has 49 identical partners, more than the 40 kept per sentence
    assert _conflicts_with_other(tmp_path, 50) == 50


def test_many_distinct_reports_keep_the_partner_budget(tmp_path):
    from reviewer.engine.candidates import _partner_budget
    from reviewer.engine.features import build_features
    from reviewer.engine.settings import TUNING

    for k in range(50):
        (tmp_path / f"r{k:02d}.txt").write_text(
            f" date 2024-05-02 \nReport number {k} says the {k}th boat reached harbour {k} at dawn.\n", encoding="utf-8")
    cluster = load_cluster([tmp_path])
    feats = build_features(cluster)
    assert _partner_budget(feats, TUNING).per_sentence == TUNING.per_sentence  # nothing repeats
    for k in range(50):
        (tmp_path / f"r{k:02d}.txt").write_text(WIRE, encoding="utf-8")
    feats = build_features(load_cluster([tmp_path]))
    assert _partner_budget(feats, TUNING).per_sentence == 49
