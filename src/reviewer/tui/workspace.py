"""The work on disk behind the review screen: the sidecar store, the review session built on it,
and whether the work is saved. Plain Python (the screen shows what it reports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.config import Config
from reviewer.errors import SidecarError
from reviewer.models import Cluster, Link
from reviewer.review import Key, ReviewSession
from reviewer.export.formats import output_name
from reviewer.sidecar.paths import is_sidecar_name, safe_name
from reviewer.sidecar.reanchor import reanchor, sentences_of
from reviewer.sidecar.store import SidecarStore


@dataclass
class Options:
    paths: list[str]
    reviewer: str
    sidecar: Path
    config: Config
    links: list[Link] | None = None  # precomputed (tests); None: run the engine
    use_cache: bool = True
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Notice:
    text: str
    severity: str = "information"
    timeout: float | None = None


def _n_things(n: int) -> str:
    return f"{n} {'tag or link' if n == 1 else 'tags and links'}"


class Workspace:
    def __init__(self, cluster: Cluster, options: Options):
        self.cluster = cluster
        self.options = options
        self.store = SidecarStore(options.sidecar, options.reviewer)
        self.session: ReviewSession | None = None
        self.orphans: list[str] = []
        self.dirty = False
        self.last_save_error: str | None = None
        self.saved_cursor: Key | None = None

    def attach(self) -> tuple[list[Notice], bool]:
        """Re-anchor the open sidecar to the sentences and build the review session on it.
        Returns what to tell the reviewer, and whether the sidecar needs saving (converted or
        re-anchored)."""
        data = self.store.data
        data.reviewer = self.options.reviewer
        self.saved_cursor = data.cursor
        rep = reanchor(data, sentences_of(self.cluster))
        self.session = ReviewSession(self.cluster, data, self.options.config.labels)
        self.orphans = self.session.orphans()
        notices: list[Notice] = []
        save = False
        if self.store.read_only:
            notices.append(Notice(self.store.read_only_reason or "read-only", "error", 15))
        elif data.migrated_from is not None:
            notices.append(Notice(f"sidecar converted from schema {data.migrated_from}; the old file is kept as .bak",
                                  timeout=8))
            save = True
        if rep.moved or rep.fuzzy:
            notices.append(Notice(f"the articles changed: {_n_things(rep.moved + rep.fuzzy)} re-attached to their "
                                  "sentences", timeout=8))
            save = True
        if self.orphans:
            notices.append(Notice(f"{_n_things(len(self.orphans))} no longer match any sentence; kept "
                                  "(ctrl+p → Orphans lists them)", "warning", 12))
        notices += [Notice(w, "warning", 10) for w in self.options.warnings]
        self.options.warnings = []
        return notices, save

    def changed(self) -> None:
        self.dirty = True
        self.orphans = self.session.orphans()

    def saved_state(self) -> str:
        if self.store.read_only:
            return "read-only"
        if self.last_save_error:
            return "not-saved"
        return "unsaved" if self.dirty else "saved"

    def save(self, cursor: Key) -> str | None:
        """Save the sidecar; the error as one line when it fails (the work stays in memory)."""
        self.session.data.cursor = cursor
        try:
            self.store.save()
        except SidecarError as exc:
            self.last_save_error = exc.one_line()
            return self.last_save_error
        self.dirty = False
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
        self.session.data.cursor = cursor
        try:
            self.store.save_as(target)
        except SidecarError as exc:
            return exc.one_line()
        self.options.sidecar = str(target)
        self.dirty = False
        self.last_save_error = None
        return None

    def reload(self) -> None:
        self.store.reload()
        self.dirty = False
        self.last_save_error = None

    def export_target(self, fmt: str) -> Path:
        cluster = Path(self.options.paths[0]).name or "export"
        # A name that the article loader never reads back as an article (.export.jsonl, .nli.jsonl...).
        return Path(self.options.sidecar).with_name(output_name(f"{cluster}.{safe_name(self.options.reviewer)}", fmt))
