"""Findings of a second new user's trial over tmux (session 24), one test each: enter follows
the selected link, adjudication counts and visits each disputed pair once, says who decided a
link, keeps its start-up message off the evidence, and columns stay where they are."""

from reviewer.models import Link, SentenceRef
from reviewer.tui.widgets.inspector import Inspector
from tests.helpers import links

R = SentenceRef
SIZE = (150, 40)


def _inspector_text(app) -> str:
    box = app.query_one(Inspector)
    return "\n".join(strip.text.rstrip() for strip in box.render_lines(box.content_region.reset_offset))


async def test_enter_follows_the_selected_link_when_another_is_rejected(make):
    """a:0 has three links (conflict b:0, match c:0, match b:1): `]` `x` rejects the second,
    `]` selects the third ("link 3 of 3 → b:1"); enter went to b:0, an index into the links
    left after dropping the rejected one. It goes where the inspector points."""
    app = make(links=links() + [Link(R("a", 0), R("b", 1), "match", 0.5)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "x", "right_square_bracket")
        await pilot.pause()
        assert "link 3 of 3" in _inspector_text(app)
        assert app.focused_link().other(("a", 0)) == ("b", 1)
        await pilot.press("enter")
        await pilot.pause()
        assert app.cursor == ("b", 1)
        await pilot.press("enter")  # again: the next link of a:0 not rejected (wrapping), b:0
        await pilot.pause()
        assert app.cursor == ("b", 0)
