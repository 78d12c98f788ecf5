"""`import annotations`, like `import claims` (review56), made a new `Matcher` for every
annotation it anchored, so each one whose quote was not in the text verbatim folded the whole
document again (0.2-0.7 s an annotation on a 2 MB text). One matcher serves the whole import
now; quotes retyped with other spacing or punctuation are anchored as before. Counted, not
timed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain import anchoring

Run = Callable[..., Any]

LINE = "The minister said the rate rose by 5 percent in 2023, and exports fell by {} percent.\n"


def _count_folds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    built = [0]
    real = anchoring.Folded

    class Counted(real):  # type: ignore[misc,valid-type]
        def __init__(self, text: str) -> None:
            built[0] += 1
            super().__init__(text)

    monkeypatch.setattr(anchoring, "Folded", Counted)
    return built


def _annotation(exact: str) -> dict[str, Any]:
    return {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "checked"},
        "target": {"selector": {"type": "TextQuoteSelector", "exact": exact}},
    }


def test_an_annotation_import_folded_the_document_once_not_once_an_annotation(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("".join(LINE.format(i) for i in range(50)), encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    notes = tmp_path / "a.json"
    notes.write_text(
        json.dumps([_annotation(f"imports fell by {i} percent") for i in range(20)]),
        encoding="utf-8",
    )
    built = _count_folds(monkeypatch)
    r = cli("import", "annotations", str(notes), "--doc", "1")
    assert r.code == 1, r.err  # every annotation fails: none is in the text
    assert built[0] <= 1, f"the document was folded {built[0]} times for 20 annotations"


def test_retyped_quotes_were_anchored_as_before_with_the_text_folded_once(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "".join(LINE.format(i) for i in range(30))
    doc = tmp_path / "a.txt"
    doc.write_text(text, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    # Retyped: full-width comma, spacing doubled. Each is found folded, in its own line.
    quotes = [f"2023， and  exports fell by {i} percent" for i in (3, 17, 29)]
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "".join(
            json.dumps({"quote": q, "text": f"claim {k}"}) + "\n" for k, q in enumerate(quotes)
        ),
        encoding="utf-8",
    )
    notes = tmp_path / "a.json"
    notes.write_text(json.dumps([_annotation(q) for q in quotes]), encoding="utf-8")
    built = _count_folds(monkeypatch)
    assert cli("import", "claims", "--doc", "1", str(rows)).code == 0
    assert built[0] == 1  # pass 1 and pass 2 share it: folded once
    claims = json.loads(cli("claim", "list", "--json").out)
    want = [text.index(f"2023, and exports fell by {i} percent") for i in (3, 17, 29)]
    assert sorted(c["start"] for c in claims) == want
    built[0] = 0
    r = cli("import", "annotations", str(notes), "--doc", "1")
    assert r.code == 0, r.err
    assert built[0] <= 1
