"""The ``reviewer`` command line.

``reviewer [PATH...]`` opens the TUI; ``reviewer align|export|agree|check ...`` are the
headless commands of CONTRACT.md. Exit codes: 0 ok, 1 invalid input or failed check,
2 usage error. Errors are one line on stderr, never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from reviewer import __version__
from reviewer.errors import ReviewerError
from reviewer.textsafe import safe_line

COMMANDS = ("align", "align-batch", "claims", "export", "agree", "check", "cache")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="configuration file (default: ./config.toml, "
                   "then your user config folder, then the bundled default)")
    p.add_argument("--legacy-encodings", action="store_true",
                   help="read article files that are not UTF-8 in the legacy encoding detected for them "
                        "(windows-1252, iso-8859-2...), with a warning each; by default they are skipped")


def build_parser() -> dict[str, argparse.ArgumentParser]:
    """One parser per command, by the name typed on the command line."""
    return {"tui": _tui_parser(), "align": _align_parser(), "check": _check_parser(), "align-batch": _batch_parser(),
            "cache": _cache_parser(), "export": _export_parser(), "agree": _agree_parser(), "claims": _claims_parser()}


def _add_semantic(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--semantic", choices=("auto", "on", "off"),
                        help="override [align] semantic: the embedding model finds paraphrases and translations "
                             "but embeds only about 20 sentences/s; 'off' is words only (much faster)")


def _tui_parser() -> argparse.ArgumentParser:
    tui = _Parser(prog="reviewer", description="Review several articles about one event side by side. "
                  f"Other commands: {', '.join(COMMANDS)} (reviewer COMMAND --help).")
    tui.add_argument("paths", nargs="*", metavar="PATH", help="a folder of articles or article files "
                     "(default: the bundled seed cluster)")
    _add_config(tui)
    tui.add_argument("--reviewer", metavar="NAME", help="your reviewer name (the sidecar is NAME.review.toml)")
    tui.add_argument("--sidecar", metavar="FILE", help="sidecar file to use instead of the default beside the articles")
    tui.add_argument("--format", choices=("toml", "json"), help="sidecar format (default toml)")
    tui.add_argument("--adjudicate", action="store_true", help="adjudicate: every reviewer's decisions shown per "
                     "link, n / N through the disputed pairs, your decisions saved as adjudicator.review.toml")
    tui.add_argument("--version", action="version", version=f"reviewer {__version__}")
    return tui


def _align_parser() -> argparse.ArgumentParser:
    align = _Parser(prog="reviewer align", description="Segment and align the articles of one cluster; print the "
                    "alignment JSON (every sentence, and the match and conflict links with their evidence) on stdout. "
                    "A progress bar shows on stderr when it is a terminal and the alignment takes over a second.")
    align.add_argument("paths", nargs="+", metavar="PATH", help="a folder of articles, or article files "
                       "(.txt, .md, .json, .jsonl), all of one cluster")
    align.add_argument("--json", action="store_true", help="print the alignment JSON to stdout: the only output "
                       "format, so this is the default and the flag may be left out")
    align.add_argument("--no-cache", action="store_true", help="do not read or write the alignment cache")
    _add_semantic(align)
    _add_config(align)
    return align


def _batch_parser() -> argparse.ArgumentParser:
    batch = _Parser(prog="reviewer align-batch", description="Align every sub-folder of ROOT as one cluster; "
                    "write DIR/<cluster>.alignment.json and DIR/pairs.jsonl. Resumable: current outputs are skipped.")
    batch.add_argument("root", metavar="ROOT")
    batch.add_argument("--out", "-o", metavar="DIR", required=True)
    batch.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    batch.add_argument("--backend", choices=("local", "dask"), default="local",
                       help="local process pool (default) or a Dask distributed cluster")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="with --backend dask: the scheduler address, "
                       "e.g. tcp://10.0.0.5:8786 (default: a local Dask cluster)")
    _add_semantic(batch)
    batch.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    _add_config(batch)
    return batch


def _cache_parser() -> argparse.ArgumentParser:
    cache = _Parser(prog="reviewer cache", description="Show or clear the alignment cache.")
    cache.add_argument("action", choices=("info", "clear"))
    _add_config(cache)  # accepted like every command (CONTRACT.md); the cache does not depend on it
    return cache


def _check_parser() -> argparse.ArgumentParser:
    check = _Parser(prog="reviewer check", description="Validate articles, sidecars and config; exit 1 on any problem.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="the article folder or files (one cluster; default: the bundled seeds, which `reviewer` alone opens)")
    check.add_argument("--sidecar", metavar="FILE", action="append",
                       help="sidecar to check (repeatable; default: every *.review.toml/json beside the articles)")
    _add_config(check)
    return check


def _export_parser() -> argparse.ArgumentParser:
    from reviewer.export.formats import FORMATS, formats_in_words

    export = _Parser(prog="reviewer export", description="Write the labelled data of the sidecar(s) of a cluster. "
                     "Sidecars are only read, never changed; the output is written atomically.")
    export.add_argument("paths", nargs="*", metavar="PATH", help="the article folder or files (one cluster; default: the bundled seeds, which `reviewer` alone opens)")
    export.add_argument("--format", "-f", required=True, metavar="F",
                        choices=FORMATS, help=formats_in_words())
    export.add_argument("--out", "-o", required=True, metavar="OUT",
                        help="output file ('-' for stdout); with --split, a folder")
    export.add_argument("--sidecar", metavar="FILE", action="append",
                        help="sidecar to export (repeatable; default: every *.review.toml/json beside the articles)")
    export.add_argument("--include-suggestions", action="store_true",
                        help="also export the engine's suggestions nobody reviewed (marked predicted)")
    export.add_argument("--resolve", metavar="RULE", type=_resolve_arg, default="all",
                        help="all (one record per reviewer, the default), majority, unanimous, adjudicated "
                             "(the adjudicator's sidecar settles disagreements) or reviewer:NAME")
    export.add_argument("--split", metavar="TRAIN/DEV/TEST", type=_split_arg,
                        help="nli only: train/dev/test shares, e.g. 80/10/10 (by cluster when the folder holds several, else by "
                             "groups of linked sentences: no sentence in two splits; seeded); OUT becomes a folder")
    _add_config(export)
    return export


def _claims_parser() -> argparse.ArgumentParser:
    claims = _Parser(prog="reviewer claims", description="Group what the articles say into claims: one row per "
                     "claim with its sentences per source, the versions that conflict with it, the sources that "
                     "are silent, and the reviewer's decisions when a sidecar is found. Markdown by default.")
    claims.add_argument("paths", nargs="*", metavar="PATH", help="the article folder or files (one cluster; default: the bundled seeds, which `reviewer` alone opens)")
    out = claims.add_mutually_exclusive_group()
    out.add_argument("--json", dest="fmt", action="store_const", const="json", help="print the claims JSON")
    out.add_argument("--csv", dest="fmt", action="store_const", const="csv", help="print one CSV row per claim")
    out.add_argument("--markdown", dest="fmt", action="store_const", const="markdown",
                     help="print a Markdown table and the contested claims (the default)")
    claims.add_argument("--sidecar", metavar="FILE", help="the sidecar whose decisions to use (default: the one "
                        "beside the articles; with several, choose with --reviewer)")
    claims.add_argument("--reviewer", metavar="NAME", help="use the sidecar of this reviewer")
    claims.add_argument("--no-cache", action="store_true", help="do not read or write the alignment cache")
    _add_config(claims)
    return claims


def _agree_parser() -> argparse.ArgumentParser:
    agree = _Parser(prog="reviewer agree", description="Agreement between reviewers who labelled the same articles: "
                    "raw agreement, Cohen's kappa and Krippendorff's alpha for each label and for link decisions.")
    agree.add_argument("sidecars", nargs="+", metavar="SIDECAR",
                       help="two or more sidecar files, or the articles' folder (its sidecars)")
    agree.add_argument("--articles", nargs="+", metavar="PATH",
                       help="the articles (default: the article files beside the first sidecar, when there are any)")
    agree.add_argument("--json", action="store_true", help="print the result as JSON")
    agree.add_argument("--force", action="store_true", help="compare a sidecar even when none of its items is on "
                       "these articles (another cluster's sidecar): by default it is refused")
    _add_config(agree)
    return agree


def _resolve_arg(text: str) -> str:
    from reviewer.export.resolve import parse_resolve

    try:
        return parse_resolve(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _split_arg(text: str):
    from reviewer.export import parse_split

    try:
        return parse_split(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _legacy_encodings(args: argparse.Namespace) -> None:
    """--legacy-encodings: for this command and every process it starts (the alignment's)."""
    if getattr(args, "legacy_encodings", False):
        from reviewer.io.articles import LEGACY_ENV

        os.environ[LEGACY_ENV] = "1"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parsers = build_parser()
    try:
        if argv and argv[0] in COMMANDS:
            cmd, rest = argv[0], argv[1:]
            if cmd not in parsers:
                print(f"reviewer {cmd}: not available yet in this version", file=sys.stderr)
                return 2
            args = parsers[cmd].parse_args(rest)
            _legacy_encodings(args)
            if cmd in ("check", "export", "claims") and not args.paths:
                args.paths = _bundled_seeds()  # as `reviewer` alone: its sidecars are found too
            if cmd == "agree":
                args.sidecars = _sidecars_of_folders(args.sidecars)
                if len(args.sidecars) < 2:
                    parsers[cmd].error("give at least two sidecars to compare (or the articles' folder, "
                                       f"when it holds two or more; found {len(args.sidecars)})")
            return {"align": cmd_align, "check": cmd_check, "align-batch": cmd_align_batch,
                    "cache": cmd_cache, "export": cmd_export, "agree": cmd_agree,
                    "claims": cmd_claims}[cmd](args)
        args = parsers["tui"].parse_args(argv)
        _legacy_encodings(args)
        sidecar = _sidecar_as_article(args.paths)
        if sidecar:
            print(f"reviewer: {safe_line(sidecar)}", file=sys.stderr)
            return 2
        return cmd_tui(args)
    except ReviewerError as exc:
        for line in exc.details:
            print(f"reviewer: {safe_line(line)}", file=sys.stderr)
        hint = _clusters_inside(exc)
        print(f"reviewer: {safe_line(exc.one_line() + hint)}", file=sys.stderr)  # file names and text: no escapes
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _clusters_inside(exc: ReviewerError) -> str:
    """For "no readable article found" in a folder whose sub-folders hold articles (a corpus of
    clusters given where one cluster is expected): which to open, and align-batch for them all."""
    if not exc.message.startswith("no readable article found") or not exc.path or not Path(exc.path).is_dir():
        return ""
    from reviewer.io.articles import ARTICLE_SUFFIXES

    try:
        subs = sorted(d for d in Path(exc.path).iterdir() if d.is_dir() and not d.name.startswith(".") and any(
            f.suffix.lower() in ARTICLE_SUFFIXES for f in d.iterdir() if f.is_file()))
    except OSError:
        return ""
    if not subs:
        return ""
    names = ", ".join(d.name for d in subs[:3]) + (f" and {len(subs) - 3} more" if len(subs) > 3 else "")
    return (f"; its sub-folders hold articles ({names}): give one of them (e.g. {subs[0]}), or align them "
            f"all with `reviewer align-batch {exc.path} --out DIR`")


def _sidecar_as_article(paths: list[str]) -> str:
    """For a sidecar given where the articles go (`reviewer me.review.toml`): that it is one,
    and the two ways to open it. Empty when no path is a sidecar."""
    import shlex

    from reviewer.filenames import SIDECAR_SUFFIXES, is_sidecar_name

    given = next((p for p in paths if is_sidecar_name(Path(p).name) and not Path(p).is_dir()), None)
    if given is None:
        return ""
    folder = shlex.quote(str(Path(given).parent))
    name = Path(given).name
    for suffix in SIDECAR_SUFFIXES.values():
        if name.lower().endswith(suffix):
            name = name[:-len(suffix)]
    return (f"{given} is a sidecar (a reviewer's saved labels and decisions), not an article: open its folder, "
            f"`reviewer {folder} --reviewer {shlex.quote(name)}`, or give the articles and "
            f"`--sidecar {shlex.quote(given)}`")


def _bundled_seeds() -> list[str]:
    from reviewer.resources import bundled_seeds_dir

    return [str(bundled_seeds_dir())]


def _sidecars_of_folders(given: list[str]) -> list[str]:
    """The sidecars named, with a folder standing for the sidecars beside its articles (for the
    bundled seeds also those in the data folder, where the app keeps them)."""
    from reviewer.sidecar.paths import sidecars_for

    out: list[str] = []
    for g in given:
        out += [str(p) for p in sidecars_for([g])] if Path(g).is_dir() else [g]
    return out


def _report_problems(cluster) -> None:
    for p in cluster.problems:
        prefix = "warning: " if p.severity == "warning" else ""
        print(f"reviewer: {prefix}{safe_line(p.one_line())}", file=sys.stderr)


def cmd_align(args: argparse.Namespace) -> int:
    from reviewer.engine.alignjson import dumps
    from reviewer.engine.cache import align_cached
    from reviewer.io.articles import load_cluster
    from reviewer.config import load_config

    config = load_config(args.config)
    for w in config.warnings:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    cluster = load_cluster(args.paths)
    _report_problems(cluster)
    settings = config.align
    if args.semantic:
        import dataclasses

        settings = dataclasses.replace(settings, semantic=args.semantic)
    with _LateProgress("aligning", enabled=sys.stderr.isatty()) as bar:
        links, _hit = align_cached(cluster, settings, use_cache=not args.no_cache, progress=bar.update)
    sys.stdout.write(dumps(cluster, links))
    sys.stdout.flush()
    return 0


class _LateProgress:
    """A progress bar on stderr that shows only once the work has taken more than ``delay``
    seconds (and never when ``enabled`` is false: stderr piped or redirected)."""

    def __init__(self, label: str, enabled: bool, delay: float = 1.0):
        self.label, self.enabled, self.delay = label, enabled, delay
        self.fraction = 0.0
        self._progress = self._task = self._timer = None
        self._lock = threading.Lock()

    def __enter__(self) -> "_LateProgress":
        if self.enabled:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn

        with self._lock:
            if self._timer is None:
                return  # already done
            self._progress = Progress("[progress.description]{task.description}", BarColumn(), TaskProgressColumn(),
                                      TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._task = self._progress.add_task(self.label, total=1.0, completed=self.fraction)
            self._progress.start()

    def update(self, fraction: float) -> None:
        self.fraction = fraction
        if self._progress is not None:
            self._progress.update(self._task, completed=fraction)

    def __exit__(self, *exc) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._progress is not None:
                self._progress.stop()
                self._progress = None


def cmd_align_batch(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reviewer.engine.batch import find_clusters, run_batch
    from reviewer.config import load_config

    config = load_config(args.config)
    root, out = Path(args.root), Path(args.out)
    if args.jobs is not None and args.jobs < 1:
        print("reviewer align-batch: --jobs must be at least 1", file=sys.stderr)
        return 2
    total = len(find_clusters(root))
    progress = None
    task = None
    if not args.quiet and sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        progress = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), transient=True)
        task = progress.add_task("aligning", total=total)
        progress.start()

    def on_result(res: dict) -> None:
        if progress is not None:
            progress.update(task, advance=1, description=res["name"][:30])
        if res["status"] == "failed":
            print(f"reviewer: failed: {res['error']}", file=sys.stderr)

    settings = config.align
    if args.semantic:
        import dataclasses

        settings = dataclasses.replace(settings, semantic=args.semantic)
    try:
        summary = run_batch(root, out, jobs=args.jobs, settings=settings, backend=args.backend,
                            scheduler=args.scheduler, on_result=on_result)
    finally:
        if progress is not None:
            progress.stop()
    rate = (summary.aligned + summary.skipped) / summary.seconds if summary.seconds else 0.0
    print(f"{summary.aligned} aligned, {summary.skipped} already current, {summary.failed} failed; "
          f"{summary.sentences} sentences, {summary.links} links in {summary.seconds:.1f} s ({rate:.1f} clusters/s); "
          f"pairs in {out / 'pairs.jsonl'}")
    return 1 if summary.failed else 0


def cmd_cache(args: argparse.Namespace) -> int:
    from reviewer.engine import cache

    if args.action == "clear":
        n, size = cache.clear()
        print(f"removed {n} cache files (alignments and sentence embeddings, {size / 1024:.0f} KiB) "
              f"from {cache.cache_dir()}")
    else:
        folder, n, size = cache.info()
        print(f"{folder}: {n} cache files (alignments and sentence embeddings), {size / 1024:.0f} KiB")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from reviewer.checks import run_check

    try:
        from textual.theme import BUILTIN_THEMES
    except ImportError:  # no TUI library: themes are not checked
        BUILTIN_THEMES = None
    report = run_check(args.paths, args.config, args.sidecar, themes=BUILTIN_THEMES)
    print(report.render())
    return 1 if report.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    from reviewer.config import load_config
    from reviewer.export import export_files

    config = load_config(args.config)
    for w in config.warnings:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    summary = export_files(args.paths, args.sidecar, args.format, args.out,
                           include_suggestions=args.include_suggestions, config=config, split=args.split,
                           resolve=args.resolve)
    for p in summary.problems:
        print(f"reviewer: {p}", file=sys.stderr)
    for w in summary.warnings:
        print(f"reviewer: warning: {safe_line(w)}", file=sys.stderr)
    print(summary.one_line(), file=sys.stderr if args.out == "-" else sys.stdout)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    from reviewer.claimreport import RENDERERS, gather_claims
    from reviewer.config import load_config

    config = load_config(args.config)
    for w in config.warnings:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    rep = gather_claims(args.paths, sidecar=args.sidecar, reviewer=args.reviewer, config=config,
                        use_cache=not args.no_cache)
    _report_problems(rep.cluster)
    for w in rep.warnings:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    sys.stdout.write(RENDERERS[args.fmt or "markdown"](rep))
    sys.stdout.flush()
    return 0


def cmd_agree(args: argparse.Namespace) -> int:
    import json

    from reviewer.agree import agreement, render_table
    from reviewer.config import load_config

    config = load_config(args.config)
    for w in config.warnings:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    report = agreement(args.sidecars, args.articles, labels=[l.name for l in config.labels], force=args.force)
    for w in report["warnings"]:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_table(report))
    sys.stdout.flush()
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    try:
        from reviewer.tui.app import run_tui
    except ImportError:
        print("reviewer: the TUI is not available in this build", file=sys.stderr)
        return 1
    return run_tui(args)
