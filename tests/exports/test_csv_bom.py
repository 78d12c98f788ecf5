"""`--bom`: a CSV export that starts with a UTF-8 byte order mark, for Excel. Without one, Excel
on Chinese Windows reads a CSV in the ANSI code page (GBK) and shows mojibake; with one on by
default, a pipe (`| cut`, `| csvkit`) would carry a stray U+FEFF into its first column name."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from export_desk import ARTICLE, Desk, Run
from retarget import without_document

from workbench.domain.errors import InvalidInput
from workbench.exports.events import export_events
from workbench.services.context import Workbench
from workbench.services.documents import add_document

BOM = "\ufeff"


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "--format", "csv"],
        ["audit", "export", "--format", "csv"],
        ["claim", "list", "--csv"],
    ],
)
def test_bom_starts_the_csv_only_when_asked(cli: Run, desk: Desk, args: list[str]) -> None:
    # `cli` (tests/conftest.py) flushes stdout, which `claim list --csv` writes to directly
    run = cli
    plain = run(*args)
    assert plain.code == 0, plain.err
    assert plain.out and not plain.out.startswith(BOM)
    marked = run(*args, "--bom")
    assert marked.code == 0, marked.err
    assert marked.out == BOM + plain.out  # the mark, then the same rows


def test_a_file_with_a_bom_is_read_back_by_import(
    run: Run, wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "claims.csv"
    r = run("export", "claims", "--format", "csv", "--bom", "-o", str(target))
    assert r.code == 0, r.err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,") and data.count(b"\xef\xbb\xbf") == 1
    other = add_document(wb, (ARTICLE + "\n附言。").encode()).document.id
    without_document(target)  # its rows name the document they came from
    r = run("import", "claims", str(target), "--doc", str(other))
    # `import claims` reads UTF-8 with or without the mark: every claim comes back.
    assert r.code == 0 and "7 claims added" in r.err, r.err


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "--format", "json"],
        ["export", "claims", "--format", "xlsx", "-o", "out.xlsx"],
        ["audit", "export"],  # jsonl, the default
        ["audit", "export", "--format", "md"],
        ["claim", "list"],
        ["claim", "list", "--json"],
    ],
)
def test_bom_without_csv_is_bad_usage(run: Run, args: list[str]) -> None:
    """Exit 2, told before the database is read: only a CSV starts with a byte order mark."""
    r = run(*args, "--bom")
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.out == ""
    if "--json" in args:  # the error as JSON, as every error of a --json command is
        assert json.loads(r.err)["error"]["message"].startswith("--bom is for --csv: ")
        return
    assert r.err.startswith("error: --bom is for --") and r.err.count("\n") == 1, r.err


def test_the_library_writes_the_mark_for_csv_and_refuses_it_otherwise(
    wb: Workbench, desk: Desk
) -> None:
    plain, marked = io.StringIO(), io.StringIO()
    export_events(wb, "csv", plain)
    export_events(wb, "csv", marked, bom=True)
    assert marked.getvalue() == BOM + plain.getvalue()
    with pytest.raises(InvalidInput, match="byte order mark"):
        export_events(wb, "jsonl", io.StringIO(), bom=True)
