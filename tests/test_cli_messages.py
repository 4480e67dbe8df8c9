"""One clear line for a missing path; align's help describes its arguments."""

from reviewer.cli import main


def test_a_missing_path_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["align", "nope"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["reviewer: nope: no such file or folder"]


def test_align_help_describes_path_and_json(capsys):
    try:
        main(["align", "--help"])
    except SystemExit:
        pass
    out = " ".join(capsys.readouterr().out.split())
    assert "PATH a folder of articles" in out
    assert "print the alignment JSON to stdout" in out
