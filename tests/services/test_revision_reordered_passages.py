# ruff: noqa: E501  (Chinese sentences are quoted whole)
"""Re-anchoring a claim when a revision re-orders, removes or repeats its passage (trial54,
a fact-check desk following a live news page through the day): the verdict must stay on the
words it judged, and a revision that changes them must be flagged, never hidden."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

# A live blog's paragraph as first posted, then with its clauses re-ordered, then with the
# figure corrected (the edits the trial's Chinese page went through).
ZH_V1 = (
    "台风登陆福建。\n"
    "据福建省防汛抗旱指挥部介绍，全省已紧急转移群众12.6万人，关闭沿海景区87个，2300多艘渔船回港避风。\n"
    "停电用户达到41万户。\n"
)
ZH_V2 = (
    "台风登陆福建。\n"
    "据福建省防汛抗旱指挥部介绍，全省关闭沿海景区87个，2300多艘渔船回港避风，已紧急转移群众12.6万人。\n"
    "停电用户达到41万户。\n"
)
ZH_V3 = ZH_V2.replace("12.6万人", "13.1万人")
ZH_QUOTE = "据福建省防汛抗旱指挥部介绍，全省已紧急转移群众12.6万人，关闭沿海景区87个，2300多艘渔船回港避风。"


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _claim(cli: Run, cid: int) -> dict[str, Any]:
    return json.loads(ok(cli("claim", "show", str(cid), "--json")).out)  # type: ignore[no-any-return]


def _reordered_desk(cli: Run, tmp_path: Path) -> None:
    ok(cli("doc", "add", _write(tmp_path, "v1.txt", ZH_V1)))
    ok(cli("claim", "add", "1", "--text", "福建全省已紧急转移群众12.6万人。", "--quote", ZH_QUOTE))


def test_reordered_sentence_keeps_the_claims_figure_in_its_span(cli: Run, tmp_path: Path) -> None:
    """trial54, finding 1: the page moved the clause "已紧急转移群众12.6万人" to the end of its sentence.
    `doc update` re-pinned the claim (fuzzy, 0.74) to "据……介绍，全省关闭沿海景区87个，2300多艘
    渔船回港避风": the sentence cut short before the very clause the claim is about, which now
    sits in the claim's suffix. The report then highlights the wrong words for the claim."""
    _reordered_desk(cli, tmp_path)
    ok(cli("doc", "update", "1", _write(tmp_path, "v2.txt", ZH_V2)))
    claim = _claim(cli, 1)
    assert "12.6万人" in claim["quote"], claim["quote"]


def test_figure_corrected_after_a_reorder_flags_the_verdict(cli: Run, tmp_path: Path) -> None:
    """trial54, finding 1 (its consequence): after the re-order above, the page corrected 12.6万 to
    13.1万: the very figure the verified claim is about. Because the claim's span had lost
    that clause, `doc update` said `claims: exact 1`, the verdict stayed verified, unflagged,
    and `export claimreview` kept publishing "True" for 12.6万."""
    _reordered_desk(cli, tmp_path)
    ok(cli("evidence", "add", "1", "--citation", "防指值班室电话核实", "--stance", "supports"))
    ok(cli("claim", "status", "1", "verified", "--note", "值班室确认12.6万人。"))
    ok(cli("doc", "update", "1", _write(tmp_path, "v2.txt", ZH_V2)))
    # the re-order alone flags it; the desk confirms the verdict on the new words
    ok(cli("claim", "status", "1", "verified", "--note", "仅语序调整，数字未变。"))
    assert _claim(cli, 1)["flagged"] is False
    ok(cli("doc", "update", "1", _write(tmp_path, "v3.txt", ZH_V3)))
    claim = _claim(cli, 1)
    assert claim["flagged"] is True, (claim["quote"], claim["anchor"])


def test_removed_table_row_does_not_move_its_claim_onto_the_next_row(
    cli: Run, tmp_path: Path
) -> None:
    """trial54, finding 2: a table row was taken off the page. Its claim ("Route 4: 6,200 riders,
    +31%") was re-pinned (fuzzy, 0.80) onto the next row, "| Route 9 | 1,150 | -4% |", the
    span another claim already holds, instead of being orphaned. The report then shows the
    Route 4 claim highlighted on Route 9's figures."""
    text = (
        "Councillor Tom Reyes said the audit found 18 percent of routes run near empty.\n"
        "| Line | Daily riders | Change |\n"
        "|---|---|---|\n"
        "| Route 4 | 6,200 | +31% |\n"
        "| Route 9 | 1,150 | -4% |\n"
        "Fares would stay at $2.50 for the third year in a row.\n"
    )
    ok(cli("doc", "add", _write(tmp_path, "v1.txt", text)))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "Route 4 carries 6,200 riders a day, up 31%",
            "--quote",
            "| Route 4 | 6,200 | +31% |",
        )
    )
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "Route 9 carries 1,150 riders a day, down 4%",
            "--quote",
            "| Route 9 | 1,150 | -4% |",
        )
    )
    ok(
        cli(
            "doc",
            "update",
            "1",
            _write(tmp_path, "v2.txt", text.replace("| Route 4 | 6,200 | +31% |\n", "")),
        )
    )
    route4, route9 = _claim(cli, 1), _claim(cli, 2)
    assert "Route 4" in route4["quote"] or route4["anchor"]["state"] == "orphaned", route4["quote"]
    assert (route4["start"], route4["end"]) != (route9["start"], route9["end"])


EN_V1 = (
    "Mayor Denise Alvarez opened by saying ridership on city buses rose 23 percent last year, "
    "to 11.4 million trips.\n"
    "According to the budget document, fares would stay at $2.50 for the third year in a row, "
    "while the senior discount would be expanded to residents aged 62 and over.\n"
)


def test_clauses_swapped_within_a_sentence_do_not_orphan_its_claim(
    cli: Run, tmp_path: Path
) -> None:
    """trial54, finding 4: the live blog re-ordered a sentence's two clauses ("According to the budget
    document, fares would stay at $2.50 ..., while the senior discount ..." became "The senior
    discount ..., while fares would stay at $2.50 ..., according to the budget document."):
    every word is still there, yet the claim was orphaned, `claim status` warned that "a
    revision removed it", and the later change of the fare ($2.50 -> $2.75) touched no claim."""
    ok(cli("doc", "add", _write(tmp_path, "v1.txt", EN_V1)))
    quote = (
        "According to the budget document, fares would stay at $2.50 for the third year in a "
        "row, while the senior discount would be expanded to residents aged 62 and over."
    )
    ok(cli("claim", "add", "1", "--text", "Fares stay at $2.50 for a third year", "--quote", quote))
    v2 = EN_V1.replace(
        quote,
        "The senior discount would be expanded to residents aged 62 and over, while fares would "
        "stay at $2.50 for the third year in a row, according to the budget document.",
    )
    ok(cli("doc", "update", "1", _write(tmp_path, "v2.txt", v2)))
    claim = _claim(cli, 1)
    assert claim["anchor"]["state"] != "orphaned", claim["anchor"]
    assert "$2.50" in claim["quote"], claim["quote"]


def test_sentence_removed_but_quoted_by_a_correction_notice_is_not_silently_moved(
    cli: Run, tmp_path: Path
) -> None:
    """trial54, finding 3: the page took out the mayor's sentence and added a correction notice that
    repeats its words ("Correction: an earlier version of this post said ridership on city
    buses rose 23 percent last year."). The claim (speaker Denise Alvarez, verdict false) was
    re-anchored `moved`, "quote unchanged", into the correction notice: no flag, `doc update`
    said only "claims: moved 1", and the removal of the claim's sentence went unreported. Its
    32-character context changed entirely; such a move should be a change the desk sees."""
    v1 = (
        "Budget day.\n"
        "Mayor Denise Alvarez said ridership on city buses rose 23 percent last year.\n"
        "Fares stay at $2.50.\n"
    )
    v2 = (
        "Budget day.\n"
        "Fares stay at $2.50.\n"
        "Correction: an earlier version of this post said ridership on city buses rose 23 "
        "percent last year. The mayor said 17 percent.\n"
    )
    ok(cli("doc", "add", _write(tmp_path, "v1.txt", v1)))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "Ridership rose 23 percent last year",
            "--quote",
            "ridership on city buses rose 23 percent last year",
            "--speaker",
            "Denise Alvarez",
        )
    )
    ok(cli("evidence", "add", "1", "--citation", "City transit data", "--stance", "refutes"))
    ok(cli("claim", "status", "1", "false", "--note", "City data: 17 percent."))
    out = ok(cli("doc", "update", "1", _write(tmp_path, "v2.txt", v2))).out
    assert "#1 quote found only in another passage" in out, out
    claim = _claim(cli, 1)
    assert claim["flagged"] or claim["anchor"]["state"] in ("fuzzy", "orphaned"), (
        claim["anchor"],
        claim["prefix"],
    )


def test_a_reordered_sentence_is_taken_whole_only_with_all_its_words() -> None:
    """The re-order rule (findings 1 and 4) takes a run of sentences whole only when it holds
    exactly the quote's words: clauses swapped AND the fare changed is not that run (the
    fuzzy step weighs it as before: here, too little alike, orphaned and flagged)."""
    from workbench.domain.anchoring import AnchorState, Matcher, Selector
    from workbench.domain.spans import span_at

    quote = EN_V1.split("\n")[1]
    start = EN_V1.index(quote)
    span = span_at(EN_V1, start, start + len(quote))
    sel = Selector(span.start, span.end, span.quote, span.prefix, span.suffix)
    swapped = (
        "The senior discount would be expanded to residents aged 62 and over, while fares would "
        "stay at $2.50 for the third year in a row, according to the budget document."
    )
    found = Matcher(EN_V1.replace(quote, swapped)).reanchor(sel, start)
    assert found.state == AnchorState.FUZZY and found.span is not None
    assert found.span.quote == swapped
    changed = Matcher(EN_V1.replace(quote, swapped.replace("$2.50", "$2.75"))).reanchor(sel, start)
    assert changed.state == AnchorState.ORPHANED
