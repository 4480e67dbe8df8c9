"""The HTML report in a real browser: headless Chromium dumps the DOM and takes a screenshot.

Skipped when Chromium is not installed (.ci/run installs Debian's ``chromium``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.export import export_files

HERE = Path(__file__).resolve().parent / "data" / "export"
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "")
                 if p and Path(p).exists()), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                "(apt-get install chromium) — the HTML report is not rendered")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("html")
    cluster = tmp / "drone_strike"
    shutil.copytree(HERE / "drone_strike", cluster)
    out = tmp / "report.html"
    export_files([cluster], None, "html", out, include_suggestions=True, config=HERE / "config.toml")
    return out


def test_dom_has_columns_and_conflicts(report, tmp_path):
    res = _chromium(tmp_path, "--dump-dom", report.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    assert dom.count('<section class="col"') == 3
    assert "Drone attack on the &lt;PM&gt;'s home" in dom  # escaped, rendered as text
    assert '<table class="conflicts">' in dom
    assert "<mark>not hurt</mark>" in dom and "<mark>wounded</mark>" in dom
    assert "≠ B·1" in dom and "≈ B·2" in dom
    assert 'class="s has-conflict" id="s-0-1"' in dom


def test_screenshot(report, tmp_path):
    png = tmp_path / "report.png"
    res = _chromium(tmp_path, f"--screenshot={png}", "--window-size=1400,1000", report.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 1000)
    assert len(data) > 50_000  # a rendered page with text and colour, not a blank image
