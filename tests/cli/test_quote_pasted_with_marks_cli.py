"""`claim add --quote "“…”"`, and an import's quote in quotation marks, pinned and said.

What the user met: a sentence pasted with the quotation marks it was quoted in elsewhere
(“营收一百亿元”, 「…」) was refused "quote not found in the document", by `claim add`, by
`import claims` and by `import annotations`. The words inside are pinned now, and that the
marks were left out is said: on stderr by `claim add`, as a row's notice by the imports."""

from __future__ import annotations

import json
from pathlib import Path

from tests.inprocess import ok, run_cli

TEXT = "甲公司去年营收一百亿元，他说“我们会继续增长”。\n"
SAID = "the quotation marks around the quote are not in the document there: pinned the words inside"


def _desk(db_url: str) -> dict[str, str]:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "mei"}
    ok(run_cli(["doc", "add", "-"], stdin=TEXT.encode(), env=env))
    return env


def test_claim_add_pins_the_words_inside_and_says_so(db_url: str) -> None:
    env = _desk(db_url)
    r = ok(
        run_cli(["claim", "add", "1", "--text", "营收百亿", "--quote", "“营收一百亿元”"], env=env)
    )
    assert r.out == "added claim #1, characters 5–11: 营收一百亿元\n", r.out
    assert SAID in r.err, r.err
    r = ok(
        run_cli(
            ["claim", "add", "1", "--text", "会增长", "--quote", "“我们会继续增长”", "--json"],
            env=env,
        )
    )
    assert json.loads(r.out)["quote"] == "“我们会继续增长”"
    assert SAID not in r.err, r.err


def test_imports_pin_the_words_inside_and_say_so(db_url: str, tmp_path: Path) -> None:
    env = _desk(db_url)
    sheet = tmp_path / "c.csv"
    sheet.write_text("text,quote\n营收百亿,「营收一百亿元」\n", encoding="utf-8")
    r = ok(run_cli(["import", "claims", str(sheet), "--doc", "1", "--json"], env=env))
    assert f"row 2: {SAID}" in json.loads(r.out)["notices"], r.out
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "他说会增长"},
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "‘我们会继续增长’"}},
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    r = ok(run_cli(["import", "annotations", str(path), "--doc", "1"], env=env))
    assert SAID not in r.err, r.err  # the text's own marks there: kept, nothing left out
    shown = json.loads(ok(run_cli(["claim", "list", "--json"], env=env)).out)
    assert [c["quote"] for c in shown] == ["营收一百亿元", "“我们会继续增长”"]


def test_claim_edit_quote_says_so_too(db_url: str) -> None:
    """`claim edit ID --quote "“…”"` re-pins by the same anchoring as claim add: the words
    inside were pinned there too, without a word of the marks left out."""
    env = _desk(db_url)
    ok(run_cli(["claim", "add", "1", "--text", "营收百亿", "--quote", "营收一百亿元"], env=env))
    r = ok(run_cli(["claim", "edit", "1", "--quote", "「去年营收一百亿元」"], env=env))
    assert "去年营收一百亿元" in r.out and SAID in r.err, (r.out, r.err)
