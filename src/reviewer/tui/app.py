"""The review TUI: articles side by side, matches and conflicts highlighted, keyboard tagging.

``make_app`` builds the App for both the CLI and the tests (tests pass precomputed links so
that they do not depend on the engine). Alignment runs in a thread worker; the articles are
readable and navigable before it finishes.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import ProgressBar

from reviewer.config import Config, load_config
from reviewer.errors import ReviewerError, SidecarError
from reviewer.export.formats import REGISTRY as EXPORT_FORMATS
from reviewer.models import Cluster, Link
from reviewer.review import FILTERS, Key, ReviewSession, ShownLink
from reviewer.sidecar.paths import default_sidecar_path, is_sidecar_name, safe_name
from reviewer.sidecar.reanchor import reanchor, sentences_of
from reviewer.sidecar.store import SidecarStore
from reviewer.tui.column import ArticleView
from reviewer.tui.messages import AlignDone, AlignFailed, AlignProgress
from reviewer.keymap import KEYS, check_key_overrides
from reviewer.tui.screens import HelpScreen, ListScreen, NoteScreen, SaveAsScreen, SearchScreen

MIN_COLUMN = 38
MAX_SLOTS = 12  # columns on screen at most (a very wide terminal)
AUTOSAVE_DELAY = 0.8

# (id, keys, action, description)


def _short_path(path: str | Path) -> str:
    """The sidecar path as a person reads it: relative to here, else with ~ for the home folder."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        pass
    home = str(Path.home())
    s = str(p)
    return "~" + s[len(home):] if home not in ("", "/") and s.startswith(home + os.sep) else s


@dataclass
class Options:
    paths: list[str]
    reviewer: str
    sidecar: Path
    config: Config
    links: list[Link] | None = None  # precomputed (tests); None: run the engine
    use_cache: bool = True
    warnings: list[str] = field(default_factory=list)


class TextPanel(Widget):
    """A fixed-size panel showing one Rich Text; updating it redraws it without a new layout."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.text: Text = Text()

    def set(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text


class ArticlePane(Vertical):
    """A column slot; it shows whichever article the horizontal scroll puts in it."""

    def __init__(self, slot: int):
        super().__init__()
        self.slot = slot
        self.article = None
        self.index = -1
        self.view: ArticleView | None = None
        self.title = TextPanel(classes="pane-title")

    def compose(self) -> ComposeResult:
        yield self.title
        yield self.view

    def show(self, article, index: int, scroll_y: int) -> bool:
        """Bind the slot to an article. Returns True when it changed."""
        if self.index == index:
            return False
        self.article, self.index = article, index
        self.view.set_article(article, index, scroll_y)
        return True

    def set_title(self, counts: str) -> None:
        a = self.article
        head = a.title or a.id
        meta = " · ".join(x for x in (a.source, a.date) if x)
        line1 = Text(head, style="bold", overflow="ellipsis", no_wrap=True)
        line2 = Text(f"{meta}{' · ' if meta else ''}{len(a.sentences)} sentences {counts}", style="dim",
                     overflow="ellipsis", no_wrap=True)
        self.title.set(Text("\n").join([line1, line2]))


class ReviewerCommands(Provider):
    """Command palette (ctrl+p): export, filters, themes, reload, save."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: ReviewerApp = self.app  # type: ignore[assignment]
        cmds: list[tuple[str, Callable[[], object], str]] = []
        for f in EXPORT_FORMATS:
            cmds.append((f"Export: {f.name}", lambda fmt=f.name: app.export(fmt), f.description))
        for mode in FILTERS:
            cmds.append((f"Filter: {mode}", lambda mode=mode: app.set_filter(mode), "dim the other sentences; j/k skip them"))
        for theme in ("textual-dark", "textual-light", "nord", "gruvbox", "dracula", "solarized-light", "monokai"):
            cmds.append((f"Theme: {theme}", lambda theme=theme: setattr(app, "theme", theme), "colour theme"))
        cmds.append(("Reload sidecar", app.reload, "read the sidecar from disk again, dropping unsaved changes"))
        cmds.append(("Save", app.action_save, "save the sidecar now"))
        cmds.append(("Save as…", app.save_as, "save the sidecar to another file and carry on there"))
        cmds.append(("Orphans", app.show_orphans, "tags and links whose sentence is gone from the articles"))
        cmds.append(("Re-align (ignore the cache)", lambda: app.start_alignment(use_cache=False), "run the engine again"))
        return cmds

    async def discover(self) -> Hits:
        for name, cb, help_text in self._commands():
            yield Hit(1.0, name, cb, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, cb, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), cb, help=help_text)


class ReviewerApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "reviewer"
    COMMANDS = App.COMMANDS | {ReviewerCommands}
    BINDINGS = [Binding(keys, action, desc, id=bid, show=False) for bid, keys, action, desc in KEYS]

    def __init__(self, cluster: Cluster, options: Options):
        super().__init__()
        self.cluster = cluster
        self.options = options
        self.config = options.config
        self.store = SidecarStore(options.sidecar, options.reviewer)
        self.session: ReviewSession | None = None
        self.slots: list[ArticlePane] = []
        self.scroll_memo: dict[int, int] = {}
        self._titles_dirty = True
        self.cur_art = 0
        self.cur_sent = 0
        self.first_col = 0
        self.n_cols = 1
        self.link_focus = 0
        self.mark: Key | None = None
        self.filter_mode = "all"
        self.search_query = ""
        self.search_hits: list[Key] = []
        self.search_pos = -1
        self.jump_origin: tuple[Key, int] | None = None
        self.dirty = False
        self.last_save_error: str | None = None
        self.aligning = False
        self.align_status = ""
        self._save_timer = None
        self._highlight: dict[Key, ShownLink] = {}
        self.orphans: list[str] = []
        self._saved_cursor: Key | None = None
        self._resize_pending = False
        self._art_index = {a.id: i for i, a in enumerate(cluster.articles)}

    def notify(self, message: str, **kwargs) -> None:  # type: ignore[override]
        """Messages quote file names, config text and article words: never read them as markup."""
        kwargs.setdefault("markup", False)
        super().notify(message, **kwargs)

    # ------------------------------------------------------------------ set-up
    def compose(self) -> ComposeResult:
        yield TextPanel(id="topbar")
        yield ProgressBar(total=100, show_eta=False, id="align-progress")
        with Horizontal(id="columns"):
            for k in range(min(MAX_SLOTS, len(self.cluster.articles))):
                pane = ArticlePane(k)
                pane.view = ArticleView(self.cluster.articles[k], k)
                pane.view.state = self._display_state
                pane.view.on_resized = self._view_resized
                pane.article, pane.index = self.cluster.articles[k], k
                self.slots.append(pane)
                yield pane
        yield TextPanel(id="inspector")
        yield TextPanel(id="status")

    def on_mount(self) -> None:
        if self.config.theme:
            try:
                if self.config.theme not in self.available_themes:
                    raise ValueError(self.config.theme)
                self.theme = self.config.theme
            except Exception:
                self.notify(f"unknown theme {self.config.theme!r} in the config; using the default", severity="warning")
        if self.config.keys:
            keymap, problems = check_key_overrides(self.config.keys, [l.key for l in self.config.labels])
            for msg in problems:
                self.notify(f"{self.config.path}: {msg}", severity="warning", timeout=12)
            try:
                self.set_keymap(keymap)
            except Exception as exc:  # pragma: no cover - defensive
                self.notify(f"config [keys]: {exc}", severity="error")
        self.store.open()
        self._attach_sidecar()
        self._layout_columns()

    def _attach_sidecar(self) -> None:
        """Re-anchor the open sidecar to the sentences and build the review session on it."""
        data = self.store.data
        data.reviewer = self.options.reviewer
        self._saved_cursor = data.cursor
        rep = reanchor(data, sentences_of(self.cluster))
        self.session = ReviewSession(self.cluster, data, self.config.labels)
        self.orphans = self.session.orphans()
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "read-only", severity="error", timeout=15)
        elif data.migrated_from is not None:
            self.notify(f"sidecar converted from schema {data.migrated_from}; the old file is kept as .bak",
                        timeout=8)
            self._schedule_save()
        if rep.moved or rep.fuzzy:
            n = rep.moved + rep.fuzzy
            self.notify(f"the articles changed: {n} {'tag or link' if n == 1 else 'tags and links'} "
                        "re-attached to their sentences",
                        timeout=8)
            self._schedule_save()
        if self.orphans:
            n = len(self.orphans)
            self.notify(f"{n} {'tag or link' if n == 1 else 'tags and links'} no longer match any sentence; kept "
                        "(ctrl+p → Orphans lists them)", severity="warning", timeout=12)
        for w in self.options.warnings:
            self.notify(w, severity="warning", timeout=10)
        self.options.warnings = []
        if data.cursor is not None:
            ids = [a.id for a in self.cluster.articles]
            if data.cursor[0] in ids:
                self.cur_art = ids.index(data.cursor[0])
                self.cur_sent = min(data.cursor[1], max(0, len(self.cluster.articles[self.cur_art].sentences) - 1))
        self.refresh_all()
        self.call_after_refresh(self._after_first_layout)
        if self.options.links is not None:
            self._set_links(self.options.links)
        else:
            self.start_alignment(use_cache=self.options.use_cache)

    def _after_first_layout(self) -> None:
        self._layout_columns()
        self._bring_cursor_into_view()
        self.refresh_all()

    def on_resize(self) -> None:
        self._layout_columns()
        self.call_after_refresh(self._bring_cursor_into_view)

    def _view_resized(self) -> None:
        """An article view got a new size (the terminal was resized): lay out the columns
        again and bring the cursor and its links back into view once the new wrapping is in."""
        if self._resize_pending:
            return
        self._resize_pending = True

        def again() -> None:
            self._resize_pending = False
            self._layout_columns()
            self._bring_cursor_into_view()
            self.refresh_all()

        self.call_after_refresh(again)

    def _layout_columns(self) -> None:
        width = self.size.width or 120
        n = len(self.cluster.articles)
        self.n_cols = max(1, min(n, len(self.slots), width // MIN_COLUMN))
        if self.cur_art < self.first_col:
            self.first_col = self.cur_art
        elif self.cur_art >= self.first_col + self.n_cols:
            self.first_col = self.cur_art - self.n_cols + 1
        self.first_col = max(0, min(self.first_col, n - self.n_cols))
        for k, pane in enumerate(self.slots):
            visible = k < self.n_cols
            pane.display = visible
            if visible:
                idx = self.first_col + k
                if pane.index != idx and pane.index >= 0:
                    self.scroll_memo[pane.index] = int(pane.view.scroll_offset.y)
                if pane.show(self.cluster.articles[idx], idx, self.scroll_memo.get(idx, 0)):
                    self._titles_dirty = True

    def visible_articles(self) -> list[str]:
        return [p.article.id for p in self.slots[: self.n_cols]]

    def pane_of(self, art_idx: int) -> ArticlePane | None:
        k = art_idx - self.first_col
        if 0 <= k < self.n_cols:
            return self.slots[k]
        return None

    # ------------------------------------------------------------------ alignment
    def start_alignment(self, use_cache: bool = True) -> None:
        self.aligning = True
        self.align_status = "aligning…"
        self.query_one("#align-progress", ProgressBar).add_class("running")
        self._align_worker(use_cache)
        self.refresh_status()

    @work(thread=True, exclusive=True, exit_on_error=False, group="align")
    def _align_worker(self, use_cache: bool) -> None:
        from reviewer.engine.cache import align_cached

        t0 = time.perf_counter()
        try:
            links, hit = align_cached(self.cluster, self.config.align, use_cache=use_cache,
                                      progress=lambda f: self.post_message(AlignProgress(f)))
        except Exception as exc:  # the engine failing must not take the review down
            self.post_message(AlignFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(AlignDone(links, hit, time.perf_counter() - t0))

    def on_align_progress(self, msg: AlignProgress) -> None:
        self.query_one("#align-progress", ProgressBar).update(progress=int(msg.fraction * 100))
        self.align_status = f"aligning {int(msg.fraction * 100)}%"
        self.refresh_status()

    def on_align_done(self, msg: AlignDone) -> None:
        self._set_links(msg.links)
        self.align_status = ""
        n = len(self.session.suggested) if self.session is not None else 0
        self.notify(f"{n} links suggested ({'from the cache' if msg.from_cache else f'aligned in {msg.seconds:.1f} s'})",
                    timeout=4)
        self.refresh_all()

    def on_align_failed(self, msg: AlignFailed) -> None:
        self.aligning = False
        self.query_one("#align-progress", ProgressBar).remove_class("running")
        self.align_status = "alignment failed"
        self.notify(f"alignment failed: {msg.error}; you can still read and tag", severity="error", timeout=15)
        self.refresh_status()

    def _set_links(self, links: list[Link]) -> None:
        assert self.session is not None
        self.session.set_suggested(links)
        self._titles_dirty = True
        self.aligning = False
        self.query_one("#align-progress", ProgressBar).remove_class("running")
        self.refresh_all()

    # ------------------------------------------------------------------ state for drawing
    @property
    def cursor(self) -> Key:
        art = self.cluster.articles[self.cur_art]
        return (art.id, self.cur_sent)

    def current_links(self) -> list[ShownLink]:
        return self.session.links_of(self.cursor) if self.session else []

    _cursor_key: Key | None = None
    _cur_links: list[ShownLink] = []
    _focus: ShownLink | None = None
    _search_keys: set[Key] = set()

    def focused_link(self) -> ShownLink | None:
        links = self.current_links()
        if not links:
            return None
        return links[self.link_focus % len(links)]

    def _display_state(self, key: Key) -> dict:
        s = self.session
        links = s.by_sentence.get(key, []) if s else []
        live = [l for l in links if l.decision != "rejected"]
        glyph, color = "", "default"
        if any(l.relation == "conflict" for l in live):
            glyph, color = "≠", "red"
        elif live:
            glyph, color = "≈", "green"
        review = " "
        if links:
            review = "✓" if all(l.decision is not None for l in links) else "·"
        tags = s.tags_by.get(key, []) if s else []
        label = ("", "default", "")
        if tags:
            lab = next((l for l in self.config.labels if l.name == tags[0]), None)
            label = ((lab.short if lab else tags[0][:3].upper()), (lab.color if lab else "white"), "+" if len(tags) > 1 else "")
        is_cursor = key == self._cursor_key
        hl = self._highlight.get(key)
        spans: list[tuple[int, int, Style]] = []
        if is_cursor:
            fl = self._focus
            if fl is not None:
                spans = self._evidence_spans(fl, key)
        elif hl is not None:
            spans = self._evidence_spans(hl, key)
        if self.search_query and key in self._search_keys:
            q = self.search_query.lower()
            text = self.session.sentences[key].text.lower() if s else ""
            k = text.find(q)
            if k >= 0:
                spans.append((k, k + len(q), Style(reverse=True, bold=True)))
        linked_style = Style(bgcolor="#3b1d1d") if hl is not None and hl.relation == "conflict" else Style(bgcolor="#1d3b24")
        return {
            "cursor": is_cursor,
            "cursor_style": Style(bgcolor="#2f3f6f", bold=False) if self.theme_dark else Style(bgcolor="#c8d8ff"),
            "linked": hl is not None,
            "linked_style": linked_style if self.theme_dark else Style(bgcolor="#ffe0e0" if hl and hl.relation == "conflict" else "#dff5e3"),
            "dim": self.filter_mode != "all" and s is not None and not s.shows(key, self.filter_mode),
            "marked": key == self.mark,
            "link_glyph": glyph,
            "link_color": color,
            "review_glyph": review,
            "label": label,
            "note": bool(s and s.notes_by.get(key)) or any(l.note for l in links),
            "spans": spans,
        }

    @property
    def theme_dark(self) -> bool:
        try:
            return bool(self.current_theme.dark)
        except Exception:
            return True

    def _evidence_spans(self, link: ShownLink, key: Key) -> list[tuple[int, int, Style]]:
        out = []
        color = "red" if link.relation == "conflict" else "green"
        for e in link.evidence:
            span = e.a_span if key == link.a else e.b_span
            out.append((span[0], span[1], Style(color=color, bold=True, underline=True)))
        return out

    # ------------------------------------------------------------------ refresh
    def refresh_all(self) -> None:
        self._prepare()
        for pane in self.slots[: self.n_cols]:
            pane.set_class(pane.index == self.cur_art, "current")
            pane.view.refresh_lines()
            if self._titles_dirty:
                pane.set_title(self._pane_counts(pane.article))
        self._titles_dirty = False
        self.refresh_topbar()
        self.refresh_inspector()
        self.refresh_status()

    def _pane_counts(self, art) -> str:
        if not self.session:
            return ""
        n_open = sum(1 for s in art.sentences if any(l.relation == "conflict" and l.decision is None
                                                      for l in self.session.by_sentence.get((art.id, s.index), [])))
        return f"· {n_open} ≠ open" if n_open else ""

    def _prepare(self) -> None:
        """What every line drawn until the next change needs: computed once, not per line."""
        self._cursor_key = self.cursor
        self._cur_links = self.session.links_of(self._cursor_key) if self.session else []
        self._focus = self._cur_links[self.link_focus % len(self._cur_links)] if self._cur_links else None
        self._search_keys = set(self.search_hits)
        self._compute_highlight()

    def _compute_highlight(self) -> None:
        self._highlight = {}
        for l in self._cur_links:
            if l.decision == "rejected":
                continue
            other = l.other(self.cursor)
            self._highlight.setdefault(other, l)

    def refresh_topbar(self) -> None:
        n = len(self.cluster.articles)
        left = self.first_col
        right = n - self.first_col - self.n_cols
        parts = [Text(" reviewer ", style="bold reverse")]
        folder = Path(self.options.paths[0]).name if self.options.paths else ""
        parts.append(Text(f" {folder} · {n} articles ", style="bold"))
        if left > 0 or right > 0:
            nav = Text()
            nav.append(f"◀ {left} more " if left else "", style="bold yellow")
            nav.append(f"[{self.first_col + 1}–{self.first_col + self.n_cols} of {n}]")
            nav.append(f" {right} more ▶" if right else "", style="bold yellow")
            parts.append(nav)
        if self.filter_mode != "all":
            parts.append(Text(f"  filter: {self.filter_mode}", style="bold magenta"))
        if self.search_hits:
            parts.append(Text(f"  search “{self.search_query}”: {self.search_pos + 1}/{len(self.search_hits)}",
                              style="bold cyan"))
        if self.mark:
            parts.append(Text(f"  marked {self.mark[0]}:{self.mark[1]} (= match, ! conflict)", style="bold magenta"))
        parts.append(Text("   ? help", style="dim"))
        top = Text.assemble(*parts)
        top.no_wrap = True
        top.overflow = "ellipsis"
        self.query_one("#topbar", TextPanel).set(top)

    def refresh_inspector(self) -> None:
        if not self.session:
            return
        key = self.cursor
        s = self.session.sentences.get(key)
        if s is None:
            self.query_one("#inspector", TextPanel).set(Text())
            return
        out = Text()
        out.append(f"{key[0]}:{key[1]}  ", style="bold")
        tags = self.session.tags_by.get(key, [])
        if tags:
            for t in tags:
                lab = next((l for l in self.config.labels if l.name == t), None)
                out.append(f"[{t}] ", style=f"bold {lab.color if lab else 'white'}")
        else:
            out.append("no labels ", style="dim")
        note = self.session.notes_by.get(key)
        if note:
            out.append(f"  note: {note}", style="cyan")
        out.append("\n")
        links = self.current_links()
        if not links:
            out.append("no links" + (" yet: aligning…" if self.aligning else "") +
                       "   (space marks a sentence; = or ! in another place links it by hand)", style="dim")
        focus = self.focused_link()
        for l in links:
            mine = l is focus
            glyph = "≠" if l.relation == "conflict" else "≈"
            color = "red" if l.relation == "conflict" else "green"
            other = l.other(key)
            state = {"accepted": "✓ accepted", "rejected": "✗ rejected", None: "to review"}[l.decision]
            score = f"{l.score:.2f}" if l.score is not None else "manual"
            out.append("▶ " if mine else "  ", style="bold")
            out.append(f"{glyph} {l.relation}", style=f"bold {color}" if l.decision != "rejected" else "dim strike")
            out.append(f" {score}  → {other[0]}:{other[1]}  {state}", style="" if mine else "dim")
            if l.note:
                out.append(f"  note: {l.note}", style="cyan")
            ev = "; ".join(f"{e.kind}: “{e.a}” vs “{e.b}”" if key == l.a else f"{e.kind}: “{e.b}” vs “{e.a}”"
                           for e in l.evidence)
            if ev:
                out.append(f"   {ev}", style=f"bold {color}" if mine else "dim")
            out.append("\n")
            if mine:
                out.append("     this: ", style="dim")
                out.append_text(self._highlighted(key, l))
                out.append("\n     that: ", style="dim")
                out.append_text(self._highlighted(other, l))
                out.append("\n")
        self.query_one("#inspector", TextPanel).set(out)

    def _highlighted(self, key: Key, link: ShownLink) -> Text:
        s = self.session.sentences[key]
        t = Text(s.text.replace("\n", " "))
        color = "red" if link.relation == "conflict" else "green"
        for e in link.evidence:
            span = e.a_span if key == link.a else e.b_span
            t.stylize(f"bold underline {color}", span[0], span[1])
        return t

    def refresh_status(self) -> None:
        if not self.session:
            return
        p = self.session.progress()
        if self.store.read_only:
            saved = Text(" READ-ONLY ", style="bold reverse red")
        elif self.last_save_error:
            saved = Text(" NOT SAVED ", style="bold reverse red")
        elif self.dirty:
            saved = Text("● unsaved", style="bold yellow")
        else:
            saved = Text("✓ saved", style="green")
        text = Text.assemble(
            (f"{self.options.reviewer}", "bold"), " · ", saved,
            f" · links {p['reviewed']}/{p['suggested']} reviewed" + (f" +{p['manual']} manual" if p["manual"] else ""),
            f" · {p['tagged']} tagged",
            (f" · {p['conflicts_open']} conflict{'' if p['conflicts_open'] == 1 else 's'} open",
             "bold red" if p["conflicts_open"] else ""),
            f" · {self.align_status}" if self.align_status else "",
            (f" · {len(self.orphans)} orphan{'s' if len(self.orphans) != 1 else ''}", "yellow") if self.orphans else "",
            " · ", (_short_path(self.options.sidecar), "dim"),
        )
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.query_one("#status", TextPanel).set(text)

    # ------------------------------------------------------------------ movement
    def _article(self, idx: int | None = None):
        return self.cluster.articles[self.cur_art if idx is None else idx]

    def _visible(self, art_idx: int, sent: int) -> bool:
        return self.filter_mode == "all" or self.session.shows((self._article(art_idx).id, sent), self.filter_mode)

    def _go(self, art_idx: int, sent: int, *, sync: bool = True) -> None:
        if art_idx != self.cur_art or sent != self.cur_sent:
            self.link_focus = 0
        self.cur_art, self.cur_sent = art_idx, sent
        old_first = self.first_col
        self._layout_columns()
        if self.first_col != old_first:
            self.call_after_refresh(self._bring_cursor_into_view)
        self._bring_cursor_into_view(sync=sync)
        self.session.data.cursor = self.cursor
        self.refresh_all()

    def _bring_cursor_into_view(self, sync: bool = True, again: bool = True) -> None:
        pane = self.pane_of(self.cur_art)
        if pane is None:
            return
        view = pane.view
        changed = view.relayout(view.scrollable_content_region.width)
        if changed and again:
            # New wrapping (after a resize): the scroll range is only known after the next
            # refresh, so scrolling now could be cut short. Do it again then.
            self.call_after_refresh(self._bring_cursor_into_view, sync, False)
        view.ensure_visible(self.cur_sent)
        if not sync or not self.session:
            return
        row = view.row_of(self.cur_sent)
        done: set[int] = {self.cur_art}
        for l in self.current_links():
            if l.decision == "rejected":
                continue
            other = l.other(self.cursor)
            idx = self._art_index.get(other[0])
            if idx is None or idx in done:
                continue
            opane = self.pane_of(idx)
            if opane is None:
                continue
            done.add(idx)
            ov = opane.view
            if ov.relayout(ov.scrollable_content_region.width) and again:
                self.call_after_refresh(self._bring_cursor_into_view, sync, False)
            ov.scroll_sentence_to_row(other[1], row)

    def action_move(self, step: int) -> None:
        n = len(self._article().sentences)
        i = self.cur_sent + step
        while 0 <= i < n and not self._visible(self.cur_art, i):
            i += step
        if 0 <= i < n:
            self._go(self.cur_art, i)

    def action_edge(self, last: int) -> None:
        n = len(self._article().sentences)
        order = range(n - 1, -1, -1) if last else range(n)
        for i in order:
            if self._visible(self.cur_art, i):
                self._go(self.cur_art, i)
                return

    def action_page(self, step: int) -> None:
        pane = self.pane_of(self.cur_art)
        if pane is None:
            return
        view = pane.view
        h = max(1, view.scrollable_content_region.height - 2)
        target_line = max(0, min(len(view.lines) - 1, view.tops[self.cur_sent] + step * h)) if view.tops else 0
        idx = view.sentence_at(target_line)
        self._go(self.cur_art, idx)

    def action_column(self, step: int) -> None:
        n = len(self.cluster.articles)
        target = self.cur_art + step
        if not 0 <= target < n:
            return
        # the linked sentence in that article, if any; otherwise the one level with the cursor
        tid = self.cluster.articles[target].id
        linked = [l.other(self.cursor) for l in self.current_links()
                  if l.decision != "rejected" and l.other(self.cursor)[0] == tid]
        if linked:
            self._go(target, linked[0][1], sync=False)
            return
        cur = self.pane_of(self.cur_art)
        row = cur.view.row_of(self.cur_sent) if cur else 0
        tpane = self.pane_of(target)
        if tpane is not None and tpane.view.tops:
            line = int(tpane.view.scroll_offset.y) + max(0, row)
            idx = tpane.view.sentence_at(line)
        else:
            # off screen: the sentence at the same relative place in that article
            n_cur = max(1, len(self._article().sentences))
            idx = int(self.cur_sent / n_cur * len(self.cluster.articles[target].sentences))
        idx = min(idx, max(0, len(self.cluster.articles[target].sentences) - 1))
        self._go(target, idx, sync=False)

    def _reading_order(self) -> list[Key]:
        return list(self.session.sentences)

    def _step_to(self, pred: Callable[[Key], bool], step: int) -> bool:
        order = self._reading_order()
        pos = order.index(self.cursor)
        n = len(order)
        for k in range(1, n + 1):
            key = order[(pos + step * k) % n]
            if pred(key):
                idx = self._art_index[key[0]]
                self._go(idx, key[1])
                return True
        return False

    def action_next_conflict(self, step: int) -> None:
        if self.search_hits:
            self._search_step(step)
            return
        found = self._step_to(lambda k: any(l.relation == "conflict" and l.decision is None
                                            for l in self.session.by_sentence.get(k, [])), step)
        if not found:
            if self.aligning:
                self.notify("no open conflicts yet: still aligning")
            else:
                self.notify("no open conflicts: every conflict is decided (f → conflicts shows them all)")
        else:
            self.link_focus = next((i for i, l in enumerate(self.current_links())
                                    if l.relation == "conflict" and l.decision is None), 0)
            self.refresh_all()

    def action_next_unreviewed(self, step: int) -> None:
        found = self._step_to(lambda k: any(l.decision is None for l in self.session.by_sentence.get(k, [])), step)
        if not found:
            self.notify("every link is reviewed" if not self.aligning else "no links yet: still aligning")
        else:
            self.link_focus = next((i for i, l in enumerate(self.current_links()) if l.decision is None), 0)
            self.refresh_all()

    def action_focus_link(self, step: int) -> None:
        links = self.current_links()
        if links:
            self.link_focus = (self.link_focus + step) % len(links)
            self.refresh_all()

    def action_jump(self) -> None:
        if self.jump_origin is not None and self.cursor == self._last_jump_target:
            origin, k = self.jump_origin
            k += 1
        else:
            origin, k = self.cursor, self.link_focus
        links = [l for l in self.session.links_of(origin) if l.decision != "rejected"] or self.session.links_of(origin)
        if not links:
            self.notify("this sentence has no links")
            return
        k %= len(links)
        target = links[k].other(origin)
        self.jump_origin = (origin, k)
        self._last_jump_target = target
        idx = self._art_index[target[0]]
        self._go(idx, target[1])
        # keep the link we came by selected
        back = self.current_links()
        self.link_focus = next((i for i, l in enumerate(back) if l.pair() == links[k].pair()), 0)
        self.refresh_all()

    _last_jump_target: Key | None = None

    # ------------------------------------------------------------------ changes
    def _changed(self) -> None:
        self.dirty = True
        self._titles_dirty = True
        self.orphans = self.session.orphans()
        self.refresh_all()
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self.store.read_only:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self._autosave)

    def _autosave(self) -> None:
        self._save_timer = None
        self.save(quiet=True)

    def save(self, quiet: bool = False) -> bool:
        if self.store.read_only:
            if not quiet:
                self.notify(f"not saved: {self.store.read_only_reason}", severity="error")
            return False
        self.session.data.cursor = self.cursor
        try:
            self.store.save()
        except SidecarError as exc:
            self.last_save_error = exc.one_line()
            self.notify(exc.one_line(), severity="error", timeout=15)
            self.refresh_status()
            return False
        self.dirty = False
        self.last_save_error = None
        self._saved_cursor = self.cursor
        if not quiet:
            self.notify(f"saved {self.options.sidecar}")
        self.refresh_status()
        return True

    def _guard(self) -> bool:
        if self.store.read_only:
            self.notify("read-only: " + (self.store.read_only_reason or "") +
                        " (ctrl+p → Save as… to carry on in a copy, or Reload sidecar)", severity="error")
            return False
        return True

    def action_label(self, key: str) -> None:
        lab = self.session.labels_by_key.get(key)
        if lab is None:
            self.notify(f"no label on key {key} (see config.toml)")
            return
        if not self._guard():
            return
        on = self.session.toggle_label(self.cursor, lab.name)
        self.notify(f"{'+' if on else '−'} {lab.name}", timeout=1.5)
        self._changed()

    def action_decide(self, decision: str) -> None:
        link = self.focused_link()
        if link is None:
            self.notify("no link on this sentence")
            return
        if not self._guard():
            return
        pair, relation = link.pair(), link.relation
        self.session.decide(link, decision)
        # The list of links is re-ordered by decision: keep the selection on the link just decided,
        # so that "] x" walks on instead of landing on it again.
        now = next((l for l in self.current_links() if l.pair() == pair and l.relation == relation), None)
        if now is not None:
            self.link_focus = self.current_links().index(now)
            state = now.decision or "back to undecided"
            self.notify(f"{'≠' if relation == 'conflict' else '≈'} {relation}: {state}", timeout=1.5)
        self._changed()

    def action_mark(self) -> None:
        self.mark = None if self.mark == self.cursor else self.cursor
        self.refresh_all()

    def action_manual_link(self, relation: str) -> None:
        if self.mark is None:
            self.notify("mark a sentence with space first, then move to the other one")
            return
        if self.mark == self.cursor:
            self.notify("move to another sentence to link it with the mark")
            return
        if not self._guard():
            return
        link = self.session.add_manual_link(self.mark, self.cursor, relation)
        self.mark = None
        if link is not None:
            links = self.current_links()
            self.link_focus = next((i for i, l in enumerate(links) if l.pair() == link.pair()), 0)
        self.notify(f"manual {relation} link made")
        self._changed()

    def action_note(self) -> None:
        if not self._guard():
            return
        link = self.focused_link()
        if link is not None and link.decision is not None:
            other = link.other(self.cursor)
            title = f"Note on the {link.relation} link to {other[0]}:{other[1]}"
            current = link.note

            def done(text: str | None) -> None:
                if text is not None and text != current:
                    self.session.set_link_note(link, text)
                    self._changed()
        else:
            key = self.cursor
            title = f"Note on sentence {key[0]}:{key[1]}"
            current = self.session.notes_by.get(key, "")

            def done(text: str | None) -> None:
                if text is not None and text != current:
                    self.session.set_sentence_note(key, text)
                    self._changed()

        self.push_screen(NoteScreen(title, current), done)

    def action_search(self) -> None:
        def done(query: str | None) -> None:
            if query is None:
                return
            self.search_query = query.strip()
            self.search_hits = self.session.search(self.search_query)
            self.search_pos = -1
            if not self.search_hits:
                self.notify(f"nothing found for “{self.search_query}”")
                self.search_query = ""
                self.refresh_all()
                return
            self._search_step(1)

        self.push_screen(SearchScreen(self.search_query), done)

    def _search_step(self, step: int) -> None:
        self.search_pos = (self.search_pos + step) % len(self.search_hits)
        key = self.search_hits[self.search_pos]
        idx = self._art_index[key[0]]
        self._go(idx, key[1])

    def action_clear(self) -> None:
        if self.search_hits:
            self.search_hits, self.search_query, self.search_pos = [], "", -1
        elif self.mark is not None:
            self.mark = None
        self.refresh_all()

    def action_cycle_filter(self) -> None:
        self.set_filter(FILTERS[(FILTERS.index(self.filter_mode) + 1) % len(FILTERS)])

    def set_filter(self, mode: str) -> None:
        self.filter_mode = mode
        if not self._visible(self.cur_art, self.cur_sent):
            if not self._step_to(lambda k: self.session.shows(k, mode), 1):
                self.notify(f"no sentence is {mode}")
        self.notify(f"filter: {mode}", timeout=1.5)
        self.refresh_all()

    def action_undo(self) -> None:
        if self.session.undo():
            self.notify("undone", timeout=1.5)
            self._changed()
        else:
            self.notify("nothing to undo")

    def action_redo(self) -> None:
        if self.session.redo():
            self.notify("redone", timeout=1.5)
            self._changed()
        else:
            self.notify("nothing to redo")

    def action_save(self) -> None:
        self.save()

    def action_help(self) -> None:
        keymap = dict(self.config.keys)
        rows = []
        for bid, keys, _action, desc in KEYS:
            rows.append((keymap.get(bid, keys).replace("question_mark", "?").replace("equals_sign", "=")
                         .replace("exclamation_mark", "!").replace("slash", "/").replace("right_square_bracket", "]")
                         .replace("left_square_bracket", "[").replace(",", " "), desc, bid))
        rows.append(("1 … 9", "toggle the label bound to that key on the sentence", "(labels in config.toml)"))
        rows.append(("ctrl+p", "command palette: export, filter, theme, reload, re-align", ""))
        labels = [(l.key, l.name, l.color, l.description) for l in self.config.labels]
        self.push_screen(HelpScreen(rows, labels))

    def action_quit_app(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        if self.session is not None and not self.store.read_only and self._saved_cursor != self.cursor:
            self.dirty = True  # the place where the reviewer stopped is part of the work
        if self.dirty and not self.save(quiet=True):
            self.notify("could not save: press q again to quit anyway, or use ctrl+p → Save after fixing it",
                        severity="error")
            if getattr(self, "_quit_armed", False):
                self.store.close()
                self.exit(1)
            self._quit_armed = True
            return
        self.store.close()
        self.exit(0)

    def on_key(self, event) -> None:
        ch = event.character
        if ch and ch in "123456789" and len(ch) == 1 and not isinstance(self.screen, (NoteScreen, SearchScreen)):
            if self.screen is self.screen_stack[0]:
                event.stop()
                self.action_label(ch)

    # ------------------------------------------------------------------ palette actions
    def export(self, fmt: str) -> None:
        try:
            from reviewer import export as exporter
        except ImportError:
            self.notify("export is not available in this version", severity="warning")
            return
        if self.dirty:
            self.save(quiet=True)
        # A name that the article loader never reads back as an article (.export.jsonl, .nli.jsonl...).
        cluster = Path(self.options.paths[0]).name or "export"
        out = Path(self.options.sidecar).with_name(
            exporter.output_name(f"{cluster}.{safe_name(self.options.reviewer)}", fmt))
        try:
            exporter.export_files(self.options.paths, [self.options.sidecar], fmt, out)
        except ReviewerError as exc:
            self.notify(f"export failed: {exc.one_line()}", severity="error")
            return
        self.notify(f"exported {fmt} to {out}")

    def reload(self) -> None:
        """Read the sidecar from disk again (after another instance or a person changed it)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        links = self.session.suggested if self.session is not None else []
        self.store.reload()
        self._attach_sidecar()
        if self.session is not None and links:
            self.session.set_suggested(links)
        self.dirty = False
        self.last_save_error = None
        self._titles_dirty = True
        self._layout_columns()
        self.refresh_all()
        if not self.store.read_only:
            self.notify(f"reloaded {self.store.path}")

    def save_as(self) -> None:
        def done(path: str | None) -> None:
            if not path or not path.strip():
                return
            target = Path(path.strip()).expanduser()
            if target.is_dir():
                target = target / Path(self.options.sidecar).name
            if not is_sidecar_name(target.name):
                self.notify("a sidecar name must end in .review.toml or .review.json", severity="error")
                return
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self.notify(f"cannot create the folder {target.parent}: {exc.strerror or exc}", severity="error")
                return
            self.session.data.cursor = self.cursor
            try:
                self.store.save_as(target)
            except SidecarError as exc:
                self.notify(exc.one_line(), severity="error", timeout=15)
                return
            self.options.sidecar = str(target)
            self.dirty = False
            self.last_save_error = None
            self.notify(f"saved to {target}; carrying on there")
            self.refresh_status()

        self.push_screen(SaveAsScreen("Save the sidecar as (a path ending in .review.toml or .review.json):",
                                      str(self.options.sidecar)), done)

    def show_orphans(self) -> None:
        lines = self.orphans or ["no orphans: every tag, note and link decision is on a sentence"]
        self.push_screen(ListScreen(f"Orphans in {self.store.path.name} (kept in the sidecar, never dropped)",
                                    lines))


def make_app(paths: list[str], *, reviewer: str | None = None, config: Config | None = None,
             sidecar: str | None = None, fmt: str | None = None, links: list[Link] | None = None,
             use_cache: bool = True) -> ReviewerApp:
    """Build the app (raises ReviewerError for bad input: the CLI prints it as one line)."""
    from reviewer.io.articles import load_cluster

    config = config or load_config(None)
    cluster = load_cluster(paths)
    name = reviewer or config.reviewer_name()
    fmt = fmt or config.format
    side = Path(sidecar) if sidecar else default_sidecar_path(paths, name, fmt)
    if sidecar:
        if not is_sidecar_name(side.name):
            raise SidecarError("a sidecar name must end in .review.toml or .review.json "
                               "(so that it is never read as an article)", path=str(side))
        if side.is_dir():
            raise SidecarError("is a folder; give a file name ending in .review.toml", path=str(side))
        if not side.parent.is_dir():
            raise SidecarError(f"the folder {side.parent} does not exist", path=str(side))
    warnings = [p.one_line() for p in cluster.problems] + list(config.warnings)
    return ReviewerApp(cluster, Options(paths=[str(p) for p in paths], reviewer=name, sidecar=side, config=config,
                                        links=links, use_cache=use_cache, warnings=warnings))


def run_tui(args: argparse.Namespace) -> int:
    import sys

    from reviewer.resources import bundled_seeds_dir

    config = load_config(args.config)
    sidecar = args.sidecar
    if args.paths:
        paths = args.paths
    else:
        # The bundled seeds live inside the installed package: their sidecar goes to your data
        # folder (e.g. ~/.local/share/reviewer/seeds/), not into the package.
        paths = [str(bundled_seeds_dir())]
        if sidecar is None:
            from reviewer.resources import seeds_sidecar_dir

            folder = seeds_sidecar_dir()
            folder.mkdir(parents=True, exist_ok=True)
            name = args.reviewer or config.reviewer_name()
            sidecar = str(default_sidecar_path([folder], name, args.format or config.format))
    app = make_app(paths, reviewer=args.reviewer, config=config, sidecar=sidecar, fmt=args.format)
    if not sys.stdout.isatty():
        print("reviewer: the review screen needs a terminal; for headless use try `reviewer align PATH --json`",
              file=sys.stderr)
        return 2
    result = app.run()
    return int(result or 0)
