"""German: calendar words, negation cues, number conventions (read by reviewer.lang.numbers/dates/negation)."""

CODE = "de"
TEXT2NUM = "de"
DECIMAL, THOUSANDS = ",", "."  # "6,70" is 6.7 and "2.300" is 2300 (Swiss "2'300" too)
SPACE_GROUPS = False
ONE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
CONNECTORS = frozenset()  # "sechsundzwanzig" is one word
SCALES = {"tausend": 1_000, "million": 1_000_000, "millionen": 1_000_000, "mio": 1_000_000,
          "mio.": 1_000_000, "milliarde": 1_000_000_000, "milliarden": 1_000_000_000,
          "mrd": 1_000_000_000}
PLURAL_SCALES = frozenset({"millionen", "milliarden"})
ORDINAL_SUFFIXES = ()  # "5." is told apart by the dates reader
APPROX_CUES = ("rund", "etwa", "circa", "ca.", "zirka", "fast", "knapp", "mehr als", "über",
               "mindestens", "weniger als", "bis zu", "gut", "annähernd", "ungefähr", "beinahe",
               "nahezu", "schätzungsweise", "an die", "um die")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("mehr als", "über", "mindestens")
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
            "samstag": 5, "sonnabend": 5, "sonntag": 6}
MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
          "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
          "dezember": 12}
DATE_LINKS = ()
MONTH_FIRST = False  # "5. Mai 2023"
NEGATION = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                      "niemals", "niemand", "nichts", "ohne", "weder", "dementierte",
                      "dementiert", "bestritt", "bestreitet", "bestritten"})

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
CONCEPTS = {"tot": "dead", "gestorben": "dead", "starb": "dead", "getötet": "dead", "ums leben": "dead", "leiche": "dead",
            "opfer": "dead", "verletz": "injured", "verwundet": "injured", "vermisst": "missing",
            "mensch": "people", "person": "people", "leute": "people", "einwohner": "population",
            "bewohner": "population", "bevölkerung": "population", "arbeiter": "workers",
            "beschäftigte": "workers", "mitarbeiter": "workers", "angestellte": "workers", "soldat": "soldiers",
            "kämpfer": "soldiers", "söldner": "soldiers", "truppe": "soldiers", "stimme": "votes",
            "wähler": "votes", "passagier": "passengers", "fahrgäst": "passengers", "kind": "children",
            "festgenommen": "arrested", "verhaftet": "arrested", "festnahme": "arrested", "geisel": "hostages",
            "evakuiert": "evacuated", "obdachlos": "displaced", "vertrieben": "displaced", "haus": "buildings",
            "häuser": "buildings", "gebäude": "buildings", "wohnung": "buildings", "sitzpl": "seats",
            "plätze": "seats", "angreifer": "attackers", "täter": "attackers", "attentäter": "attackers",
            "verdächtig": "suspects", "besatzung": "crew", "retter": "rescuers", "helfer": "rescuers"}
CONCEPTS.update({  # issue 14: thieves (those who did it), things taken, railway cars
    "dieb": "attackers", "einbrecher": "attackers", "gegenstände": "items", "schmuckstück": "items",
    "objekte": "items", "waggon": "carriages", "wagon": "carriages", "wagen": "carriages"
})
CONCEPTS.update({  # stop 25: ambulances, firefighters and their engines, foreigners, nationalities
    "fassend": "seats", "kapazität": "seats",  # what a place holds: its seats
    "kritischem zustand": "critical", "kritischen zustand": "critical", "lebensgefährlich": "critical",  # in a critical condition: a fate
    "krankenwagen": "ambulances", "rettungswagen": "ambulances",
    "feuerwehrleute": "firefighters", "feuerwehrmänner": "firefighters", "feuerwehrkräfte": "firefighters",
    "löschfahrzeug": "fire engines", "feuerwehrfahrzeug": "fire engines", "löschzüge": "fire engines",
    "ausländer$": "foreigners", "ausländern$": "foreigners", "ausländerinnen$": "foreigners", "nationalität": "nationalities",
})
CONCEPTS.update({  # stop 26: a serious condition is told as a critical one (es/pt "estado grave" already were)
    "schwer verletzt": "critical", "schwerverletzt": "critical", "schwer verwundet": "critical",
    "schwerem zustand": "critical",
})
CONCEPTS.update({  # stop 26: bodies are the dead; survivors a count of their own
    "überlebend": "survivors",
})
CONCEPTS.update({  # stop 26: journalists and players, groups a report counts ("20 periodistas" / "21 jornalistas")
    "journalist": "journalists", "reporter": "journalists", "spieler": "players", "fußballer": "players",
})
UNIT_WORDS = {"km": "kilometer", "kilometer": "kilometer", "kilometern": "kilometer", "meile": "mile",
              "meilen": "mile", "m": "meter", "meter": "meter", "metern": "meter", "fuß": "foot", "fuss": "foot",
              "kg": "kilogram", "kilo": "kilogram", "kilogramm": "kilogram", "tonnen": "metric_ton",
              "pfund": "pound", "cm": "centimeter", "zentimeter": "centimeter", "km/h": "kilometer/hour",
              "knoten": "knot", "hektar": "hectare"}
PERCENT_WORDS = ("prozent", "%", "prozentpunkte")
DURATION_UNITS = {"sekunde": 1 / 60, "sekunden": 1 / 60, "minute": 1, "minuten": 1, "stunde": 60, "stunden": 60,
                  "tag": 1440, "tage": 1440, "tagen": 1440, "woche": 10080, "wochen": 10080}
ONE_WORDS = frozenset({"ein", "eine", "einer", "einem", "einen", "eins"})
ANOTHER_WORDS = ("weitere", "weiteren")  # "and another 25": a figure of the same kind as the one before (engine.xfacts, stop 25)
HALF_WORDS = ("halb", "halbe", "halben", "halber")  # "half a mile", "medio kilómetro": half of one unit of length (engine.xfacts, stop 24)
DURATION_JOINERS = frozenset({"und"})
DAYPARTS = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")  # "Sonntagmorgen"
CLOCK_SUFFIXES = {"uhr": None}
NOT_CLOCK_SUFFIXES = ("am",)  # "um 18:45 am Freitag": "on", not the English "a.m." (stop 26)
LOCAL_TIME = ("Ortszeit", "Uhr Ortszeit")  # stop 25
ZONE_WORDS = {"Uhr MEZ": "CET", "MEZ": "CET", "MESZ": "CEST"}
PLAN_WORDS = ("sollte", "sollten", "planmäßig", "geplant", "vorgesehen")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("gegen", "nach", "vor", "bis", "seit", "ab")  # "gegen 21 Uhr": about, not exactly
CLOCK_LEADS = ("um", "gegen")  # "um 18.45", "gegen 21.30": a time of day, not a decimal
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"vormittag": (420, 720), "nachmittag": (720, 1080), "abend": (1020, 1410), "nacht": (1260, 1800),
             "mitternacht": (1410, 1470)}  # ("morgen" also means "tomorrow": not read)
# Verbs of saying (the day or time they were said at is not the event's) and, in REPORTS,
# of vowing or warning too (who speaks: reviewer.engine.recall).
REPORTING = frozenset({"sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "erklärt", "teilte", "teilten",
                       "berichtete", "berichteten", "schrieb", "schrieben", "meldete", "meldeten", "hieß"})
REPORTS = REPORTING | frozenset({"betonte", "betonten", "warnte", "warnten", "versprach", "versprachen", "kündigte",
                                 "kündigten", "verurteilte", "verurteilten", "bekräftigte", "versicherte", "forderte"})
# Words that open the setting of a statement after a verb of saying (engine.features): a day after it is the report's.
SPEECH_SETTINGS = frozenset({"bei", "auf", "in", "im", "während"})  # "sagte er bei einer Pressekonferenz am Montag"
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = ("verbleibend", "übrig", "restlich")
VAGUE_COUNTS = {"dutzende": 10, "hunderte": 100, "tausende": 1_000, "zehntausende": 10_000,
                "hunderttausende": 100_000, "millionen": 1_000_000}
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = {"jahr": 525_960, "jahre": 525_960, "jahren": 525_960, "monat": 43_830, "monate": 43_830, "monaten": 43_830}
MAGNITUDE_WORDS = ("stärke", "magnitude")  # a number right after (or before) one is a quake's magnitude (issue 14)
# Issue 14: a span of years that is someone's age (engine.xfacts): words after the year word / before
# the figure; AGE_UNITS: a word for "N years old" of its own ("der 70-Jährige").
AGE_AFTER = ("alt", "alte", "alter", "alten")
AGE_BEFORE = ("alter von",)
AGE_UNITS = ("jährige", "jähriger", "jährigen")
# Stop 24: an age before a noun is that noun's ("die 60 Jahre alte Brücke", "der 60-jährige
# Damm"): only a noun for a person (word starts) takes one. German nouns are capitalised.
PERSON_NOUNS = ("mann", "männer", "frau", "junge", "mädchen", "kind", "sohn", "tochter", "vater", "mutter",
                "person", "mensch", "fahrer", "pilot", "passagier", "verdächtig", "opfer", "täter", "angreifer",
                "polizist", "soldat", "arbeiter", "bewohner", "anwohner", "student", "schüler", "lehrer", "arzt",
                "rentner", "tourist", "bürgermeister", "kapitän", "überlebend", "deutsche", "mitarbeiter")
NOUNS_CAPITALISED = True
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = ("bis", "oder")
RANGE_AND = ("und",)
RANGE_OPENERS = ("zwischen",)
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"berichtet", "meldet", "bestätigte", "twitterte", "verkündete", "gab"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = ("vorgerückt", "vorgedrungen", "vorgestoßen", "zurückgelegt", "marschiert", "gefahren", "gelaufen",
                   "geflogen", "rückten", "drangen", "legten", "marschierten", "fuhren", "flogen")
DISTANCE_LEFT_BEFORE = ("bis auf", "nur noch", "innerhalb von")
DISTANCE_LEFT_AFTER = ("vor", "entfernt", "außerhalb")
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = ("todeszahl", "opferzahl", "todesopferzahl", "totenzahl", "zahl der toten")
TOLL_VERBS = ("auf", "bei", "erreichte", "über")

# --- same-language facts (read by reviewer.engine.facts and engine.evidence, stop 24) -----
# Words before a year that make it the bound of a span ("gesperrt bis 2031", "seit 1998").
YEAR_BOUNDS = ("bis", "seit")
# Bounds of a figure: a floor ("mindestens 40"), a ceiling ("bis zu 40 Verletzte"); after a verb of
# rising a ceiling word gives the figure reached ("die Zahl stieg auf bis zu 52").
LOWER_BOUNDS = ("mindestens", "mehr als", "über", "wenigstens")
UPPER_BOUNDS = ("bis zu", "weniger als", "höchstens")
RISE_VERBS = ("stieg", "stiegen", "gestiegen", "kletterte", "wuchs", "erhöhte")
# What a counted word is, as the engine's own terms (a capitalised noun is read as a name, "N:",
# and looked up without it): people in general and what befell them.
HEAD_TERMS = {"opfer": "victim", "menschen": "person", "personen": "person", "tote": "die", "toten": "die", "todesopfer": "die",
              "starben": "die", "verletzte": "injur", "verletzten": "injur", "verletzt": "injur",
              "vermisste": "missing", "vermissten": "missing", "vermisst": "missing", "evakuiert": "evacu",
              "gerettet": "rescu", "festgenommen": "arrest", "geiseln": "hostag"}
# Articles and prepositions the English stopwords leave in a count's head ("quattro le vittime",
# "13 il bilancio"): never the counted thing.
HEAD_SKIP = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "von", "vom", "zu", "zum", "zur", "mit", "bei", "im", "in", "an", "am", "auf", "für", "aus")
# Issue 12/14 (stop 24): nouns of a round, approximate count, read as a hedged number after an
# indefinite article ("ein Dutzend Verletzte"; lang.numbers); the plural forms stay VAGUE_COUNTS.
ROUND_COUNTS = {"dutzend": 12}
# Issue 12 (stop 24): definite articles, passed over between a figure and what it counts
# ("sono quattro le vittime", "son treinta los heridos": engine.facts).
ARTICLES = ("der", "die", "das", "den", "dem", "des")
