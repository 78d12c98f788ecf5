"""Text normalisation: the one form stored text takes (NFC, LF), whole numbers as typed, a
line a document gives itself, the digest of a text."""

from __future__ import annotations

import hashlib

from workbench.domain.canonical_order import composed

# The largest 64-bit signed integer has 19 digits: 18 always fit an id or an offset.
WHOLE_NUMBER_DIGITS = 18


def whole_number(text: str) -> int | None:
    """`text` as the whole number it spells in ASCII digits, or None. Not `str.isdigit`: it
    takes "²" and Arabic-Indic digits, and a 5,000-digit run, all of which `int` refuses or
    no id or offset can be, so a forged or mistyped one is an input to report, not a crash."""
    if text.isascii() and text.isdigit() and len(text) <= WHOLE_NUMBER_DIGITS:
        return int(text)
    return None


def normalise(text: str) -> str:
    """NFC and LF line endings, so that the same article always gets the same offsets."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return composed(text.replace("\r\n", "\n").replace("\r", "\n"))


def printable_line(text: str) -> str:
    """`text` as a title or byline a document gives itself is stored: one line, each run of
    white space (a tab, a stray newline) one space and none at either end, and any other
    character that does not print (a control character) left out; "" when nothing is left."""
    return " ".join("".join(c for c in text if c.isspace() or c.isprintable()).split())


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
