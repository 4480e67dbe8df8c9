"""Names of the files reviewer writes beside the articles: the one place that knows them.

Sidecars (``<reviewer>.review.toml`` / ``.review.json``) with their backup, lock and temporary
files, exports (``<stem>.<suffix>`` of each export format), ``align-batch`` outputs and the
configuration. The article loader skips every one of them, so nothing reviewer writes is ever
read back as an article; the sidecar and export packages take their suffixes from here.
"""

from __future__ import annotations

import re

from reviewer.atomic import BACKUP_SUFFIX

SIDECAR_SUFFIXES = {"toml": ".review.toml", "json": ".review.json"}
LOCK_SUFFIX = ".lock"
# The ending of each export format's default output name (``<stem>.<suffix>``).
EXPORT_SUFFIXES = {
    "jsonl": "export.jsonl",
    "csv": "csv",
    "nli": "nli.jsonl",
    "prodigy": "prodigy.jsonl",
    "label-studio": "label-studio.json",
    "html": "html",
    "claims-jsonl": "claims.jsonl",
    "claims-csv": "claims.csv",
}
BATCH_SUFFIX = ".alignment.json"  # align-batch writes <cluster>.alignment.json
CONFIG_NAME = "config.toml"

_SIDECAR_FILE = re.compile(
    "(?:" + "|".join(re.escape(s) for s in SIDECAR_SUFFIXES.values()) + ")"
    + "(?:" + re.escape(BACKUP_SUFFIX) + "|" + re.escape(LOCK_SUFFIX) + r"|\.tmp.*)?$",
    re.IGNORECASE,
)
# Never articles, though they may end in .json/.jsonl/.txt: what export and align-batch write
# (csv and html are not article suffixes anyway), backups, editor leftovers, temporary and lock
# files, the configuration.
_NOT_ARTICLE = re.compile(
    "|".join(
        [rf"(^{re.escape(CONFIG_NAME)}$)", rf"({re.escape(BACKUP_SUFFIX)}$)", r"(~$)", r"(\.tmp$)",
         rf"({re.escape(LOCK_SUFFIX)}$)", r"(\.export\.json$)", rf"({re.escape(BATCH_SUFFIX)}$)"]
        + [rf"(\.{re.escape(s)}$)" for s in EXPORT_SUFFIXES.values() if "." in s]
    ),
    re.IGNORECASE,
)


def is_sidecar_name(name: str) -> bool:
    """``name`` is a sidecar's own name (``*.review.toml`` / ``*.review.json``, any case)."""
    return name.lower().endswith(tuple(SIDECAR_SUFFIXES.values()))


def is_sidecar_file(name: str) -> bool:
    """``name`` is a sidecar or one of the files that go with it: backup, lock, temporary file."""
    return _SIDECAR_FILE.search(name) is not None


def is_reviewer_output(name: str) -> bool:
    """``name`` is something reviewer writes or reads besides articles (never an article)."""
    return name.startswith(".") or is_sidecar_file(name) or _NOT_ARTICLE.search(name) is not None


def natural_key(name: str) -> tuple:
    """Sort key for file names in natural order: ``r_2`` before ``r_10`` (a plain sort put
    ``r_1, r_10, r_11 … r_2``); names whose numbers have the same width keep their order."""
    parts = re.split(r"(\d+)", name)
    return tuple((0, int(p), p) if k % 2 else (1, 0, p) for k, p in enumerate(parts) if p), name

