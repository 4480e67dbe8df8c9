import json
from pathlib import Path

import pytest

from reviewer.io.articles import decode_bytes, load_cluster, split_header
from reviewer.errors import ArticleError, ReviewerError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seeds_load_with_dates_and_exact_offsets():
    cluster = load_cluster([SEEDS])
    assert [a.id for a in cluster.articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert cluster.problems == []
    for art in cluster.articles:
        assert art.date == "2021-11-07"
        assert art.sentences
        for s in art.sentences:
            assert art.body[s.start:s.end] == s.text


def test_header_glued_to_text_keeps_the_rest_of_the_line():
    date, body = split_header(" date 2021-11-07 Shafaq News/ The president spoke.\nMore.")
    assert date == "2021-11-07"
    assert body.startswith("Shafaq News/")


def test_no_header():
    assert split_header("Plain text.") == (None, "Plain text.")


def test_decode_bom_and_crlf():
    assert decode_bytes("\ufeffA.\r\nB.\rC.".encode("utf-8"), "x") == "A.\nB.\nC."


@pytest.mark.parametrize("data,needle", [(b"", "empty"), (b"\xff\xfe\x00", "UTF-16"), (b"ab\x00cd", "binary"),
                                         (bytes(range(128, 256)) * 3, "UTF-8"), (b"caf\xc3\xa9 \xe9", "UTF-8"),
                                         (b"nearly \xc3", "UTF-8"), (b"   \n  ", "no text")])
def test_bad_bytes_are_reported(data, needle):
    with pytest.raises(ArticleError) as exc:
        decode_bytes(data, "f.txt")
    assert needle in str(exc.value)


def test_bad_files_are_skipped_and_the_rest_load(tmp_path):
    (tmp_path / "good.txt").write_text("One sentence here. Another one there.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(128, 256)) * 3)  # no encoding makes text of it
    (tmp_path / "alice.review.toml").write_text("x = 1")
    (tmp_path / "config.toml").write_text("x = 1")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    cluster = load_cluster([tmp_path])
    assert [a.id for a in cluster.articles] == ["good"]
    bad = sorted(Path(p.path).name for p in cluster.problems)
    assert bad == ["empty.txt", "junk.txt"]
    assert all(p.message.endswith("; skipped") for p in cluster.problems)


@pytest.mark.parametrize("text,codec,label", [
    ("The harbour caf\u00e9 \u2013 shut since the storm \u2013 reopened on Monday at a cost of \u20ac9,500.", "cp1252",
     "windows-1252"),
    ("Le p\u00eacheur a d\u00e9clar\u00e9 lundi que la jet\u00e9e \u00e9tait ferm\u00e9e \u00e0 cause de la temp\u00eate.",
     "latin-1", "windows-1252"),
    ("\u0420\u044b\u0431\u0430\u043a \u0441\u043a\u0430\u0437\u0430\u043b \u0432 \u043f\u043e\u043d\u0435\u0434"
     "\u0435\u043b\u044c\u043d\u0438\u043a, \u0447\u0442\u043e \u043f\u0440\u0438\u0447\u0430\u043b \u0437\u0430"
     "\u043a\u0440\u044b\u0442.", "cp1251", "windows-1251"),
])
def test_legacy_encodings_are_read_with_one_warning_and_left_untouched(tmp_path, monkeypatch, text, codec, label):
    monkeypatch.setenv("REVIEWER_LEGACY_ENCODINGS", "1")  # what --legacy-encodings sets
    f = tmp_path / "old.txt"
    f.write_bytes(text.replace(". ", ".\r\n").encode(codec))
    before = (f.read_bytes(), f.stat().st_mtime_ns)
    (tmp_path / "bin.txt").write_bytes(b"caf\xe9\x00\x01 data")  # NUL bytes: binary, still skipped
    cluster = load_cluster([tmp_path])
    assert [a.id for a in cluster.articles] == ["old"] and cluster.article("old").body == text
    [warn] = [p for p in cluster.problems if p.severity == "warning"]
    assert Path(warn.path).name == "old.txt" and f"read as {label}" in warn.message
    assert [Path(p.path).name for p in cluster.problems if p.severity == "error"] == ["bin.txt"]
    assert (f.read_bytes(), f.stat().st_mtime_ns) == before


def test_by_default_a_legacy_file_is_skipped_with_its_likely_encoding_named(tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEWER_LEGACY_ENCODINGS", raising=False)
    (tmp_path / "old.txt").write_bytes("Le p\u00eacheur a d\u00e9clar\u00e9 que la jet\u00e9e \u00e9tait ferm\u00e9e.".encode("cp1252"))
    (tmp_path / "new.txt").write_text("The pier is open again.", encoding="utf-8")
    cluster = load_cluster([tmp_path])
    assert [a.id for a in cluster.articles] == ["new"]  # the contract: reported by name and skipped
    [p] = cluster.problems
    assert Path(p.path).name == "old.txt" and p.severity == "error"
    assert "not valid UTF-8" in p.message and "windows-1252" in p.message and "--legacy-encodings" in p.message


def test_the_legacy_encodings_flag_reaches_the_reader(tmp_path, monkeypatch, capsys):
    import json as _json

    from reviewer.cli import main

    # set (to "off") through monkeypatch, so that what main() sets is undone after the test
    monkeypatch.setenv("REVIEWER_LEGACY_ENCODINGS", "0")
    (tmp_path / "old.txt").write_bytes("Le p\u00eacheur a d\u00e9clar\u00e9 que la jet\u00e9e \u00e9tait ferm\u00e9e.".encode("cp1252"))
    (tmp_path / "new.txt").write_text("The pier is open again.", encoding="utf-8")
    assert main(["align", str(tmp_path), "--json", "--no-cache", "--semantic", "off", "--legacy-encodings"]) == 0
    out = capsys.readouterr()
    assert sorted(a["id"] for a in _json.loads(out.out)["articles"]) == ["new", "old"]
    assert "read as windows-1252" in out.err


def test_json_and_jsonl(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "Hello there. Bye.", "title": "T", "date": "2020-01-02T10:00",
                                                 "source": "S", "url": "http://x"}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "first", "text": "One."}) + "\n{broken\n"
                                      + json.dumps({"text": "Two."}) + "\n")
    cluster = load_cluster([tmp_path])
    ids = [a.id for a in cluster.articles]
    assert ids == ["a", "first", "b:55691f90515f"]  # a record without id or url: named by a hash of its text
    a = cluster.article("a")
    assert (a.title, a.date, a.source, a.url) == ("T", "2020-01-02", "S", "http://x")
    assert any("line 2" in p.message for p in cluster.problems)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(ReviewerError) as exc:
        load_cluster([tmp_path])
    assert "no readable article" in str(exc.value)


def test_duplicate_ids_are_disambiguated(tmp_path):
    (tmp_path / "x.txt").write_text("A sentence.")
    (tmp_path / "x.md").write_text("Another sentence.")
    cluster = load_cluster([tmp_path])
    assert sorted(a.id for a in cluster.articles) == ["x", "x#2"]
