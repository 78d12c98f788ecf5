"""An output is never the desk's own database: `export claims -o desk.db --force` replaced the
database the command had just read with a CSV (exit 0, "wrote 31 claims to desk.db"), and
`-o desk.db-wal --force` the file holding its last commits. Refused, exit 1, one line naming
the path as typed, with or without --force (without it, "exists: give --force" led there);
the desk is left byte for byte as it was (rexits)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.inprocess import run_cli

ARTICLE = "The unemployment rate fell to 3.5 percent in 2023, the ministry said.\n"

# Every command writing a file it is given, the file as the last word.
OUTPUTS: dict[str, list[str]] = {
    "audit export": ["audit", "export", "-o"],
    "backup": ["backup"],
    "evidence get": ["evidence", "get", "1", "-o"],
    "export annotations": ["export", "annotations", "-o"],
    "export bundle": ["export", "bundle"],
    "export claimreview": [
        *("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example.org"),
        "-o",
    ],
    "export claims": ["export", "claims", "-o"],
}
# They take no --force (they never overwrite a file).
NO_FORCE = {"backup", "export bundle"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desk with a document, a claim and an archived file."""
    root = tmp_path_factory.mktemp("desk-template")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(root / "desk.db")
    for args in (
        ["doc", "add", str(root / "article.txt")],
        ["claim", "add", "1", "--text", "The rate fell to 3.5 percent", "--quote", "3.5 percent"],
        ["evidence", "add", "1", "--stance", "supports", "--file", str(root / "article.txt")],
    ):
        r = run_cli(["--db", db, "--as", "ann", *args])
        assert r.code == 0, (args, r.err)
    return root / "desk.db"


@pytest.fixture
def desk(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(template, tmp_path / "desk.db")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "desk.db"


def refused(args: list[str], path: str, *, db: str | None = "desk.db") -> None:
    given = ["--db", db] if db is not None else []
    r = run_cli([*given, "--as", "ann", *args])
    assert r.crash is None, r.crash
    lines = r.err.strip().splitlines()
    assert (r.code, len(lines)) == (1, 1), (r.code, r.err)
    assert lines[0].startswith("error: ") and path in lines[0], lines
    assert "database" in lines[0], lines


def _cases() -> list[object]:
    return [
        pytest.param(name, path, force, id=f"{name}-{path}{'-force' if force else ''}")
        for name in OUTPUTS
        for path in ("desk.db", "./desk.db", "desk.db-wal", "desk.db-journal")
        for force in ((False,) if name in NO_FORCE else (False, True))
    ]


@pytest.mark.parametrize(("name", "path", "force"), _cases())
def test_an_output_onto_the_desk_is_refused_and_the_desk_kept(
    desk: Path, name: str, path: str, force: bool
) -> None:
    before = desk.read_bytes()
    if path.endswith("-journal"):
        Path(path).write_bytes(b"")  # (as SQLite leaves one between transactions)
    refused([*OUTPUTS[name], path, *(["--force"] if force else [])], path)
    assert desk.read_bytes() == before


def test_the_default_database_is_the_desk_too(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.rename("workbench.db")
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    before = Path("workbench.db").read_bytes()
    refused(["export", "claims", "-o", "workbench.db", "--force"], "workbench.db", db=None)
    assert Path("workbench.db").read_bytes() == before


def test_the_desk_by_its_link_and_by_its_file(desk: Path) -> None:
    """`--db link.db` opens the file it leads to: neither name may be written over."""
    os.symlink("desk.db", "link.db")
    before = desk.read_bytes()
    refused(["export", "claims", "-o", "desk.db", "--force"], "desk.db", db="link.db")
    refused(["export", "claims", "-o", "link.db", "--force"], "link.db", db="link.db")
    assert desk.read_bytes() == before
    assert os.readlink("link.db") == "desk.db"


def test_another_file_is_still_written(desk: Path) -> None:
    """The neighbours of the desk's name are ordinary outputs."""
    Path("desk.db.csv").write_text("old\n", encoding="utf-8")
    r = run_cli(["--db", "desk.db", "export", "claims", "-o", "desk.db.csv", "--force"])
    assert r.code == 0, r.err
    assert Path("desk.db.csv").read_text(encoding="utf-8").startswith("id")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "-o", "desk.db-wal", "--force"],
        ["export", "claims", "-o", "desk.db-journal", "--force"],
        ["backup", "desk.db-wal"],
        ["backup", "desk.db-journal"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_url_naming_a_link_guards_the_files_sqlite_keeps_beside_the_file(
    desk: Path, args: list[str]
) -> None:
    """SQLite follows a link to its database and keeps the -wal and -journal beside the file it
    leads to (desk.db-wal, not link.db-wal): `--db sqlite:///link.db backup desk.db-wal` wrote
    the backup there, exit 0, and the next open of the desk deleted it as a bad log (rrexits).
    A bare --db link.db was refused; its URL form must be too."""
    os.symlink("desk.db", "link.db")
    before = desk.read_bytes()
    refused(args, args[-2] if args[-1] == "--force" else args[-1], db="sqlite:///link.db")
    assert desk.read_bytes() == before
    assert not Path("desk.db-wal").exists() and not Path("desk.db-journal").exists()


@pytest.fixture
def linked_folders(desk: Path) -> None:
    """The desk in d/, s a link to d/inner."""
    Path("d/inner").mkdir(parents=True)
    Path("elsewhere/inner").mkdir(parents=True)
    os.rename("desk.db", "d/desk.db")
    os.symlink("d/inner", "s")


@pytest.mark.usefixtures("linked_folders")
def test_dot_dot_after_a_linked_folder_is_the_folder_the_system_opens() -> None:
    """`s/../desk.db-journal`, s a link to d/inner, is d/desk.db-journal as the system opens
    it: read by its spelling (./desk.db-journal) the desk's journal was written, exit 0
    (rrexits)."""
    refused(
        ["export", "claims", "-o", "s/../desk.db-journal", "--force"],
        "s/../desk.db-journal",
        db="d/desk.db",
    )
    assert not Path("d/desk.db-journal").exists()


@pytest.mark.usefixtures("linked_folders")
def test_dot_dot_after_a_linked_folder_elsewhere_is_an_ordinary_output() -> None:
    """`d/x/../desk.db-wal`, d/x a link to elsewhere/inner, is elsewhere/desk.db-wal: no file
    of the desk, though its spelling reads d/desk.db-wal (it was refused as the desk's wal
    file) (rrexits)."""
    os.symlink("../elsewhere/inner", "d/x")
    r = run_cli(["--db", "d/desk.db", "export", "claims", "-o", "d/x/../desk.db-wal"])
    assert r.code == 0, r.err
    assert Path("elsewhere/desk.db-wal").read_text(encoding="utf-8").startswith("id")


@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_report_all_refuses_a_page_onto_the_desk_before_any_page(desk: Path, force: bool) -> None:
    """A desk kept in the report's folder under a page's name (site/index.html): refused before
    the first page, where it was refused at its own page, document-1.html written over the one
    there (with --force), or "exists: give --force" pointed at the desk (without) (rrexits)."""
    Path("site").mkdir()
    os.rename("desk.db", "site/index.html")
    Path("site/document-1.html").write_text("kept\n", encoding="utf-8")
    args = ["report", "--all", "-o", "site", *(["--force"] if force else [])]
    refused(args, "site/index.html", db="site/index.html")
    assert Path("site/document-1.html").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize(
    "args",
    [
        ["backup", "desk.db"],
        ["backup", "desk.db-wal"],
        ["export", "bundle", "desk.db"],
        ["export", "bundle", "desk.db-wal"],
        ["report", "1", "-o", "desk.db", "--force"],
    ],
    ids=lambda a: " ".join(a),
)
def test_the_refusal_is_one_kind_under_json(desk: Path, args: list[str]) -> None:
    """A file that cannot be written, as a folder or a missing one is for each of them: `backup
    --json` said `invalid_input` where `export bundle --json` and `report --json` said
    `file_error` for the same refusal (r3exits)."""
    before = desk.read_bytes()
    r = run_cli(["--db", "desk.db", *args, "--json"])
    assert r.code == 1, r.err
    error = json.loads(r.err)["error"]
    assert error["kind"] == "file_error", error
    assert "the database this command works on" in error["message"], error
    assert desk.read_bytes() == before


def test_a_device_output_made_a_link_to_the_desk_meanwhile_is_not_written_through(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o out`, out a link to /dev/null, is written into where it stands, as a shell's `>`
    would (no file replaces it). Made a link to the desk between that look and the open, the
    open went through it and the CSV was written over the desk's first page (no O_TRUNC, so
    the rest of the file kept: a damaged desk). The file opened is asked what it is: a regular
    file is no device, nothing is written (r3exits)."""
    os.symlink(os.devnull, "out")
    before = desk.read_bytes()
    real_open = os.open

    def swapped_meanwhile(path: object, flags: int, *args: object, **kw: object) -> int:
        if path == "out":
            os.remove("out")
            os.symlink("desk.db", "out")
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", swapped_meanwhile)
    r = run_cli(["--db", "desk.db", "export", "claims", "-o", "out"])
    monkeypatch.setattr(os, "open", real_open)  # (undo() would undo the chdir too)
    assert r.crash is None, r.crash
    assert r.code == 1 and "out" in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert desk.read_bytes() == before


@pytest.mark.parametrize(
    ("db", "args"),
    [
        ("desk.db", ["export", "claims", "-o", "hard.db", "--force"]),
        ("hard.db", ["export", "claims", "-o", "desk.db", "--force"]),
        ("desk.db", ["backup", "hard.db"]),
        ("hard.db", ["export", "bundle", "desk.db"]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else v,
)
def test_another_name_of_the_desk_file_is_the_desk(desk: Path, db: str, args: list[str]) -> None:
    """A hard link is the desk's file by another name: no name compares, its identity
    (st_dev, st_ino) does. Nothing tested that check: dropped, every test passed (r3exits)."""
    os.link("desk.db", "hard.db")
    before = desk.read_bytes()
    refused(args, args[-2] if args[-1] == "--force" else args[-1], db=db)
    assert desk.read_bytes() == before


def test_the_desk_by_the_link_it_was_given_as_to_a_backup(desk: Path) -> None:
    """`--db link.db backup link.db`: the link is the desk as typed, said so, not as a file that
    exists. Nothing tested the backup's name as given (r3exits)."""
    os.symlink("desk.db", "link.db")
    refused(["backup", "link.db"], "link.db", db="link.db")
    assert os.readlink("link.db") == "desk.db"


def test_a_link_to_the_desk_replaced_with_force_leaves_the_desk(desk: Path) -> None:
    """A link is replaced, never written through: `-o current --force`, current a link to the
    desk, writes a file in the link's place and the desk is untouched, so the link's target is
    no reason to refuse (it was not tested that it is not one) (r3exits)."""
    os.symlink("desk.db", "current")
    before = desk.read_bytes()
    r = run_cli(["--db", "desk.db", "export", "claims", "-o", "current", "--force"])
    assert r.code == 0, r.err
    assert not os.path.islink("current")
    assert Path("current").read_text(encoding="utf-8").startswith("id")
    assert desk.read_bytes() == before


def _free_descriptors(count: int) -> list[int]:
    """The `count` lowest descriptor numbers this process has not open: where the command's
    own files (the desk's first) will be opened."""
    free: list[int] = []
    fd = 0
    while len(free) < count:
        try:
            os.fstat(fd)
        except OSError:
            free.append(fd)
        fd += 1
    return free


def test_the_descriptor_the_desk_is_open_on_is_the_desk(desk: Path) -> None:
    """`-o /dev/fd/N` writes into this process's descriptor N, as a shell's `>&N` would. The
    command opens the desk on one of its own descriptors after the output was looked at, so the
    name matched no file then: the export was written over the desk's first page, exit 0, and
    the next command found "not a SQLite database" (r3exits). What is written into is asked
    once it is open; at least one of the numbers tried must be the desk, or nothing is tested."""
    template = desk.read_bytes()
    refusals = 0
    for fd in _free_descriptors(4):
        desk.write_bytes(template)
        r = run_cli(["--db", "desk.db", "export", "claims", "-o", f"/dev/fd/{fd}"])
        assert r.crash is None, r.crash
        assert desk.read_bytes() == template, (fd, r.code, r.err)
        if r.code == 1 and "the database this command works on" in r.err:
            refusals += 1
    assert refusals >= 1


def test_a_device_output_made_a_link_to_any_file_meanwhile_is_not_written_through(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the desk above, for a file of anyone's: a link is replaced, never written through,
    and the open into a device would have written through it, over the file's first bytes."""
    os.symlink(os.devnull, "out")
    Path("notes.txt").write_text("kept\n" * 1000, encoding="utf-8")
    real_open = os.open

    def swapped_meanwhile(path: object, flags: int, *args: object, **kw: object) -> int:
        if path == "out":
            os.remove("out")
            os.symlink("notes.txt", "out")
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", swapped_meanwhile)
    r = run_cli(["--db", "desk.db", "export", "claims", "-o", "out"])
    monkeypatch.setattr(os, "open", real_open)  # (undo() would undo the chdir too)
    assert r.code == 1 and "changed meanwhile" in r.err, r.err
    assert Path("notes.txt").read_text(encoding="utf-8") == "kept\n" * 1000
