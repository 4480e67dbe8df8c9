"""Italian: calendar words, negation cues, number conventions (read by reviewer.lang.numbers/dates/negation)."""

CODE = "it"
TEXT2NUM = "it"
DECIMAL, THOUSANDS = ",", "."  # "2,6" is 2.6 and "2.600" is 2600
SPACE_GROUPS = False
ONE_ARTICLES = frozenset({"un", "uno", "una", "un'"})
CONNECTORS = frozenset()  # "ventitré" is one word
SCALES = {"mille": 1_000, "mila": 1_000, "milione": 1_000_000, "milioni": 1_000_000,
          "miliardo": 1_000_000_000, "miliardi": 1_000_000_000}
PLURAL_SCALES = frozenset({"milioni", "miliardi"})
ORDINAL_SUFFIXES = ("º", "ª", "°")
APPROX_CUES = ("circa", "quasi", "oltre", "almeno", "più di", "meno di", "fino a", "intorno a",
               "intorno ai", "attorno a", "quasi", "pressoché", "all'incirca", "poco più di",
               "poco meno di", "una stima di")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("oltre", "almeno", "più di", "poco più di")
WEEKDAYS = {"lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2,
            "giovedì": 3, "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6}
MONTHS = {"gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
          "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12}
DATE_LINKS = ()
MONTH_FIRST = False
NEGATION = frozenset({"non", "mai", "nessuno", "nessuna", "nessun", "niente", "nulla", "senza",
                      "né", "neanche", "nemmeno", "neppure", "negato", "nega", "smentito",
                      "smentisce"})

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
CONCEPTS = {"mort": "dead", "uccis": "dead", "decedut": "dead", "vittime": "dead", "ferit": "injured",
            "dispers": "missing", "person": "people", "gente": "people", "abitant": "population",
            "residenti": "population", "popolazione": "population", "lavorator": "workers",
            "operai": "workers", "dipendent": "workers", "soldat": "soldiers", "militari": "soldiers",
            "combattent": "soldiers", "truppe": "soldiers", "voti": "votes", "voto": "votes",
            "passegger": "passengers", "bambin": "children", "arrestat": "arrested", "fermat": "arrested",
            "ostaggi": "hostages", "evacuat": "evacuated", "sfollat": "displaced", "case": "buildings",
            "edifici": "buildings", "posti": "seats", "aggressor": "attackers", "assalitor": "attackers",
            "sospett": "suspects", "equipaggio": "crew", "soccorritor": "rescuers"}
CONCEPTS.update({  # issue 14: thieves (those who did it), things taken, railway cars
    "ladro": "attackers", "ladri": "attackers", "rapinator": "attackers", "gioiell": "items", "oggett": "items",
    "vagon": "carriages", "carrozz": "carriages"
})
CONCEPTS.update({  # stop 25: ambulances, firefighters and their engines, foreigners, nationalities
    "capienza": "seats",  # what a place holds: its seats
    "condizioni critic": "critical", "stato critic": "critical",  # in a critical condition: a fate
    "ambulanz": "ambulances",
    "vigili del fuoco": "firefighters", "pompier": "firefighters", "autopomp": "fire engines",
    "stranieri$": "foreigners", "straniere$": "foreigners", "nazionalit": "nationalities",
})
CONCEPTS.update({  # stop 26: a serious condition is told as a critical one (es/pt "estado grave" already were)
    "gravi condizioni": "critical", "condizioni gravi": "critical", "gravemente ferit": "critical", "stato grave": "critical",
    "feriti gravi": "critical", "ferite gravi": "critical",
})
CONCEPTS.update({  # stop 26: bodies are the dead; survivors a count of their own
    "cadaver": "dead", "salme": "dead", "sopravvissut": "survivors", "superstit": "survivors",
})
CONCEPTS.update({  # stop 26: journalists and players, groups a report counts ("20 periodistas" / "21 jornalistas")
    "giornalist": "journalists", "giocator": "players", "calciator": "players",
})
BODY_WORDS = ("corpi",)  # "31 corpi": the dead, not "i corpi di polizia" (engine.xfacts, stop 26)
UNIT_WORDS = {"km": "kilometer", "chilometro": "kilometer", "chilometri": "kilometer", "miglio": "mile",
              "miglia": "mile", "m": "meter", "metro": "meter", "metri": "meter", "piedi": "foot",
              "piede": "foot", "kg": "kilogram", "chili": "kilogram", "chilogrammi": "kilogram",
              "tonnellate": "metric_ton", "libbre": "pound", "cm": "centimeter", "km/h": "kilometer/hour",
              "nodi": "knot", "ettari": "hectare"}
PERCENT_WORDS = ("per cento", "%", "punti percentuali")
DURATION_UNITS = {"secondo": 1 / 60, "secondi": 1 / 60, "minuto": 1, "minuti": 1, "ora": 60, "ore": 60,
                  "giorno": 1440, "giorni": 1440, "settimana": 10080, "settimane": 10080}
ONE_WORDS = frozenset({"un", "una", "uno"})
COUNT_OF = ("di",)  # a round count and its unit: "une trentaine de kilomètres" (engine.xfacts, stop 25)
ANOTHER_WORDS = ("altri", "altre")  # "and another 25": a figure of the same kind as the one before (engine.xfacts, stop 25)
HALF_WORDS = ("mezzo", "mezza")  # "half a mile", "medio kilómetro": half of one unit of length (engine.xfacts, stop 24)
DURATION_JOINERS = frozenset({"e"})
DAYPARTS = ()
CLOCK_SUFFIXES = {}
LOCAL_TIME = ("ora locale", "ore locali", "ora italiana")  # stop 25
ZONE_WORDS = {"ora di Greenwich": "GMT"}
PLAN_WORDS = ("previsto", "prevista", "doveva", "programmato")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("verso", "dopo", "prima", "dalle", "fino")  # "verso le 21"
CLOCK_LEADS = ("alle", "le", "all'")  # "alle 18.45", "verso le 21.30": a time of day, not a decimal
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"mattina": (0, 720), "mattino": (0, 720), "mattinata": (300, 720), "pomeriggio": (720, 1080),
             "sera": (1020, 1410), "serata": (1020, 1410), "notte": (1260, 1800), "mezzanotte": (1410, 1470),
             "mezzogiorno": (690, 750)}
# Verbs of saying (the day or time they were said at is not the event's) and, in REPORTS,
# of vowing or warning too (who speaks: reviewer.engine.recall).
REPORTING = frozenset({"detto", "dice", "disse", "dichiarato", "dichiara", "affermato", "afferma", "spiegato",
                       "aggiunto", "riferito", "scritto", "raccontato", "precisato", "riportato"})
REPORTS = REPORTING | frozenset({"promesso", "promette", "avvertito", "sottolineato", "sottolinea", "assicurato",
                                 "annunciato", "annuncia", "denunciato", "condannato", "ribadito", "insistito"})
# Words that open the setting of a statement after a verb of saying (engine.features): a day after it is the report's.
SPEECH_SETTINGS = frozenset({"durante", "in", "nel", "nella", "alla"})  # "ha detto durante una conferenza stampa lunedì"
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = ("rimanent", "restant", "restano")
VAGUE_COUNTS = {"decine": 10, "dozzine": 10, "centinaia": 100, "migliaia": 1_000, "milioni": 1_000_000}
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = {"anno": 525_960, "anni": 525_960, "mese": 43_830, "mesi": 43_830}
MAGNITUDE_WORDS = ("magnitudo",)  # a number right after (or before) one is a quake's magnitude (issue 14)
# Issue 14: a span of years that is someone's age (engine.xfacts): words after the year word / before the figure.
AGE_AFTER = ("di età",)
AGE_BEFORE = ("età di",)
# Words that open a street address: "via Verdi, 12," is a house number, not an age.
ADDRESS_WORDS = ("via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "lungomare")
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = ("a", "o", "od")
RANGE_AND = ("e", "ed")
RANGE_OPENERS = ("tra", "fra")
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"annunciato", "comunicato", "confermato", "annuncia"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = ("percorso", "percorsi", "avanzato", "avanzati", "avanzate", "avanzarono", "percorsero")
DISTANCE_LEFT_BEFORE = ("a meno di", "a soli", "a circa")
DISTANCE_LEFT_AROUND = (("a", "da"), ("a", "dal"), ("a", "dalla"))
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = ("bilancio",)
TOLL_VERBS = ("a", "di", "raggiunto", "superato")

# --- same-language facts (read by reviewer.engine.facts and engine.evidence, stop 24) -----
# Words before a year that make it the bound of a span ("interdetto fino al 2031", "dal 1998").
YEAR_BOUNDS = ("fino al", "sino al", "dal")
# Bounds of a figure: a floor ("almeno 40"), a ceiling ("fino a 40 feriti"); after a verb of
# rising a ceiling word gives the figure reached ("il bilancio è salito fino a 52").
LOWER_BOUNDS = ("almeno", "più di", "oltre")
UPPER_BOUNDS = ("fino a", "meno di", "al massimo")
RISE_VERBS = ("salito", "salita", "saliti", "aumentato", "cresciuto", "arrivato", "giunto")
# What a counted word is, as the engine's own terms: people in general and what befell them.
HEAD_TERMS = {"persona": "person", "persone": "person", "morto": "die", "morti": "die", "vittime": "victim",
              "deceduti": "die", "morirono": "die", "ferito": "injur", "feriti": "injur", "ferite": "injur",
              "dispersi": "missing", "evacuati": "evacu", "soccorsi": "rescu", "arrestati": "arrest",
              "ostaggi": "hostag"}
# Articles and prepositions the English stopwords leave in a count's head ("quattro le vittime",
# "13 il bilancio"): never the counted thing.
HEAD_SKIP = ("il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "di", "del", "dello", "della", "dei", "degli", "delle", "da", "dal", "a", "al", "alla", "ai", "agli", "alle", "in", "nel", "nella", "con", "su", "per", "e", "o", "che")
# Issue 12/14 (stop 24): nouns of a round, approximate count, read as a hedged number after an
# indefinite article ("una ventina di feriti"; lang.numbers); the plural forms stay VAGUE_COUNTS.
ROUND_COUNTS = {"decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30,
                "quarantina": 40, "cinquantina": 50, "sessantina": 60, "centinaio": 100, "migliaio": 1_000}
# Issue 12 (stop 24): definite articles, passed over between a figure and what it counts
# ("sono quattro le vittime", "son treinta los heridos": engine.facts).
ARTICLES = ("il", "lo", "la", "i", "gli", "le", "l'")
