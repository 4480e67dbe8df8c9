"""English: every word list the engine reads (numbers, dates, negation, stopwords,
synonyms, antonyms, roles, reporting verbs). Other languages get a module of their own beside
this one; nothing here names an event."""

from __future__ import annotations

# --- numbers ---------------------------------------------------------------------------
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "single": 1, "both": 2, "dozen": 12,
    "twice": None,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "millions": (2_000_000, 999_999_999), "several": (3, 9), "couple": (2, 3), "few": (2, 6),
    "handful": (2, 6),
}
# "more than five hours" is read as at least five: reporters round, and a strict bound
# would flag "five hours" vs "more than five hours" as a contradiction.
# Number words are facts, not content words: they never count towards two sentences' overlap.
NUMBER_WORDS = frozenset(set(UNITS) | set(SCALES) | set(VAGUE) - {"few", "couple", "several", "single", "both"})
LOWER = {("at", "least"): False, ("more", "than"): False, ("over",): False, ("upwards", "of"): False,
         ("no", "fewer", "than"): False, ("in", "excess", "of"): False, ("above",): False}
UPPER = {("at", "most"): False, ("less", "than"): True, ("fewer", "than"): True, ("up", "to"): False,
         ("under",): True, ("no", "more", "than"): False, ("below",): True}
APPROX = {("nearly",): (0.9, 1.0), ("almost",): (0.9, 1.0), ("about",): (0.9, 1.1),
          ("around",): (0.9, 1.1), ("approximately",): (0.9, 1.1), ("roughly",): (0.9, 1.1),
          ("some",): (0.9, 1.1), ("an", "estimated"): (0.85, 1.15), ("estimated",): (0.85, 1.15),
          ("close", "to"): (0.9, 1.0), ("neared",): (0.9, 1.0), ("nearing",): (0.9, 1.0)}
# Past forms of a figure's rise: "rose up to 40", "has climbed up to 40" give the figure it rose
# to (as "rose to 40"), not a ceiling as "up to 40 guests" does.
RISE_VERBS = frozenset({"reached", "rose", "risen", "climbed", "jumped", "increased", "grown", "grew", "soared",
                        "mounted", "gone"})
# Words after which "one", "a", ... is not a count ("no one", "the one", "each one").
NOT_COUNT_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"}
# A count followed by these is a duration or a date part, not a count of things.
TIME_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
              "weeks", "month", "months", "year", "years", "decade", "decades", "century",
              "centuries"}
# Word endings that mark an adjective ("a wounded soldier"), for the indefinite-article rule.
ADJ_ENDINGS = ("ed", "al", "ful", "ous", "ive", "ic", "ish", "ian", "ese", "less", "able", "ible", "ary", "ern")
# Auxiliaries between a count and its participle ("dozens were injured").
AUX = {"was", "were", "is", "are", "been", "being", "have", "has", "had", "reportedly", "also", "later"}
CLOCK = {"am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "local", "uhr"}  # "uhr": German "20.30 Uhr"
# Words allowed between a number and the content word before it ("killed at least six").
COUNT_LEAD_WORDS = frozenset({"at", "least", "more", "than", "over", "nearly", "almost", "about", "around", "some", "up",
                              "to", "less", "fewer", "under", "roughly", "approximately", "an", "estimated", "close"})
# Words that make "N lives" a count of the dead ("claimed 60 lives", "the loss of 60 lives",
# "60 lives were lost"); "saved 60 lives" stays a count of lives.
LIVES_LOST_CUES = frozenset({"loss", "lost", "claimed", "claiming", "claim", "cost", "costing", "took", "taken", "taking"})
# Words before "May" that make it the month, not the verb.
MAY_MONTH_BEFORE = frozenset({"in", "last", "early", "late", "mid", "since", "of", "until", "by", "next", "this"})
SHORT_MONTHS = frozenset({"mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb", "apr"})
# Hedges before "two weeks ago" that widen the date.
AGO_HEDGES = frozenset({"about", "around", "nearly", "almost", "some"})
AGO_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

# Units of measurement, by the engine's term (Snowball stem) -> a unit name pint knows.
# Two measurements are compared after conversion, with a tolerance for rounding.
MEASURE_UNITS = {
    "km": "kilometer", "kilometr": "kilometer", "kilomet": "kilometer", "mile": "mile", "mi": "mile",
    "m": "meter", "metr": "meter", "meter": "meter", "cm": "centimeter", "mm": "millimeter",
    "feet": "foot", "foot": "foot", "ft": "foot", "inch": "inch", "yard": "yard", "nautic": "nautical_mile",
    "kg": "kilogram", "kilogram": "kilogram", "tonn": "metric_ton", "ton": "metric_ton", "lb": "pound",
    "hour": "hour", "hr": "hour", "minut": "minute", "min": "minute",
    "mph": "mile / hour", "kph": "kilometer / hour", "kmh": "kilometer / hour", "knot": "knot",
    "acr": "acre", "hectar": "hectare", "litr": "liter", "liter": "liter", "gallon": "gallon",
}
# "N m": metres or millions (engine.facts). Words after "m" that make it metres whatever the
# sentence ("a 300m-long pier", "40 m deep"):
DIMENSION_WORDS = frozenset({"long", "high", "tall", "deep", "wide", "away", "above", "below", "length", "height",
                             "depth", "width"})
# Words after "m" that open a measurement ("600m of cable", "30m from the bank") as well as an
# amount ("8m of funding", "3m in aid", "2m from donors"): metres only in a sentence of LENGTH_WORDS
# and of no AMOUNT_WORDS.
DIMENSION_PREPOSITIONS = frozenset({"of", "in", "from", "across", "down", "up", "under", "into"})
# A sentence that speaks of length, depth, height or a way: places, things that stretch, moves.
LENGTH_WORDS = DIMENSION_WORDS | frozenset({
    "distance", "altitude", "elevation", "diameter", "radius", "beneath", "underground", "underwater",
    "air", "sky", "surface", "seabed", "seafloor", "floor", "ground", "water", "waters", "sea", "shore", "coast",
    "coastline", "beach", "bank", "river", "road", "street", "track", "tracks", "rail", "tunnel", "cable", "pipe",
    "pipeline", "wall", "fence", "runway", "bridge", "tower", "cliff", "hill", "slope", "summit", "shaft",
    "metres", "meters", "metre", "meter", "kilometres", "kilometers", "km", "feet", "foot", "ft", "miles", "yards",
    "ravine", "gorge", "canyon", "valley", "inland", "offshore", "upstream", "downstream", "deeper", "higher",
    "climbed", "dived", "dove", "plunged", "fell", "rose", "dropped", "sank", "lifted", "flew", "swam", "walked",
    "stretch", "stretched", "stretches", "stretching", "extends", "extended", "lies", "buried"})
# A sentence about money or other amounts: "m" is millions ("8m of funding", "it cost 5m",
# "sales reached 7m in May"), and so is any figure after a currency sign in it.
AMOUNT_WORDS = frozenset({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "rupee", "rupees",
    "franc", "francs", "rouble", "roubles", "ruble", "rubles", "won", "peso", "pesos", "dinar", "dinars", "riyal",
    "riyals", "dirham", "dirhams", "shekel", "shekels", "lira", "cash", "money", "funding", "fund", "funds",
    "funded", "aid", "budget", "budgets", "cost", "costs", "costing", "paid", "pay", "pays", "paying", "payment",
    "payments", "worth", "revenue", "revenues", "sales", "profit", "profits", "losses", "debt", "debts", "loan",
    "loans", "grant", "grants", "investment", "investments", "invested", "investor", "investors", "donation",
    "donations", "donated", "donor", "donors", "compensation", "damages", "bonus", "bonuses", "salary",
    "salaries", "wages", "pension", "pensions", "price", "prices", "priced", "spend", "spending", "spent",
    "contract", "contracts", "shares", "valued", "valuation", "tax", "taxes", "ransom", "reward", "subsidy",
    "subsidies", "insurance", "insured", "earned", "earnings", "income", "turnover", "fee", "fees", "fined",
    "viewers", "users", "subscribers", "followers", "voters", "votes", "ballots", "barrels", "doses", "tonnes",
    "tons", "customers", "downloads", "views", "visitors", "inhabitants", "population", "households"})
# How many a place holds, by the engine's terms: in the head ("a 7,000-seat hall", "a capacity of
# 7,000") or the verb before the count ("can hold 5,500 people", "seats 6,000 fans").
CAPACITY_HEADS = frozenset({"seat", "capac"})
CAPACITY_VERBS = frozenset({"hold", "accommod", "seat", "fit"})
# Fractions of a whole ("a sixth of the farms", "one third of the homes").
FRACTION_WORDS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6, "tenth": 0.1}
# Words that join the two ends of a range ("45 to 60", "between 30 and 40").
RANGE_JOINERS = frozenset({"to", "and"})
RANGE_OPENERS = frozenset({"between", "from"})
# Characters used between groups of thousands ("10 000", thin spaces).
THOUSANDS_SPACES = frozenset({" ", "\u2009", "\u202f", "\u00a0"})

# Words that limit a count to part of the whole ("47% of the votes at home",
# "the turnout abroad"): a count so limited and one limited otherwise count different things.
# Words with the same scope share a value ("outside the country" = "abroad").
SCOPE_WORDS = {"inside": "home", "domestic": "home", "domestically": "home", "locally": "home",
               "outside": "abroad", "abroad": "abroad", "overseas": "abroad", "international": "abroad",
               "internationally": "abroad", "nationwide": "all", "among": "among", "excluding": "excluding",
               "including": "including"}
# Words that mark a figure as an update of an earlier one ("the toll rose to 95", "so far").
UPDATE_WORDS = frozenset({"rose", "risen", "rising", "climbed", "increased", "jumped", "latest", "updated",
                          "revised", "preliminary", "initial", "initially"})
UPDATE_PHRASES = (("so", "far"), ("as", "of"), ("has", "risen"), ("has", "climbed"))

# --- dates -----------------------------------------------------------------------------
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "oct": 10, "nov": 11, "dec": 12}

# --- negation --------------------------------------------------------------------------
NEG_CUES = {"not", "no", "never", "n't", "without", "nobody", "none", "neither", "nor", "nothing",
            "cannot", "deny", "denied", "denies", "denying"}
# "no group immediately claimed": a determiner denies its noun and the verb after it (adverbs
# are passed over); "nobody", "nothing", "none" deny only the verb ("nothing was found").
DETERMINER_NEGATIONS = frozenset({"no", "neither"})
# Before a prefix negation, these make it a statement ("was unharmed", "remained unhurt"); an
# attributive use ("the uncounted votes") describes, it does not deny.
PREDICATIVE = frozenset({"was", "were", "is", "are", "be", "been", "being", "remain", "remained", "remains",
                         "left", "appeared", "seemed", "escaped", "emerged", "went", "got"})

# --- words, synonyms, antonyms ---------------------------------------------------------
STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for from in into on onto to with without
    within about above after against along among around before behind below beneath beside
    between beyond during except inside near off out outside over past since through
    throughout toward towards under until up upon via is are was were be been being am do
    does did doing have has had having will would shall should can could may might must
    it its it's this that these those there here he she they we i you me him her them us
    my your his our their who whom whose which what when where why how all any both each
    few more most other some such no nor not only own same too very just also now even
    still yet already again once ever further while because although though whether
    said says say saying told tells tell added adding according stated statement
    al el ul ad ed mr mrs ms dr one another s t 's
    """.split()
)

# Irregular past forms -> their verb (Snowball leaves "lost" and "lose" apart): "the ship lost
# power" / "the ship did not lose power" deny one predicate. Read after SYNONYMS, never over it.
IRREGULAR_FORMS = {
    "lose": "lost", "fall": "fell fallen", "sink": "sank sunk", "take": "took taken", "give": "gave given",
    "win": "won", "hold": "held", "send": "sent", "build": "built", "fly": "flew flown", "rise": "rose risen",
    "seek": "sought", "speak": "spoke spoken", "throw": "threw thrown", "drive": "drove driven",
    "bring": "brought", "keep": "kept", "meet": "met", "pay": "paid", "catch": "caught", "fight": "fought",
    "freeze": "froze frozen", "shake": "shook shaken", "sell": "sold", "tear": "tore torn", "blow": "blew blown",
    "know": "knew known", "shoot": "shot shots", "find": "found", "hide": "hid hidden", "swim": "swam swum",
    "choose": "chose chosen", "forbid": "forbade forbidden", "withdraw": "withdrew withdrawn", "bear": "bore borne",
}
# Forms above that are also nouns: right after a figure, a scale word or an article they are
# the noun, with a term of their own ("40 billion won", "the won fell", "a rose", "roses").
FORM_NOUNS = frozenset({"won", "rose"})
FORM_NOUN_MARKERS = frozenset({"a", "an", "the", "per", "each", "every", "hundred", "thousand", "million", "billion",
                               "trillion", "m", "bn", "tn"})

SYNONYMS = {
    "die": "kill killed killing dead die died death deaths dies dying fatal fatality fatalities drown drowned perish perished",
    "injur": "injur injured injuring injuries injury wound wounded wounding hurt harm harmed",
    "attack": "attack attacked assault assaulted",
    "condemn": "condemn condemned denounce denounced lambast lambasted decry decried criticise criticize criticised criticized",
    "person": "person persons people individual individuals",
    "protester": "protester protesters protestor protestors demonstrator demonstrators",
    "protest": "protest protests protesting protested demonstration demonstrations rally rallies",
    "home": "home homes house houses =residence =residences dwelling dwellings",
    "drone": "drone drones uav uavs",
    "missil": "missile missiles rocket rockets",
    "say": "tweet tweeted twitter",
    "rob": "rob robbed robbing robber robbers robbery robberies heist",
    "steal": "steal stole stolen theft thief thieves",
    "arrest": "arrest arrested detain detained detention",
    "flee": "flee fled fleeing escape escaped escaping",
    "fire": "fire fires blaze blazes flame flames inferno",
    "quake": "quake quakes earthquake earthquakes tremor tremors",
    "flood": "flood floods flooding flooded",
    "rain": "rain rains rainfall downpour downpours",
    "destroy": "destroy destroyed destruction collapse collapsed flatten flattened",
    "weapon": "weapon weapons gun guns pistol pistols rifle rifles firearm firearms",
    "staff": "staff employee employees worker workers personnel crew crews",
    "car": "car cars vehicle vehicles",
    "ship": "ship ships vessel vessels boat boats",
    "descent": "descent descents descend descended descending dive dives diving dived",
    "start": "start started starting begin began begun broke",
    "forecast": "forecast forecasts expect expected predict predicted",
    "search": "search searching searched hunt hunting hunted look",
    "contract": "contract contracts deal deals agreement",
    "hospit": "hospital hospitals",
    "vote": "vote votes voting voter voters ballot",
    "elect": "election elections poll polls",
    "seat": "seat seats",
    "missing": "missing disappeared unaccounted",
    "hit": "hit hits hitting struck strike strikes striking",
    "particip": "participation participate participated participating turnout",
}

# Pairs of words that cannot both be true of the same thing (de Marneffe et al.'s antonym
# contradictions). General verbs and adjectives of news, by word; compared as terms.
ANTONYMS = [
    ("acquitted", "convicted"), ("acquit", "convict"), ("guilty", "innocent"), ("won", "lost"), ("win", "lose"),
    ("rose", "fell"), ("increased", "decreased"), ("rise", "fall"), ("opened", "closed"), ("open", "closed"),
    ("accepted", "rejected"), ("approved", "rejected"), ("confirmed", "denied"), ("admitted", "denied"),
    ("alive", "dead"), ("survived", "died"), ("arrested", "released"), ("freed", "detained"),
    ("suspended", "continue"), ("suspended", "resumed"), ("cancelled", "held"), ("resigned", "remain"),
    ("cancelled", "continued"), ("canceled", "continued"), ("closed", "reopened"), ("closed", "operating"),
    ("support", "oppose"), ("supported", "opposed"), ("allowed", "banned"), ("legal", "illegal"),
    ("higher", "lower"), ("more", "fewer"), ("before", "after"), ("success", "failure"), ("succeeded", "failed"),
    ("peaceful", "violent"), ("started", "ended"), ("male", "female"),
    # compass directions and relative places ("north of the city" / "south of the city")
    ("north", "south"), ("east", "west"), ("northern", "southern"), ("eastern", "western"),
    ("northeast", "southwest"), ("northwest", "southeast"), ("upstream", "downstream"),
]


# Opposite relations to one place or happening, stopwords all ("arrested inside the court" /
# "arrested outside the court", "before the concert" / "after the concert"): compared by their object.
RELATION_OPPOSITES = (("inside", "outside"), ("before", "after"), ("above", "below"))
# Relations of time: two happenings can sit before and after one thing ("fled before the storm" /
# "returned after the storm"), so these disagree only when the word before them is one too.
RELATIONS_OF_TIME = frozenset({"before", "after"})
# Words skipped between a relation and its object ("outside the old court").
RELATION_SKIP = frozenset({"the", "a", "an", "of", "his", "her", "its", "their", "this", "that"})


# Endings of demonyms ("Iranian" -> "Iran").
DEMONYM_SUFFIXES = ("ian", "ean", "an", "i", "ese", "ish", "n")

# --- counted things, roles, events ------------------------------------------------------
# Heads too generic to tie two counts together on their own ("two people" / "one person").
GENERIC_HEADS = frozenset({"person", "member", "other", "time", "group", "thing", "part", "way", "percent",
                           "second", "minut", "hour", "day", "week", "month", "year", "decad", "centuri",
                           "million", "billion", "thousand", "hundr", "number",
                           # amounts of money differ for many reasons (fees, offers, budgets)
                           "euro", "dollar", "pound", "yen", "yuan", "rupe", "dinar", "franc", "rubl",
                           "lira", "peso", "real", "shekel", "riyal", "dirham", "won"})
# Heads that all count people: "12,000 members" and "8,000 workers" of the same strike can
# disagree; whether they count the same people is left to the words around them.
PERSON_HEADS = frozenset({"person", "member", "staff", "protester", "resid", "citizen", "passeng", "civilian",
                          "men", "women", "children", "adult", "student", "voter", "patient", "victim",
                          "survivor", "pilgrim", "fan", "spectat", "employe", "worker"})
REPORTING = frozenset({"said", "says", "told", "tells", "stated", "added", "reported", "tweeted", "wrote"})
# Verbs that report what someone said, promised or condemned ("X said", "X vowed", "X decried").
REPORTS = REPORTING | frozenset({"vowed", "vows", "warned", "warns", "decried", "decries", "pledged", "pledges",
                                 "promised", "promises", "insisted", "insists", "stressed", "stresses",
                                 "declared", "declares", "announced", "announces"})
# Prepositions that open the setting of a statement after a reporting verb ("said at a news
# briefing Thursday", "told reporters at a briefing on Tuesday"): a date after it is the report's.
SPEECH_SETTINGS = frozenset({"in", "at", "during"})
# Words that place a sentence's facts in another, earlier event ("the last major earthquake",
# "an earlier offer", "a similar fire", "another bank"): its counts and dates are not this event's.
OTHER_EVENT = frozenset({"previous", "earlier", "prior", "similar", "another"})
YEAR_PLACERS = frozenset({"in", "of", "during", "the", "its", "their", "his", "her"})
# Words that make a year the bound of a span ("banned until 2031", "in office since 1998").
YEAR_BOUNDS = frozenset({"until", "till", "through", "since"})
# Time words after "last" that do not point at another event ("last week").
LAST_TIME_WORDS = frozenset({"week", "weeks", "month", "months", "year", "years", "night", "time", "minute", "hour", "day",
                             # "at the last count", "by the last tally": the latest figure of this event (issue 12, stop 24)
                             "count", "tally", "update", "check"})
# Capitalised words that are never names.
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december i".split()
)
# Small words inside a long name ("Bank of England"), skipped when spelling its initials.
NAME_LINKERS = frozenset({"of", "the", "for", "and", "on", "de", "del", "des", "la", "le", "&"})
# Roles written before a name ("fire chief Anna Kowalski", "Mayor Tom Reed"), as stems: two
# different names in the same role are two different people, or one report is wrong.
ROLES = frozenset({"chief", "minist", "spokesman", "spokeswoman", "spokesperson", "presid", "mayor", "governor",
                   "command", "director", "head", "leader", "chairman", "chairwoman", "ceo", "secretari",
                   "ambassador", "captain", "prosecutor", "judg", "coach", "manag", "sheriff", "senat",
                   "gener", "colonel", "premier", "chancellor", "candid", "founder", "owner", "pilot"})
# A number that is asked for, offered or forecast is not the number that happened: "prosecutors
# sought ten years" does not contradict "he was sentenced to eight years"; "the union demands
# 9 percent" does not contradict "the company offered 4 percent". Stems, as in SentFeatures.terms.
MODES = {**{t: "request" for t in ("ask", "sought", "seek", "demand", "want", "request", "propos", "urg")},
          **{t: "offer" for t in ("offer",)},
          **{t: "forecast" for t in ("expect", "forecast", "predict", "project")}}
# Words that end the clause a count belongs to.
CLAUSE_BREAK_WORDS = ("while", "but", "whereas")
# "not A but B", "not only": the negation does not deny the predicate.
NEGATION_EXCEPTIONS = ("but", "only")
# What happened to counted people, by term: "300 people had died" and "300 people were missing"
# count different things, and two such counts never fill one slot. A toll (the dead, the
# injured) given as "at least N" is the count known then, not an open bound.
STATE_TERMS = {"die": "dead", "injur": "injured", "missing": "missing", "rescu": "rescued", "evacu": "evacuated",
               "displac": "displaced", "homeless": "displaced", "arrest": "arrested", "hospitalis": "hospitalised",
               "hospitaliz": "hospitalised", "hospit": "hospitalised", "admit": "hospitalised", "surviv": "survived", "hostag": "hostages"}
TOLL_STATES = frozenset({"dead", "injured"})
# "pulled 96 survivors from the water" counts the rescued ("rescued 80 people"): survivors with a
# verb of bringing people out of danger, before or after them (issue 12, stop 25). Stems.
SURVIVOR_HEADS = frozenset({"survivor"})
# "several members of the mayor's security detail": a count of the members of a named group is a
# part of the people involved, not the toll (issue 12, stop 25). Stems of the counted noun.
MEMBER_HEADS = frozenset({"member"})
# An age: "a 9-year-old daughter", "was 10 years old" (the count's head, as stems).
AGE_HEAD = ("year", "old")
RESCUE_VERBS = frozenset({"pull", "rescu", "save", "saved", "freed", "extract", "lift", "airlift", "winch",
                          "recov", "pluck", "haul", "drag"})
# Verbs between counted people and what happened to them ("300 people may have drowned").
STATE_AUX = frozenset(AUX | {"may", "might", "could", "would", "will", "be", "feared", "presumed", "now", "still", "already"})
# "300 people were reported injured", "40 are feared to have died": what is said of the counted people.
STATE_HEDGES = frozenset({"feared", "presumed", "reported", "confirmed", "believed", "thought", "known", "estimated", "said"})
# "a population of 40,000": a count of residents with its noun before it.
# "a city of 125,000 people", "home to 125,000": residents too.
POPULATION_WORDS = frozenset({"population", "populations", "city", "town", "community", "village", "country",
                              "nation", "region", "district", "island", "province", "municipality"})
# Words right before a figure that a "toll" earlier in the sentence is reported as ("the death
# toll ... rose to 133").
TOLL_VERBS = frozenset({"to", "at", "reached", "hit", "topped", "passed", "surpassed", "exceeded"})
# Nouns of a tally: "the number of dead rose to 40", "the tally of injured stood at 12" (issue 12, stop 24).
TALLY_WORDS = frozenset({"number", "tally", "count", "total"})
# Words that name what a percentage measures ("the participation rate of 64 percent", "the rate
# of open ballot boxes reached 99 percent", "turnout"); the generic ones say nothing by themselves.
RATE_WORDS = frozenset({"rate", "rates", "turnout", "share", "proportion", "percentage", "level"})
GENERIC_RATE_WORDS = frozenset({"rate", "rates", "share", "proportion", "percentage", "level"})
# Stages of a count or result: an early one and the final one are two announcements, on two
# days ("preliminary results on Sunday" / "the official results on Thursday"). Read only right
# before a word of RESULT_NOUNS.
STAGE_EARLY = frozenset({"preliminary", "provisional", "initial", "unofficial", "partial", "non-final", "early"})
STAGE_FINAL = frozenset({"official", "final", "definitive", "certified"})
RESULT_NOUNS = frozenset({"result", "results", "count", "tally", "figures", "returns", "toll", "data"})
# A distance after one of these verbs is the way covered ("advanced 200 km"); one after "within"
# or before "from"/"away"/"short of" is the way left ("within 200 km of the capital", "120 miles
# from the capital"). The same figure read both ways is two reports that disagree.
MOTION_WORDS = frozenset({"advanced", "advance", "advancing", "travelled", "traveled", "travelling", "moved", "marched",
                          "drove", "driven", "walked", "covered", "flew", "flown", "sailed", "pushed", "rode",
                          "ran", "swam", "trekked", "progressed"})
REMAINING_BEFORE = frozenset({"within"})
REMAINING_AFTER = frozenset({"from", "away", "short", "outside"})
DISTANCE_LEAD_WORDS = frozenset({"only", "just", "about", "around", "some", "nearly", "almost", "roughly", "barely",
                                 "approximately", "less", "more", "than", "to", "over", "under"})
# Order of two happenings: "the two dams collapsed at the same time" / "the upper dam broke first".
SIMULTANEOUS = (("at", "the", "same", "time"), ("simultaneously",), ("at", "once"), ("in", "unison"))
SEQUENCE_CUES = (("first",), ("one", "after", "the", "other"), ("followed", "by"), ("and", "then"))
# Words before "first" that make it an ordinal or a phrase ("the first", "for the first time").
NOT_SEQUENCE_BEFORE = frozenset({"the", "a", "its", "his", "her", "their", "our", "for", "at", "was", "is", "were"})
# Words allowed between a role's body and the name of its holder ("..., current President Anna Berg").
HOLDER_LEADS = frozenset({"current", "former", "acting", "incumbent", "interim", "outgoing", "sitting"})
# Heads of the names of bodies: "the Emergencies Ministry" and "the Foreign Ministry" are two
# ministries, not one name swapped for another. Stems, as in SentFeatures.terms.
BODY_HEADS = frozenset({"ministri", "depart", "committe", "council", "agenc", "servic", "offic", "parti", "armi",
                        "forc", "court", "embassi", "bank", "universiti", "union", "allianc", "author", "commiss",
                        "bureau", "guard"})
# Number words that add a term for the number itself but are not counts on their own.
NOT_NUMBER_TERMS = frozenset({"single", "both", "one", "dozen"})
