"""Sidecar schema versions.

- 0: before versioning. Links had ``accepted = true|false`` instead of ``decision``, tags had
  ``text`` instead of ``quote``.
- 1: the current schema (see :mod:`reviewer.sidecar`).

A sidecar of an older schema is converted on load (the caller saves it back, keeping a
backup); one of a newer schema is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.errors import SidecarError

SCHEMA = 1

Fail = Callable[..., SidecarError]  # fail(message, needle=None): the error, with the line of needle


def upgrade(raw: dict, fail: Fail) -> tuple[dict, int | None]:
    """Return ``raw`` in the current schema, and the schema it was read from when it was older
    (None when it was current). Raises the error ``fail`` builds for a bad or newer schema."""
    schema = raw.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise fail("field 'schema' must be a whole number", "schema")
    if schema > SCHEMA:
        raise fail(f"written by a newer reviewer (schema {schema}; this version reads up to {SCHEMA}); "
                   "upgrade reviewer to open it", "schema")
    if schema == SCHEMA:
        return raw, None
    return _from_0(raw), schema


def _from_0(raw: dict) -> dict:
    raw = dict(raw)
    links = []
    for l in raw.get("links", []) or []:
        if isinstance(l, dict):
            l = dict(l)
            if "decision" not in l and "accepted" in l:
                l["decision"] = "accepted" if l.pop("accepted") else "rejected"
            links.append(l)
    raw["links"] = links
    for key in ("tags", "notes"):
        items = []
        for t in raw.get(key, []) or []:
            if isinstance(t, dict):
                t = dict(t)
                if "quote" not in t and key == "tags" and "text" in t:
                    t["quote"] = t.pop("text")
                items.append(t)
        raw[key] = items
    raw["schema"] = SCHEMA
    return raw
