import json
import subprocess
import sys
from pathlib import Path

from reviewer.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_align_json_on_seeds(capsys):
    assert main(["align", str(SEEDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1 and len(data["articles"]) == 4
    assert any(l["relation"] == "conflict" for l in data["links"])
    assert any(l["relation"] == "match" for l in data["links"])


def test_align_skips_bad_files_with_one_line_each(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("The fire started at noon. It burned for hours.")
    (tmp_path / "bad.txt").write_bytes(b"caf\xc3\xa9 \xe9 broken")  # UTF-8 with a bad byte
    assert main(["align", str(tmp_path), "--json"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.txt" in err[0] and "Traceback" not in err[0]


def test_empty_folder_is_exit_1(tmp_path, capsys):
    assert main(["align", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "no readable article" in err and str(tmp_path) in err


def test_usage_error_is_exit_2(capsys):
    try:
        main(["align"])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("expected a usage error")


def test_bad_config_names_file_and_line(tmp_path, capsys):
    cfg = tmp_path / "config.toml"
    cfg.write_text('reviewer = "ann"\n[align]\nmatch_threshold = "high"\n')
    assert main(["align", str(SEEDS), "--config", str(cfg)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert f"{cfg}:3" in err and "match_threshold" in err


def test_broken_toml_config(tmp_path, capsys):
    cfg = tmp_path / "config.toml"
    cfg.write_text('reviewer = "ann\n')
    assert main(["check", str(SEEDS), "--config", str(cfg)]) == 1
    out = capsys.readouterr().out
    assert f"{cfg}:1" in out and "invalid TOML" in out


def test_check_ok_on_seeds(capsys):
    assert main(["check", str(SEEDS)]) == 0
    assert "4 articles" in capsys.readouterr().out


def test_python_m_reviewer_works():
    r = subprocess.run([sys.executable, "-m", "reviewer", "align", str(SEEDS), "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["version"] == 1
