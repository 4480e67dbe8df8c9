"""Reading and validating ``config.toml`` (no Textual import).

Search order: ``--config FILE``, ``./config.toml``, the user's config folder
(platformdirs), then the bundled default. Unknown keys give a warning; wrong types or
values give a :class:`ConfigError` that names the file, the line when it can be found,
and the problem.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from reviewer.errors import ConfigError
from reviewer.resources import bundled_config_path


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    key: str
    short: str
    color: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class AlignSettings:
    match_threshold: float = 0.35
    conflict_threshold: float = 0.15
    max_matches_per_article: int = 3
    within_article: bool = True
    semantic: str = "auto"  # auto | on | off
    semantic_max_sentences: int = 600
    cross_language: bool = True  # align sentences across languages with the multilingual model


@dataclass(slots=True)
class Config:
    path: str | None = None
    reviewer: str = ""
    format: str = "toml"
    theme: str = "textual-dark"
    align: AlignSettings = field(default_factory=AlignSettings)
    labels: list[Label] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def reviewer_name(self) -> str:
        if self.reviewer:
            return self.reviewer
        try:
            return getpass.getuser() or "reviewer"
        except Exception:
            return "reviewer"


_TOP = {"reviewer": str, "format": str, "theme": str, "align": dict, "labels": list, "keys": dict}
_ALIGN = {
    "match_threshold": float,
    "conflict_threshold": float,
    "max_matches_per_article": int,
    "within_article": bool,
    "semantic": str,
    "semantic_max_sentences": int,
    "cross_language": bool,
}
_LABEL = {"name": str, "key": str, "short": str, "color": str, "description": str}
_NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]*$")


def _line_of(text: str, key: str) -> int | None:
    pat = re.compile(rf"^\s*\[*\s*{re.escape(key)}\s*[\]=]", re.MULTILINE)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _check_type(value: object, typ: type, where: str, path: str, text: str, key: str) -> object:
    if typ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if typ is int and isinstance(value, bool):
        ok = False
    else:
        ok = isinstance(value, typ)
    if not ok:
        names = {str: "a string", float: "a number", int: "a whole number", bool: "true or false",
                 dict: "a table", list: "a list"}
        raise ConfigError(f"{where} must be {names[typ]}, not {value!r}", path=path, line=_line_of(text, key))
    return value


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reviewer")) / "config.toml"


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit is not None:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError("no such config file", path=str(p))
        return p
    for p in (Path("config.toml"), user_config_path()):
        if p.is_file():
            return p
    return bundled_config_path()


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    path = find_config(explicit)
    return parse_config_file(path)


def parse_config_file(path: Path) -> Config:
    spath = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("not valid UTF-8", path=spath) from None
    except OSError as exc:
        raise ConfigError(f"cannot read ({exc.strerror or exc})", path=spath) from None
    return parse_config_text(text, spath)


def parse_config_text(text: str, spath: str = "config.toml") -> Config:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError("nested too deeply to read (thousands of brackets)", path=spath) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        raise ConfigError(f"invalid TOML: {msg}", path=spath, line=line) from None
    cfg = Config(path=spath)
    for key, value in data.items():
        if key not in _TOP:
            cfg.warnings.append(f"{spath}:{_line_of(text, key) or '?'}: unknown setting {key!r} ignored")
            continue
        value = _check_type(value, _TOP[key], key, spath, text, key)
        if key == "reviewer":
            name = str(value).strip()
            if name and not _NAME_OK.match(name):
                raise ConfigError(f"reviewer {name!r}: use letters, digits, space, '.', '_' or '-'",
                                  path=spath, line=_line_of(text, key))
            cfg.reviewer = name
        elif key == "format":
            if value not in ("toml", "json"):
                raise ConfigError(f"format must be \"toml\" or \"json\", not {value!r}", path=spath, line=_line_of(text, key))
            cfg.format = str(value)
        elif key == "theme":
            cfg.theme = str(value)
        elif key == "align":
            cfg.align = _parse_align(value, spath, text, cfg)
        elif key == "labels":
            cfg.labels = _parse_labels(value, spath, text)
        elif key == "keys":
            for kid, keys in value.items():
                _check_type(keys, str, f"keys.{kid}", spath, text, kid)
                cfg.keys[kid] = keys
    if "labels" not in data:
        cfg.labels = list(default_labels())
    return cfg


def _parse_align(table: dict, spath: str, text: str, cfg: Config) -> AlignSettings:
    values = {}
    for k, v in table.items():
        if k not in _ALIGN:
            cfg.warnings.append(f"{spath}:{_line_of(text, k) or '?'}: unknown setting align.{k!r} ignored")
            continue
        v = _check_type(v, _ALIGN[k], f"align.{k}", spath, text, k)
        if _ALIGN[k] is float and not 0.0 <= v <= 1.0:
            raise ConfigError(f"align.{k} must be between 0 and 1, not {v}", path=spath, line=_line_of(text, k))
        if k == "semantic" and v not in ("auto", "on", "off"):
            raise ConfigError(f"align.semantic must be \"auto\", \"on\" or \"off\", not {v!r}", path=spath,
                              line=_line_of(text, k))
        if _ALIGN[k] is int and v < 1:
            raise ConfigError(f"align.{k} must be at least 1, not {v}", path=spath, line=_line_of(text, k))
        values[k] = v
    return AlignSettings(**values)


def _parse_labels(items: list, spath: str, text: str) -> list[Label]:
    labels: list[Label] = []
    keys_seen: dict[str, str] = {}
    names_seen: set[str] = set()
    for i, item in enumerate(items, 1):
        line = None
        if not isinstance(item, dict):
            raise ConfigError(f"labels entry {i} must be a table ([[labels]])", path=spath, line=_line_of(text, "labels"))
        for k in item:
            if k not in _LABEL:
                raise ConfigError(f"labels entry {i}: unknown field {k!r} (expected: {', '.join(_LABEL)})",
                                  path=spath, line=_line_of(text, k))
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"labels entry {i} needs a name", path=spath, line=line)
        key = item.get("key", "")
        if not isinstance(key, str) or (key and (len(key) != 1 or key not in "123456789")):
            hint = f' (write it in quotes: key = "{key}")' if isinstance(key, int) and 1 <= key <= 9 else ""
            raise ConfigError(f"label {name!r}: key must be one digit from \"1\" to \"9\", not {key!r}{hint}",
                              path=spath, line=_line_of(text, "key"))
        if key and key in keys_seen:
            raise ConfigError(f"label {name!r}: key {key} is already used by {keys_seen[key]!r}",
                              path=spath, line=_line_of(text, "key"))
        if name in names_seen:
            raise ConfigError(f"label {name!r} is defined twice", path=spath, line=_line_of(text, "name"))
        names_seen.add(name)
        if key:
            keys_seen[key] = name
        short = item.get("short") or name[:3].upper()
        color = item.get("color") or "cyan"
        for fname, fval in (("short", short), ("color", color), ("description", item.get("description", ""))):
            if not isinstance(fval, str):
                raise ConfigError(f"label {name!r}: {fname} must be a string", path=spath, line=_line_of(text, fname))
        problem = color_problem(color)
        if problem:
            raise ConfigError(f"label {name!r}: {problem}", path=spath, line=_line_of_value(text, "color", color))
        labels.append(Label(name=name.strip(), key=key, short=str(short)[:4], color=str(color),
                            description=str(item.get("description", ""))))
    return labels


def color_problem(color: str) -> str | None:
    """Why the terminal cannot draw ``color`` (the TUI draws labels with Rich), or None when it can."""
    from rich.color import Color, ColorParseError

    try:
        Color.parse(color)
    except ColorParseError:
        return (f"colour {color!r} is not a colour the terminal can show (use a name like \"red\", "
                "\"bright_cyan\", or \"#ff8800\")")
    return None


def _line_of_value(text: str, key: str, value: str) -> int | None:
    m = re.search(rf"^\s*{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else _line_of(text, key)


def default_labels() -> tuple[Label, ...]:
    return (
        Label("corroborated", "1", "COR", "green", "Stated by more than one independent source."),
        Label("contradicted", "2", "CON", "red", "Another source states something incompatible."),
        Label("single-source", "3", "ONE", "yellow", "Only one source states it."),
        Label("opinion", "4", "OPI", "magenta", "A view or judgement, not a checkable fact."),
        Label("key-claim", "5", "KEY", "cyan", "A central claim of the story worth checking first."),
    )
