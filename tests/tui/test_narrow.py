"""Narrow terminals (user trial): the top bar keeps the articles' position, what is off screen on
either side, the filter and search values and "? help" by shortening and leaving out the least
needed parts; the claims screen's keys line fits at 80 columns."""

import re

import pytest
from rich.cells import cell_len
from textual.widgets import Static

from reviewer.resources import bundled_seeds_dir
from reviewer.tui.app import make_app
from reviewer.tui.screens.claims import KEYS_LINE, KEYS_LINE_MID, KEYS_LINE_SHORT
from reviewer.tui.widgets.top_bar import TopBar
from tests.tui.pilot_helpers import inspector_lines


def _app(tmp_path, config):
    return make_app([str(bundled_seeds_dir())], reviewer="tester", config=config,
                    sidecar=str(tmp_path / "t.review.toml"), links=[])


def _bar(app) -> str:
    bar = app.query_one(TopBar)
    text = bar.text.plain
    assert cell_len(text) <= bar.content_size.width, text  # nothing cut off at the right end
    return text


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_top_bar_keeps_its_key_parts_when_narrow(tmp_path, config, size):
    app = _app(tmp_path, config)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("l", "l")  # the third article: others off screen on both sides
        await pilot.pause()
        bar = _bar(app)
        m = re.search(r"\[(\d)–(\d) of 4\]", bar)
        assert m, bar
        assert ("◀" in bar) == (m[1] != "1") and ("▶" in bar) == (m[2] != "4"), bar
        assert "◀" in bar and "▶" in bar, bar
        assert bar.rstrip().endswith("? help"), bar
        await pilot.press("f", "slash")
        await pilot.pause()
        await pilot.press(*"said", "enter")
        await pilot.pause()
        bar = _bar(app)
        assert "conflicts" in bar and "“said”" in bar and re.search(r"\d+/\d+", bar), bar
        assert re.search(r"\[[\d, –]+ of 4\]", bar) and bar.rstrip().endswith("? help"), bar


@pytest.mark.parametrize("width, name, line", [(80, "narrow", KEYS_LINE_SHORT), (120, "wide", KEYS_LINE_MID),
                                               (150, "full", KEYS_LINE)])
async def test_the_claims_keys_line_fits_the_width(tmp_path, config, width, name, line):
    app = _app(tmp_path, config)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        shown = [w for w in app.screen.query(".claims-keys").results(Static) if w.display]
        assert len(shown) == 1
        assert shown[0].id == f"claims-keys-{name}"
        assert cell_len(line) <= shown[0].content_size.width
        assert line.rstrip().endswith(("esc", "esc back"))


async def test_the_inspector_head_drops_its_key_hint_rather_than_wrap(make):
    """At 60 columns the head "a:0  [labels…]   link 1 of 2  (] [ select)" wrapped, its last
    word alone on a second line ("   select)") that the link list then lacked."""
    from reviewer.tui.widgets.inspector import Inspector

    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("1", "2")  # two labels: a long head
        await pilot.pause()
        box = app.query_one(Inspector)
        width = box.content_size.width
        lines = inspector_lines(app)
        assert "link 1 of 2" in lines[0], lines[:3]
        assert "select)" not in "\n".join(lines[:3]), lines[:3]
        assert lines[1].lstrip().startswith("▶"), lines[:3]  # the selected link comes next
    app = make()
    async with app.run_test(size=(150, 40)) as pilot:  # wide: the hint stays
        await pilot.pause()
        lines = inspector_lines(app)
        assert lines[0].endswith("link 1 of 2  (] [ select)"), lines[0]
        assert width < 60


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 22)])
async def test_a_small_inspector_shows_the_start_of_both_sentences(make, size):
    """A new user at 60x20 saw "…" where the sentences should be, and at 80x24 no "this:" with
    lines to spare: the selected link's line, "this:" and "that:" get a line each first, cut
    with "…" rather than left out."""
    from reviewer.tui.widgets.inspector import Inspector

    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()  # a:0, two links, the first one with two pieces of evidence
        box = app.query_one(Inspector)
        lines = inspector_lines(app)
        text = "\n".join(lines)
        # the evidence first, then where the link goes and its decision, on the link's first line
        first = next(l for l in lines if l.startswith("▶"))
        assert first.startswith("▶ ≠ “Four workers” vs “six workers”  → b:0  to review"), text
        assert "this: Four workers" in text, text
        assert "that: A blaze at a" in text, text
        assert "+1 more link below" in text, text
        assert len(lines) <= box.content_size.height


async def test_adjudicating_on_a_small_screen_shows_who_said_what():
    """With --adjudicate on a small screen (100×30 in a trial, 60×20 here) the inspector had room for the link and its sentences
    but not for "DISPUTED  alice: … · bob: …", the line the adjudicator decides on: it was
    given the lines left last. It now comes right after the link's line."""
    import shutil
    import tempfile
    from pathlib import Path

    from reviewer.config import load_config
    from reviewer.engine.cache import align_cached
    from reviewer.io.articles import load_cluster
    from reviewer.tui.adjudicate import start_adjudication
    from reviewer.tui.app import make_app
    from tests.test_adjudicate import CONFIG, DISPUTED, HERE, _n_to

    cluster = Path(tempfile.mkdtemp()) / "drone_strike"
    shutil.copytree(HERE / "drone_strike", cluster)
    cfg = load_config(CONFIG)
    links, _ = align_cached(load_cluster([cluster]), cfg.align)
    app = make_app([str(cluster)], reviewer="adjudicator", config=cfg, links=links)
    start_adjudication(app, [str(cluster)])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await _n_to(pilot, app, DISPUTED)  # n also stops at label disputes (stop 26)
        assert app.focused_link().pair() == DISPUTED
        shown = app.query_one("#inspector").render().plain
        assert "DISPUTED  alice: conflict ✓ · bob: conflict ✗" in shown, shown
        assert "that:" in shown, shown
    shutil.rmtree(cluster.parent)


async def test_a_small_inspector_names_a_link_without_evidence_once(make):
    """With no evidence, the compact line read "≈ match → c:0 … match 0.66": the relation twice."""
    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("]")  # a:0's second link: a match with no evidence
        await pilot.pause()
        lines = inspector_lines(app)
        first = next(l for l in lines if l.startswith("▶"))
        assert first.startswith("▶ ≈ match  → ") and first.count("match") == 1, lines
