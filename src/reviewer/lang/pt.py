"""Portuguese: calendar words, negation cues, number conventions (read by reviewer.lang.numbers/dates/negation)."""

CODE = "pt"
TEXT2NUM = "pt"
DECIMAL, THOUSANDS = ",", "."  # "2,6" is 2.6 and "2.600" is 2600
SPACE_GROUPS = False
ONE_ARTICLES = frozenset({"um", "uma", "uns", "umas"})
CONNECTORS = frozenset({"e"})  # "vinte e seis"
SCALES = {"mil": 1_000, "milhão": 1_000_000, "milhao": 1_000_000, "milhões": 1_000_000,
          "milhoes": 1_000_000, "bilhão": 1_000_000_000, "bilhões": 1_000_000_000,
          "mil milhões": 1_000_000_000}
PLURAL_SCALES = frozenset({"milhões", "milhoes", "bilhões"})
ORDINAL_SUFFIXES = ("º", "ª", ".º", ".ª", "°")
APPROX_CUES = ("cerca de", "quase", "mais de", "pelo menos", "menos de", "até", "aproximadamente",
               "por volta de", "uns", "umas", "perto de", "em torno de", "ao menos", "no mínimo",
               "no máximo")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("mais de", "pelo menos", "ao menos", "no mínimo")
# The bare "segunda"/"terça"... are also ordinals: only the "-feira" forms are weekdays.
WEEKDAYS = {"segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
            "quinta-feira": 3, "sexta-feira": 4, "sábado": 5, "sabado": 5, "domingo": 6}
MONTHS = {"janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5,
          "junho": 6, "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11,
          "dezembro": 12}
DATE_LINKS = ("de",)  # "5 de maio de 2023"
MONTH_FIRST = False
NEGATION = frozenset({"não", "nao", "nunca", "jamais", "nenhum", "nenhuma", "ninguém", "nada",
                      "sem", "nem", "tampouco", "negou", "nega", "negaram", "desmentiu",
                      "desmente"})

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
CONCEPTS = {"mort": "dead", "falec": "dead", "vítimas mortais": "dead", "ferid": "injured",
            "desaparecid": "missing", "pessoa": "people", "gente": "people", "habitante": "population",
            "moradores": "population", "população": "population", "trabalhador": "workers",
            "operário": "workers", "funcionário": "workers", "soldado": "soldiers", "militar": "soldiers",
            "combatente": "soldiers", "tropas": "soldiers", "voto": "votes", "passageiro": "passengers",
            "criança": "children", "detid": "arrested", "presos": "arrested", "reféns": "hostages",
            "refém": "hostages", "evacuad": "evacuated", "desalojad": "displaced", "desabrigad": "displaced",
            "casa": "buildings", "edifício": "buildings", "prédio": "buildings", "lugares": "seats",
            "assentos": "seats", "atacante": "attackers", "agressor": "attackers", "suspeit": "suspects",
            "tripulante": "crew", "socorrista": "rescuers"}
CONCEPTS.update({  # issue 14: thieves (those who did it), things taken, railway cars
    "ladrão": "attackers", "ladrões": "attackers", "assaltante": "attackers", "joia": "items", "objeto": "items",
    "vagão": "carriages", "vagões": "carriages"
})
CONCEPTS.update({  # stop 25: ambulances, firefighters and their engines, foreigners, nationalities
    "perderam a vida": "dead", "perdeu a vida": "dead",  # lost their lives: the dead
    "capacidade": "seats",  # what a place holds: its seats
    "estado crítico": "critical", "condição crítica": "critical", "estado grave": "critical",  # in a critical condition: a fate
    "ambulância": "ambulances",
    "bombeiro": "firefighters", "carros de bombeiros": "fire engines", "caminhões de bombeiros": "fire engines",
    "estrangeiros$": "foreigners", "estrangeiras$": "foreigners", "nacionalidade": "nationalities",
})
CONCEPTS.update({  # stop 26: a serious condition is told as a critical one ("estado grave" already was)
    "gravemente ferid": "critical", "feridos graves": "critical", "feridas graves": "critical",
})
CONCEPTS.update({  # stop 26: bodies are the dead; survivors a count of their own
    "cadáver": "dead", "cadaver": "dead", "sobrevivent": "survivors",
    "morre": "dead", "matou": "dead", "mataram": "dead", "matar": "dead",  # "morreram 40 pessoas", "matou 40 pessoas"
})
CONCEPTS.update({  # stop 26: journalists and players, groups a report counts ("20 periodistas" / "21 jornalistas")
    "jornalista": "journalists", "repórter": "journalists", "jogador": "players", "futebolista": "players",
})
BODY_WORDS = ("corpos",)  # "31 corpos": the dead, not "os corpos de bombeiros" (engine.xfacts, stop 26)
UNIT_WORDS = {"km": "kilometer", "quilômetro": "kilometer", "quilômetros": "kilometer", "quilómetros": "kilometer",
              "milha": "mile", "milhas": "mile", "m": "meter", "metro": "meter", "metros": "meter", "pé": "foot",
              "pés": "foot", "kg": "kilogram", "quilos": "kilogram", "toneladas": "metric_ton",
              "libras": "pound", "cm": "centimeter", "km/h": "kilometer/hour", "nós": "knot",
              "hectares": "hectare"}
PERCENT_WORDS = ("por cento", "%", "pontos percentuais")
DURATION_UNITS = {"segundo": 1 / 60, "segundos": 1 / 60, "minuto": 1, "minutos": 1, "hora": 60, "horas": 60,
                  "dia": 1440, "dias": 1440, "semana": 10080, "semanas": 10080}
ONE_WORDS = frozenset({"um", "uma"})
COUNT_OF = ("de",)  # a round count and its unit: "une trentaine de kilomètres" (engine.xfacts, stop 25)
ANOTHER_WORDS = ("outros", "outras", "mais")  # "and another 25": a figure of the same kind as the one before (engine.xfacts, stop 25)
HALF_WORDS = ("meio", "meia")  # "half a mile", "medio kilómetro": half of one unit of length (engine.xfacts, stop 24)
DURATION_JOINERS = frozenset({"e"})
DAYPARTS = ()
CLOCK_SUFFIXES = {"h": None, "horas": None}
LOCAL_TIME = ("hora local", "horário local", "hora de Brasília")  # stop 25
ZONE_WORDS = {"hora de Greenwich": "GMT", "de Brasília": "BRT", "horário de Brasília": "BRT", "hora de Brasília": "BRT"}
PLAN_WORDS = ("previsto", "prevista", "deveria", "programado")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("por volta", "depois", "antes", "desde", "até")  # "por volta das 21h"
CLOCK_LEADS = ("às", "as", "das")  # "às 18.45", "por volta das 21.30": a time of day, not a decimal
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"manhã": (0, 720), "noite": (1200, 1800), "madrugada": (0, 420), "meia-noite": (1410, 1470),
             "meio-dia": (690, 750)}  # ("tarde" also means "late": not read)
# Verbs of saying (the day or time they were said at is not the event's) and, in REPORTS,
# of vowing or warning too (who speaks: reviewer.engine.recall).
REPORTING = frozenset({"disse", "disseram", "diz", "afirmou", "afirmaram", "declarou", "declararam", "explicou",
                       "acrescentou", "informou", "escreveu", "relatou", "contou", "indicou"})
REPORTS = REPORTING | frozenset({"prometeu", "prometeram", "alertou", "advertiu", "sublinhou", "garantiu",
                                 "anunciou", "anunciaram", "denunciou", "condenou", "insistiu", "destacou"})
# Words that open the setting of a statement after a verb of saying (engine.features): a day after it is the report's.
SPEECH_SETTINGS = frozenset({"em", "durante", "na", "no"})  # "disse durante uma entrevista na segunda-feira"
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = ("restante", "restam", "resta")
VAGUE_COUNTS = {"dezenas": 10, "dúzias": 10, "centenas": 100, "milhares": 1_000, "milhões": 1_000_000}
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = {"ano": 525_960, "anos": 525_960, "mês": 43_830, "meses": 43_830}
MAGNITUDE_WORDS = ("magnitude",)  # a number right after (or before) one is a quake's magnitude (issue 14)
# Issue 14: a span of years that is someone's age (engine.xfacts): words after the year word / before the figure.
AGE_AFTER = ("de idade",)
AGE_BEFORE = ("idade de",)
# Words that open a street address: "via Verdi, 12," is a house number, not an age.
ADDRESS_WORDS = ("rua", "avenida", "av", "praça", "travessa", "estrada", "largo", "alameda")
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = ("a", "ou", "ao")
RANGE_AND = ("e",)
RANGE_OPENERS = ("entre",)
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"anunciou", "confirmou", "afirma", "informa"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = ("avançou", "avançaram", "avançado", "percorreu", "percorreram", "percorrido", "marcharam")
DISTANCE_LEFT_BEFORE = ("a menos de", "a apenas", "a cerca de")
DISTANCE_LEFT_AROUND = (("a", "de"), ("a", "do"), ("a", "da"))
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = ("balanço",)
TOLL_VERBS = ("a", "para", "de", "atingiu", "superou")

# --- same-language facts (read by reviewer.engine.facts and engine.evidence, stop 24) -----
# Words before a year that make it the bound of a span ("inelegível até 2031", "desde 1998").
YEAR_BOUNDS = ("até", "desde")
# Bounds of a figure: a floor ("pelo menos 40"), a ceiling ("até 40 feridos"); after a verb of
# rising a ceiling word gives the figure reached ("o balanço subiu até 52").
LOWER_BOUNDS = ("pelo menos", "ao menos", "mais de", "no mínimo")
UPPER_BOUNDS = ("até", "menos de", "no máximo")
RISE_VERBS = ("subiu", "subiram", "aumentou", "aumentaram", "cresceu", "chegou", "atingiu", "elevou")
# What a counted word is, as the engine's own terms: people in general and what befell them.
HEAD_TERMS = {"vítimas": "victim", "pessoa": "person", "pessoas": "person", "morto": "die", "mortos": "die", "mortas": "die",
              "mortes": "die", "morreram": "die", "ferido": "injur", "feridos": "injur", "feridas": "injur",
              "desaparecidos": "missing", "evacuados": "evacu", "resgatados": "rescu", "presos": "arrest",
              "detidos": "arrest", "reféns": "hostag"}
# Articles and prepositions the English stopwords leave in a count's head ("quattro le vittime",
# "13 il bilancio"): never the counted thing.
HEAD_SKIP = ("o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "ao", "aos", "à", "às", "por", "pelo", "pela", "com", "e", "ou", "que")
# Issue 12/14 (stop 24): nouns of a round, approximate count, read as a hedged number after an
# indefinite article ("uma dezena de feridos"; lang.numbers); the plural forms stay VAGUE_COUNTS.
ROUND_COUNTS = {"dezena": 10, "dúzia": 12, "duzia": 12, "quinzena": 15, "vintena": 20, "trintena": 30,
                "centena": 100, "milhar": 1_000}
# Issue 12 (stop 24): definite articles, passed over between a figure and what it counts
# ("sono quattro le vittime", "son treinta los heridos": engine.facts).
ARTICLES = ("o", "a", "os", "as")
