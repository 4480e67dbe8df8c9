"""``reviewer check``: every validation the app runs on input, in one report.

Checks the configuration, every article file, and every sidecar beside the articles (or
given with ``--sidecar``): that it parses, and that each tag, note and link decision still
finds its sentence (re-anchoring). Nothing is written. Each finding is one line:
``error:`` (something could not be read or is lost), ``warning:`` (read, with a remark),
``ok:`` (a summary). The exit code is 1 when there is any error.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.errors import ReviewerError
from reviewer.keymap import check_key_overrides
from reviewer.sidecar.codec import load_sidecar
from reviewer.sidecar.paths import sidecars_for
from reviewer.sidecar.codec import unknown_field_count
from reviewer.sidecar.reanchor import orphan_lines, reanchor_or_refuse, sentences_of


@dataclass
class Report:
    lines: list[tuple[str, str]] = field(default_factory=list)  # (level, message)

    def add(self, level: str, message: str) -> None:
        self.lines.append((level, message))

    @property
    def errors(self) -> int:
        return sum(1 for level, _ in self.lines if level == "error")

    def render(self) -> str:
        return "\n".join(f"{level}: {msg}" for level, msg in self.lines)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _config_name(path: str) -> str:
    from reviewer.resources import bundled_config_path

    try:
        if Path(path).resolve() == bundled_config_path().resolve():
            return "(the bundled default; put a config.toml here or use --config to change it)"
    except OSError:
        pass
    return str(path)


def _seeds_data_sidecars(files: list[Path], paths: list[str]) -> list[Path]:
    """Those of ``files`` that sit in the data folder of the bundled seeds' sidecars rather than
    beside the articles given."""
    from reviewer.resources import seeds_sidecar_dir
    from reviewer.sidecar.paths import sidecar_folder

    try:
        data = seeds_sidecar_dir().resolve()
        existing = [p for p in paths if Path(p).exists()]
        here = sidecar_folder(existing).resolve() if existing else None
        return [f for f in files if f.resolve().parent == data and data != here]
    except OSError:
        return []


def run_check(paths: list[str], config_path: str | None = None, sidecars: list[str] | None = None,
              themes: Collection[str] | None = None) -> Report:
    """Check the config, the articles and the sidecars. ``themes`` are the theme names the TUI
    knows (the caller asks the TUI library; the core never imports it); None: not checked."""
    from reviewer.io.articles import load_cluster
    from reviewer.config import load_config

    rep = Report()
    config = None
    checked = []  # (sidecar, its re-anchored data): their link graphs are checked below
    try:
        config = load_config(config_path)
        for w in config.warnings:
            rep.add("warning", w)
        _, key_problems = check_key_overrides(config.keys, [l.key for l in config.labels])
        for msg in key_problems:
            rep.add("warning", f"{config.path}: {msg}")
        if config.theme and themes is not None and config.theme not in themes:
            rep.add("warning", f"{config.path}: theme {config.theme!r} is not a Textual theme; the default is used")
        rep.add("ok", f"config {_config_name(config.path)}")
    except ReviewerError as exc:
        rep.add("error", exc.one_line())

    cluster = None
    try:
        cluster = load_cluster(paths)
    except ReviewerError as exc:
        for line in exc.details:
            rep.add("error", line)
        rep.add("error", exc.one_line())
    if cluster is not None:
        for p in cluster.problems:
            rep.add("warning" if p.severity == "warning" else "error", p.one_line())
        n = sum(len(a.sentences) for a in cluster.articles)
        rep.add("ok", f"{plural(len(cluster.articles), 'article')}, {plural(n, 'sentence')}")

    files = [Path(s) for s in sidecars] if sidecars else sidecars_for(paths)
    # a copy of the bundled seeds (the same article files) shares the sidecars the app keeps for
    # them in the data folder, by design: their lines say so, or they look like another folder's
    shared = set() if sidecars else set(_seeds_data_sidecars(files, paths))
    sentences = sentences_of(cluster) if cluster is not None else {}
    for f in files:
        if not f.exists():
            rep.add("error", f"{f}: no such sidecar")
            continue
        try:
            data = load_sidecar(f)
        except ReviewerError as exc:
            rep.add("error", exc.one_line())
            continue
        extra = unknown_field_count(data)
        if extra:
            rep.add("warning", f"{f}: {plural(extra, 'field')} this version does not know (kept as they are on save)")
        if cluster is None:
            rep.add("ok", f"{f}: parses ({plural(len(data.tags), 'tag')}, {plural(len(data.links), 'link decision')}, "
                    f"{plural(len(data.notes), 'note')}); articles not loaded, anchors not checked")
            continue
        ra = reanchor_or_refuse(data, sentences, f)
        checked.append((f, data))
        if ra.warning:
            rep.add("warning", ra.warning)
        for line in ra.lines:
            rep.add("warning", f"{f}: {line}")
        lost = orphan_lines(data)
        for line in lost:
            rep.add("error", f"{f}: orphan {line}: its sentence is no longer in the articles (kept in the sidecar)")
        moved = ra.moved + ra.fuzzy
        if moved:
            rep.add("warning", f"{f}: {plural(moved, 'anchor')} re-attached to edited or moved sentences "
                    "(the app saves the new positions on next open)")
        if data.migrated_from is not None:
            rep.add("warning", f"{f}: schema {data.migrated_from}, converted on next open (a backup is kept)")
        summary = (f"{f}: reviewer {data.reviewer!r}, {plural(len(data.tags), 'tag')}, "
                   f"{plural(len(data.links), 'link decision')}, {plural(len(data.notes), 'note')}, "
                   + (f"{plural(len(data.absent), 'label')} left out, " if data.absent else "") +
                   f"{plural(len(lost), 'orphan')}" + (" (listed above)" if lost else ""))
        if f in shared:
            summary = (f"also found for these articles: {summary} (kept in the data folder for the bundled "
                       "seeds, whose article files these are, byte for byte)")
        rep.add("error" if lost else "ok", summary)
    if not [f for f in files if f not in shared] and any(Path(p).exists() for p in paths):  # a missing path: its error says it all
        rep.add("ok", "no sidecar beside the articles")
    if cluster is not None:
        from reviewer.claimreport import graph_warnings

        for line in graph_warnings(cluster, config, checked):
            rep.add("warning", line)
    return rep
