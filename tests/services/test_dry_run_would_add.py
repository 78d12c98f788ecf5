"""What `import_claims(..., dry_run=True)` reports of the claims it would add.

The CLI had to tell a dry run's claims from those present by their ids (the first it would add
drew the lowest id of them), a guess PostgreSQL's sequences can defeat. The service, which
wrote and rolled them back, says it: each claim it would add comes with no id to say, its
`same_span` the claims present, and a count of its own claims before it on the span.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import import_claims

ARTICLE = "甲说了一句话。乙说了另一句话。丙没有说话。"


@pytest.fixture
def doc(wb: Workbench) -> int:
    return add_document(wb, ARTICLE.encode()).document.id


def _sheet(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "rows.csv"
    path.write_text("quote,text\r\n" + "".join(f"{r}\r\n" for r in rows), encoding="utf-8")
    return str(path)


def test_a_dry_run_reports_the_claims_it_would_add_apart_from_those_present(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    present = add_claim(wb, doc, "甲说", SpanRequest(quote="甲说了一句话。")).id
    path = _sheet(tmp_path, "甲说了一句话。,甲另说", "甲说了一句话。,甲又说", "丙没有说话。,丙没说")
    dry = import_claims(wb, path, doc, dry_run=True)
    assert dry.dry_run and list(dry.added) == []
    said = [(w.claim.text, w.claim.same_span, w.twins_to_add) for w in dry.would_add]
    assert said == [("甲另说", (present,), 0), ("甲又说", (present,), 1), ("丙没说", (), 0)]
    assert [w.on_a_twin_span for w in dry.would_add] == [True, True, False]
    assert [(d["id"], d["same_span"]) for d in (w.to_json() for w in dry.would_add)] == [
        (None, [present]),
        (None, [present]),
        (None, []),
    ]


def test_an_import_reports_its_claims_as_added_with_their_ids(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    present = add_claim(wb, doc, "甲说", SpanRequest(quote="甲说了一句话。")).id
    path = _sheet(tmp_path, "甲说了一句话。,甲另说", "甲说了一句话。,甲又说")
    result = import_claims(wb, path, doc)
    assert not result.dry_run and list(result.would_add) == []
    first, second = result.added
    assert (first.same_span, second.same_span) == ((present,), (present, first.id))
