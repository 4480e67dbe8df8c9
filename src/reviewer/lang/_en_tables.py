"""English tables for the readers of this package (numbers, dates, negation) and the cross-language
facts, under the names every language module uses; the words the engine also reads (weekdays,
months, negation cues) come from :mod:`reviewer.lang.en`, so each is written once."""

from reviewer.lang.en import MONTHS, MOTION_WORDS, NEG_CUES, REMAINING_AFTER, REMAINING_BEFORE, REPORTING, REPORTS, WEEKDAYS
from reviewer.lang.en import SPEECH_SETTINGS  # noqa: F401  (engine.features reads it per language)
from reviewer.lang.en import TOLL_VERBS as _TOLL_VERBS
from reviewer.lang.en import AUX as _AUX
from reviewer.lang.en import STOPWORDS as _STOPWORDS
from reviewer.lang.en import RISE_VERBS, YEAR_BOUNDS  # noqa: F401  (engine.facts, engine.evidence read them per language)

CODE = "en"
TEXT2NUM = "en"
DECIMAL, THOUSANDS = ".", ","  # "2,600" is 2600 and "2.6" is 2.6
SPACE_GROUPS = False
ONE_ARTICLES = frozenset()  # "a"/"an" are not number words to text2num
CONNECTORS = frozenset({"and"})  # "two hundred and five"
SCALES = {"thousand": 1_000, "million": 1_000_000, "millions": 1_000_000, "billion": 10**9,
          "billions": 10**9, "trillion": 10**12, "bn": 10**9}
PLURAL_SCALES = frozenset({"millions", "billions", "thousands", "hundreds"})
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
APPROX_CUES = ("about", "around", "nearly", "almost", "some", "approximately", "roughly",
               "more than", "over", "at least", "less than", "fewer than", "up to", "under",
               "an estimated", "estimated", "close to", "upwards of", "in excess of", "no fewer than",
               "no more than", "at most", "above", "below")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "above")
MONTHS_CAPITALISED = True  # "may" and "march" are verbs too: only "May", "March" are months
DATE_LINKS = ("of",)  # "5th of May"
MONTH_FIRST = True  # "May 5, 2023" (and "5 May 2023")
NEGATION = NEG_CUES
# REPORTING ("said": the day it was said is no day of the event) and REPORTS (also "vowed",
# "warned": who speaks) are those of reviewer.lang.en, imported above.

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
# Counted things, by word prefix -> a language-neutral concept; "people" is the generic one.
CONCEPTS = {"dead": "dead", "die": "dead", "died": "dead", "death": "dead", "kill": "dead", "fatalit": "dead",
            "lives": "dead", "bodies": "dead", "injur": "injured", "wound": "injured", "hurt": "injured",
            "missing": "missing", "people": "people", "person": "people", "resident": "population",
            "inhabitant": "population", "population": "population", "worker": "workers",
            "employee": "workers", "soldier": "soldiers", "troop": "soldiers", "fighter": "soldiers",
            "vote": "votes", "ballot": "votes", "passenger": "passengers", "child": "children",
            "arrest": "arrested", "detain": "arrested", "hostage": "hostages", "evacuat": "evacuated",
            "displaced": "displaced", "homeless": "displaced", "house": "buildings", "home": "buildings",
            "building": "buildings", "seat": "seats", "attacker": "attackers", "gunmen": "attackers",
            "assailant": "attackers", "suspect": "suspects", "crew": "crew", "rescuer": "rescuers"}
CONCEPTS.update({  # issue 14: thieves (those who did it), things taken, railway cars
    "thie": "attackers", "robber": "attackers", "burglar": "attackers", "item": "items", "jewel": "items",
    "artefact": "items", "artifact": "items", "coach": "carriages", "carriage": "carriages", "bogie": "carriages",
    "wagon": "carriages"
})
CONCEPTS.update({  # stop 25: ambulances, firefighters and their engines, foreigners, nationalities
    "capacity": "seats",  # what a place holds: its seats
    "critical": "critical",  # in a critical condition: a fate
    "ambulance": "ambulances",
    "firefighter": "firefighters", "fireman": "firefighters", "firemen": "firefighters",
    "fire engine": "fire engines", "fire tender": "fire engines", "fire truck": "fire engines",
    "fire appliance": "fire engines", "foreigner": "foreigners", "foreign national": "foreigners",
    "nationalit": "nationalities",
})
CONCEPTS.update({  # stop 26: a serious condition is told as a critical one (es/pt "estado grave" already were)
    "serious condition": "critical", "seriously injur": "critical", "seriously wound": "critical",
    "seriously hurt": "critical", "gravely injur": "critical", "gravely wound": "critical", "life-threatening": "critical",
})
CONCEPTS.update({  # stop 26: bodies are the dead; survivors a count of their own
    "survivor": "survivors",
})
CONCEPTS.update({  # stop 26: journalists and players, groups a report counts ("20 periodistas" / "21 jornalistas")
    "journalist": "journalists", "reporter": "journalists", "player": "players", "footballer": "players",
})
# Units of measurement -> pint unit names.
UNIT_WORDS = {"km": "kilometer", "kilometer": "kilometer", "kilometre": "kilometer", "kilometers": "kilometer",
              "kilometres": "kilometer", "mile": "mile", "miles": "mile", "m": "meter", "meter": "meter",
              "meters": "meter", "metre": "meter", "metres": "meter", "feet": "foot", "foot": "foot",
              "ft": "foot", "kg": "kilogram", "kilograms": "kilogram", "tons": "metric_ton", "tonnes": "metric_ton",
              "ton": "metric_ton", "tonne": "metric_ton",  # "a 200,000-ton ship" (stop 24)
              "pounds": "pound", "lbs": "pound", "cm": "centimeter", "inches": "inch", "mph": "mile/hour",
              "km/h": "kilometer/hour", "knots": "knot", "hectares": "hectare", "acres": "acre"}
PERCENT_WORDS = ("percent", "per cent", "%", "percentage points")
DURATION_UNITS = {"second": 1 / 60, "seconds": 1 / 60, "minute": 1, "minutes": 1, "hour": 60, "hours": 60,
                  "day": 1440, "days": 1440, "week": 10080, "weeks": 10080}
ONE_WORDS = frozenset({"a", "an", "one"})  # "an hour"
COUNT_OF = ("of",)  # a round count and its unit: "une trentaine de kilomètres" (engine.xfacts, stop 25)
ANOTHER_WORDS = ("another", "further")  # "and another 25": a figure of the same kind as the one before (engine.xfacts, stop 25)
HALF_WORDS = ("half",)  # "half a mile", "medio kilómetro": half of one unit of length (engine.xfacts, stop 24)
DURATION_JOINERS = frozenset({"and"})
DAYPARTS = ()  # weekday compounds ("Sonntagmorgen"): none in English
CLOCK_SUFFIXES = {"a.m.": 0, "am": 0, "a.m": 0, "p.m.": 12, "pm": 12, "p.m": 12}
LOCAL_TIME = ("local time",)  # "07.15 local time": a time of day (engine.dates, stop 25)
ZONE_WORDS = {"Greenwich Mean Time": "GMT", "Brasilia time": "BRT", "Brasília time": "BRT"}
PLAN_WORDS = ("was due to", "is due to", "were due to", "are due to", "scheduled to", "was to", "were to", "had planned to")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("after", "before", "by", "until", "since", "past")  # "shortly after 2 a.m.": a bound, not the time
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"morning": (0, 720), "afternoon": (720, 1080), "evening": (1020, 1410), "night": (1260, 1800),
             "overnight": (1260, 1800), "midnight": (1410, 1470), "noon": (705, 735), "midday": (690, 750)}
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = ("left", "remaining")  # "30 hours of fuel left": what remains, not the total
VAGUE_COUNTS = {"dozens": 10, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}  # "thousands of people"
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = {"year": 525_960, "years": 525_960, "month": 43_830, "months": 43_830}
MAGNITUDE_WORDS = ("magnitude",)  # a number right after (or before) one is a quake's magnitude (issue 14)
# Issue 14: a span of years that is someone's age ("a 70-year-old", "aged 70"): words right
# after the year word or before the figure; a figure alone between commas after a name is one too.
AGE_AFTER = ("old",)
AGE_BEFORE = ("aged",)
# Stop 24: an age before a noun is that noun's ("a 60-year-old bridge" is no one's age): only a
# noun for a person (PERSON_NOUNS, word starts) takes one; an age with no noun after it stands for
# a person ("a 34-year-old was held"). A noun here is a word not in AGE_NOT_NOUNS and not ending
# in one of AGE_NOT_NOUN_ENDINGS (English marks nouns by no capital).
PERSON_NOUNS = ("man", "men", "woman", "women", "boy", "girl", "child", "son", "daughter", "father", "mother",
                "husband", "wife", "brother", "sister", "person", "people", "driver", "pilot", "passenger",
                "suspect", "victim", "gunman", "attacker", "officer", "soldier", "worker", "resident",
                "student", "teacher", "doctor", "nurse", "farmer", "fisherman", "tourist", "mayor", "leader",
                "player", "captain", "crew", "guard", "survivor", "veteran", "widow", "retiree", "local",
                "american", "british", "french", "german", "mechanic", "engineer", "journalist", "reporter")
AGE_NOT_NOUNS = _STOPWORDS | _AUX | REPORTS
AGE_NOT_NOUN_ENDINGS = ("ed", "ly")
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = ("to", "or")
RANGE_AND = ("and",)
RANGE_OPENERS = ("between",)
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"announced", "confirmed", "posted", "briefed"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = tuple(sorted(MOTION_WORDS))
DISTANCE_LEFT_BEFORE = tuple(sorted(REMAINING_BEFORE))
DISTANCE_LEFT_AFTER = tuple(sorted(REMAINING_AFTER))
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = ("toll",)
TOLL_VERBS = tuple(sorted(_TOLL_VERBS))
