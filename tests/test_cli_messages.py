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


def test_an_article_given_as_a_sidecar_is_named_as_not_a_sidecar(tmp_path, capsys, monkeypatch):
    """`agree a.txt b.txt` said "a.txt:1: invalid TOML: Expected '=' after a key…": true, but the
    mistake is the file, not its TOML."""
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Two boats sank near the pier on Monday.\n", encoding="utf-8")
    assert main(["agree", "a.txt", "b.txt"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["reviewer: a.txt: not a sidecar (a sidecar is NAME.review.toml or NAME.review.json)"]
    (tmp_path / "c.review.toml").write_text("reviewer = \n", encoding="utf-8")  # a real sidecar, broken
    (tmp_path / "d.review.toml").write_text("reviewer = 'd'\n", encoding="utf-8")
    assert main(["agree", "c.review.toml", "d.review.toml"]) == 1
    assert "invalid TOML" in capsys.readouterr().err
