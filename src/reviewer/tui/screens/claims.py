"""The claims screen (key ``c``, palette *Claims*): rows are claims, columns are sources.

    top line      the cluster, counts, the sort and the filter
    claim matrix  ✓ states it · ≠ states a conflicting version · · silent (screens/claims_table.py)
    bottom        the selected claim (its sentences per source, the conflicting versions with their
                  evidence) and the source × source matrix (shared ≈, contradicted ≠, alone +)

Keys: j/k (↓/↑) claims, g/G first/last, pgup/pgdn, h/l (←/→) the selected source, enter the
claim's sentence in that source (or its conflicting version) in the columns view, a/x accept /
reject every match link of the claim (one undoable step; again: back to undecided), 1–9 the label
on every sentence of the claim (one step), s sort (most sources, contested first, first
appearance), f contested claims only, u/ctrl+r undo/redo, ? these keys, esc/c/q back.

The screen is kept by the app and shown again on the next ``c``, on the claim of the sentence
under the cursor of the columns view.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from reviewer.review.claimboard import SORT_WORDS, ClaimBoard, letter
from reviewer.tui.screens.list import ListScreen
from reviewer.tui.screens.claims_table import ClaimsTable
from reviewer.tui.flash import StatusFlash
from reviewer.tui.richtext import safe_rich
from reviewer.tui.visual_order import VisualLines, base_direction, has_rtl

if TYPE_CHECKING:
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.widgets.review_view import ReviewView

KEYS_HELP = [
    ("j k / ↓ ↑", "next / previous claim"), ("g G / home end", "first / last claim"), ("pgup pgdn", "page"),
    ("h l / ← →", "select a source (column)"),
    ("enter", "the claim's sentence in the selected source (or its conflicting version) in the columns view"),
    ("a / x", "accept / reject every match link of the claim: one undoable step (again: undecided)"),
    ("1 … 9", "toggle that label on every sentence of the claim: one undoable step"),
    ("s", "sort: most sources first / contested first / first appearance"), ("f", "contested claims only / all"),
    ("n / N", "next / previous contested claim (in the columns: the next open conflict)"),
    ("u / ctrl+r", "undo / redo"), ("esc c q", "back to the columns"),
]
KEYS_LINE = (" j/k claims · h/l source · enter go to it · a/x accept/reject the claim · 1–9 label it · "
             "s sort · f contested · u undo · ? keys · esc back")
KEYS_LINE_MID = " j/k · h/l · enter · a/x accept/reject · 1–9 label · s sort · f contested · u undo · ? keys · esc"
KEYS_LINE_SHORT = " j/k · h/l · enter · a/x · 1–9 · s · f · u · ? keys · esc"  # below 100 columns
MATRIX_COLS = 6  # sources in the small matrix; the rest: reviewer claims --markdown


def open_claims(app: ReviewerApp) -> None:
    """Show the claims screen (one per app, kept between visits) on the claim under the cursor."""
    if len(app.screen_stack) > 1 or app.session is None:
        return
    screen = getattr(app, "_claims_screen", None)
    if screen is None:
        screen = app._claims_screen = ClaimsScreen(app.review)
    app.push_screen(screen)


class ClaimsScreen(StatusFlash, Screen):
    # Below 100 columns the screen is "-narrow": the source matrix is left out (app.tcss), so
    # that the claim under the cursor has the bottom panel's whole width.
    # The keys line has three lengths: the keys alone (-narrow), a few words (-wide), all (-full).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (140, "-full")]
    BINDINGS = [
        Binding("j,down", "move(1)", "next claim", show=False),
        Binding("k,up", "move(-1)", "previous claim", show=False),
        Binding("g,home", "edge(0)", "first claim", show=False),
        Binding("G,end", "edge(1)", "last claim", show=False),
        Binding("pagedown", "page(1)", "page down", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("l,right", "source(1)", "next source", show=False),
        Binding("h,left", "source(-1)", "previous source", show=False),
        Binding("enter", "jump", "go to the sentence", show=False),
        Binding("a", "decide('accepted')", "accept the claim", show=False),
        Binding("x", "decide('rejected')", "reject the claim", show=False),
        Binding("s", "sort", "sort", show=False),
        Binding("f", "contested", "contested only", show=False),
        Binding("n", "next_contested(1)", "next contested claim", show=False),
        Binding("N", "next_contested(-1)", "previous contested claim", show=False),
        Binding("u", "undo", "undo", show=False),
        Binding("ctrl+r", "redo", "redo", show=False),
        Binding("question_mark", "keys", "keys", show=False),
        Binding("escape,c,q", "back", "back", show=False),
    ]

    def __init__(self, review: ReviewView):
        super().__init__()
        self.review = review
        self.board = ClaimBoard(review.ws.session, build=False)  # built on each visit (on_screen_resume)
        self.table = ClaimsTable(self.board, id="claims-table")
        self._suggested = None
        self._confirm: tuple[int, str] | None = None  # a flagged claim whose acceptance awaits a second key
        self.message = ""

    def show_status(self) -> None:
        if self.review.ws.session is not None and self.is_mounted:
            self.query_one("#claims-status").info = self.review.status_info(self.message)

    def compose(self) -> ComposeResult:
        yield Static(id="claims-top")
        yield self.table
        with Horizontal(id="claims-bottom"):
            with VerticalScroll(id="claims-detail-box"):
                yield Static(id="claims-detail")
            yield Static(id="claims-matrix")
        # short news, as on the columns view (its status bar's kind: screens never import widgets)
        yield self.review.new_status_bar(id="claims-status")
        # the keys line: in words when the screen is wide, its keys alone when narrow (app.tcss)
        for line, name in ((KEYS_LINE, "full"), (KEYS_LINE_MID, "wide"), (KEYS_LINE_SHORT, "narrow")):
            yield Static(Text(line, no_wrap=True, overflow="ellipsis"), id=f"claims-keys-{name}",
                         classes=f"claims-keys keys-{name}")

    def on_mount(self) -> None:
        self.watch(self.review, "state", self._review_published, init=False)

    def on_resize(self, _event) -> None:
        # the top line keeps what fits at the new width (the first visit is drawn before it has one)
        self.call_after_refresh(lambda: self.query_one("#claims-top", Static).update(safe_rich(self._top())))

    def _review_published(self, _state) -> None:
        """The columns view published a new state: rebuild only when the engine's links arrived
        (alignment finished, re-aligned, reloaded); this screen's own changes redraw themselves."""
        session = self.review.ws.session
        if self.is_current and session is not None and (session is not self.board.session
                                                        or session.suggested is not self._suggested):
            self.on_screen_resume()

    def on_screen_resume(self) -> None:
        """Every visit: the claims of the session as it is now, on the claim of the columns' cursor."""
        session = self.review.ws.session
        if self.board.session is not session:  # the sidecar was reloaded
            self.board = ClaimBoard(session, self.board.sort, self.board.contested_only, build=False)
            self.table.board = self.board
        self._suggested = session.suggested
        nav = self.review.nav
        self.board.refresh(keep=nav.cursor if nav is not None else None)
        if nav is not None:
            self.board.col = nav.art
        if self.review.aligning:
            self.notify("still aligning: these claims come from the links found so far", timeout=4)
        self.redraw()

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        self.table.changed()
        self.show_status()
        self.query_one("#claims-top", Static).update(safe_rich(self._top()))
        self.query_one("#claims-detail", Static).update(self._detail_shown())
        self.query_one("#claims-matrix", Static).update(safe_rich(self._matrix()))

    def _top(self) -> Text:
        b = self.board
        n = b.counts()
        paths = self.review.ws.options.paths
        first = Path(paths[0]) if paths else None
        name = "" if first is None else (first if first.is_dir() else first.parent).resolve().name
        # What the reviewer set (sort, filter) and the counts to act on come first: on a narrow
        # screen the folder's name and the shared count are left out, never the sort cut in half.
        parts: list[tuple[int, str, str]] = [  # (priority: lower is left out first, text, style)
            (1, name, ""), (3, f"{n['claims']} claims", ""), (0, f"{n['shared']} stated by more than one", ""),
            (4, f"{n['contested']} contested", "bold")]
        if n["inconsistencies"]:
            parts.append((4, f"⚠ {n['inconsistencies']} inconsistent", ""))
        parts.append((5, f"sort: {SORT_WORDS[b.sort]}", ""))
        if b.contested_only:
            parts.append((6, f"filter: contested ({n['shown']})", "bold"))
        parts = [p for p in parts if p[1]]
        width = (self.query_one("#claims-top").content_size.width if self.is_mounted else 0) or 200
        while len(parts) > 1 and 9 + len(" · ".join(p[1] for p in parts)) > width:
            parts.remove(min(parts, key=lambda p: p[0]))
        t = Text(no_wrap=True, overflow="ellipsis")
        t.append(" Claims ", style="bold reverse")
        t.append(" ")
        for i, (_prio, text, style) in enumerate(parts):
            if i:
                t.append(" · ")
            t.append(text, style=style)
        return t

    def _detail_shown(self) -> Text | VisualLines:
        """The detail as drawn: its right-to-left sentences in visual order on each screen line
        (issue 14; wrapped at the width the panel has when drawn), else the text itself."""
        parts: list[tuple[int, int, str]] = []
        t = safe_rich(self._detail(parts))
        return VisualLines(t, parts) if parts else t

    def _detail(self, parts: list[tuple[int, int, str]] | None = None) -> Text:
        """The selected claim's text; the (start, end, direction) of each sentence holding
        right-to-left text go to ``parts``."""
        parts = [] if parts is None else parts

        def sentence(text: str) -> None:
            start = len(t)
            t.append(text)
            if has_rtl(text):
                parts.append((start, len(t), base_direction(text)))

        b = self.board
        c = b.current()
        t = Text()
        if c is None:
            t.append("no claim to show" + (" (f shows all claims again)" if b.contested_only else ""), style="dim")
            return t
        texts = b.session.sentences
        col = {a: i for i, a in enumerate(b.articles)}
        d = c.decision_counts()
        t.append(f"Claim {c.id}", style="bold")
        t.append(f" · {len(c.sources)} of {len(b.articles)} sources")
        if c.contradicted_by:
            t.append(" · contradicted by " + " ".join(letter(col[a]) for a in c.contradicted_by), style="red")
        t.append(f" · links {d['accepted']} accepted, {d['rejected']} rejected, {d['open']} open")
        if c.flags:
            t.append(" · ⚠ " + ", ".join(c.flags), style="yellow")
        named = sorted({col[k[0]] for k in c.sentences} | {col[a] for a in c.contradicted_by if a in col})
        t.append("\n" + " · ".join(f"{letter(i)} {b.articles[i]}" for i in named), style="dim")  # what the letters stand for
        for k in sorted(c.sentences, key=lambda k: (col.get(k[0], 0), k[1])):
            t.append("\n✓ ", style="green")
            t.append(f"{letter(col[k[0]])}:{k[1]} ", style="bold")
            tags = b.session.tags_by.get(k)
            if tags:
                t.append("[" + ", ".join(tags) + "] ", style="cyan")
            sentence(" ".join(texts[k].text.split()))
        for other in sorted(c.conflicts):
            for l in c.conflicts[other]:
                mine, theirs = (l.a, l.b) if b.claims.claim_of[l.a] == c.id else (l.b, l.a)
                t.append("\n≠ ", style="red")
                t.append(f"{letter(col[theirs[0]])}:{theirs[1]} ", style="bold")
                t.append(f"(claim {other}, {l.decision or 'open'}) ", style="dim")
                sentence(" ".join(texts[theirs].text.split()))
                for e in l.evidence:
                    x, y = (e.a, e.b) if mine == l.a else (e.b, e.a)
                    t.append(f"  {e.kind}: “{x}” vs “{y}”", style="red")
        return t

    def _matrix(self) -> Text:
        """The source × source matrix: in each cell shared ≈, contradicted ≠, and the claims the
        row's source has alone (+); on the diagonal, how many claims the source states."""
        b = self.board
        m = b.matrix
        arts = b.articles
        first = min(max(0, b.col - MATRIX_COLS // 2), max(0, len(arts) - MATRIX_COLS))
        shown = list(range(first, min(len(arts), first + MATRIX_COLS)))
        w = 9
        t = Text(no_wrap=True)
        t.append("sources  ≈ shared  ≠ contradicted  + alone\n", style="bold")
        t.append("   " + "".join(f"{letter(j):>{w}}" for j in shown))
        if len(arts) > len(shown):
            t.append(f"  ({len(arts)} sources: h/l)", style="dim")
        for i in shown:
            t.append(f"\n{letter(i):<3}", style="bold" if i == b.col else "")
            for j in shown:
                if i == j:
                    t.append(f"{m.claims_of[arts[i]]:>{w - 1}} ", style="dim")
                    continue
                p = m.pair(arts[i], arts[j])
                cell = Text(justify="right")
                cell.append(f"{p.shared}≈", style="green" if p.shared else "dim")
                cell.append(f"{p.contradicted}≠", style="bold red" if p.contradicted else "dim")
                cell.append(f"{p.only_a}+", style="")
                t.append(" " * max(1, w - len(cell.plain)))
                t.append_text(cell)
        return t

    # ------------------------------------------------------------------ keys
    def _after_move(self) -> None:
        self.table.changed()
        self.query_one("#claims-detail", Static).update(self._detail_shown())
        self.query_one("#claims-detail-box").scroll_home(animate=False)

    def action_move(self, step: int) -> None:
        if self.board.move(step):
            self._after_move()

    def action_edge(self, last: int) -> None:
        self.board.edge(bool(last))
        self._after_move()

    def action_page(self, step: int) -> None:
        self.board.move(step * max(1, self.table.scrollable_content_region.height - 2))
        self._after_move()

    def action_source(self, step: int) -> None:
        self.board.move_col(step)
        self.table.changed()
        self.query_one("#claims-matrix", Static).update(safe_rich(self._matrix()))

    def action_sort(self) -> None:
        sort = self.board.cycle_sort()
        self.notify(f"sort: {SORT_WORDS[sort]}", timeout=1.5)
        self.redraw()

    def action_contested(self) -> None:
        on = self.board.toggle_contested()
        self.notify("contested claims only" if on else "all claims", timeout=1.5)
        self.redraw()

    def action_next_contested(self, step: int) -> None:
        """n / N: the claim-screen form of the columns' "next open conflict"."""
        rows, b = self.board.rows, self.board
        for k in range(1, len(rows) + 1):
            row = (b.row + step * k) % len(rows)
            if b.claim_at(row).contested:
                if row == b.row:
                    self.notify("this is the only contested claim (n: next contested claim)", timeout=3)
                    return
                b.row = row
                self._after_move()
                return
        self.notify("no contested claim here (n goes to the next contested claim; "
                    "in the columns, to the next open conflict)", timeout=4)

    def action_jump(self) -> None:
        c = self.board.current()
        if c is None:
            return
        article = self.board.articles[self.board.col]
        key, how = self.board.target(c, article)
        if how == "first":
            self.review.notify(f"{letter(self.board.col)} is silent on claim {c.id}: its first sentence instead",
                            timeout=3)
        review = self.review
        self.app.pop_screen()
        review.nav.go_key(key)
        review.moved()

    def action_decide(self, decision: str) -> None:
        c = self.board.current()
        if c is None or not self.review.writable():
            return
        links = self.board.match_links(c)
        if not links:
            self.notify(f"claim {c.id} has no match links to decide (one sentence)")
            return
        back = all(l.decision == decision for l in links)  # deciding the same again: back to undecided
        if c.flags and decision == "accepted" and not back and self._confirm != (c.id, decision):
            # an inconsistent claim (its sentences disagree among themselves): a second key accepts it
            self._confirm = (c.id, decision)
            self.notify(f"claim {c.id} is flagged ⚠ {', '.join(c.flags)}: press a again to accept its {len(links)} "
                        f"match links anyway (its sentences disagree among themselves)", timeout=5)
            return
        self._confirm = None
        if not self.review.ws.session.decide_many(links, decision):
            return
        self.review.changed()
        self.board.refresh()
        state = "back to undecided" if back else decision
        self.notify(f"claim {c.id}: {len(links)} match link{'s' if len(links) != 1 else ''} {state}", timeout=2)
        self.redraw()

    def on_key(self, event) -> None:
        ch = event.character
        if ch and len(ch) == 1 and ch in "123456789":
            event.stop()
            self.label(ch)

    def label(self, key: str) -> None:
        c = self.board.current()
        session = self.review.ws.session
        lab = session.labels_by_key.get(key)
        if lab is None:
            self.notify(f"no label on key {key} (see config.toml)")
            return
        if c is None or not self.review.writable():
            return
        on = session.toggle_label_many(list(c.sentences), lab.name)
        self.review.changed()
        self.notify(f"{'+' if on else '−'} {lab.name} on the {len(c.sentences)} sentence"
                        f"{'s' if len(c.sentences) != 1 else ''} of claim {c.id}", timeout=2)
        self.query_one("#claims-detail", Static).update(self._detail_shown())

    def _history(self, done: bool, word: str) -> None:
        if not done:
            self.notify(f"nothing to {word}")
            return
        self.review.changed()
        self.board.refresh()
        # The history is the review's, shared with the columns view: say what was taken back.
        self.notify(f"{'undone' if word == 'undo' else 'redone'}: {self.review.ws.session.last_change}", timeout=4)
        self.redraw()

    def action_undo(self) -> None:
        self._history(self.review.ws.session.undo(), "undo")

    def action_redo(self) -> None:
        self._history(self.review.ws.session.redo(), "redo")

    def action_keys(self) -> None:
        self.app.push_screen(ListScreen("Keys of the claims screen", list(KEYS_HELP)))

    def action_back(self) -> None:
        self.app.pop_screen()
