"""The line of a field in a sidecar's text, by its place in the data: ``("tags", 2, "sentence")``
is the ``sentence`` key of the second tags entry, ``("links", 3, "a", "quote")`` the quote of
the third link's end a, ``("links", 3)`` where that entry starts, ``("cursor", "sentence")`` the
cursor's. Entries count from 1, as the error messages do ("tags entry 2").

Error messages point at the faulty entry's key, not at the first line that happens to hold the
same key name (the ``[cursor]`` table also has ``sentence =``, every link has ``score =``).

JSON is walked with the standard library's scanner, keeping each key's offset. TOML is read
line by line as reviewer and most people write it: ``[[tags]]`` entries, ``[links.a]`` tables,
``key = value`` lines and inline tables ``a = { article = "a", sentence = 1 }``; a key written
in another way (an inline array of tables) is not found (``None``: the message has no line).
"""

from __future__ import annotations

import bisect
import json
import re

Path = tuple  # ("links", 2, "a", "sentence")


def key_lines(text: str, fmt: str) -> dict[Path, int]:
    """Every place of the text (entries, tables and keys) with its 1-based line."""
    try:
        return _json_lines(text) if fmt == "json" else _toml_lines(text)
    except (ValueError, IndexError, RecursionError):  # the text was parsed before: should not happen
        return {}


# --------------------------------------------------------------------------- JSON

_WS = re.compile(r"[ \t\n\r]*")


def _json_lines(text: str) -> dict[Path, int]:
    out: dict[Path, int] = {}
    decoder = json.JSONDecoder()
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line(pos: int) -> int:
        return bisect.bisect_right(starts, pos)  # the lines starting at or before pos

    def skip(pos: int) -> int:
        return _WS.match(text, pos).end()

    def value(pos: int, path: Path) -> int:
        pos = skip(pos)
        if path:
            out.setdefault(path, line(pos))
        ch = text[pos]
        if ch == "{":
            pos = skip(pos + 1)
            if text[pos] == "}":
                return pos + 1
            while True:
                key, pos = json.decoder.scanstring(text, skip(pos) + 1)
                key_pos = pos
                pos = skip(pos)
                assert text[pos] == ":"
                here = path + (key,)
                out[here] = line(key_pos)
                pos = value(pos + 1, here)
                pos = skip(pos)
                if text[pos] == ",":
                    pos += 1
                    continue
                return pos + 1  # "}"
        if ch == "[":
            pos = skip(pos + 1)
            if text[pos] == "]":
                return pos + 1
            n = 0
            while True:
                n += 1
                pos = value(pos, path + (n,))
                pos = skip(pos)
                if text[pos] == ",":
                    pos += 1
                    continue
                return pos + 1  # "]"
        _, end = decoder.raw_decode(text, pos)
        return end

    value(0, ())
    return out


# --------------------------------------------------------------------------- TOML

_ARRAY_HEADER = re.compile(r'\s*\[\[\s*("?)([A-Za-z0-9_-]+)\1\s*\]\]')
_TABLE_HEADER = re.compile(r'\s*\[\s*((?:"?[A-Za-z0-9_-]+"?\s*\.\s*)*"?[A-Za-z0-9_-]+"?)\s*\]')
_KEY = re.compile(r'\s*("?)([A-Za-z0-9_-]+)\1\s*=')


def _toml_lines(text: str) -> dict[Path, int]:
    out: dict[Path, int] = {}
    count: dict[str, int] = {}
    where: Path = ()
    inside: str | None = None  # the closing quotes of a multi-line string being read
    for no, raw in enumerate(text.splitlines(), 1):
        if inside is not None:  # a line of a multi-line string (a note) is no key, whatever it looks like
            if raw.count(inside) % 2 == 1:
                inside = None
            continue
        if raw.lstrip().startswith("#"):
            continue
        m = _ARRAY_HEADER.match(raw)
        if m:
            name = m.group(2)
            count[name] = count.get(name, 0) + 1
            where = (name, count[name])
            out.setdefault(where, no)
            continue
        m = _TABLE_HEADER.match(raw)
        if m:
            parts = [p.strip().strip('"') for p in m.group(1).split(".")]
            # [links.a] is a table in the last [[links]] entry; [cursor] a top-level table
            where = (parts[0], count[parts[0]], *parts[1:]) if parts[0] in count else tuple(parts)
            out.setdefault(where, no)
            continue
        m = _KEY.match(raw)
        if m:
            key = m.group(2)
            out.setdefault(where + (key,), no)
            rest = raw[m.end():].lstrip()
            for q in ('"""', "'''"):
                if rest.startswith(q) and rest.count(q) % 2 == 1:
                    inside = q  # a multi-line string opens here and goes on below
            if rest.startswith("{"):  # an inline table: a = { article = "a", sentence = 1 }
                for inner in re.finditer(r'[{,]\s*("?)([A-Za-z0-9_-]+)\1\s*=', rest):
                    out.setdefault(where + (key, inner.group(2)), no)
    return out
