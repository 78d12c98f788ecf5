"""`export annotations --include-flagged` publishes a flagged verdict on the words it was given
on: the selectors, and the TimeState (`sourceDate`, `cached`), of the revision judged, not the
page's corrected words."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

MORNING = (
    "Mayor Denise Alvarez opened by saying ridership on city buses rose 23 percent last year, "
    "to 11.4 million trips.\n"
    "According to the budget document, fares would stay at $2.50 for the third year in a row, "
    "while the senior discount would be expanded to residents aged 62 and over.\n"
)
# The page corrected the figures the verdict is about.
AFTERNOON = MORNING.replace("23 percent", "17 percent").replace("11.4 million", "10.9 million")
QUOTE = "ridership on city buses rose 23 percent last year, to 11.4 million trips"


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _corrected_desk(cli: Run, tmp_path: Path) -> None:
    """Claim #1, rated false on the morning's words, flagged when the page corrected them."""
    ok(cli("doc", "add", _write(tmp_path, "v1.txt", MORNING), "--url", "https://news.example/live"))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "Ridership rose 23 percent, to 11.4 million trips",
            "--quote",
            QUOTE,
        )
    )
    ok(cli("evidence", "add", "1", "--citation", "City transit data 2025", "--stance", "refutes"))
    ok(cli("claim", "status", "1", "false", "--note", "City data: up 17 percent, 10.9 million."))
    ok(cli("doc", "update", "1", _write(tmp_path, "v2.txt", AFTERNOON)))


def _revisions(cli: Run) -> dict[int, dict[str, Any]]:
    rows = json.loads(ok(cli("doc", "revisions", "1", "--json")).out)
    rows = rows["revisions"] if isinstance(rows, dict) else rows
    return {r["number"]: r for r in rows}


def test_annotations_publish_a_flagged_verdict_on_the_words_it_judged(
    cli: Run, tmp_path: Path
) -> None:
    """trial54 (finding 5): a page corrected the figures a `false` verdict was about (23 ->
    17 percent). `export annotations --include-flagged`, the documented way to publish the
    verdict anyway, targeted the CORRECTED words ("rose 17 percent last year, to 10.9 million
    trips"), with a TimeState naming the new revision, under an `assessing` body "False": it
    told a reader that the corrected, true sentence was false. The verdict was given on
    revision 1: its words, offsets, sourceDate and cached sha256 are what it targets now."""
    _corrected_desk(cli, tmp_path)
    out = ok(cli("export", "annotations", "--include-flagged")).out
    (item,) = json.loads(out)["first"]["items"]
    assert item["motivation"] == "assessing"
    assert "False" in [b["value"] for b in item["body"]]
    target = item["target"]
    quote, position = target["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == QUOTE
    assert MORNING[position["start"] : position["end"]] == QUOTE
    assert MORNING[: position["start"]].endswith(quote["prefix"])
    assert MORNING[position["end"] :].startswith(quote["suffix"])
    first = _revisions(cli)[1]
    morning_sha = hashlib.sha256(MORNING.encode()).hexdigest()
    assert target["state"]["cached"] == f"urn:sha256:{morning_sha}"
    assert target["state"]["sourceDate"] == first["created_at"]
    assert target["source"] == "https://news.example/live"


def test_a_withheld_verdict_still_highlights_the_current_words(cli: Run, tmp_path: Path) -> None:
    """Without --include-flagged the verdict is withheld and the annotation (no status, rating
    or reason) highlights the claim where it is now, in the latest revision, as the report."""
    _corrected_desk(cli, tmp_path)
    (item,) = json.loads(ok(cli("export", "annotations")).out)["first"]["items"]
    assert item["motivation"] == "highlighting"
    quote, position = item["target"]["selector"]
    assert "17 percent" in quote["exact"]
    assert AFTERNOON[position["start"] : position["end"]] == quote["exact"]
    afternoon_sha = hashlib.sha256(AFTERNOON.encode()).hexdigest()
    assert item["target"]["state"]["cached"] == f"urn:sha256:{afternoon_sha}"


def test_the_verdict_on_the_judged_words_reads_back_as_its_claim(cli: Run, tmp_path: Path) -> None:
    """The export with the judged words re-imported into its own document is its claim,
    present (found by its annotation's id and text), nothing added."""
    _corrected_desk(cli, tmp_path)
    path = tmp_path / "a.json"
    ok(cli("export", "annotations", "--include-flagged", "-o", str(path)))
    r = ok(cli("import", "annotations", str(path), "--doc", "1"))
    assert r.err.splitlines()[-1] == "0 claims added, 1 already present"
