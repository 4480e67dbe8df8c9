"""Arabic: calendar words, negation cues, number words and conventions.

text2num does not read Arabic, so the number words are read here (``read_number_words``):
units, teens, tens, hundreds and the scales, in their masculine, feminine and case forms,
with the attached "and" (و) and the article (ال). Words are compared after ``norm``:
without short vowels and tatweel, with one alef and ة written ه.
"""

from __future__ import annotations

import re

CODE = "ar"
TEXT2NUM = None
# Arabic digits (٠-٩) use ٫ for the decimal point and ٬ for thousands; Western digits in Arabic
# news follow the English convention ("52.87", "2,300").
DECIMAL, THOUSANDS = ".", ","
SPACE_GROUPS = False
ONE_ARTICLES = frozenset()
CONNECTORS = frozenset()
ORDINAL_SUFFIXES = ()

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # short vowels, shadda, sukun, tatweel
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def norm(word: str) -> str:
    """The form words are compared in."""
    return _DIACRITICS.sub("", word).translate(_ALEF)


def _n(table: dict[str, object]) -> dict:
    return {norm(k): v for k, v in table.items()}


_UNITS = _n({
    "صفر": 0, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2,
    "اثني": 2, "اثنتا": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
    "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9,
    "تسع": 9, "عشرة": 10, "عشر": 10, "أحد": 1, "إحدى": 1,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80,
    "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "مئتا": 200, "مائتا": 200,
    "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500,
    "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700,
    "ثمانمئة": 800, "ثمانمائة": 800, "ثمانيمئة": 800, "ثمانيمائة": 800, "تسعمئة": 900,
    "تسعمائة": 900,
})
# Multiply what comes before them ("ثلاثة آلاف" 3000, "مئة ألف" 100000).
_SCALE_WORDS = _n({"ألف": 1_000, "ألفا": 1_000, "ألفًا": 1_000, "آلاف": 1_000, "ألفان": 2_000,
                   "ألفين": 2_000, "مليون": 1_000_000, "مليونا": 1_000_000, "ملايين": 1_000_000,
                   "مليونان": 2_000_000, "مليونين": 2_000_000, "مليار": 10**9, "مليارا": 10**9,
                   "مليارات": 10**9, "بليون": 10**9})
SCALES = _SCALE_WORDS  # after digits: "5 آلاف", "٢ مليون"
# Alone they are vague ("آلاف" thousands of, "أحد" anyone) and are not read as numbers.
_NOT_ALONE = {norm(w) for w in ("آلاف", "ملايين", "مليارات", "أحد", "إحدى", "عشرات", "مئات",
                                   "المئة", "المائة")}  # "في المئة": per cent
PLURAL_SCALES = frozenset(_NOT_ALONE)
_HUNDRED = norm("مئة"), norm("مائة")

_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0640\u0671-\u06d3]+")


def _value_of(word: str) -> tuple[int | None, bool, str]:
    """(value, is_scale, bare word) of one word, accepting a leading و and the article ال."""
    w = norm(word)
    for cand in (w, w[1:] if w.startswith("و") else None,
                 w[2:] if w.startswith("ال") else None, w[3:] if w.startswith("وال") else None):
        if cand:
            if cand in _UNITS:
                return _UNITS[cand], False, cand
            if cand in _SCALE_WORDS:
                return _SCALE_WORDS[cand], True, cand
    return None, False, w


def read_number_words(text: str) -> list[tuple[float, int, int]]:
    """Arabic number words in ``text``: (value, start, end), spans in ``text``'s offsets."""
    out: list[tuple[float, int, int]] = []
    run: list[tuple[re.Match[str], int, bool, str]] = []

    def flush() -> None:
        if not run:
            return
        # Alone, a vague plural or "أحد" is no number ("آلاف", "الأحد" is Sunday, "المئة" per cent)
        if len(run) == 1 and (run[0][3] in _NOT_ALONE or norm(run[0][0].group()).removeprefix("و") in _NOT_ALONE):
            run.clear()
            return
        total, current = 0, 0
        for _m, value, is_scale, bare in run:
            if is_scale:
                total += max(current, 1) * value
                current = 0
            elif bare in _HUNDRED and 1 <= current <= 9:
                current *= 100  # "ثلاث مئة"
            else:
                current += value
        out.append((float(total + current), run[0][0].start(), run[-1][0].end()))
        run.clear()

    prev_end = None
    for m in _WORD.finditer(text):
        value, is_scale, bare = _value_of(m.group())
        adjacent = prev_end is not None and text[prev_end:m.start()].isspace()
        if value is None:
            flush()
        else:
            if run and not adjacent:
                flush()
            run.append((m, value, is_scale, bare))
        prev_end = m.end()
    flush()
    return out


APPROX_CUES = ("حوالي", "حوالى", "نحو", "قرابة", "زهاء", "أكثر من", "أقل من", "ما يقرب من",
               "ما لا يقل عن", "على الأقل", "ما يزيد على", "ما يزيد عن", "أزيد من", "قرابة",
               "تقريبا", "تقريباً")
# Issue 12/14 (stop 24): the APPROX_CUES that make a figure a floor ("more than 70"): the figure
# known then, read as [N, N * toll_floor_span] by engine.xfacts, as the English engine reads tolls.
FLOOR_CUES = ("أكثر من", "ما لا يقل عن", "على الأقل", "ما يزيد على", "ما يزيد عن", "أزيد من")
WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
# Both the Egyptian/Gulf names and the Levantine/Iraqi ones (often written together:
# "مايو/أيار").
MONTHS = {"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
          "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
          "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
          "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
          "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}
DATE_LINKS = ()
MONTH_FIRST = False  # "12 سبتمبر 2023"
# "ما" also asks "what" and is left out.
NEGATION = frozenset({"لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لسنا", "لست", "غير", "بدون",
                      "دون", "عدم", "نفى", "نفت", "ينفي", "تنفي", "نفوا", "أنكر", "أنكرت"})
# Letters that attach to the front of a word ("ولم", "فلا", "والخميس", "بالأحد"...).
PREFIXES = ("و", "ف", "ب", "وب", "فب", "ل")
# Hedges written after the number ("٥٠ شخصا تقريبا").
TRAILING_APPROX = ("تقريبا", "تقريباً")

# --- cross-language facts (read by reviewer.engine.xfacts) -------------------------------
# Keys are compared after ``norm`` and may carry the article or an attached letter in the text.
CONCEPTS = _n({"قتيل": "dead", "قتلى": "dead", "مقتل": "dead", "وفاة": "dead", "وفيات": "dead", "لقي": "dead",
               "جريح": "injured", "جرحى": "injured", "مصاب": "injured", "اصابة": "injured", "مفقود": "missing",
               "شخص": "people", "أشخاص": "people", "ساكن": "population", "سكان": "population",
               "نسمة": "population", "عامل": "workers", "عمال": "workers", "جندي": "soldiers", "جنود": "soldiers",
               "مقاتل": "soldiers", "صوت": "votes", "أصوات": "votes", "راكب": "passengers", "ركاب": "passengers",
               "طفل": "children", "أطفال": "children", "معتقل": "arrested", "اعتقال": "arrested",
               "رهينة": "hostages", "رهائن": "hostages", "نازح": "displaced", "منزل": "buildings",
               "منازل": "buildings", "مبنى": "buildings", "مهاجم": "attackers", "مسلح": "attackers",
               "مشتبه": "suspects", "طاقم": "crew"})
CONCEPTS.update(_n({"سيارة إسعاف": "ambulances", "سيارات إسعاف": "ambulances", "أجنبي": "foreigners", "أجانب": "foreigners",
                    "جنسية": "nationalities", "جنسيات": "nationalities"}))  # stop 25: ambulances, foreigners, nationalities
CONCEPTS.update(_n({"حرجة": "critical", "خطيرة": "critical"}))  # stop 26: in a critical or serious condition: a fate
CONCEPTS.update(_n({"جثة": "dead", "جثث": "dead", "ناجون$": "survivors", "ناجين$": "survivors", "الناجين$": "survivors"}))  # stop 26: bodies are the dead; survivors a count of their own
CONCEPTS.update(_n({"صحفي": "journalists", "صحفيين": "journalists", "لاعب": "players", "لاعبين": "players"}))  # stop 26: journalists and players
UNIT_WORDS = _n({"كم": "kilometer", "كيلومتر": "kilometer", "كيلومترات": "kilometer", "ميل": "mile",
                 "أميال": "mile", "متر": "meter", "أمتار": "meter", "قدم": "foot", "أقدام": "foot",
                 "كغ": "kilogram", "كيلوغرام": "kilogram", "طن": "metric_ton", "أطنان": "metric_ton"})
PERCENT_WORDS = ("%", "٪", "بالمئة", "بالمائة", "في المئة", "في المائة")
DURATION_UNITS = _n({"ثانية": 1 / 60, "ثوان": 1 / 60, "دقيقة": 1, "دقائق": 1, "ساعة": 60, "ساعات": 60,
                     "يوم": 1440, "أيام": 1440, "أسبوع": 10080, "أسابيع": 10080})
ONE_WORDS = frozenset()
DURATION_JOINERS = frozenset()
DAYPARTS = ()
# "7.15 صباحا" (a.m.), "9 مساء" (p.m.): the day half after a time (stop 25)
CLOCK_SUFFIXES = {"صباحا": 0, "صباحاً": 0, "مساءً": 12, "مساءا": 12, "مساء": 12}
HOUR_CUE = "الساعة"  # "الساعة 9 مساء": a bare hour with a day half is a time only after it ("9 مساء الأحد" is a count)
LOCAL_TIME = ("بالتوقيت المحلي", "بتوقيت محلي", "حسب التوقيت المحلي")
ZONE_WORDS = {"بتوقيت جرينتش": "GMT", "بتوقيت غرينتش": "GMT", "بتوقيت غرينيتش": "GMT", "بتوقيت جرينيتش": "GMT"}
PLAN_WORDS = ("من المقرر", "كان مقررا")  # a time of a plan or timetable, not of what happened (engine.xfacts, stop 25)
TIME_HEDGES = ("بعد", "قبل", "منذ", "حتى")  # after, before, since, until
# Parts of the day -> (first, last minute); night runs past midnight (1260-1800 is 21:00-06:00).
DAY_PARTS = {"صباح": (0, 720), "صباحا": (0, 720), "مساء": (1020, 1410), "مساءً": (1020, 1410),
             "ليلا": (1260, 1800), "منتصف الليل": (1410, 1470)}
# Verbs of saying (the day or time they were said at is not the event's) and, in REPORTS,
# of vowing or warning too (who speaks: reviewer.engine.recall).
REPORTING = frozenset({"قال", "قالت", "وقال", "وقالت", "صرح", "صرحت", "أضاف", "أضافت", "وأضاف", "وأضافت",
                       "أوضح", "أوضحت", "كتب", "كتبت", "ذكر", "ذكرت", "أفاد", "أفادت"})
REPORTS = REPORTING | frozenset({"أكد", "أكدت", "وأكد", "وأكدت", "أعلن", "أعلنت", "وأعلن", "حذر", "حذرت", "وعد",
                                 "وعدت", "تعهد", "تعهدت", "ندد", "نددت", "أدان", "أدانت"})
# Words that open the setting of a statement after a verb of saying (engine.features): a day after it is the report's.
SPEECH_SETTINGS = frozenset({"في", "خلال"})  # "قال في مؤتمر صحفي يوم الاثنين"
# Issue 14: words that make a duration what remains (never the same slot as a total),
# and words that count vaguely (compared only with the same vague word of another language).
REMAINING_WORDS = tuple(_n({"متبقية": 0, "متبقي": 0, "باقية": 0}))
VAGUE_COUNTS = _n({"عشرات": 10, "مئات": 100, "آلاف": 1_000, "ملايين": 1_000_000})
# Years and months in minutes: compared for agreement only (a term of office, an age, a sentence).
LONG_DURATIONS = _n({"سنة": 525_960, "سنوات": 525_960, "سنين": 525_960, "عام": 525_960, "أعوام": 525_960, "شهر": 43_830, "أشهر": 43_830, "شهور": 43_830})
# Ranges: two numbers joined by RANGE_TO, or by RANGE_AND after one of RANGE_OPENERS ("between 5 and 8").
RANGE_TO = tuple(_n({"إلى": 0, "الى": 0, "أو": 0}))
RANGE_AND = tuple(_n({"و": 0}))
RANGE_OPENERS = tuple(_n({"بين": 0}))
# Issue 14 (engine.xfacts): a weekday or date just after a verb of saying is the day of the
# statement ("said on Monday"), not of the event. REPORTING and a few more (lang.tables says why).
REPORTING_VERBS = REPORTING | frozenset({"أعلن", "أعلنت", "أكد", "أكدت"})
# Issue 14: a distance travelled or still to go (engine.xfacts._distance_role): verbs of motion
# (before the figure or right after its unit), words that make it the way left.
DISTANCE_MOTION = tuple(_n({"تقدم": 0, "تقدمت": 0, "تقدموا": 0, "قطع": 0, "قطعت": 0, "قطعوا": 0}))
DISTANCE_LEFT_BEFORE = tuple(_n({"على بعد": 0, "على مسافة": 0, "مسافة": 0}))
# Issue 14: a figure reported as a toll named earlier in the sentence counts the dead
# (engine.xfacts._after_toll): the toll words (prefixes) and the words right before such a figure.
TOLL_WORDS = tuple(_n({"حصيلة": 0}))
TOLL_VERBS = tuple(_n({"إلى": 0, "الى": 0, "بلغت": 0}))

# --- same-language facts (read by reviewer.engine.evidence, stop 24) -----------------------
# Words before a year that make it the bound of a span ("حتى 2031", "منذ 1998"). The count
# rules' tables (bounds, what a counted word is) wait for a reader of Arabic prefixes there.
YEAR_BOUNDS = ("حتى", "منذ")
