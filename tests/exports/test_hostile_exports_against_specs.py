"""Every publishing format, on a desk of hostile data, against the schemas in shared/specs:
the W3C Web Annotation suite's MUSTs, the schema.org term list, and the claims table read
back by `import claims`. The data: a claim text that held control characters (refused, then
added without them), one of 20,000 characters, right-to-left Arabic, emoji joined by ZWJ, a
quote holding `</script>`, a URL with a space (refused; its %20 form kept), a speaker given
empty, and a verdict given on a clock at the year 9999."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from export_desk import Run
from test_annotations import VALIDATORS
from test_claimreview import TERMS, typed_nodes

from workbench.domain.errors import InvalidInput
from workbench.exports.claimreview import json_ld
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import claim_rows, export_annotations, export_claimreview
from workbench.services.review_selection import ReviewSelection

RTL = "قال الوزير إن النمو بلغ ٥٪"
EMOJI = "Growth hit 5% 🚀👩‍👩‍👧 this year"
SCRIPT = "He wrote </script><script>alert(1)</script> in the post"
LONG = "x" * 20_000
TEXT = "\n".join([RTL, EMOJI, SCRIPT, LONG, "The bell rang twice."]) + "\n"


def _hostile(wb: Workbench, set_day: Callable[[str], None]) -> dict[str, int]:
    set_day("2026-01-05T10:00:00")
    with pytest.raises(InvalidInput):
        DocumentMeta(url="https://news.example.com/a b").checked()
    doc = add_document(
        wb,
        TEXT.encode(),
        meta=DocumentMeta(
            title="Title 🚀 </script>",
            url="https://news.example.com/a%20b",
            author="",
            published="2025-12-31",
            language="ar",
        ),
    ).document.id
    with pytest.raises(InvalidInput, match="control character"):
        add_claim(wb, doc, "The bell \x07 rang\x1b[31m", SpanRequest(quote="The bell rang"))
    said = {
        "rtl": (RTL, RTL, "‏وزارة المالية"),
        "emoji": (EMOJI, EMOJI, "🚀 Man"),
        "script": (SCRIPT, SCRIPT, "  "),
        "long": (LONG, LONG, None),
        "bell": ("The bell rang twice", "The bell rang twice", '=HYPERLINK("x")'),
    }
    ids = {}
    for name, (text, quote, speaker) in said.items():
        ids[name] = add_claim(wb, doc, text, SpanRequest(quote=quote), speaker=speaker).id
        add_evidence(wb, ids[name], EvidenceInput(stance="refutes", url="https://example.org/s"))
        if name != "bell":
            set_status(wb, ids[name], "false", note=f"no </script> {name} 🚀")
    set_day("9999-06-01T00:00:00")
    set_status(wb, ids["bell"], "false", note="judged on a clock far ahead")
    set_day("2026-02-01T10:00:00")  # the export's own clock is right
    return ids


def test_every_format_holds_its_schema_on_hostile_data(
    wb: Workbench, set_day: Callable[[str], None]
) -> None:
    """The annotations pass every MUST schema; every ClaimReview node's properties are
    schema.org's for its type, the `</script>` never reaches the embedded JSON-LD as markup,
    and the 9999 verdict is skipped rather than dated then; the empty speaker names no
    author."""
    ids = _hostile(wb, set_day)
    items = export_annotations(wb).collection["first"]["items"]
    assert len(items) == len(ids)
    for annotation in items:
        for name, validator in VALIDATORS:
            errors = [e.message[:200] for e in validator.iter_errors(annotation)]
            assert not errors, f"{annotation['id']} fails {name}: {errors[:2]}"
        assert not any(annotation.get(k, "").startswith("9999") for k in ("created", "modified"))

    export = export_claimreview(
        wb, ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
    )
    reviews = {r["claimReviewed"]: r for r in export.reviews}
    assert set(reviews) == {RTL, EMOJI, SCRIPT, LONG}
    for node in typed_nodes(export.reviews):
        valid = set(TERMS["types"][node["@type"]]["properties"])
        assert {k for k in node if not k.startswith("@")} <= valid, node["@type"]
    assert "author" not in reviews[SCRIPT]["itemReviewed"]
    assert reviews[EMOJI]["itemReviewed"]["author"]["name"] == "🚀 Man"
    assert reviews[RTL]["itemReviewed"]["author"]["name"] == "وزارة المالية"
    embedded = json_ld(export.reviews)
    assert "</script" not in embedded and json.loads(embedded) == export.reviews

    rows = claim_rows(wb)
    assert {r["text"] for r in rows} == {RTL, EMOJI, SCRIPT, LONG, "The bell rang twice"}


def test_the_hostile_claims_table_reads_back_as_itself(
    wb: Workbench, set_day: Callable[[str], None], run: Run, tmp_path: Path
) -> None:
    """`export claims` (CSV, formulas neutralised: `=HYPERLINK` written as `'=HYPERLINK`),
    imported back into its document by `import claims`, adds nothing: every row is its claim,
    present, its text, quote and speaker read back as stored."""
    _hostile(wb, set_day)
    path = tmp_path / "claims.csv"
    exported = run("export", "claims", "-o", str(path))
    assert exported.code == 0, exported.err
    sheet = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert {r["speaker"] for r in sheet} >= {'\'=HYPERLINK("x")'}
    assert not any(c.startswith(("=", "+", "-", "@")) for r in sheet for c in r.values())
    back = run("import", "claims", str(path), "--doc", "1", "--json")
    assert back.code == 0, back.err
    result = json.loads(back.out)
    assert result["added"] == [] and result["differs"] == [], result
    assert result["already_present"] == len(sheet) == 5, result
