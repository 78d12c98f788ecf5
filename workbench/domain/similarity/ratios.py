"""Which of two named things is the larger, when a claim gives one as a multiple of the other:
"Skelmoor has twice as many subscribers as Brannock" and "Brannock has half as many subscribers
as Skelmoor" say one fact (Skelmoor is the larger), "Brannock has twice as many as Skelmoor"
the opposite one, with the same names, words and figure. Each is kept as "=ratio:" and the two
names' first words, the larger first (=ratio:skelmoor>brannock); two claims that say the same
two things the other way round disagree (see `disagreements.RATIOS`).

Read in English only: a name, a few words, then twice, double, half, "three times", "3 times"
and then "as many/much/large... as", "the size/number/level of", "more/larger... than" or a
name's possessive (twice Skelmoor's subscribers), and a name. Not a multiple of a thing in
time ("twice as many as last year"): no name after it.
"""

from __future__ import annotations

import re

RATIO = "=ratio:"

_NAME = r"[A-Z][A-Za-z-]+(?:\s+[A-Z][A-Za-z-]+)*"
_TIMES = {
    "twice": 2.0,
    "double": 2.0,
    "half": 0.5,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "ten": 10.0,
}
# A multiple (twice, half, three times), then what follows it up to the other name; the name
# before it is looked for in the few words before (each looked at in a window of bounded length,
# so that a long run of names or words is never tried every way).
_KEY = re.compile(r"\b(?P<k>twice|double|half|(?P<n>\d+(?:\.\d+)?|three|four|five|ten)\s+times)\s+")
_BEFORE = re.compile(rf"(?P<x>{_NAME})(?:'s?)?\s+(?:[a-z][a-z'-]*\s+){{0,6}}$")
_AFTER = re.compile(
    r"(?:(?:as\s+(?:[a-z][a-z'-]*\s+){1,6}?as|the\s+[a-z]+\s+of"
    r"|(?:more|larger|bigger|higher|greater)\s+(?:[a-z][a-z'-]*\s+){0,6}?than)\s+)?"
    rf"(?:the\s+)?(?P<y>{_NAME})"
)
_WINDOW = 80


def ratios(plain: str) -> list[str]:
    """The "=ratio:" terms of `plain` (normalised, case kept): see above."""
    if (
        "twice" not in plain
        and "half" not in plain
        and "times" not in plain
        and "double" not in plain
    ):
        return []
    out: list[str] = []
    for m in _KEY.finditer(plain):
        before = _BEFORE.search(plain[max(0, m.start() - _WINDOW) : m.start()])
        after = _AFTER.match(plain[m.end() : m.end() + _WINDOW])
        if not before or not after:
            continue
        n = m.group("n")
        times = _TIMES[m.group("k")] if not n else float(n) if n[0].isdigit() else _TIMES[n]
        x, y = before.group("x").split()[0].lower(), after.group("y").split()[0].lower()
        if x == y or times == 1.0:
            continue
        larger, smaller = (x, y) if times > 1 else (y, x)
        out.append(f"{RATIO}{larger}>{smaller}")
    return out


def reversed_ratio(term: str) -> str:
    """The same two things the other way round (=ratio:a>b: =ratio:b>a)."""
    larger, smaller = term.removeprefix(RATIO).split(">")
    return f"{RATIO}{smaller}>{larger}"
