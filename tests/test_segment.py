import pytest
from hypothesis import given, settings, strategies as st

from reviewer.io.segment import segment


def texts(body):
    return [s.text for s in segment(body)]


def test_abbreviations_and_decimals_do_not_split():
    body = "Dr. Smith met Gen. Jones in the U.S. State Department on Nov. 7 at 9 a.m. and paid 3.5 million."
    assert texts(body) == [body]


def test_quote_ending_a_sentence_splits():
    body = 'He called for “calm and restraint from all.” He then left. “Who lost control?” she asked.'
    assert texts(body) == ["He called for “calm and restraint from all.”", "He then left.", "“Who lost control?” she asked."]


def test_question_inside_attribution_does_not_split():
    body = '"Who has lost control of himself?" al-Askari said in a statement.'
    assert texts(body) == [body]


def test_dotted_acronym_before_a_sentence_opener_splits():
    assert texts("He lives in the U.S. He works there.") == ["He lives in the U.S.", "He works there."]


def test_initials_do_not_split():
    assert texts("J. R. Smith arrived late.") == ["J. R. Smith arrived late."]


def test_lines_without_final_period_are_sentences():
    body = "Fire kills four\n\nPhoto: Christian Marquardt / Pool / .\nThe fire started at noon."
    assert texts(body) == ["Fire kills four", "Photo: Christian Marquardt / Pool / .", "The fire started at noon."]


def test_arabic_sentences_split_on_arabic_question_mark_and_period():
    body = "هل أنت بخير؟ أنا بخير والحمد لله. He said he was fine."
    assert texts(body) == ["هل أنت بخير؟", "أنا بخير والحمد لله.", "He said he was fine."]


def test_long_paragraph_is_split():
    sentence = "The minister said the talks would continue next week in the capital. "
    body = sentence * 60  # about 4,000 characters, no line break
    out = segment(body)
    assert len(out) == 60
    assert all(s.text == sentence.strip() for s in out)


def test_hard_wrapped_text_joins_lines():
    body = ("The committee met on Tuesday to discuss the new budget for the coming year and\n"
            "decided that the funds for schools would be increased by a small amount after\n"
            "a long debate. The mayor welcomed the decision and said that the city would\n"
            "now be able to hire more teachers for the primary schools in the northern\n"
            "districts. Critics said the increase was far too small to make a difference\n"
            "for the children who needed it most in the poorest parts of the old city.\n")
    out = texts(body)
    assert len(out) == 3
    assert out[0].startswith("The committee met") and out[0].endswith("debate.")


def test_stray_punctuation_is_dropped():
    assert texts("Hello there.\n\n* * *\n\nBye now.") == ["Hello there.", "Bye now."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_spans_cover_the_text_exactly(body):
    prev_end = 0
    for n, s in enumerate(segment(body)):
        assert s.index == n
        assert body[s.start:s.end] == s.text
        assert s.start >= prev_end
        assert s.text == s.text.strip() and s.text
        prev_end = s.end


def test_short_tail_of_a_quotation_stays_with_it():
    out = texts("She told us: “The boat is gone. Praise be”. Then she wept.")
    assert out == ["She told us: “The boat is gone. Praise be”.", "Then she wept."]
    out = texts("« Nous sommes vivants. Merci », dit-il. Il est parti.")
    assert out[0] == "« Nous sommes vivants. Merci », dit-il."


def test_long_quotation_still_splits_into_sentences():
    body = ("He said: “We ran out of the hall. The roof fell on the people behind us and "
            "many of them never came out.” Police arrived.")
    out = texts(body)
    assert out[0] == "He said: “We ran out of the hall."
    assert out[1].endswith("never came out.”")
    assert out[2] == "Police arrived."


def test_closed_quotes_split_as_before():
    out = texts("“We heard shots,” he said. “Then the roof fell.” The fire spread.")
    assert out == ["“We heard shots,” he said.", "“Then the roof fell.”", "The fire spread."]


def test_sentences_glued_without_a_space_split():
    body = 'The ferry left at dawn.Two crew stayed ashore.Was anyone hurt?"We were lucky," a sailor said.'
    assert texts(body) == ["The ferry left at dawn.", "Two crew stayed ashore.", "Was anyone hurt?",
                           '"We were lucky," a sailor said.']


def test_glued_abbreviations_names_and_addresses_stay_whole():
    for body in ("Mr.Okafor met Dr.Lind in St.Ives.", "See www.example.org for the list.",
                 "It rose 2.5 percent in the U.S.Market today.", "The band played at noon, e.g.Songs we knew.",
                 "Prices are on Yahoo!Finance today.", "See news.Example.com or mail jane.Doe@mail.org now."):
        assert texts(body) == [body]


# Stop 24: a glued stop before a capital splits in every cased script (Latin with its extensions,
# Cyrillic, Greek); abbreviations, decimals, domains, initials and file names stay whole.
@pytest.mark.parametrize("body, want", [
    ("The water rose over the levee, said the report.Final figures came later.",
     ["The water rose over the levee, said the report.", "Final figures came later."]),
    ("Ratownicy dotarli do Łodzi późno.Źródła podały to w nocy.",
     ["Ratownicy dotarli do Łodzi późno.", "Źródła podały to w nocy."]),
    ("Пожар начался ночью в порту.Спасатели прибыли утром.",
     ["Пожар начался ночью в порту.", "Спасатели прибыли утром."]),
    ("Η φωτιά ξέσπασε στο λιμάνι.Οι διασώστες έφτασαν το πρωί.",
     ["Η φωτιά ξέσπασε στο λιμάνι.", "Οι διασώστες έφτασαν το πρωί."]),
    ("Ο δήμαρχος μίλησε στο λιμάνι.Έφτασαν πλοία το βράδυ.",
     ["Ο δήμαρχος μίλησε στο λιμάνι.", "Έφτασαν πλοία το βράδυ."]),
])
def test_glued_sentences_split_in_every_cased_script(body, want):
    assert texts(body) == want


@pytest.mark.parametrize("body", [
    "The plan cost 3.5 million in the U.S.Market this year.",  # a decimal, initials
    "Read the figures on tarvel-news.com before noon.",  # a domain
    "The clerk opened report.Docx and then quarterly.Pdf on the desk.",  # file names
    "Он живёт на ул.Ленина в центре города.",  # a street's abbreviation
    "Выступил проф.Иваненко из института.",
    "Το κτίριο βρίσκεται στην οδ.Ερμού στο κέντρο.",
    "Το έργο κοστίζει 3,5 εκατ.Ευρώ φέτος.",
    "Пожар начался в порту.спасатели прибыли утром.",  # a lower-case word after the stop
])
def test_glued_look_alikes_stay_whole_in_every_script(body):
    assert texts(body) == [body]
