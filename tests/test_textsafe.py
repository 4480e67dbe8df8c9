"""reviewer.textsafe: text from files made safe for a terminal, one character for one."""

from hypothesis import given, strategies as st

from reviewer.textsafe import is_safe, safe_line, safe_text

NASTY = "a\x1b]0;pwned\x07b\x1b[2Jc\x1b]52;c;aGVsbG8=\x07d\x9b31m\u202eevil\u2066x\u2069\r\x00\x7f\tok\n"


def test_escape_sequences_become_visible_stand_ins_of_the_same_length():
    out = safe_text(NASTY)
    assert len(out) == len(NASTY)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert out.startswith("a\u241b]0;pwned\u2407b\u241b[2Jc")
    assert "\tok\n" in out  # tab and newline stay
    assert is_safe(out) and not is_safe(NASTY)
    assert "\n" not in safe_line("one\ntwo") and len(safe_line("one\ntwo")) == 7


def test_safe_text_leaves_ordinary_text_alone():
    s = "Zwölf Tote — «Bagdad» 12 ↔ 13, عربي, 中文 😀"
    assert safe_text(s) is s


@given(st.text())
def test_same_length_and_nothing_unsafe_left(s):
    out = safe_text(s)
    assert len(out) == len(s)
    assert is_safe(out)
    assert all(a == b for a, b in zip(s, out) if is_safe(a))
