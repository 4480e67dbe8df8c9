"""The work on disk behind the review screen: the sidecar store, the review session built on it,
and whether the work is saved. Plain Python (the screen shows what it reports)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.color import Color, ColorParseError

from reviewer.annotations import ReviewData
from reviewer.atomic import BACKUP_SUFFIX, write_atomic
from reviewer.checks import plural
from reviewer.config import Config
from reviewer.errors import SidecarError
from reviewer.models import Article, Cluster, Link, Sentence
from reviewer.review import Key, ReviewSession
from reviewer.export.formats import output_name
from reviewer.sidecar.codec import load_sidecar
from reviewer.sidecar.lock import SidecarLock
from reviewer.sidecar.paths import is_sidecar_name, lock_path, safe_name
from reviewer.sidecar.reanchor import reanchor, sentences_of
from reviewer.sidecar.store import SidecarStore
from reviewer.textsafe import is_safe, safe_text

# Autosave: 0.8 s after the last change, but never later than 2 s after the first unsaved one,
# so that a reviewer who keeps working is saved every ~2 s (a SIGKILL loses at most that).
AUTOSAVE_DEBOUNCE = 0.8
AUTOSAVE_MAX_DELAY = 2.0
AUTOSAVE_MIN_DELAY = 0.01
FALLBACK_LABEL_COLOR = "magenta"


@dataclass
class Options:
    paths: list[str]
    reviewer: str
    sidecar: Path
    config: Config
    links: list[Link] | None = None  # precomputed (tests); None: run the engine
    use_cache: bool = True
    warnings: list[str] = field(default_factory=list)
    news: list[str] = field(default_factory=list)  # said at the start in the status bar (--adjudicate)


@dataclass(frozen=True)
class Notice:
    text: str
    severity: str = "information"
    timeout: float | None = None


def _other_reviewers(paths: list[str], own: Path, reviewer: str) -> list[str]:
    """The reviewers of the other sidecars of the cluster (by file name), the adjudicator's aside."""
    from reviewer.annotations import ADJUDICATOR
    from reviewer.sidecar.paths import sidecars_for

    if reviewer == ADJUDICATOR:
        return []
    try:
        found = sidecars_for(paths)
    except OSError:
        return []
    names = {p.name.split(".review.")[0] for p in found if p.resolve() != own.resolve()}
    return sorted(names - {ADJUDICATOR, reviewer})


def _unwritable_folder(path: Path) -> str | None:
    """The sidecar's folder when a save could not write there (saves write a temporary file
    beside the sidecar, then rename it): not a folder, or no write permission (a read-only
    mount stops root too). None when it can be written, or does not exist yet."""
    import os

    folder = path.parent
    try:
        if folder.exists() and (not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK)):
            return str(folder)
    except OSError:
        return str(folder)
    return None


def _n_things(n: int) -> str:
    return f"{n} {'tag or link' if n == 1 else 'tags and links'}"


def display_cluster(cluster: Cluster) -> Cluster:
    """The cluster as the screen shows it: every text from the files made safe for the terminal
    (:func:`reviewer.textsafe.safe_text`, same length, so offsets and spans stay exact). Ids stay
    as they are (they are the keys of the work); a title-less article with an unsafe id gets its
    safe id as title. The same object when nothing needs cleaning (the usual case)."""
    def clean(a: Article) -> Article:
        fields = (a.body, a.title or "", a.source or "", a.date or "", a.path, a.id)
        if all(is_safe(f) for f in fields) and all(is_safe(s.text) for s in a.sentences):
            return a
        title = safe_text(a.title) if a.title else (safe_text(a.id) if not is_safe(a.id) else None)
        return replace(a, body=safe_text(a.body), title=title, path=safe_text(a.path),
                       source=safe_text(a.source) if a.source else a.source,
                       date=safe_text(a.date) if a.date else a.date,
                       sentences=[replace(s, text=safe_text(s.text)) if not is_safe(s.text) else s for s in a.sentences])

    articles = [clean(a) for a in cluster.articles]
    if all(x is y for x, y in zip(articles, cluster.articles)):
        return cluster
    return replace(cluster, articles=articles)


def check_label_colors(config: Config) -> list[str]:
    """Give every label a colour Rich can draw (a bad one would crash the screen on the first
    tag): unknown colours become FALLBACK_LABEL_COLOR, one warning each."""
    warnings, fixed = [], []
    for lab in config.labels:
        try:
            Color.parse(lab.color)
        except (ColorParseError, TypeError, ValueError):
            warnings.append(f"label {safe_text(lab.name)!r}: {safe_text(str(lab.color))!r} is not a colour; "
                            f"shown in {FALLBACK_LABEL_COLOR} (config.toml [[labels]] color)")
            lab = replace(lab, color=FALLBACK_LABEL_COLOR)
        fixed.append(lab)
    if warnings:
        config.labels = fixed
    return warnings


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def _is_empty(path: Path) -> bool:
    try:
        return not path.read_bytes().strip()
    except OSError:
        return False


def good_backup(path: Path) -> ReviewData | None:
    """The backup of ``path`` when it is a readable sidecar with some work in it, else None."""
    bak = backup_path(path)
    if not bak.is_file() or _is_empty(bak):
        return None
    try:
        data = load_sidecar(bak)
    except (SidecarError, RecursionError):
        return None
    return data if (data.tags or data.notes or data.links or data.absent) else None


def _items(data: ReviewData) -> str:
    left_out = f", {plural(len(data.absent), 'label')} left out" if data.absent else ""
    return (f"{plural(len(data.tags), 'tag')}, {plural(len(data.notes), 'note')}, "
            f"{plural(len(data.links), 'link decision')}{left_out}")


def owner_of(path: Path) -> str | None:
    """Whose sidecar ``path`` is (the reviewer it names), or None when it names nobody or cannot be read."""
    try:
        data = load_sidecar(path)
    except (SidecarError, RecursionError):
        return None
    return data.reviewer or None


class Workspace:
    def __init__(self, cluster: Cluster, options: Options):
        self.raw_cluster = cluster  # as read: anchors quote it, re-anchoring compares with it
        self.cluster = display_cluster(cluster)  # as shown: safe for the terminal, same offsets
        self.options = options
        self.options.warnings += check_label_colors(options.config)
        self.store = SidecarStore(options.sidecar, options.reviewer)
        self.session: ReviewSession | None = None
        self.orphans: list[str] = []
        self.dirty = False
        self.last_save_error: str | None = None
        self.saved_cursor: Key | None = None
        self.first_unsaved: float | None = None  # time.monotonic() of the first change not saved yet
        self.backup_offer: str | None = None  # why the backup could be restored (the sidecar is empty or broken)
        self.status_note = ""  # a standing remark for the status bar (e.g. nothing in the sidecar is anchored)

    # ------------------------------------------------------------------ opening
    def folder_name(self) -> str:
        """The cluster's folder as a person names it (``reviewer .`` shows the folder's own name)."""
        paths = self.options.paths
        if not paths:
            return ""
        p = Path(paths[0])
        if p.is_file() or not p.is_dir():
            p = p.parent
        try:
            return p.resolve().name or str(p)
        except OSError:
            return p.name

    def open(self) -> None:
        """Open the sidecar (lock, parse); an empty or unreadable one next to a good backup is
        left alone, read-only, and the backup is offered (``restore_backup``)."""
        self.store.open()
        self._check_backup()

    def _check_backup(self) -> None:
        self.backup_offer = None
        path = self.store.path
        if not path.exists():
            return
        if _is_empty(path):
            what = "is empty"
        elif not self.store.read_only:
            return
        else:
            try:
                load_sidecar(path)
                return  # a good file, read-only for another reason (e.g. open in another instance)
            except SidecarError as exc:  # the bad line named, as `reviewer check` names it
                what = (f"cannot be read (line {exc.line}: {exc.message})" if exc.line is not None
                        else f"cannot be read ({exc.message})")
            except RecursionError:
                what = "cannot be read (nested too deeply)"
        bak = good_backup(path)
        if bak is None:
            return
        self.backup_offer = (f"{safe_text(str(path))} {what}; its backup {backup_path(path).name} holds {_items(bak)}: "
                             "ctrl+p → Restore backup (until then neither file is written)")
        if not self.store.read_only:
            self.store.close()
            self.store.data = ReviewData(reviewer=self.options.reviewer)
        self.store.read_only_reason = self.backup_offer

    def restore_backup(self) -> str | None:
        """Put the backup back in place of the empty or broken sidecar and open it; the error as one line."""
        if self.backup_offer is None:
            return "there is no backup to restore (the sidecar is fine, or its backup is empty or unreadable)"
        path = self.store.path
        restore = getattr(self.store, "restore_backup", None)  # the store's own, when it has one
        try:
            if restore is not None:
                restore()
            else:
                text = backup_path(path).read_bytes().decode("utf-8-sig")
                write_atomic(path, text, backup=False)
        except (OSError, UnicodeDecodeError, SidecarError) as exc:
            return f"could not restore the backup: {exc}"
        return None  # the caller reloads (ReviewView.reload)

    def attach(self) -> tuple[list[Notice], bool]:
        """Re-anchor the open sidecar to the sentences and build the review session on it.
        Returns what to tell the reviewer, and whether the sidecar needs saving (converted or
        re-anchored)."""
        data = self.store.data
        data.reviewer = self.options.reviewer
        self.saved_cursor = data.cursor
        rep = reanchor(data, sentences_of(self.raw_cluster))
        self.session = ReviewSession(self.cluster, data, self.options.config.labels, quotes=self.raw_cluster)
        self.orphans = [safe_text(l) for l in self.session.orphans()]
        notices: list[Notice] = []
        save = False
        n_items = len(data.tags) + len(data.notes) + len(data.links)
        if n_items and len(self.orphans) >= n_items and not any(
                not x.anchor.orphan for x in [*data.tags, *data.notes]) and all(
                d.a.orphan or d.b.orphan for d in data.links):
            self.status_note = "nothing anchored"
            what = (f"the one item in {safe_text(self.store.path.name)} is not" if n_items == 1 else
                    f"none of the {n_items} items in {safe_text(self.store.path.name)} is")
            notices.append(Notice(f"{what} on a sentence of these articles (renamed articles, or another cluster's "
                                  "sidecar?): kept as an orphan, never dropped (ctrl+p → Orphans lists it)"
                                  if n_items == 1 else
                                  f"{what} on a sentence of these articles (renamed articles, or another cluster's "
                                  "sidecar?): all kept as orphans, never dropped (ctrl+p → Orphans lists them)",
                                  "warning", 20))
        else:
            self.status_note = ""
        if self.store.read_only:
            notices.append(Notice(self.store.read_only_reason or "read-only", "error", 15))
        elif (folder := _unwritable_folder(self.store.path)) is not None:
            # said at start-up, not at the first save; review goes on (Save as… keeps the work)
            try:  # "reviewer ." said ". is read-only"
                folder = str(Path(folder).resolve())
            except OSError:
                pass
            notices.append(Notice(f"{safe_text(folder)} is read-only: changes can't be saved here "
                                  "(ctrl+p → Save as… to keep them elsewhere)", "warning", 15))
        elif data.migrated_from is not None:
            notices.append(Notice(f"sidecar converted from schema {data.migrated_from}; the old file is kept as .bak",
                                  timeout=8))
            save = True
        if rep.moved or rep.fuzzy:
            n = rep.moved + rep.fuzzy
            notices.append(Notice(f"the articles changed: {_n_things(n)} re-attached to "
                                  f"{'its sentence' if n == 1 else 'their sentences'}", timeout=8))
            save = True
        if self.orphans and not self.status_note:
            n = len(self.orphans)
            notices.append(Notice(f"{_n_things(n)} no longer {'matches' if n == 1 else 'match'} any sentence; kept "
                                  "(ctrl+p → Orphans lists them)", "warning", 12))
        if not n_items and not self.store.path.exists():
            others = _other_reviewers(self.options.paths, self.store.path, self.options.reviewer)
            if others:  # a typo in --reviewer would quietly add an annotator to the team's counts
                notices.append(Notice(f"new reviewer {safe_text(self.options.reviewer)!r}: your work goes to a new "
                                      f"sidecar, {safe_text(self.store.path.name)}; this folder has "
                                      f"{', '.join(safe_text(o) for o in others)} (--reviewer NAME opens one of them)",
                                      "warning", 15))
        notices += [Notice(w, "warning", 10) for w in self.options.warnings]
        notices += [Notice(n, timeout=15) for n in self.options.news]
        self.options.warnings, self.options.news = [], []
        return notices, save

    def changed(self) -> None:
        self.dirty = True
        if self.first_unsaved is None:
            self.first_unsaved = time.monotonic()
        self.orphans = [safe_text(l) for l in self.session.orphans()]

    def autosave_delay(self, now: float | None = None) -> float:
        """Seconds until the next autosave: AUTOSAVE_DEBOUNCE after the last change, but never
        later than AUTOSAVE_MAX_DELAY after the first change not saved yet."""
        if self.first_unsaved is None:
            return AUTOSAVE_DEBOUNCE
        now = time.monotonic() if now is None else now
        # Never 0: a timer of interval 0 that fires late divides by zero inside Textual.
        return max(AUTOSAVE_MIN_DELAY, min(AUTOSAVE_DEBOUNCE, self.first_unsaved + AUTOSAVE_MAX_DELAY - now))

    def finish(self, cursor: Key | None) -> str | None:
        """The app is ending (quit, a signal, a crash): save what is not saved, release the lock.
        The save error as one line, if any."""
        error = None
        try:
            if self.session is not None and not self.store.read_only and (self.dirty or self.cursor_moved(cursor)):
                error = self.save(cursor if cursor is not None else self.session.data.cursor)
        finally:
            self.store.close()
        return error

    def cursor_moved(self, cursor: Key | None) -> bool:
        """The cursor is worth saving on quit: it moved, and there is a sidecar to keep it in. A
        cursor alone never creates a sidecar: nothing is written into the articles' folder until
        the first real change (a tag, a decision, a note, a link); that save takes the cursor too."""
        return cursor is not None and cursor != self.saved_cursor and self.store.on_disk

    def saved_state(self) -> str:
        if self.store.read_only:
            return "read-only"
        if self.last_save_error:
            return "not-saved"
        if self.dirty:
            return "unsaved"
        return "saved" if self.store.on_disk else "untouched"

    def save(self, cursor: Key) -> str | None:
        """Save the sidecar; the error as one line when it fails (the work stays in memory)."""
        self.session.data.cursor = cursor
        try:
            self.store.save()
        except SidecarError as exc:
            self.last_save_error = exc.one_line()
            return self.last_save_error
        self.dirty = False
        self.first_unsaved = None
        self.last_save_error = None
        self.saved_cursor = cursor
        return None

    def save_as(self, target: Path, cursor: Key) -> str | None:
        """Save to another sidecar and carry on there; the error as one line when it fails."""
        if not is_sidecar_name(target.name):
            return "a sidecar name must end in .review.toml or .review.json"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return f"cannot create the folder {target.parent}: {exc.strerror or exc}"
        refused = self._save_as_refused(target)
        if refused is not None:
            return refused
        self.session.data.cursor = cursor
        try:
            self.store.save_as(target)
        except SidecarError as exc:
            return safe_text(exc.one_line())
        self.options.sidecar = str(target)
        self.backup_offer = None
        self.dirty = False
        self.first_unsaved = None
        self.last_save_error = None
        return None

    def _save_as_refused(self, target: Path) -> str | None:
        """Why Save as… must not write ``target``: open in another live instance, or another
        reviewer's sidecar (or backup). None when it may."""
        try:
            if target.resolve() == self.store.path.resolve():
                return None
        except OSError:
            pass
        shown = safe_text(str(target))
        if target.exists() or lock_path(target).exists():
            lock = SidecarLock(lock_path(target))
            holder = lock.acquire()
            if holder is None:
                lock.release()
            else:
                return (f"{shown} is open in another reviewer (pid {holder.pid}); not overwritten: "
                        "choose another name")
        me = self.options.reviewer
        for path in (target, backup_path(target)):
            if path.exists():
                who = owner_of(path)
                if who is not None and who != me:
                    return (f"{safe_text(str(path))} is {safe_text(who)}'s sidecar; not overwritten: "
                            "choose another name")
        return None

    def reload(self) -> None:
        self.store.reload()
        self._check_backup()
        self.first_unsaved = None
        self.dirty = False
        self.last_save_error = None

    def save_as_default(self) -> Path:
        """What Save as… offers: the sidecar's own path, unless it cannot be written there (a
        read-only folder, or the sidecar read-only); then the same name in the user's data
        folder (e.g. ~/.local/share/reviewer/<cluster>/), else in the home folder."""
        path = Path(self.options.sidecar)
        if not self.store.read_only and _unwritable_folder(path) is None:
            return path
        from platformdirs import user_data_dir

        for folder in (Path(user_data_dir("reviewer")) / safe_name(self.folder_name() or "cluster"), Path.home()):
            if _unwritable_folder(folder / path.name) is None and folder.resolve() != path.parent.resolve():
                return folder / path.name
        return path

    def export_target(self, fmt: str) -> Path:
        cluster = Path(self.options.paths[0]).name or "export"
        # A name that the article loader never reads back as an article (.export.jsonl, .nli.jsonl...).
        return Path(self.options.sidecar).with_name(output_name(f"{cluster}.{safe_name(self.options.reviewer)}", fmt))
