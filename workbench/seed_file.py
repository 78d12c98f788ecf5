"""Pydantic models at the edges: files people write by hand and feed to the workbench."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workbench.domain.seed_paths import beside_the_seed
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

    _beside = field_validator("file")(beside_the_seed)


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
