"""docs/json.md tells a script writer what each command's --json holds. Each documented
command runs here on a small desk, and every object it prints is held to the document: a key
it prints must be documented, a field documented as always present must be there, and each
value must be of the documented JSON type. So the document cannot drift from the output."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pytest

from tests.conftest import PG_URL, REPO, Result, run_in_process

DOC = REPO / "docs" / "json.md"
OLD_BUNDLE = REPO / "tests" / "data" / "bundles" / "review55_old_smallcap_approval.zip"

ARTICLE = "深圳市统计局3月2日发布数据，2025年全市地区生产总值达到3.9万亿元，同比增长5.8%。\n"
REVISED = "深圳市统计局3月2日发布数据，2025年全市地区生产总值达到3.9万亿元，同比增长6.0%。\n"
OTHER = "北京市统计局发布数据。2025年末全市常住人口2185万人，比上年末增加2万人。\n"
MIXED = (
    "The company said revenue grew. 公司表示收入增长了百分之十，利润也上升。 It added more jobs.\n"
)
CANONICAL = '<link rel="canonical" href="https://example.org/gdp">'
# A page in GB18030 with no charset named, and so little text that it is likely not the
# article; then a second page naming the same URL.
PAGE = f"<html><head><title>GDP</title>{CANONICAL}</head><body><p>深圳统计局发布数据</p>".encode(
    "gb18030"
)
PAGE_SAME_URL = (
    f"<html><head><title>GDP</title>{CANONICAL}</head><body><p>Shenzhen GDP grew 5.8 percent"
    " in 2025, the statistics bureau said on 2 March.</p></body></html>"
)

# A field's documented type: alternatives joined by " or ", each a JSON type (or `timestamp`,
# `date`: strings of that form), `array of T`,
# `map of T` (an object whose keys are data, each value a T) or a shape's name.
_SCALARS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    # ISO 8601 in UTC, to the microsecond; a date a person gives, with no time or zone.
    "timestamp": lambda v: (
        isinstance(v, str)
        and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", v) is not None
    ),
    "date": lambda v: isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v) is not None,
    "array": lambda v: isinstance(v, list),
}


@dataclass
class Field:
    type: str
    always: bool


@dataclass
class Shape:
    fields: dict[str, Field] = field(default_factory=dict)
    includes: list[str] = field(default_factory=list)
    prints: str | None = None


def parse_reference(text: str) -> dict[str, Shape]:
    """Every `### ` section of docs/json.md: a shared shape (`### Claim`) or a command
    (`### workbench claim show`), with its `Prints:` line and its table of fields."""
    shapes: dict[str, Shape] = {}
    current: Shape | None = None
    for line in text.splitlines():
        if line.startswith("### "):
            current = shapes.setdefault(line[4:].strip().strip("`"), Shape())
        elif current is None:
            continue
        elif line.startswith("Prints: "):
            current.prints = line.removeprefix("Prints: ").strip().rstrip(".")
        elif line.startswith("| all of "):
            current.includes.append(line.split("|")[1].strip().removeprefix("all of ").strip())
        elif line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            name, kind, present = cells[0].strip("`"), cells[1], cells[2]
            current.fields[name] = Field(kind, present == "always")
    return shapes


class Checker:
    def __init__(self, shapes: dict[str, Shape]) -> None:
        self.shapes = shapes
        # (shape, field) of every documented field some output printed.
        self.seen: set[tuple[str, str]] = set()

    def fields(self, name: str) -> dict[str, Field]:
        shape = self.shapes[name]
        found: dict[str, Field] = {}
        for included in shape.includes:
            found.update(self.fields(included))
        found.update(shape.fields)
        return found

    def check(self, value: Any, kind: str, where: str, own: str | None = None) -> list[str]:
        """What is wrong with `value` as a `kind` (empty: nothing); `own` names the section
        whose table `object` stands for at the top level."""
        problems: list[str] = []
        for alternative in (a.strip() for a in kind.split(" or ")):
            problems = self._check_one(value, alternative, where, own)
            if not problems:
                return []
        return problems

    def _check_one(self, value: Any, kind: str, where: str, own: str | None) -> list[str]:
        if kind.startswith("array of "):
            if not isinstance(value, list):
                return [f"{where}: {type(value).__name__} where an array is documented"]
            item = kind.removeprefix("array of ")
            return [
                p for i, v in enumerate(value) for p in self.check(v, item, f"{where}[{i}]", own)
            ]
        if kind.startswith("map of "):
            if not isinstance(value, dict):
                return [f"{where}: {type(value).__name__} where an object is documented"]
            item = kind.removeprefix("map of ")
            return [p for k, v in value.items() for p in self.check(v, item, f"{where}.{k}")]
        if kind == "object" and own is not None:
            kind = own
        if kind in _SCALARS:
            ok = _SCALARS[kind](value)
            return [] if ok else [f"{where}: {json.dumps(value)[:60]} is not {kind}"]
        assert kind in self.shapes, f"docs/json.md names a type it does not describe: {kind}"
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__} where a {kind} object is documented"]
        documented = self.fields(kind)
        problems = [
            f"{where}: key {k!r} is not documented in {kind}" for k in value if k not in documented
        ]
        for name, f in documented.items():
            if name in value:
                self.seen.add((kind, name))
            else:
                if f.always:
                    problems.append(f"{where}: {name!r} is documented as always present")
                continue
            problems.extend(self.check(value[name], f.type, f"{where}.{name}"))
        return problems

    def _covers(self, kind: str, section: str) -> bool:
        return kind == section or any(self._covers(i, section) for i in self.shapes[kind].includes)

    def unseen(self) -> set[str]:
        """Documented fields no output printed, as `Section.field`."""
        return {
            f"{section}.{name}"
            for section, shape in self.shapes.items()
            for name in shape.fields
            if not any(n == name and self._covers(k, section) for k, n in self.seen)
        }


def json_commands() -> list[str]:
    """Every command that takes --json, as `workbench claim show`."""
    from workbench.cli import cli
    from workbench.cli.reference import _walk

    return [
        " ".join(path)
        for path, command in _walk(cli, ["workbench"])
        if not isinstance(command, click.Group)
        and any("--json" in getattr(p, "opts", ()) for p in command.params)
    ]


def _pg_role() -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).username or "postgres"


# The desk's run, in order: (documented command, arguments). A second person ("editor")
# approves and rejects, as review.required asks.
EDITOR = "editor"
SCENARIO: list[tuple[str, tuple[str, ...]]] = [
    ("demo", ("demo",)),
    ("seed load", ("seed", "load")),
    ("doc add", ("doc", "add", "a.txt")),
    ("doc add", ("doc", "add", "a.txt")),
    ("doc add", ("doc", "add", "c.txt", "a.txt")),
    ("doc list", ("doc", "list")),
    ("doc edit", ("doc", "edit", "2", "--title", "GDP")),
    ("claim add", ("claim", "add", "2", "--text", "GDP grew 5.8%", "--quote", "同比增长5.8%")),
    ("claim add", ("claim", "add", "2", "--text", "Growth of 5.8%", "--quote", "同比增长5.8%")),
    ("doc update", ("doc", "update", "2", "b.txt")),
    ("doc show", ("doc", "show", "2")),
    # The same text again: nothing stored, recorded as checked (`checked_at` a timestamp),
    # which `doc show` then gives as the page's last check.
    ("doc update", ("doc", "update", "2", "b.txt")),
    ("doc show", ("doc", "show", "2")),
    ("doc revisions", ("doc", "revisions", "2")),
    ("doc diff", ("doc", "diff", "2")),
    ("doc changes", ("doc", "changes", "2")),
    ("claim assign", ("claim", "assign", "1", "--to", "alice")),
    ("claim due", ("claim", "due", "1", "2030-01-01")),
    ("claim priority", ("claim", "priority", "1", "high")),
    ("claim tag", ("claim", "tag", "1", "economy")),
    ("claim untag", ("claim", "untag", "1", "economy")),
    ("claim tag", ("claim", "tag", "1", "people")),
    ("claim edit", ("claim", "edit", "1", "--text", "Yan Junjie read the CLIP paper in 2020.")),
    ("claim similar", ("claim", "similar", "32")),
    ("claim status", ("claim", "status", "1", "in_progress")),
    ("note add", ("note", "add", "1", "Asked the press office.")),
    ("note list", ("note", "list", "1")),
    ("note internal", ("note", "internal", "1", "--note", "She asked not to be named.")),
    ("note public", ("note", "public", "1", "--note", "She agreed after all.")),
    (
        "evidence add",
        (
            "evidence",
            "add",
            "1",
            "--url",
            "https://example.org/x",
            "--stance",
            "supports",
            "--title",
            "Interview",
            "--accessed",
            "2026-01-02",
        ),
    ),
    (
        "evidence add",
        ("evidence", "add", "2", "--citation", "Yearbook 2025", "--stance", "refutes"),
    ),
    ("evidence list", ("evidence", "list", "1")),
    # An archived file (evidence #3), restored: what was written.
    ("evidence add", ("evidence", "add", "1", "--file", "c.txt", "--stance", "supports")),
    ("evidence get", ("evidence", "get", "3", "-o", "restored.txt")),
    ("config set", ("config", "set", "review.required", "true")),
    # On PostgreSQL the two reviewers share the test's one login role.
    ("config set", ("config", "set", "review.distinct_roles", "false")),
    ("config get", ("config", "get", "review.required")),
    ("config list", ("config", "list")),
    ("claim status", ("claim", "status", "1", "verified", "--note", "Confirmed on tape.")),
    ("claim approve", ("claim", "approve", "1")),
    ("claim status", ("claim", "status", "4", "in_progress")),
    (
        "evidence add",
        ("evidence", "add", "4", "--citation", "Annual report", "--stance", "supports"),
    ),
    (
        "evidence add",
        ("evidence", "add", "5", "--citation", "Annual report", "--stance", "refutes"),
    ),
    ("claim status", ("claim", "status", "4", "verified", "--note", "In the report.")),
    ("claim status", ("claim", "status", "5", "false", "--note", "Not in the report.")),
    ("claim approve", ("claim", "approve", "4", "5")),
    ("claim status", ("claim", "status", "2", "false", "--note", "He was not CTO.")),
    ("claim reject", ("claim", "reject", "2", "--note", "Ask SenseTime first.")),
    ("claim withdraw", ("claim", "withdraw", "3", "--reason", "a duplicate of #2")),
    ("claim list", ("claim", "list")),
    ("claim show", ("claim", "show", "1")),
    ("claim show", ("claim", "show", "32")),
    ("stats", ("stats",)),
    ("stats", ("stats", "--since", "2000-01-01")),
    ("stats", ("stats", "--untouched-since", "7d")),
    ("stats", ("stats", "--by", "owner")),
    ("stats", ("stats", "--by", "tag")),
    ("stats", ("stats", "--by", "speaker")),
    ("stats", ("stats", "--by", "type")),
    ("stats", ("stats", "--by", "month")),
    ("report", ("report", "2", "-o", "doc-2.html")),
    ("report", ("report", "--all", "-o", "site")),
    ("extract", ("extract", "3")),
    ("extract", ("extract", "3", "--accept")),
    ("extract", ("extract", "3", "--accept")),
    ("import claims", ("import", "claims", "claims.csv", "--doc", "2")),
    ("import annotations", ("import", "annotations", "annotations.json", "--doc", "1")),
    ("import claims", ("import", "claims", "claims-again.csv", "--doc", "2")),
    # An old copy of claim #1, its text as the seed gave it before `claim edit` changed it:
    # added, and said in `other_ids` with the edit (`text_changed`) and the new claim's id.
    ("import claims", ("import", "claims", "claims-old.csv", "--doc", "1")),
    ("doc add", ("doc", "add", "page.html")),
    ("doc add", ("doc", "add", "same-url.html")),
    ("doc add", ("doc", "add", "mixed.txt", "mixed.txt")),
    # A note added after a verdict was proposed, and a name owning a claim unregistered.
    ("claim status", ("claim", "status", "6", "in_progress")),
    (
        "evidence add",
        ("evidence", "add", "6", "--citation", "Annual report", "--stance", "supports"),
    ),
    ("claim status", ("claim", "status", "6", "verified", "--note", "In the report.")),
    ("note add", ("note", "add", "6", "Page 12.")),
    ("claim show", ("claim", "show", "6")),
    ("claim assign", ("claim", "assign", "7", "--to", "bob")),
    ("user add", ("user", "add", "alice")),
    ("user edit", ("user", "edit", "alice", "--email", "alice@example.org")),
    ("user list", ("user", "list")),
    *(
        # The name bound to the login role the suite connects as (SQLite has no roles).
        [("user bind", ("user", "bind", "alice", "--role", _pg_role()))] if PG_URL else []
    ),
    ("audit head", ("audit", "head")),
    ("audit verify", ("audit", "verify")),
    ("audit replay", ("audit", "replay")),
    # What the exports wrote: a partner's first pull (its next head), the skipped named.
    (
        "export claimreview",
        (
            *("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"),
            *("--after-seq", "0", "-o", "feed.json"),
        ),
    ),
    ("export annotations", ("export", "annotations", "-o", "published.json")),
    ("export claims", ("export", "claims", "-o", "table.csv")),
    # An --actor no event records: said in `silent_actors`.
    ("audit export", ("audit", "export", "-o", "trail.jsonl", "--actor", "nobody")),
    ("backup", ("backup", "backup.db")),
    ("export bundle", ("export", "bundle", "bundle.json")),
    ("db status", ("db", "status")),
]
# Run on PostgreSQL only: `user bind` binds a name to a login role, which SQLite has not.
NOT_IN_SCENARIO = {"user bind"}
# Documented fields the desk does not print, and why: each is a rare case (a tampered trail,
# a page fetched again under another URL, a candidate that cannot be added) or the other
# backend's.
NOT_PRINTED_HERE = {
    "AddedDocument.not_applied",  # a stored page's text fetched again naming another URL
    "UnfitCandidate.problem",  # a candidate whose span cannot become a claim
    # a revision from a page read by a guess (tests/cli/test_update_guessed_encoding_cli.py)
    "workbench doc update.guessed_encoding",
    # a page declaring UTF-8 with stray bytes (tests/services/test_page_declared_utf8_bad_byte.py)
    "AddedDocument.replaced_bytes",
    "workbench doc update.replaced_bytes",
    # a fetched text stored as its server sent it (tests/services/test_markup_served_as_text.py)
    "AddedDocument.stored_as_sent",
    "workbench doc update.stored_as_sent",
    # a dry run's claims (tests/cli/test_dry_run_twins_to_add_in_json.py)
    "Claim.same_span_to_add",
    *(f"ReplayDifference.{f}" for f in ("message", "subject", "field", "events", "table", "seq")),
    # a forged full export (tests/cli/test_audit_verify_rules.py)
    *(f"RuleBreak.{f}" for f in ("seq", "message")),
    # a trail written on a clock that went back (tests/cli/test_clock_steps.py)
    *(f"ClockStep.{f}" for f in ("seq", "at", "previous_seq", "previous_at")),
    # what the exports say of clocks that ran ahead (stderr's notes: tests/exports/
    # test_claimreview_ahead_redated.py, test_annotations_dated_ahead.py) and of XLSX cells
    # (tests/cli/test_export_json_cli.py)
    *(f"Redated.{f}" for f in ("claim_id", "seq", "at", "dated", "proved_by")),
    *(f"Undated.{f}" for f in ("claim_id", "at")),
    *(f"CutCell.{f}" for f in ("claim_id", "column", "length")),
    *(f"StoodIn.{f}" for f in ("claim_id", "column", "count")),
    # a trail stamped in another form (tests/exports/test_bundle_odd_stamps.py)
    *(f"OddStamp.{f}" for f in ("seq", "at")),
    # SQLite prints the copy's head; PostgreSQL the pg_dump command instead (and binds roles).
    *(
        ("workbench backup.count", "workbench backup.seq", "workbench backup.head")
        if PG_URL
        else (
            "workbench backup.command",
            "workbench backup.extension_schema",
            *(
                f"workbench user bind.{f}"
                for f in (
                    "user",
                    "before",
                    "changed",
                    "role_acts_as",
                    "session_acts_as",
                    "session_role",
                )
            ),
        )
    ),
}


def _fresh_database(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A second empty database at the current schema, for `import bundle`."""
    if PG_URL:
        from tests.conftest import _new_pg_database

        yield from _new_pg_database(migrated=True)
        return
    template: Path = request.getfixturevalue("sqlite_template")
    path = tmp_path / "restored.db"
    shutil.copyfile(template, path)
    yield f"sqlite:///{path}"


def _json(r: Result, args: tuple[str, ...]) -> Any:
    assert r.code == 0, (args, r.code, r.out, r.err)
    return json.loads(r.out)


def run_desk(db_url: str, tmp_path: Path, restored_url: str) -> list[tuple[str, Any]]:
    """The scenario's outputs, each with the command it documents."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REVISED, encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "mixed.txt").write_text(MIXED, encoding="utf-8")
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "same-url.html").write_text(PAGE_SAME_URL, encoding="utf-8")
    (tmp_path / "claims.csv").write_text(
        "quote,text\n3月2日发布数据,Released on 2 March\n", encoding="utf-8"
    )
    # The same row again, with a priority the claim has not: it differs, and is not applied;
    # and under an id no claim has: taken by its words, said in `other_ids`.
    (tmp_path / "claims-again.csv").write_text(
        "id,quote,text,priority\n999,3月2日发布数据,Released on 2 March,high\n", encoding="utf-8"
    )

    (tmp_path / "claims-old.csv").write_text(
        'id,quote,text\n1,"2020年,当他第一次读到CLIP论文时",'
        "Yan Junjie first read OpenAI's CLIP paper in 2020.\n",
        encoding="utf-8",
    )

    def cli(*args: str, user: str = "tester", url: str = db_url) -> Result:
        return run_in_process(args, env={"WORKBENCH_DB": url, "WORKBENCH_USER": user})

    outputs: list[tuple[str, Any]] = []
    for command, args in SCENARIO:
        if command == "import annotations":
            ok = cli("export", "annotations", "--doc", "1", "-o", "annotations.json")
            assert ok.code == 0, ok.err
        user = EDITOR if command in ("claim approve", "claim reject") else "tester"
        outputs.append((command, _json(cli(*args, "--json", user=user), args)))
    # A bundle an older release wrote, so that the restore says what it was upgraded from.
    restore = ("import", "bundle", str(OLD_BUNDLE), "--json")
    outputs.append(("import bundle", _json(cli(*restore, url=restored_url), restore)))
    # Its trail registers ᴍaria beside maria and holds her approval of maria's verdict: the
    # warnings audit verify and replay give of a restored desk, held to the document too.
    for args in (("audit", "verify", "--json"), ("audit", "replay", "--json")):
        outputs.append((" ".join(args[:2]), _json(cli(*args, url=restored_url), args)))
    # A check whose finding is its answer: a head noted that no event of the trail has is a
    # break with no event to name (exit 1, the report on stdout, nothing on stderr).
    unknown = ("audit", "verify", "--head", "0" * 63 + "1", "--json")
    r = cli(*unknown)
    assert (r.code, r.err) == (1, ""), (r.code, r.out, r.err)
    outputs.append(("audit verify", json.loads(r.out)))
    # Errors: refused (exit 1, with a reason and a hint) and bad usage (exit 2).
    for args, code in (
        (("claim", "status", "8", "verified", "--note", "x", "--json"), 1),
        (("claim", "show", "999", "--json"), 1),
        (("claim", "status", "8", "--json"), 2),
    ):
        r = cli(*args)
        assert r.code == code and r.out == "", (args, r.code, r.out, r.err)
        outputs.append(("error", json.loads(r.err)))
    return outputs


@pytest.fixture
def restored_url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _fresh_database(tmp_path, request)


def test_every_json_command_is_documented() -> None:
    """Each command with --json has its section in docs/json.md, and the scenario runs it."""
    shapes = parse_reference(DOC.read_text(encoding="utf-8"))
    commands = json_commands()
    missing = [c for c in commands if c not in shapes]
    assert not missing, f"docs/json.md has no section for {missing}"
    for c in commands:
        assert shapes[c].prints, f"docs/json.md: {c} has no `Prints:` line"
    run = {f"workbench {c}" for c, _ in SCENARIO} | {"workbench import bundle"}
    unrun = set(commands) - run - {f"workbench {c}" for c in NOT_IN_SCENARIO}
    assert not unrun, f"the scenario does not run {sorted(unrun)}"
    stale = {s for s in shapes if s.startswith("workbench ")} - set(commands)
    assert not stale, f"docs/json.md documents commands without --json: {sorted(stale)}"


def test_the_documented_fields_are_the_printed_keys(
    db_url: str, tmp_path: Path, restored_url: str
) -> None:
    """Every key a command printed is documented, every always-present field is printed, and
    each value has the documented type (on SQLite, and on PostgreSQL when the suite runs there)."""
    checker = Checker(parse_reference(DOC.read_text(encoding="utf-8")))
    problems: list[str] = []
    for command, value in run_desk(db_url, tmp_path, restored_url):
        if command == "error":
            problems.extend(checker.check(value, "ErrorOutput", "error"))
            continue
        section = f"workbench {command}"
        prints = checker.shapes[section].prints
        assert prints is not None, section
        problems.extend(checker.check(value, prints, command, own=section))
    assert not problems, "\n".join(problems)
    assert checker.unseen() == NOT_PRINTED_HERE, " ".join(
        sorted(checker.unseen() ^ NOT_PRINTED_HERE)
    )
