"""Claims as CSV, one row per claim (`claim list --csv`), for spreadsheets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from workbench.exports.cells import csv_cell, write_sheet
from workbench.exports.claims_table import TAG_SEPARATOR
from workbench.services.views import ClaimView

# The columns a desk sorts and filters on, in the order they read best; a claim's JSON names.
COLUMNS = (
    "id",
    "document_id",
    "status",
    "rating",
    "flagged",
    "type",
    "priority",
    "assignee",
    "due",
    "tags",
    "speaker",
    "text",
    "quote",
    "start",
    "end",
    # the revision start and end count in, and how re-anchoring last found the quote (an
    # orphaned claim's offsets are in an earlier text: trial48 read them in the current one)
    "revision",
    "anchor",
    "evidence_count",
    "version",
    "updated_at",
    # in review: the verdict proposed and who proposed it, for the second reviewer (trial57);
    # last, so that the columns before keep their places
    "proposed_status",
    "proposed_by",
    # when its latest work was (an event of the claim's, or its notes', evidence's, reviews';
    # a `doc update`'s re-anchoring aside: claim_rows.work_on_claim): a sheet sorts by it for
    # the claims nobody has worked on (`--untouched-since`); last, as above
    "last_activity",
)


def write(claims: Iterable[ClaimView], out: IO[str], *, bom: bool = False) -> int:
    """Rows as the claims come: `claim list --csv` streams them a page at a time."""
    return write_sheet(out, COLUMNS, (_cells(claim) for claim in claims), bom=bom)


def _cells(claim: ClaimView) -> list[str]:
    row = claim.to_json()
    # One cell each: tags joined, the rating by its label.
    row["tags"] = TAG_SEPARATOR.join(claim.tags)  # as `export claims` joins them
    row["rating"] = (claim.rating or {}).get("label")
    row["anchor"] = claim.anchor_state
    return [csv_cell(row[name]) for name in COLUMNS]
