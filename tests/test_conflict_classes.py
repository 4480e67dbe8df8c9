"""Conflict classes of real reporting (issue 12, stop 21), each on short sentences written for it."""

from reviewer.engine.align import align
from reviewer.engine.features import build_features
from tests.test_real_news_rules import cluster


def links(*texts):
    return sorted((l.relation, tuple(e.kind for e in l.evidence)) for l in align(cluster(*texts)))


def counts(text):
    (f,) = build_features(cluster(text))
    return f.counts


# --- counts under other names -------------------------------------------------------------

def test_a_fate_said_by_the_verb_and_by_the_head_is_one_slot():
    got = links("The landslide killed 27 people in the hill district, the governor said.",
                "The landslide left 35 dead in the hill district, the governor said.")
    assert got == [("conflict", ("number",))]


def test_the_same_fate_and_figure_stays_a_match():
    got = links("The landslide killed 27 people in the hill district, the governor said.",
                "The landslide left 27 dead in the hill district, the governor said.")
    assert got == [("match", ())]


def test_two_fates_are_still_two_slots():
    got = links("The landslide killed 27 people in the hill district, the governor said.",
                "The landslide left 35 injured in the hill district, the governor said.")
    assert ("conflict", ("number",)) not in got


def test_the_counted_thing_named_before_of():
    (c,) = counts("The trawler had a crew of 17 when it sank.")
    assert (c.lo, c.head) == (17, ("staff",))
    (c,) = counts("The airline runs a fleet of about 40 planes.")
    assert c.head == ("plane",)  # a head after the number wins
    assert counts("Their fleet numbers about 40.") == [] or counts("Their fleet numbers about 40.")[0].head != ("fleet",)


def test_a_crew_of_n_and_n_crew_members_disagree():
    got = links("The trawler had a crew of 17 when it sank off the cape.",
                "The trawler had 12 crew members on board when it sank off the cape.")
    assert got == [("conflict", ("number",))]


def test_a_capitalised_word_before_of_is_no_counted_thing():
    assert counts("The Bank of 1905 stood here.") == []


# --- times of day ---------------------------------------------------------------------------

from reviewer.engine.dates import clock_gap, read_clock_times  # noqa: E402


def test_clock_times_in_several_languages():
    def minutes(text, lang):
        return [(c.minutes, c.hedged, c.zone) for c in read_clock_times(text, lang)]

    assert minutes("The ferry left at 6:50 a.m. on Friday.", "en") == [(410, False, None)]
    assert minutes("The ferry left shortly after 11 pm.", "en") == [(1380, True, None)]
    assert minutes("The ferry left at 18:05 GMT.", "en") == [(1085, False, "GMT")]
    assert minutes("Die Fähre legte gegen 18.40 Uhr ab.", "de") == [(1120, True, None)]
    assert minutes("Le ferry est parti à 18h40.", "fr") == [(1120, False, None)]
    assert minutes("El ferry salió hacia las 18:40 horas.", "es") == [(1120, True, None)]
    assert minutes("Il traghetto è partito alle 18:40.", "it") == [(1120, False, None)]
    assert minutes("The ferry carried 18.40 tonnes and won 3:1.", "en") == []  # a decimal, a score


def test_a_twelve_hour_time_without_am_or_pm_is_known_up_to_twelve_hours():
    (x,) = read_clock_times("It sank at 7:10, the crew said.", "en")
    (y,) = read_clock_times("It sank at 7:10 p.m.", "en")
    assert clock_gap(x, y) == 0


def test_two_times_of_day_for_one_happening_disagree():
    got = links("The freight train left the rails at 4:10 a.m. near the river crossing, the railway said.",
                "The freight train left the rails at 5:55 a.m. near the river crossing, the railway said.")
    assert got == [("conflict", ("other",))]
    got = links("Der Güterzug entgleiste um 4.10 Uhr an der Flussbrücke.",
                "Der Güterzug entgleiste um 6.30 Uhr an der Flussbrücke.")
    assert got == [("conflict", ("other",))]


def test_close_or_hedged_times_agree():
    assert links("The freight train left the rails at 4:10 a.m. near the river crossing.",
                 "The freight train left the rails at 4:20 a.m. near the river crossing.") == [("match", ())]
    assert links("The freight train left the rails at 4:10 a.m. near the river crossing.",
                 "The freight train left the rails shortly after 5 a.m. near the river crossing.") == [("match", ())]


def test_times_in_two_named_zones_are_not_compared():
    got = links("The freight train left the rails at 4:10 GMT near the river crossing.",
                "The freight train left the rails at 6:10 CET near the river crossing.")
    assert all(kinds != ("other",) for _rel, kinds in got)


# --- measurements -------------------------------------------------------------------------

def test_metres_glued_to_the_figure():
    (c,) = counts("A 240m-long tanker ran aground.")
    assert (c.lo, c.unit) == (240, "meter")
    (c,) = counts("The cliff is 85 m high.")
    assert (c.lo, c.unit) == (85, "meter")
    assert counts("The repairs cost $7m in all.") == []  # millions, not metres


def test_same_unit_measures_differ_past_the_rounding_of_a_round_figure():
    from reviewer.engine.facts import counts_conflict

    def m(text):
        (c,) = counts(text)
        return c

    assert counts_conflict(m("The tanker is 240 metres long."), m("The tanker is 275 metres long."), 0.06)
    # "about 80 miles" is a round figure: 84 miles is within its rounding, 95 is not
    assert not counts_conflict(m("The town lies 80 miles away."), m("The town lies 84 miles away."), 0.06)
    assert counts_conflict(m("The town lies 80 miles away."), m("The town lies 95 miles away."), 0.06)
    assert counts_conflict(m("The dive lasted 3 hours."), m("The dive lasted 2 hours."), 0.06)


def test_two_lengths_of_one_ship_disagree():
    got = links("The 240-metre tanker was carrying 3,000 tonnes of fuel oil.",
                "The 275-metre tanker was carrying 3,000 tonnes of fuel oil.")
    assert got == [("conflict", ("number",))]


# --- verbs of saying, per language --------------------------------------------------------

def _speaker_pairs(*texts):
    from reviewer.engine import crosslingual
    from reviewer.engine.quotes import quoted
    from reviewer.engine.recall import speaker_pairs
    from reviewer.engine.settings import TUNING

    cl = cluster(*texts)
    crosslingual.annotate_languages(cl)
    f = build_features(cl)
    return speaker_pairs(f, quoted(cl, f), TUNING)


def test_reporting_verbs_are_read_per_language():
    from reviewer.lang.tables import folded_words

    assert {"said", "vowed"} <= folded_words("en", "REPORTS")
    assert "prometio" in folded_words("es", "REPORTS")  # accents dropped as the tokens' are
    assert "sagte" in folded_words("de", "REPORTING") and "betonte" not in folded_words("de", "REPORTING")
    assert "declare" in folded_words("fr", "REPORTING")
    assert "قال" in folded_words("ar", "REPORTING")
    assert folded_words("xx", "REPORTING") == folded_words("en", "REPORTING")  # no tables: English ones


def test_a_spanish_speakers_reported_words_match_the_quotation_given_to_that_speaker():
    reported = ("La alcaldesa Marta Solís prometió el martes una auditoría exhaustiva del apagón que dejó sin luz "
                "la estación de autobuses del puerto durante toda la noche.")
    quoting = ("Solís dijo a los periodistas frente a la estación el martes que los técnicos trabajaron hasta el alba "
               "para devolver la luz a los andenes. «La auditoría que encargamos hoy será exhaustiva y pública.»")
    assert _speaker_pairs(reported, quoting)
    other = quoting.replace("Solís dijo", "El ingeniero Pablo Ferrer dijo")
    assert not _speaker_pairs(reported, other)


def test_the_time_a_german_report_was_given_is_not_the_time_of_the_event():
    said = "Der Güterzug entgleiste an der Flussbrücke, sagte er um 9.30 Uhr."
    event = "Der Güterzug entgleiste um 4.10 Uhr an der Flussbrücke."
    assert links(said, event) == [("match", ())]
    assert links(said.replace("sagte er um", "und blieb bis"), event)[0][0] == "conflict"


# --- who reports a count is not whose count it is -----------------------------------------

def test_the_speaker_of_a_count_is_not_its_subject():
    got = links("The KPRD said 4 officers were hurt in the clash in Port Alder.",
                "Police in Port Alder said 7 officers were hurt in the clash.")
    assert got == [("conflict", ("number",))]
    got = links("La KPRD dijo que 4 agentes resultaron heridos en los choques de Puerto Aliso.",
                "La policía de Puerto Aliso dijo que 7 agentes resultaron heridos en los choques.")
    assert got and got[0][0] == "conflict"


def test_two_named_subjects_of_two_figures_still_differ():
    got = links("In the final count Lindqvist won 52 percent of the votes in the runoff.",
                "In the final count Moorcroft won 47 percent of the votes in the runoff.")
    assert ("conflict", ("number",)) not in got


# --- negation of an irregular verb --------------------------------------------------------

def test_an_irregular_past_and_its_denial_disagree():
    got = links("The barge lost its anchor chain hours before it drifted into the lock gate.",
                "The barge did not lose its anchor chain before it drifted into the lock gate.")
    assert got == [("conflict", ("negation",))]
    got = links("The crane fell onto the tram line during the storm, the operator said.",
                "The crane did not fall onto the tram line during the storm, the operator said.")
    assert got == [("conflict", ("negation",))]


def test_irregular_forms_never_override_a_synonym():
    from reviewer.engine.textnorm import stem

    assert stem("struck") == stem("hit") and stem("lost") == stem("lose") == stem("losing")


# --- one thing placed in two years --------------------------------------------------------

def test_one_thing_placed_in_two_years_disagrees():
    got = links("The lighthouse, which was built in 1957, still guides the ferries into the bay.",
                "The lighthouse, which was built in 1961, still guides the ferries into the bay.")
    assert got == [("conflict", ("date",))]


def test_two_things_in_two_years_do_not():
    got = links("The lighthouse, which was built in 1957, still guides the ferries into the bay.",
                "The lighthouse, which was repainted in 1991, still guides the ferries into the bay.")
    assert all(kinds != ("date",) for _rel, kinds in got)


def test_a_name_that_qualifies_a_noun_is_no_subject_of_a_count():
    got = links("The panel named Lindqvist the winner of the Norwegian mayoral race with 51.32 percent of the votes.",
                "Lindqvist won the mayoral race by taking 51.37 percent of the votes, the panel said.")
    assert got and got[0] == ("conflict", ("number",))


def test_a_name_set_off_by_commas_is_the_subject_of_the_count_after_it():
    got = links("Her rival, Piet Moorcroft, received 46.80 percent of the votes, the panel said.",
                "The panel named Lindqvist the winner of the mayoral race with 53.20 percent of the votes.")
    assert ("conflict", ("number",)) not in got


def test_parts_of_the_day_in_several_languages():
    def parts(text, lang):
        return [(c.minutes, c.width) for c in read_clock_times(text, lang) if c.width]

    assert parts("The levee gave way on Friday evening.", "en") == [(1020, 390)]
    assert parts("La digue a cédé vendredi soir.", "fr") == [(1020, 390)]
    assert parts("Der Deich brach am Freitagabend, nicht am Abend davor.", "de") == [(1020, 390)]
    assert parts("El dique cedió el viernes por la noche.", "es") == [(1200, 600)]
    assert parts("El dique cederá mañana por la tarde.", "es") == []  # "tomorrow", "late": not read


def test_a_part_of_the_day_and_a_clock_time():
    (night,) = read_clock_times("It broke late on Friday night.", "en")
    (early,) = read_clock_times("It broke at 1:40 a.m.", "en")
    (noon,) = read_clock_times("It broke at 12:30 p.m.", "en")
    assert clock_gap(night, early) == 0 and clock_gap(night, noon) > 300


def test_one_happening_in_the_morning_and_in_the_evening_disagrees():
    got = links("The levee on the east bank gave way on Friday morning, flooding the old mill district.",
                "The levee on the east bank gave way on Friday evening, flooding the old mill district.")
    assert got == [("conflict", ("other",))]
    got = links("The levee on the east bank gave way on Friday night, flooding the old mill district.",
                "The levee on the east bank gave way at 2:10 a.m. on Saturday, flooding the old mill district.")
    assert ("conflict", ("other",)) not in got


# --- capacities ---------------------------------------------------------------------------

def test_two_capacities_of_one_hall_disagree():
    got = links("The fire broke out inside the riverside arena, which can hold 4,500 people.",
                "The fire broke out inside the 6,000-seat riverside arena.")
    assert got == [("conflict", ("number",))]


def test_a_capacity_and_a_crowd_are_two_slots():
    got = links("The fire broke out inside the riverside arena, which can hold 4,500 people.",
                "The fire broke out inside the riverside arena, where 2,000 people had gathered.")
    assert ("conflict", ("number",)) not in got
