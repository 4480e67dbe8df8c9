"""The ``reviewer`` command line.

``reviewer [PATH...]`` opens the TUI; ``reviewer align|export|agree|check ...`` are the
headless commands of CONTRACT.md. Exit codes: 0 ok, 1 invalid input or failed check,
2 usage error. Errors are one line on stderr, never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reviewer import __version__
from reviewer.errors import ReviewerError

COMMANDS = ("align", "export", "agree", "check")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="configuration file (default: ./config.toml, "
                   "then your user config folder, then the bundled default)")


def build_parser() -> dict[str, argparse.ArgumentParser]:
    tui = _Parser(prog="reviewer", description="Review several articles about one event side by side. "
                  f"Other commands: {', '.join(COMMANDS)} (reviewer COMMAND --help).")
    tui.add_argument("paths", nargs="*", metavar="PATH", help="a folder of articles or article files "
                     "(default: the bundled seed cluster)")
    _add_config(tui)
    tui.add_argument("--reviewer", metavar="NAME", help="your reviewer name (the sidecar is NAME.review.toml)")
    tui.add_argument("--sidecar", metavar="FILE", help="sidecar file to use instead of the default beside the articles")
    tui.add_argument("--format", choices=("toml", "json"), help="sidecar format (default toml)")
    tui.add_argument("--version", action="version", version=f"reviewer {__version__}")

    align = _Parser(prog="reviewer align", description="Segment and align articles; print the alignment.")
    align.add_argument("paths", nargs="+", metavar="PATH")
    align.add_argument("--json", action="store_true", help="print the alignment JSON (the default output)")
    _add_config(align)

    check = _Parser(prog="reviewer check", description="Validate articles, sidecars and config; exit 1 on any problem.")
    check.add_argument("paths", nargs="+", metavar="PATH")
    _add_config(check)
    return {"tui": tui, "align": align, "check": check}


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
            return {"align": cmd_align, "check": cmd_check}[cmd](args)
        args = parsers["tui"].parse_args(argv)
        return cmd_tui(args)
    except ReviewerError as exc:
        print(f"reviewer: {exc.one_line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _report_problems(cluster) -> None:
    for p in cluster.problems:
        kind = "warning" if p.severity == "warning" else "skipped"
        msg = p.message if p.message.endswith("skipped") or kind == "warning" else p.message
        print(f"reviewer: {kind}: {p.path}: {msg}", file=sys.stderr)


def cmd_align(args: argparse.Namespace) -> int:
    from reviewer.align import align
    from reviewer.alignjson import dumps
    from reviewer.articles import load_cluster
    from reviewer.config import load_config

    config = load_config(args.config)
    for w in config.warnings:
        print(f"reviewer: warning: {w}", file=sys.stderr)
    cluster = load_cluster(args.paths)
    _report_problems(cluster)
    links = align(cluster, config.align)
    sys.stdout.write(dumps(cluster, links))
    sys.stdout.flush()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from reviewer.articles import load_cluster
    from reviewer.config import load_config

    bad = 0
    try:
        config = load_config(args.config)
        for w in config.warnings:
            print(f"warning: {w}")
        print(f"ok: config {config.path}")
    except ReviewerError as exc:
        print(f"error: {exc.one_line()}")
        bad += 1
    try:
        cluster = load_cluster(args.paths)
    except ReviewerError as exc:
        print(f"error: {exc.one_line()}")
        return 1
    for p in cluster.problems:
        print(f"{'warning' if p.severity == 'warning' else 'error'}: {p.one_line()}")
        bad += p.severity != "warning"
    n = sum(len(a.sentences) for a in cluster.articles)
    print(f"ok: {len(cluster.articles)} articles, {n} sentences")
    return 1 if bad else 0


def cmd_tui(args: argparse.Namespace) -> int:
    try:
        from reviewer.tui.app import run_tui
    except ImportError:
        print("reviewer: the TUI is not available in this build", file=sys.stderr)
        return 1
    return run_tui(args)
