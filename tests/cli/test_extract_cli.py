"""`workbench extract` on a transcript of `SPEAKER: text` lines, through the real entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result

Cli = Callable[..., Result]

DEBATE = (
    "HOLT: Good evening from Hofstra University.\n"
    "TRUMP: The unemployment rate rose to 9 percent in 2010,\n"
    "CLINTON: We have created 15 million new private-sector jobs since 2009.\n"
    "TRUMP: Our jobs are fleeing the country to Mexico.\n"
)


def add(cli: Cli, tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    r = cli("doc", "add", str(path))
    assert r.code == 0, r.err


def test_speakers_in_the_table_the_json_and_the_claims(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, DEBATE)
    r = cli("extract", "1", "--min-score", "0.3", "--json")
    assert r.code == 0, r.err
    found = json.loads(r.out)
    assert [c["speaker"] for c in found] == ["TRUMP", "CLINTON", "TRUMP"]
    assert all(DEBATE[c["start"] : c["end"]] == c["text"] for c in found)
    table = cli("extract", "1", "--min-score", "0.3")
    assert table.code == 0 and "| speaker |" in table.out and "| CLINTON " in table.out
    off = json.loads(cli("extract", "1", "--min-score", "0.3", "--speakers", "off", "--json").out)
    assert {c["speaker"] for c in off} == {None}
    accepted = cli("extract", "1", "--min-score", "0.3", "--accept")
    assert accepted.code == 0, accepted.err
    assert "CLINTON: We have created 15 million" in accepted.out
    shown = cli("claim", "show", "2")
    assert shown.code == 0 and "speaker  CLINTON" in shown.out


def test_context_in_the_reasons_of_a_transcript_only(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, DEBATE)
    found = json.loads(cli("extract", "1", "--min-score", "0", "--json").out)
    (jobs,) = [c for c in found if "15 million" in c["text"]]
    assert any(r.startswith('context "first sentence of a turn" ') for r in jobs["reasons"])
    off = json.loads(cli("extract", "1", "--min-score", "0", "--speakers", "off", "--json").out)
    assert not any(r.startswith("context ") for c in off for r in c["reasons"])


def test_prose_keeps_its_table(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, "Note: figures are estimates.\nRevenue rose 40 percent in 2023.\n")
    r = cli("extract", "1", "--min-score", "0.3")
    assert r.code == 0 and "speaker" not in r.out and "Revenue rose" in r.out


def test_bad_speakers_input(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, "Just prose, 40 percent of it.\n: an empty speaker\n:\n")
    r = cli("extract", "1", "--speakers", "on")
    assert r.code == 1 and r.err == "error: no line starts with a speaker (SPEAKER: text)\n"
    r = cli("extract", "1", "--speakers", "maybe")
    assert r.code == 2 and "maybe" in r.err


def test_adverts_bylines_and_opinions_are_no_candidates(cli: Cli, tmp_path: Path) -> None:
    fact = "星河电池2023年出货量达到12GWh，同比增长60%。"
    others = [
        "记者 张三 报道",
        "【推广】扫码关注星河电池官方公众号，领取最高500元优惠券！",
        "我们认为，星河电池是中国最具创新力的电池企业。",
        "By Jane Doe | Oct 28, 2024 | 5 min read",
        "Copyright 2024 Xinghe Media Group.",
    ]
    add(cli, tmp_path, "\n\n".join([others[0], fact, *others[1:]]) + "\n")
    r = cli("extract", "1", "--json")
    assert r.code == 0, r.err
    assert [c["text"] for c in json.loads(r.out)] == [fact]
    # listed only at --min-score 0, scored 0, with the reason first
    every = json.loads(cli("extract", "1", "--min-score", "0", "--json").out)
    assert [c["text"] for c in every] == [others[0], fact, *others[1:]]
    kinds = [c["reasons"][0].split('"')[0] for c in every if c["text"] != fact]
    assert kinds == [f"not a claim: {k} " for k in ("byline", "advert", "opinion", "byline")] + [
        "not a claim: boilerplate "
    ]
    assert all(c["score"] == 0 for c in every if c["text"] != fact)
    table = cli("extract", "1", "--min-score", "0")
    assert table.code == 0 and "not a claim: advert" in table.out, table.out
    accepted = cli("extract", "1", "--accept")
    assert accepted.code == 0 and "added 1 unverified claim" in accepted.out, accepted.out


def test_one_candidate_is_singular_in_the_title(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, "Revenue rose 40 percent in 2023.\n")
    r = cli("extract", "1")
    assert r.code == 0, r.err
    assert "1 candidate (score >= 0.5)" in r.out and "1 candidates" not in r.out


def test_accept_says_which_candidates_it_could_not_claim(cli: Cli, tmp_path: Path) -> None:
    long = "Revenue rose " + " and ".join(f"{i} percent in 2023" for i in range(8000)) + "."
    text = f"Revenue rose 40 percent in 2023.\n\n{long}\n\nJobs grew 5 percent in 2024.\n"
    add(cli, tmp_path, text)
    start = text.index(long)
    end = start + len(long)
    r = cli("extract", "1", "--accept")
    assert r.code == 0, r.err
    assert "added 2 unverified claims" in r.out
    assert r.err == (
        f"warning: 1 candidate was not added: characters {start}–{end} "
        f"(the claim text is {len(long):,} characters; the limit is 100,000); "
        "add it with a claim text of your own: "
        "workbench claim add 1 --start START --end END --text CLAIM\n"
    )
    listed = cli("claim", "list", "--json")
    assert [c["start"] for c in json.loads(listed.out)] == [0, end + 2]
    again = cli("extract", "1", "--accept", "--json")
    assert again.code == 0 and again.err.startswith("warning: 1 candidate was not added: ")
    assert [(u["start"], u["end"]) for u in json.loads(again.out)["unfit"]] == [(start, end)]
    # the way out the warning gives works
    claim = cli("claim", "add", "1", "--start", str(start), "--end", str(end), "--text", "Up 7999.")
    assert claim.code == 0, claim.err


def test_a_score_below_the_threshold_never_reads_as_the_threshold(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A score of 0.499 is below 0.5: the tables (extract, claim similar) show 0.499, not 0.50,
    and --json keeps the value."""
    import workbench.services.extract as service
    import workbench.services.similar as similar

    found = service.find_candidates
    monkeypatch.setattr(
        service, "find_candidates", lambda *a: [replace(c, score=0.499) for c in found(*a)]
    )
    add(cli, tmp_path, "Revenue rose 40 percent in 2023.\n")
    r = cli("extract", "1", "--min-score", "0")
    assert r.code == 0 and "| 0.499 |" in r.out and "0.50 " not in r.out, r.out
    assert json.loads(cli("extract", "1", "--min-score", "0", "--json").out)[0]["score"] == 0.499

    assert cli("extract", "1", "--min-score", "0", "--accept").code == 0
    cli("claim", "add", "1", "--text", "Revenue grew 40% in 2023", "--quote", "40 percent")
    ranked = similar.similar_claims

    def lowered(*args: Any, **kw: Any) -> list[similar.Similar]:
        return [replace(s, similarity=0.499) for s in ranked(*args, **kw)]

    monkeypatch.setattr(similar, "similar_claims", lowered)
    r = cli("claim", "similar", "2", "--min-score", "0")
    assert r.code == 0 and "| 0.499 " in r.out and "0.50 " not in r.out, r.out


RANKED = (
    "Officials said the plan might help some families next year.\n"
    "Revenue rose 40 percent in 2023, the company reported.\n"
    "Unemployment fell to 3.5 percent in March 2024, the lowest since 1969, the Bureau of "
    "Labor Statistics said.\n"
    "We think this is a good idea.\n"
)


def test_limit_lists_the_best_candidates_in_document_order(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, RANKED)
    every = json.loads(cli("extract", "1", "--min-score", "0", "--json").out)
    best = sorted(every, key=lambda c: (-c["score"], c["start"]))[:2]
    expected = sorted(best, key=lambda c: c["start"])
    assert expected != every[:2], "the first two are not the best two"
    r = cli("extract", "1", "--min-score", "0", "--limit", "2", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out) == expected
    assert "highest-scoring" in cli("extract", "--help").out


def test_accept_limit_counts_the_candidates_it_can_add(cli: Cli, tmp_path: Path) -> None:
    add(cli, tmp_path, RANKED)
    every = json.loads(cli("extract", "1", "--min-score", "0", "--json").out)
    top = max(every, key=lambda c: c["score"])
    start, end = str(top["start"]), str(top["end"])
    assert cli("claim", "add", "1", "--start", start, "--end", end, "--text", "Top").code == 0
    r = cli("extract", "1", "--min-score", "0", "--accept", "--limit", "2")
    assert r.code == 0, r.err
    assert "added 2 unverified claims; skipped 1 already covered" in r.out
    rest = sorted((c for c in every if c is not top), key=lambda c: (-c["score"], c["start"]))
    for c in rest[:2]:
        assert f"characters {c['start']}–{c['end']}" in r.out


def test_accept_says_a_few_matches_checked_before_then_how_many_more(
    cli: Cli, tmp_path: Path
) -> None:
    """A trial's long transcript printed 15,085 "claim #N is similar to #M" lines."""
    from workbench.cli.extract import SHOWN_SIMILAR

    lines = [f"HOLT: Exports to Canada rose {i} percent in {1990 + i}." for i in range(30)]
    add(cli, tmp_path, "\n".join(lines) + "\n")
    assert cli("extract", "1", "--min-score", "0", "--accept").code == 0
    again = tmp_path / "again.txt"
    again.write_text("\n".join(x.replace("rose", "grew") for x in lines) + "\n", encoding="utf-8")
    assert cli("doc", "add", str(again)).code == 0
    r = cli("extract", "2", "--min-score", "0", "--accept", "--json")
    matches = sum(len(c["similar"]) for c in json.loads(r.out)["added"])
    assert matches > SHOWN_SIMILAR
    said = r.err.splitlines()
    assert sum(" is similar to #" in line for line in said) == SHOWN_SIMILAR
    assert f"... and {matches - SHOWN_SIMILAR} more matches" in said[SHOWN_SIMILAR]


def test_help_says_the_span_can_depend_on_min_score(cli: Cli) -> None:
    # By design: a sentence below the bar is offered by its best clause, if that one clears it.
    out = " ".join(cli("extract", "--help").out.split())
    assert "so a candidate's span and score can change with --min-score" in out
