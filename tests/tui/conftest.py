"""The TUI tests build the app on the synthetic cluster of tests/helpers.py, with hand-made
links, so that they do not depend on the engine."""

import pytest

from reviewer.tui.app import make_app
from tests.helpers import links


@pytest.fixture
def make(cluster_dir, config):
    def _make(**kw):
        kw.setdefault("reviewer", "tester")
        kw.setdefault("config", config)
        kw.setdefault("links", links())
        return make_app([str(cluster_dir)], **kw)

    return _make
