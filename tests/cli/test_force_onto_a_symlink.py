"""`-o latest.csv --force`, where latest.csv is a symbolic link to a file (a "latest" link a
desk keeps, say): the link was replaced by the new file, its target left as it was, and nothing
said so; without --force the refusal was "latest.csv exists", as if a file were there. A shell's
`>` writes through a link, so a user may expect that; replacing the link is kept (writing through
would overwrite a file the user did not name, wherever the link leads), and both are now said:
the refusal names where the link leads, and --force says it replaced the link, not its target.
Every output that takes --force says it alike (the exports, audit export, report, evidence get),
through the one function that writes them (trial252)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

Run = Callable[..., Outcome]
OUTPUTS = {  # the command, and a name it writes
    "export claims": (["export", "claims", "--doc", "1"], "latest.csv"),
    "export annotations": (["export", "annotations", "--doc", "1"], "latest.json"),
    "export claimreview": (
        ["export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"],
        "latest.json",
    ),
    "audit export": (["audit", "export"], "latest.jsonl"),
    "report": (["report", "1"], "latest.html"),
    "evidence get": (["evidence", "get", "1"], "latest.txt"),
}


@pytest.fixture
def run(db_url: str, tmp_path: Path) -> Run:
    def go(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})

    assert go("demo").code == 0
    archived = tmp_path / "scan.txt"
    archived.write_text("a scanned letter\n", encoding="utf-8")
    added = go("evidence", "add", "1", "--file", str(archived), "--stance", "supports")
    assert added.code == 0, added.err
    return go


@pytest.mark.parametrize(("args", "name"), OUTPUTS.values(), ids=OUTPUTS.keys())
def test_the_refusal_says_where_the_link_leads(
    run: Run, tmp_path: Path, args: list[str], name: str
) -> None:
    target = tmp_path / "kept.out"
    target.write_text("kept\n", encoding="utf-8")
    link = tmp_path / name
    link.symlink_to(target)
    r = run(*args, "-o", str(link))
    assert r.code == 1, (r.out, r.err)
    assert f"{link} exists (a symbolic link to {target}): nothing was written" in r.err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize(("args", "name"), OUTPUTS.values(), ids=OUTPUTS.keys())
def test_force_says_it_replaced_the_link_not_its_target(
    run: Run, tmp_path: Path, args: list[str], name: str
) -> None:
    target = tmp_path / "kept.out"
    target.write_text("kept\n", encoding="utf-8")
    link = tmp_path / name
    link.symlink_to(target)
    r = run(*args, "-o", str(link), "--force")
    assert r.code == 0, (r.out, r.err)
    assert (
        f"warning: replaced the symbolic link {link} (to {target}) with the file written; "
        f"{target} is unchanged\n"
    ) in r.err
    assert not link.is_symlink() and link.stat().st_size > 0
    assert target.read_text(encoding="utf-8") == "kept\n"


def test_force_onto_a_dangling_link_says_so(run: Run, tmp_path: Path) -> None:
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "gone.csv")
    r = run("export", "claims", "-o", str(link), "--force")
    assert r.code == 0, r.err
    gone = tmp_path / "gone.csv"
    assert (
        f"warning: replaced the symbolic link {link} (to {gone}, which leads to no file) with "
        "the file written\n"
    ) in r.err
    assert not link.is_symlink()


def test_force_onto_a_file_says_nothing_of_links(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    out.write_text("old\n", encoding="utf-8")
    r = run("export", "claims", "-o", str(out), "--force")
    assert r.code == 0 and "symbolic link" not in r.err
