"""The export formats: the one list of names, file suffixes, writers and descriptions. The CLI's
``--format`` choices, the TUI's palette commands and the safe output names all read it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reviewer.errors import ReviewerError
from reviewer.export import claims, csv, html, jsonl, label_studio, nli, prodigy
from reviewer.export.model import ExportData
from reviewer.filenames import EXPORT_SUFFIXES


@dataclass(frozen=True)
class Format:
    name: str
    # Ending of a default output name (``<stem>.<suffix>``); the article loader never reads a
    # file with this ending as an article, so an export can be saved beside the articles.
    suffix: str
    write: Callable[[ExportData], tuple[int, str]]  # -> (number of records, the file's text)
    description: str  # one line, for menus and help
    # nli: the records that ``--split`` distributes over train/dev/test
    rows: Callable[[ExportData], list[dict]] | None = None
    # label-studio: the files written beside OUT, as (path, text)
    companions: Callable[[ExportData, Path], list[tuple[Path, str]]] | None = None


REGISTRY: tuple[Format, ...] = (
    Format("jsonl", EXPORT_SUFFIXES["jsonl"], jsonl.to_jsonl, "every tag, note and link as one JSON object per line"),
    Format("csv", EXPORT_SUFFIXES["csv"], csv.to_csv, "the jsonl records as one flat table with a header row"),
    Format("nli", EXPORT_SUFFIXES["nli"], nli.to_nli, "sentence pairs labelled entailment, neutral or contradiction",
           rows=nli.nli_records),
    Format("prodigy", EXPORT_SUFFIXES["prodigy"], prodigy.to_prodigy, "Prodigy tasks (JSONL) with the evidence as spans"),
    Format("label-studio", EXPORT_SUFFIXES["label-studio"], label_studio.to_label_studio,
           "Label Studio tasks (JSON) and their labeling config (.xml)", companions=label_studio.companion_files),
    Format("html", EXPORT_SUFFIXES["html"], html.to_html, "a self-contained report page: conflicts, then the articles side by side"),
    Format("claims-jsonl", EXPORT_SUFFIXES["claims-jsonl"], claims.to_claims_jsonl,
           "one JSON object per claim: its sources, conflicting versions and decisions"),
    Format("claims-csv", EXPORT_SUFFIXES["claims-csv"], claims.to_claims_csv,
           "one row per claim, one column per source"),
)
FORMATS: tuple[str, ...] = tuple(f.name for f in REGISTRY)
_BY_NAME = {f.name: f for f in REGISTRY}


def get_format(name: str) -> Format:
    """The registered format called ``name``; ReviewerError for any other name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ReviewerError(f"unknown export format {name!r} (use one of: {', '.join(FORMATS)})") from None


def splittable() -> tuple[str, ...]:
    """The formats ``--split`` applies to."""
    return tuple(f.name for f in REGISTRY if f.rows is not None)


def output_name(stem: str, fmt: str) -> str:
    """A file name for ``fmt`` output that is never read back as an article: ``<stem>.<suffix>``."""
    return f"{stem}.{get_format(fmt).suffix}"


def formats_in_words() -> str:
    """``jsonl, csv, … or html`` (for help texts)."""
    return ", ".join(FORMATS[:-1]) + " or " + FORMATS[-1]
