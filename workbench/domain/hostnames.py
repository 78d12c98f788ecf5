"""A URL's host name as DNS, a Host header and TLS's SNI know it: each part not in ASCII in its
IDNA form, as UTS #46 (nontransitional, as browsers) maps it and IDNA 2008 takes it, by the
`idna` package (kjd/idna: its tables follow current Unicode).

Python's own "idna" codec is IDNA 2003: `straße.de` was asked for as strasse.de, another
registered site (review rfetch). The approximation that followed (IDNA 2003's nameprep, Unicode
3.2 tables, with ß ς ZWNJ ZWJ kept) asked for other names still: Cherokee in the small letters
Python's lower() writes, not the capitals IDNA keeps; a compatibility ideograph newer than 3.2
as itself; and it refused a right-to-left name ending in a digit (review rrfetch).

The desk takes what IDNA 2008 takes: a symbol (♥, ☃, an emoji), a joiner beside no letter it
joins, a middle dot outside l·l are refused, though a browser's UTS #46 may open some of them;
no registry gives such a name out, and a host a browser does open is taken in the xn-- form it
shows (a part in ASCII is kept as typed: `my_host`, real hosts have underscores)."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from workbench.domain.limits import visible

if TYPE_CHECKING:
    import idna

# What separates a host's parts: the full stop and its ideographic and full-width forms.
_DOTS = re.compile("[.\u3002\uff0e\uff61]")
# What ends a URL's host, or may not be in one, were a decoded host written back into a URL:
# a decoded `%2F` would end the host early (http://127.0.0.1%2F.x/: another host).
_NOT_IN_A_HOST = frozenset("/?#@:[]\\% ")
_MAX_LABEL = 63
_LENGTH = "a part of it between dots is empty or over 63 characters"
# idna's codes (IDNAError.code) for a part's or the name's length.
_LENGTH_CODES = frozenset(
    {"empty_label", "empty_domain", "label_too_long", "domain_too_long", "input_too_long"}
)


class NoHostName(ValueError):
    """A host no look-up can take; `reason` says why, for an error to repeat."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def ascii_hostname(host: str) -> str:
    """`host` (a name, %-escapes decoded; not an IP literal in brackets) in ASCII: each part not
    in ASCII as its `xn--` form. An ASCII part is kept as typed (DNS ignores its case; IDNA
    2008's letters-digits-hyphens rule would refuse `my_host`), and so is a trailing dot.
    NoHostName when no look-up can take it."""
    # (A control character or a space, not every unprintable one: a Persian name's ZWNJ is a
    # format character, and IDNA judges the rest.)
    if any(ch in _NOT_IN_A_HOST or ch.isspace() or unicodedata.category(ch) == "Cc" for ch in host):
        raise NoHostName("it holds a character no host name has")
    labels = _DOTS.split(host)
    trailing_dot = len(labels) > 1 and not labels[-1]
    if trailing_dot:
        labels.pop()
    return ".".join(_ascii_label(label) for label in labels) + ("." if trailing_dot else "")


def _ascii_label(label: str) -> str:
    out = label if label.isascii() else _idna_label(label)
    if not 0 < len(out) <= _MAX_LABEL:
        raise NoHostName(_LENGTH)
    return out


def _idna_label(label: str) -> str:
    # Imported here: idna's tables are needed only for a name not in ASCII (--help and the
    # read commands load none of them).
    import idna

    try:
        return idna.encode(label, uts46=True, transitional=False, std3_rules=False).decode()
    except idna.IDNAError as exc:
        raise NoHostName(_reason(label, exc)) from None


def _reason(label: str, exc: idna.IDNAError) -> str:
    """Why IDNA refuses `label`, in words: the rule, and the character when it is one."""
    import idna

    shown = visible(label, one_line=True)
    shown = shown if len(shown) <= _MAX_LABEL else shown[: _MAX_LABEL - 1] + "…"
    # code and codepoint: read from the error, not its message (idna 3.11 on; None before).
    code: str | None = getattr(exc, "code", None)
    point: int | None = getattr(exc, "codepoint", None)
    char = "a character" if point is None else _named(chr(point))
    if point is not None and chr(point) not in label:
        # What UTS #46 mapped a character typed to (a full-width ／ is /).
        char = f"a character IDNA reads as {char}"
    if code in _LENGTH_CODES:
        return _LENGTH
    if code == "bidi_unknown_direction":
        return (
            f"'{shown}' holds {char}, newer than this Python's Unicode data "
            f"({unicodedata.unidata_version})"
        )
    if isinstance(exc, idna.IDNABidiError):
        return f"'{shown}' breaks IDNA's rule for right-to-left text (RFC 5893)"
    if isinstance(exc, idna.InvalidCodepointContext):
        return f"'{shown}' holds {char} where IDNA 2008 allows it only beside certain letters"
    if isinstance(exc, idna.InvalidCodepoint):
        return (
            f"'{shown}' holds {char}, which IDNA 2008 allows in no host name; if a browser "
            "opens it, give the xn-- form the browser shows"
        )
    said = str(exc)  # idna's own words ("Label begins with an illegal combining character")
    return f"'{shown}' is no IDNA 2008 name: {said[:1].lower()}{said[1:]}"


def _named(char: str) -> str:
    """U+2665 BLACK HEART SUIT: a character as Unicode names it (one may be invisible)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"
