from pathlib import Path

import pytest

from reviewer.config import parse_config_text
from reviewer.resources import bundled_config_path
from tests.helpers import ARTICLES


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's real alignment cache."""
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


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
