"""trial252: a symbolic link that leads to itself (`ln -s loop loop`, or two links to each
other) given where the CLI resolves a path crashed with a traceback ('RuntimeError: Symlink loop
from ...'): `evidence add ID --file LOOP --follow-symlinks`, `workbench --db LOOP backup FILE`,
and `seed load` of a seed whose `document: file:` is such a link. Each is now one line on stderr,
exit 1, and nothing is written: the loop is said as the system says it, as every other command
that meets one does."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import Outcome, run_cli
from workbench.services.seed_files import seeds_dir


def loop(folder: Path, name: str = "loop") -> Path:
    link = folder / name
    link.symlink_to(name)
    return link


def run(db: str, *args: str) -> Outcome:
    return run_cli(list(args), env={"WORKBENCH_DB": db, "WORKBENCH_USER": "t"})


def head(db: str) -> str:
    r = run(db, "audit", "head")
    assert r.code == 0, r.err
    return r.out


def one_line_refusal(r: Outcome) -> str:
    assert r.crash is None, repr(r.crash)
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.startswith("error: ") and r.err.count("\n") == 1, r.err
    return r.err


def test_evidence_following_a_symlink_loop_is_refused(db_url: str, tmp_path: Path) -> None:
    assert run(db_url, "demo").code == 0
    before = head(db_url)
    link = loop(tmp_path)
    r = run(
        db_url, "evidence", "add", "1", "--stance", "supports", "--file", str(link),
        "--follow-symlinks",
    )  # fmt: skip
    assert "symbolic link" in one_line_refusal(r)
    assert head(db_url) == before


def test_backup_of_a_database_path_that_is_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    link = loop(tmp_path)
    r = run(str(link), "backup", str(tmp_path / "copy.db"))
    assert "symbolic link" in one_line_refusal(r)
    assert not (tmp_path / "copy.db").exists()


def test_a_seed_whose_document_is_a_symlink_loop_is_refused(db_url: str, tmp_path: Path) -> None:
    seed = (seeds_dir() / "minimax-claims.yaml").read_text(encoding="utf-8")
    lines = seed.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("file:"))
    lines[at] = lines[at].split("file:")[0] + "file: looped.txt"
    (tmp_path / "seed.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    loop(tmp_path, "looped.txt")
    r = run(db_url, "seed", "load", str(tmp_path / "seed.yaml"))
    assert "looped.txt" in one_line_refusal(r)
    assert run(db_url, "doc", "list", "--json").out.strip() in ("[]", "")


def test_a_seed_in_a_folder_that_is_a_symlink_loop_is_refused(db_url: str, tmp_path: Path) -> None:
    link = loop(tmp_path)
    r = run(db_url, "seed", "load", str(link / "seed.yaml"))
    assert "symbolic link" in one_line_refusal(r)
