"""French: calendar words, negation cues, number conventions (read by reviewer.lang.numbers/dates/negation)."""

CODE = "fr"
TEXT2NUM = "fr"
DECIMAL, THOUSANDS = ",", "."  # "2,6" is 2.6; "1.450" is 1450 (also "1 450" with a space)
SPACE_GROUPS = True  # "100 000" (plain, no-break or narrow no-break space)
ONE_ARTICLES = frozenset({"un", "une"})
CONNECTORS = frozenset({"et"})  # "vingt et un"
SCALES = {"mille": 1_000, "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
          "milliards": 1_000_000_000}
PLURAL_SCALES = frozenset({"millions", "milliards"})
ORDINAL_SUFFIXES = ("er", "re", "e", "ème", "eme", "ᵉ", "ᵉʳ")
APPROX_CUES = ("environ", "près de", "presque", "quelque", "quelques", "plus de", "moins de",
               "au moins", "jusqu'à", "jusqu’à", "autour de", "approximativement", "quasiment",
               "pas moins de", "une estimation de", "au bas mot")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("plus de", "au moins", "pas moins de", "au bas mot")
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
          "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
          "décembre": 12, "decembre": 12}
DATE_LINKS = ()
MONTH_FIRST = False
# "personne" and "plus" deny only after "ne": the "ne"/"n'" itself is the cue there.
NEGATION = frozenset({"ne", "n'", "n’", "pas", "jamais", "aucun", "aucune", "rien", "sans", "ni",
                      "non", "nullement", "guère", "nié", "nie", "nient", "dément", "démenti",
                      "démentent", "a démenti"})

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
CONCEPTS = {"mort": "dead", "tué": "dead", "décéd": "dead", "décès": "dead", "péri": "dead", "vies": "dead",
            "bless": "injured", "disparu": "missing", "personne": "people", "gens": "people",
            "habitant": "population", "résident": "population", "population": "population",
            "travailleur": "workers", "ouvrier": "workers", "salarié": "workers", "employé": "workers",
            "soldat": "soldiers", "militaire": "soldiers", "combattant": "soldiers", "troupes": "soldiers",
            "voix": "votes", "vote": "votes", "suffrage": "votes", "passager": "passengers", "enfant": "children",
            "arrêt": "arrested", "interpell": "arrested", "détenu": "arrested", "otage": "hostages",
            "évacu": "evacuated", "déplacé": "displaced", "sans-abri": "displaced", "maison": "buildings",
            "logement": "buildings", "bâtiment": "buildings", "immeuble": "buildings", "place": "seats",
            "siège": "seats", "assaillant": "attackers", "agresseur": "attackers", "tireur": "attackers",
            "suspect": "suspects", "équipage": "crew", "sauveteur": "rescuers", "secouriste": "rescuers"}
CONCEPTS.update({  # issue 14: thieves (those who did it), things taken, railway cars
    "voleur": "attackers", "cambrioleur": "attackers", "objet": "items", "bijou": "items", "joyau": "items",
    "wagon": "carriages"
})
CONCEPTS.update({  # stop 25: ambulances, firefighters and their engines, foreigners, nationalities
    "capacité": "seats",  # what a place holds: its seats
    "état critique": "critical", "etat critique": "critical",  # in a critical condition: a fate
    "ambulance": "ambulances",
    "pompier": "firefighters", "camions de pompiers": "fire engines", "véhicules de pompiers": "fire engines",
    "étrangers$": "foreigners", "étrangères$": "foreigners", "nationalit": "nationalities",
})
CONCEPTS.update({  # stop 26: a serious condition is told as a critical one (es/pt "estado grave" already were)
    "état grave": "critical", "etat grave": "critical", "grièvement bless": "critical", "gravement bless": "critical",
    "blessés graves": "critical", "blessées graves": "critical",
    "urgence absolue": "critical", "pronostic vital": "critical",
})
CONCEPTS.update({  # stop 26: bodies are the dead; survivors a count of their own
    "cadavre": "dead", "survivant": "survivors", "rescapé": "survivors",
})
CONCEPTS.update({  # stop 26: journalists and players, groups a report counts ("20 periodistas" / "21 jornalistas")
    "journaliste": "journalists", "reporter": "journalists", "joueur": "players", "footballeur": "players",
})
BODY_WORDS = ("corps",)  # "31 corps": the dead, not "un corps d'armée" (engine.xfacts, stop 26)
UNIT_WORDS = {"km": "kilometer", "kilomètre": "kilometer", "kilomètres": "kilometer",
              "milles": "mile", "m": "meter", "mètre": "meter", "mètres": "meter", "pied": "foot",
              "pieds": "foot", "kg": "kilogram", "kilos": "kilogram", "kilogrammes": "kilogram",
              "tonnes": "metric_ton", "livres": "pound", "cm": "centimeter", "centimètres": "centimeter",
              "km/h": "kilometer/hour", "nœuds": "knot", "noeuds": "knot", "hectares": "hectare"}
PERCENT_WORDS = ("pour cent", "pour-cent", "%", "points de pourcentage")
DURATION_UNITS = {"seconde": 1 / 60, "secondes": 1 / 60, "minute": 1, "minutes": 1, "heure": 60, "heures": 60,
                  "jour": 1440, "jours": 1440, "semaine": 10080, "semaines": 10080}
ONE_WORDS = frozenset({"un", "une"})
COUNT_OF = ("de", "d")  # a round count and its unit: "une trentaine de kilomètres" (engine.xfacts, stop 25)
HALF_WORDS = ("demi", "demie")  # "half a mile", "medio kilómetro": half of one unit of length (engine.xfacts, stop 24)
DURATION_JOINERS = frozenset({"et"})
DAYPARTS = ()
CLOCK_SUFFIXES = {"h": None, "heures": None}
LOCAL_TIME = ("heure locale", "heures locales", "heure de Paris", "heure française")  # stop 25
ZONE_WORDS = {"heure de Greenwich": "GMT", "temps universel": "UTC"}
PLAN_WORDS = ("prévu", "prévue", "devait", "programmé", "programmée")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("vers", "après", "avant", "dès", "depuis", "jusqu'à")  # "vers 21h": about, not exactly
CLOCK_LEADS = ("à",)  # "à 18.45": a time of day, not a decimal
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"matin": (0, 720), "matinée": (300, 720), "après-midi": (720, 1080), "soir": (1020, 1410),
             "soirée": (1020, 1410), "nuit": (1260, 1800), "minuit": (1410, 1470)}
# Verbs of saying (the day or time they were said at is not the event's) and, in REPORTS,
# of vowing or warning too (who speaks: reviewer.engine.recall).
REPORTING = frozenset({"dit", "a dit", "déclaré", "déclare", "affirmé", "affirme", "indiqué", "indique", "précisé",
                       "précise", "ajouté", "ajoute", "expliqué", "explique", "écrit", "rapporté", "raconté"})
REPORTS = REPORTING | frozenset({"promis", "promet", "averti", "avertit", "souligné", "souligne", "assuré", "assure",
                                 "annoncé", "annonce", "dénoncé", "dénonce", "condamné", "condamne", "insisté"})
# Words that open the setting of a statement after a verb of saying (engine.features): a day after it is the report's.
SPEECH_SETTINGS = frozenset({"lors", "pendant", "durant", "au"})  # "a déclaré lors d'un point de presse lundi"
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = ("restant", "reste")
VAGUE_COUNTS = {"dizaines": 10, "centaines": 100, "milliers": 1_000, "millions": 1_000_000}
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = {"an": 525_960, "ans": 525_960, "année": 525_960, "années": 525_960, "mois": 43_830}
MAGNITUDE_WORDS = ("magnitude",)  # a number right after (or before) one is a quake's magnitude (issue 14)
# Issue 14: a span of years that is someone's age (engine.xfacts): words after the year word / before the figure.
AGE_AFTER = ()
AGE_BEFORE = ("âgé de", "âgée de", "âgés de", "âgées de")
# Words that open a street address: "via Verdi, 12," is a house number, not an age.
ADDRESS_WORDS = ("rue", "avenue", "boulevard", "bd", "place", "chemin", "allée", "quai", "impasse")
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = ("à", "a", "ou", "au")
RANGE_AND = ("et",)
RANGE_OPENERS = ("entre",)
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"annoncé", "confirmé", "annonce"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = ("parcouru", "avancé", "progressé", "parcourent", "avancent", "parcouraient", "roulé", "marché")
DISTANCE_LEFT_BEFORE = ("à moins de", "à seulement", "à quelque", "à quelques")
DISTANCE_LEFT_AROUND = (("à", "de"), ("à", "du"), ("à", "des"))
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = ("bilan",)
TOLL_VERBS = ("à", "de", "atteint", "dépassé", "franchi")

# --- same-language facts (read by reviewer.engine.facts and engine.evidence, stop 24) -----
# Words before a year that make it the bound of a span ("interdit jusqu'en 2031", "depuis 1998").
YEAR_BOUNDS = ("jusqu'en", "jusqu’en", "depuis")
# Bounds of a figure: a floor ("au moins 40"), a ceiling ("jusqu'à 40 blessés"); after a verb of
# rising a ceiling word gives the figure reached ("le bilan est monté jusqu'à 52").
LOWER_BOUNDS = ("au moins", "plus de", "au minimum")
UPPER_BOUNDS = ("jusqu'à", "jusqu’à", "moins de", "au maximum")
RISE_VERBS = ("monté", "montée", "grimpé", "augmenté", "passé", "atteint", "s'est élevé", "élevé")
# What a counted word is, as the engine's own terms: people in general and what befell them.
HEAD_TERMS = {"victimes": "victim", "personne": "person", "personnes": "person", "mort": "die", "morts": "die", "tués": "die",
              "décès": "die", "blessé": "injur", "blessés": "injur", "blessées": "injur", "disparus": "missing",
              "évacués": "evacu", "secourus": "rescu", "interpellés": "arrest", "arrêtés": "arrest", "otages": "hostag"}
# Articles and prepositions the English stopwords leave in a count's head ("quattro le vittime",
# "13 il bilancio"): never the counted thing.
HEAD_SKIP = ("le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "au", "aux", "à", "en", "et", "ou", "que", "qui", "sur", "par", "pour", "dont")
# Issue 12/14 (stop 24): nouns of a round, approximate count, read as a hedged number after an
# indefinite article ("une soixantaine de morts"; lang.numbers); the plural forms stay VAGUE_COUNTS.
ROUND_COUNTS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,  # not "quarantaine"
                "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1_000}
# Issue 12 (stop 24): definite articles, passed over between a figure and what it counts
# ("sono quattro le vittime", "son treinta los heridos": engine.facts).
ARTICLES = ("le", "la", "les", "l'")
