"""The same-span warning names the first three claims on the span, then counts the rest.

trial196: a stress run put some twenty claims on one sentence's words; each claim added on
it after (`claim add`, `import claims`, its `--dry-run`) warned "claims #1 and #2 and #3 and
... pin exactly these words": every id on one line, and a line that grows with the desk.
It names three and says how many more, as the CLI's other capped lists do; `--json`'s
`same_span` gives the first hundred and `same_span_count` them all
(test_same_span_listed_in_json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "融资金额超过１０亿美元，估值达到２５亿美元。"
QUOTE = "融资金额超过１０亿美元"


def _five_on_one_span(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    for n in range(1, 6):
        ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", f"第{n}种说法"))


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning:")]


def test_claim_add_names_three_of_the_claims_on_the_span_and_counts_the_rest(
    cli: Any, tmp_path: Path
) -> None:
    _five_on_one_span(cli, tmp_path)
    r = ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", "第六种说法"))
    assert _warnings(r.err) == [
        "warning: claims #1, #2, #3 and 2 more pin exactly these words (characters 0–11) "
        "with other text; #6 is another claim on the same span"
    ], r.err


def test_claim_adds_json_still_names_every_claim_on_the_span(cli: Any, tmp_path: Path) -> None:
    _five_on_one_span(cli, tmp_path)
    r = ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", "第六种说法", "--json"))
    assert json.loads(r.out)["same_span"] == [1, 2, 3, 4, 5], r.out


def test_three_claims_on_the_span_are_all_named_as_before(cli: Any, tmp_path: Path) -> None:
    """Three ids are short enough: named, none counted."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    for n in range(1, 4):
        ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", f"第{n}种说法"))
    r = ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", "第四种说法"))
    assert _warnings(r.err) == [
        "warning: claims #1 and #2 and #3 pin exactly these words (characters 0–11) "
        "with other text; #4 is another claim on the same span"
    ], r.err


def test_an_import_names_three_of_the_claims_on_the_span(cli: Any, tmp_path: Path) -> None:
    _five_on_one_span(cli, tmp_path)
    sheet = tmp_path / "more.csv"
    sheet.write_text(f"quote,text\r\n{QUOTE},第六种说法\r\n", encoding="utf-8")
    r = ok(cli("import", "claims", str(sheet), "--doc", "1"))
    assert _warnings(r.err) == [
        "warning: row 2: claims #1, #2, #3 and 2 more pin exactly these words (characters "
        "0–11) with other text; #6 is another claim on the same span"
    ], r.err


def test_a_dry_run_names_three_of_the_claims_present_on_the_span(cli: Any, tmp_path: Path) -> None:
    _five_on_one_span(cli, tmp_path)
    sheet = tmp_path / "more.csv"
    sheet.write_text(
        f"quote,text\r\n{QUOTE},第六种说法\r\n{QUOTE},第七种说法\r\n", encoding="utf-8"
    )
    r = ok(cli("import", "claims", str(sheet), "--doc", "1", "--dry-run"))
    assert _warnings(r.err) == [
        "warning: row 2: claims #1, #2, #3 and 2 more pin exactly these words (characters "
        "0–11) with other text; the import would add another claim on the same span",
        "warning: row 3: claims #1, #2, #3, 2 more and a claim this import would add pin exactly "
        "these words (characters 0–11) with other text; the import would add another claim "
        "on the same span",
    ], r.err
    r = ok(cli("import", "claims", str(sheet), "--doc", "1", "--dry-run", "--json"))
    assert [c["same_span"] for c in json.loads(r.out)["added"]] == [[1, 2, 3, 4, 5]] * 2
