"""Issue 11 with the real `reviewer` in a real terminal (tmux, on a private server): autosave
under a steady stream of changes, every way out (ctrl+q, SIGHUP, SIGTERM, SIGINT) saves and
releases the lock, and article text cannot set the terminal's title or clipboard."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib

import pytest

from tests.helpers import ARTICLES

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt-get install tmux)")

WRAPPER = ("import subprocess, sys\n"
           "p = subprocess.Popen(sys.argv[3:])\n"
           "open(sys.argv[1], 'w').write(str(p.pid))\n"
           "rc = p.wait()\n"
           "open(sys.argv[2], 'w').write(str(rc))\n")


def wait_for(pred, timeout=40.0, step=0.05):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if pred():
            return True
        time.sleep(step)
    return False


class Term:
    """`reviewer` in a private tmux server; the child's pid and exit code are recorded."""

    def __init__(self, tmp_path, articles: dict[str, str]):
        self.tmp = tmp_path
        self.dir = tmp_path / "cluster"
        self.dir.mkdir()
        for name, text in articles.items():
            (self.dir / name).write_text(text, encoding="utf-8")
        self.sock = f"rv-{os.getpid()}-{id(self)}"
        self.pidfile, self.exitfile = tmp_path / "pid", tmp_path / "exit"

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True, check=check)

    def start(self):
        # the pane decides the size; the cache is the test's private one (tests/conftest.py: seeded embeddings)
        env = f"env -u COLUMNS -u LINES REVIEWER_CACHE_DIR={os.environ['REVIEWER_CACHE_DIR']}"
        cmd = (f"{env} {sys.executable} -c \"{WRAPPER}\" {self.pidfile} {self.exitfile} "
               f"{sys.executable} -m reviewer {self.dir} --reviewer smoke")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "140", "-y", "40", cmd)
        self.tmux("set-option", "-g", "set-clipboard", "on", check=False)
        self.tmux("set-option", "-g", "remain-on-exit", "on", check=False)
        # a global option makes a client-less server fall back to its default size (80x24)
        self.tmux("resize-window", "-t", "t", "-x", "140", "-y", "40", check=False)
        assert wait_for(lambda: "smoke ·" in self.screen()), self.screen()
        assert wait_for(lambda: "links suggested" in self.screen(), timeout=60), self.screen()  # ready for keys
        assert wait_for(lambda: self.pidfile.exists() and self.pidfile.read_text())
        self.pid = int(self.pidfile.read_text())
        return self

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "t", check=False).stdout

    def keys(self, *keys):
        for k in keys:  # one at a time, as typed
            self.tmux("send-keys", "-t", "t", k)
            time.sleep(0.2)  # (digits typed faster than ~0.1 s after j are sometimes lost in tmux: see the report)

    def exit_code(self):
        assert wait_for(lambda: self.exitfile.exists() and self.exitfile.read_text()), self.screen()
        return int(self.exitfile.read_text())

    def sidecar(self):
        return tomllib.loads((self.dir / "smoke.review.toml").read_text(encoding="utf-8"))

    def lock_left(self):
        return (self.dir / "smoke.review.toml.lock").exists()

    def close(self):
        self.tmux("kill-server", check=False)


@pytest.fixture
def term(tmp_path):
    made = []

    def _make(articles=ARTICLES):
        t = Term(tmp_path, articles)
        made.append(t)
        return t.start()

    yield _make
    for t in made:
        t.close()


def test_autosave_under_a_steady_stream_then_sigkill_loses_at_most_two_seconds(term):
    long = {"long.txt": "".join(f"Sentence number {i} of the long article says something.\n\n" for i in range(80))}
    t = term(long)
    sent, t0 = 0, time.monotonic()
    while time.monotonic() - t0 < 8.0:  # a tag every 0.5 s for 8 s: faster than the 0.8 s debounce
        t.tmux("send-keys", "-t", "t", "5")
        sent += 1
        time.sleep(0.25)
        t.tmux("send-keys", "-t", "t", "j")
        time.sleep(0.25)
    shown = t.screen()
    os.kill(t.pid, signal.SIGKILL)  # at once: the last tags are inside the autosave delay
    t.exit_code()
    saved = len(t.sidecar().get("tags", [])) if (t.dir / "smoke.review.toml").exists() else 0
    m = re.search(r"(\d+) tagged", shown)  # a narrow status bar may leave the count out
    tagged = int(m.group(1)) if m else None
    print(f"sent {sent} tags over 8 s, {tagged} shown, SIGKILL: {saved} on disk")
    assert saved >= sent // 2, (saved, sent)  # before the max delay: 0 on disk
    if tagged is not None:
        assert tagged >= sent // 2
        assert saved >= tagged - 6, (saved, tagged)  # the last ~2 s (4 tags) plus slack for a loaded machine


def test_ctrl_q_saves_and_releases_the_lock(term):
    t = term()
    t.keys("j", "5")
    assert wait_for(lambda: "1 tagged" in t.screen()), t.screen()
    t.keys("C-q")
    assert t.exit_code() == 0
    assert [(x["article"], x["sentence"]) for x in t.sidecar()["tags"]] == [("a", 1)]
    assert not t.lock_left()


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT], ids=["HUP", "TERM", "INT"])
def test_signal_right_after_three_tags_saves_and_releases_the_lock(term, sig):
    t = term()
    t.keys("5", "j", "5", "j", "5")
    assert wait_for(lambda: "3 tagged" in t.screen(), step=0.02), t.screen()
    time.sleep(0.1)  # well inside the autosave delay
    os.kill(t.pid, sig)
    assert t.exit_code() in (128 + sig, -sig) and t.exit_code() == 128 + sig
    assert len(t.sidecar()["tags"]) == 3
    assert not t.lock_left()


def test_closing_the_terminal_saves(term):
    t = term()
    t.keys("5", "j", "5")
    assert wait_for(lambda: "2 tagged" in t.screen(), step=0.02), t.screen()
    t.tmux("kill-session", "-t", "t")  # the terminal goes away: SIGHUP
    assert wait_for(lambda: not os.path.exists(f"/proc/{t.pid}"), timeout=15)
    assert len(t.sidecar()["tags"]) == 2
    assert not t.lock_left()


def test_article_text_cannot_set_the_title_clear_the_screen_or_write_the_clipboard(term):
    evil = {"0evil.txt": "The toll rose \x1b]0;PWNED-TITLE\x07 to twelve on Monday \x1b[2J officials said "
                        "\x1b]52;c;cm0gLXJmIH4=\x07 at noon.\n\nA second sentence.\n",
            **ARTICLES}
    t = term(evil)
    t.keys("j", "k")
    time.sleep(1.0)
    title = t.tmux("display-message", "-p", "-t", "t", "#{pane_title}").stdout.strip()
    buffers = t.tmux("list-buffers", check=False).stdout.strip()
    print(f"pane title {title!r}, buffers {buffers!r}")
    assert "PWNED" not in title
    assert buffers == ""
    assert "PWNED-TITLE" in t.screen()  # the text is shown, with visible stand-ins
    t.keys("q")
    assert t.exit_code() == 0
