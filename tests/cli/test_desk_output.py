"""What a person reads: tables that fit the width, one-line empty results, queues of open work,
and warnings that make a duplicate or ignored metadata a decision, not an accident."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")


WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")


def _header(out: str) -> list[str]:
    return [c.strip() for c in out.splitlines()[1].split("|")[1:-1]]


def test_a_narrow_table_keeps_the_columns_the_listing_was_asked_by(cli: Run) -> None:
    """trial47b: at 80 columns `claim list --overdue` and `--sort due` dropped `due`, and at 60
    `owner` too, the columns that answer those questions."""
    ok(cli("demo"))
    ok(cli("user", "add", "tester"))
    ok(cli("claim", "assign", "1", "2", "--to", "tester"))
    ok(cli("claim", "due", "1", "2", "2026-12-01"))
    at_80 = {"COLUMNS": "80"}
    assert "due" not in _header(ok(cli("claim", "list", env=at_80)).out)  # as before
    assert {"due", "owner"} <= set(_header(ok(cli("claim", "list", "--overdue", env=at_80)).out))
    assert "due" in _header(ok(cli("claim", "list", "--sort", "due", env=at_80)).out)
    assert "pri" in _header(ok(cli("claim", "list", "--sort", "priority", env=at_80)).out)
    # a filter's own column is the same in every row: it goes as before (review)
    assert "pri" not in _header(ok(cli("claim", "list", "--priority", "normal", env=at_80)).out)


def test_claim_list_at_80_columns_fits_and_breaks_no_word(cli: Run) -> None:
    ok(cli("demo"))
    out = ok(cli("claim", "list", env={"COLUMNS": "80"})).out
    assert max(len(line) for line in out.splitlines()) <= 80
    # Every Latin word printed is a whole word of the data (or one cut short with "…"): a word
    # split across lines ("OpenAI'" / "s CLIP") would print pieces that are not words.
    claims = json.loads(cli("claim", "list", "--json").out)
    known = {"id", "status", "type", "pri", "owner", "speaker", "claim", "quote", "doc", "due"}
    for c in claims:
        known |= set(WORD.findall(" ".join(str(v) for v in c.values())))
    pieces = [m.group() for m in WORD.finditer(out) if out[m.end() : m.end() + 1] != "…"]
    assert "OpenAI's" in pieces
    assert [p for p in pieces if p not in known] == []
    # Narrower still: a stacked layout, still within the width.
    narrow = ok(cli("claim", "list", "--limit", "3", env={"COLUMNS": "40"})).out.splitlines()
    assert max(len(line) for line in narrow) <= 40
    assert narrow[0] == "1  1  unverified  date  normal"
    # A pipe without COLUMNS keeps the plain full table: every column, one line per claim.
    plain = ok(cli("claim", "list")).out.splitlines()
    assert [c.strip() for c in plain[1].split("|")[1:-1]] == [
        "id",
        "doc",
        "status",
        "type",
        "pri",
        "owner",
        "due",
        "speaker",  # the demo's claims name who makes them
        "claim",
        "quote",
    ]
    assert len(plain) == len(claims) + 4


def test_empty_results_say_so_in_one_line(cli: Run) -> None:
    r = ok(cli("claim", "list"))
    assert r.out == "no claims match\n"
    ok(cli("doc", "add", "-", input="甲说:乙是第一。"))
    ok(cli("claim", "add", "1", "--text", "B is first", "--quote", "乙是第一"))
    r = ok(cli("claim", "similar", "1", "--min-score", "0.75"))
    assert r.out == "no similar claims at or above 0.75\n"
    # At 0 every claim would be "at or above": what is left out is what shares nothing.
    r = ok(cli("claim", "similar", "1", "--min-score", "0"))
    assert r.out == "no claim shares an uncommon term with claim #1\n"
    r = ok(cli("evidence", "list", "1"))
    assert r.out == "no evidence on claim #1 yet\n"
    stats = ok(cli("stats")).out
    assert "overdue: none" in stats and "overdue (0)" not in stats


def test_similar_claims_say_why(cli: Run) -> None:
    text = "Wren Air has served Oporto since 2011. Wren Air has served Malaga since 2011."
    ok(cli("doc", "add", "-", input=text))
    ok(cli("claim", "add", "1", "--text", "Wren Air flies to Oporto", "--quote", "Oporto"))
    ok(cli("claim", "add", "1", "--text", "Wren Air flies to Malaga", "--quote", "Malaga"))
    table = ok(cli("claim", "similar", "1", "--min-score", "0")).out.splitlines()
    assert [c.strip() for c in table[1].split("|")[1:-1]][-1] == "why"
    assert "other names: oporto / malaga" in table[3]
    found = json.loads(ok(cli("claim", "similar", "1", "--min-score", "0", "--json")).out)
    assert found[0]["why"][-1] == "other names: oporto / malaga (x0.50)"
    # The shared words as the claim wrote them ("flies"), not as they are compared ("fli").
    assert found[0]["why"][0].startswith("shares ") and "flies" in found[0]["why"][0]
    assert "fli," not in found[0]["why"][0] and "fli " not in found[0]["why"][0]


def test_my_queue_is_open_work_unless_all(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="甲说了一句话。乙说了另一句话。"))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    ok(cli("claim", "add", "1", "--text", "B said", "--quote", "乙说了另一句话"))
    ok(cli("claim", "assign", "1", "2", "--to", "maria"))
    ok(cli("--as", "maria", "claim", "status", "1", "opinion", "--note", "a view"))
    queue = json.loads(ok(cli("--as", "maria", "claim", "list", "--mine", "--json")).out)
    assert [c["id"] for c in queue] == [2]
    everything = json.loads(cli("--as", "maria", "claim", "list", "--mine", "--all", "--json").out)
    assert [c["id"] for c in everything] == [1, 2]
    verdicts = cli("--as", "maria", "claim", "list", "--mine", "--status", "opinion", "--json")
    assert [c["id"] for c in json.loads(verdicts.out)] == [1]
    ok(cli("--as", "maria", "claim", "status", "2", "opinion", "--note", "also a view"))
    r = ok(cli("--as", "maria", "claim", "list", "--mine"))
    assert r.out == "no open or flagged claims in your queue (--all adds verdicts)\n"
    # A withdrawn claim is no one's work: --all (with --mine or without) lists it too.
    ok(cli("claim", "withdraw", "2", "--reason", "a duplicate of #1"))
    listed = {
        args: [c["id"] for c in json.loads(ok(cli(*args, "--json")).out)]
        for args in (
            ("claim", "list"),
            ("claim", "list", "--all"),
            ("--as", "maria", "claim", "list", "--mine", "--all"),
            ("--as", "maria", "claim", "list", "--mine", "--status", "withdrawn"),
        )
    }
    assert list(listed.values()) == [[1], [1, 2], [1, 2], [2]]


def test_same_span_with_other_text_is_a_prominent_warning(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="甲说:乙是第一。"))
    ok(cli("claim", "add", "1", "--text", "B is first", "--quote", "乙是第一"))
    r = ok(cli("claim", "add", "1", "--text", "B ranks first", "--quote", "乙是第一", "--json"))
    assert json.loads(r.out)["same_span"] == [1]
    assert r.err.startswith(
        "warning: claim #1 already pins exactly these words (characters 3–7) with other text"
    )
    r = ok(cli("claim", "add", "1", "--text", "B leads", "--start", "3", "--end", "7"))
    assert r.err.startswith("warning: claims #1 and #2 pin exactly these words")
    assert r.out == "added claim #3, characters 3–7: 乙是第一\n"


def test_imports_warn_of_a_claim_on_the_span_of_another_as_claim_add_does(
    cli: Run, tmp_path: Path
) -> None:
    """Session 45's new user: an import added a second claim on a claim's very words with no
    word of it, where `claim add` warns (README: a duplicate is a decision, not an accident)."""
    ok(cli("doc", "add", "-", input="甲说:乙是第一。"))
    ok(cli("claim", "add", "1", "--text", "B is first", "--quote", "乙是第一"))
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"text": "B ranks first", "quote": "乙是第一"}\n'
        '{"text": "B leads", "quote": "乙是第一"}\n',
        encoding="utf-8",
    )
    r = ok(cli("import", "claims", str(rows), "--doc", "1", "--json"))
    assert [c["same_span"] for c in json.loads(r.out)["added"]] == [[1], [1, 2]]
    assert r.err.splitlines()[:2] == [
        "warning: row 1: claim #1 already pins exactly these words (characters 3–7) with other "
        "text; #2 is another claim on the same span",
        "warning: row 2: claims #1 and #2 pin exactly these words (characters 3–7) with other "
        "text; #3 is another claim on the same span",
    ]
    note = tmp_path / "a.json"
    note.write_text(
        json.dumps(
            [
                {
                    "type": "Annotation",
                    "body": {"type": "TextualBody", "value": "B is top"},
                    "target": {"selector": {"type": "TextQuoteSelector", "exact": "乙是第一"}},
                },
                {
                    "type": "Annotation",
                    "body": {"type": "TextualBody", "value": "A spoke"},
                    "target": {"selector": {"type": "TextQuoteSelector", "exact": "甲说"}},
                },
            ]
        ),
        encoding="utf-8",
    )
    r = ok(cli("import", "annotations", str(note), "--doc", "1"))
    assert r.err.startswith("warning: annotation 1: claims #1 and #2 and #3 pin exactly these")
    assert r.err.count("warning:") == 1  # 甲说 is no claim's span


def test_a_clipped_chinese_quote_takes_the_cells_of_a_clipped_latin_one(cli: Run) -> None:
    from workbench.cli.layout import cell_width

    quote = "这是一个很长的中文句子" * 8  # 88 characters, 176 cells
    ok(cli("doc", "add", "-", input=quote + "。"))
    out = ok(cli("claim", "add", "1", "--text", "Long", "--quote", quote)).out
    prefix = "added claim #1, characters 0–88: "
    assert out.startswith(prefix) and out.rstrip("\n").endswith("…")
    assert cell_width(out.rstrip("\n")[len(prefix) :]) == 59  # 29 characters and "…", not 60


def test_same_text_with_new_metadata_offers_doc_edit(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("甲说:乙是第一。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "Old"))
    # (its language was read from the text: zh; zh-Hans is new)
    r = ok(cli("doc", "add", str(article), "--title", "New title", "--lang", "zh-Hans"))
    assert r.out == ""
    assert r.err.startswith("already stored as document #1 (same text); nothing added\n")
    assert "  title: stored Old, given New title" in r.err
    hint = "workbench doc edit 1 --title 'New title' --lang zh-Hans"
    assert r.err.splitlines()[-1].startswith("warning: ") and hint in r.err
    r = ok(cli("doc", "add", str(article), "--title", "New title", "--json"))
    assert json.loads(r.out)["not_applied"] == {"title": "New title"}
    r = ok(cli("doc", "edit", "1", "--title", "New title", "--lang", "zh-Hans"))
    assert r.out == "document #1: changed title, language\n"
    r = ok(cli("doc", "edit", "1", "--title", "New title"))
    assert "nothing changed" in r.err
    assert json.loads(cli("doc", "show", "1", "--json").out)["title"] == "New title"
    r = cli("doc", "edit", "1")
    assert r.code == 2 and "give at least one of" in r.err
    r = cli("doc", "edit", "1", "--url", "nope")
    assert r.code == 2 and r.err.startswith("error: ")


def test_shell_completion_as_the_readme_documents(workbench_main: Run) -> None:
    for shell in ("bash", "zsh", "fish"):
        r = workbench_main([], env={"_WORKBENCH_COMPLETE": f"{shell}_source"})
        assert r.code == 0 and "_WORKBENCH_COMPLETE" in r.out, (shell, r.err)
    asked = {"_WORKBENCH_COMPLETE": "bash_complete", "COMP_WORDS": "workbench claim sta"}
    r = workbench_main([], env={**asked, "COMP_CWORD": "2"})
    assert r.out.split() == ["plain,status"]
    words = "workbench claim status 1 in_"
    r = workbench_main([], env={**asked, "COMP_WORDS": words, "COMP_CWORD": "4"})
    assert r.out.split() == ["plain,in_progress", "plain,in_review"]


def test_doc_edit_refuses_a_control_character_as_doc_add_does(cli: Run) -> None:
    ok(cli("doc", "add", "-", "--title", "Plain", input="甲说:乙是第一。"))
    for command in (["doc", "add", "-"], ["doc", "edit", "1"]):
        r = cli(*command, "--title", "T\x1b[2J", input="甲说:乙是第一。")
        assert r.code == 1, r
        assert r.err == (
            "error: the title: character 2 is the control character U+001B; "
            "it must be one line of visible text\n"
        )
    assert "\x1b" not in ok(cli("doc", "show", "1", "--json")).out


def test_limit_zero_lists_none_and_says_so_everywhere(cli: Run) -> None:
    """--limit 0 means "list none" for every command that has --limit, and the empty table
    says the limit did it, not that nothing matched."""
    ok(cli("doc", "add", "-", input="甲说:乙是第一。Revenue rose 40 percent in 2023."))
    ok(cli("claim", "add", "1", "--text", "B is first", "--quote", "乙是第一"))
    ok(cli("claim", "add", "1", "--text", "B is the first", "--quote", "乙是第一。"))
    for args, what in (
        (["claim", "similar", "1", "--min-score", "0"], "similar claims"),
        (["claim", "list"], "claims"),
        (["extract", "1", "--min-score", "0"], "candidates"),
    ):
        assert ok(cli(*args)).out.strip() and "--limit 0" not in ok(cli(*args)).out
        # (claim list also says how many match: trial211)
        counted = " (2 in all)" if what == "claims" else ""
        assert ok(cli(*args, "--limit", "0")).out == f"--limit 0: no {what} listed{counted}\n"
        assert json.loads(ok(cli(*args, "--limit", "0", "--json")).out) == []
        bad = cli(*args, "--limit", "-1")
        assert bad.code == 2 and "limit must be 0 or more (got -1)" in bad.err, bad.err
    bad = cli("stats", "--limit", "-1")
    assert bad.code == 2 and "limit must be 0 or more (got -1)" in bad.err, bad.err


LONG = (
    "Exports of manufactured goods rose by twelve percent between 2019 and 2023, "
    "the fastest growth of any region"
)


def _claims_with_and_without_speaker(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=f"OKAFOR: {LONG}.\nHOLT: Thank you.\n"))
    ok(cli("claim", "add", "1", "--text", LONG, "--quote", LONG, "--speaker", "OKAFOR"))
    ok(cli("claim", "add", "1", "--text", "Thanks", "--quote", "Thank you"))


def test_claim_list_shows_the_speaker_and_uses_a_wide_terminal(cli: Run) -> None:
    """A trial's debate desk saw no speaker and, at 220 columns, claims cut at 56 characters."""
    _claims_with_and_without_speaker(cli)
    wide = ok(cli("claim", "list", env={"COLUMNS": "220"})).out.splitlines()
    header = [c.strip() for c in wide[1].split()]
    assert "speaker" in header and header.index("speaker") < header.index("claim")
    row = next(line for line in wide if "OKAFOR" in line)
    assert LONG in row and max(len(line) for line in wide) <= 220
    # Narrower, the claim wraps within its room as before, every line within the width.
    narrow = ok(cli("claim", "list", env={"COLUMNS": "100"})).out.splitlines()
    assert max(len(line) for line in narrow) <= 100 and LONG not in "\n".join(narrow)
    # A pipe keeps the stable plain table (the claim cut at 56), with the speaker column now.
    plain = ok(cli("claim", "list")).out.splitlines()
    assert [c.strip() for c in plain[1].split("|")[1:-1]] == [
        *("id", "doc", "status", "type", "pri", "owner", "due", "speaker", "claim", "quote")
    ]
    assert "| OKAFOR " in plain[3] and f"| {LONG[:55]}… |" in plain[3]
    # Nobody speaks in the claims listed: no speaker column.
    unspoken = ok(cli("claim", "list", "--search", "Thanks", env={"COLUMNS": "220"})).out
    assert "speaker" not in unspoken and "Thanks" in unspoken


def test_extract_and_similar_give_a_wide_terminal_to_the_text(cli: Run) -> None:
    """A new user: at 400 columns, extract cut every candidate at 60 cells and gave the spare
    width to the reasons; claim similar cut claims at 70."""
    sentence = LONG + " according to the 2024 trade report."
    ok(cli("doc", "add", "-", input=f"{sentence}\n"))
    wide = ok(cli("extract", "1", env={"COLUMNS": "400"})).out
    assert sentence in wide and max(len(line) for line in wide.splitlines()) <= 400
    # A pipe keeps the stable table: the text cut at 60 cells.
    plain = ok(cli("extract", "1")).out
    assert sentence not in plain and f"{sentence[:59]}…" in plain
    ok(cli("claim", "add", "1", "--text", sentence, "--quote", LONG))
    ok(cli("claim", "add", "1", "--text", sentence + " (again)", "--quote", LONG))
    similar = ok(cli("claim", "similar", "2", env={"COLUMNS": "400"})).out
    assert sentence in similar and max(len(line) for line in similar.splitlines()) <= 400
    assert sentence not in ok(cli("claim", "similar", "2")).out


def test_claim_tag_prints_the_tags_sorted_as_stored(cli: Run) -> None:
    """A trial: `claim tag 1 alpha` on a claim tagged beta, economy, health printed
    "beta, economy, health, alpha": the tags just added came last."""
    ok(cli("doc", "add", "-", input="甲说了一句话。"))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    assert ok(cli("claim", "tag", "1", "health", "beta", "economy")).out == (
        "claim #1: tags beta, economy, health\n"
    )
    assert ok(cli("claim", "tag", "1", "alpha")).out == (
        "claim #1: tags alpha, beta, economy, health\n"
    )
    done = json.loads(ok(cli("claim", "tag", "1", "delta", "--json")).out)
    assert done[0]["tags"] == ["alpha", "beta", "delta", "economy", "health"]
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["tags"] == done[0]["tags"]


def test_a_desk_edit_that_changes_nothing_says_so(cli: Run) -> None:
    """A desk edit that changes nothing says so on stderr, as `claim status`, `claim edit`,
    `doc edit` and `config set` say it (trial137: `claim assign/priority/due/tag/untag` said
    "nothing changed" on stdout, among the lines of what did change): stdout holds the claims
    changed, stderr what was not done."""
    ok(cli("doc", "add", "-", input="甲说了一句话。乙说了另一句话。"))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    ok(cli("claim", "add", "1", "--text", "B said", "--quote", "乙说了另一句话"))
    assert ok(cli("claim", "assign", "1", "--to", "ana")).out == "claim #1: assigned to ana\n"
    r = ok(cli("claim", "assign", "1", "2", "--to", "ana"))
    assert (r.out, r.err) == (
        "claim #2: assigned to ana\n",
        "claim #1: already assigned to ana; nothing changed\n",
    )
    assert ok(cli("claim", "assign", "1", "--unassign")).out == "claim #1: unassigned\n"
    for args, said in (
        (("assign", "1", "--unassign"), "claim #1: already unassigned; nothing changed\n"),
        (("priority", "1", "normal"), "claim #1: priority already normal; nothing changed\n"),
        (("due", "1", "--clear"), "claim #1: already has no due date; nothing changed\n"),
        (("tag", "1", "x"), "claim #1: tags x\n"),
        (("tag", "1", "x"), "claim #1: tags already x; nothing changed\n"),
        # trial47: "tags already x" after an untag read as if x were the tag just asked about
        (("untag", "1", "y"), "claim #1: tags still x; nothing changed\n"),
    ):
        r = ok(cli("claim", *args))
        if "nothing changed" in said:
            assert r.out == "" and r.err.startswith(said), args
        else:
            assert r.out == said, args
    events = ok(cli("audit", "export", "--format", "jsonl")).out.count("\n")
    ok(cli("claim", "priority", "1", "normal"))
    assert ok(cli("audit", "export", "--format", "jsonl")).out.count("\n") == events
