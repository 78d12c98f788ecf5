"""Whether a claim's speaker is an organisation or a person, as the desk says it: a tag on the
claim. The name alone cannot always say (MiniMax is a company, Jim Press a man), and a tag is
what a claim already carries through every path (the trail, a bundle, the claims table and its
import), so no column is needed.

ClaimReview publishes the kind as the author's @type; without either tag it guesses from the
name (`claimreview.agent`)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from workbench.domain.errors import InvalidInput, step
from workbench.domain.shown import shown_text
from workbench.domain.status import listed

# Both spellings: a desk types the one its house style uses. Stored folded (desk.normalise_tag),
# so `Speaker:Organization` is one of these, and as one spelling, the README's first: two
# stored spellings of one fact gave `stats --by tag` two rows and a filter on one missed the
# other (trial316). A claim stored the other way (an earlier release, its bundle) keeps it.
ORGANISATION_TAG = "speaker:organisation"
ORGANISATION_TAGS = frozenset({ORGANISATION_TAG, "speaker:organization"})
PERSON_TAG = "speaker:person"
KIND_TAGS = ORGANISATION_TAGS | {PERSON_TAG}
# The schema.org (and Web Annotation Agent) type of each kind, as `speaker_kind` gives it, and the
# tag it comes from: what `type_tag` reads back (an annotation's speaker).
TYPE_TAGS = {"Organization": ORGANISATION_TAG, "Person": PERSON_TAG}
# Characters of a type not kept that its refusal shows (a file's value).
TYPE_SHOWN = 40
# Why both kinds are refused, and what to give instead: `claim tag` and `import claims` say it.
_ONE_KIND = "a speaker is an organisation or a person, not both"
_GIVE_ONE = "give speaker:organisation or speaker:person"
# The `reason` of those refusals (docs/errors.md): a script untags one kind, or gives one.
ONE_SPEAKER_KIND = "one_speaker_kind"


def one_spelling(tag: str) -> str:
    """A folded tag as stored: `speaker:organisation` for either spelling of it."""
    return ORGANISATION_TAG if tag in ORGANISATION_TAGS else tag


def speaker_kind(tags: Iterable[str]) -> str | None:
    """The schema.org type the tags give the claim's speaker: "Organization", "Person", or None
    (no such tag: the name decides). Both given, the organisation wins: a person's name is
    never published as a firm's by a guess, only by the desk's own tag (`claim tag` and
    `import claims` refuse both; a bundle restores a claim tagged both by an earlier release
    as it was)."""
    given = set(tags)
    if not given.isdisjoint(ORGANISATION_TAGS):
        return "Organization"
    return "Person" if PERSON_TAG in given else None


def type_tag(kind: object) -> str | None:
    """The tag of the speaker's type as an Agent gives it (`speaker_kind`'s inverse): None when
    none is given. JSON-LD gives a type as a string or a list, one type either way (`["Person"]`
    is `"Person"`). Another value (an editor's `Company`, both kinds) is refused: dropped, the
    desk's word on the speaker was lost unsaid."""
    kinds = kind if isinstance(kind, list) else [] if kind is None else [kind]
    tags = {TYPE_TAGS.get(k) if isinstance(k, str) else None for k in kinds}
    if not tags:
        return None
    if len(tags) > 1 or None in tags:
        shown = shown_text(json.dumps(kind, ensure_ascii=False), TYPE_SHOWN)
        raise InvalidInput(
            f"the speaker's type is {shown}; a speaker is a Person or an Organization (or of no "
            "type given)"
        )
    [tag] = tags
    return tag


def check_one_kind(claim_id: int, before: Iterable[str], after: Iterable[str]) -> None:
    """Refuse tags that would give the speaker both kinds: a desk changing its mind about
    Jim Press (speaker:person, then speaker:organisation) meant the new one, and both tags
    published whichever `speaker_kind` prefers. `before` the claim's tags, `after` with the
    new ones; a claim that already had both (an import) may take other tags."""
    had, has = set(before) & KIND_TAGS, set(after) & KIND_TAGS
    if has == had or not _both_kinds(has):
        return
    if not had:
        raise InvalidInput(f"claim #{claim_id}: {_ONE_KIND}: {_GIVE_ONE}", reason=ONE_SPEAKER_KIND)
    old = tuple(sorted(had))
    # The remedy (its tag taken off first) is the front end's to word (domain.errors).
    raise InvalidInput(
        f"claim #{claim_id}'s speaker is tagged {', '.join(old)}: {_ONE_KIND}",
        hint=step("untag", claim_id=claim_id, tags=old),
        reason=ONE_SPEAKER_KIND,
    )


def check_new_claim_kinds(tags: Iterable[str]) -> None:
    """Refuse the tags of a claim an import adds when they give its speaker both kinds, as
    `claim tag` refuses them (a claims table's row: its tags column)."""
    if _both_kinds(tags):
        raise InvalidInput(f"tags: {_ONE_KIND}: {_GIVE_ONE}", reason=ONE_SPEAKER_KIND)


def kind_tags_said(tags: Iterable[str]) -> str:
    """The kind tags among `tags` as a refusal under a verdict names them (`check_edit`'s
    `what`): the tags the desk typed, and that they say what the judged speaker is."""
    names = tuple(sorted(set(tags) & KIND_TAGS))
    many = len(names) > 1
    return (
        f"{listed(names)} tag{'s' if many else ''} (what its speaker is) {'are' if many else 'is'}"
    )


def _both_kinds(tags: Iterable[str]) -> bool:
    given = set(tags)
    return PERSON_TAG in given and not given.isdisjoint(ORGANISATION_TAGS)
