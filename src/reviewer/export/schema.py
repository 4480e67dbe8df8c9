"""The JSON Schema of each export format's records, shipped in the package
(``reviewer/export/schemas/<format>.schema.json``; draft 2020-12).

- ``jsonl``, ``nli``, ``prodigy``: one record (one line); ``label-studio``: the whole JSON list;
  ``csv``: one data row as read by a CSV reader with the header as keys (every cell a string).
- ``html`` is a page, not data: it has none.
"""

from __future__ import annotations

import json
from importlib import resources


def schema_for(fmt: str) -> dict | None:
    """The JSON Schema of format ``fmt``, or None when it has none."""
    path = resources.files("reviewer.export").joinpath("schemas", f"{fmt}.schema.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
