"""--quote/--occurrence/--start/--end: how `claim add` pins a claim and `claim edit` pins it
anew, declared once, so that their types, metavars and checks cannot drift apart. Imports only
Click and CLI modules (fast `--help`): the service's SpanRequest is imported when it is built."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from workbench.cli.common import usage_unless_none
from workbench.cli.options import OFFSET, POSITIVE, Decorator

if TYPE_CHECKING:
    from workbench.services.claims import SpanRequest


@dataclass(frozen=True, slots=True)
class PinGiven:
    """The span options as typed, none of them checked against one another yet."""

    quote: str | None
    occurrence: int | None
    start: int | None
    end: int | None

    @property
    def given(self) -> bool:
        """Any of the four was given (`claim edit`: the claim is to be pinned anew)."""
        return any(v is not None for v in (self.quote, self.occurrence, self.start, self.end))

    def request(self) -> SpanRequest:
        """The span asked for, as the service takes it; options that do not make one (a
        quote with offsets, --start without --end...) are bad usage, in the library's words."""
        from workbench.services.claims import SpanRequest

        span = SpanRequest(
            quote=self.quote, occurrence=self.occurrence, start=self.start, end=self.end
        )
        usage_unless_none(span.problem())
        return span


def pin_options(*, quote: str, start: str, end: str) -> Decorator[Any]:
    """The four options, each command wording what --quote, --start and --end do for it; the
    command receives them as one `span` (`PinGiven`)."""
    options = (
        click.option("--quote", help=quote),
        click.option(
            "--occurrence",
            type=POSITIVE,
            metavar="N",
            help="Which occurrence of --quote (1-based).",
        ),
        click.option("--start", type=OFFSET, metavar="N", help=start),
        click.option("--end", type=OFFSET, metavar="N", help=end),
    )

    def decorate(command: Callable[..., Any]) -> Any:
        @functools.wraps(command)
        def taking_span(*args: Any, **kwargs: Any) -> Any:
            span = PinGiven(
                kwargs.pop("quote"),
                kwargs.pop("occurrence"),
                kwargs.pop("start"),
                kwargs.pop("end"),
            )
            return command(*args, span=span, **kwargs)

        wrapped: Callable[..., Any] = taking_span
        # Applied last option first, as stacked decorators are: --help lists them in order.
        for option in reversed(options):
            wrapped = option(wrapped)
        return wrapped

    return decorate
