"""Rules added for real news reports (issue 12), each on short sentences written for it."""

import pytest

from reviewer.engine.align import align
from reviewer.engine.facts import counts_conflict, extract_counts, unit_factor
from reviewer.engine.settings import TUNING
from reviewer.engine.textnorm import fold, stem, tokenize
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment


def cluster(*texts, dates=None):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=t, date=(dates or ["2022-03-14"] * len(texts))[n])
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


def counts(text):
    toks = tokenize(text)
    words = [fold(t[0]) for t in toks]
    terms = [None if w in ("the", "of", "and", "a", "an", "were", "was", "to", "between", "in") else stem(w) for w in words]
    return extract_counts(toks, words, terms, [t is None for t in terms], text)


def span(text, c):
    return text[c.span[0]:c.span[1]]


@pytest.mark.parametrize("text, lo, hi", [
    ("The town of 48 000 residents was evacuated.", 48000, 48000),
    ("The town of 48\u202f000 residents was evacuated.", 48000, 48000),
    ("The town has 48.000 residents.", 48000, 48000),
    ("Between 300 and 400 volunteers helped.", 300, 400),
    ("It took 20 to 30 volunteers.", 20, 30),
    ("Organisers counted 1,200-1,500 volunteers.", 1200, 1500),
])
def test_number_forms(text, lo, hi):
    c = counts(text)[0]
    assert (c.lo, c.hi) == (lo, hi), span(text, c)


def test_percent_sign_is_a_percent_count():
    text = "The mayor won 61.3% of the vote."
    c = counts(text)[0]
    assert c.head == ("percent",) and span(text, c) == "61.3%" and c.lo == 61.3


def test_glued_units_and_conversion():
    a = counts("The storm moved 40km inland.")[0]
    b = counts("The storm moved 25 miles inland.")[0]
    c = counts("The storm moved 60 miles inland.")[0]
    if unit_factor("mile") is None:
        pytest.skip("pint is not installed")
    assert a.unit == "kilometer" and b.unit == "mile"
    assert not counts_conflict(a, b, 0.06)  # 25 miles is 40.2 km
    assert counts_conflict(a, c, 0.06)


def test_hours_and_minutes_are_one_duration():
    text = "The ferry sank two hours and 20 minutes after leaving port."
    (c,) = counts(text)
    assert c.unit == "hour" and abs(c.lo - (2 + 20 / 60)) < 1e-9


def test_an_article_before_a_compound_noun_is_not_a_count():
    assert counts("A cargo ship capsized near the coast.") == []


def test_an_article_does_not_contradict_a_large_count():
    one = counts("A driver was stopped at the border.")
    many = counts("Police stopped 60 drivers at the border.")
    assert one and many
    assert not counts_conflict(one[0], many[0], 0.0, 10)


def test_converted_measurements_agree_and_disagree():
    if unit_factor("mile") is None:
        pytest.skip("pint is not installed")
    cl = cluster("The fire crews stopped the wildfire 16 km from the village of Oakridge on Tuesday.",
                 "The fire crews stopped the wildfire 10 miles from the village of Oakridge on Tuesday.")
    assert [l.relation for l in align(cl)] == ["match"]
    cl = cluster("The fire crews stopped the wildfire 16 km from the village of Oakridge on Tuesday.",
                 "The fire crews stopped the wildfire 20 miles from the village of Oakridge on Tuesday.")
    assert [l.relation for l in align(cl)] == ["conflict"]


def test_same_surname_different_given_name_is_an_entity_conflict():
    cl = cluster("Club president Karel Novak said the stadium would reopen in August after repairs.",
                 "Club president Tomas Novak told fans the stadium would reopen in August after repairs.")
    (link,) = align(cl)
    assert link.relation == "conflict"
    assert [(e.kind, e.a, e.b) for e in link.evidence] == [("entity", "Karel", "Tomas")]


def test_two_people_in_the_same_role_are_not_a_match():
    cl = cluster("Fire chief Laura Moreno said crews rescued 14 people from the flooded tunnel.",
                 "Regional fire chief Peter Haas said 14 people were rescued from the flooded tunnel.")
    links = align(cl)
    assert all(l.relation != "match" for l in links)
    assert links and links[0].evidence[0].kind == "entity"


def test_a_shared_clause_links_two_long_sentences():
    cl = cluster("Speaking to reporters outside the town hall late in the evening, the mayor said the "
                 "evacuation of the riverside district of Helmsford would continue through the night while "
                 "volunteers filled sandbags along the embankment.",
                 "Emergency crews worked without a break as water levels kept rising and, according to the "
                 "regional broadcaster, the evacuation of the riverside district of Helmsford would continue "
                 "through the night.")
    assert [l.relation for l in align(cl)] == ["match"]


def test_nothing_found_denies_the_finding_not_the_search():
    cl = cluster("Divers searched the lake for hours near the pier of Brenton but nothing was found, the police said.",
                 "Divers searched the lake for hours near the pier of Brenton on Monday, the police said.")
    assert all(e.kind != "negation" for l in align(cl) for e in l.evidence)


def test_an_attributive_prefix_negation_is_no_denial():
    cl = cluster("Police in Ravensholm said the unidentified gunmen fled in a grey van after the robbery.",
                 "Police in Ravensholm identified the gunmen who fled in a grey van after the robbery.")
    assert all(e.kind != "negation" for l in align(cl) for e in l.evidence)
    cl = cluster("The driver of the bus was unharmed in the crash near Ravensholm, police said.",
                 "The driver of the bus was harmed in the crash near Ravensholm, police said.")
    assert [e.kind for l in align(cl) for e in l.evidence] == ["negation"]


def test_distances_from_different_places_are_different_slots():
    cl = cluster("The village lies about 120 km north of Darnley, the regional capital, near the border.",
                 "The village lies about 40 km east of Corrow, the regional capital, near the border.")
    assert all(e.kind not in ("number", "quantity") for l in align(cl) for e in l.evidence)


def test_measurements_of_very_different_size_are_different_things():
    if unit_factor("mile") is None:
        pytest.skip("pint is not installed")
    cl = cluster("The 8-metre fishing boat from Kilvane went missing off the northern coast of the island.",
                 "The fishing boat from Kilvane went missing 300 km off the northern coast of the island.")
    assert all(e.kind not in ("number", "quantity") for l in align(cl) for e in l.evidence)


def test_the_day_a_source_published_is_not_the_day_of_the_event():
    cl = cluster("Rescuers pulled two miners from the collapsed shaft at Orlov, according to the company's statement on Friday.",
                 "Rescuers pulled two miners from the collapsed shaft at Orlov on Thursday.")
    assert all(e.kind != "weekday" for l in align(cl) for e in l.evidence)


def test_two_ways_of_saying_unharmed_agree():
    cl = cluster("The governor of Selvik province emerged unharmed from the attack on his convoy on Monday.",
                 "The governor of Selvik province escaped unhurt from the attack on his convoy on Monday.")
    assert all(e.kind != "negation" for l in align(cl) for e in l.evidence)


def test_an_updated_toll_stays_a_conflict_with_a_note():
    cl = cluster("The landslide in the hill town of Maravi killed 40 people, officials said.",
                 "The landslide in the hill town of Maravi killed 95 people, officials said.",
                 dates=["2022-03-14", "2022-03-16"])
    (link,) = align(cl)
    assert link.relation == "conflict"
    assert "2022-03-14 and 2022-03-16" in link.evidence[0].note
    cl = cluster("The landslide in the hill town of Maravi killed 40 people, officials said.",
                 "The death toll of the landslide in the hill town of Maravi has risen to 95, officials said.")
    (link,) = align(cl)
    assert link.relation == "conflict" and "risen" in link.evidence[0].note
    cl = cluster("The landslide in the hill town of Maravi killed 40 people, officials said.",
                 "The landslide in the hill town of Maravi killed 95 people, officials said.")
    assert align(cl)[0].evidence[0].note == ""


def test_a_note_appears_in_the_json_only_when_there_is_one():
    from reviewer.engine.alignjson import link_dict
    from reviewer.models import Evidence, Link, SentenceRef

    plain = Link(SentenceRef("a", 0), SentenceRef("b", 0), "conflict", 0.9, (Evidence("number", "2", "3", (0, 1), (0, 1)),))
    noted = Link(SentenceRef("a", 0), SentenceRef("b", 0), "conflict", 0.9,
                 (Evidence("number", "2", "3", (0, 1), (0, 1), "may have been updated"),))
    assert "note" not in link_dict(plain)["evidence"][0]
    assert link_dict(noted)["evidence"][0]["note"] == "may have been updated"


def test_counts_of_two_different_people_are_different_slots():
    cl = cluster("In the mayoral vote in Kestrel, Hanna Ruud won 54 percent, officials said on Monday.",
                 "In the mayoral vote in Kestrel, officials said on Monday that Jonas Berg won 46 percent.")
    assert all(e.kind != "number" for l in align(cl) for e in l.evidence)


def test_a_count_limited_to_a_part_is_another_slot():
    cl = cluster("Turnout in the Kestrel referendum was 71 percent inside the country, officials said.",
                 "Turnout in the Kestrel referendum was 64 percent, officials said.")
    assert all(e.kind != "number" for l in align(cl) for e in l.evidence)


def test_bounds_that_only_touch_disagree():
    more = counts("More than 300 homes were flooded.")[0]
    upto = counts("Up to 300 homes were flooded.")[0]
    assert counts_conflict(more, upto)


def test_the_same_figure_of_the_same_thing_is_a_claim_in_common():
    cl = cluster("Lindqvist, a mining town of around 48,000 people in the far north, was cut off by snow for days, "
                 "with roads closed and power lines down across the whole region since the storm began.",
                 "Rescue teams could not reach the far north, where the mining town of Lindqvist, home to 48,000 "
                 "residents, has been snowed in since the weekend.")
    assert [l.relation for l in align(cl)] == ["match"]
    # a duration repeated in two sentences about different things is no claim in common
    from reviewer.engine.evidence import same_figure
    from reviewer.engine.features import build_features
    from reviewer.engine.settings import TUNING

    a, b = build_features(cluster("Within 24 hours the convoy had reached the outskirts of Velmar.",
                                  "The brigade began its march 24 hours before the talks."))
    assert a.counts and b.counts and not same_figure(a, b, 0.5, 0.4, TUNING)
    a, b = build_features(cluster("By nightfall the 3,400 soldiers had reached Velmar.",
                                  "The 3,400 soldiers began their march before the talks."))
    assert same_figure(a, b, 0.5, 0.4, TUNING)


def test_scope_words_of_one_meaning_are_one_scope():
    cl = cluster("The ruling party won 61 percent of the votes cast outside the country, officials in Varna said.",
                 "The ruling party won 38 percent of the votes cast abroad, officials in Varna said.")
    assert [e.kind for l in align(cl) for e in l.evidence] == ["number"]


def test_a_counted_thing_under_another_name():
    cl = cluster("Coast guard officers said four vessels sank in the storm off Port Alden on Tuesday.",
                 "Coast guard officers said seven boats sank in the storm off Port Alden on Tuesday.")
    assert [e.kind for l in align(cl) for e in l.evidence] == ["number"]
    cl = cluster("All 12 crew members were rescued from the burning tanker near Port Alden.",
                 "All 14 workers were rescued from the burning tanker near Port Alden.")
    assert [e.kind for l in align(cl) for e in l.evidence] == ["number"]


def test_compass_directions_disagree():
    cl = cluster("The bridge over the Aske river lies about 30 kilometres north of the city of Hollin.",
                 "The bridge over the Aske river lies about 30 kilometres south of the city of Hollin.")
    assert [(e.kind, e.a, e.b) for l in align(cl) for e in l.evidence] == [("other", "north", "south")]


def test_did_versus_did_not():
    cl = cluster("Witnesses at the Dunmore rally said police opened fire on the protesters.",
                 "Police at the Dunmore rally said no shots were fired at the protesters.")
    assert [l.relation for l in align(cl)] == ["conflict"]
    assert align(cl)[0].evidence[0].kind == "negation"


def test_figures_of_two_different_parts_are_not_one_claim():
    cl = cluster("The governing alliance won 53.2 percent of the votes, the election board in Varna said.",
                 "The governing alliance won 49.8 percent of the votes cast inside the country, the election board in Varna said.")
    assert align(cl) == []
    # but a figure in common still makes the claim common
    cl = cluster("The alliance won 53.2 percent of the votes and its rival 46.8 percent, the board in Varna said.",
                 "The rival won 46.8 percent, while the alliance won 50.1 percent inside the country, the board in Varna said.")
    assert [l.relation for l in align(cl)] == ["match"]


def test_links_inside_one_article_come_after_the_others():
    from reviewer.config import default_labels
    from reviewer.models import Link, SentenceRef as R
    from reviewer.review import ReviewSession
    from reviewer.annotations import ReviewData

    cl = cluster("Four ferries sank off Alden. Five ferries sank off Alden.", "Four ferries sank off Alden.")
    s = ReviewSession(cl, ReviewData(reviewer="t"), list(default_labels()))
    s.set_suggested([Link(R("art0", 0), R("art0", 1), "conflict", 0.9), Link(R("art0", 0), R("art1", 0), "match", 0.5)])
    assert [l.other(("art0", 0)) for l in s.links_of(("art0", 0))] == [("art1", 0), ("art0", 1)]


def test_the_json_marks_links_inside_one_article():
    from reviewer.engine.alignjson import link_dict
    from reviewer.models import Link, SentenceRef as R

    assert link_dict(Link(R("a", 0), R("a", 3), "conflict", 0.9))["within_article"] is True
    assert "within_article" not in link_dict(Link(R("a", 0), R("b", 3), "conflict", 0.9))


def test_fractions_of_a_whole():
    text = "Up to a fifth of old town burned down in the fire."
    (c,) = counts(text)
    assert (c.lo, c.hi, c.head) == (0.0, 0.2, ("share", "town"))
    (d,) = counts("Witnesses said 1/4 of the town burned.")
    assert d.lo == 0.25 and d.head == ("share", "town") and counts_conflict(c, d)
    assert counts("A third person was hurt.") == []
    cl = cluster("The fire in Orsk destroyed a third of the old town, the mayor said on Monday.",
                 "The fire in Orsk destroyed half of the old town, the mayor said on Monday.")
    assert [e.kind for l in align(cl) for e in l.evidence] == ["number"]


def test_approximate_percentages_are_rounded_to_a_point():
    about = counts("Turnout was about 71 percent.")[0]
    close = counts("Turnout was close to 69%.")[0]
    near = counts("Turnout was nearly 71.3 percent.")[0]
    assert (about.lo, about.hi) == (70.5, 71.5) and counts_conflict(about, close)
    assert not counts_conflict(about, near)


def test_scores_stay_within_zero_and_one():
    cl = cluster("The 3,400 soldiers of the Tarn brigade reached Velmar on Monday.",
                 "The 3,400 soldiers of the Tarn brigade reached Velmar on Monday.")
    links = align(cl)
    assert links and all(0.0 <= l.score <= 1.0 for l in links)


def test_a_match_within_one_article_needs_nearly_the_same_words():
    text = ("The storm destroyed the old harbour wall on Monday night. Fishermen said the storm had destroyed "
            "the harbour wall overnight. The mayor promised to rebuild it.")
    other = "A storm damaged houses near the harbour on Monday night."
    links = align(cluster(text, other))
    assert not [l for l in links if l.a.article == l.b.article and l.relation == "match"]
    # The same sentence twice in one article is still shown.
    twice = "The storm destroyed the old harbour wall on Monday night. " * 2 + "The mayor promised to rebuild it."
    links = align(cluster(twice, other))
    assert [l for l in links if l.a.article == l.b.article and l.relation == "match"]


def test_unaccounted_for_is_a_count_of_the_missing():
    # "unaccounted for" counts the same people as "missing": nine against eleven is a conflict
    c = cluster("Nine people are still unaccounted for, the mayor said.",
                "Eleven members of the road crew were missing after the landslide.")
    links = [l for l in align(c) if l.a.article != l.b.article]
    assert [l.relation for l in links] == ["conflict"]
    assert any(e.kind == "number" for e in links[0].evidence)


@pytest.mark.parametrize("text", [
    "The storm claimed 40 lives and left 90 people injured.",
    "The storm led to the loss of at least 40 lives and left 90 people injured.",
])
def test_lives_lost_count_the_dead(text):
    # "claimed 40 lives" counts the dead: against "12 people were killed" it is the toll that
    # differs, never the 90 injured
    c = cluster(text, "Officials said 12 people were killed in the storm.")
    links = [l for l in align(c) if l.a.article != l.b.article and l.relation == "conflict"]
    assert links
    assert all("40" in e.a + e.b and "90" not in e.a + e.b for l in links for e in l.evidence if e.kind == "number")


def test_saved_lives_are_not_the_dead():
    c = counts("Rescuers saved 40 lives on the river.")
    assert [tuple(x.head) for x in c] != [("person", "die")]


def _xl_pair(sim, only_facts):
    from types import SimpleNamespace

    from reviewer.config import AlignSettings
    from reviewer.engine import crosslingual
    from reviewer.engine.settings import TUNING

    a = SimpleNamespace(text="The ship left the port of Halifax on Friday.", lang="en")
    b = SimpleNamespace(text="Das Schiff verließ den Hafen von Halifax am Sonntag.", lang="de")
    return crosslingual.decide(a, b, sim, only_facts, AlignSettings(), TUNING)


def test_model_only_conflict_across_languages_needs_a_near_pair():
    from reviewer.engine import crosslingual

    near = _xl_pair(TUNING.xl_conflict_score, True)
    assert near is not None and near[1] and near[1][0].kind == "weekday"
    assert _xl_pair(TUNING.xl_fact_score, True) is None  # only the third or fourth nearest: no conflict
    assert _xl_pair(TUNING.xl_fact_score, False) is None  # related by words only: no conflict either (issue 14)


def test_cross_scores_keep_conflicts_for_the_two_nearest():
    import numpy as np

    from reviewer.engine import crosslingual

    rng = np.random.default_rng(3)
    base = rng.normal(size=(1, 16))
    emb = base + 1.0 * rng.normal(size=(10, 16))  # cosines under the match floor: fact pairs only
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    langs = ["en"] * 5 + ["de"] * 5
    arts = np.array([0] * 5 + [1] * 5)
    scores, mask = crosslingual.cross_scores(emb, langs, arts, False)
    m = crosslingual.margin_scores(emb, mask, TUNING.xl_neighbours)
    r = crosslingual._ranks(m, mask, arts)
    mutual = np.maximum(r, r.T)
    strong = scores == TUNING.xl_conflict_score
    assert strong.any() and (scores == TUNING.xl_fact_score).any()
    assert (mutual[strong] <= TUNING.xl_conflict_rank).all()
    assert ((scores == TUNING.xl_fact_score) <= (mutual > TUNING.xl_conflict_rank)).all()
