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
