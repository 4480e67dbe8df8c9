"""Spanish: calendar words, negation cues, number conventions (read by reviewer.lang.numbers/dates/negation)."""

CODE = "es"
TEXT2NUM = "es"  # language code text2num reads number words in
DECIMAL, THOUSANDS = ",", "."  # "2,6" is 2.6 and "2.600" is 2600 (Mexico writes "2.6": read as 2.6 too)
SPACE_GROUPS = False  # a plain space is not a thousands separator
ONE_ARTICLES = frozenset({"un", "una", "uno", "unos", "unas"})  # "one" only with a scale ("un millón") or a digit
CONNECTORS = frozenset({"y"})  # "treinta y seis"
SCALES = {"mil": 1_000, "mil millones": 1_000_000_000, "millón": 1_000_000, "millon": 1_000_000, "millones": 1_000_000,
          "millardo": 1_000_000_000, "millardos": 1_000_000_000, "billón": 10**12, "billones": 10**12}
PLURAL_SCALES = frozenset({"millones", "millardos", "billones", "miles", "cientos"})  # "millones de", "miles de" alone are vague
ORDINAL_SUFFIXES = ("º", "ª", ".º", ".ª", "er", "ro", "do", "to", "vo", "no")
APPROX_CUES = ("casi", "cerca de", "alrededor de", "unos", "unas", "aproximadamente", "más de",
               "menos de", "al menos", "por lo menos", "hasta", "en torno a", "poco más de",
               "poco menos de", "aprox.", "un estimado de", "como mínimo", "como máximo")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("más de", "al menos", "por lo menos", "como mínimo", "poco más de")
WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
            "sábado": 5, "sabado": 5, "domingo": 6}
MONTHS = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
          "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
          "diciembre": 12}
DATE_LINKS = ("de", "del")  # "5 de mayo de 2023"
MONTH_FIRST = False  # the day comes before the month
NEGATION = frozenset({"no", "nunca", "jamás", "ni", "sin", "nadie", "ningún", "ninguno", "ninguna",
                      "ningunos", "ningunas", "nada", "tampoco", "negó", "niega", "negaron",
                      "niegan", "desmintió", "desmiente", "desmintieron"})

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
CONCEPTS = {"muert": "dead", "fallec": "dead", "murieron": "dead", "muri": "dead", "víctimas mortales": "dead",
            "herid": "injured", "lesionad": "injured", "desaparecid": "missing", "persona": "people",
            "gente": "people", "habitante": "population", "residente": "population", "población": "population",
            "trabajador": "workers", "obrero": "workers", "empleado": "workers", "soldado": "soldiers",
            "militar": "soldiers", "combatiente": "soldiers", "tropas": "soldiers", "voto": "votes",
            "papeleta": "votes", "pasajero": "passengers", "niño": "children", "menor": "children",
            "detenid": "arrested", "arrestad": "arrested", "rehén": "hostages", "rehenes": "hostages",
            "evacuad": "evacuated", "desplazad": "displaced", "vivienda": "buildings", "casa": "buildings",
            "edificio": "buildings", "asiento": "seats", "atacante": "attackers", "agresor": "attackers",
            "sospechos": "suspects", "tripulante": "crew", "rescatista": "rescuers"}
CONCEPTS.update({  # issue 14: thieves (those who did it), things taken, railway cars
    "ladrón": "attackers", "ladrones": "attackers", "asaltante": "attackers", "joya": "items", "objeto": "items", "vagón": "carriages",
    "vagones": "carriages"
})
CONCEPTS.update({  # stop 25: ambulances, firefighters and their engines, foreigners, nationalities
    "matar": "dead", "mató": "dead", "matado": "dead",  # killed ("mataron a 5")
    "perdieron la vida": "dead", "perdió la vida": "dead", "perdido la vida": "dead",  # lost their lives: the dead
    "capacidad": "seats", "aforo": "seats",  # what a place holds: its seats
    "estado crítico": "critical", "condición crítica": "critical", "estado grave": "critical",  # in a critical condition: a fate
    "ambulancia": "ambulances",
    "bombero": "firefighters", "autobomba": "fire engines", "camiones de bomberos": "fire engines",
    "camiones antiincendios": "fire engines", "vehículos de bomberos": "fire engines",
    "extranjeros$": "foreigners", "extranjeras$": "foreigners", "nacionalidad": "nationalities",
})
CONCEPTS.update({  # stop 26: a serious condition is told as a critical one ("estado grave" already was)
    "gravemente herid": "critical", "heridos de gravedad": "critical", "heridas de gravedad": "critical",
    "heridos graves": "critical", "heridas graves": "critical",
})
CONCEPTS.update({  # stop 26: bodies are the dead; survivors a count of their own
    "cadáver": "dead", "cadaver": "dead", "supervivient": "survivors", "sobrevivient": "survivors",
})
CONCEPTS.update({  # stop 26: journalists and players, groups a report counts ("20 periodistas" / "21 jornalistas")
    "periodista": "journalists", "reportero": "journalists", "jugador": "players", "futbolista": "players",
})
BODY_WORDS = ("cuerpos",)  # "31 cuerpos": the dead, not "los cuerpos de seguridad" (engine.xfacts, stop 26)
UNIT_WORDS = {"km": "kilometer", "kilómetro": "kilometer", "kilómetros": "kilometer", "kilometros": "kilometer",
              "milla": "mile", "millas": "mile", "m": "meter", "metro": "meter", "metros": "meter",
              "pie": "foot", "pies": "foot", "kg": "kilogram", "kilos": "kilogram", "kilogramos": "kilogram",
              "toneladas": "metric_ton", "libras": "pound", "cm": "centimeter", "centímetros": "centimeter",
              "km/h": "kilometer/hour", "nudos": "knot", "hectáreas": "hectare", "acres": "acre"}
PERCENT_WORDS = ("por ciento", "%", "puntos porcentuales")
DURATION_UNITS = {"segundo": 1 / 60, "segundos": 1 / 60, "minuto": 1, "minutos": 1, "hora": 60, "horas": 60,
                  "día": 1440, "días": 1440, "semana": 10080, "semanas": 10080}
ONE_WORDS = frozenset({"un", "una", "uno"})
COUNT_OF = ("de",)  # a round count and its unit: "une trentaine de kilomètres" (engine.xfacts, stop 25)
ANOTHER_WORDS = ("otros", "otras")  # "and another 25": a figure of the same kind as the one before (engine.xfacts, stop 25)
HALF_WORDS = ("medio", "media")  # "half a mile", "medio kilómetro": half of one unit of length (engine.xfacts, stop 24)
DURATION_JOINERS = frozenset({"y"})
DAYPARTS = ()
CLOCK_SUFFIXES = {"h": None, "horas": None, "hrs": None}
LOCAL_TIME = ("hora local", "horas local", "hora peninsular")  # "a las 19.05 hora local" (stop 25)
ZONE_WORDS = {"hora de Greenwich": "GMT", "hora GMT": "GMT", "hora de Brasilia": "BRT", "hora de Brasil": "BRT"}
PLAN_WORDS = ("previsto", "prevista", "programado", "programada", "debía", "tenía que")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("hacia", "después de", "antes de", "desde", "hasta", "sobre")  # "hacia las 21:00"
CLOCK_LEADS = ("las", "la")  # "a las 18.45", "a la 1.30": a time of day, not a decimal
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"madrugada": (0, 420), "noche": (1200, 1800), "mediodía": (690, 750), "medianoche": (1410, 1470)}
# ("mañana" and "tarde" also mean "tomorrow" and "late": not read)
# Verbs of saying (the day or time they were said at is not the event's) and, in REPORTS,
# of vowing or warning too (who speaks: reviewer.engine.recall).
REPORTING = frozenset({"dijo", "dijeron", "dice", "afirmó", "afirmaron", "declaró", "declararon", "señaló",
                       "indicó", "explicó", "añadió", "agregó", "informó", "escribió", "relató", "aseguró"})
REPORTS = REPORTING | frozenset({"prometió", "prometieron", "advirtió", "advirtieron", "subrayó", "insistió",
                                 "anunció", "anunciaron", "denunció", "condenó", "destacó", "recalcó"})
# Words that open the setting of a statement after a verb of saying (engine.features): a day after it is the report's.
SPEECH_SETTINGS = frozenset({"en", "durante", "ante"})  # "dijo durante una rueda de prensa el lunes"
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = ("restante", "quedan", "queda")
VAGUE_COUNTS = {"decenas": 10, "docenas": 10, "cientos": 100, "centenares": 100, "miles": 1_000,
                "millones": 1_000_000}
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = {"año": 525_960, "años": 525_960, "mes": 43_830, "meses": 43_830}
MAGNITUDE_WORDS = ("magnitud",)  # a number right after (or before) one is a quake's magnitude (issue 14)
# Issue 14: a span of years that is someone's age (engine.xfacts): words after the year word / before the figure.
AGE_AFTER = ("de edad",)
AGE_BEFORE = ("edad de",)
# Words that open a street address: "via Verdi, 12," is a house number, not an age.
ADDRESS_WORDS = ("calle", "avenida", "avda", "plaza", "paseo", "carrera", "camino", "ronda")
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = ("a", "o", "u", "al")
RANGE_AND = ("y", "e")
RANGE_OPENERS = ("entre",)
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"anunció", "confirmó", "afirma", "informa", "indica"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = ("avanzado", "avanzaron", "avanzó", "recorrido", "recorrieron", "recorrió", "marcharon")
DISTANCE_LEFT_BEFORE = ("a menos de", "a solo", "a sólo", "a unos", "a unas")
DISTANCE_LEFT_AROUND = (("a", "de"), ("a", "del"))
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = ("balance", "cifra de muertos", "cifra de fallecidos")
TOLL_VERBS = ("a", "en", "de", "alcanzó", "superó")

# --- same-language facts (read by reviewer.engine.facts and engine.evidence, stop 24) -----
# Words before a year that make it the bound of a span ("inhabilitado hasta 2031", "desde 1998").
YEAR_BOUNDS = ("hasta", "desde")
# Bounds of a figure: a floor ("al menos 40"), a ceiling ("hasta 40 heridos"); after a verb of
# rising a ceiling word gives the figure reached ("el balance subió hasta 52").
LOWER_BOUNDS = ("al menos", "por lo menos", "más de", "como mínimo", "no menos de")
UPPER_BOUNDS = ("hasta", "menos de", "como máximo")
RISE_VERBS = ("subió", "subieron", "aumentó", "aumentaron", "ascendió", "ascienden", "asciende", "creció",
              "alcanzó", "llegó", "elevó")
# What a counted word is, as the engine's own terms: people in general and what befell them
# (engine.facts.STATE_TERMS keys: "die", "injur", "missing"...).
HEAD_TERMS = {"víctimas": "victim", "persona": "person", "personas": "person", "muerto": "die", "muertos": "die", "muertas": "die",
              "fallecidos": "die", "fallecidas": "die", "murieron": "die", "fallecieron": "die",
              "herido": "injur", "heridos": "injur", "heridas": "injur", "lesionados": "injur",
              "desaparecidos": "missing", "desaparecidas": "missing", "evacuados": "evacu",
              "rescatados": "rescu", "detenidos": "arrest", "arrestados": "arrest", "rehenes": "hostag"}
# Articles and prepositions the English stopwords leave in a count's head ("quattro le vittime",
# "13 il bilancio"): never the counted thing.
HEAD_SKIP = ("el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "con", "por", "para", "y", "o", "que", "se", "su", "sus")
# Issue 12/14 (stop 24): nouns of a round, approximate count, read as a hedged number after an
# indefinite article ("una treintena de heridos"; lang.numbers); the plural forms stay VAGUE_COUNTS.
ROUND_COUNTS = {"decena": 10, "docena": 12, "quincena": 15, "veintena": 20, "treintena": 30,  # not "cuarentena": quarantine
                "cincuentena": 50, "centenar": 100, "millar": 1_000}
# Issue 12 (stop 24): definite articles, passed over between a figure and what it counts
# ("sono quattro le vittime", "son treinta los heridos": engine.facts).
ARTICLES = ("el", "la", "los", "las")
