"""`report --all` writes each page as it is built (trial57: a year desk's 500 pages were all
built, 3.2 GB, before the first was written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_desk import Desk, Run

from workbench.domain.status import Status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import report_site


def _second_document(wb: Workbench) -> int:
    return add_document(
        wb, "第二篇文章。没有论断。".encode(), meta=DocumentMeta(title="two")
    ).document.id


def test_the_site_builds_a_page_only_when_it_is_asked_for(
    wb: Workbench, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site's pages were a list, every document's page built before any was written;
    now the names are known first and each page is built when the writer asks for it."""
    import workbench.exports.report as report

    second = _second_document(wb)
    built: list[int] = []
    real = report.document_page

    def counting(record: object, **kw: str) -> str:
        built.append(record.document.id)  # type: ignore[attr-defined]
        return real(record, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "document_page", counting)
    with report_site(wb) as site:
        assert site.names == [
            f"document-{desk.doc}.html",
            f"document-{second}.html",
            "index.html",
        ]
        assert built == []
        first = next(site.pages)
        assert (first.name, built) == (f"document-{desk.doc}.html", [desk.doc])
        rest = list(site.pages)
    assert [p.name for p in rest] == [f"document-{second}.html", "index.html"]
    index = rest[-1]
    assert index.claims == first.claims == len(desk.ids)
    assert f'href="document-{second}.html">two</a></td><td>0</td><td>no claims' in index.text
    assert f"1 {Status.FALSE.value}" in index.text


def test_the_written_site_and_what_it_says_are_as_before(
    wb: Workbench, desk: Desk, run: Run, tmp_path: Path
) -> None:
    """The pages written one at a time are the pages built in one go: each document's, and an
    index whose counts, flagged and names are those of all of them."""
    import json

    from workbench.services.exports import report_pages

    _second_document(wb)
    r = run("report", "--all", "-o", str(tmp_path / "site"), "--json")
    assert r.code == 0, r.err
    said = json.loads(r.out)
    written = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert sorted(said["pages"]) == written and said["documents"] == 2
    assert said["claims"] == len(desk.ids)
    (page,) = report_pages(wb, document_ids=[desk.doc])
    stamp = "report generated "
    on_disk = (tmp_path / "site" / page.name).read_text()
    assert on_disk.split(stamp)[0] == page.text.split(stamp)[0]
