"""Usage mistakes a new user makes, through the real entry point: each is one line on stderr that
says what to do, with exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

Run = Callable[..., Outcome]


@pytest.fixture
def wb(db_url: str) -> Run:  # the CLI bound to this test's database
    def run(*args: str, stdin: bytes | None = b"", env: dict[str, str] | None = None) -> Outcome:
        base = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
        return run_cli(list(args), stdin=stdin, env={**base, **(env or {})})

    return run


def usage(r: Outcome) -> str:
    """The one line of a usage error (exit 2)."""
    assert r.crash is None, repr(r.crash)
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.err.startswith("error: ") and r.err.count("\n") == 1, r.err
    return r.err.removeprefix("error: ").rstrip("\n")


def refused(r: Outcome) -> str:
    """The one line of a refusal (exit 1)."""
    assert r.crash is None, repr(r.crash)
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.startswith("error: ") and r.err.count("\n") == 1, r.err
    return r.err.removeprefix("error: ").rstrip("\n")


@pytest.mark.parametrize(
    ("args", "name", "mended"),
    [
        (["claim", "list", "--as", "li"], "--as", "workbench --as li claim list"),
        (["claim", "list", "--db", "x.db"], "--db", "workbench --db x.db claim list"),
        (["claim", "list", "--db=x.db", "--open"], "--db", "workbench --db=x.db claim list --open"),
        (["claim", "--as", "li", "list"], "--as", "workbench --as li claim list"),
        (["--db", "a.db", "doc", "list", "--as"], "--as", "workbench --as NAME --db a.db doc list"),
        (["note", "add", "1", "a b", "--as", "li"], "--as", "workbench --as li note add 1 'a b'"),
    ],
)
def test_a_global_option_after_the_command_says_where_it_goes(
    wb: Run, args: list[str], name: str, mended: str
) -> None:
    # Click alone said "No such option '--as'. (Did you mean one of: '--all', '--csv', '--tag'?)"
    assert usage(wb(*args)) == (
        f"{name} is an option of workbench itself: put it before the command ({mended})"
    )


def test_other_unknown_options_keep_clicks_suggestions(wb: Run) -> None:
    assert "'--doc'" in usage(wb("claim", "list", "--dco"))
    assert usage(wb("claim", "list", "--bogus")).startswith("No such option '--bogus'.")


def test_a_misplaced_global_option_in_json_mode(wb: Run) -> None:
    r = wb("claim", "list", "--json", "--as", "li")
    assert r.code == 2
    error = json.loads(r.err)["error"]
    assert error["kind"] == "usage"
    assert error["message"].startswith("--as is an option of workbench itself")


@pytest.mark.parametrize("typo", ["clam", "cliam", "claims"])
def test_a_mistyped_command_gets_the_close_name(wb: Run, typo: str) -> None:
    assert usage(wb(typo, "list")) == (
        f"No such command '{typo}'. Did you mean 'claim'? (see `workbench --help`)"
    )


def _typo(name: str) -> str:
    return name + name[-1]


def test_every_group_suggests_close_names_alike(wb: Run) -> None:
    """The top level (a lazy group) and every group under it answer a typo the same way."""
    import click

    from workbench.cli import COMMANDS, cli

    ctx = click.Context(cli)
    groups = 0
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        line = usage(wb(_typo(name)))
        assert line.startswith(f"No such command '{_typo(name)}'. ") and f"'{name}'" in line, line
        if isinstance(command, click.Group):
            groups += 1
            for sub in command.commands:
                line = usage(wb(name, _typo(sub)))
                assert "Did you mean" in line and f"'{sub}'" in line, line
    assert groups >= 10
    assert usage(wb("zzz")) == "No such command 'zzz'. (see `workbench --help`)"


def test_an_empty_database_setting_is_refused_not_the_default_file(
    wb: Run, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--db ""` and WORKBENCH_DB= quietly opened ./workbench.db; refused as an empty
    WORKBENCH_USER is (a lost value must not pick another database)."""
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the test's own database is ../workbench.db
    line = usage(wb("--db", "", "doc", "list"))
    assert line.startswith("the database needs a name: an empty one would open ./workbench.db")
    for empty in ("", " "):
        line = usage(wb("doc", "list", env={"WORKBENCH_DB": empty}))
        assert line.startswith("WORKBENCH_DB is set but empty: set it to a SQLite file")
        # Not even a write creates the default file.
        usage(wb("doc", "add", "-", stdin=b"text", env={"WORKBENCH_DB": empty}))
    assert not (tmp_path / "elsewhere" / "workbench.db").exists()
    # --db given wins over an empty environment, as it wins over any.
    assert wb("--db", db_url, "doc", "list", env={"WORKBENCH_DB": ""}).code == 0


@pytest.mark.parametrize("empty", ["", "  "])
@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["claim", "assign", "1", "--to"], "--to"),
        # Click names an option of two names by both (newuser: --owner is --assignee).
        (["claim", "list", "--assignee"], "--assignee' / '--owner"),
        (["claim", "list", "--owner"], "--assignee' / '--owner"),
        (["claim", "list", "--speaker"], "--speaker"),
        (["audit", "export", "--actor", "tester", "--actor"], "--actor"),
        (["user", "add"], "NAME"),
    ],
)
def test_an_empty_person_name_is_bad_usage(
    wb: Run, args: list[str], option: str, empty: str
) -> None:
    """A person's name given empty is bad usage (exit 2), as an empty --as is: `claim assign
    --to ""` and `user add ""` were refused with exit 1, `claim list --assignee ""` (and
    --speaker) listed every claim and `audit export --actor ""` exported nothing with exit 0.
    Told before any claim is read (claim #1 need not exist)."""
    line = usage(wb(*args, empty))
    assert line.startswith(f"Invalid value for '{option}': a person's name is needed"), line


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["claim", "add", "1", "--text", "x", "--start", "5"], "pin the claim to its source"),
        (["claim", "add", "1", "--text", "x", "--end", "5"], "pin the claim to its source"),
        (["claim", "add", "1", "--text", "x"], "give --quote, or both --start and --end"),
        (
            ["claim", "add", "1", "--text", "x", "--quote", "a", "--start", "1", "--end", "2"],
            "a claim is pinned by a quote or by offsets, not both",
        ),
        (
            ["claim", "add", "1", "--text", "x", "--start", "0", "--end", "2", "--occurrence", "2"],
            "an occurrence number goes with a quote",
        ),
        (["claim", "list", "--assignee", "bob", "--unassigned"], "contradict each other"),
        (["claim", "list", "--mine", "--unassigned"], "contradict each other"),
        # Session 45's new user: these printed "no claims match" (only open claims are either).
        (
            ["claim", "list", "--status", "verified", "--open"],
            "'open' and status verified contradict each other",
        ),
        (
            ["claim", "list", "--overdue", "--status", "false", "--status", "opinion"],
            "'overdue' and status false, opinion contradict each other",
        ),
        # trial211: these printed "no claims match" (only a verdict is flagged for re-review).
        (
            ["claim", "list", "--flagged", "--status", "unverified"],
            "'flagged' and status unverified contradict each other",
        ),
        (
            ["claim", "list", "--status", "withdrawn", "--status", "in_progress", "--flagged"],
            "'flagged' and status withdrawn, in_progress contradict each other",
        ),
        (["doc", "add", "a.txt", "--user-agent", "x"], "a user agent goes with a URL"),
        (["doc", "update", "1", "a.txt", "--user-agent", "x"], "a user agent goes with a URL"),
        # trial fetch: a line break in it escaped as http.client's ValueError (a traceback), a
        # character outside Latin-1 as "the output could not be written in latin-1".
        (
            ["doc", "add", "http://127.0.0.1:9/", "--user-agent", "x\r\nX-Injected: 1"],
            "the user agent 'x\\r\\nX-Injected: 1' holds a character a User-Agent header cannot",
        ),
        (
            ["doc", "update", "1", "http://127.0.0.1:9/", "--user-agent", "桌面/1"],
            "the user agent '桌面/1' holds a character a User-Agent header cannot",
        ),
        (
            ["doc", "add", "a.txt", "http://127.0.0.1:9/", "--user-agent", "a\tb"],
            "the user agent 'a\\tb' holds a character a User-Agent header cannot",
        ),
        # review rfetch: with no FILE (the stored URL fetched again) it was exit 1, after the
        # desk was read, where `doc update 1 URL --user-agent` said it as bad usage.
        (
            ["doc", "update", "1", "--user-agent", "a\tb"],
            "the user agent 'a\\tb' holds a character a User-Agent header cannot",
        ),
        (
            ["audit", "export", "--since", "2025-01-02", "--until", "2025-01-01"],
            "--since 2025-01-02 is later than --until 2025-01-01",
        ),
    ],
)
def test_options_that_do_not_go_together_are_bad_usage(wb: Run, args: list[str], told: str) -> None:
    """Exit 2, as `--type bogus` is: told before any document is read (claim #1, document #1
    and a.txt need not exist)."""
    line = usage(wb(*args))
    assert told in line and line.endswith(f"(see `workbench {' '.join(args[:2])} --help`)")


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["audit", "verify", "--head", "deadbeef"], "head 'deadbeef' is not a SHA-256 hash"),
        (["audit", "verify", "--head", "xyz", "--file", "t.jsonl"], "is not a SHA-256 hash"),
        (["claim", "list", "--search", ""], "the search text is empty; give --search TEXT"),
        (["claim", "list", "--search", "  ", "--json"], "the search text is empty"),
        # a revision, not an offset (session 45's team trial read "offset must be 0 or more")
        (["doc", "changes", "1", "--since", "-1"], "revision must be 0 or more (got -1)"),
    ],
)
def test_a_malformed_option_value_is_bad_usage(wb: Run, args: list[str], told: str) -> None:
    """A trial: `audit verify --head deadbeef` and `claim list --search ''` exited 1 where
    `--count -1` and `--limit -1` exit 2. Told before anything is read (t.jsonl need not
    exist)."""
    r = wb(*args)
    if "--json" in args:
        assert r.code == 2 and json.loads(r.err)["error"]["kind"] == "usage", r.err
        assert told in json.loads(r.err)["error"]["message"]
    else:
        assert told in usage(r)


def test_a_language_that_is_no_tag_is_bad_usage_where_it_is_set(wb: Run, tmp_path: Path) -> None:
    """`doc edit 1 --lang 中文` was stored, and the report then wrote lang="中文"."""
    (tmp_path / "a.txt").write_text("一篇。", encoding="utf-8")
    for args in (["doc", "add", str(tmp_path / "a.txt")], ["doc", "edit", "1"]):
        line = usage(wb(*args, "--lang", "中文"))
        assert line.startswith("Invalid value for '--lang': '中文' is not a language tag: give")
        assert "zh, en or zh-Hant" in line
    assert wb("doc", "add", str(tmp_path / "a.txt"), "--lang", "zh-Hant").code == 0
    assert wb("doc", "edit", "1", "--lang", "").code == 0  # '' clears, as before
    assert json.loads(wb("doc", "show", "1", "--json").out)["language"] is None


@pytest.mark.parametrize(
    "args",
    [
        ["doc", "edit", "1", "--url"],
        ["doc", "add", "a.txt", "--url"],
        ["evidence", "add", "1", "--stance", "supports", "--url"],
        ["export", "claimreview", "--org", "D", "--org-url"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
@pytest.mark.parametrize(
    ("value", "told"),
    [
        ("ftp://x", "'ftp://x' is not an http(s) URL: write it as https://host/path"),
        ("notaurl", "'notaurl' is not an http(s) URL"),
        ("https://", "'https://' is not an http(s) URL"),
        ("http://a b", "'http://a b' is not an http(s) URL"),
        ("https://a.org/\nx", "the URL: character 15 is the control character U+000A"),
        ("https://a.org/" + "x" * 2000, "the URL is 2,014 characters; the limit is 2,000"),
        # review rfetch: stored for a reader to open, though `doc add URL` refuses to fetch it.
        (
            "http://a..b/",
            "'http://a..b/' names no host that can be looked up (a..b: a part of it between "
            "dots is empty or over 63 characters)",
        ),
        ("http://127.0.0.1%2F.x/", "'http://127.0.0.1%2F.x/' names no host that can be looked up"),
    ],
    ids=["ftp", "no-scheme", "no-host", "space", "newline", "too-long", "empty-label", "slash"],
)
def test_a_url_that_is_no_http_url_is_bad_usage(
    wb: Run, tmp_path: Path, args: list[str], value: str, told: str
) -> None:
    """A trial: `doc edit 1 --url ftp://x`, `evidence add 5 --url notaurl` and `export
    claimreview --org-url notaurl` exited 1, as if refused, where a malformed date exits 2.
    Told before anything is read: document 1 and claim 1 need not exist."""
    (tmp_path / "a.txt").write_text("一篇。", encoding="utf-8")
    given = [str(tmp_path / a) if a == "a.txt" else a for a in args]
    line = usage(wb(*given, value))
    assert line.startswith(f"Invalid value for '{args[-1]}': "), line
    assert told in line, line
    r = wb(*given, value, *(["--json"] if args[0] != "export" else []))
    assert r.code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claimreview", "--org", "D", "--org-url", "https://d.org", "--claim"],
        ["export", "claimreview", "--org", "D", "--org-url", "https://d.org", "--doc"],
        ["export", "annotations", "--doc"],
        ["export", "claims", "--doc"],
        ["import", "claims", "t.csv", "--doc"],
        ["import", "annotations", "t.json", "--doc"],
        ["report", "-o", "r.html"],
    ],
    ids=lambda a: " ".join(a[:2]) + " " + a[-1],
)
@pytest.mark.parametrize(
    ("value", "told"),
    [
        ("0", "id 0 is out of range: ids run from 1 to 2147483647"),
        ("99999999999999999999", "id 99999999999999999999 is out of range"),
        ("x", "'x' is not a valid integer"),
    ],
)
def test_an_id_option_out_of_range_is_bad_usage_everywhere(
    wb: Run, args: list[str], value: str, told: str
) -> None:
    """`export claimreview --claim 0` said "no claim #0" (exit 1) and a 20-digit id reached
    the driver, where `claim show 0` is bad usage: every option naming an id is range-checked
    as typed (ID). Told before anything is read (t.csv need not exist)."""
    line = usage(wb(*args, value))
    assert told in line, line


def test_a_blank_url_clears_a_documents_and_is_no_evidence_source(wb: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("一篇。", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "a.txt"), "--url", "https://a.org/x").code == 0
    assert wb("doc", "edit", "1", "--url", "").code == 0  # '' clears, as before
    assert json.loads(wb("doc", "show", "1", "--json").out)["url"] is None
    assert "'' is not an http(s) URL" in usage(
        wb("evidence", "add", "1", "--stance", "supports", "--url", "")
    )


@pytest.mark.parametrize(
    ("template", "told"),
    [
        ("https://x.org/{id}/{bogus}", "has the placeholder {bogus}"),
        ("https://x.org/{claim_id}", "has the placeholder {claim_id}"),
        ("https://x.org/{id}}", "has an unpaired brace"),
        ("https://x.org/checks", "has no {id} where the claim id goes"),
    ],
)
def test_a_review_url_template_holds_id_and_nothing_else(wb: Run, template: str, told: str) -> None:
    """{bogus} was published literally; only a missing {id} was caught (and with exit 1)."""
    args = ["export", "claimreview", "--org", "D", "--org-url", "https://d.org"]
    line = usage(wb(*args, "--url-template", template))
    assert line.startswith(f"Invalid value for '--url-template': the review URL template {told}")
    if "{id}" in template:
        assert "the only placeholder is {id}, the claim id" in line
    assert wb(*args, "--url-template", "https://x.org/c/{id}").code == 0


def test_an_output_that_is_a_directory_is_named_as_such(wb: Run, tmp_path: Path) -> None:
    """`report 1 -o /tmp` said "Is a directory: /.tmp.e1m42gno", an internal temporary file."""
    (tmp_path / "a.txt").write_text("一篇。", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "a.txt")).code == 0
    folder = tmp_path / "out"
    folder.mkdir()
    line = refused(wb("report", "1", "-o", str(folder)))
    assert line.startswith(f"-o {folder} is a directory: name the HTML file to write")
    assert ".tmp" not in line and "--all" in line
    # Every other command that writes a file says so too: a folder there is what the disk
    # holds, refused (exit 1) as a missing one is (docs/errors.md, "A file's name"), where
    # Click's check said it as bad usage (exit 2).
    for args in (
        ["backup", str(folder)],
        ["export", "bundle", str(folder)],
        ["export", "claims", "-o", str(folder)],
        ["export", "annotations", "-o", str(folder)],
        ["audit", "export", "-o", str(folder)],
    ):
        assert refused(wb(*args)) == f"cannot write {folder}: it is a directory", args
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".out.*"))


def test_output_file_names_the_directory_not_its_temporary_file(tmp_path: Path) -> None:
    import click

    from workbench.cli.common import output_file

    with (
        pytest.raises(click.ClickException, match=f"cannot write {tmp_path}: it is a directory"),
        output_file(str(tmp_path)) as out,
    ):
        out.write("x")


def test_a_chinese_desks_files_are_refused_saying_how_to_convert_them(
    wb: Run, tmp_path: Path
) -> None:
    """Refused (exit 1) as before, never decoded by a guess; the line now says what the bytes
    look like and the iconv command, for a file and for standard input alike. UTF-16 with its
    byte-order mark (Notepad's "Unicode") is read: the mark says the encoding; without the
    mark it is refused, said to look like UTF-16."""
    text = "公司在2021年底成立。"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    r = wb("doc", "add", str(tmp_path / "gbk.txt"))
    assert r.code == 1 and r.err == (
        f"error: {tmp_path / 'gbk.txt'} is not valid UTF-8: bad byte 0xb9 at byte offset 0; it "
        "looks like GB18030/GBK (Chinese); convert it first, e.g. iconv -f GB18030 -t UTF-8 "
        "FILE > FILE.utf8\n"
    )
    (tmp_path / "u16le.txt").write_bytes(text.encode("utf-16-le"))
    r = wb("doc", "add", str(tmp_path / "u16le.txt"))
    assert r.code == 1 and "looks like UTF-16 without a byte-order mark (UTF-16LE)" in r.err
    assert "iconv -f UTF-16LE -t UTF-8" in r.err
    # A Western desk's Windows file: a £ as byte 0xa3 (a trial was told only "convert it").
    (tmp_path / "latin1.txt").write_bytes("The fee rose to £30, said Mr Müller.".encode("cp1252"))
    r = wb("doc", "add", str(tmp_path / "latin1.txt"))
    assert r.code == 1 and r.err == (
        f"error: {tmp_path / 'latin1.txt'} is not valid UTF-8: bad byte 0xa3 at byte offset 16; "
        "it looks like Windows-1252/Latin-1 (Western European); convert it first, e.g. iconv "
        "-f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8\n"
    )
    assert wb("doc", "add", str(tmp_path / "u16.txt")).code == 0
    assert wb("claim", "add", "1", "--text", "founded", "--quote", "2021年底").code == 0
    for stdin in (text.encode("gbk"), text.encode("utf-16-le")):
        r = wb("note", "add", "1", "-", stdin=stdin)
        assert r.code == 1 and r.err.startswith("error: standard input is not ")
        assert "iconv -f " in r.err and r.err.count("\n") == 1
    assert json.loads(wb("note", "list", "1", "--json").out) == []
    assert wb("note", "add", "1", "-", stdin=text.encode("utf-16")).code == 0
    assert [n["body"] for n in json.loads(wb("note", "list", "1", "--json").out)] == [text]


def test_a_published_date_to_come_is_refused_as_an_accessed_date_is(
    wb: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new-user trial: `doc edit 3 --published 2099-01-01` was stored (and reached
    ClaimReview's datePublished) while `evidence add --accessed 2030-01-01` was refused. Both
    are a wrong value, so bad usage (exit 2), told before anything is read, as a malformed date
    is (a later trial found them exiting 1)."""
    import datetime as dt

    import workbench.domain.clock as clock

    # the refusal says today's date by this computer's clock: the test's own
    moment = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "now", lambda: moment)
    today = "(today is 2026-12-05 in UTC by this computer's clock, at most 2026-12-06 anywhere)"
    (tmp_path / "a.txt").write_text("The council voted 7-2 on Tuesday.", encoding="utf-8")
    assert usage(wb("doc", "add", str(tmp_path / "a.txt"), "--published", "2099-01-01")) == (
        f"Invalid value for '--published': date 2099-01-01 is in the future {today} "
        "(see `workbench doc add --help`)"
    )
    assert wb("doc", "add", str(tmp_path / "a.txt"), "--published", "2025-01-01").code == 0
    assert "date 2099-01-01 is in the future" in usage(
        wb("doc", "edit", "1", "--published", "2099-01-01")
    )
    r = wb("doc", "edit", "1", "--published", "２０９９年1月1日", "--json")
    assert r.code == 2 and json.loads(r.err)["error"]["kind"] == "usage"
    assert wb("claim", "add", "1", "--text", "Vote", "--quote", "voted 7-2").code == 0
    args = ["evidence", "add", "1", "--url", "https://a.example", "--stance", "context"]
    assert usage(wb(*args, "--accessed", "2030-01-01")) == (
        f"Invalid value for '--accessed': date 2030-01-01 is in the future {today} "
        "(see `workbench evidence add --help`)"
    )
    assert json.loads(wb("evidence", "list", "1", "--json").out) == []
    assert json.loads(wb("doc", "show", "1", "--json").out)["published"] == "2025-01-01"


@pytest.mark.parametrize("key", ["review.required", "review.distinct_roles"])
@pytest.mark.parametrize("value", ["maybe", "", "tru", "2"])
def test_a_setting_given_a_bad_value_is_bad_usage(
    wb: Run, counts: Callable[[], dict[str, int]], key: str, value: str
) -> None:
    """A trial: `config set review.required maybe` exited 1, as a refusal; a value that is not
    one the setting takes is a wrong argument (exit 2), told before anything is opened."""
    before = counts()
    assert usage(wb("config", "set", key, value)) == (
        f"{key} takes true or false, not {value!r} (see `workbench config set --help`)"
    )
    r = wb("config", "set", key, value, "--json")
    assert r.code == 2 and json.loads(r.err)["error"]["kind"] == "usage"
    assert counts() == before  # no setting, no event


@pytest.mark.parametrize("command", ["get", "set"])
def test_an_unknown_setting_is_bad_usage(wb: Run, command: str) -> None:
    value = ["true"] if command == "set" else []
    assert usage(wb("config", command, "review.requird", *value)).startswith(
        "unknown setting 'review.requird'; known settings: review.required, review.distinct_roles"
    )


def test_every_spelling_a_setting_takes_still_sets_it(wb: Run) -> None:
    for value, shown in (("YES", "true"), (" off ", "false"), ("1", "true"), ("No", "false")):
        r = wb("config", "set", "review.required", value)
        assert (r.code, r.out) == (0, f"review.required = {shown}\n"), r.err


def test_seed_load_says_a_document_without_a_title_and_a_bad_file_in_its_words(
    cli: Run, tmp_path: Path
) -> None:
    """trial47: "added document #1 ()" for a document with no title; and Pydantic's words
    ("Input should be a valid dictionary or instance of SeedDocument", claims counted from 0)."""
    (tmp_path / "a.txt").write_text("Storm Ivy brought rain.\n", encoding="utf-8")
    seed = tmp_path / "s.yaml"
    seed.write_text("document:\n  file: a.txt\nclaims:\n  - quote: Storm\n    text: a\n")
    r = cli("seed", "load", str(seed))
    assert (r.code, r.out) == (0, "added document #1; 1 claim added, 0 already present\n")
    seed.write_text("document: a.txt\nclaims: []\n")
    r = cli("seed", "load", str(seed))
    assert r.code == 1 and r.err == (
        f"error: {seed}: document: should be keys with values (key: value), not a single value\n"
    )
    seed.write_text(
        "document:\n  file: a.txt\nclaims:\n  - quote: Storm\n    text: a\n"
        "  - quote: Storm\n    text: b\n    type: bogus\n"
    )
    r = cli("seed", "load", str(seed))
    assert r.code == 1 and r.err.startswith(f"error: {seed}: claim 2: type: unknown claim type")


def test_a_missing_status_is_answered_with_the_statuses_that_can_be_set(wb: Run) -> None:
    """trial52: `claim status 33` offered in_review, which `claim status 33 in_review` then
    refused; a mistyped status was already answered without it."""
    for args in (["claim", "status", "1"], ["claim", "status", "1", "bogus"]):
        r = wb(*args)
        assert r.code == 2 and "unverified" in r.err and "in_review" not in r.err, r.err


@pytest.mark.parametrize(
    "args",
    [
        ["claim", "assign", "3", "bob"],
        ["claim", "assign", "3", "4", "maria"],
        ["claim", "assign", "3", "玛丽亚"],
    ],
)
def test_an_owner_named_among_the_ids_is_told_to_use_to(wb: Run, args: list[str]) -> None:
    """newuser: `claim tag 3 money`, `claim priority 3 high` and `claim due 3 2026-12-01` take
    their value after the IDs, so a new user typed `claim assign 3 bob`, and was told only
    "'bob' is not a valid integer": nothing said the owner is given with --to. Told before
    anything is read (claim #3 need not exist)."""
    name = args[-1]
    line = usage(wb(*args))
    assert f"{name!r} is not a claim ID" in line, line
    assert f"--to {name}" in line, line
    assert line.endswith("(see `workbench claim assign --help`)"), line
    # A number that is no id is still told as one, and a name given with --to still works.
    assert "id 0 is out of range" in usage(wb("claim", "assign", "0", "--to", "bob"))


def test_claim_list_takes_owner_as_every_table_names_the_assignee(wb: Run, tmp_path: Path) -> None:
    """newuser: the list's column is `owner`, `claim show` says `owner maria`, the board counts
    `by owner` and `stats --by owner`; a new user asked `claim list --owner maria` and was
    offered --open, --overdue or --sort (the filter was spelt only --assignee). --owner is the
    same filter: the same claims, and bad usage beside --unassigned as --assignee is."""
    (tmp_path / "a.txt").write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "a.txt")).code == 0
    assert wb("claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲").code == 0
    assert wb("claim", "add", "1", "--quote", "乙说了另一句话", "--text", "乙").code == 0
    assert wb("claim", "assign", "2", "--to", "maria").code == 0
    r = wb("claim", "list", "--owner", "maria", "--json")
    assert r.code == 0, r.err
    assert [c["id"] for c in json.loads(r.out)] == [2]
    assert r.out == wb("claim", "list", "--assignee", "maria", "--json").out
    assert "not both" in usage(wb("claim", "list", "--owner", "maria", "--unassigned"))


def test_approving_a_claim_not_in_review_says_what_puts_one_there(wb: Run, tmp_path: Path) -> None:
    """newuser: on a fresh desk (review.required off, as `config set` finds it) a new user
    gave a verdict, then asked a second person to `claim approve` it, and was told only
    "claim #1 is not in review (it is false)"; approving an open claim said "(it is
    in_progress)". Neither said that a verdict is what goes into review, nor that it does so
    only with review.required on."""
    (tmp_path / "a.txt").write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "a.txt")).code == 0
    assert wb("claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲").code == 0
    assert wb("claim", "status", "1", "in_progress").code == 0

    line = refused(wb("claim", "approve", "1", env={"WORKBENCH_USER": "editor"}))
    assert line.startswith("claim #1 is not in review (it is in_progress); "), line
    assert "`workbench claim status 1 <verdict> --note TEXT`" in line, line
    assert "`workbench config set review.required true`" in line, line
    hint = json.loads(wb("claim", "approve", "1", "--json", env={"WORKBENCH_USER": "editor"}).err)[
        "error"
    ]["hint"]
    assert hint == {"kind": "run", "step": "propose_first", "claim_id": 1, "review_required": False}

    assert wb("claim", "status", "1", "opinion", "--note", "a view").code == 0
    line = refused(wb("claim", "approve", "1", env={"WORKBENCH_USER": "editor"}))
    assert line.startswith("claim #1 is not in review (it is opinion); review.required is off"), (
        line
    )
    assert "`workbench config set review.required true`" in line, line

    # With review.required on, an open claim is told to propose; nothing of the setting.
    assert wb("config", "set", "review.required", "true").code == 0
    assert wb("claim", "status", "1", "in_progress", "--note", "again").code == 0
    line = refused(wb("claim", "reject", "1", "--note", "no", env={"WORKBENCH_USER": "editor"}))
    assert "`workbench claim status 1 <verdict> --note TEXT`" in line, line
    assert "review.required" not in line, line


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # Ids mistyped (a list with commas, a range, a fraction, an empty word): no owner's
        # name, so not offered as one (`--to 3,4` would assign claim #3 to a person "3,4").
        (["claim", "assign", "3,4", "--to", "bob"], "'3,4' is not a valid integer"),
        (["claim", "assign", "3-5", "--to", "bob"], "'3-5' is not a valid integer"),
        (["claim", "assign", "3", "1.5", "--to", "bob"], "'1.5' is not a valid integer"),
        (["claim", "assign", "3", "", "--to", "bob"], "'' is not a valid integer"),
        # An owner given with --to already (before or after the IDs), or --clear asked for:
        # the word is no ID, and no `--to bob` is suggested beside them.
        (["claim", "assign", "3", "bob", "--to", "alice"], "'bob' is not a claim ID"),
        (["claim", "assign", "--to", "alice", "3", "bob"], "'bob' is not a claim ID"),
        (["claim", "assign", "3", "bob", "--clear"], "'bob' is not a claim ID"),
    ],
)
def test_a_word_among_assigned_ids_is_offered_as_the_owner_only_where_it_can_be(
    wb: Run, args: list[str], said: str
) -> None:
    """rnewuser, reviewing 61b66256: every word among `claim assign`'s IDs that was no number
    was told "'3,4' is not a claim ID; an owner is given with --to (claim assign ID... --to
    3,4)", and `claim assign 3 bob --to alice` was told to give `--to bob`. Exit 2 still."""
    line = usage(wb(*args))
    assert said in line, line
    assert "an owner is given with --to" not in line, line
    assert "claim assign ID... --to" not in line, line


@pytest.mark.parametrize("spelling", ["--owner", "--assignee"])
def test_an_owner_filter_is_named_as_it_was_typed(wb: Run, spelling: str) -> None:
    """rnewuser, reviewing 73f365ff: `claim list --owner maria --mine` was told "--mine and
    --assignee both name an owner", and, once people are registered, `claim list --owner
    marya` "--assignee 'marya' is not a registered user": the new user who typed --owner (the
    README never names --assignee) was told of an option they had not given."""
    line = usage(wb("claim", "list", spelling, "maria", "--mine"))
    assert f"--mine and {spelling} both name an owner" in line, line
    assert wb("user", "add", "maria").code == 0
    line = refused(wb("claim", "list", spelling, "marya"))
    assert line.startswith(f"{spelling} 'marya' is not a registered user"), line
    r = wb("claim", "list", spelling, "marya", "--json")
    assert json.loads(r.err)["error"]["message"].startswith(f"{spelling} 'marya'"), r.err


def test_an_approved_verdict_is_not_told_it_had_no_review(wb: Run, tmp_path: Path) -> None:
    """rnewuser, reviewing 3e410d6c: a verdict a second reviewer approved while review.required
    was on, with a note added since (so the approval is not the claim's latest event) and the
    setting off now, was refused a second approval with "review.required is off: a verdict
    stands when given, with no second reviewer" (review_off, docs/errors.md: "a verdict given
    while it is off: it had no review"), though ed had approved it. Asked: who approved it,
    as a refusal says when the approval is the latest event (review57)."""
    (tmp_path / "a.txt").write_text("甲说了一句话。", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "a.txt")).code == 0
    assert wb("claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲").code == 0
    assert wb("config", "set", "review.required", "true").code == 0
    # One database role for every person here (on PostgreSQL): the names alone decide.
    assert wb("config", "set", "review.distinct_roles", "false").code == 0
    assert wb("claim", "status", "1", "opinion", "--note", "a view").code == 0
    assert wb("claim", "approve", "1", env={"WORKBENCH_USER": "ed"}).code == 0
    assert wb("note", "add", "1", "read again later").code == 0
    assert wb("config", "set", "review.required", "false").code == 0
    r = wb("claim", "approve", "1", "--json", env={"WORKBENCH_USER": "ann"})
    line = refused(wb("claim", "approve", "1", env={"WORKBENCH_USER": "ann"}))
    assert line.startswith("claim #1 is not in review (it is opinion): ed approved it at "), line
    assert "no second reviewer" not in line, line
    error = json.loads(r.err)["error"]
    assert error["reason"] == "not_in_review" and "hint" not in error, error
