"""A claim's speaker: one person, one spelling on a document.

`claim add`, `claim edit` and a revision that gives a claim's line to another speaker all
store the name the way the document's other claims already spell it (OKAFOR beside Okafor is
one speaker shown twice), unless the person is respelling the claim's own speaker.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from workbench.db.models import Claim
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
        return checked
    import unicodedata

    # Only what carries no spelling goes: a zero-width (non-)joiner is part of a Persian or an
    # Indic name (review50); then NFC, as every stored text is (a space taken from between a
    # letter and its accent leaves them apart).
    kept = _MEANINGLESS.sub("", checked).strip()
    return unicodedata.normalize("NFC", kept) or None


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
    query = (
        select(Claim.speaker, func.count(), func.min(Claim.id))
        .where(Claim.document_id == document_id, Claim.speaker.is_not(None))
        .group_by(Claim.speaker)
    )
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
