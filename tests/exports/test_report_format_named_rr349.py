"""`report -o FILE` reads the format FILE's name asks for as every export reads it (rr349).

report346's `report --format md` read the extension its own way (`Path.suffix`), and disagreed
with the exports (`options.named_format`): `-o .md` was written HTML, with a warning to name it
.md, where `audit export -o .md` writes Markdown; `-o r.json` was written HTML where every
export refuses a name asking for a format it does not write. And `--all -o site.md` wrote HTML
pages into a folder whose name asks for Markdown, without a word: a folder's name is read by
the same rule as a file's."""

from __future__ import annotations

from pathlib import Path

from export_desk import Desk, Run

MARKDOWN = "# MiniMax profile\n"


def test_a_dot_md_name_is_markdown_as_the_exports_read_it(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    events = tmp_path / "events" / ".md"
    events.parent.mkdir()
    assert run("audit", "export", "-o", str(events)).code == 0
    assert events.read_text(encoding="utf-8").startswith("#")  # the timeline, Markdown
    page = tmp_path / ".md"
    r = run("report", str(desk.doc), "-o", str(page))
    assert r.code == 0, r.err
    assert page.read_text(encoding="utf-8").startswith(MARKDOWN)
    assert "warning" not in r.err
    r = run("report", str(desk.doc), "--format", "html", "-o", str(tmp_path / "x" / ".md"))
    assert r.code == 2 and "names a .md file but --format is html" in r.err, r.err


def test_a_name_asking_for_a_format_the_report_has_not_is_bad_usage(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "r.json"
    r = run("report", str(desk.doc), "-o", str(target))
    assert r.code == 2, r.err
    assert f"error: -o {target} names a .json file; this command writes html, md" in r.err
    assert not target.exists()


def test_report_all_reads_the_folder_name_as_a_file_name(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    site = tmp_path / "site.md"
    r = run("report", "--all", "-o", str(site))
    assert r.code == 0, r.err
    assert sorted(p.name for p in site.iterdir()) == [f"document-{desk.doc}.md", "index.md"]
    other = tmp_path / "other.md"
    r = run("report", "--all", "--format", "html", "-o", str(other))
    assert r.code == 2 and "names a .md file but --format is html" in r.err, r.err
    assert not other.exists()
    # A folder's name asking for no format is the usual one: the default, and no warning.
    r = run("report", "--all", "-o", str(tmp_path / "pages"))
    assert r.code == 0 and "warning" not in r.err, r.err
