from pathlib import Path

import pytest

from reviewer.config import parse_config_text
from reviewer.resources import bundled_config_path
from tests.helpers import ARTICLES, share_embeddings


@pytest.fixture(scope="session")
def _shared_embeddings(tmp_path_factory, request):
    """One store of sentence embeddings for the whole run (see tests.helpers.share_embeddings).
    Under pytest-xdist every worker has its own temporary folder inside the run's one, and the
    store sits in that common parent, so the workers share what any of them embedded."""
    if not hasattr(request.config, "workerinput"):  # not an xdist worker
        return tmp_path_factory.mktemp("shared-embeddings") / "embeddings.sqlite3"
    folder = tmp_path_factory.getbasetemp().parent / "shared-embeddings"
    folder.mkdir(exist_ok=True)
    return folder / "embeddings.sqlite3"


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory, monkeypatch, _shared_embeddings):
    """No test reads or writes the user's real alignment cache. Each test gets a cache folder of
    its own (alignments are never shared), seeded with the embeddings earlier tests computed."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(folder))
    with share_embeddings(folder, _shared_embeddings):
        yield


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
