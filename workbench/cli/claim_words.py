"""What the CLI says of a claim just added, whichever command added it (`claim add`, the
imports), and of a verdict given on words the article no longer has (`claim status`, `claim
approve`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench.cli.render import clip, message, warning
from workbench.domain.spans import span_words

if TYPE_CHECKING:
    from workbench.services.views import ClaimView, StatusChange


def say_marks_dropped(typed: str | None, c: ClaimView) -> None:
    """A --quote pasted in quotation marks the document has not there was pinned by the words
    inside them (`quote_marks.marks_dropped`): said, as the imports say it of a row."""
    if typed is None:
        return
    from workbench.domain.quote_marks import MARKS_LEFT_OUT, marks_dropped

    if marks_dropped(typed, c.quote):
        message(MARKS_LEFT_OUT)


def say_same_span(c: ClaimView, twins_to_add: int | None = None, where: str | None = None) -> None:
    """A warning when other claims pin exactly the words of claim `c` (with other text): it
    is accepted, but a second claim on one span should be a decision, not an accident.

    `twins_to_add` given: `c` is a claim a dry run would add, and that many claims the
    import would add before it pin its span too. Those are counted, the claims present named
    by their ids, and `c` is not named by the id its rolled-back write drew (review164: "#3
    is another claim on the same span" of a claim that does not exist, and that PostgreSQL's
    import then numbers otherwise); `where` ("row 3", "annotation 2") names it instead, as
    the dry run's other lines do."""
    present = list(c.same_span or ())
    would = twins_to_add or 0
    if not present and not would:
        return
    shown = [_ids_named(present, last=not would)] if present else []
    named = [*shown, *(["a claim this import would add"] if would == 1 else [])]
    named += [f"{would} claims this import would add"] if would > 1 else []
    subject = f"{'claims ' if len(present) > 1 else 'claim ' if present else ''}" + (
        " and ".join(named)
    )
    if len(present) + would == 1:  # one claim: present, or one the import would add
        who = f"{subject} {'already ' if present else ''}pins"
    else:
        who = f"{subject} pin"
    added = (
        f"#{c.id} is another claim"
        if twins_to_add is None
        else "the import would add another claim"
    )
    at = "" if where is None else f"{where}: "
    warning(f"{at}{who} {_exactly(c)}; {added} on the same span")


# Claims on one span named by their ids up to this many; the rest counted ("and 17 more"):
# a stress run's desk named twenty on one line, and a bigger desk more (trial196). --json's
# `same_span` gives the first hundred, `same_span_count` all of them.
SAME_SPAN_NAMED = 3


def _ids_named(ids: Sequence[int], *, last: bool = True) -> str:
    """ "#1", "#1 and #2 and #3" (as ever), or past `SAME_SPAN_NAMED` "#1, #2, #3 and 17
    more"; `last` false: more follows in the sentence ("#1, #2, #3, 17 more"), so that no
    second "and" runs into the one before what follows."""
    if len(ids) <= SAME_SPAN_NAMED:
        return " and ".join(f"#{i}" for i in ids)
    shown = ", ".join(f"#{i}" for i in ids[:SAME_SPAN_NAMED])
    rest = len(ids) - SAME_SPAN_NAMED
    return f"{shown} and {rest:,} more" if last else f"{shown}, {rest:,} more"


def _exactly(c: ClaimView) -> str:
    return f"exactly these words ({span_words(c.start, c.end)}) with other text"


def say_quote_gone(c: ClaimView) -> None:
    """A warning when a verdict, given, proposed or approved, stands on a quote no current text
    holds (`ClaimView.quote_gone`): the proposer and the approver are told alike."""
    if not c.quote_gone:
        return
    published = "proposed" if c.proposed_status else "published"
    warning(
        f"claim #{c.id}'s quote is in no current text of its document (a revision removed it): "
        f"the verdict is {published} for words the article no longer has "
        f"(`workbench doc changes {c.document_id}` shows which revision)"
    )


def say_stale_figures(result: StatusChange) -> None:
    """A warning when a flagged verdict confirmed (given, proposed or approved) stands on a
    claim text that still gives figures (years and days of a month among them) its quote no
    longer does: the proposer and the approver are told alike (trial52: the approver was not,
    and published 3.4 for 3.6)."""
    if not result.stale_figures:
        return
    c = result.claim
    figures = " and ".join(result.stale_figures)
    warning(
        f"claim #{c.id}'s text still gives {figures}, which the words it was judged "
        f"on had and its quote no longer has (now: “{clip(c.quote)}”); "
        f"to correct the text, reopen it (`workbench claim status {c.id} in_progress "
        f"--note TEXT`), `workbench claim edit {c.id} --text TEXT`, then decide again"
    )
