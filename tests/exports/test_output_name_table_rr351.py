"""Every command with -o FILE reads the format FILE's name asks for by one rule (rr351).

rr349 gave `report` the exports' rule (`options.chosen_format`): a name asking for a format the
command writes chooses it, one asking for another is bad usage, saying what the command writes,
and one asking for none is the default. A table of names, each given to every command: the
same answer from each, as only what the command writes differs."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_desk import Desk, Run

from workbench.cli.options import FORMAT_EXTENSIONS

# What each command writes (its default first), and the command without -o.
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "export claims": (("export", "claims"), ("csv", "json", "xlsx")),
    "audit export": (("audit", "export"), ("jsonl", "csv", "md")),
    "export claimreview": (
        ("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"),
        ("json",),
    ),
    "export annotations": (("export", "annotations"), ("json",)),
    "report": (("report", "{doc}"), ("html", "md")),
}
NAMES = [
    "x.md", "x.MD", "x.markdown", ".md", "x.html", "x.htm", "x.json", "x.jsonl", "x.ndjson",
    "x.csv", "x.xlsx", "x.pdf", "x.txt", "x", "x.tar.gz", "x.md.txt", "x.txt.md",
]  # fmt: skip


def _written(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"PK"):
        return "xlsx"
    text = raw.decode("utf-8")
    if text.startswith("<!DOCTYPE html>"):
        return "html"
    if text.startswith("#"):
        return "md"
    if text.startswith("{") and "\n{" in text.strip():
        return "jsonl"
    if text.startswith(("{", "[")):
        return "json"
    return "csv"


def _expected(name: str, writes: tuple[str, ...]) -> str | None:
    """The format written, None for bad usage."""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    named = FORMAT_EXTENSIONS.get(extension)
    if named is None:
        return writes[0]
    return named if named in writes else None


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_reads_a_name_by_one_rule(
    run: Run, desk: Desk, tmp_path: Path, command: str
) -> None:
    args, writes = COMMANDS[command]
    args = tuple(a.format(doc=desk.doc) for a in args)
    for i, name in enumerate(NAMES):
        target = tmp_path / str(i) / name
        target.parent.mkdir()
        r = run(*args, "-o", str(target))
        want = _expected(name, writes)
        if want is None:
            suffix = name.rpartition(".")[2].lower()
            said = f"error: -o {target} names a .{suffix} file; this command writes "
            assert r.code == 2 and said + ", ".join(writes) in r.err, (name, r.err)
            assert not target.exists(), name
        else:
            assert r.code == 0, (name, r.err)
            assert _written(target) == want, name


@pytest.mark.parametrize("command", ["export claims", "audit export", "report"])
def test_a_format_given_against_the_name_is_bad_usage_alike(
    run: Run, desk: Desk, tmp_path: Path, command: str
) -> None:
    args, writes = COMMANDS[command]
    args = tuple(a.format(doc=desk.doc) for a in args)
    for fmt in writes:
        for other in writes:
            target = tmp_path / f"{fmt}-{other}" / f"x.{other}"
            target.parent.mkdir()
            r = run(*args, "--format", fmt.upper(), "-o", str(target))
            if fmt == other:
                assert r.code == 0 and _written(target) == fmt, (fmt, r.err)
            else:
                said = f"error: -o {target} names a .{other} file but --format is "
                assert r.code == 2 and said in r.err, (fmt, other, r.err)
                assert not target.exists()
