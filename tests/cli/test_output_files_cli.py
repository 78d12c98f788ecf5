"""Every command that writes -o FILE refuses an existing file (exit 1, one line naming it,
the file untouched) unless --force, which replaces it whole (a trial: `evidence get 2 --output
precious.txt` overwrote an unrelated file, saying only "wrote 69 bytes")."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, err_line, ok, run_cli

Run = Callable[..., Outcome]

ARTICLE = "公司在2021年底成立。It was founded in late 2021 by three people.\n"


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "ev.html").write_text("<p>evidence</p>", encoding="utf-8")
    ok(run("doc", "add", str(tmp_path / "article.txt")))
    ok(run("claim", "add", "1", "--text", "Founded in 2021", "--quote", "2021年底"))
    ok(run("evidence", "add", "1", "--file", str(tmp_path / "ev.html"), "--stance", "supports"))
    ok(run("claim", "status", "1", "verified", "--note", "The register says so."))
    return run


# Each writer, with where its -o goes.
WRITERS = [
    ["evidence", "get", "1", "-o"],
    ["export", "claims", "-o"],
    ["export", "claims", "--format", "json", "-o"],
    ["export", "claims", "--format", "xlsx", "-o"],
    ["export", "annotations", "-o"],
    ["export", "claimreview", "--org", "Desk", "--org-url", "https://d.example", "-o"],
    ["audit", "export", "-o"],
    ["audit", "export", "--format", "md", "-o"],
    ["report", "1", "-o"],
]


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: " ".join(a[:3]))
def test_an_existing_file_is_refused_then_replaced_with_force(
    wb: Run, tmp_path: Path, args: list[str]
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    r = wb(*args, str(target))
    err_line(r, 1, f"{target} exists: nothing was written; give --force")
    assert target.read_text() == "precious"
    assert r.out == ""
    r = ok(wb(*args, str(target), "--force"))
    assert target.read_bytes() != b"precious" and target.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: " ".join(a[:3]))
def test_a_new_file_needs_no_force(wb: Run, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "new.out"
    ok(wb(*args, str(target)))
    assert target.stat().st_size > 0


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: " ".join(a[:3]))
def test_a_link_is_refused_not_written_through(wb: Run, tmp_path: Path, args: list[str]) -> None:
    link = tmp_path / "link.out"
    link.symlink_to(tmp_path / "elsewhere.txt")
    leads = tmp_path / "elsewhere.txt"
    err_line(
        wb(*args, str(link)), 1, f"{link} exists (a symbolic link to {leads}): nothing was written"
    )
    assert not (tmp_path / "elsewhere.txt").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "--force"],
        ["export", "annotations", "--force"],
        ["export", "claimreview", "--org", "D", "--org-url", "https://d.example", "--force"],
        ["audit", "export", "--force"],
        ["evidence", "get", "1", "-o", "-", "--force"],
        ["report", "1", "-o", "-", "--force"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_force_with_nothing_to_replace_is_bad_usage(wb: Run, args: list[str]) -> None:
    r = wb(*args)
    err_line(r, 2, "--force replaces an existing -o FILE: give -o FILE with it")


def _undated(page: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "(generated)", page)


def test_a_report_site_refuses_a_folder_holding_its_pages_unless_force(
    wb: Run, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    ok(wb("report", "--all", "-o", str(site)))
    index = (site / "index.html").read_text()
    (site / "index.html").write_text("edited by hand")
    r = wb("report", "--all", "-o", str(site))
    err_line(r, 1, f"{site / 'document-1.html'} exists (and 1 more of the files to write)")
    assert (site / "index.html").read_text() == "edited by hand"
    ok(wb("report", "--all", "-o", str(site), "--force"))
    # The same page again, but for the minute it was generated in (the run may cross one).
    assert _undated((site / "index.html").read_text()) == _undated(index)
    # A folder holding other files only is written into.
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    ok(wb("report", "--all", "-o", str(other)))
    assert (other / "notes.txt").read_text() == "mine"
    assert (other / "index.html").exists()


def test_writing_to_a_device_needs_no_force(wb: Run) -> None:
    ok(wb("export", "claims", "-o", "/dev/null"))
    ok(wb("evidence", "get", "1", "-o", "/dev/null"))


def test_the_writers_that_print_a_head_give_it_to_scripts_with_json(
    wb: Run, tmp_path: Path
) -> None:
    """A trial: `report`, `export bundle` and `backup` printed a head hash (and counts) that a
    script could only scrape from English. --json prints them as an object; the file written
    is the same."""
    import json

    head = json.loads(ok(wb("audit", "head", "--json")).out)
    r = ok(wb("export", "bundle", str(tmp_path / "desk.zip"), "--json"))
    got = json.loads(r.out)
    assert (got["path"], got["events"], got["head"]) == (
        str(tmp_path / "desk.zip"),
        head["count"],
        head["head"],
    )
    assert got["tables"]["claims"] == 1 and got["schema_revision"] and r.err == ""
    r = wb("export", "bundle", "-", "--json")  # the bundle and the JSON cannot share stdout
    assert r.code == 2 and r.out == "" and json.loads(r.err)["error"]["kind"] == "usage"

    r = ok(wb("report", "1", "-o", str(tmp_path / "r.html"), "--json"))
    assert json.loads(r.out) == {
        "path": str(tmp_path / "r.html"),
        "document_id": 1,
        "claims": 1,
        "flagged": [],
        "unreviewed": [],
    }
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    r = ok(wb("report", "--all", "-o", str(tmp_path / "site"), "--json"))
    assert json.loads(r.out) == {
        "path": str(tmp_path / "site"),
        "pages": ["document-1.html", "index.html"],
        "documents": 1,
        "claims": 1,
        "flagged": [],
        "unreviewed": [],
    }
    r = wb("report", "1", "-o", "-", "--json")
    assert r.code == 2 and r.out == ""


def test_backup_json_names_the_copy_and_its_head(wb: Run, db_url: str, tmp_path: Path) -> None:
    import json

    r = ok(wb("backup", str(tmp_path / "copy.db"), "--json"))
    got = json.loads(r.out)
    if db_url.startswith("postgres"):
        assert got["path"] is None and got["command"].startswith("pg_dump")
        return
    head = json.loads(ok(wb("audit", "head", "--json")).out)
    assert got == {
        "path": str(tmp_path / "copy.db"),
        "count": head["count"],
        "seq": head["seq"],
        "head": head["head"],
    }
    assert r.err == ""
    r = wb("backup", str(tmp_path / "copy.db"), "--json")
    assert r.code == 1 and json.loads(r.err)["error"]["reason"] == "file_exists"


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (["export", "claims"], "c1.json", b"["),
        (["export", "claims"], "c1.JSON", b"["),
        (["export", "claims"], "c1.xlsx", b"PK"),
        (["export", "claims"], "c1.csv", b"id,document_id"),
        (["export", "claims"], "c1.txt", b"id,document_id"),  # no format's name: the default
        (["audit", "export"], "trail.md", b"# Audit timeline"),
        (["audit", "export"], "trail.csv", b"seq,"),
    ],
)
def test_without_format_the_files_extension_chooses(
    wb: Run, tmp_path: Path, args: list[str], name: str, starts: bytes
) -> None:
    """A trial's `export claims -o c1.json` wrote CSV into c1.json, which `import claims`
    then refused as JSON."""
    target = tmp_path / name
    ok(wb(*args, "-o", str(target)))
    assert target.read_bytes().startswith(starts)


def test_a_format_that_contradicts_the_extension_is_bad_usage(wb: Run, tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    r = wb("export", "claims", "--format", "csv", "-o", str(target))
    assert r.code == 2 and f"-o {target} names a .json file but --format is csv" in r.err
    assert not target.exists()
    ok(wb("export", "claims", "--format", "json", "-o", str(target)))
    # The extension as typed, not the format it names (.ndjson is JSON Lines).
    lines = tmp_path / "a.ndjson"
    r = wb("audit", "export", "--format", "csv", "-o", str(lines))
    assert r.code == 2 and f"-o {lines} names a .ndjson file but --format is csv" in r.err


@pytest.mark.parametrize(
    ("args", "name", "writes"),
    [
        (["export", "claims"], "c.jsonl", "csv, json, xlsx"),
        (["export", "claims"], "c.html", "csv, json, xlsx"),
        (["export", "claims", "--format", "json"], "c.jsonl", "csv, json, xlsx"),
        (["audit", "export"], "a.xlsx", "jsonl, csv, md"),
        (["audit", "export"], "a.json", "jsonl, csv, md"),
        (["export", "annotations"], "an.csv", "json"),
        (
            ["export", "claimreview", "--org", "D", "--org-url", "https://d.example"],
            "cr.csv",
            "json",
        ),
    ],
)
def test_a_file_named_for_a_format_the_command_does_not_write_is_bad_usage(
    wb: Run, tmp_path: Path, args: list[str], name: str, writes: str
) -> None:
    """Session 45's new user: `export claims -o c.jsonl` wrote CSV, `audit export -o a.xlsx`
    JSON Lines, `export annotations -o an.csv` JSON-LD, each saying "wrote". An extension no
    format is named by (.txt, .out) still takes the default."""
    target = tmp_path / name
    r = wb(*args, "-o", str(target))
    assert r.code == 2, r
    suffix = name.rpartition(".")[2]
    assert f"-o {target} names a .{suffix} file; this command writes {writes}" in r.err
    assert not target.exists()
