"""Limits on what a person types, enforced by the services so both backends refuse alike.

PostgreSQL refuses a NUL character in text and a string longer than its column; SQLite stores
both. Checking here, before any SQL, gives one message on both (and stops a terminal escape
or a stray newline from reaching a name, a title or an export).
"""

from __future__ import annotations

import re
import unicodedata

from workbench.domain.canonical_order import composed
from workbench.domain.errors import InvalidInput

# Column widths of workbench/db/models.py, named for the field people type.
MAX_TITLE = 500
MAX_URL = 2000
MAX_SOURCE = 2000  # where a text was read from: a file name or the URL fetched (cut, not refused)
MAX_SHORT = 200  # speaker, author, publisher, media type
MAX_FILE_NAME = 500
MAX_LANGUAGE = 35
MAX_TAG = 100  # a tag as stored, folded (workbench.domain.desk.normalise_tag)
# Free text (notes, reasons, claim text, citations, excerpts): generous, but bounded, so a
# pasted file is refused instead of stored.
MAX_NOTE = 100_000
# A quote's context shown beside it, each side, at most: a text without sentence ends (a
# transcript typed without full stops) is one "sentence", and was shown whole (trial324).
CONTEXT_SHOWN = 200
# Allowed inside multi-line text; every other control character is refused.
TEXT_CONTROLS = frozenset("\n\t")


# The characters check_text refuses (categories Cc, Cs, Zl, Zp; in multi-line text, all but
# TEXT_CONTROLS), as regex classes: a search finds whether there is any in C, where a loop over
# every character cost most of a bulk import's validation. A test checks both classes against
# unicodedata over every code point.
REFUSED_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
REFUSED_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def check_text(value: str, what: str, limit: int, *, one_line: bool = False) -> str:
    """`value` in NFC, the form the desk stores every text in, or InvalidInput naming the first
    thing wrong with it. Its length is the stored form's: NFC may lengthen a text (U+0958 is two
    characters composed, a composition exclusion), and a title within the limit as typed but
    over it composed was stored so by SQLite and refused by PostgreSQL as a database error
    (review nfclimits); it may shorten one too (e + U+0301 is é), which then fits."""
    stored = composed(value)
    if len(stored) > limit:
        said_as = "" if len(stored) == len(value) else " in NFC, the composed form it is stored in"
        raise InvalidInput(f"{what} is {len(stored):,} characters{said_as}; the limit is {limit:,}")
    check_characters(stored, what, one_line=one_line)
    return stored


def check_characters(value: str, what: str, *, one_line: bool = False) -> None:
    """InvalidInput naming the first character of `value` check_text refuses (a control
    character but, in multi-line text, newline and tab; a line or paragraph separator; a lone
    surrogate), its length aside. Alone, it is what a restored row is held to
    (services.bundle): those characters act on a terminal or break a line wherever the text is
    shown, whichever release stored it; a limit is a later rule (review rrestore)."""
    if (REFUSED_ONE_LINE if one_line else REFUSED_IN_TEXT).search(value) is None:
        return  # the usual case; the loop below says which character, and why
    allowed = frozenset() if one_line else TEXT_CONTROLS
    for position, char in enumerate(value, start=1):
        if char in allowed:
            continue
        category = unicodedata.category(char)
        if category == "Cs":
            # A lone surrogate: bytes that were not UTF-8, smuggled through argv or a pipe.
            raise InvalidInput(
                f"{what} is not valid UTF-8 text (check the terminal's or the file's encoding)"
            )
        if category == "Cc" or category in ("Zl", "Zp"):
            raise InvalidInput(
                f"{what}: character {position} is {refused_character(char)}; "
                + ("it must be one line of visible text" if one_line else "remove it")
            )


def check_shown_line(value: str, what: str) -> None:
    """InvalidInput naming the first character of a one-line `value` that `visible` would
    escape: check_characters' (one line), or a bidi embedding, override or isolate, which
    reorders how a name reads in every list. What a restored display name or email address is
    held to (services.bundle): `user add` refuses these, and more (invisible characters, mixed
    scripts, an address's shape) that an older release stored (review rrestore)."""
    check_characters(value, what, one_line=True)
    if (found := _FIND_ONE_LINE.search(value)) is not None:
        raise InvalidInput(
            f"{what}: character {found.start() + 1} is the bidi control U+{ord(found.group()):04X}"
            " (it reorders how the text is shown); remove it"
        )


def refused_character(char: str) -> str:
    """A character check_text refuses, said as what it is: U+2028 and U+2029 are the line and
    the paragraph separator, no control character, as the refusals called them (fix272)."""
    if char == "\u2028":
        return "the line separator U+2028"
    if char == "\u2029":
        return "the paragraph separator U+2029"
    return "the control character " + ("NUL" if char == "\0" else f"U+{ord(char):04X}")


def has_visible(text: str | None) -> bool:
    """Whether `text` holds a character that can be seen: not only spaces and characters that
    draw nothing (zero-width, bidi and format marks, fillers: `identity.invisible`). A reason,
    a note, a claim's text or a title of U+200B alone is as empty as one of spaces (a new-user
    trial set a verdict with the reason U+200B)."""
    if not text:
        return False
    if text.isascii():  # in constant time: most texts
        return not text.isspace()
    from workbench.domain.identity import invisible

    return any(not char.isspace() and not invisible(text, i) for i, char in enumerate(text))


def visible_or_none(value: str | None) -> str | None:
    """`value` trimmed, or None when nothing in it can be seen (an optional field left out)."""
    value = (value or "").strip()
    return value if has_visible(value) else None


def citation_text(value: str | None) -> str:
    """A citation as evidence stores it (trimmed), refused when nothing in it can be seen."""
    citation = visible_or_none(value)
    if citation is None:
        raise InvalidInput("the citation is empty")
    return citation


def check_file_name(name: str) -> None:
    """Refuse a file name that is not UTF-8 (its bytes come in as surrogates: a file copied
    from an older machine, `café.txt` in Latin-1), which is recorded as the source and so must
    be text. Said as the name's fault, shown with its odd bytes escaped: the generic words
    ("the input is not valid UTF-8 text, check the file's encoding") sent the user to check a
    text that was fine (trial158).

    Nor may it hold a control character (a newline, a tab, an ESC): the name is shown in tables
    and exports as one line. `doc add` stored `$'new\\nline.txt'` as a source while `evidence
    add --file` refused it, in words that did not name the file (trial252).

    Nor a bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069):
    `invoice\u202etxt.exe` reads "invoiceexe.txt", and a name in the trail that displays as
    another misleads the editor reading it. One rule: nothing `visible` would escape where the
    name is shown."""
    if not any(unicodedata.category(char) == "Cs" for char in name if not char.isascii()):
        # (no surrogate here: what _FIND_ONE_LINE finds is a control, separator or bidi one)
        if (hidden := _FIND_ONE_LINE.search(name)) is not None:
            char = hidden.group()
            said = (
                refused_character(char)
                if REFUSED_ONE_LINE.match(char)
                else f"the bidi control U+{ord(char):04X} (it reorders how the name is shown)"
            )
            raise InvalidInput(
                f"the file name {visible(name, one_line=True)} holds {said}: rename the file "
                "and give it again"
            )
        return
    try:
        raw = name.encode("utf-8", "surrogateescape")  # the name's bytes again: \xe9
    except UnicodeEncodeError:  # (a surrogate no byte was decoded to: a library caller's)
        raw = name.encode("utf-8", "backslashreplace")
    shown = visible(raw.decode("utf-8", "backslashreplace"), one_line=True)
    raise InvalidInput(
        f"the file name {shown} is not UTF-8: rename the file (its name, not its text, is in "
        "another encoding) and give it again"
    )


def check_optional(value: str | None, what: str, limit: int, *, one_line: bool = True) -> None:
    if value is not None:
        check_text(value, what, limit, one_line=one_line)


# A language tag in the shape BCP 47 gives it: a language of 2-3 letters, then subtags of 1-8
# letters or digits (zh, en, zh-Hant, zh-Hans-CN, es-419). Not looked up in the registry: the
# shape is what keeps a name (中文, Chinese) out of the report's lang="...", which browsers and
# screen readers read as a tag.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def check_language(value: str) -> str:
    """`value`, unchanged (case kept), when it is shaped as a language tag; else InvalidInput."""
    if LANGUAGE_TAG.fullmatch(value) is None:
        raise InvalidInput(
            f"{value!r} is not a language tag: give one such as zh, en or zh-Hant (BCP 47)"
        )
    return value


# Characters that a terminal or spreadsheet acts on instead of showing: C0 and C1 controls,
# DEL, and the bidi overrides and isolates that reorder what is displayed (Trojan Source).
# `md_escape.autolink` percent-encodes them in a link's address. Frozen: every export reads
# it, and a caller's change would alter what all later ones escape.
HIDDEN = frozenset(
    {
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x2028,
        0x2029,
    }
)


def _escape_table(keep: str) -> dict[int, str]:
    return {c: f"\\u{c:04x}" for c in HIDDEN if chr(c) not in keep}


_ESCAPE_ONE_LINE = _escape_table("")
_ESCAPE_TEXT = _escape_table("\n\t")


def _finder(table: dict[int, str]) -> re.Pattern[str]:
    """A pattern finding any character of `table`: most texts hold none, and a search is
    several times as fast as `str.translate` on a text that is not ASCII (trial211: 200,000
    events' CSV export spent most of its time translating texts that hold nothing to escape)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")


_FIND_ONE_LINE = _finder(_ESCAPE_ONE_LINE)
_FIND_TEXT = _finder(_ESCAPE_TEXT)


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with every control or reordering character written as `\\uXXXX`, so that an
    export shows it rather than acts on it (an ESC sequence, a bell, a right-to-left override).
    Newlines and tabs stay unless `one_line`."""
    if (_FIND_ONE_LINE if one_line else _FIND_TEXT).search(text) is None:
        return text
    return text.translate(_ESCAPE_ONE_LINE if one_line else _ESCAPE_TEXT)


# The most of a server's own words (a status's reason phrase, a status line that is no HTTP) or
# of an address an error repeats: one of 60,000 characters made an error line as long
# (trial159).
MAX_SAID = 200


def said(text: str) -> str:
    """What a server sent (or an address it named), as an error may repeat it: one line, its
    control characters written as \\uXXXX (an ESC sequence in a reason phrase retitled or cleared
    the user's terminal: trial159), at most MAX_SAID characters."""
    shown = visible(" ".join(text.split()), one_line=True)
    return shown if len(shown) <= MAX_SAID else shown[: MAX_SAID - 1] + "…"
