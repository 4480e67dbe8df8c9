"""Steps many TUI tests share."""

from reviewer.tui.screens.claims import ClaimsScreen


async def open_claims(pilot):
    """Press c on the review view and return the claims screen it opened."""
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ClaimsScreen), f"c opened {type(screen).__name__}, not the claims screen"
    return screen
