"""Pydantic models at the edges: files people write by hand and feed to the workbench."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workbench.domain.status import CLAIM_TYPE_NAMES


def known_claim_type(value: str) -> str:
    if value not in CLAIM_TYPE_NAMES:
        raise ValueError(f"unknown claim type {value!r}; valid: {', '.join(CLAIM_TYPE_NAMES)}")
    return value


class SeedDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str = Field(description="the article, relative to the claims file")
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


class SeedClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quote: str = Field(min_length=1, description="exact text of the article; offsets are found")
    occurrence: int | None = Field(default=None, ge=1)
    text: str = Field(min_length=1, description="the claim, normalised (often in English)")
    speaker: str | None = None
    type: str = "fact"

    _known_type = field_validator("type")(known_claim_type)


class SeedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: SeedDocument
    claims: list[SeedClaim] = Field(default_factory=list)


class ClaimRow(BaseModel):
    """One row of a claims table (`workbench import claims`, `workbench export claims`).

    Pin the claim with `quote` (retyped punctuation and spacing still anchor; `occurrence`
    picks among repeats), or with `start`/`end` code-point offsets, or both (the offsets
    then say which occurrence). Columns that only an export carries (id, document_id,
    rating) are ignored on import.
    """

    model_config = ConfigDict(extra="forbid", title="Claim row")

    quote: str | None = Field(default=None, description="the claim's exact words in the article")
    occurrence: int | None = Field(default=None, ge=1, description="which repeat of the quote")
    start: int | None = Field(default=None, ge=0, description="first code point of the span")
    end: int | None = Field(default=None, ge=1, description="code point after the span")
    text: str = Field(min_length=1, description="the claim, in one sentence")
    speaker: str | None = None
    type: str = Field(default="fact", description="fact, quantity, date, ranking, ...")
    status: str = Field(default="unverified", description="a status other than in_review")
    note: str | None = Field(
        default=None, description="the reason; required for a verdict or a reopened claim"
    )
    tags: list[str] | str | None = Field(default=None, description="a list, or 'a; b' in CSV")
    assignee: str | None = None
    priority: str | None = Field(default=None, description="high, normal or low")
    due: str | None = Field(default=None, description="YYYY-MM-DD")

    _known_type = field_validator("type")(known_claim_type)
