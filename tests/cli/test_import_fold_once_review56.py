"""review56: `import claims` (and `import annotations`) anchors each row's quote with
`pinning.anchor_quote`, which made a new `Matcher` for every row, so every row whose quote was
not in the text verbatim (retyped punctuation, or simply a row of another article) folded the
whole document again. On a 2 MB text a 300-row file of such rows took 62 s before it was
refused (0.2-0.7 s a row); a 10,000-row spreadsheet imported into the wrong document would have
held the command for over half an hour. The text is the same for every row: folded once is
enough (`Matcher` says so: "Re-anchors many selectors against one text, folding the text
once"). Counted, not timed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain import anchoring

Run = Callable[..., Any]


def test_review56_an_import_folds_the_document_once_not_once_a_row(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The minister said the rate rose by 5 percent in 2023.\n" * 50, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "".join(
            json.dumps({"quote": f"exports fell by {i} percent", "text": f"claim {i}"}) + "\n"
            for i in range(20)
        ),
        encoding="utf-8",
    )
    built = 0
    real = anchoring.Folded

    class Counted(real):  # type: ignore[misc,valid-type]
        def __init__(self, text: str) -> None:
            nonlocal built
            built += 1
            super().__init__(text)

    monkeypatch.setattr(anchoring, "Folded", Counted)
    r = cli("import", "claims", "--doc", "1", str(rows))
    assert r.code == 1, r.err  # every row fails: none is in the text
    assert built <= 2, f"the document was folded {built} times for 20 rows"
