"""`curl ... | workbench import claims --doc 1 -` said "-: a claims file is .csv (.tsv, ...),
.json or .jsonl (got no suffix)", and `import bundle - < desk.zip` said "no such file: -": the
user was sent to rename a file they never named, or to look for a file called `-`. These two
read a file only (the claims file's format is its name's suffix; a bundle is a ZIP read in
passes), as `evidence add --file -` already says of itself: said plainly, with the way on
(trial252)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import run_cli

Run = Callable[..., Any]


def test_import_claims_from_standard_input_says_it_reads_a_file(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    before = counts()
    for extra in ([], ["--dry-run"], ["--json"]):
        r = cli("import", "claims", "--doc", "1", *extra, "-", input="quote,text\nGDP,x\n")
        # The words alone are wrong whatever is on the disk: bad usage (docs/errors.md).
        assert r.code == 2, (r.out, r.err)
        said = r.err
        assert "import claims reads a file, not standard input" in said, said
        assert "save it to a file" in said and ".csv" in said, said
        assert "no suffix" not in said
    assert counts() == before


def test_import_bundle_from_standard_input_says_it_reads_a_file(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    r = run_cli(
        ["import", "bundle", "-"],
        stdin=b"PK\x03\x04",
        env={"WORKBENCH_DB": str(db), "WORKBENCH_USER": "t"},
    )
    assert r.crash is None
    assert r.code == 2, (r.out, r.err)
    assert r.err == (
        "error: import bundle reads a file, not standard input: save the bundle to a file and "
        "give its name (see `workbench import bundle --help`)\n"
    )
    assert not db.exists()
