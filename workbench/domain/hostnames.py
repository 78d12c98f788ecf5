"""A URL's host name as DNS, a Host header and TLS's SNI know it: an internationalised name in
its IDNA form, as browsers compute it (UTS #46 nontransitional, IDNA 2008's characters).

Python's "idna" codec is IDNA 2003, whose nameprep rewrites ß as ss and ς as σ and drops ZWNJ
and ZWJ: `straße.de` was asked for as strasse.de, another registered site whose page was then
stored under the address typed (review rfetch). Those four are the "deviations" where the two
standards part: kept here, every other character mapped by nameprep as before (case, width,
compatibility forms). No dependency: the stdlib's nameprep and punycode do the rest."""

from __future__ import annotations

import re
import unicodedata

from workbench.domain.limits import visible

# What separates a host's parts: the full stop and its ideographic and full-width forms.
_DOTS = re.compile("[.\u3002\uff0e\uff61]")
# Kept as typed (IDNA 2008), where nameprep would rewrite or drop them (IDNA 2003).
_DEVIATIONS = re.compile("([\u00df\u03c2\u200c\u200d])")
# What ends a URL's host, or may not be in one, were a decoded host written back into a URL:
# a decoded `%2F` would end the host early (http://127.0.0.1%2F.x/: another host).
_NOT_IN_A_HOST = frozenset("/?#@:[]\\% ")
_MAX_LABEL = 63


class NoHostName(ValueError):
    """A host no look-up can take; `reason` says why, for an error to repeat."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def ascii_hostname(host: str) -> str:
    """`host` (a name, %-escapes decoded; not an IP literal in brackets) in ASCII: each part not
    in ASCII as its `xn--` form. An ASCII part is kept as typed (DNS ignores its case), and so
    is a trailing dot. NoHostName when no look-up can take it."""
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
    if label.isascii():
        out = label
    else:
        # Capital sharp s is ß's capital in UTS #46 (Unicode 15.1), as Σ is σ's.
        label = label.replace("\u1e9e", "\u00df")
        # Imported here: stringprep's tables are only needed for a name not in ASCII.
        from encodings import idna as _idna2003

        try:
            prepared = "".join(
                piece if _DEVIATIONS.fullmatch(piece) else _idna2003.nameprep(piece)
                for piece in _DEVIATIONS.split(label)
            )
        except UnicodeError as exc:
            shown = visible(label, one_line=True)
            shown = shown if len(shown) <= _MAX_LABEL else shown[: _MAX_LABEL - 1] + "…"
            if "BIDI" in str(exc):
                raise NoHostName(
                    f"'{shown}' mixes right-to-left letters with others as no host name may"
                ) from None
            raise NoHostName(f"'{shown}' holds a character no host name may have") from None
        out = prepared if prepared.isascii() else "xn--" + prepared.encode("punycode").decode()
    if not 0 < len(out) <= _MAX_LABEL:
        raise NoHostName("a part of it between dots is empty or over 63 characters")
    return out
