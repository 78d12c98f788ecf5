"""Range checks on numbers a caller passes in, stated once for the library and the CLI."""

from __future__ import annotations

from workbench.defaults import INT_MAX, SCORE_MAX, SCORE_MIN
from workbench.domain.errors import InvalidInput, bad


def _label(field: str) -> str:
    return field.replace("_", " ")


def check_score(value: float, field: str = "min_score") -> float:
    """A score threshold: a fraction between 0 and 1."""
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise InvalidInput(
            f"{_label(field)} must be between {SCORE_MIN:g} and {SCORE_MAX:g} (got {value})",
            hint=bad(field),
        )
    return value


def check_at_least(value: int, minimum: int, field: str) -> int:
    """A count or offset: `minimum` or more, and no more than both backends can store."""
    if value < minimum:
        raise InvalidInput(
            f"{_label(field)} must be {minimum} or more (got {value})", hint=bad(field)
        )
    if value > INT_MAX:
        raise InvalidInput(
            f"{_label(field)} {value} is out of range: at most {INT_MAX}", hint=bad(field)
        )
    return value


def check_id(value: int, field: str = "id") -> int:
    """An id (of a claim, document, evidence item...) or a version: 1 to INT_MAX. `field` names
    which, so a bad version is not called an id."""
    if not 1 <= value <= INT_MAX:
        raise InvalidInput(
            f"{_label(field)} {value} is out of range: {_label(field)}s run from 1 to {INT_MAX}",
            hint=bad(field),
        )
    return value
