"""What makes two claims the same claim: the one rule, for the ORM and the lean read path."""

from __future__ import annotations

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import MAX_NOTE, check_text, has_visible
from workbench.domain.spans import Span
from workbench.domain.text import normalise


def claim_text(text: str) -> str:
    """A claim's text as stored: normalised, whitespace collapsed, bounded, not empty."""
    cleaned = " ".join(check_text(normalise(text), "the claim text", MAX_NOTE).split())
    claim_text_empty(cleaned)
    return cleaned


def claim_text_empty(text: str) -> None:
    """Refuse a claim's text with nothing visible in it (asked by the parser too, for a text
    typed: bad usage, exit 2)."""
    if not has_visible(text):
        raise InvalidInput("the claim text is empty: say in one sentence what is claimed")


# The columns that make two claims the same claim, in the order same_claim gives them.
SAME_CLAIM_COLUMNS = ("document_id", "revision", "span_start", "span_end", "text")


def same_claim(
    document_id: int, span: Span, text: str, *, revision: int = 1
) -> tuple[tuple[str, object], ...]:
    """The claims columns (by column name) and values a claim equal to this one has: the same
    document and revision, the same span, the same stored text. Another text on the same span is
    a different claim (a decision, not a duplicate). Both services.claims.existing_claim (ORM)
    and the seed's lean check (services.seed_files) build their query from this."""
    values = (document_id, revision, span.start, span.end, claim_text(text))
    return tuple(zip(SAME_CLAIM_COLUMNS, values, strict=True))


def pinned_twice(twin: int) -> str:
    """The refusal of a claim that would be claim #`twin` again (`same_claim`): `claim add`
    refuses a second one, and `claim edit` a text that would make one."""
    return f"claim #{twin} already pins this span with this text"
