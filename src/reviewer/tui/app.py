"""The review TUI: articles side by side, matches and conflicts highlighted, keyboard tagging.

``make_app`` builds the App for both the CLI and the tests (tests pass precomputed links so
that they do not depend on the engine). The App holds start-up, the global bindings and the
dialogs; the review itself is ``widgets.review_view.ReviewView``. Alignment and palette exports
run in thread workers; the articles are readable and navigable before alignment finishes.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import signal
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding

from reviewer.config import Config, load_config
from reviewer.errors import ReviewerError, SidecarError
from reviewer.keymap import KEYS, check_key_overrides
from reviewer.keymap import key_names as _key_names
from reviewer.models import Cluster, Link
from reviewer.review import Key, ReviewSession, ShownLink
from reviewer.sidecar.paths import choose_sidecar_path, is_sidecar_name
from reviewer.sidecar.store import SidecarStore
from reviewer.textsafe import safe_text
from reviewer.tui.commands import ReviewerCommands
from reviewer.tui.messages import ExportDone, ExportFailed
from reviewer.tui.screens import HelpScreen, ListScreen, SaveAsScreen
from reviewer.tui.widgets.columns import ArticlePane
from reviewer.tui.widgets.review_view import APP_ACTIONS, ReviewView
from reviewer.tui.widgets.status_bar import fold_path
from reviewer.tui.workspace import Options, Workspace

__all__ = ["Options", "ReviewerApp", "make_app", "run_tui"]

# Ways out that are not a key: a closed terminal or dropped SSH (SIGHUP), kill (SIGTERM), kill -INT.
EXIT_SIGNALS = tuple(getattr(signal, n) for n in ("SIGHUP", "SIGTERM", "SIGINT") if hasattr(signal, n))
TOAST_TEXT_WIDTH = 48  # app.tcss: Toast max-width 52, less its border and padding
HARD_EXIT_AFTER = 3.0  # seconds: after a signal the work is saved; a terminal that is gone must not hold us




class ReviewerApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "reviewer"
    COMMANDS = App.COMMANDS | {ReviewerCommands}
    BINDINGS = [Binding(keys, action, desc, id=bid, show=False) for bid, keys, action, desc in KEYS
                if action in APP_ACTIONS]

    def __init__(self, cluster: Cluster, options: Options):
        super().__init__()
        self.cluster = cluster
        self.options = options
        self.config = options.config
        self.workspace = Workspace(cluster, options)
        self.review = ReviewView(self.workspace, id="review")

    def notify(self, message: str, **kwargs) -> None:  # type: ignore[override]
        """Messages quote file names, config text and article words: never read them as markup.
        One toast at a time: a new one takes the place of the one shown (they piled up over the
        articles, and an old one outlived the state it described)."""
        kwargs.setdefault("markup", False)
        self.clear_notifications()
        super().notify(safe_text(message), **kwargs)

    def action_help_quit(self) -> None:
        """ctrl+c: Textual's own hint is written in markup, which :meth:`notify` shows as it is."""
        keys = [k for k, b in self.active_bindings.items() if b.binding.action in ("quit", "app.quit")]
        if keys:
            self.notify(f"Press {keys[0]} to quit (your work is saved first).", title="Do you want to quit?")

    def compose(self) -> ComposeResult:
        yield self.review

    def on_mount(self) -> None:
        if self.config.theme:
            try:
                if self.config.theme not in self.available_themes:
                    raise ValueError(self.config.theme)
                self.theme = self.config.theme
            except Exception:  # said with the other start-up warnings, in one toast (Workspace.attach)
                self.options.warnings.append(f"unknown theme {self.config.theme!r} in the config; using the default")
        if self.config.keys:
            keymap, problems = check_key_overrides(self.config.keys, [l.key for l in self.config.labels])
            for msg in problems:
                self.options.warnings.append(f"{self.config.path}: {msg}")
            try:
                self.set_keymap(keymap)
            except Exception as exc:  # pragma: no cover - defensive
                self.notify(f"config [keys]: {exc}", severity="error")
        self._catch_exit_signals()
        self.review.start()
        self.review.focus()
        if self.workspace.backup_offer:
            self.bell()

    # ------------------------------------------------------------------ every way out saves and releases the lock
    def _catch_exit_signals(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in EXIT_SIGNALS:
                loop.add_signal_handler(sig, self._on_exit_signal, sig)
        except (RuntimeError, NotImplementedError, ValueError):  # not the main thread, or no signals here
            pass

    def _on_exit_signal(self, sig: int) -> None:
        code = 128 + int(sig)
        self.save_and_release()
        # The work is on disk: if the terminal is gone and shutting down blocks, end anyway.
        t = threading.Timer(HARD_EXIT_AFTER, os._exit, [code])
        t.daemon = True
        t.start()
        self.exit(code, return_code=code)

    def save_and_release(self) -> str | None:
        """Save what is not saved and release the lock (a signal, ctrl+q, a crash). Never raises."""
        try:
            self.review.keep_typed_note()
            self.review.stop_autosave()
            nav = self.review.nav
            return self.workspace.finish(nav.cursor if nav is not None else None)
        except Exception as exc:  # pragma: no cover - the last line of defence must not fail
            return f"{type(exc).__name__}: {exc}"

    async def action_quit(self) -> None:
        """ctrl+q and the palette's Quit: the same as q (save, release the lock, then exit)."""
        if self.workspace.session is None or self.review.nav is None:
            self.save_and_release()
            self.exit(0)
            return
        self.review.action_quit_app()

    def _handle_exception(self, error: Exception) -> None:
        """A bug: save the work first, then let Textual report it (the exit code is 1)."""
        self.save_and_release()
        super()._handle_exception(error)

    def restore_backup(self) -> None:
        error = self.workspace.restore_backup()
        if error is not None:
            self.notify(error, severity="error", timeout=12)
            return
        self.review.reload()
        self.notify(f"restored the backup into {self.workspace.store.path}")

    # ------------------------------------------------------------------ dialogs
    def action_help(self) -> None:
        keymap = dict(self.config.keys)
        rows = [(_key_names(keymap.get(bid, keys)), desc, bid) for bid, keys, _action, desc in KEYS]
        rows.append(("1 … 9", "toggle the label bound to that key on the sentence", "(labels in config.toml)"))
        rows.append(("ctrl+p", "command palette: export, filter, theme, reload, re-align", ""))
        labels = [(l.key, l.name, l.color, l.description) for l in self.config.labels]
        self.push_screen(HelpScreen(rows, labels))

    def action_claims(self) -> None:
        from reviewer.tui.screens.claims import open_claims

        open_claims(self)

    def save_as(self) -> None:
        def done(path: str | None) -> None:
            if not path or not path.strip():
                return
            target = Path(path.strip()).expanduser()
            if target.is_dir():
                target = target / Path(self.options.sidecar).name
            error = self.workspace.save_as(target, self.review.nav.cursor)
            if error is not None:
                self.notify(error, severity="error", timeout=15)
                return
            said = f"saved to {target}; carrying on there"
            try:
                found = choose_sidecar_path(self.options.paths, self.options.reviewer)[0].resolve()
            except (OSError, ReviewerError):
                found = None
            if found != target.resolve():  # a next `reviewer PATH` would not find it by itself
                said += f" (not where reviewer looks: open it again with --sidecar {target})"
            self.notify(said)
            self.review.show_status()

        self.push_screen(SaveAsScreen("Save the sidecar as (a path ending in .review.toml or .review.json):",
                                      str(self.workspace.save_as_default())), done)

    def show_orphans(self) -> None:
        lines = self.workspace.orphans or ["no orphans: every tag, note and link decision is on a sentence"]
        self.push_screen(ListScreen(f"Orphans in {safe_text(self.store.path.name)} (kept in the sidecar, never dropped)",
                                    lines))

    # ------------------------------------------------------------------ export (palette)
    def export(self, fmt: str) -> None:
        try:
            from reviewer import export as exporter
        except ImportError:
            self.notify("export is not available in this version", severity="warning")
            return
        store = self.workspace.store
        if store.unreadable or (store.read_only and self.workspace.backup_offer):
            # the reviewer's work is in a file that could not be read: an export now would hold
            # none of it and look like a review with nothing done (trial, stop 25)
            self.notify(safe_text(f"not exported: {store.path.name} could not be read, so the export would be empty. "
                                  f"Fix the file (`reviewer check {store.path.parent}` shows the line) or restore the "
                                  "backup (ctrl+p → Restore backup), then export again"), severity="error", timeout=15)
            return
        if self.workspace.dirty:
            self.review.save(quiet=True)
        out = self.workspace.export_target(fmt)
        ws, paths, sidecar = self.workspace, list(self.options.paths), str(self.options.sidecar)
        # The report shows what the screen shows: the open suggestions too (dashed, counted), as
        # the CLI's --include-suggestions does; without them every open conflict was left out.
        suggestions = fmt == "html"
        if ws.session is not None and ws.session.suggested and not self.review.aligning:
            # What is on screen: the cluster as read, the engine's links, this reviewer's work (a
            # copy, so that the worker never sees a change made meanwhile).
            from reviewer.sidecar.paths import sidecar_folder

            run = partial(exporter.export_records, ws.raw_cluster, list(ws.session.suggested),
                          [copy.deepcopy(ws.store.data)], fmt, out, folder=sidecar_folder(paths),
                          sidecars=[sidecar], labels=self.options.config.labels, include_suggestions=suggestions,
                          allow_empty=True)
        else:  # the alignment is not there yet: export aligns (or reads the cache) itself
            run = partial(exporter.export_files, paths, [sidecar], fmt, out, config=self.options.config,
                          include_suggestions=suggestions, allow_empty=True)  # the toast says why a file holds no record
        self._export_worker(run, fmt, out)

    @work(thread=True, exit_on_error=False, group="export")
    def _export_worker(self, run: Callable[[], object], fmt: str, out: Path) -> None:
        """Runs off the UI thread."""
        try:
            summary = run()
        except ReviewerError as exc:
            self.post_message(ExportFailed(exc.one_line()))
        except Exception as exc:  # a bug in an exporter must not take the review down
            self.post_message(ExportFailed(f"{type(exc).__name__}: {exc}"))
        else:
            records = getattr(summary, "records", None)
            predicted = getattr(summary, "predicted", 0)
            self.post_message(ExportDone(fmt, out, records if isinstance(records, int) and fmt != "html" else None,
                                         predicted if isinstance(predicted, int) and fmt == "html" else None))

    def on_export_done(self, msg: ExportDone) -> None:
        # Toasts wrap at spaces only: break the path at its separators (the toast's text width).
        count = ""
        if msg.records == 0:  # a file with a header alone, or an empty list: say why
            count = (" (0 records: no link accepted or rejected yet)" if msg.fmt == "nli"  # pairs only
                     else " (0 records: nothing tagged, noted or decided yet)")
        elif msg.records is not None:
            count = f" ({msg.records} record{'s' if msg.records != 1 else ''})"
        if msg.undecided is not None:  # the report: how much of it is still to review
            n = msg.undecided
            count = (f" ({n} suggestion{'s' if n != 1 else ''} not reviewed yet, dashed in the report)" if n
                     else " (every suggestion reviewed)")
        self.notify(fold_path(f"exported {msg.fmt} to {msg.path}{count}", TOAST_TEXT_WIDTH))

    def on_export_failed(self, msg: ExportFailed) -> None:
        self.notify(f"export failed: {msg.error}", severity="error")

    # ------------------------------------------------------------------ the review's state, for tests and scripts
    @property
    def session(self) -> ReviewSession | None:
        return self.workspace.session

    @property
    def store(self) -> SidecarStore:
        return self.workspace.store

    @property
    def orphans(self) -> list[str]:
        return self.workspace.orphans

    @property
    def last_save_error(self) -> str | None:
        return self.workspace.last_save_error

    @property
    def cursor(self) -> Key:
        return self.review.nav.cursor

    @property
    def cur_art(self) -> int:
        return self.review.nav.art

    @cur_art.setter
    def cur_art(self, value: int) -> None:
        self.review.nav.art = value

    @property
    def cur_sent(self) -> int:
        return self.review.nav.sent

    @cur_sent.setter
    def cur_sent(self, value: int) -> None:
        self.review.nav.sent = value

    @property
    def filter_mode(self) -> str:
        return self.review.nav.filter_mode

    @property
    def _art_index(self) -> dict[str, int]:
        return self.review.nav.art_index

    def current_links(self) -> list[ShownLink]:
        return self.review.nav.links()

    def focused_link(self) -> ShownLink | None:
        return self.review.nav.focused_link()

    def visible_articles(self) -> list[str]:
        return self.review.columns.visible_articles()

    def pane_of(self, art_idx: int) -> ArticlePane | None:
        return self.review.columns.pane_of(art_idx)


def make_app(paths: list[str], *, reviewer: str | None = None, config: Config | None = None,
             sidecar: str | None = None, fmt: str | None = None, links: list[Link] | None = None,
             use_cache: bool = True, sidecar_note: str | None = None) -> ReviewerApp:
    """Build the app (raises ReviewerError for bad input: the CLI prints it as one line).

    Without ``sidecar``, the reviewer's sidecar beside the articles: an existing one in the other
    format is opened whatever ``fmt`` says (never a blank second one beside it), and a line says
    so; ``sidecar_note`` is that line when the caller chose the sidecar itself."""
    from reviewer.io.articles import load_cluster

    config = config or load_config(None)
    cluster = load_cluster(paths)
    # The language of every article and sentence (issue 14), for the column headers; the
    # alignment's child process gets the cluster annotated and does not detect them again.
    from reviewer.engine.crosslingual import annotate_languages

    annotate_languages(cluster)
    name = reviewer or config.reviewer_name()
    fmt = fmt or config.format
    if sidecar:
        side = Path(sidecar)
    else:
        side, sidecar_note = choose_sidecar_path(paths, name, fmt)
    if sidecar:
        if not is_sidecar_name(side.name):
            raise SidecarError("a sidecar name must end in .review.toml or .review.json "
                               "(so that it is never read as an article)", path=str(side))
        if side.is_dir():
            raise SidecarError("is a folder; give a file name ending in .review.toml", path=str(side))
        if not side.parent.is_dir():
            raise SidecarError(f"the folder {side.parent} does not exist", path=str(side))
    warnings = [p.one_line() for p in cluster.problems] + list(config.warnings)
    if sidecar_note:
        warnings.insert(0, safe_text(sidecar_note))
    return ReviewerApp(cluster, Options(paths=[str(p) for p in paths], reviewer=name, sidecar=side, config=config,
                                        links=links, use_cache=use_cache, warnings=warnings))


def run_tui(args: argparse.Namespace) -> int:
    import sys

    from reviewer.resources import bundled_seeds_dir

    config = load_config(args.config)
    sidecar = args.sidecar
    seeds_note = None  # the line choose_sidecar_path gives for the seeds' sidecar
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
            side, seeds_note = choose_sidecar_path([folder], name, args.format or config.format)
            sidecar = str(side)
    adjudicate = getattr(args, "adjudicate", False)  # reviewer.tui.adjudicate
    if adjudicate:
        from reviewer.tui.adjudicate import adjudicator_name, start_adjudication
    app = make_app(paths, reviewer=adjudicator_name(args.reviewer) if adjudicate else args.reviewer, config=config,
                   sidecar=sidecar, fmt=args.format, sidecar_note=seeds_note)
    if adjudicate:
        start_adjudication(app, paths)
    if not sys.stdout.isatty():
        print("reviewer: the review screen needs a terminal; for headless use try `reviewer align PATH --json`",
              file=sys.stderr)
        return 2
    result = app.run()
    if app.return_code:  # a crash (1) or a signal (128 + its number)
        return app.return_code
    return int(result or 0)
