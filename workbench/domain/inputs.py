"""Range checks on numbers a caller passes in, stated once for the library and the CLI."""

from __future__ import annotations

from collections.abc import Collection

from workbench.defaults import INT_MAX, SCORE_MAX, SCORE_MIN
from workbench.domain.cjk import TYPED_ASCII
from workbench.domain.errors import InvalidInput, bad
from workbench.domain.text import whole_number


def typed(text: str) -> str:
    """A number as typed, in ASCII: a Chinese IME in full-width mode types ３３, ０．５ and ＃３３
    (trial58: `claim tag ３３` and `--min-score ０．５` were refused where `claim show ３３`
    took the same digits). ValueError for any other character beyond ASCII."""
    ascii_text = text.translate(TYPED_ASCII).strip()
    if not ascii_text.isascii():
        raise ValueError(text)
    return ascii_text


def sheet_whole_number(cell: str) -> int | None:
    """A whole-number cell of a table (an id, an offset) as a spreadsheet program saves it, or
    None when it is none. Excel's Number format writes 12 as `12.00`, and pandas writes a
    number column with an empty cell in it (a claim added with no id) as floats, `12.0`: a
    fraction of zeros is no fraction (roundtrip: every row of a re-saved export was refused).
    Full-width digits as a Chinese IME types them (`typed`) are read as an id cell reads them.
    Any other fraction (`12.5`), an exponent or a sign is not read: the row check refuses it."""
    try:
        digits = typed(cell)
    except ValueError:
        return None
    whole, point, fraction = digits.partition(".")
    if point and whole and fraction and not fraction.strip("0"):
        digits = whole
    return whole_number(digits)


def typed_word(text: str, names: Collection[str]) -> str:
    """A word of a fixed set (a status, a type, a priority) as a file gives it: the one of
    `names` it is as typed, in any case, spaces about it aside, and full-width as a Chinese IME
    types it (ｆａｌｓｅ, ＨＩＧＨ: `cjk.TYPED_ASCII`, as ids, numbers, dates and ratings are
    read: fix207 read a rating so, while the status beside it refused the row); otherwise
    `text` as typed, for the refusal to quote."""
    word = typed_lower(text)
    return word if word in names else text


def typed_lower(text: str) -> str:
    """`text` as a word of a fixed set is compared: full-width read as ASCII, spaces about it
    aside, in lower case (`typed_word`, and the audit trail's actions: `typed_action`)."""
    return text.translate(TYPED_ASCII).strip().lower()


def read_id(text: str) -> int:
    """An id as typed: digits, full-width too, after an optional # (the tool writes every id
    as #33, and people copy it). ValueError when it is no whole number."""
    return int(typed(text).removeprefix("#"))


def id_or_none(text: str) -> int | None:
    """The id a word among IDs and values names (`claim tag 3 4 money`), or None when it is a
    value: ASCII or full-width digits and nothing else. A # makes it a value there (a tag
    #2024, review62), and so does a number too long to be any id."""
    try:
        digits = typed(text)
    except ValueError:
        return None
    if not (digits.isdigit() and len(digits) <= len(str(INT_MAX))):
        return None
    return int(digits)


def read_number(text: str) -> float:
    """A fraction as typed (a score: 0.5, ０．５). ValueError when it is none."""
    return float(typed(text))


def read_count(text: str) -> int:
    """A count as typed (a limit: 5, ５, -1 to be refused by its range). ValueError when it is
    no whole number."""
    return int(typed(text))


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


def check_hash(value: str, field: str = "head") -> str:
    """An event's hash as noted (`audit head`) and typed back: 64 hexadecimal digits, in lower
    case however they were typed (a head read aloud or copied from a spreadsheet in capitals
    is the same head)."""
    text = value.strip().lower()
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise InvalidInput(
            f"{_label(field)} {value!r} is not a SHA-256 hash (64 hexadecimal characters)",
            hint=bad(field),
        )
    return text
