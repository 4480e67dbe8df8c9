"""The engine's layer rules: no import cycles inside it, and it never reaches up into the
sidecar, review, export or TUI code (checked on the source, so a new import cannot drift in)."""

import ast
from pathlib import Path

import reviewer

ROOT = Path(reviewer.__file__).resolve().parent
FORBIDDEN = ("reviewer.sidecar", "reviewer.review", "reviewer.export", "reviewer.tui", "textual")


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    mods = {f"reviewer.{p.parent.name}.{p.stem}": p for d in ("engine", "lang") for p in (ROOT / d).glob("*.py")}
    return {m: {i for i in _imports(p) if i in mods} - {m} for m, p in mods.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> list[str] | None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return path + [m, n]
            if n not in state and (found := visit(n, path + [m])):
                return found
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m, [])):
            return found
    return None


def test_engine_has_no_import_cycle():
    assert _cycle(_graph()) is None


def test_the_cycle_finder_can_fail():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) is not None


def test_engine_never_imports_upper_layers():
    for p in [*(ROOT / "engine").glob("*.py"), *(ROOT / "lang").glob("*.py")]:
        bad = [i for i in _imports(p) if i.startswith(FORBIDDEN)]
        assert not bad, (p.name, bad)
