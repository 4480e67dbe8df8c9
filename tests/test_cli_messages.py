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


def test_check_of_a_missing_folder_does_not_say_ok_about_its_sidecars(tmp_path, capsys, monkeypatch):
    """`check nope` was "error: nope: no such file or folder" then "ok: no sidecar beside the
    articles": an ok line about articles that are not there."""
    monkeypatch.chdir(tmp_path)
    assert main(["check", "nope"]) == 1
    out = capsys.readouterr().out
    assert "error: nope: no such file or folder" in out
    assert "no sidecar" not in out
    (tmp_path / "empty").mkdir()  # a folder that is there: saying it has no sidecar is true
    assert main(["check", "empty"]) == 1
    assert "ok: no sidecar beside the articles" in capsys.readouterr().out
