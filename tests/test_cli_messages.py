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


def test_export_check_and_claims_without_a_path_take_the_bundled_seeds(tmp_path, capsys, monkeypatch):
    """`reviewer` alone opens the bundled seeds, but `reviewer export -f jsonl -o x` then said
    "the following arguments are required: PATH", and the seeds live inside the installed
    package. Without a PATH these commands now take the seeds, with the sidecars the app saved."""
    from reviewer.resources import seeds_sidecar_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    saved = seeds_sidecar_dir() / "alice.review.toml"
    saved.parent.mkdir(parents=True)
    saved.write_text('schema = 1\nreviewer = "alice"\n', encoding="utf-8")
    assert main(["export", "-f", "jsonl", "-o", "out.jsonl"]) == 1  # nothing in it: said, nothing written
    assert "hold no tag, note or link decision yet" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()
    from reviewer.annotations import Anchor, ReviewData, Tag
    from reviewer.io.articles import load_cluster
    from reviewer.resources import bundled_seeds_dir
    from reviewer.sidecar.codec import save_sidecar

    art = load_cluster([bundled_seeds_dir()]).articles[0]
    s0 = art.sentences[0]
    data = ReviewData(reviewer="alice")
    data.tags.append(Tag(Anchor(art.id, 0, s0.start, s0.end, s0.text), "opinion", "2026-01-01T00:00:00Z"))
    save_sidecar(saved, data)
    assert main(["export", "-f", "jsonl", "-o", "out.jsonl"]) == 0
    assert "from 1 sidecar (alice)" in capsys.readouterr().out
    assert (tmp_path / "out.jsonl").exists()
    assert main(["check"]) == 0
    assert "alice.review.toml: reviewer 'alice'" in capsys.readouterr().out
    assert main(["claims", "--json"]) == 0
    assert '"reviewer": "alice"' in capsys.readouterr().out


def test_agree_takes_the_articles_folder_for_its_sidecars(tmp_path, capsys, monkeypatch):
    """`agree seeds` said "give at least two sidecars": the folder now stands for the sidecars
    beside its articles, and too few found says how many."""
    from tests.helpers import ARTICLES

    monkeypatch.chdir(tmp_path)
    d = tmp_path / "c"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "ann.review.toml").write_text('schema = 1\nreviewer = "ann"\n', encoding="utf-8")
    import pytest

    with pytest.raises(SystemExit) as stop:
        main(["agree", "c"])
    assert stop.value.code == 2
    assert "found 1" in capsys.readouterr().err
    (d / "ben.review.toml").write_text('schema = 1\nreviewer = "ben"\n', encoding="utf-8")
    assert main(["agree", "c"]) == 0
    by_folder = capsys.readouterr().out
    assert main(["agree", "c/ann.review.toml", "c/ben.review.toml"]) == 0
    assert by_folder == capsys.readouterr().out and "reviewers: ann, ben" in by_folder


def test_a_folder_of_clusters_given_as_one_cluster_names_its_sub_folders(tmp_path, capsys, monkeypatch):
    """`reviewer corpus` (a folder of cluster folders) said only "no readable article found":
    the line now names the sub-folders that hold articles and align-batch."""
    from tests.helpers import ARTICLES

    monkeypatch.chdir(tmp_path)
    for sub in ("one", "two"):
        (tmp_path / "corpus" / sub).mkdir(parents=True)
        for name, text in ARTICLES.items():
            (tmp_path / "corpus" / sub / name).write_text(text, encoding="utf-8")
    assert main(["export", "corpus", "-f", "jsonl", "-o", "x.jsonl"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "corpus: no readable article found" in err[0]
    assert "sub-folders hold articles (one, two)" in err[0] and "align-batch corpus" in err[0]
    (tmp_path / "empty").mkdir()
    assert main(["export", "empty", "-f", "jsonl", "-o", "x.jsonl"]) == 1
    assert "sub-folders" not in capsys.readouterr().err


def test_a_sidecar_given_as_the_article_is_named_and_how_to_open_it(tmp_path, capsys, monkeypatch):
    """`reviewer me.review.toml` said "not an article file": true, but not what to do."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("The pier closed at noon.\n", encoding="utf-8")
    (tmp_path / "c" / "ana.review.toml").write_text('reviewer = "ana"\n', encoding="utf-8")
    assert main(["c/ana.review.toml"]) == 2
    (err,) = capsys.readouterr().err.strip().splitlines()
    assert "is a sidecar" in err and "not an article file" not in err
    assert "`reviewer c --reviewer ana`" in err and "--sidecar c/ana.review.toml" in err
