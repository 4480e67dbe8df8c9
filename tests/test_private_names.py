"""A module's private helpers (a leading underscore) stay its own: another module that needs one
uses a public name, so a rename inside a module never breaks another silently (stop 24)."""

import ast
from pathlib import Path

from reviewer.engine.evidence import count_contexts, counts_disagree, same_slot
from reviewer.engine.features import build_features
from reviewer.engine.settings import TUNING
from tests.test_real_news_rules import cluster

SRC = Path(__file__).resolve().parent.parent / "src" / "reviewer"


def test_no_module_imports_a_private_name_of_another():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("reviewer")):
                found += [f"{path.relative_to(SRC)}: {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == []


def test_the_public_count_helpers_pair_two_tolls_that_disagree():
    feats = build_features(cluster("A ferry sank off Tarvel Point on Friday. Rescuers said 31 people died. ",
                                   "A ferry sank off Tarvel Point on Friday. Rescuers said 48 people died. "))
    a, b = feats[1], feats[3]
    (ca,), (cb,) = a.counts, b.counts
    assert counts_disagree(ca, cb, TUNING)
    assert not counts_disagree(ca, ca, TUNING)
    xa, xb = count_contexts(a, TUNING), count_contexts(b, TUNING)
    assert count_contexts(a, TUNING) is xa  # computed once per sentence
    assert same_slot(a, ca, xa[0], b, cb, xb[0], 0.9, 0.6, TUNING)
