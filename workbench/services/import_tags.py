"""The tags of an imported claims table, held to the rules of `claim tag`.

A tag typed into a spreadsheet is a new tag as much as one given to `claim tag`: a space in it
reads as two tags, digits alone as a claim ID (`claim untag 4 123` could never remove it), a
Cyrillic о in `flооd` hides it from `claim list --tag flood`, and `covid-19` beside `covid19`
splits one topic in two (trial47 imported all four). A tag that claims of the desk already
have is taken as it is: a re-imported export carries its tags, some stored before the rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import ClaimTag
from workbench.domain.desk import new_tag, twin_refusal
from workbench.domain.identity import fold


class ImportedTags:
    """The desk's tags, read once, and the new ones rows of this import have taken so far."""

    def __init__(self, session: Session) -> None:
        self._in_use = {fold(t) for t in session.scalars(select(ClaimTag.tag).distinct())}

    def checked(self, tags: Sequence[str]) -> tuple[str, ...]:
        """A row's tags (each in `normalise_tag`'s form), or InvalidInput naming the first that
        `claim tag` would refuse."""
        out: list[str] = []
        for tag in tags:
            if tag not in self._in_use:
                tag = new_tag(tag)
                refused = twin_refusal(tag, self._in_use, out)
                if refused is not None:
                    raise refused
            out.append(tag)
        return tuple(out)

    def taken(self, tags: Iterable[str]) -> None:
        """Tags of a row that passed every check: the next rows' tags are compared with them."""
        self._in_use.update(tags)
