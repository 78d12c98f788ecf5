"""A quote or passage as a refusal says it back: copyable, one line, a character that cannot
be seen written `\\uXXXX`, clipped (two versions clipped where they differ)."""

from __future__ import annotations

from workbench.domain.cjk import is_cjk_letter

# ZERO WIDTH NON-JOINER and JOINER: between two drawn characters of a script that is not ASCII
# they spell (Persian, Indic words) or make one emoji of several (👩‍👩‍👧), and are part of what is
# copied; anywhere else they draw nothing and change nothing but the match. Chinese, Japanese
# and Korean letters join nothing: after one, a joiner is as unseen as between Latin letters
# (review338: `中<ZWJ>文` was shown as `中文`, a passage reading as the quote refused).
_JOINERS = frozenset("\u200c\u200d")
# Said after a refusal that writes a character as \uXXXX: otherwise it reads as typed text.
UNSEEN_NOTE = "(\\uXXXX: a character there that cannot be seen)"


# The tag characters that end a subdivision flag's sequence (🏴 then "gbeng" as tags, and CANCEL
# TAG): drawn as one flag after U+1F3F4, nothing anywhere else.
_TAGS = ("\U000e0020", "\U000e007f")
_FLAG = "\U0001f3f4"


def _unseen(s: str, i: int) -> bool:
    """Whether `s[i]`, not ASCII, draws nothing where it is (`identity.invisible`, which says so
    of a variation selector with nothing to vary), but for a joiner or a tag that is part of
    what is drawn around it."""
    from workbench.domain.identity import invisible

    char, before = s[i], s[i - 1 : i]
    if char in _JOINERS:
        after = s[i + 1 : i + 2]
        drawn_after = bool(before) and not before.isascii() and not is_cjk_letter(before)
        return not (drawn_after and after and not after.isspace())
    if _TAGS[0] <= char <= _TAGS[1]:
        return not (before == _FLAG or _TAGS[0] <= before <= _TAGS[1])
    return invisible(s, i)


def marked_quote(s: str) -> tuple[str, bool]:
    """`s` (a quote, a passage of the text) as a refusal says it: in single quotes, as it can be
    copied back, and whether a character of it that cannot be seen is written `\\uXXXX`. Not
    repr, which wrote an emoji's joiners as `\\u200d` (👩‍👩‍👧 pasted back was no quote of the
    text), but, as repr did, a character that draws nothing (a joiner between Latin letters, an
    invisible separator: what tells "turnout" from a passage that reads the same) is written
    so; so is a control or bidi character (`limits.visible`), which a terminal would act on. A
    variation selector after its character, a joiner inside an emoji or a word of a script
    that joins, are shown as drawn."""
    from workbench.domain.limits import visible

    marked = False
    # A line break or tab said as a space: the refusal is one line, and a quote's spacing is no
    # part of its match (`quote_folding.fold`), so the passage copied so is found.
    s = s.replace("\n", " ").replace("\t", " ")
    if not s.isascii():
        out = []
        for i, char in enumerate(s):
            if not char.isascii() and _unseen(s, i):
                out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
                marked = True
            else:
                out.append(char)
        s = "".join(out)
    return f"'{visible(s, one_line=True)}'", marked


def said_quote(s: str) -> str:
    """`s` as a refusal says it (`marked_quote`), with `UNSEEN_NOTE` when it marks a character."""
    shown, marked = marked_quote(s)
    return f"{shown} {UNSEEN_NOTE}" if marked else shown


def clip_quote(s: str, limit: int = 60) -> str:
    """A quote shortened for an error message (the CLI clips by terminal cells itself)."""
    return s if len(s) <= limit else s[: limit - 1] + "…"


def shared_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters `a` and `b` share at the start, then at the end of what is left
    (never overlapping): where two versions of a passage differ."""
    p = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        p += 1
    s = 0
    for x, y in zip(reversed(a[p:]), reversed(b[p:]), strict=False):
        if x != y:
            break
        s += 1
    return p, s


def clip_pair(a: str, b: str, limit: int = 60) -> tuple[str, str]:
    """Two versions of a passage shortened for an error message, both from a little before the
    first place they differ (at a space where there is one): clipped from their starts, a long
    quote and its near match showed the same words and hid the difference."""
    if len(a) <= limit and len(b) <= limit:
        return a, b
    p = shared_ends(a, b)[0]
    lead = 12
    if p <= lead or p < limit // 3:
        return clip_quote(a, limit), clip_quote(b, limit)
    at = p - lead
    space = a.find(" ", at, p)
    if space != -1 and not a[at - 1 : at].isspace():
        at = space + 1
    return clip_quote("…" + a[at:], limit), clip_quote("…" + b[at:], limit)
