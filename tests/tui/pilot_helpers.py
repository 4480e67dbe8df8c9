"""Steps many TUI tests share."""

from reviewer.tui.screens.claims import ClaimsScreen
from reviewer.tui.widgets.inspector import Inspector


async def open_claims(pilot):
    """Press c on the review view and return the claims screen it opened."""
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ClaimsScreen), f"c opened {type(screen).__name__}, not the claims screen"
    return screen


def inspector_lines(app) -> list[str]:
    """The inspector's lines as drawn now (its panel's size, cut and wrapped as on screen)."""
    box = app.query_one(Inspector)
    return [strip.text.rstrip() for strip in box.render_lines(box.content_region.reset_offset)]


async def run_palette(pilot, command: str) -> None:
    """Open the command palette (ctrl+p), type ``command``, run the first match (enter)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
