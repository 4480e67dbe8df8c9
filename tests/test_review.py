"""The pure review-state model (no Textual): tags, decisions, manual links, notes, undo/redo,
filters, progress and search."""

import copy

from hypothesis import given, settings, strategies as st

from reviewer.config import default_labels
from reviewer.models import Article, Cluster, Evidence, Link, Sentence, SentenceRef
from reviewer.review import ReviewSession
from reviewer.annotations import Anchor, LinkDecision, ReviewData, Tag


def _article(aid: str, texts: list[str]) -> Article:
    body, sents, pos = "", [], 0
    for i, t in enumerate(texts):
        if body:
            body += " "
            pos += 1
        sents.append(Sentence(i, pos, pos + len(t), t))
        body += t
        pos += len(t)
    return Article(id=aid, path=f"{aid}.txt", body=body, sentences=sents)


def cluster() -> Cluster:
    return Cluster([
        _article("a", ["Three drones attacked the house on Saturday.", "The prime minister was unharmed.",
                       "Seven guards were injured."]),
        _article("b", ["A drone attacked the house on Sunday.", "The premier survived without injury."]),
        _article("c", ["Officials condemned the attack.", "Seven bodyguards were hurt in the attack."]),
    ])


def suggested() -> list[Link]:
    R = SentenceRef
    return [
        Link(R("a", 0), R("b", 0), "conflict", 0.71,
             (Evidence("number", "Three drones", "A drone", (0, 12), (0, 7)),
              Evidence("weekday", "Saturday", "Sunday", (35, 43), (30, 36)))),
        Link(R("a", 1), R("b", 1), "match", 0.62),
        Link(R("a", 2), R("c", 1), "match", 0.55),
    ]


def session(data: ReviewData | None = None) -> ReviewSession:
    s = ReviewSession(cluster(), data or ReviewData(reviewer="t"), list(default_labels()))
    s.set_suggested(suggested())
    return s


def link_between(s: ReviewSession, x, y):
    return next(l for l in s.links if l.pair() == frozenset([x, y]))


def test_links_are_indexed_by_both_ends_conflicts_first():
    s = session()
    assert [l.relation for l in s.links_of(("a", 0))] == ["conflict"]
    assert [l.other(("b", 0)) for l in s.links_of(("b", 0))] == [("a", 0)]
    assert s.links_of(("c", 0)) == []


def test_toggle_label_on_and_off_with_anchor_quote():
    s = session()
    assert s.toggle_label(("a", 1), "opinion") is True
    tag = s.data.tags[0]
    assert (tag.anchor.article, tag.anchor.sentence, tag.anchor.quote) == ("a", 1, "The prime minister was unharmed.")
    assert (tag.anchor.start, tag.anchor.end) == (45, 77)
    assert s.tags_by[("a", 1)] == ["opinion"]
    assert s.toggle_label(("a", 1), "opinion") is False
    assert s.data.tags == [] and not s.tags_by.get(("a", 1))


def test_undo_redo_and_redo_is_cleared_by_a_new_change():
    s = session()
    s.toggle_label(("a", 0), "key-claim")
    s.toggle_label(("a", 0), "contradicted")
    assert s.undo() and s.tags_by[("a", 0)] == ["key-claim"]
    assert s.undo() and not s.tags_by.get(("a", 0))
    assert not s.undo()
    assert s.redo() and s.tags_by[("a", 0)] == ["key-claim"]
    s.toggle_label(("b", 0), "opinion")
    assert not s.redo()


def test_undo_keeps_the_cursor():
    s = session()
    s.data.cursor = ("a", 0)
    s.toggle_label(("a", 0), "key-claim")
    s.data.cursor = ("b", 1)
    s.undo()
    assert s.data.cursor == ("b", 1)


def test_accept_reject_and_deciding_again_clears():
    s = session()
    conflict = link_between(s, ("a", 0), ("b", 0))
    s.decide(conflict, "accepted")
    conflict = link_between(s, ("a", 0), ("b", 0))
    assert conflict.decision == "accepted"
    d = s.data.links[0]
    assert (d.relation, d.decision, d.origin, d.score) == ("conflict", "accepted", "suggested", 0.71)
    assert {d.a.quote, d.b.quote} == {"Three drones attacked the house on Saturday.",
                                      "A drone attacked the house on Sunday."}
    s.decide(conflict, "accepted")  # same decision again: back to undecided
    assert link_between(s, ("a", 0), ("b", 0)).decision is None and s.data.links == []
    s.decide(link_between(s, ("a", 0), ("b", 0)), "rejected")
    assert link_between(s, ("a", 0), ("b", 0)).decision == "rejected"


def test_rejected_links_are_listed_last_and_do_not_count_as_open_conflicts():
    s = session()
    assert s.progress()["conflicts_open"] == 1
    s.decide(link_between(s, ("a", 0), ("b", 0)), "rejected")
    assert s.progress()["conflicts_open"] == 0
    assert not s.shows(("a", 0), "conflicts")


def test_progress_counts():
    s = session()
    assert s.progress() == {"reviewed": 0, "suggested": 3, "tagged": 0, "conflicts_open": 1, "manual": 0}
    s.decide(link_between(s, ("a", 1), ("b", 1)), "accepted")
    s.toggle_label(("c", 0), "opinion")
    s.toggle_label(("c", 0), "key-claim")  # two labels, one sentence
    s.add_manual_link(("c", 0), ("b", 1), "conflict")
    p = s.progress()
    assert (p["reviewed"], p["suggested"], p["tagged"], p["manual"]) == (1, 3, 1, 1)
    assert p["conflicts_open"] == 1  # the manual conflict is accepted, not open


def test_manual_link_is_accepted_and_replaces_an_earlier_decision():
    s = session()
    assert s.add_manual_link(("a", 0), ("a", 0), "match") is None
    s.decide(link_between(s, ("a", 1), ("b", 1)), "rejected")
    made = s.add_manual_link(("b", 1), ("a", 1), "conflict")
    assert made is not None and made.origin == "manual" and made.decision == "accepted"
    assert [(d.origin, d.relation) for d in s.data.links] == [("manual", "conflict")]
    # the manual link wins over the engine's suggestion for the same pair
    assert [l.relation for l in s.links_of(("a", 1))] == ["conflict"]
    assert s.is_reviewed(("a", 1))


def test_manual_link_rejected_is_kept_and_undo_removes_it():
    s = session()
    made = s.add_manual_link(("a", 2), ("b", 0), "match")
    s.decide(made, "rejected")
    assert link_between(s, ("a", 2), ("b", 0)).decision == "rejected"
    s.decide(link_between(s, ("a", 2), ("b", 0)), "rejected")  # a manual link never becomes "suggested"
    assert [(d.origin, d.decision) for d in s.data.links] == [("manual", "rejected")]
    s.undo(), s.undo(), s.undo()
    assert s.data.links == [] and [l.other(("b", 0)) for l in s.links_of(("b", 0))] == [("a", 0)]


def test_a_decision_for_another_relation_does_not_mark_the_suggestion_reviewed():
    a = Anchor("a", 1, 45, 78, "The prime minister was unharmed.")
    b = Anchor("b", 1, 38, 74, "The premier survived without injury.")
    data = ReviewData(reviewer="t", links=[LinkDecision(a, b, "conflict", "accepted", "suggested", 0.5)])
    s = session(data)
    assert link_between(s, ("a", 1), ("b", 1)).decision is None


def test_notes_on_sentences_and_links():
    s = session()
    s.set_sentence_note(("a", 0), 'said "three"\nsecond line')
    assert s.notes_by[("a", 0)] == 'said "three"\nsecond line'
    s.set_sentence_note(("a", 0), "   ")  # empty removes it
    assert ("a", 0) not in s.notes_by and s.data.notes == []
    link = link_between(s, ("a", 0), ("b", 0))
    assert s.set_link_note(link, "x") is False  # undecided links carry no note
    s.decide(link, "accepted")
    assert s.set_link_note(link_between(s, ("a", 0), ("b", 0)), "drone count differs") is True
    assert link_between(s, ("a", 0), ("b", 0)).note == "drone count differs"
    assert s.undo() and link_between(s, ("a", 0), ("b", 0)).note == ""


def test_filters():
    s = session()
    s.toggle_label(("c", 0), "opinion")
    assert s.shows(("a", 0), "conflicts") and not s.shows(("a", 1), "conflicts")
    assert s.shows(("a", 1), "unreviewed") and not s.shows(("c", 0), "unreviewed")
    assert s.shows(("c", 0), "tagged") and not s.shows(("a", 0), "tagged")
    assert all(s.shows(k, "all") for k in s.sentences)
    s.decide(link_between(s, ("a", 1), ("b", 1)), "accepted")
    assert not s.shows(("a", 1), "unreviewed")


def test_orphans_are_listed_not_shown_and_kept():
    gone = Anchor("a", 9, 0, 5, "Gone.", orphan=True)
    data = ReviewData(reviewer="t", tags=[Tag(gone, "opinion", "")])
    s = session(data)
    assert s.orphans() and "Gone." in s.orphans()[0]
    assert not s.tags_by.get(("a", 9))
    s.toggle_label(("a", 0), "opinion")
    assert any(t.anchor.orphan for t in s.data.tags)  # never dropped by other changes


def test_search_exact_before_fuzzy_in_reading_order():
    s = session()
    assert s.search("attack")[:3] == [("a", 0), ("b", 0), ("c", 0)]
    assert ("c", 1) in s.search("attack")
    assert s.search("bodygards")[0] == ("c", 1)  # a typo still finds it
    assert s.search("   ") == []
    assert s.search("zzzqqq") == []


def test_search_finds_other_spellings_of_a_name():
    from reviewer.io.segment import segment

    arts = []
    for n, body in enumerate(["Prime Minister Kadhimi was unhurt.", "Al-Kazemi called for calm.",
                              "The Kuwaiti minister arrived."]):
        a = Article(id=f"x{n}", path="", body=body)
        a.sentences = segment(body)
        arts.append(a)
    s = ReviewSession(Cluster(arts), ReviewData(reviewer="t"), [])
    assert s.search("Kazimi") == [("x0", 0), ("x1", 0)]


ops = st.lists(st.tuples(st.sampled_from(["tag", "decide", "manual", "note"]),
                         st.integers(0, 6), st.integers(0, 6), st.sampled_from(["accepted", "rejected"])),
               max_size=12)


@settings(max_examples=40, deadline=None)
@given(ops)
def test_undo_everything_returns_to_the_start_and_redo_everything_comes_back(seq):
    s = session()
    keys = sorted(s.sentences)
    start = copy.deepcopy((s.data.tags, s.data.notes, s.data.links))
    done = 0
    for op, i, j, dec in seq:
        x, y = keys[i % len(keys)], keys[j % len(keys)]
        if op == "tag":
            s.toggle_label(x, "opinion")
        elif op == "decide":
            links = s.links_of(x)
            if not links:
                continue
            s.decide(links[0], dec)
        elif op == "manual":
            if x == y:
                continue
            s.add_manual_link(x, y, "match" if dec == "accepted" else "conflict")
        else:
            s.set_sentence_note(x, f"note {i}")
        done += 1
    end = copy.deepcopy((s.data.tags, s.data.notes, s.data.links))
    for _ in range(done):
        assert s.undo()
    assert (s.data.tags, s.data.notes, s.data.links) == start
    for _ in range(done):
        assert s.redo()
    assert (s.data.tags, s.data.notes, s.data.links) == end


def test_a_decision_toggle_keeps_the_unknown_fields_of_its_entry():
    """Issue 11 item 7: accepted → rejected rebuilt the entry and dropped its ``extra``."""
    s = session()
    s.decide(link_between(s, ("a", 1), ("b", 1)), "accepted")
    [d] = s.data.links
    s.data.links = [LinkDecision(d.a, d.b, d.relation, d.decision, d.origin, d.score, d.note, d.time,
                                 extra={"confidence": 3, "source_url": "https://example.org"})]
    s._rebuild()
    s.decide(link_between(s, ("a", 1), ("b", 1)), "rejected")
    [d] = s.data.links
    assert d.decision == "rejected" and d.extra == {"confidence": 3, "source_url": "https://example.org"}
    s.decide_many([link_between(s, ("a", 1), ("b", 1))], "accepted")
    assert s.data.links[0].extra["confidence"] == 3


def test_undeciding_a_link_with_a_note_keeps_the_note_on_the_sentence():
    s = session()
    link = link_between(s, ("a", 0), ("b", 0))
    s.decide(link, "accepted")
    s.set_link_note(link_between(s, ("a", 0), ("b", 0)), "checked with the ministry")
    assert s.decide(link_between(s, ("a", 0), ("b", 0)), "accepted", note_to=("b", 0)) is True
    assert link_between(s, ("a", 0), ("b", 0)).decision is None and s.data.links == []
    assert s.notes_by[("b", 0)] == "checked with the ministry"
    assert s.undo() and link_between(s, ("a", 0), ("b", 0)).note == "checked with the ministry"
    assert ("b", 0) not in s.notes_by  # one step
    # The sentence has a note already: never merged, nothing changes.
    s.set_sentence_note(("a", 0), "my own note")
    assert s.decide(link_between(s, ("a", 0), ("b", 0)), "accepted", note_to=("a", 0)) is False
    assert link_between(s, ("a", 0), ("b", 0)).decision == "accepted"
    assert s.decide(link_between(s, ("a", 0), ("b", 0)), None) is False  # nowhere to keep it


def test_a_claim_toggled_back_to_undecided_keeps_links_with_notes():
    s = session()
    links = [link_between(s, ("a", 1), ("b", 1)), link_between(s, ("a", 2), ("c", 1))]
    s.decide_many(links, "accepted")
    s.set_link_note(link_between(s, ("a", 1), ("b", 1)), "kept")
    s.decide_many([link_between(s, ("a", 1), ("b", 1)), link_between(s, ("a", 2), ("c", 1))], "accepted")
    assert [(d.decision, d.note) for d in s.data.links] == [("accepted", "kept")]


def test_the_end_of_a_filtered_list_is_said_in_words():
    from reviewer.review.navigator import Navigator

    s = session()
    nav = Navigator(s.cluster, s)
    assert nav.set_filter("conflicts")
    assert not nav.move(1)
    assert nav.end_message(1) == "end of the filtered list: last of 1 sentence in a conflict in a (f: next filter)"
    nav.go(2, 0)
    nav.set_filter("tagged")
    assert nav.end_message(1) == "no sentence of c is tagged (f: next filter)"


def test_the_same_relation_by_hand_after_overriding_a_suggestion_accepts_the_suggestion_again():
    s = session()
    a, b = ("a", 1), ("b", 1)  # the engine suggests a match
    link, done = s.link_by_hand(b, a, "conflict")
    assert done == "over the suggestion" and link.origin == "manual"
    link, done = s.link_by_hand(b, a, "match")
    assert done == "accepted"
    assert (link.origin, link.relation, link.decision, link.score) == ("suggested", "match", "accepted", 0.62)
    assert s.undo() and link_between(s, a, b).origin == "manual"  # one step


def test_accepting_or_rejecting_your_own_link_over_a_suggestion_answers_the_suggestion():
    s = session()
    a, b = ("a", 1), ("b", 1)  # the engine suggests a match
    s.set_link_note(s.link_by_hand(b, a, "conflict")[0], "not the same blaze")
    link = link_between(s, a, b)
    assert s.overridden(link) == "match"
    assert s.decide(link, "rejected")
    got = link_between(s, a, b)
    assert (got.origin, got.relation, got.decision, got.score, got.note) == ("suggested", "match", "rejected", 0.62,
                                                                            "not the same blaze")
    assert s.overridden(got) is None
    assert s.undo() and link_between(s, a, b).origin == "manual"  # one step
    assert s.decide(link_between(s, a, b), "accepted")
    assert (link_between(s, a, b).origin, link_between(s, a, b).decision) == ("suggested", "accepted")
