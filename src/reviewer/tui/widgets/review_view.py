"""The review itself: the columns, the bars and the inspector, and every key that moves or
edits. It holds the navigator (where the reviewer is) and the workspace (the work on disk);
after each change it makes a new ``ViewState`` and the widgets redraw from it.

It is the body of the app's default screen, focused so that its bindings come first.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Input, ProgressBar

from reviewer.keymap import KEYS
from reviewer.models import Link
from reviewer.review import Navigator
from reviewer.review.navigator import open_conflict
from reviewer.textsafe import safe_text
from reviewer.tui.collector import Idle
from reviewer.tui.flash import StatusFlash
from reviewer.tui.layout import column_step
from reviewer.tui.messages import AlignDone, AlignFailed, AlignProgress, ColumnRelaid, SentenceClicked
from reviewer.tui.screens import NoteScreen, SearchScreen
from reviewer.tui.state import ViewState
from reviewer.tui.visual_order import display
from reviewer.tui.widgets.columns import Columns
from reviewer.tui.widgets.inspector import Inspector
from reviewer.tui.widgets.status_bar import StatusBar, StatusInfo
from reviewer.tui.widgets.top_bar import TopBar, TopInfo
from reviewer.tui.workspace import Workspace

AUTOSAVE_DELAY = 0.8
APP_ACTIONS = {"help", "claims"}  # bound on the app: they work over any screen


def _place(i: int, n: int, wrapped: bool, step: int) -> str:
    """Where stop ``i`` of ``n`` stands after an n / N step (the only one, round the end, the last)."""
    if n == 1:
        return ", the only one"
    if wrapped:
        return ": back to the first" if step > 0 else ": back to the last"
    if step > 0 and i == n - 1:
        return ", the last (n: back to the first)"
    if step < 0 and i == 0:
        return ", the first (N: back to the last)"
    return ""


class ReviewView(StatusFlash, Vertical, can_focus=True):
    BINDINGS = [Binding(keys, action, desc, id=bid, show=False) for bid, keys, action, desc in KEYS
                if action not in APP_ACTIONS]
    state: var[ViewState | None] = var(None, init=False)

    def __init__(self, workspace: Workspace, **kwargs):
        super().__init__(**kwargs)
        self.ws = workspace
        self.cluster = workspace.cluster
        self.config = workspace.options.config
        self.nav: Navigator | None = None
        self.columns = Columns(self.cluster, id="columns")
        self.aligning = False
        self.align_status = ""
        self.adjudication = None  # reviewer.export.adjudication.Decisions with --adjudicate
        self._disputed: set | None = None  # --adjudicate: the disputed pairs, worked out once
        self._save_timer: Timer | None = None
        self._resize_pending = False
        # The columns follow the cursor's links (the link's article on screen, linked
        # sentences level) once the user moved, or came back to where they stopped; until then
        # each column stands at its top, in article order, whatever the alignment brings.
        self.following = False
        self._quit_armed = False
        self._reload_armed = False  # Reload sidecar asked once to drop unsaved work
        self._note_done: Callable[[str | None], None] | None = None  # the open note box's callback
        self.message = ""
        self._keys = 0  # keys come to on_key before their binding's action runs
        self._flash_key = 0  # the key during which the message was shown
        self.collector = Idle()  # full collections of the cycle collector while no key comes

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        yield ProgressBar(total=100, show_eta=False, id="align-progress")
        yield self.columns
        with Vertical(id="inspector-box"):  # its border and padding: the inspector's own lines go the quick way
            yield Inspector(id="inspector")
        yield StatusBar(id="status")

    def flash(self, message: str, seconds: float = 5) -> None:
        self._flash_key = self._keys  # the key during which the message was shown
        super().flash(message, seconds)

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Open the sidecar and show the review (called once the app is mounted)."""
        self.collector.install()
        self.set_interval(0.5, self.collector.tick)
        self.ws.open()
        self.attach()
        self.columns.lay_out(self.nav.art, self._link_column())

    def attach(self) -> None:
        """Build the session on the open sidecar, tell what happened, then get the links."""
        notices, save = self.ws.attach()
        # One toast for the warnings and errors of the start (one place, not a pile of them over
        # the articles), the worst first; the news goes to the status bar, also as one message.
        rank = {"error": 0, "warning": 1}
        bad = sorted((n for n in notices if n.severity in rank), key=lambda n: rank[n.severity])
        if bad:
            self.notify("\n".join(n.text for n in bad), severity=bad[0].severity,
                        timeout=max(n.timeout or 10 for n in bad) + 2 * (len(bad) - 1))
        news = [n for n in notices if n.severity not in rank]
        if news:
            self.flash("; ".join(n.text for n in news), max(n.timeout or 5 for n in news))
        if save and not self.ws.store.read_only:
            self._schedule_save()
        if self.nav is None:
            self.nav = Navigator(self.cluster, self.ws.session)
        self.nav.session = self.ws.session
        self.nav.restore(self.ws.session.data.cursor)
        if self.nav.cursor != (self.cluster.articles[0].id, 0):
            self.following = True
        self.publish()
        self.call_after_refresh(self._after_layout)
        opts = self.ws.options
        if opts.links is not None:
            self.set_links(opts.links)
        else:
            self.start_alignment(use_cache=opts.use_cache)

    def _link_column(self) -> int | None:
        """The article of the selected link's other end (None: no link selected, or the
        columns do not follow the links yet)."""
        focus = self.nav.focused_link() if self.nav is not None and self.following else None
        return self.nav.art_index.get(focus.other(self.nav.cursor)[0]) if focus is not None else None

    def _after_layout(self) -> None:
        self.columns.lay_out(self.nav.art, self._link_column())
        self.columns.bring_into_view(self.nav, sync=self.following)
        self.publish()

    def on_resize(self) -> None:
        if self.nav is not None:
            self.columns.lay_out(self.nav.art)
            self.call_after_refresh(self.columns.bring_into_view, self.nav, self.following)

    def on_column_relaid(self, _msg: ColumnRelaid) -> None:
        """A column got a new size: lay out again and bring the cursor and its links back into
        view once the new wrapping is in."""
        if self._resize_pending:
            return
        self._resize_pending = True

        def again() -> None:
            self._resize_pending = False
            self._after_layout()

        self.call_after_refresh(again)

    # ------------------------------------------------------------------ what the widgets draw
    def publish(self) -> None:
        """A new snapshot of the review: every widget redraws from it."""
        nav, session = self.nav, self.ws.session
        if nav is None or session is None:
            return
        self.state = ViewState(
            cluster=self.cluster, session=session, labels=tuple(self.config.labels), cursor=nav.cursor, art=nav.art,
            links=tuple(nav.links()), focus=nav.focused_link(), highlight=nav.highlight(), mark=nav.mark,
            filter_mode=nav.filter_mode, search_query=nav.search_query, search_hits=frozenset(nav.search_hits),
            search_pos=nav.search_pos, n_hits=len(nav.search_hits), aligning=self.aligning, others=self.adjudication)

    def watch_state(self, state: ViewState) -> None:
        self.columns.update(state)
        info = TopInfo(state, safe_text(self.ws.folder_name()), self.columns.first, self.columns.shown,
                       tuple(self.columns.order[:self.columns.shown]))
        top = self.query_one(TopBar)
        if top.info is None or info.shows() != top.info.shows():  # a cursor move seldom changes it
            top.info = info
        self.query_one(Inspector).info = state
        self.show_status()

    def _adjudicating(self) -> str:
        """--adjudicate: how many pairs are disputed, in the status bar for the whole session."""
        if self.adjudication is None:
            return ""
        if self._disputed is None:
            self._disputed = self.adjudication.disputed_pairs()
        n = len(self._disputed)
        session = self.ws.session
        done = sum(1 for d in session.data.links if d.pair() in self._disputed) if session is not None else 0
        left = f", {done} decided" if done else ""  # how far the adjudicator has got
        m = len(self.adjudication.label_disputes)  # sentences whose labels the reviewers set differently
        labels = f", labels disputed on {m} sentence{'s' if m != 1 else ''}" if m else ""
        return f"adjudicating: {n} disputed pair{'s' if n != 1 else ''}{left}{labels} (n / N)"

    def status_info(self, message: str) -> StatusInfo:
        """What the status bar shows, with ``message`` as its news (the claims screen has one too)."""
        return StatusInfo(
            safe_text(self.ws.options.reviewer), self.ws.saved_state(), dict(self.ws.session.progress()),
            " · ".join(filter(None, [self._adjudicating(), self.align_status, self.ws.status_note])),
            len(self.ws.orphans),
            safe_text(str(self.ws.options.sidecar)), message)

    @staticmethod
    def new_status_bar(**kwargs) -> StatusBar:
        """A status bar for another screen (the claims screen): the same look and parts."""
        return StatusBar(**kwargs)

    def show_status(self) -> None:
        if self.ws.session is None:
            return
        self.query_one(StatusBar).info = self.status_info(self.message)
        claims = getattr(self.app, "_claims_screen", None)  # saved / unsaved shows there too
        if claims is not None and claims.is_current:
            claims.show_status()

    # ------------------------------------------------------------------ alignment
    def start_alignment(self, use_cache: bool = True) -> None:
        self.aligning = True
        self.align_status = "aligning…"
        self.query_one("#align-progress", ProgressBar).add_class("running")
        self._align_worker(use_cache)
        self.show_status()

    @work(thread=True, exclusive=True, exit_on_error=False, group="align")
    def _align_worker(self, use_cache: bool) -> None:
        from reviewer.engine.runner import AlignCancelled, AlignJob  # in a child process: keys stay fast

        t0 = time.perf_counter()
        if getattr(self, "_align_job", None) is not None:
            self._align_job.cancel()  # a new alignment replaces the running one
        self._align_job = job = AlignJob(self.cluster, self.config.align, use_cache=use_cache)
        try:
            links, hit = job.run(progress=lambda f: self.post_message(AlignProgress(f)))
        except AlignCancelled:
            return
        except Exception as exc:  # the engine failing must not take the review down
            self.post_message(AlignFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(AlignDone(links, hit, time.perf_counter() - t0))

    def on_unmount(self) -> None:
        self.collector.release()
        if getattr(self, "_align_job", None) is not None:
            self._align_job.cancel()  # quitting ends the alignment's process at once

    def on_align_progress(self, msg: AlignProgress) -> None:
        self.query_one("#align-progress", ProgressBar).update(progress=int(msg.fraction * 100))
        self.align_status = f"aligning {int(msg.fraction * 100)}%"
        self.show_status()

    def on_align_done(self, msg: AlignDone) -> None:
        self.align_status = ""
        self.set_links(msg.links)
        n = len(self.ws.session.suggested)
        said = f"{n} links suggested ({'from the cache' if msg.from_cache else f'aligned in {msg.seconds:.1f} s'})"
        seconds = 8
        if self.message and self._flash_key == self._keys == 0:
            # the news of the start (--adjudicate's count) is still unread: kept after this
            said, seconds = f"{said}; {self.message}", 15
        self.flash(said, seconds)

    def on_align_failed(self, msg: AlignFailed) -> None:
        self.aligning = False
        self.query_one("#align-progress", ProgressBar).remove_class("running")
        self.align_status = "alignment failed"
        self.notify(f"alignment failed: {msg.error}; you can still read and tag", severity="error", timeout=15)
        self.publish()

    def set_links(self, links: list[Link]) -> None:
        if self.adjudication is not None:
            # disputed pairs the engine does not suggest (linked by hand) are shown too: n reaches them
            links = [*links, *self.adjudication.unsuggested_links(links)]
        self.ws.session.set_suggested(links)
        self.aligning = False
        self.query_one("#align-progress", ProgressBar).remove_class("running")
        # The links arrived: the columns stay as they are (they jumped to the selected link's
        # article under the reader's eyes); the next move brings it on screen.
        self.publish()
        self.collector.settle()  # tui.collector: full collections walk none of it, and
        self.call_after_refresh(self.collector.settle)  # nor the indexes the next frame builds

    # ------------------------------------------------------------------ movement
    def moved(self, sync: bool = True, stay: bool = False) -> None:
        """The cursor moved (or its selected link changed): scroll the columns to it (sync: the
        selected link's sentence level with it, the other linked ones as near as they fit) and
        redraw. ``stay`` (h / l): the columns do not scroll sideways while the cursor's is on
        screen."""
        self.following = True
        if self.message and self._flash_key != self._keys:  # news of an earlier key is stale now
            self.message = ""
            self.stop_flash_timer()
        if not self.message and self.nav.mark is not None and self.nav.mark != self.nav.cursor:
            self.message = self.mark_hint()  # until the link is made or the mark cleared
            self._flash_key = self._keys
        old_order = list(self.columns.order)
        self.columns.lay_out(self.nav.art, self._link_column(), stay)
        if self.columns.order != old_order:
            self.call_after_refresh(self.columns.bring_into_view, self.nav, sync)
        self.columns.bring_into_view(self.nav, sync=sync)
        self.publish()

    def _go(self, art: int, sent: int, sync: bool = True, stay: bool = False) -> None:
        self.nav.go(art, sent)
        self.moved(sync, stay)

    def on_sentence_clicked(self, msg: SentenceClicked) -> None:
        """A click on a sentence moves the cursor there; like a key, it makes older news stale."""
        if self.nav is None or self.app.screen is not self.screen:
            return
        self._keys += 1
        self.focus()
        self._go(msg.art, msg.sentence)

    def action_move(self, step: int) -> None:
        if self.nav.move(step):
            self.moved()
        else:
            self.flash(self.nav.end_message(step), 3)

    def action_edge(self, last: int) -> None:
        if self.nav.edge(last):
            self.moved()
        else:
            self.flash(self.nav.end_message(1), 3)

    def action_page(self, step: int) -> None:
        idx = self.columns.page_target(self.nav, step)
        if idx is not None:
            self._go(self.nav.art, idx)

    def action_column(self, step: int) -> None:
        target = column_step(self.columns.order, self.nav.art, step, len(self.cluster.articles))
        if target is not None:
            self._go(target, self.columns.column_target(self.nav, target), stay=True)  # never scrolls to a column on screen
        else:  # every article is shown and the cursor is in the edge column: say so, as j/k do
            self.flash("last article column" if step > 0 else "first article column", 3)

    def action_next_conflict(self, step: int) -> None:
        labels = self.adjudication.label_disputes if self.adjudication is not None else {}
        if labels and not self.nav.search_hits:  # --adjudicate with labels set differently: n / N stop there too
            got = self.nav.step_disputes(self.adjudication.disputed_pairs(), set(labels), step)
            if got is None:
                self.notify("no disputed pair or label among the sentences shown")
                return
            i, n, wrapped, at = got
            self.moved()
            said = f"dispute {i + 1} of {n}: " + (
                f"label{'s' if len(labels[at]) > 1 else ''} {' '.join(f'[{x}]' for x in labels[at])} "
                "(its key: keep or leave out)" if at is not None else "a pair")
            self.flash(said + _place(i, n, wrapped, step), 5)
        elif self.adjudication is not None and not self.nav.search_hits:  # --adjudicate: n / N go through disputes
            disputed = self.adjudication.disputed_pairs()
            got = self.nav.step_pairs(disputed, step)
            if got is not None:  # each pair once (not once from each end), and where in the list
                i, n, wrapped = got
                self.moved()
                self.flash(f"disputed pair {i + 1} of {n}" + _place(i, n, wrapped, step), 5)
            elif self._greyed(lambda l: l.pair() in disputed):
                self.notify(self._greyed_message("disputed pair"))
            else:
                self.notify("no disputed pair among the links shown")
        elif self.nav.next_conflict(step):
            self.moved()
        elif self._greyed(open_conflict):
            self.notify(self._greyed_message("open conflict"))
        elif self.aligning:
            self.notify("no open conflicts yet: still aligning")
        else:
            self.notify("no open conflicts: every conflict is decided (f → conflicts shows them all)")

    def action_next_unreviewed(self, step: int) -> None:
        if self.nav.next_unreviewed(step):
            self.moved()
        elif self._greyed(lambda l: l.decision is None):
            self.notify(self._greyed_message("link to review"))
        else:
            self.notify("every link is reviewed" if not self.aligning else "no links yet: still aligning")

    def _greyed(self, wanted: Callable[[Link], bool]) -> bool:
        """Whether a jump found nothing only because the filter greys out where it would land."""
        return self.nav.filter_mode != "all" and any(
            wanted(l) for links in self.ws.session.by_sentence.values() for l in links)

    def _greyed_message(self, what: str) -> str:
        return (f"every {what} is in a sentence the filter “{self.nav.filter_mode}” greys out "
                f"({self.config.keys.get('filter', 'f')}: next filter)")

    def action_focus_link(self, step: int) -> None:
        n = len(self.nav.links())
        if n < 2:  # ] and [ did nothing visible here, and said nothing
            self.notify("this sentence has no links" if not n else "this sentence has only one link")
            return
        self.nav.focus_link(step)
        self.moved()

    def action_jump(self) -> None:
        if self.nav.jump():
            self.moved()
            if not self.nav.visible(self.nav.art, self.nav.sent):  # the link's other end: said why it is grey
                key = self.nav.cursor
                self.flash(f"{key[0]}:{key[1]} is greyed out by the filter “{self.nav.filter_mode}” "
                           f"(its link brought you here; {self.config.keys.get('filter', 'f')}: next filter)", 5)
        else:
            self.notify("this sentence has no links")

    def action_mark(self) -> None:
        self.nav.toggle_mark()
        if self.nav.mark is not None:  # the gutter's ▌ alone did not say what comes next
            self.flash(self.mark_hint(), 8)
        else:
            self.flash("mark cleared", 2)
        self.publish()

    def action_search(self) -> None:
        def done(query: str | None) -> None:
            if query is None:
                return
            if not query.strip():  # an empty box ends the search ("nothing found for “”" said nothing)
                self.nav.search_hits, self.nav.search_query, self.nav.search_pos = [], "", -1
                self.notify("search ended (type words after / to search)")
                self.publish()
            elif self.nav.search(query):
                self.moved()
            else:
                self.notify(f"nothing found for “{display(query.strip())}”")
                self.publish()

        self.app.push_screen(SearchScreen(self.nav.search_query), done)

    def mark_hint(self) -> str:
        """What to do with the sentence marked with space (shown while it is marked)."""
        k, mark = self.config.keys, self.nav.mark
        return (f"marked {mark[0]}:{mark[1]}: go to the other sentence, then {k.get('link_match', '=')} (match) "
                f"or {k.get('link_conflict', '!')} (conflict); {k.get('escape', 'escape')} unmarks")

    def action_clear(self) -> None:
        had_mark = self.nav.mark is not None and not self.nav.search_hits
        self.nav.clear()
        if had_mark:
            self.flash("mark cleared", 2)
        self.publish()

    def action_cycle_filter(self) -> None:
        self.set_filter(self.nav.next_filter())

    def set_filter(self, mode: str) -> None:
        if not self.nav.set_filter(mode):
            self.flash(f"filter: {mode}, but no sentence is {mode}")
        else:
            shown = sum(1 for k in self.ws.session.sentences if self.ws.session.shows(k, mode))
            self.flash(f"filter: {mode}, {shown} of {len(self.ws.session.sentences)} sentences (others grey)"
                       if mode != "all" else "filter: all sentences", 4)
        self.moved()

    # ------------------------------------------------------------------ changes
    def changed(self) -> None:
        """The work changed: redraw, and save it soon."""
        self._reload_armed = False
        self.ws.changed()
        self.moved()  # a decision or an undo can change the links: keep the selected one level
        self._schedule_save()

    def writable(self) -> bool:
        """False, with the reason shown, when the sidecar is read-only (every change asks this)."""
        if self.ws.store.read_only:
            self.notify("read-only: " + (self.ws.store.read_only_reason or "") +
                        " (ctrl+p → Save as… to carry on in a copy, or Reload sidecar)", severity="error")
            return False
        return True

    def on_key(self, event) -> None:
        self.collector.key()
        self._keys += 1
        ch = event.character
        if ch and len(ch) == 1 and ch in "123456789":
            event.stop()
            self.action_label(ch)

    def action_label(self, key: str) -> None:
        lab = self.ws.session.labels_by_key.get(key)
        if lab is None:
            self.notify(f"no label on key {key} (see config.toml)")
            return
        if not self.writable():
            return
        disputed = self.adjudication.label_disputes.get(self.nav.cursor, {}) if self.adjudication is not None else {}
        if lab.name in disputed:  # --adjudicate: keep it, leave it out, undecided, in turn
            state = self.ws.session.cycle_disputed_label(self.nav.cursor, lab.name)
            said = {"kept": f"+ {lab.name}: kept", "left out": f"− {lab.name}: left out (press {key} again: undecided)",
                    "undecided": f"{lab.name}: undecided (the majority decides)"}[state]
            self.notify(said, timeout=3)
            self.changed()
            return
        on = self.ws.session.toggle_label(self.nav.cursor, lab.name)
        self.notify(f"{'+' if on else '−'} {lab.name}", timeout=1.5)
        self.changed()

    def action_decide(self, decision: str) -> None:
        link = self.nav.focused_link()
        if link is None:
            self.notify("no link on this sentence")
            return
        if not self.writable():
            return
        had_note = bool(link.note.strip())
        engine = self.ws.session.overridden(link)
        if engine is not None:
            # your own link over a suggestion of another relation: a / x answer the suggestion,
            # which comes back in its place (one undo step)
            self.ws.session.decide(link, decision)
            self.nav.select(link, engine)
            sign = "≠" if engine == "conflict" else "≈"
            undo = self.config.keys.get("undo", "u")
            self.notify(f"{sign} the engine's {engine} suggestion: {decision}, in place of your {link.relation} "
                        f"link ({undo}: undo)")
            self.changed()
            return
        if not self.ws.session.decide(link, decision, note_to=self.nav.cursor):
            key = self.config.keys.get("note", "e")  # the note key as configured
            self.notify(f"this link and its sentence both have a note (two notes are never merged): clear one "
                        f"({key}) to set the link back to undecided")
            return
        # The selection stays on the link just decided, so that "] x" walks on.
        self.nav.select(link, link.relation)
        now = self.nav.focused_link()
        if now is not None and now.pair() == link.pair() and now.relation == link.relation:
            state = now.decision or "back to undecided"
            if had_note and now.decision is None:
                state += "; its note is kept as the sentence's note"
            self.notify(f"{'≠' if link.relation == 'conflict' else '≈'} {link.relation}: {state}", timeout=1.5)
        self.changed()

    def action_flip_link(self) -> None:
        """The selected link is the other relation: recorded as the reviewer's link over the
        suggestion (its evidence stays shown), as mark, the other sentence, = or ! would; on a
        link that already overrides a suggestion, the suggestion comes back, accepted."""
        link = self.nav.focused_link()
        if link is None:
            self.notify("no link on this sentence to turn into the other relation")
            return
        if not self.writable():
            return
        relation = "match" if link.relation == "conflict" else "conflict"
        other = link.other(self.nav.cursor)
        new, done = self.ws.session.link_by_hand(self.nav.cursor, other, relation)
        self.nav.select(new, relation)
        sign, was = ("≠" if relation == "conflict" else "≈"), link.relation
        where = f"{other[0]}:{other[1]}"
        self.notify({"accepted": f"{sign} {relation} with {where}: the engine's suggestion, accepted",
                     "over the suggestion": f"{sign} {relation} with {where}: your decision over the engine's "
                                            f"{was} (its evidence stays shown)",
                     }.get(done, f"{sign} {relation} with {where}: your link (it was a {was})"), timeout=3)
        self.changed()

    def action_manual_link(self, relation: str) -> None:
        nav = self.nav
        if nav.mark is None:
            self.notify("mark a sentence with space first, then move to the other one")
            return
        if nav.mark == nav.cursor:
            self.notify("move to another sentence to link it with the mark")
            return
        if not self.writable():
            return
        link, done = self.ws.session.link_by_hand(nav.mark, nav.cursor, relation)
        nav.mark = None
        nav.select(link)
        sign = "≠" if relation == "conflict" else "≈"
        self.notify({"accepted": f"{sign} the suggested {relation} link: accepted",
                     "already accepted": f"{sign} the suggested {relation} link was accepted already",
                     "over the suggestion": f"your {relation} link recorded over the engine's suggestion "
                                            f"(its evidence stays shown)",
                     }.get(done, f"manual {relation} link made"))
        if done != "already accepted":
            self.changed()
        else:
            self.moved()  # the mark is gone

    def action_note(self) -> None:
        if not self.writable():
            return
        session, link = self.ws.session, self.nav.focused_link()
        if link is not None and link.decision is not None:
            other = link.other(self.nav.cursor)
            title = f"Note on the {link.relation} link to {other[0]}:{other[1]}"
            where = f"the {link.relation} link to {other[0]}:{other[1]}"
            current = link.note
            write: Callable[[str], object] = lambda text: session.set_link_note(link, text)
        else:
            key = self.nav.cursor
            title = f"Note on sentence {key[0]}:{key[1]}"
            where = f"sentence {key[0]}:{key[1]}"
            current = session.notes_by.get(key, "")
            write = lambda text: session.set_sentence_note(key, text)

        def done(text: str | None) -> None:
            self._note_done = None
            if text is not None and text != current:
                write(text)
                self.notify(safe_text(f"note saved on {where}" if text.strip() else f"note removed from {where}"),
                            timeout=2)
                self.changed()

        self._note_done = done
        self.app.push_screen(NoteScreen(title, current, where), done)

    def keep_typed_note(self) -> None:
        """Quitting with the note box open keeps what was typed, as Enter would (Esc is how a
        note is dropped): ctrl+q or a closed terminal must not lose it."""
        done, screen = self._note_done, self.app.screen
        if done is None or not isinstance(screen, NoteScreen):
            return
        typed = screen.query_one(Input).value
        if typed != safe_text(screen.text):  # what the box was opened with (shown safe)
            done(typed)

    def action_undo(self) -> None:
        self._history(self.ws.session.undo(), "undone", "nothing to undo")

    def action_redo(self) -> None:
        self._history(self.ws.session.redo(), "redone", "nothing to redo")

    def _history(self, done: bool, yes: str, no: str) -> None:
        if done:
            self.notify(f"{yes}: {self.ws.session.last_change}", timeout=3)
            self.changed()
        else:
            self.notify(no)

    # ------------------------------------------------------------------ saving
    def _schedule_save(self) -> None:
        if self.ws.store.read_only:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.ws.autosave_delay(), self._autosave)  # max delay 2 s

    def _autosave(self) -> None:
        self._save_timer = None
        self.save(quiet=True)

    def stop_autosave(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def action_save(self) -> None:
        self.save()

    def save(self, quiet: bool = False) -> bool:
        if self.ws.store.read_only:
            if not quiet:
                self.notify(f"not saved: {self.ws.store.read_only_reason}", severity="error")
            return False
        before = self.ws.last_save_error
        error = self.ws.save(self.nav.cursor)
        if error is None and before is not None:
            self.app.clear_notifications()  # the failure it told of is over
        if error is not None and (not quiet or error != before):
            # Autosave runs after every change: the same failure is said once (the status bar
            # keeps saying NOT SAVED), with the way out; toasts piled up over the articles.
            self.notify(f"{error} (ctrl+p → Save as… writes it elsewhere and carries on there)",
                        severity="error", timeout=15)
        elif not quiet:
            self.notify(f"saved {self.ws.options.sidecar}")
        self.show_status()
        return error is None

    def reload(self) -> None:
        """Read the sidecar from disk again (after another instance or a person changed it).
        Work not saved yet (saving failed, or within the autosave delay) is dropped only when
        asked twice: the palette's one line about it was easy to miss."""
        if self.ws.dirty and not self.ws.store.read_only and not self._reload_armed:
            self._reload_armed = True
            self.notify("you have changes not saved: Reload sidecar again drops them; ctrl+p → Save as… keeps "
                        "them in another file", severity="warning", timeout=10)
            return
        self._reload_armed = False
        self.stop_autosave()
        self.app.clear_notifications()  # what they said was about the sidecar as it was
        links = self.ws.session.suggested if self.ws.session is not None else []
        self.ws.reload()
        self.attach()
        if links:
            self.ws.session.set_suggested(links)
        self.ws.dirty = False
        self.columns.lay_out(self.nav.art)
        self.publish()
        if not self.ws.store.read_only:
            self.notify(f"reloaded {self.ws.store.path}")

    def action_quit_app(self) -> None:
        self.keep_typed_note()
        self.stop_autosave()
        ws = self.ws
        if ws.session is not None and not ws.store.read_only and ws.cursor_moved(self.nav.cursor):
            ws.dirty = True  # the place where the reviewer stopped is part of the work
        if ws.dirty and not self.save(quiet=True):
            self.notify("not saved: ctrl+p → Save as… writes your work elsewhere; q again quits and loses "
                        "what is not saved", severity="error")
            if self._quit_armed:
                ws.store.close()
                self.app.exit(1)
            self._quit_armed = True
            return
        ws.store.close()
        self.app.exit(0)
