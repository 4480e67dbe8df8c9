"""Same-language match recall and the links it may cost (issue 12), on short sentences written here."""

from reviewer.engine.align import align
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment


def cluster(*texts, date="2024-03-02"):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=t, date=date)
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


def pairs(cl, relation="match"):
    return {(l.a.article, l.a.sentence, l.b.article, l.b.sentence) for l in align(cl) if l.relation == relation}


# --- a match inside one article rests on its words, not on the model --------------

def test_an_article_saying_a_thing_twice_in_other_words_is_no_within_article_match():
    # The model finds these two close (cosine about 0.97), their words are not the same.
    text = ("Thousands of residents fled the flooded town overnight. The council met in the school hall. "
            "Overnight, thousands of people escaped from the town as it flooded.")
    other = "Engineers will inspect the bridge over the Vessa next week."
    links = align(cluster(text, other))
    assert not [l for l in links if l.a.article == l.b.article and l.relation == "match"]


# --- a clock or unit marker is not a name ---------------------------------------

def feats(*texts):
    from reviewer.engine.features import build_features

    return build_features(cluster(*texts))


def test_a_clock_marker_after_a_number_is_not_a_name():
    f = feats("A loud blast was heard at 7:00 PM near the Astoria theatre.", "The roof of the theatre fell in.")
    assert "N:pm" not in f[0].names_set and "N:astoria" in f[0].names_set
    # ... so it does not make the two sentences about two different subjects
    from reviewer.engine.features import different_subjects

    g = feats("A loud blast at 7:00 PM started a fire that brought down the roof of the hall.",
              "The roof of the Astoria hall came down.")
    assert not different_subjects(g[0], g[1])


def test_a_short_capitalised_word_after_a_number_elsewhere_stays_a_name():
    f = feats("Voters in Norland go to the polls on Sunday.", "The vote of 2024 UN observers was cancelled.",
              "The UN sent observers to Norland.")
    assert "N:un" in f[2].names_set


# --- an acronym spelled out in lower case ---------------------------------------

def test_an_acronym_defined_in_brackets_joins_its_lower_case_words_elsewhere():
    f = feats("The navy sent a remote-operated vehicle to the wreck.",
              "ROV (remotely operated vehicle) dives resumed at dawn.",
              "The vehicle was operated remotely from the ship.")
    assert "N:rov" in f[0].extra
    assert "N:rov" not in f[2].extra  # the same words in another order are not the long form


def test_initials_alone_are_not_an_acronym():
    # "rapid orbital vessel" spells ROV, but the cluster never defines ROV by those words
    f = feats("A rapid orbital vessel was launched.", "ROV (remotely operated vehicle) dives resumed at dawn.")
    assert "N:rov" not in f[0].extra


# --- words and model agreeing ---------------------------------------------------

PLAY = "The Lanterns folk trio was due to play at the river theatre."
STRUCK = ("The storm hit minutes before the folk group Lanterns was scheduled to play at the 900-seat River Theatre, "
          "east of the town.")


def test_each_others_best_on_words_and_model_is_a_match():
    # words alone 0.30 and the model alone 0.19: neither reaches the match threshold; together they do
    cl = cluster(PLAY + "\n\nPolice closed the roads around the building.",
                 STRUCK + "\n\nAmbulances took the wounded to two hospitals.")
    assert ("art0", 0, "art1", 0) in pairs(cl)


def test_no_help_from_the_model_for_a_pair_that_is_not_each_others_best_on_words():
    # the other article has a sentence closer in words to the first: the pair gets no share of the model
    cl = cluster(PLAY + "\n\nPolice closed the roads around the building.",
                 STRUCK + "\n\nThe Lanterns folk trio was due to play at the river theatre on Sunday.")
    assert ("art0", 0, "art1", 0) not in pairs(cl)


def test_pair_ranks_seen_from_both_ends_ties_share_a_rank():
    import numpy as np

    from reviewer.engine.candidates import pair_ranks

    art_of = np.array([0, 0, 1, 1, 1])
    ci, cj = np.array([0, 0, 0, 1]), np.array([2, 3, 4, 2])
    ri, rj = pair_ranks(ci, cj, np.array([0.5, 0.7, 0.5, 0.9]), art_of)
    assert ri.tolist() == [1, 0, 1, 0]
    assert rj.tolist() == [1, 0, 0, 0]


# --- selection: every match is some sentence's best partner ------------------------

def _named(**kw):
    from types import SimpleNamespace

    return SimpleNamespace(text=f"Sentence {kw['idx']} names Anna Berg.", lang="en", memo={}, counts=[],
                           years=frozenset(), event_dates={},
                           bag=frozenset({"N:berg", "sentenc", "name"}), names_set=frozenset({"N:berg"}), **kw)


def test_a_match_is_the_best_partner_of_one_of_its_sentences():
    from reviewer.config import AlignSettings
    from reviewer.engine.align import _select

    # article 0: sentences 0 (x) and 1 (y); article 1: sentences 2, 3, 4
    feats = [_named(art=0, idx=0), _named(art=0, idx=1)] + [_named(art=1, idx=k) for k in range(3)]
    matches = [(0, 2, 0.9, 0.9), (0, 3, 0.8, 0.8), (0, 4, 0.5, 0.5),  # x's partners, best first
               (1, 4, 0.7, 0.7)]  # 4 prefers y
    links = _select(feats, ["a", "b"], matches, [], AlignSettings(max_matches_per_article=3))
    kept = {(l.a.sentence, l.b.sentence) for l in links}
    # x-4 is x's third and 4's second: nobody's best, dropped; x-3 is 3's best, kept
    assert kept == {(0, 0), (0, 1), (1, 2)}


def test_partners_that_are_nobodys_best_do_not_take_the_place_of_one_that_is():
    from reviewer.config import AlignSettings
    from reviewer.engine.align import _select

    # article 0: x (0), y (1); article 1: sentences 2..5. x is a long sentence with four partners;
    # 3 and 4 are closer to y, 5 has no other partner than x.
    feats = [_named(art=0, idx=0), _named(art=0, idx=1)] + [_named(art=1, idx=k) for k in range(4)]
    matches = [(0, 2, 0.9, 0.9), (0, 3, 0.8, 0.8), (0, 4, 0.7, 0.7), (0, 5, 0.6, 0.6),
               (1, 3, 0.85, 0.85), (1, 4, 0.75, 0.75)]
    links = _select(feats, ["a", "b"], matches, [], AlignSettings(max_matches_per_article=3))
    assert {(l.a.sentence, l.b.sentence) for l in links} == {(0, 0), (0, 3), (1, 1), (1, 2)}
    # ... and the limit per sentence and article still holds
    links = _select(feats, ["a", "b"], matches, [], AlignSettings(max_matches_per_article=1))
    assert {(l.a.sentence, l.b.sentence) for l in links} == {(0, 0), (1, 1)}


def test_a_vague_sentences_second_partner_is_dropped():
    from reviewer.config import AlignSettings
    from reviewer.engine.align import _select

    # article 0: x names a place and a figure, v names nothing; article 1: sentences 2 and 3
    feats = [_named(art=0, idx=0), _named(art=0, idx=1), _named(art=1, idx=0), _named(art=1, idx=1)]
    feats[1].text = "Panic broke out and people ran for the exits."
    named_bag = feats[1].bag
    feats[1].bag = frozenset({"panic", "sentenc"})  # one word in common with 2 and 3, no name
    matches = [(0, 2, 0.9, 0.9), (1, 2, 0.6, 0.6),  # 2 prefers x clearly: v-2 is a look-alike
               (1, 3, 0.58, 0.58)]  # 3's only partner, and nearly v's best: kept
    kept = {(l.a.sentence, l.b.sentence) for l in _select(feats, ["a", "b"], matches, [], AlignSettings())}
    assert kept == {(0, 0), (1, 1)}
    # the same second partner of a sentence that names someone stays
    feats[1].text, feats[1].memo, feats[1].bag = "Anna Berg said panic broke out.", {}, named_bag
    kept = {(l.a.sentence, l.b.sentence) for l in _select(feats, ["a", "b"], matches, [], AlignSettings())}
    assert kept == {(0, 0), (1, 0), (1, 1)}


def test_a_vague_cross_language_match_needs_a_clear_margin():
    from reviewer.config import AlignSettings
    from reviewer.engine.align import _select

    feats = [_named(art=0, idx=0), _named(art=1, idx=0)]
    feats[0].text, feats[1].text, feats[1].lang = "Panic broke out in the hall.", "Die Lage bleibt unklar.", "de"
    from reviewer.engine.settings import TUNING

    for score, kept in ((0.45, False), (TUNING.xl_vague_min - 0.02, False), (TUNING.xl_vague_min + 0.02, True)):
        links = _select(feats, ["a", "b"], [(0, 1, score, 0.0)], [], AlignSettings())
        assert bool(links) is kept
    # between 0.48 and 0.52: kept when one side names something, dropped when neither does
    assert not _select(feats, ["a", "b"], [(0, 1, 0.5, 0.0)], [], AlignSettings())  # both vague
    feats[0].text, feats[0].memo = "Panic broke out in the Kestrel hall.", {}
    assert _select(feats, ["a", "b"], [(0, 1, 0.5, 0.0)], [], AlignSettings())
    # the same score between two sentences that name something stays
    feats[0].text, feats[1].text = "Anna Berg said 40 people died.", "Anna Berg sprach von 40 Toten."
    feats[0].memo, feats[1].memo = {}, {}
    assert _select(feats, ["a", "b"], [(0, 1, 0.45, 0.0)], [], AlignSettings())


def test_a_second_partner_sharing_hardly_a_word_but_a_name_is_dropped():
    from reviewer.config import AlignSettings
    from reviewer.engine.align import _select

    feats = [_named(art=0, idx=0), _named(art=0, idx=1), _named(art=1, idx=0)]
    feats[1].bag = frozenset({"N:berg", "roof", "name"})  # shares the name and one word with 2
    matches = [(0, 2, 0.9, 0.9), (1, 2, 0.6, 0.6)]
    kept = {(l.a.sentence, l.b.sentence) for l in _select(feats, ["a", "b"], matches, [], AlignSettings())}
    assert kept == {(0, 0)}
    feats[1].bag = frozenset({"N:berg", "roof", "sentenc", "name"})  # two words
    kept = {(l.a.sentence, l.b.sentence) for l in _select(feats, ["a", "b"], matches, [], AlignSettings())}
    assert kept == {(0, 0), (1, 0)}


# --- one measurement with a second anchor (issue 12, stop 20) ---------------------

def test_one_measurement_of_the_same_thing_is_shared():
    from reviewer.engine.recall import shared_measure

    f = feats("The 14-metre barge left the quay at dawn with a cargo of grain for the mill.",
              "Tugs towed the 14-metre barge past the lighthouse.")
    assert shared_measure(f[0], f[1])


def test_a_measurement_of_two_different_things_is_not_shared():
    from reviewer.engine.recall import shared_measure

    f = feats("The 14-metre barge left the quay at dawn.", "Waves of 14 metres were recorded off the cape.")
    assert not shared_measure(f[0], f[1])


def test_durations_and_other_values_are_no_shared_measurement():
    from reviewer.engine.recall import shared_measure

    f = feats("The 14-metre barge left after 3 hours of loading.", "The 12-metre barge left after 3 hours of loading.")
    assert not shared_measure(f[0], f[1])


def test_a_measurement_beside_two_different_names_is_not_shared():
    from reviewer.engine.recall import shared_measure

    f = feats("The 14-metre Orla barge sank.", "The 14-metre Brigid barge was saved.")
    assert not shared_measure(f[0], f[1])


def test_a_long_sentence_stating_a_measurement_matches_a_short_one_though_both_have_better_partners():
    a = ("The 14-metre barge, which had left the quay at Ostrow at dawn with a cargo of grain for the old mill, "
         "ran aground on a sandbank. "
         "The old mill at Ostrow was still waiting for the cargo of grain that left the quay at dawn. "
         "Two tugs pulled a fishing boat past the lighthouse into the river mouth before noon, the harbour master said.")
    b = ("Two tugs towed the 14-metre barge past the lighthouse into the river mouth before noon, the harbour master said. "
         "Since dawn the old mill at Ostrow had waited for its cargo of grain from the quay.")
    got = pairs(cluster(a, b))
    assert ("art0", 0, "art1", 1) in got and ("art0", 2, "art1", 0) in got  # each one's best partner
    assert ("art0", 0, "art1", 0) in got  # the barge of 14 metres: a claim in common besides


# --- an acronym named by its long name's first words (issue 12, stop 20) ------------

def test_the_first_words_of_a_long_name_spell_the_beginning_of_its_acronym():
    from reviewer.engine.initials import acronyms_spelled

    assert acronyms_spelled("ov", {"ovrc", "ovxt", "rc"}, 0.5) == ["ovrc", "ovxt"]
    assert acronyms_spelled("ovrc", {"ovrc"}, 0.5) == ["ovrc"]
    assert acronyms_spelled("rc", {"rca", "rc"}, 0.5) == ["rc"]  # three letters or fewer: in full only
    assert acronyms_spelled("o", {"ovrc"}, 0.5) == []  # too small a share of its letters
    assert acronyms_spelled("vr", {"ovrc"}, 0.5) == []  # not its beginning


def test_an_acronym_and_its_shortened_name_share_the_name_both_ways():
    f = feats("On Sunday OVRC won the regatta on the lake, the club said.",
              "The title went to Orlen Valley rowers for the first time.")
    assert "N:ovrc" in f[0].bag and "N:ovrc" in f[1].extra
    assert {"N:orlen", "N:valley"} <= set(f[0].extra)
    g = feats("On Sunday OVRC won the regatta.", "The weather on the lake was calm.")
    assert not [x for x in g[0].extra if x.startswith("N:")]


def test_two_long_sentences_sharing_a_measurement_are_scored_on_their_shared_clause():
    from reviewer.config import AlignSettings
    from reviewer.engine import crosslingual
    from reviewer.engine.candidates import candidates
    from reviewer.engine.features import build_features
    from reviewer.engine.settings import TUNING

    a = ("The 14-metre barge from the Dutch grain cooperative Veldkamp went adrift some 30 kilometres north of the "
         "estuary, river police commander Ilse Marten told a news conference in the town hall on Wednesday.")
    b = ("Harbour staff said the 14-metre-long cargo barge had snapped its tow cable on Tuesday evening and "
         "drifted for most of the night while the tug crew waited for calmer water near the old ferry port.")
    cl = cluster(a, b)
    crosslingual.annotate_languages(cl)
    c = candidates(build_features(cl), AlignSettings(semantic="off"), TUNING)
    assert len(c.i) == 1 and c.whole[0] < TUNING.clause_min_sim < c.sim[0]
    assert pairs(cl) == {("art0", 0, "art1", 0)}


def test_the_shortened_name_chosen_for_an_acronym_does_not_depend_on_the_article_order():
    from reviewer.engine.initials import shortened_names
    from reviewer.engine.textnorm import tokenize

    texts = ["Fans of Orlen Valley cheered.", "The Old Vicarage was sold.", "Orlen Valley won again."]
    toks = [tokenize(x) for x in texts]
    got = shortened_names(toks, {"ovrc"}, {"of"}, 2, 0.5)
    assert got == shortened_names(toks[::-1], {"ovrc"}, {"of"}, 2, 0.5) == {"ovrc": ["orlen", "valley"]}


# --- a word quoted alone and the quotation it comes from ---------------------------

def test_quote_marks_are_followed_over_sentences_and_apostrophes_are_no_marks():
    from reviewer.engine.quotes import quote_mask

    body = "The mayor’s aide said: “Pumps are running. The dike holds.” Crews left."
    inside = quote_mask(body)
    quoted = "".join(c for c, q in zip(body, inside) if q)
    assert quoted == "Pumps are running. The dike holds."


def test_a_word_quoted_alone_is_told_apart_from_a_whole_quotation():
    from reviewer.engine.quotes import quoted

    cl = cluster("The governor condemned the ‘vandalism’ at the depot. “Enough.” "
                 "She said that “the culprits will pay”.")
    got = quoted(cl, feats(*[a.body for a in cl.articles]))
    assert got[0].alone == got[0].terms == {"vandal"}
    assert not got[1].alone  # a quotation throughout is no scare quote
    assert not got[2].alone and "culprit" in got[2].terms


def test_a_word_quoted_alone_matches_the_quotation_it_is_most_of():
    a = "Governor Hanne Ilves condemned the ‘vandalism’ at the tram depot on Tuesday."
    b = ("Speaking at the depot, Ilves did not hold back. “This is vandalism, pure and simple. "
         "We will repair every carriage, whatever the vandalism of the night costs the city budget.”")
    got = pairs(cluster(a, b))
    assert ("art0", 0, "art1", 1) in got  # the short quotation whose point the word is
    assert ("art0", 0, "art1", 2) not in got  # one quotation per article: the other only mentions it


def test_a_word_used_without_quotation_marks_links_nothing():
    a = "Governor Hanne Ilves condemned the vandalism at the tram depot on Tuesday."
    b = ("Speaking at the depot, Ilves did not hold back. “This is vandalism, pure and simple.”")
    assert ("art0", 0, "art1", 1) not in pairs(cluster(a, b))


# --- a speaker's reported words and the quotation the other report gives them -------

_REPORTED = "Mayor Hanne Ilves vowed on Monday a meticulous inquiry into the blackout at the tram depot."
_QUOTED = ("Ilves told reporters outside the depot on Monday that crews worked all night. “Power went out at nine. "
           "The review we start today will be meticulous.”")


def test_a_speakers_reported_words_match_the_quotation_given_to_that_speaker():
    assert ("art0", 0, "art1", 2) in pairs(cluster(_REPORTED, _QUOTED))


def test_a_quotation_given_to_another_speaker_is_no_match():
    other = _QUOTED.replace("Ilves told", "Engineer Pavel Rudd told")
    assert ("art0", 0, "art1", 2) not in pairs(cluster(_REPORTED, other))


def test_a_reported_word_that_other_sentences_carry_too_is_no_anchor():
    third = "Union leaders asked for a meticulous account of the night shift."
    fourth = "A meticulous audit of the fares was published in May."
    assert ("art0", 0, "art1", 2) not in pairs(cluster(_REPORTED, _QUOTED, third, fourth))



def test_a_wire_copy_of_the_quotation_keeps_its_word_rare():
    # The same report carried word for word by a third outlet: its sentences count once.
    got = pairs(cluster(_REPORTED, _QUOTED, _QUOTED))
    assert ("art0", 0, "art1", 2) in got and ("art0", 0, "art2", 2) in got

def test_the_speaker_of_a_quotation_is_the_last_one_named_shortly_before():
    from reviewer.engine.quotes import quoted
    from reviewer.engine.recall import speaker_pairs
    from reviewer.engine.settings import TUNING

    far = ("Ilves told reporters outside the depot on Monday that crews worked all night. The depot opened in 1961. It has 40 trams. "
           "Its roof was replaced in 2010. “The review we start today will be meticulous.”")
    for text, expect in ((_QUOTED, True), (far, False)):
        cl = cluster(_REPORTED, text)
        f = feats(_REPORTED, text)
        got = speaker_pairs(f, quoted(cl, f), TUNING)
        assert bool(got) is expect


def _quoted_words(body):
    from reviewer.engine.quotes import quote_mask

    inside = quote_mask(body)
    return "".join(c if m else " " for c, m in zip(body, inside)).split()


def test_an_inch_mark_after_a_digit_opens_no_quotation():
    body = 'The mayor, who is 6\'2" tall, spoke first. The levee held all night. "It held," she said.'
    assert _quoted_words(body) == ["It", "held,"]


def test_a_mark_left_open_at_the_line_break_quotes_nothing():
    body = 'A stray " mark in this line. The levee held.\nThe council met on Monday.'
    assert _quoted_words(body) == []


def test_german_polish_and_reversed_guillemets_close_their_quotations():
    assert _quoted_words("Er sagte: \u201eWir bleiben\u201c, und ging.") == ["Wir", "bleiben"]
    assert _quoted_words("Powiedzia\u0142: \u201eZostajemy\u201d i wyszed\u0142.") == ["Zostajemy"]
    assert _quoted_words("Sie rief: \u00bbNein\u00ab und lief.") == ["Nein"]
    assert _quoted_words("Il a dit\u00a0: \u00ab\u00a0Non\u00a0\u00bb puis il est parti.") == ["Non"]



# --- two tolls given as floors that agree are one claim (issue 12, stop 21) -------------------

_HALL = "A gas explosion tore through a market hall in Tarnow on Sunday morning. "
_SURGEON = ("A surgeon at the regional clinic told the radio that more than 140 people had {fate} in Tarnow, "
            "while the governor's office spoke of damage running into millions. ")
_FLOOR = "At least {n} dead and 90 missing in Tarnow after the blast, which flattened the old covered market of the town. "


def test_two_floors_of_one_toll_close_together_are_a_match():
    # "more than 140" and "at least 145": each report's floor of the same toll, within the tens 140 is rounded to.
    got = align(cluster(_HALL + _SURGEON.format(fate="died"), _HALL + _FLOOR.format(n=145)))
    assert [(l.a.sentence, l.b.sentence) for l in got if l.relation == "match" and l.a.sentence == 1] == [(1, 1)]


def test_two_floors_of_one_toll_past_rounding_are_linked_as_a_conflict():
    # "more than 140" and "at least 160" (within toll_floor_span, so linked): two figures (stop 23).
    got = align(cluster(_HALL + _SURGEON.format(fate="died"), _HALL + _FLOOR.format(n=160)))
    assert [(l.a.sentence, l.b.sentence, l.relation) for l in got if l.a.sentence == 1] == [(1, 1, "conflict")]


def test_two_floors_far_apart_are_an_update_not_a_match():
    got = align(cluster(_HALL + _SURGEON.format(fate="died"), _HALL + _FLOOR.format(n=400)))
    assert [(l.a.sentence, l.b.sentence, l.relation) for l in got if l.a.sentence == 1] == [(1, 1, "conflict")]


def test_floors_of_two_fates_are_no_match():
    # 140 injured and 160 dead: two counts, however close the figures.
    got = align(cluster(_HALL + _SURGEON.format(fate="been injured"), _HALL + _FLOOR.format(n=160)))
    assert not [l for l in got if l.relation == "match" and l.a.sentence == 1]


def test_agreeing_floors_reads_figures_and_fates():
    from reviewer.engine.features import build_features
    from reviewer.engine.recall import agreeing_floors
    from reviewer.engine.settings import TUNING

    def feats(*texts):
        cl = cluster(*texts)
        for art in cl.articles:
            art.lang = "en"
        return build_features(cl)

    a, b = feats("More than 60 people were killed in the landslide.", "At least 75 dead in the landslide.")
    assert agreeing_floors(a, b, TUNING)
    a, b = feats("More than 60 people were killed in the landslide.", "At least 95 dead in the landslide.")
    assert not agreeing_floors(a, b, TUNING)  # 95 > 1.5 x 60
    a, b = feats("More than 6 people were killed in the landslide.", "At least 7 dead in the landslide.")
    assert not agreeing_floors(a, b, TUNING)  # small counts recur for unrelated reasons


# --- the model's mutual best keeps a match that another sentence outranks on words (stop 22) ---


def _fake_model(monkeypatch, rows):
    """The semantic model replaced by fixed vectors, one per sentence in the engine's order."""
    import numpy as np

    from reviewer.engine import semantic

    vecs = np.asarray(rows, dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setattr(semantic, "embed", lambda texts, **_kw: vecs[:len(texts)])


def test_the_models_mutual_best_pairs_are_found_per_article_and_language(monkeypatch):
    from types import SimpleNamespace

    from reviewer.config import AlignSettings
    from reviewer.engine.recall import model_mutual_pairs

    # article 0: 0, 1; article 1: 2, 3; article 2: 4 (another language)
    feats = [SimpleNamespace(art=a, lang=lg, text=f"s{k}") for k, (a, lg) in
             enumerate([(0, "en"), (0, "en"), (1, "en"), (1, "en"), (2, "de")])]
    _fake_model(monkeypatch, [[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0], [0.6, 0.4, 0], [1, 0, 0]])
    # 0-2 choose each other; 3 prefers 0, but 0 prefers 2: no pair; 1's nearest in article 1 is 3,
    # whose nearest is 0: no pair; sentence 4 is in another language
    assert model_mutual_pairs(feats, AlignSettings(semantic="on")) == {(0, 2)}
    assert model_mutual_pairs(feats, AlignSettings(semantic="off")) == set()


def test_a_match_the_model_pairs_both_ways_stays_though_words_prefer_others(monkeypatch):
    from reviewer.config import AlignSettings
    from reviewer.engine.align import _select

    # article 0: x (0), y (1); article 1: 2, 3. x-3 is a match but 3 prefers y and x prefers 2 on words
    feats = [_named(art=0, idx=0), _named(art=0, idx=1), _named(art=1, idx=0), _named(art=1, idx=1)]
    matches = [(0, 2, 0.9, 0.9), (0, 3, 0.5, 0.5), (1, 3, 0.8, 0.8)]
    kept = {(l.a.sentence, l.b.sentence) for l in _select(feats, ["a", "b"], matches, [], AlignSettings())}
    assert (0, 1) not in kept
    kept = {(l.a.sentence, l.b.sentence)
            for l in _select(feats, ["a", "b"], matches, [], AlignSettings(), quoting={(0, 3)})}
    assert (0, 1) in kept



# --- a figure that is part of a name counts nothing (stop 22) ---------------------


def test_a_figure_hyphened_to_a_name_is_no_count():
    from reviewer.engine.features import build_features

    (f,) = build_features(cluster("The Kestrel-2 rover left the depot on May 9 with 14 crew."))
    assert [c.lo for c in f.counts] == [14.0]
    # a range, and a figure before its unit, stay counts
    (f,) = build_features(cluster("Between 8-12 pumps ran for a 20-day stretch."))
    assert [c.lo for c in f.counts] == [8.0, 20.0]


def test_two_reports_of_one_launch_match_though_one_gives_the_craft_a_number():
    cl = cluster("The Kestrel-2 rover was launched on May 9 from the coastal range at Pellan.",
                 "The 450 million dollar rover was launched on May 9 from the range at Pellan for a 30-day trip.")
    assert pairs(cl) == {("art0", 0, "art1", 0)}


# --- a claim stated in one clause of each of two long sentences (stop 22) ------------


def _clause_embed(texts):
    import numpy as np

    rows = np.array([[5.0 * ("ferry" in t), 5.0 * ("gate" in t), 1.0] for t in texts])
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_two_long_sentences_sharing_a_clause_are_scored_on_it():
    import numpy as np

    from reviewer.engine.features import build_features
    from reviewer.engine.recall import clause_agreement, clauses_of
    from reviewer.engine.settings import TUNING

    feats = build_features(cluster(
        "Water poured through the old lock gate near the mill, while the ferry service stopped for the day.",
        "The ferry service stopped for the whole day, officials of the river board said on Tuesday evening."))
    assert len(clauses_of(feats[0], TUNING)) == 2
    got = clause_agreement(feats, np.array([0]), np.array([1]), _clause_embed, TUNING)
    assert 0.35 <= got[0] <= TUNING.clause_agree_cap


def test_clauses_sharing_a_name_and_one_word_are_no_claim_in_common():
    import numpy as np

    from reviewer.engine.features import build_features
    from reviewer.engine.recall import clause_agreement
    from reviewer.engine.settings import TUNING

    feats = build_features(cluster(
        "Water poured through the old lock gate near Orvel, while the ferry at Orvel was idle.",
        "The ferry at Orvel sank in the storm, officials of the river board said on Tuesday evening."))
    got = clause_agreement(feats, np.array([0]), np.array([1]), _clause_embed, TUNING)
    assert got[0] == 0.0


# --- one time of day to the minute, in two long sentences (stop 22) ------------------


def test_one_time_of_day_to_the_minute_is_a_claim_in_common():
    cl = cluster("The old grain silo at the edge of the harbour district, empty since the spring floods and due for "
                 "demolition under a plan the council approved last year, collapsed at 4:37 a.m. on Sunday, the port "
                 "authority said.",
                 "The silo collapsed at 4.37 am and thick dust covered the quays, the parked lorries, the fish market "
                 "and the ferry terminal across the water.")
    assert pairs(cl) == {("art0", 0, "art1", 0)}


def test_a_time_on_the_hour_or_hedged_is_no_anchor():
    from reviewer.engine.features import build_features
    from reviewer.engine.recall import shared_time
    from reviewer.engine.settings import TUNING

    for x, y in (("at 5 pm", "at 5 p.m."), ("around 4:37 a.m.", "at 4:37 a.m.")):
        a, b = build_features(cluster(f"The silo collapsed {x} on Sunday.", f"The silo collapsed {y}, police said."))
        assert not shared_time(a, b, TUNING)
    a, b = build_features(cluster("The silo collapsed at 4:37 a.m. on Sunday.", "The silo collapsed at 4:37 a.m., police said."))
    assert shared_time(a, b, TUNING)


def test_a_mutual_best_pair_sharing_only_common_words_is_not_kept_whatever_its_rank():
    from types import SimpleNamespace

    from reviewer.engine.align import _mutual_with_something_shared
    from reviewer.engine.specificity import _KEY

    def sent(lang, bag, specific, names=()):
        return SimpleNamespace(lang=lang, bag=frozenset(bag), names_set=frozenset(names), memo={_KEY: frozenset(specific)})

    feats = [sent("es", {"la", "que", "lluvia"}, {"lluvia"}),
             sent("es", {"la", "que", "puente"}, {"puente"}),  # shares only "la", "que" with 0
             sent("es", {"la", "lluvia"}, {"lluvia"}),  # shares "lluvia" with 0
             sent("en", {"rain"}, {"rain"})]  # another language: the model alone
    assert _mutual_with_something_shared(feats, {(0, 1), (0, 2), (0, 3)}) == {(0, 2), (0, 3)}
