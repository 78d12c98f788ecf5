"""Whether a claim's speaker is an organisation or a person, as the desk says it: a tag on the
claim. The name alone cannot always say (MiniMax is a company, Jim Press a man), and a tag is
what a claim already carries through every path (the trail, a bundle, the claims table and its
import), so no column is needed.

ClaimReview publishes the kind as the author's @type; without either tag it guesses from the
name (`claimreview.agent`)."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.domain.errors import InvalidInput

# Both spellings: a desk types the one its house style uses. Stored folded (desk.normalise_tag),
# so `Speaker:Organization` is one of these.
ORGANISATION_TAGS = frozenset({"speaker:organisation", "speaker:organization"})
PERSON_TAG = "speaker:person"
KIND_TAGS = ORGANISATION_TAGS | {PERSON_TAG}


def speaker_kind(tags: Iterable[str]) -> str | None:
    """The schema.org type the tags give the claim's speaker: "Organization", "Person", or None
    (no such tag: the name decides). Both given, the organisation wins: a person's name is
    never published as a firm's by a guess, only by the desk's own tag (`claim tag` refuses
    both, `check_one_kind`; an import may still bring them)."""
    given = set(tags)
    if not given.isdisjoint(ORGANISATION_TAGS):
        return "Organization"
    return "Person" if PERSON_TAG in given else None


def check_one_kind(claim_id: int, before: Iterable[str], after: Iterable[str]) -> None:
    """Refuse tags that would give the speaker both kinds: a desk changing its mind about
    Jim Press (speaker:person, then speaker:organisation) meant the new one, and both tags
    published whichever `speaker_kind` prefers. `before` the claim's tags, `after` with the
    new ones; a claim that already had both (an import) may take other tags."""
    had, has = set(before) & KIND_TAGS, set(after) & KIND_TAGS
    if has == had or has.isdisjoint(ORGANISATION_TAGS) or PERSON_TAG not in has:
        return
    if not had:
        raise InvalidInput(
            f"claim #{claim_id}: a speaker is an organisation or a person, not both: give "
            "speaker:organisation or speaker:person"
        )
    old = sorted(had)
    raise InvalidInput(
        f"claim #{claim_id}'s speaker is tagged {', '.join(old)}: a speaker is an organisation "
        f"or a person, not both; untag {' '.join(old)} first to say the other"
    )
