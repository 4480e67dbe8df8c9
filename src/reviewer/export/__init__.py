"""``reviewer export``: write the labelled data of one cluster (no Textual import).

Entry points: :func:`export_records` takes a loaded cluster, the engine's links and re-anchored
reviews (what the TUI holds); :func:`export_files` takes paths and loads them (what the CLI
gives). Both write through the same code.

What is read (by :func:`export_files`)
--------------------------------------
The cluster (``PATH...``, as for every command) and the sidecars: the ones given, or every
``*.review.toml`` / ``*.review.json`` in the article folder. Each sidecar is re-anchored to
the current sentences in memory; an anchor whose sentence is gone is exported with
``"orphan": true`` and its stored quote as the text, never dropped. The engine's suggested
links (``align_cached`` with the config's ``[align]`` settings) give the evidence of the
reviewed links and, with ``--include-suggestions``, the links nobody reviewed yet
(decision ``"predicted"``, origin ``"prediction"``).

Exporting never writes to a sidecar: they are only read. The output is written atomically
(a temporary file in the same folder, then a rename); ``-o -`` writes to stdout (every
format except ``nli`` with ``--split``, which writes a folder; the Label Studio labeling
config is then not written).

Output is deterministic: records are sorted (reviewer, article order, sentence, label), the
only times are those stored in the sidecars, and article paths are relative to the cluster
folder. The cluster's name is the name of that folder.

Layout: ``formats`` (the registry: names, suffixes, writers), ``model`` (the records),
``records`` (building them), ``core`` (the driver), ``safety`` (where output may go),
``split`` (``--split``), ``resolve`` (``--resolve``), ``schema`` (the JSON Schema of each
format, files in ``schemas/``), one module per format (``jsonl``, ``csv``, ``nli``, ``prodigy``,
``label_studio``, ``html`` with ``html_parts`` and the ``report.css`` asset).
"""

from reviewer.export.core import export_files, export_records, gather, render
from reviewer.export.csv import CSV_COLUMNS, cell
from reviewer.export.formats import FORMATS, REGISTRY, Format, formats_in_words, get_format, output_name
from reviewer.export.label_studio import label_studio_config, label_studio_config_path
from reviewer.export.model import End, ExportData, ExportSummary, LinkRow, NoteRow, TagRow
from reviewer.export.nli import NLI_KEYS, nli_records
from reviewer.export.prodigy import PAIR_SEPARATOR, murmur3_32, prodigy_hashes
from reviewer.export.records import build_data
from reviewer.export.resolve import ADJUDICATOR, parse_resolve, resolve
from reviewer.export.schema import schema_for
from reviewer.export.split import SPLITS, parse_split, plan_split, sentence_groups, split_of
from reviewer.models import NLI_LABELS

__all__ = [
    "ADJUDICATOR", "CSV_COLUMNS", "End", "NLI_KEYS", "ExportData", "ExportSummary", "FORMATS", "Format", "LinkRow", "NLI_LABELS", "NoteRow",
    "PAIR_SEPARATOR", "REGISTRY", "SPLITS", "TagRow", "build_data", "cell", "export_files", "export_records",
    "formats_in_words", "gather", "get_format", "label_studio_config", "label_studio_config_path", "murmur3_32",
    "nli_records", "output_name", "parse_resolve", "parse_split", "plan_split", "prodigy_hashes", "sentence_groups", "render", "resolve",
    "schema_for", "split_of",
]
