"""A claim's speaker: one person, one spelling on a document.

`claim add`, `claim edit` and a revision that gives a claim's line to another speaker all
store the name the way the document's other claims already spell it (OKAFOR beside Okafor is
one speaker shown twice), unless the person is respelling the claim's own speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Select, func, select

from workbench.db.models import Claim
from workbench.domain.canonical_order import composed
from workbench.domain.limits import MAX_SHORT, check_text, has_visible
from workbench.domain.segment import INVISIBLE
from workbench.domain.status import same_person_key
from workbench.services.context import Tx


def speaker_name(speaker: str | None) -> str | None:
    """A claim's speaker as given, trimmed, without the characters that cannot be seen, or
    None for none. Stored as it reads (trial49: `Sm\u200bith` was stored, read as Smith, a
    speaker apart from Smith, and published as the author of the claim; a right-to-left
    override made a name read otherwise than it is)."""
    value = (speaker or "").strip()
    checked = check_text(value, "the speaker", MAX_SHORT, one_line=True)
    if not has_visible(checked):
        return None
    if checked.isascii():
        return _one_space(checked)

    # Only what carries no spelling goes: a zero-width (non-)joiner is part of a Persian or an
    # Indic name (review50); then NFC, as every stored text is (a space taken from between a
    # letter and its accent leaves them apart).
    kept = _MEANINGLESS.sub("", checked).strip()
    return _one_space(composed(kept)) or None


def _one_space(name: str) -> str:
    """Inner spacing made one space, as a claim's text, a transcript's label and a byline's
    names are stored: trial308's `--speaker "ANA  LOPEZ"` was stored and shown so. A name
    stored so earlier is still the same person (same_person_key reads spacing out)."""
    return " ".join(name.split())


# Characters that draw nothing and spell nothing: those the sentence splitter trims from a
# span's edge (zero-width space, word joiner, byte-order mark, soft hyphen, direction marks,
# embeddings and isolates), and the invisible operators and the Mongolian vowel separator.
_MEANINGLESS = re.compile(
    "[" + "".join(sorted(INVISIBLE | frozenset("\u2061\u2062\u2063\u2064\u180e"))) + "]"
)


def same_speaker(a: str | None, b: str) -> bool:
    """Whether `a` and `b` name one speaker however spelled (case, width, spacing)."""
    return a is not None and same_person_key(a) == same_person_key(b)


def document_speaker(
    tx: Tx, document_id: int, speaker: str | None, *, besides: int | None = None
) -> str | None:
    """The speaker as a claim of the document stores it: the spelling the document's other
    claims (all but `besides`) already use for the same person, by case, width and spacing
    (`same_person_key`, compared here rather than by the database's lower(), which differs
    between SQLite and PostgreSQL beyond ASCII), else the name as given. A transcript's labels
    are stored as written (OKAFOR), and `--speaker Okafor` must not make a second speaker
    beside them. Of several spellings already there, the one most claims use (then the
    earliest); a spelling the document already has is kept as given."""
    wanted = speaker_name(speaker)
    if wanted is None:
        return None
    key = same_person_key(wanted)
    query = _spellings(document_id)
    if besides is not None:
        query = query.where(Claim.id != besides)
    same = [
        (-n, first, name)
        for name, n, first in tx.session.execute(query)
        if name is not None and same_person_key(name) == key
    ]
    if not same or any(name == wanted for *_, name in same):
        return wanted
    return str(min(same)[2])


def _spellings(document_id: int) -> Select[str | None, int, int]:
    """Each speaker's spelling on the document's claims, how many claims use it, the first."""
    return (
        select(Claim.speaker, func.count(), func.min(Claim.id))
        .where(Claim.document_id == document_id, Claim.speaker.is_not(None))
        .group_by(Claim.speaker)
    )


@dataclass(slots=True)
class _Tally:
    """How many of the document's claims use a spelling, and the first of them (None once
    that claim took another speaker: the next first is not known)."""

    claims: int
    first: int | None


class DocumentSpeakers:
    """`document_speaker` for the many claims one revision gives to other speakers: the
    document's spellings read once (when first asked), then kept in step as the claims take
    theirs. A corrected transcript (SPEAKER A renamed ALICE) asked the database once per claim
    renamed, each time a GROUP BY over every claim of the document (review61: quadratic).

    The answers are `document_speaker`'s: per spelling the claims using it and the first of
    them, less the claim asked about. Where a tie between spellings falls to a first claim this
    no longer knows (it took another speaker, or it is the claim asked about), the database is
    asked, as before."""

    def __init__(self, tx: Tx, document_id: int) -> None:
        self._tx = tx
        self._document_id = document_id
        # same_person_key -> spelling -> its tally; None until first asked
        self._people: dict[str, dict[str, _Tally]] | None = None

    def spelling(self, speaker: str | None, besides: Claim) -> str | None:
        """`document_speaker(tx, document_id, speaker, besides=besides.id)`, `besides` being
        one of the document's claims, its speaker as it stands."""
        wanted = speaker_name(speaker)
        if wanted is None:
            return None
        same: dict[str, _Tally] = {}
        for name, tally in self._read().get(same_person_key(wanted), {}).items():
            if name == besides.speaker:
                first = None if tally.first == besides.id else tally.first
                tally = _Tally(tally.claims - 1, first)
            if tally.claims > 0:
                same[name] = tally
        if not same or wanted in same:
            return wanted
        most = max(t.claims for t in same.values())
        tied = {name: t.first for name, t in same.items() if t.claims == most}
        if len(tied) == 1:
            return next(iter(tied))
        known = {first: name for name, first in tied.items() if first is not None}
        if len(known) < len(tied):
            self._people = None  # read afresh when next asked: every first known again
            return document_speaker(self._tx, self._document_id, speaker, besides=besides.id)
        return known[min(known)]

    def moved(self, claim_id: int, before: str | None, after: str | None) -> None:
        """Claim `claim_id`'s speaker went from `before` to `after` (as stored)."""
        if self._people is None or before == after:
            return
        if before is not None:
            spellings = self._people.get(same_person_key(before), {})
            left = spellings.get(before)
            if left is not None:
                left.claims -= 1
                left.first = None if left.first == claim_id else left.first
                if left.claims <= 0:
                    del spellings[before]
        if after is not None:
            spellings = self._people.setdefault(same_person_key(after), {})
            joined = spellings.get(after)
            if joined is None:
                spellings[after] = _Tally(1, claim_id)
            else:
                joined.claims += 1
                joined.first = None if joined.first is None else min(joined.first, claim_id)

    def _read(self) -> dict[str, dict[str, _Tally]]:
        if self._people is None:
            self._people = {}
            for name, n, first in self._tx.session.execute(_spellings(self._document_id)):
                if name is not None:
                    self._people.setdefault(same_person_key(name), {})[name] = _Tally(n, first)
        return self._people
