"""The workflow through the real CLI: evidence, sign-off, desk commands, queries, stats."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import err_line, ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def setup_claims(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="只有四家公司。单次高达1500万美金。首个线性注意力模型。"))
    for quote, text in (
        ("只有四家公司", "four firms"),
        ("1500万美金", "US$15M"),
        ("首个线性注意力模型", "first linear attention"),
    ):
        ok(cli("claim", "add", "1", "--text", text, "--quote", quote))


def test_evidence_verdict_and_sign_off(cli: Run, tmp_path: Path) -> None:
    setup_claims(cli)
    archived = tmp_path / "transcript.txt"
    archived.write_bytes("访谈记录 transcript\n".encode())
    err_line(cli("claim", "status", "2", "false", "--note", "x"), 1, "evidence")
    r = ok(
        cli(
            "evidence",
            "add",
            "2",
            "--file",
            str(archived),
            "--stance",
            "refutes",
            "--title",
            "Interview transcript",
            "--json",
        )
    )
    ev = json.loads(r.out)
    assert ev["kind"] == "file" and ev["size"] == archived.stat().st_size
    restored = tmp_path / "restored.txt"
    ok(cli("evidence", "get", str(ev["id"]), "--output", str(restored)))
    assert restored.read_bytes() == archived.read_bytes()
    err_line(
        cli("evidence", "add", "2", "--url", "www.example.com", "--stance", "supports"),
        2,
        "not an http",
    )
    err_line(
        cli("evidence", "add", "2", "--url", "https://a.b", "--stance", "maybe"),
        2,
        "'maybe' is not one of",
    )
    err_line(cli("evidence", "add", "2", "--citation", "", "--stance", "context"), 2, "empty")

    ok(cli("config", "set", "review.required", "true"))
    assert ok(cli("config", "get", "review.required")).out.strip() == "true"
    # One database role for every test on PostgreSQL: the role rule is tested in test_signoff.
    ok(cli("config", "set", "review.distinct_roles", "false"))
    r = ok(
        cli(
            "--as",
            "maria",
            "claim",
            "status",
            "2",
            "false",
            "--note",
            "The company says US$5M",
            "--json",
        )
    )
    proposed = json.loads(r.out)
    assert proposed["status"] == "in_review" and proposed["proposed_status"] == "false"
    assert "proposed" in r.err
    err_line(cli("--as", "maria", "claim", "approve", "2"), 1, "different reviewer")
    r = ok(cli("--as", "editor", "claim", "approve", "2", "--note", "Checked.", "--json"))
    final = json.loads(r.out)
    assert final["status"] == "false" and final["rating"] == {"value": 1, "label": "False"}
    show = ok(cli("claim", "show", "2")).out
    assert "rating   False (1/5)" in show and "Interview transcript" in show
    assert "status: in_review -> false" in show


def test_the_proposer_is_told_what_they_can_do_with_their_proposal(cli: Run) -> None:
    """A trial: the proposer, changing their mind, was told to approve or reject the claim,
    though approving their own verdict is refused; they are told a second reviewer approves or
    rejects it, and that rejecting it themselves withdraws it."""
    setup_claims(cli)
    ok(cli("evidence", "add", "1", "--citation", "annual report", "--stance", "supports"))
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("--as", "maria", "claim", "status", "1", "verified", "--note", "the report says so"))
    r = cli("--as", "maria", "claim", "status", "1", "in_progress", "--note", "not sure")
    assert r.code == 1 and r.err == (
        "error: claim #1 is in review (verified proposed by maria); a second reviewer approves "
        "or rejects it first; to withdraw it, `workbench claim reject 1 --note TEXT` (back to "
        "in_progress)\n"
    )
    hint = json.loads(cli("--as", "maria", "claim", "status", "1", "in_progress", "--json").err)[
        "error"
    ]["hint"]
    assert hint == {"kind": "run", "step": "review", "claim_id": 1, "proposed_by": "maria",
                    "own_proposal": True}  # fmt: skip
    # anyone else is told to review it
    err_line(
        cli("--as", "editor", "claim", "status", "1", "false", "--note", "x"),
        1,
        "in review (verified proposed by maria); `workbench claim approve 1` or "
        "`workbench claim reject 1 --note TEXT` it first",
    )
    # and the proposer withdraws it as the hint says
    r = ok(cli("--as", "maria", "claim", "reject", "1", "--note", "not sure"))
    assert r.out == "claim #1: rejected, back to in_progress\n"


def test_a_registered_desk_assigns_claims_to_its_people(cli: Run) -> None:
    setup_claims(cli)
    ok(cli("user", "add", "alice"))
    # a typo would hand the claim to nobody (the new-user trial's `--to wnag`)
    err_line(
        cli("--as", "alice", "claim", "assign", "1", "--to", "alcie"),
        1,
        "'alcie' is not a registered user of this desk; did you mean alice?",
    )
    ok(cli("--as", "alice", "claim", "assign", "1", "--to", "Alice"))
    # whoever acts is checked the same way, and so is whose queue --mine shows
    err_line(
        cli("--as", "alcie", "note", "add", "1", "a note"),
        1,
        "'alcie' is not a registered user of this desk; did you mean alice? Act as one",
    )
    err_line(
        cli("--as", "alcie", "claim", "list", "--mine"),
        1,
        "'alcie' is not a registered user of this desk; did you mean alice?",
    )
    assert "four firms" in ok(cli("--as", "alice", "claim", "list", "--mine")).out


def test_the_first_unchecked_assignment_says_names_are_not_checked(cli: Run) -> None:
    setup_claims(cli)
    hint = (
        "no people are registered: any name is accepted; "
        "`workbench user add NAME` makes assignments checked\n"
    )
    r = ok(cli("claim", "assign", "1", "--to", "mraco"))
    assert r.err == hint and r.out == "claim #1: assigned to mraco\n"
    assert ok(cli("claim", "assign", "2", "--to", "marco")).err == ""


def test_a_status_or_type_typed_in_capitals_is_the_same_name(cli: Run) -> None:
    """A trial: `claim status 13 Verified` was refused; the names are lower case, stored so."""
    setup_claims(cli)
    assert ok(cli("claim", "status", "1", "In_Progress")).out == (
        "claim #1: unverified -> in_progress\n"
    )
    listed = json.loads(ok(cli("claim", "list", "--status", "IN_PROGRESS", "--json")).out)
    assert [(c["id"], c["status"]) for c in listed] == [(1, "in_progress")]
    # A mistyped status is answered with those that can be set (not in_review, proposed by a
    # verdict under review.required).
    r = cli("claim", "status", "1", "flase", "--note", "x")
    assert r.code == 2 and "'flase' is not one of 'unverified', 'in_progress'" in r.err
    assert "in_review" not in r.err
    ok(cli("claim", "edit", "2", "--type", "Quantity"))
    assert json.loads(ok(cli("claim", "show", "2", "--json")).out)["type"] == "quantity"


def test_desk_commands_and_queries(cli: Run) -> None:
    setup_claims(cli)
    ok(cli("claim", "assign", "1", "2", "--to", "alice"))
    err_line(cli("claim", "assign", "1", "99", "--to", "bob"), 1, "#99")
    assert [c["assignee"] for c in json.loads(ok(cli("claim", "list", "--json")).out)] == [
        "alice",
        "alice",
        None,
    ]
    ok(cli("claim", "tag", "1", "3", "AI", "Firsts"))
    ok(cli("claim", "untag", "3", "ai"))
    ok(cli("claim", "priority", "3", "high"))
    err_line(cli("claim", "priority", "3", "urgent"), 2, "high, normal, low")
    ok(cli("claim", "due", "2", "2000-01-01"))
    err_line(cli("claim", "due", "2", "tomorrow"), 2, "not a date")
    # A date no deadline falls on is a typo of the year: bad usage (a trial's were taken).
    for day in ("1900-01-01", "1999-12-31", "9999-12-31"):
        err_line(cli("claim", "due", "2", day), 2, f"due date {day} is not a likely deadline")
    r = ok(cli("claim", "due", "2", "--clear"))
    assert r.out == "claim #2: due date cleared\n"  # not "due none"
    r = ok(cli("claim", "due", "2", "--clear"))
    assert (r.out, r.err) == ("", "claim #2: already has no due date; nothing changed\n")
    ok(cli("claim", "due", "2", "2000-01-01"))

    def ids(*args: str, env: dict[str, str] | None = None) -> list[int]:
        r = ok(cli("claim", "list", *args, "--json", env=env))
        return [c["id"] for c in json.loads(r.out)]

    assert ids("--tag", "ai") == [1]
    assert ids("--tag", "firsts") == [1, 3]
    assert ids("--mine", env={}) == []
    assert ok(cli("--as", "alice", "claim", "list", "--mine", "--json")).out.count('"id"') == 2
    assert ids("--unassigned") == [3]
    assert ids("--overdue") == [2]
    assert ids("--sort", "priority", "--limit", "1") == [3]
    assert ids("--search", "美金") == [2]
    assert ids("--search", "线性注意力") == [3]
    assert ids("--open", "--no-evidence") == [1, 2, 3]
    csv_out = ok(cli("claim", "list", "--csv")).out.splitlines()
    assert csv_out[0].startswith("id,document_id,status") and len(csv_out) == 4
    stats = json.loads(ok(cli("stats", "--json")).out)
    assert stats["by_assignee"] == {"(unassigned)": 1, "alice": 2}
    assert [c["id"] for c in stats["overdue"]] == [2]
    assert "overdue (1 of 1)" in ok(cli("stats")).out


@pytest.mark.parametrize("command", ["tag", "untag"])
@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "empty tag"),
        ("   ", "empty tag"),
        ("x" * 101, "longer than 100 characters"),
        ("x" * 1001, "the limit is 1,000"),
        ("a;b", "separate tags in exports"),
        ("a,b", "separate tags in exports"),
        ("a\nb", "control character U+000A"),
        ("a\x1bb", "control character U+001B"),
    ],
)
def test_a_malformed_tag_is_bad_usage(cli: Run, command: str, value: str, fragment: str) -> None:
    """Exit 2, as a malformed priority or date is; nothing changes. A claim that does not
    exist is a refusal (exit 1), asked only once the tags are well formed."""
    setup_claims(cli)
    ok(cli("claim", "tag", "1", "kept"))
    err_line(cli("claim", command, "1", "fine", value), 2, fragment)
    r = cli("claim", command, "1", value, "--json")
    assert r.code == 2 and json.loads(r.err)["error"]["kind"] == "usage"
    err_line(cli("claim", command, "99", "fine"), 1, "no claim #99")
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["tags"] == ["kept"]


def test_a_verdict_given_while_review_was_off_is_shown_and_warned_of(cli: Run) -> None:
    """A trial turned review.required off, gave its own verdict and turned it on again: the
    verdict must not read like an approved one."""
    setup_claims(cli)
    for claim in ("1", "2"):
        ok(cli("evidence", "add", claim, "--url", "https://example.org/r", "--stance", "supports"))
    ok(cli("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL
    ok(cli("--as", "maria", "config", "set", "review.required", "true"))
    ok(cli("--as", "maria", "claim", "status", "1", "verified", "--note", "Checked."))
    ok(cli("--as", "lin", "claim", "approve", "1", "--note", "Agreed."))
    ok(cli("--as", "maria", "config", "set", "review.required", "false"))
    ok(cli("--as", "maria", "claim", "status", "2", "verified", "--note", "Mine alone."))
    ok(cli("--as", "maria", "config", "set", "review.required", "true"))
    assert "sign-off verified given by maria, approved by lin" in ok(cli("claim", "show", "1")).out
    shown = ok(cli("claim", "show", "2")).out
    assert "sign-off verified given by maria, with no second reviewer" in shown
    signed = json.loads(ok(cli("claim", "show", "2", "--json")).out)["sign_off"]
    assert signed == {"status": "verified", "given_by": "maria", "approved_by": None}
    r = ok(cli("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"))
    assert len(json.loads(r.out)) == 2
    assert "published 1 verdict no second reviewer approved (#2)" in r.err
    # Every publishing command says it (trial47b: the annotations and the report did not).
    for publish in (("export", "annotations"), ("report", "1", "-o", "-")):
        r = ok(cli(*publish))
        assert "published 1 verdict no second reviewer approved (#2)" in r.err, publish
    # With the rule off, no desk is told its verdicts lack what it does not ask for.
    ok(cli("--as", "maria", "config", "set", "review.required", "false"))
    r = ok(cli("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"))
    assert "second reviewer" not in r.err
    for publish in (("export", "annotations"), ("report", "1", "-o", "-")):
        assert "second reviewer" not in ok(cli(*publish)).err


def test_an_approval_waits_on_evidence_and_notes_added_after_the_proposal(cli: Run) -> None:
    """A new-user trial: evidence and a STOP note came after the proposal, and an approval at
    the version read (neither bumps it) published `false` over them."""
    setup_claims(cli)
    ok(cli("evidence", "add", "2", "--url", "https://example.org/r", "--stance", "refutes"))
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL
    ok(cli("--as", "maria", "claim", "status", "2", "false", "--note", "Checked."))
    version = str(json.loads(ok(cli("claim", "show", "2", "--json")).out)["version"])
    ok(cli("--as", "maria", "evidence", "add", "2", "--citation", "Filing", "--stance", "supports"))
    ok(cli("--as", "maria", "note", "add", "2", "STOP - do not approve"))
    shown = ok(cli("claim", "show", "2")).out
    assert "added    since the proposal: evidence #2 by maria, note #2 by maria" in shown
    r = cli("--as", "editor", "claim", "approve", "2", "--if-version", version)
    err_line(
        r,
        1,
        "claim #2 had evidence #2 by maria and note #2 by maria added after its verdict (false) "
        "was proposed; the proposal did not weigh them; read the record (`workbench claim show "
        "2`), then `workbench claim reject 2 --note TEXT`, so that the proposer proposes the "
        "verdict again on the full record (`workbench claim status 2 false --note TEXT`) and a "
        "second person approves it",
    )
    r = cli("--as", "editor", "claim", "approve", "2", "--json")
    assert r.code == 1
    assert json.loads(r.err)["error"]["reason"] == "added_since_proposal"
    assert json.loads(ok(cli("claim", "show", "2", "--json")).out)["status"] == "in_review"
    ok(cli("--as", "editor", "claim", "reject", "2", "--note", "Weigh the filing and the note."))
    ok(cli("--as", "maria", "claim", "status", "2", "false", "--note", "Filing is older."))
    assert "added    since" not in ok(cli("claim", "show", "2")).out
    r = ok(cli("--as", "editor", "claim", "approve", "2"))
    assert r.out.strip() == "claim #2: approved, now false"


def test_a_tag_with_an_invisible_character_cannot_be_added(cli: Run) -> None:
    """`a` + ZERO WIDTH SPACE + `b` reads as `ab`, and `--tag ab` would never find it."""
    setup_claims(cli)
    err_line(cli("claim", "tag", "1", "a\u200bb"), 2, r"tag 'a\u200bb': character 2 is U+200B")
    err_line(cli("claim", "tag", "1", "a\u200db"), 2, "U+200D")  # a joiner between ASCII hides
    # Persian needs ZWNJ, emoji sequences ZWJ: between non-ASCII characters they are kept
    ok(cli("claim", "tag", "1", "a-b", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"))
    tags = json.loads(ok(cli("claim", "show", "1", "--json")).out)["tags"]
    assert tags == ["a-b", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"]


def test_a_tag_of_digits_alone_cannot_be_added(cli: Run, tmp_path: Path) -> None:
    """Digits are read as claim IDs (`claim tag 1 2025` names claims 1 and 2025), so a tag of
    digits could be added after a word but never named first again; nor imported (trial47:
    `claim untag 4 2025` could not remove it)."""
    setup_claims(cli)
    err_line(cli("claim", "tag", "1", "money", " 2025 "), 2, "tag '2025' is only digits")
    err_line(cli("claim", "tag", "1", "2025"), 2, "name at least one tag after the IDs")
    ok(cli("claim", "tag", "1", "y2025"))  # with a letter it is no ID
    # full-width digits are digits once folded (tags are, as names are); typed alone they
    # are an ID, as they are in every command that takes one (trial58)
    err_line(cli("claim", "tag", "1", "money", "２０２５"), 2, "tag '2025' is only digits")
    err_line(cli("claim", "tag", "1", "２０２５"), 2, "name at least one tag after the IDs")
    table = tmp_path / "claims.csv"
    table.write_text("quote,text,tags\n只有四家公司,again,2025\n", encoding="utf-8")
    r = cli("import", "claims", str(table), "--doc", "1")
    assert r.code == 1 and r.err.startswith("row 2: tag '2025' is only digits"), r.err
    table.write_text("quote,text,tags\n只有四家公司,again,y2025\n", encoding="utf-8")
    ok(cli("import", "claims", str(table), "--doc", "1"))
    ok(cli("claim", "untag", "4", "x", "y2025"))
    assert json.loads(ok(cli("claim", "show", "4", "--json")).out)["tags"] == []


def test_a_missing_claim_is_said_changed_nothing_only_by_an_edit(cli: Run) -> None:
    """`export claimreview --claim 999` said "nothing was changed": a read changes nothing."""
    setup_claims(cli)
    export = ["export", "claimreview", "--org", "D", "--org-url", "https://d.org"]
    r = cli(*export, "--claim", "999")
    assert (r.code, r.err) == (1, "error: no claim #999; `workbench claim list` shows them\n")
    r = cli("claim", "priority", "1", "999", "high")
    assert (r.code, r.err) == (
        1,
        "error: no claim #999; nothing was changed; `workbench claim list` shows them\n",
    )
    r = cli("claim", "untag", "999", "x", "--json")
    error = json.loads(r.err)["error"]
    assert r.code == 1 and error["kind"] == "not_found"
    assert error["message"].startswith("no claim #999; nothing was changed")


def test_tags_typed_full_width_or_in_any_case_are_one_tag(cli: Run) -> None:
    """A trial tagged claims `ｍｏｎｅｙ` beside `money`, and `claim list --tag money` missed
    them: tags are folded (NFKC, case) as they are stored and as they are looked up."""
    setup_claims(cli)
    ok(cli("claim", "tag", "1", "money"))
    assert ok(cli("claim", "tag", "2", "ｍｏｎｅｙ")).out == "claim #2: tags money\n"
    assert ok(cli("claim", "tag", "3", "MONEY")).out == "claim #3: tags money\n"
    for typed in ("money", "ｍｏｎｅｙ", "Money"):
        listed = json.loads(ok(cli("claim", "list", "--tag", typed, "--json")).out)
        assert [c["id"] for c in listed] == [1, 2, 3]


def test_a_tag_in_a_look_alike_of_another_script_is_bad_usage(cli: Run) -> None:
    """`mоney` with a Cyrillic о reads as money and is another tag: refused (exit 2), as a
    name mixing scripts is, before anything is asked of the database."""
    setup_claims(cli)
    err_line(
        cli("claim", "tag", "1", "m\u043eney"),
        2,
        "tag 'm\u043eney' mixes scripts: '\u043e' (CYRILLIC SMALL LETTER O) looks like the "
        "Latin 'o'; type the tag in one script",
    )
    r = cli("claim", "tag", "1", "m\u043eney", "--json")
    assert r.code == 2 and json.loads(r.err)["error"]["kind"] == "usage"
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["tags"] == []


def test_a_tag_with_a_space_is_bad_usage_and_says_to_join_the_words(cli: Run) -> None:
    """`claim tag 5 "a b"` printed `tags a b, money`: two tags or one? A tag holds no space."""
    setup_claims(cli)
    err_line(
        cli("claim", "tag", "1", "fact check"), 2, "join its words with a hyphen ('fact-check')"
    )
    err_line(cli("claim", "tag", "1", "a\u3000b"), 2, "tag 'a b' holds a space")
    assert ok(cli("claim", "tag", "1", "fact-check", "money")).out == (
        "claim #1: tags fact-check, money\n"
    )


def test_a_tag_that_looks_like_one_in_use_is_refused_naming_it(cli: Run) -> None:
    setup_claims(cli)
    ok(cli("claim", "tag", "1", "covid-19", "\u0441\u043e\u0440"))  # сор: all Cyrillic
    err_line(cli("claim", "tag", "2", "covid19"), 1, "'covid19' looks like 'covid-19', a tag")
    err_line(cli("claim", "tag", "2", "cop"), 1, "use '\u0441\u043e\u0440'")
    err_line(cli("claim", "tag", "2", "lab", "1ab"), 1, "tags 'lab' and '1ab' look alike")
    r = cli("claim", "tag", "2", "covid19", "--json")
    assert r.code == 1 and json.loads(r.err)["error"]["kind"] == "invalid_input"
    assert json.loads(ok(cli("claim", "show", "2", "--json")).out)["tags"] == []
    ok(cli("claim", "tag", "2", "covid-19", "fail", "fall"))  # the tag itself, and two words


def test_untag_of_a_tag_a_claim_does_not_have_says_so(cli: Run) -> None:
    """A trial's `claim untag 5 nonexist` exited 0 with nothing said of the tag. Removing it is
    still no change (exit 0, as a tag added twice is), but stderr says it was not there."""
    setup_claims(cli)
    ok(cli("claim", "tag", "1", "2", "money"))
    r = ok(cli("claim", "untag", "1", "nonexist"))
    assert r.out == ""
    assert r.err == (
        "claim #1: tags still money; nothing changed\n"
        "claim #1 had no tag 'nonexist'; nothing to remove\n"
    )
    r = ok(cli("claim", "untag", "1", "2", "3", "ＭＯＮＥＹ", "typo"))
    assert r.out.splitlines() == ["claim #1: tags none", "claim #2: tags none"]
    assert r.err.splitlines() == [
        "claim #3: tags still none; nothing changed",
        "claim #1 had no tag 'typo'; nothing to remove",
        "claim #2 had no tag 'typo'; nothing to remove",
        "claim #3 had no tag 'money', 'typo'; nothing to remove",
    ]
    # (--json too: every command's word that it changed nothing is said on stderr, fix184)
    assert ok(cli("claim", "untag", "1", "x", "--json")).err == (
        "claim #1: tags still none; nothing changed\nclaim #1 had no tag 'x'; nothing to remove\n"
    )


@pytest.mark.parametrize(
    "edit",
    [
        ["assign", "1", "--to", "alice"],
        ["assign", "1", "--unassign"],
        ["tag", "1", "new"],
        ["untag", "1", "ai"],
        ["priority", "1", "high"],
        ["due", "1", "2026-12-31"],
        ["due", "1", "--clear"],
    ],
    ids=lambda e: "-".join(e[:1] + e[2:3]),
)
def test_desk_edits_take_if_version_as_status_moves_do(cli: Run, edit: list[str]) -> None:
    """A trial: `claim status` took --if-version and the desk edits did not, so an edit made on
    a claim read before someone else's change went through."""
    setup_claims(cli)
    ok(cli("claim", "tag", "1", "ai"))  # each edit below then changes something
    ok(cli("claim", "assign", "1", "--to", "bob"))
    ok(cli("claim", "due", "1", "2026-01-01"))
    seen = json.loads(ok(cli("claim", "show", "1", "--json")).out)["version"]
    ok(cli("--as", "maria", "claim", "status", "1", "in_progress"))
    r = cli("claim", *edit, "--if-version", str(seen))
    assert r.code == 1 and r.err == (
        f"error: claim #1 was changed since version {seen} (it is now at "
        f"version {seen + 1}): status by maria; re-read it with `workbench claim show 1` and "
        "try again\n"
    )
    r = cli("claim", *edit, "--if-version", str(seen), "--json")
    assert r.code == 1 and json.loads(r.err)["error"]["kind"] == "conflict"
    # one version is one claim's: with several IDs it is bad usage
    several = [*edit[:2], "2", *edit[2:]]
    err_line(
        cli("claim", *several, "--if-version", str(seen + 1)),
        2,
        f"one expected version ({seen + 1}) was given for 2 claims, each at a version of its "
        "own: name one claim with it; check --if-version",
    )
    err_line(cli("claim", *edit, "--if-version", "0"), 2, "version 0 is out of range")
    r = ok(cli("claim", *edit, "--if-version", str(seen + 1), "--json"))
    assert json.loads(r.out)[0]["version"] == seen + 2


def test_a_due_date_already_past_is_said_to_make_open_claims_overdue(cli: Run) -> None:
    """A trial set a due date in the past (a typo of the year) and was told nothing."""
    setup_claims(cli)
    r = ok(cli("claim", "due", "1", "2", "2000-01-01"))
    assert r.err == "warning: 2000-01-01 has passed: #1, #2 are overdue already\n"
    r = ok(cli("claim", "due", "1", "2030-01-01"))
    assert r.err == ""
    # A verdict given leaves nothing overdue.
    ok(cli("claim", "status", "2", "in_progress"))
    ok(cli("claim", "status", "2", "opinion", "--note", "a view"))
    r = ok(cli("claim", "due", "2", "2000-01-02"))
    assert r.err == ""


def test_a_due_date_in_iso_basic_form_is_read_as_the_date(cli: Run) -> None:
    """Session 47 left alone: `claim due 1 20300203` was refused as naming no date (the date,
    all digits, was taken for a second ID). Without --clear the last argument is the date."""
    setup_claims(cli)
    r = ok(cli("claim", "due", "1", "2", "20300203"))
    assert r.out == "claim #1: due 2030-02-03\nclaim #2: due 2030-02-03\n"
    err_line(
        cli("claim", "due", "1", "20301340"), 2, "due date '20301340' is not a date; use YYYY-MM-DD"
    )
    # with --clear every argument is an ID
    err_line(cli("claim", "due", "1", "20300203", "--clear"), 1, "no claim #20300203")


def test_several_proposals_are_approved_together_or_not_at_all(cli: Run) -> None:
    """trial52: `claim approve 6 7 5` was refused as extra arguments; a desk approving a batch
    approved it one command at a time."""
    setup_claims(cli)
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL
    for cid in ("1", "2", "3"):
        ok(cli("--as", "maria", "claim", "status", cid, "unverifiable", "--note", "no record"))
    ok(cli("--as", "maria", "note", "add", "3", "one more thing"))  # 3 is not approvable now
    err_line(cli("--as", "tom", "claim", "approve", "1", "2", "3"), 1, "claim #3")
    statuses = {c["id"]: c["status"] for c in json.loads(ok(cli("claim", "list", "--json")).out)}
    assert statuses == {1: "in_review", 2: "in_review", 3: "in_review"}  # none approved
    r = ok(cli("--as", "tom", "claim", "approve", "2", "1", "2"))
    assert r.out == "claim #2: approved, now unverifiable\nclaim #1: approved, now unverifiable\n"
    err_line(cli("claim", "approve", "1", "3", "--if-version", "4"), 2, "name one claim with it")
    ok(cli("--as", "tom", "claim", "reject", "3", "--note", "see the note"))
    ok(cli("--as", "maria", "claim", "status", "3", "unverifiable", "--note", "still none"))
    one = json.loads(ok(cli("--as", "tom", "claim", "approve", "3", "--json")).out)
    assert one["id"] == 3 and one["status"] == "unverifiable"  # one ID: its object, as before
