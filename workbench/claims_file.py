"""The claims file people fill in and `workbench import claims` reads (CSV or JSON)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workbench.domain.inputs import typed_word
from workbench.domain.plurals import plural
from workbench.domain.said_back import clip_quote
from workbench.domain.status import CLAIM_TYPE_NAMES
from workbench.seed_file import known_claim_type


def whole_number(value: object) -> object:
    """A number column as a file writes it: a JSON integer, or in CSV the digits of one.
    Pydantic's lax int took JSON `true` as 1 (`"start": true` pinned a claim to a span nobody
    gave) and the CSV cell `1_0` as 10 (review52); text fields already refused a boolean."""
    if isinstance(value, bool):
        raise ValueError("a whole number, not true or false")
    if (
        isinstance(value, str)
        and value.strip()
        and not (value.strip().isascii() and value.strip().lstrip("+-").isdigit())
    ):
        raise ValueError(f"a whole number in digits, not {value!r}")
    return value


def typed_type(value: object) -> object:
    """A claim type's cell as a person typed it into a spreadsheet: a stray space, capitals
    and full-width forms are none of its spelling (trial97: `fact ` refused a row whose
    priority `high ` and status `in_progress ` were read; `inputs.typed_word`)."""
    return typed_word(value, CLAIM_TYPE_NAMES) if isinstance(value, str) else value


class ClaimRow(BaseModel):
    """One row of a claims table (`workbench import claims`, `workbench export claims`).

    Pin the claim with `quote` (retyped punctuation and spacing still anchor; `occurrence`
    picks among repeats), or with `start`/`end` code-point offsets, or both (the offsets
    then say which occurrence; a row whose offsets hold other text is pinned at its quote,
    and the import says so in its notices). Columns that only an export carries (id, revision,
    rating, flagged, verdict_by, approved_by, verdict_at) are not imported: an id only
    recognises the export's own row of a claim already in the document (same quote and text),
    orphaned or not, which adds nothing; a row whose document_id is not the document imported
    into is a bad row (empty the column to import it there).
    """

    model_config = ConfigDict(extra="forbid", title="Claim row")

    # The columns only an export writes (claims_table.EXPORT_ONLY), described so that an
    # export's rows validate; an import takes none of them as a value (the database decides).
    id: int | None = Field(
        default=None,
        ge=1,
        description="export only: the claim's id (an import recognises the export's own row "
        "of a claim already in the document by it, and never takes it as the new claim's id)",
    )
    document_id: int | None = Field(
        default=None,
        ge=1,
        description="export only: the claim's document (an import refuses a row naming "
        "another document than the one imported into)",
    )
    quote: str | None = Field(default=None, description="the claim's exact words in the article")
    occurrence: int | None = Field(default=None, ge=1, description="which repeat of the quote")
    start: int | None = Field(default=None, ge=0, description="first code point of the span")
    end: int | None = Field(default=None, ge=1, description="code point after the span")
    revision: int | None = Field(
        default=None,
        ge=1,
        description="export only: the document revision start and end count in (not imported)",
    )
    text: str = Field(min_length=1, description="the claim, in one sentence")
    speaker: str | None = None
    type: str = Field(default="fact", description="fact, quantity, date, ranking, ...")
    status: str = Field(
        default="unverified",
        description="unverified, in_progress or a verdict (a verdict needs its note); imported, "
        "verified, false and misleading come in in_progress (a table carries no evidence), as "
        "does in_review (nor the proposal); unverifiable and opinion come in as given, or with "
        "review.required on, in_review: proposed by the importer, awaiting a second reviewer's "
        "approval; withdrawn (its note the reason) comes in withdrawn",
    )
    rating: str | None = Field(
        default=None, description="export only: the verdict's rating label (not imported)"
    )
    flagged: bool | None = Field(
        default=None,
        description="export only: the verdict is flagged for re-review (not imported)",
    )
    note: str | None = Field(
        default=None, description="the reason; required for a verdict or a reopened claim"
    )
    tags: list[str] | str | None = Field(
        default=None, description="a list, or 'a; b' in CSV ('；', ',' and '，' separate too)"
    )
    assignee: str | None = None
    priority: str | None = Field(
        default=None, description="high, normal or low (高, 中, 低 are taken for them)"
    )
    due: str | None = Field(default=None, description="YYYY-MM-DD")
    verdict_by: str | None = Field(
        default=None,
        description="export only: who gave the verdict, or proposed it (not imported)",
    )
    approved_by: str | None = Field(
        default=None,
        description="export only: who approved the verdict, empty when no second person did "
        "(not imported)",
    )
    verdict_at: str | None = Field(
        default=None,
        description="export only: when the verdict stood, UTC, to the second (not imported)",
    )

    _typed_type = field_validator("type", mode="before")(typed_type)
    _known_type = field_validator("type")(known_claim_type)
    _numbers = field_validator(
        "id", "document_id", "occurrence", "start", "end", "revision", mode="before"
    )(whole_number)


# What a claims file cannot do without: the claim, and where it is in the text.
NEEDS = "a claims file needs text, and quote or start and end (see `workbench schema claims`)"
# The columns that say so, found wherever they are in a file of many columns.
NEEDED = frozenset({"text", "quote", "start", "end"})
# The columns a refusal names, in the file's order.
COLUMNS_NAMED = 10


def column_problem(columns: Iterable[str]) -> str | None:
    """Why a file with these columns cannot be a claims table (None: it can): it has no
    `text` column, or neither `quote` nor `start` and `end`. Every row would fail alike, so
    the file is refused once, in words, naming the columns it has in the file's order (a
    trial's header `claim_text,excerpt,who` was told "row 2: text: Field required" for each
    row). A column it does not know beside the needed ones is said by the rows that give it."""
    given = list(dict.fromkeys(columns))
    present = set(given)
    pinned = "quote" in present or {"start", "end"} <= present
    missing = ([] if "text" in present else ["'text' column"]) + (
        [] if pinned else ["'quote' column (nor 'start' and 'end')"]
    )
    if not missing:
        return None
    if not given:
        return f"no columns: {NEEDS}"
    more = f" and {len(given) - COLUMNS_NAMED} more" if len(given) > COLUMNS_NAMED else ""
    named = ", ".join(_shown(name) for name in given[:COLUMNS_NAMED]) + more
    are = "the file's one column is" if len(given) == 1 else "the file's columns are"
    return f"no {' and no '.join(missing)}: {are} {named}; {NEEDS}"


# The columns `claim list --csv` writes beside a claims table's (a to-do list, not a table
# to import: `export claims` writes one).
LISTING_ONLY = frozenset({"evidence_count", "version", "updated_at", "last_activity"})


def unknown_columns(filled: Sequence[tuple[str, int]], rows: int) -> str | None:
    """Why a file with these columns, which no claims table has, is refused (None: there are
    none), each with the number of its `rows` that fill it: a row that fills one fails, so the
    file is refused once, whichever rows fill it, rather than each such row (--skip-bad would
    import the rest and drop what was written there). All of them are named, in the file's
    order, and `claim list --csv`'s own are told for what they are."""
    if not filled:
        return None
    names = [name for name, _ in filled]
    more = f" and {len(names) - COLUMNS_NAMED} more" if len(names) > COLUMNS_NAMED else ""
    named = ", ".join(_shown(name) for name in names[:COLUMNS_NAMED]) + more
    listing = (
        "; the file looks like `claim list --csv`, a to-do list: `export claims` writes a "
        "table to import"
        if LISTING_ONLY.intersection(names)
        else ""
    )
    column = "a column" if len(names) == 1 else "columns"
    most = max(n for _, n in filled)
    who = (
        "every row has"
        if most == rows
        else f"{most:,} of {plural(rows, 'row')} {'fills' if most == 1 else 'fill'}"
        if len(names) == 1
        else f"up to {most:,} of {plural(rows, 'row')} fill"
    )
    return (
        f"{who} {column} a claims table does not: {named}; remove "
        f"{'it' if len(names) == 1 else 'them'} (see `workbench schema claims`){listing}"
    )


def _shown(name: str) -> str:
    """A column's name as a message shows it: clipped, and quoted when not all printable."""
    clipped = clip_quote(name, 40)
    return clipped if clipped.isprintable() and clipped.strip() == clipped != "" else repr(clipped)
