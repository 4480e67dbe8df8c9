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
