"""The command palette (ctrl+p): export, filters, themes, reload, save."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider

from reviewer.export.formats import REGISTRY as EXPORT_FORMATS
from reviewer.keymap import key_names
from reviewer.review import FILTERS

if TYPE_CHECKING:
    from reviewer.tui.app import ReviewerApp

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "dracula", "solarized-light", "monokai")

Command = tuple[str, Callable[[], object], str]


def _key_label(keys: str) -> str:
    return key_names(keys.split(",")[0])


class ReviewerCommands(Provider):
    def _commands(self) -> list[Command]:
        app: ReviewerApp = self.app  # type: ignore[assignment]
        review = app.review
        cmds: list[Command] = []
        for f in EXPORT_FORMATS:
            about = f.description + ("; with the suggestions not reviewed yet (open conflicts too), dashed"
                                     if f.name == "html" else "")
            cmds.append((f"Export: {f.name}", lambda fmt=f.name: app.export(fmt), about))
        for mode in FILTERS:
            cmds.append((f"Filter: {mode}", lambda mode=mode: review.set_filter(mode),
                         "dim the other sentences; j/k skip them"))
        for theme in THEMES:
            cmds.append((f"Theme: {theme}", lambda theme=theme: setattr(app, "theme", theme), "colour theme"))
        flip = _key_label(app.config.keys.get("flip_link", "r"))
        cmds.append((f"Link: the other relation ({flip})", review.action_flip_link,
                     "the selected link becomes a match if it is a conflict and a conflict if it is a match "
                     "(your decision; u undoes)"))
        cmds.append(("Claims", app.action_claims, "one row per claim: who states it, who contradicts it, who is silent"))
        cmds.append(("Reload sidecar", review.reload, "read the sidecar from disk again, dropping unsaved changes"))
        cmds.append(("Save", review.action_save, "save the sidecar now"))
        cmds.append(("Save as…", app.save_as, "save the sidecar to another file and carry on there"))
        if app.workspace.backup_offer:
            cmds.append(("Restore backup", app.restore_backup, "put the .bak back in place of the empty or broken sidecar"))
        cmds.append(("Orphans", app.show_orphans, "tags and links whose sentence is gone from the articles"))
        cmds.append(("Re-align (ignore the cache)", lambda: review.start_alignment(use_cache=False),
                     "run the engine again"))
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
