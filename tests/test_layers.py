"""The layers hold: the import-linter contracts of pyproject.toml pass, they cover every core
module (a new top-level module must be added to them), and they fail when a core module imports
Textual (checked on a throw-away copy of the package)."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import reviewer

pytest.importorskip("importlinter", reason="import-linter is in the test extras")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
ENTRY_POINTS = {"tui", "cli", "__main__"}  # the only modules that may import Textual


def _lint(src_root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(src_root))
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(config_filename=sys.argv[1]))"
    return subprocess.run([sys.executable, "-c", code, str(PYPROJECT)], capture_output=True, text=True, env=env,
                          cwd=str(ROOT), timeout=300)


def _contract(contract_id: str) -> dict:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def test_contracts_are_kept():
    r = _lint(Path(reviewer.__file__).resolve().parents[1])
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "3 kept, 0 broken" in r.stdout


def test_every_core_module_is_under_the_no_textual_contract():
    children = {m.name for m in pkgutil.iter_modules(reviewer.__path__)}
    covered = {m.removeprefix("reviewer.") for m in _contract("core-without-tui")["source_modules"]}
    assert children - ENTRY_POINTS == covered, "add the new module to the contract in pyproject.toml"


def test_the_contract_fails_when_a_core_module_imports_textual(tmp_path):
    copy = tmp_path / "reviewer"
    shutil.copytree(Path(reviewer.__file__).resolve().parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.bin", "*.onnx"))
    models = copy / "models.py"
    models.write_text(models.read_text() + "\nimport textual  # a core module must never do this\n")
    r = _lint(tmp_path)
    assert r.returncode != 0
    assert "BROKEN" in r.stdout and "reviewer.models -> textual" in r.stdout
