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
from workbench.domain.desk import TagTwins, new_tag


class ImportedTags:
    """The desk's tags, read once, and the new ones of the rows to be written so far."""

    def __init__(self, session: Session) -> None:
        self._twins = TagTwins(session.scalars(select(ClaimTag.tag).distinct()))

    def checked(self, tags: Sequence[str]) -> tuple[str, ...]:
        """A row's tags (each in `normalise_tag`'s form), or InvalidInput naming the first that
        `claim tag` would refuse: one with a space, of digits alone, of mixed scripts, or like
        a tag in use or a new tag of an earlier row (`TagTwins`), or two alike in the row."""
        out: list[str] = []
        in_row = TagTwins(())
        for tag in tags:
            if not self._twins.known(tag):
                tag = new_tag(tag)
                refused = self._twins.refusal(tag) or in_row.refusal(tag)
                if refused is not None:
                    raise refused
                in_row.give(tag)
            out.append(tag)
        return tuple(out)

    def taken(self, tags: Iterable[str], row: int) -> None:
        """The tags of `row`, which passed every check and is to be written: the next rows'
        new tags are compared with them."""
        for tag in tags:
            if not self._twins.known(tag):
                self._twins.give(tag, row)
