"""A small synthetic cluster with hand-made links, so that TUI tests do not depend on the engine."""

from pathlib import Path

import pytest

from reviewer.config import parse_config_text
from reviewer.models import Evidence, Link, SentenceRef
from reviewer.resources import bundled_config_path
from reviewer.tui.app import make_app

ARTICLES = {
    "a.txt": " date 2023-03-14 \nFour workers were killed on Monday when a fire tore through a textile factory.\n\n"
             "The blaze started in a storage room shortly after 9 a.m.\n\n"
             "Police have arrested the plant manager.\n\nThe factory employs around 600 people.\n",
    "b.txt": " date 2023-03-14 \nA blaze at a textile factory killed six workers on Tuesday, officials said.\n\n"
             "The fire broke out in a storeroom around 9 in the morning.\n\n"
             "The plant manager has not been arrested, police said.\n",
    "c.txt": " date 2023-03-14 \nAt least four people died in a fire at a clothing factory on Monday.\n\n"
             "The fire started in a storage area and spread to the main hall.\n\n"
             "The company has promised compensation to the families.\n",
}


def links() -> list[Link]:
    R = SentenceRef
    return [
        Link(R("a", 0), R("b", 0), "conflict", 0.71,
             (Evidence("number", "Four workers", "six workers", (0, 12), (39, 50)),
              Evidence("weekday", "Monday", "Tuesday", (30, 36), (54, 61)))),
        Link(R("a", 0), R("c", 0), "match", 0.66),
        Link(R("a", 1), R("b", 1), "match", 0.62),
        Link(R("a", 1), R("c", 1), "match", 0.55),
        Link(R("a", 2), R("b", 2), "conflict", 0.64,
             (Evidence("negation", "arrested", "not been arrested", (16, 24), (26, 43)),)),
        Link(R("b", 0), R("c", 0), "conflict", 0.52, (Evidence("weekday", "Tuesday", "Monday", (54, 61), (60, 66)),)),
    ]


@pytest.fixture
def cluster_dir(tmp_path, monkeypatch):
    d = tmp_path / "cluster"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("cluster")


@pytest.fixture
def config():
    cfg = parse_config_text(bundled_config_path().read_text(encoding="utf-8"))
    cfg.theme = "textual-dark"
    return cfg


@pytest.fixture
def make(cluster_dir, config):
    def _make(**kw):
        kw.setdefault("reviewer", "tester")
        kw.setdefault("config", config)
        kw.setdefault("links", links())
        return make_app([str(cluster_dir)], **kw)

    return _make
