"""Verification statuses and claim types: the status table the workflow, help texts and exports
read (the moves between statuses are decided in workbench.domain.transitions)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from workbench.domain.cjk import TYPED_ASCII
from workbench.domain.errors import InvalidInput

E = TypeVar("E", bound=StrEnum)


class Status(StrEnum):
    UNVERIFIED = "unverified"
    IN_PROGRESS = "in_progress"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"
    OPINION = "opinion"
    WITHDRAWN = "withdrawn"


STATUS_MEANINGS: dict[Status, str] = {
    Status.UNVERIFIED: "picked out of the text; nobody has started checking it",
    Status.IN_PROGRESS: "someone is researching it",
    Status.IN_REVIEW: "a verdict is proposed and waits for a second reviewer's sign-off",
    Status.VERIFIED: "checked and true, on the evidence",
    Status.FALSE: "checked and false, on the evidence",
    Status.MISLEADING: "literally accurate or partly true, but leaves a false impression",
    Status.UNVERIFIABLE: "cannot be proved or disproved with the evidence available",
    Status.OPINION: "a view or judgement, not a checkable statement of fact",
    Status.WITHDRAWN: "taken back: picked out by mistake or a duplicate; never published",
}

FINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.VERIFIED, Status.FALSE, Status.MISLEADING, Status.UNVERIFIABLE, Status.OPINION}
)
# The same, as the strings rows and events hold.
FINAL_VALUES: frozenset[str] = frozenset(s.value for s in FINAL_STATUSES)
OPEN_STATUSES: frozenset[Status] = frozenset(
    {Status.UNVERIFIED, Status.IN_PROGRESS, Status.IN_REVIEW}
)
# Neither open nor a verdict: a claim taken back (`claim withdraw`), with its reason. It is no
# one's work and publishes nothing: lists, boards and the "checked before?" search leave it out,
# ClaimReview, Web Annotations and the report never carry it; `claim status ID unverified|
# in_progress --note ...` restores it (workbench.domain.transitions).
WITHDRAWN_VALUE = Status.WITHDRAWN.value


# Verdicts that assert something about the facts, and so must cite evidence.
def pinned_anew_when_gone(status: str) -> bool:
    """Whether a claim of `status` whose quote a revision took out is settled by pinning it
    anew (`claim edit --quote`) or withdrawing it: one still being checked. One holding a
    verdict, given or proposed, is flagged for re-review instead (confirm or reopen), and a
    withdrawn one was taken back (both steps are refused it). `claim show` and `doc update`
    name the steps by it."""
    return status in (Status.UNVERIFIED.value, Status.IN_PROGRESS.value)


def holds_verdict(status: str) -> bool:
    """Whether a claim of `status` holds a verdict, given or proposed (awaiting its second
    reviewer): what a revision that changes its words flags, and what a confirmation warns of."""
    return status in FINAL_VALUES or status == Status.IN_REVIEW.value


EVIDENCE_STATUSES: frozenset[Status] = frozenset({Status.VERIFIED, Status.FALSE, Status.MISLEADING})

# For publishing (ClaimReview): value on a 1..5 scale (None: not on the scale) and label.
RATINGS: dict[Status, tuple[int | None, str]] = {
    Status.VERIFIED: (5, "True"),
    Status.MISLEADING: (3, "Misleading"),
    Status.FALSE: (1, "False"),
    Status.UNVERIFIABLE: (None, "Unproven"),
}


def rating(status: str) -> dict[str, int | str | None] | None:
    found = RATINGS.get(Status(status))
    return None if found is None else {"value": found[0], "label": found[1]}


def rating_label(status: str) -> str | None:
    """The label a claim of `status` is published with (None: it has no rating)."""
    found = rating(status)
    return None if found is None else str(found["label"])


def rating_contradicts(label: str, given_status: str | None, claim_status: str) -> bool:
    """Whether a rating label a file gives (an annotation's `assessing` body) says another
    verdict than the claim's. The rating follows from the status: a label that is the file's
    own status's (`given_status`, None: the file gives none) says nothing the status does not
    (a changed status is said as the status), so only a label that is neither that nor the
    claim's contradicts it. Labels are matched as typed in any case, spaces about them aside
    (an editor types "false" for False), and in full-width forms as ASCII, as every typed
    word of ASCII is read (`cjk.TYPED_ASCII`: a Chinese IME in full-width mode types Ｆａｌｓｅ).
    A translated label (假) is another label: no rating is named in Chinese."""
    typed = label.translate(TYPED_ASCII).strip().casefold()
    if given_status is not None and typed == (rating_label(given_status) or "").casefold():
        return False
    return typed != (rating_label(claim_status) or "").casefold()


def rating_emptied(given_status: str | None, claim_status: str) -> bool:
    """Whether a file that leaves a claim's rating empty (an annotation's `assessing` label,
    a table's rating cell) leaves out a rating the claim has: said as emptied, not changed (no
    import sets a rating: it follows from the status). Not where the claim has none, nor where
    the file's own status (`given_status`, None: it gives none) has none, as a label that is
    that status's says nothing beyond it (`rating_contradicts`)."""
    if rating_label(claim_status) is None:
        return False
    return given_status is None or rating_label(given_status) is not None


class ClaimType(StrEnum):
    FACT = "fact"
    QUANTITY = "quantity"
    DATE = "date"
    RANKING = "ranking"
    PRIORITY = "priority"
    ATTRIBUTION = "attribution"
    PREDICTION = "prediction"
    OPINION = "opinion"


STATUS_NAMES: tuple[str, ...] = tuple(s.value for s in Status)
CLAIM_TYPE_NAMES: tuple[str, ...] = tuple(t.value for t in ClaimType)
# In table order, for help texts and boards (never written out by hand elsewhere).
OPEN_NAMES: tuple[str, ...] = tuple(s.value for s in Status if s in OPEN_STATUSES)
VERDICT_NAMES: tuple[str, ...] = tuple(s.value for s in Status if s in FINAL_STATUSES)
# What a person can ask for with `status`: in_review is reached only by proposing a verdict
# (withdrawn is set as `claim withdraw` sets it, on the same rules).
SETTABLE_NAMES: tuple[str, ...] = tuple(s.value for s in Status if s != Status.IN_REVIEW)


def listed(names: tuple[str, ...], last: str = "and") -> str:
    """`a, b and c`: a list of names for a sentence."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def parse_name(table: type[E], value: str, what: str, plural: str) -> E:
    """A member of `table` by its name, or a refusal that lists the valid names."""
    try:
        return table(value)
    except ValueError:
        valid = ", ".join(member.value for member in table)
        raise InvalidInput(f"unknown {what} {value!r}; valid {plural}: {valid}") from None


def parse_status(value: str) -> Status:
    return parse_name(Status, value, "status", "statuses")


def parse_claim_type(value: str) -> ClaimType:
    return parse_name(ClaimType, value, "claim type", "types")


def same_person_key(name: str) -> str:
    """A name (a speaker's, an actor's) by case, width and spacing, without the characters that
    draw nothing: `SMITH` + U+200B, pasted from a page, is SMITH; a space typed between the
    characters of a Chinese name is none (`王 伟` is 王伟: trial53 found no claim by it); and a
    foreign name's middle dot is one however the IME typed it (`・`, `‧` are `·`: trial58)."""
    from workbench.domain.forms import one_middle_dot
    from workbench.domain.identity import drawn, join_han

    key = " ".join(one_middle_dot(unicodedata.normalize("NFKC", drawn(name))).casefold().split())
    # As a name's normal form drops it (identity.join_han: Han of every block, 𠮷 as 伟).
    return join_han(key) if " " in key and not key.isascii() else key


# A name with its other script's form in brackets: `Yan Junjie (闫俊杰)`, as a seed writes it.
_GLOSSED = re.compile(r"(.+?)\s*[(（]([^()（）]+)[)）]")


def name_keys(name: str) -> tuple[str, ...]:
    """The keys a stored name is found by: the whole of it, and for a name glossed in brackets
    each of its two forms (trial53: `--speaker 闫俊杰` and `--speaker "Yan Junjie"` found none
    of the seed's claims by `Yan Junjie (闫俊杰)`)."""
    whole = same_person_key(name).replace(" (", "(")  # Yan Junjie（闫俊杰） typed full-width
    glossed = _GLOSSED.fullmatch(name.strip())
    if glossed is None:
        return (whole,)
    return (whole, same_person_key(glossed[1]), same_person_key(glossed[2]))


def same_person(
    a: str | None, b: str | None, displays: Mapping[str, str | None] | None = None
) -> bool:
    """Names as people type them: "Alice", "ａｌｉｃｅ" and a Cyrillic "аlice" are one
    reviewer, and so are "wang fang" and 王芳, so neither case, width, a look-alike letter nor
    the other script approves one's own verdict (workbench.domain.identity: same normal form,
    same confusable skeleton, or one the other's pinyin; with `displays`, a registered name ->
    its display name, also a name and a display name alike)."""
    from workbench.domain.identity import same_person as by_identity

    return by_identity(a, b, displays)
