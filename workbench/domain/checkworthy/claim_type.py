"""The claim types a candidate can be given, and which one its evidence suggests.

The suggestion goes by the strongest evidence among the named features that fired on the
candidate (see `suggest_type`).
"""

from __future__ import annotations

from workbench.domain.status import CLAIM_TYPE_NAMES

CLAIM_TYPES: tuple[str, ...] = CLAIM_TYPE_NAMES

_QUANTITY = frozenset({"number", "money", "percentage", "fraction", "multiplier"})
_TIME = frozenset({"year", "date"})
_HARD = _QUANTITY | _TIME | {"first_or_only", "ranking"}


def suggest_type(r: frozenset[str]) -> str:
    """The kind of claim, by the strongest evidence. A prediction cue wins over everything (a
    forecast with a number in it is still a forecast); an opinion cue wins unless the unit
    also holds a number, a date, a first or a rank that can be checked regardless; an opinion
    in an attributed quotation is an attribution claim: what is checked is that it was said."""
    if r & {"prediction_cue", "quoted_prediction"}:
        return "prediction"
    if r & {"opinion_cue", "question", "figurative"} and not r & _HARD:
        return "opinion"
    if "quoted_opinion" in r and not r & _HARD:
        return "attribution"
    if "first_or_only" in r or ("superlative" in r and not r & _QUANTITY):
        return "priority"
    if "ranking" in r:
        return "ranking"
    if r & _QUANTITY:
        return "quantity"
    if r & _TIME:
        return "date"
    if r & {"attribution", "attributed_quote"}:
        return "attribution"
    return "fact"
