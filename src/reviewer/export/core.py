"""The export driver: :func:`export_records` exports objects that are already loaded (what the
TUI holds); :func:`export_files` loads a cluster and its sidecars from paths (what the CLI
gives) and calls the same code. Sidecars are only read; the output is written atomically;
``-`` writes to stdout."""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from reviewer.errors import ReviewerError, SidecarError
from reviewer.textsafe import safe_text
from reviewer.export.formats import Format, get_format, splittable
from reviewer.export.model import ExportData, ExportSummary
from reviewer.export.records import build_data
from reviewer.export.resolve import parse_resolve, resolve as apply_resolve
from reviewer.export.safety import refuse_inputs, write_text
from reviewer.export.split import parse_split, write_split
from reviewer.models import Cluster, Link, Problem


@dataclass(frozen=True)
class _Request:
    fmt: Format
    out: str
    split: tuple[float, float, float] | None
    resolve: str = "all"
    allow_empty: bool = False  # write a file even when it holds no record (the TUI's palette)

    @property
    def path(self) -> Path | None:
        return None if self.out == "-" else Path(self.out)


def _request(fmt: str, out: str | os.PathLike[str], split: str | Sequence[float] | None,
             resolve: str = "all", allow_empty: bool = False) -> _Request:
    """Check what was asked before anything is loaded; ReviewerError for what the user can fix."""
    f = get_format(fmt)
    try:
        resolve = parse_resolve(resolve)
    except ValueError as exc:
        raise ReviewerError(str(exc)) from None
    split_t = None
    if split is not None:
        if f.rows is None:
            raise ReviewerError(f"--split applies to the {' / '.join(splittable())} format only, not {fmt}")
        try:
            split_t = parse_split(split)
        except ValueError as exc:
            raise ReviewerError(str(exc)) from None
    if str(out) == "-" and split_t is not None:
        raise ReviewerError("--split writes a folder (train.jsonl, dev.jsonl, test.jsonl); give -o FOLDER, not -")
    return _Request(f, str(out), split_t, resolve, allow_empty)


def render(data: ExportData, fmt: str) -> tuple[int, str]:
    """(number of records, text) of ``data`` in format ``fmt``, in memory."""
    return get_format(fmt).write(data)


def export_records(cluster: Cluster, links: Sequence[Link], reviews: Sequence, fmt: str,
                   out: str | os.PathLike[str], *, folder: str | os.PathLike[str],
                   sidecars: Sequence[str | os.PathLike[str]] = (), labels: Sequence = (),
                   include_suggestions: bool = False, split: str | Sequence[float] | None = None,
                   resolve: str = "all", allow_empty: bool = False) -> ExportSummary:
    """Export a loaded cluster: ``links`` are the engine's suggested links, ``reviews`` the
    sidecar data already re-anchored to the cluster (see :func:`records.build_data` for the
    other arguments). Writes ``fmt`` to ``out`` (``-`` = stdout) and returns the summary;
    ``resolve`` is the ``--resolve`` rule (see :mod:`reviewer.export.resolve`). An export with
    no record is refused (ReviewerError saying why; nothing written) unless ``allow_empty``."""
    req = _request(fmt, out, split, resolve, allow_empty)
    data = build_data(cluster, links, reviews, folder=folder, sidecars=sidecars, labels=labels,
                      include_suggestions=include_suggestions)
    return _write(apply_resolve(data, req.resolve), req)


def export_files(paths: Sequence[str | os.PathLike[str]], sidecars: Sequence[str | os.PathLike[str]] | None,
                 fmt: str, out: str | os.PathLike[str], include_suggestions: bool = False, config=None,
                 split: str | Sequence[float] | None = None, resolve: str = "all",
                 allow_empty: bool = False) -> ExportSummary:
    """Export the cluster at ``paths`` with its sidecars (None or [] = every sidecar in the
    article folder) as ``fmt`` to ``out`` (``-`` = stdout). ``config`` is a Config, a config
    file path, or None (the usual search); ``resolve`` is the ``--resolve`` rule. Raises
    ReviewerError for anything the user can fix, and when there is no record to export
    (saying why; nothing is written, an existing OUT is left as it is) unless ``allow_empty``."""
    req = _request(fmt, out, split, resolve, allow_empty)
    data = gather(paths, sidecars, config, include_suggestions, report=req.fmt.name == "html")
    return _write(apply_resolve(data, req.resolve), req)


def gather(paths, sidecars, config=None, include_suggestions: bool = False, report: bool = False) -> ExportData:
    """Load the cluster at ``paths``, its sidecars (re-anchored in memory) and the engine's
    links (``align_cached`` with the config's ``[align]`` settings), and build the records.
    No sidecar is an error (ReviewerError saying what to give), except with
    ``include_suggestions`` or for a ``report`` (the HTML page): a cluster nobody has reviewed
    yet then shows the engine's suggestions, not reviewed, as with ``include_suggestions``."""
    from reviewer.engine.cache import align_cached
    from reviewer.io.articles import load_cluster
    from reviewer.sidecar.codec import load_sidecar
    from reviewer.sidecar.paths import sidecar_folder, sidecars_for
    from reviewer.sidecar.reanchor import reanchor_or_refuse, sentences_of

    cfg = _load_config(config)
    if not paths:
        raise ReviewerError("no article folder or files given")
    for p in paths:
        if not Path(p).exists():
            raise ReviewerError("no such file or folder", path=str(p))
    cluster = load_cluster(list(paths))
    folder = sidecar_folder(list(paths))
    side_paths = [Path(s) for s in sidecars] if sidecars else sidecars_for(list(paths))
    if not side_paths and report:
        include_suggestions = True  # nobody has reviewed it yet: the report shows what the engine suggests
    if not side_paths and not include_suggestions:
        raise ReviewerError("no sidecar (*.review.toml or *.review.json) found; give one with --sidecar FILE, "
                            "or use --include-suggestions to export the engine's suggestions alone", path=str(folder))
    reviews = []
    for p in side_paths:
        try:
            reviews.append(load_sidecar(p))
        except SidecarError as exc:
            if not sidecars and len(side_paths) > 1:  # found beside the articles: the others can still go
                others = " ".join(f"--sidecar {shlex.quote(safe_text(str(q)))}" for q in side_paths if q != p)
                exc.message += (f" (fix it: `reviewer check` names the line, and the review screen offers its "
                                f"backup when there is one; or export the others alone: {others})")
            raise
    sentences = sentences_of(cluster)
    for p, r in zip(side_paths, reviews):
        rep = reanchor_or_refuse(r, sentences, p)
        if rep.warning:  # read anyway: its orphans are exported with their quotes
            cluster.problems.append(Problem(str(p), rep.warning.removeprefix(f"{p}: "), "warning"))
    suggested, _hit = align_cached(cluster, cfg.align)
    return build_data(cluster, suggested, reviews, folder=folder, sidecars=side_paths, labels=cfg.labels,
                      include_suggestions=include_suggestions)


def _load_config(config):
    from reviewer.config import Config, load_config

    if isinstance(config, Config):
        return config
    return load_config(config)


def _write(data: ExportData, req: _Request) -> ExportSummary:
    out_path = req.path
    if out_path is not None:
        refuse_inputs(out_path, data, req.fmt.name, split=req.split is not None)
    rows = req.fmt.rows(data) if req.fmt.rows is not None else None
    if req.split is not None and rows is not None:
        assert out_path is not None
        records = len(rows)
        _refuse_nothing(data, req, records)
        files = write_split(out_path, data.name, rows, req.split, data.folder)
    else:
        records, text = req.fmt.write(data)
        _refuse_nothing(data, req, records)
        files = _write_text(data, req, text)
    predicted = sum(1 for l in data.links if l.decision == "predicted")
    return ExportSummary(req.fmt.name, req.out, files, records, data.reviewers, [str(p) for p in data.sidecars],
                         data.orphans, predicted, [p.one_line() for p in data.cluster.problems],
                         resolve=data.resolve, left_out=data.left_out,
                         warnings=disagreeing_labels(rows) if rows is not None else [],
                         labels_left_out=data.labels_left_out, labels_dropped=data.labels_dropped)


def disagreeing_labels(rows: list[dict]) -> list[str]:
    """The warning for pairs exported with two or more labels (two reviewers who disagree, with
    ``--resolve all``): trained on both, a model learns noise. Empty when there are none."""
    labels: dict[str, dict[str, list[str]]] = {}
    for r in rows:
        labels.setdefault(r["pair_id"], {}).setdefault(r["label_text"], []).append(r.get("reviewer") or "?")
    mixed = [(pid, by) for pid, by in labels.items() if len(by) > 1]
    if not mixed:
        return []
    pid, by = mixed[0]
    example = ", ".join(f"{label} by {', '.join(who)}" for label, who in sorted(by.items()))
    n = len(mixed)
    return [f"{n} pair{'s' if n != 1 else ''} exported with disagreeing labels, one record per reviewer "
            f"(e.g. {pid}: {example}); a model trained on both learns noise: --resolve majority, unanimous or "
            "adjudicated gives one label per pair"]


def _refuse_nothing(data: ExportData, req: _Request, records: int) -> None:
    """No record to export: a ReviewerError saying why and what to try, before anything is
    written (an empty file, or one written over an earlier export, helps nobody). The HTML
    report is a page about the articles and is always written."""
    if records or req.allow_empty or req.fmt.name == "html":
        return
    where = "nothing written" if req.out == "-" else f"{req.out} not written"
    raise ReviewerError(f"nothing exported ({where}): {nothing_reason(data, req.fmt.name)}")


def nothing_reason(data: ExportData, fmt: str) -> str:
    """Why an export of ``data`` as ``fmt`` holds no record, and what to try instead."""
    links = data.raw_links if data.raw_links is not None else data.links
    tags = data.raw_tags if data.raw_tags is not None else data.tags
    links = [l for l in links if l.decision != "predicted"]
    who = ", ".join(data.reviewers) or "none"
    pairs_only = fmt == "nli"
    rule = data.resolve
    if not links and not tags and not data.all_notes:
        return (f"the sidecars ({who}) hold no tag, note or link decision yet; review first, or add "
                "--include-suggestions to export the engine's suggestions")
    if pairs_only and not links:
        return (f"the {fmt} format holds sentence pairs (link decisions), and the sidecars ({who}) hold none, "
                f"only {len(tags)} tag{'s' if len(tags) != 1 else ''}; -f jsonl or csv exports tags")
    if rule in ("majority", "unanimous", "adjudicated") and data.left_out:
        n = data.left_out
        why = {"unanimous": "not decided alike by every reviewer",
               "majority": "without a majority (as many votes against as for)",
               "adjudicated": "not decided by the adjudicator and without a majority"}[rule]
        tries = {"unanimous": "--resolve majority (one label per pair where more than half agree), "
                              "--resolve adjudicated after `reviewer PATH --adjudicate`, or --resolve all "
                              "(every reviewer's decisions)",
                 "majority": "--resolve adjudicated after settling the ties with `reviewer PATH --adjudicate`, "
                             "or --resolve all (every reviewer's decisions)",
                 "adjudicated": "settling more pairs with `reviewer PATH --adjudicate`, or --resolve all "
                                "(every reviewer's decisions)"}[rule]
        return (f"--resolve {rule} left out all {n} decided pair{'s' if n != 1 else ''} ({why})"
                f"{'' if pairs_only else ' and kept no label'}; try {tries}")
    if rule.startswith("reviewer:"):
        return f"reviewer {rule.split(':', 1)[1]} has nothing of this kind; --resolve all exports every reviewer's"
    return f"no record of this kind in the sidecars ({who}) with --resolve {rule}"


def _write_text(data: ExportData, req: _Request, text: str) -> list[str]:
    """Write the output (and its companion files) or print it; returns what was written."""
    out_path = req.path
    if out_path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return ["stdout"]
    write_text(out_path, text)
    files = [str(out_path)]
    for path, extra in req.fmt.companions(data, out_path) if req.fmt.companions else ():
        refuse_inputs(path, data, req.fmt.name)
        write_text(path, extra)
        files.append(str(path))
    return files
