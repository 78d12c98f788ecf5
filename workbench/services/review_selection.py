"""What `export claimreview` is asked for: which claims, published by whom and at which
addresses. One object, built once by the caller (the CLI from its options), read by every layer
of the export: the eight arguments were passed on one by one through three functions, where an
added one could be forgotten in any of them. Cheap to import (the CLI builds it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReviewSelection:
    """`org` and `org_url`: the publishing organisation and its site; `url_template`: each
    review's page ({id} for the claim id; None: `org_url` with an anchor). `claim_ids`,
    `document_ids`: only those (none: all); `include_flagged`: publish verdicts flagged for
    re-review too; `since`/`until`: only verdicts given in that span, as `stats` reads them.
    `after_seq`/`after_head`: only the claims whose verdict moved after that event of the
    trail (its seq, its hash; either or both, as `audit export --after` takes them), by
    position, not by clock.
    Checked by the export, not here: a bad one is refused there as it always was."""

    org: str
    org_url: str
    url_template: str | None = None
    claim_ids: Sequence[int] = ()
    document_ids: Sequence[int] = ()
    include_flagged: bool = False
    since: str | None = None
    until: str | None = None
    after_seq: int | None = None
    after_head: str | None = None

    @property
    def after(self) -> bool:
        """Whether the claims are selected by position (`--after`, `--after-seq`)."""
        return self.after_seq is not None or self.after_head is not None

    def __post_init__(self) -> None:
        # Held as tuples: a list passed in and changed after would change the selection.
        object.__setattr__(self, "claim_ids", tuple(self.claim_ids))
        object.__setattr__(self, "document_ids", tuple(self.document_ids))
