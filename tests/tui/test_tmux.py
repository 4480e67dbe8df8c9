"""The real `reviewer` command in a real terminal (tmux): tag, save, quit; check the sidecar."""

import shutil
import os
import subprocess
import sys
import time
import tomllib

import pytest

from tests.helpers import ARTICLES

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt-get install tmux)")


def wait_for(pred, timeout=30.0):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.2)
    return False


def test_reviewer_in_tmux(tmp_path):
    d = tmp_path / "cluster"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    session = f"reviewer-test-{id(tmp_path)}"
    cmd = f"{sys.executable} -m reviewer {d} --reviewer smoke; echo EXIT=$? > {tmp_path}/exit"
    env = {"REVIEWER_CACHE_DIR": os.environ["REVIEWER_CACHE_DIR"]}  # private, seeded with embeddings (conftest)
    envs = " ".join(f"{k}={v}" for k, v in env.items())
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "140", "-y", "40", f"env {envs} {cmd}"], check=True)
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", "140", "-y", "40"], capture_output=True)
    try:
        def screen():
            return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

        assert wait_for(lambda: "smoke ·" in screen()), screen()
        assert wait_for(lambda: "aligned" in screen()), screen()
        subprocess.run(["tmux", "send-keys", "-t", session, "5"], check=True)
        time.sleep(0.5)
        subprocess.run(["tmux", "send-keys", "-t", session, "s"], check=True)
        time.sleep(0.5)
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        assert wait_for(lambda: (tmp_path / "exit").exists()), screen()
        assert (tmp_path / "exit").read_text().strip() == "EXIT=0"
        data = tomllib.loads((d / "smoke.review.toml").read_text(encoding="utf-8"))
        assert [(t["article"], t["sentence"], t["label"]) for t in data["tags"]] == [("a", 0, "key-claim")]
        assert not (d / "smoke.review.toml.lock").exists()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
