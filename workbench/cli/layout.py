"""Fitting a table into a width without breaking a word: pure functions.

A narrow terminal gets fewer columns (the caller says which may go, least useful first) and,
below a minimum, a stacked layout: one line of short fields per row, the long text indented
under it. Text is wrapped at spaces and between CJK characters (where Chinese breaks lines);
a Latin word is never split, and one too long for its column is cut with an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from workbench.domain.cjk import is_full_width_alnum, is_wide

# Below this many cells a text column stops being readable: drop columns, then stack.
MIN_TEXT_WIDTH = 28
# ASCII has no wide character: its words are its runs of non-space.
_ASCII_TOKEN = re.compile(r"\s+|\S+")
# Spaces, runs of characters below U+1100 (none of them wide), or any other one character.
_PIECE = re.compile(r"\s+|[^\s\u1100-\U0010ffff]+|\S")
# The same, the last a user-perceived character (a grapheme cluster: a family emoji's people
# and joiners, a flag's two letters, a wide character and the marks on it), which a line never
# breaks inside; and the characters that join a cluster to what is beside them, without which
# every character is a cluster of its own (UAX #29), and `_PIECE` splits the text alike, at
# less than half the cost (plain Chinese). `regex` patterns.
_CLUSTER_PIECE = r"\s+|[^\s\u1100-\U0010ffff]+|\X"
_JOINING = (
    "["
    + "".join(
        f"\\p{{Grapheme_Cluster_Break={kind}}}"
        for kind in ("Extend", "ZWJ", "SpacingMark", "Regional_Indicator", "Prepend", "L", "V", "T")
    )
    + "]"
)


def cell_width(text: str) -> int:
    """Terminal cells, as rich, which draws the tables, counts them: East Asian wide and
    full-width characters take two, combining marks none, and a multi-part emoji (a ZWJ
    sequence, a flag, a keycap, a skin tone, a selector's emoji presentation) the two of the
    one character it is drawn as. Counted code point by code point, a family emoji was 8
    cells, and a claim holding some was clipped at half its width, its column too narrow."""
    if text.isascii():
        return len(text)  # one cell each: most cells of most tables, counted at C speed
    return _rich_cell_len()(text)


@cache
def _rich_cell_len() -> Callable[[str], int]:
    # Imported on first need (12 ms: `claim show` clips a line and draws no table), and held:
    # an import statement in `cell_width`, asked of every word of every cell, was most of what
    # wrapping a Chinese text cost.
    from rich.cells import cell_len

    return cell_len


# Chinese typesetting's rule for line ends: closing punctuation never starts a line, opening
# punctuation never ends one (a trial's narrow table began a line with "，增长4.1%"). The curly
# quotes are East Asian width "ambiguous", not wide, but Chinese quotes with them: trial58 saw
# "杨植麟表示：“" end a line and "”" begin one. ASCII brackets and stops follow the same rule
# where they touch a Chinese character (in ASCII text they belong to their word anyway).
_NO_LINE_START = frozenset("，。、；：？！）」』》〉】〕〗｝％．…”’)]},.;:!?%")
_NO_LINE_END = frozenset("（「『《〈【〔〖｛“‘([{")
# A straight quote is opening or closing by where it stands: after a space (or first), it
# opens and keeps to what follows; otherwise it closes and keeps to what it follows.
_STRAIGHT_QUOTES = frozenset("\"'")
# Punctuation a figure holds between its digits (１．５亿, ２０２４－０３－０１, １０，０００),
# in full width as an IME types it.
_FIGURE_JOINERS = frozenset("．，－／：")
# Between the pieces of a token glued by those rules (no text a table shows holds a NUL).
_GLUE = "\0"


def _is_latin_alnum(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or is_full_width_alnum(ch)


def _in_word(ch: str, word: str, following: str) -> bool:
    """`ch`, a character from U+1100 up (below, none is wide), belongs to the run of characters
    that stay whole (`word` so far; `following` is what comes after it): if it is not wide, if
    it is a full-width letter or digit, or full-width punctuation between two of them."""
    if is_full_width_alnum(ch):
        # Wide, but a letter or digit of a Latin word or a figure (trial58: "２００人" was broken
        # as "２" / "００人", where "200人" stayed whole).
        return True
    if ch in _FIGURE_JOINERS:
        return bool(word and following) and _is_latin_alnum(word[-1]) and _is_latin_alnum(following)
    return not is_wide(ch)


def _pieces(text: str) -> list[str]:
    """`text` cut as `_PIECE` cuts it, a multi-part character kept whole (`_CLUSTER_PIECE`)."""
    import regex

    if regex.search(_JOINING, text) is None:
        return _PIECE.findall(text)
    pieces: list[str] = regex.findall(_CLUSTER_PIECE, text)
    return pieces


def _tokens(text: str) -> list[str]:
    """Spaces, single wide characters (a line may break before or after each), and runs of
    other characters (Latin words, numbers with their punctuation, in either width) that stay
    whole; closing punctuation is kept with what it follows, opening punctuation with what
    follows it."""
    if text.isascii():
        return [" " if piece.isspace() else piece for piece in _ASCII_TOKEN.findall(text)]
    text = text.replace(_GLUE, "")
    out: list[str] = []
    word = ""
    opened = False  # the last token is a straight quote that opens

    def push(token: str) -> None:
        nonlocal opened
        last = out[-1] if out else " "
        # Straight after a character, a straight quote closes.
        closes = token[0] in _NO_LINE_START or token[0] in _STRAIGHT_QUOTES
        if last != " " and (closes or last[-1] in _NO_LINE_END or opened):
            out[-1] = last + _GLUE + token  # `wrap` parts them again if together they overflow
            opened = False
        else:
            out.append(token)
            opened = token in _STRAIGHT_QUOTES

    def push_word(run: str) -> None:
        # Closing punctuation that starts a run straight after a Chinese character belongs to
        # that character ("10月,随着" is "月," then "随着"): the line may break after it, as
        # after "，", and never before it.
        k = 0
        if out and out[-1] != " ":
            while k < len(run) and (run[k] in _NO_LINE_START or run[k] in _STRAIGHT_QUOTES):
                k += 1
        if 0 < k < len(run):
            push(run[:k])
            out.append(run[k:])
        else:
            push(run)

    pieces = _pieces(text)
    for n, piece in enumerate(pieces):
        if piece.isspace():
            if word:
                push_word(word)
                word = ""
            out.append(" ")
            opened = False
        elif piece[0] < "\u1100" or _in_word(
            piece[0], word, pieces[n + 1][0] if n + 1 < len(pieces) else ""
        ):
            word += piece
        else:
            if word:
                push_word(word)
                word = ""
            push(piece)
    if word:
        push_word(word)
    return out


def clip_cells(text: str, width: int) -> str:
    """`text` whole if it fits in `width` cells, else cut to fit with "…" (one cell) last. The
    cut falls between user-perceived characters (grapheme clusters): never an accent from its
    letter, never half a wide character, so the result may be a cell short of `width`."""
    room = max(width - 1, 0)  # what the text keeps beside the ellipsis
    if text.isascii():
        return text if len(text) <= width else text[:room] + "…"
    import regex

    used, cut = 0, None
    # Stops one cluster past the width: a long text is never measured whole.
    for cluster in regex.finditer(r"\X", text):
        used += cell_width(cluster.group())
        if cut is None and used > room:
            cut = cluster.start()
        if used > width:
            return text[:cut] + "…"
    return text


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken only at spaces or next to a wide character."""
    lines: list[str] = []
    line = ""
    used = 0  # cell_width(line), kept as the line grows (measuring it again made wrap quadratic)
    tokens = _tokens(" ".join(text.split()))
    k = 0
    while k < len(tokens):
        token = tokens[k]
        k += 1
        if _GLUE in token:
            pieces = token.split(_GLUE)
            if cell_width("".join(pieces)) > width:
                # Glued pieces wider than a line: break between them after all, rather than
                # cut the text short (the punctuation rule gives way to the words).
                tokens[k:k] = pieces
                continue
            token = "".join(pieces)
        if token == " ":
            if line and used < width:
                line += " "
                used += 1
            continue
        size = cell_width(token)
        if used + size <= width:
            line += token
            used += size
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token if size <= width else clip_cells(token, width)
        used = cell_width(line)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


@dataclass(frozen=True)
class Fit:
    """What to print: the columns kept (indexes into the caller's), and the width of each text
    column; `stacked` when even the fewest columns leave no room for the text."""

    keep: tuple[int, ...]
    text_widths: dict[int, int]
    stacked: bool
    # Cells the width leaves over once every kept column has its natural width (a wide
    # terminal): room for text the caller clipped shorter than it is.
    spare: int = 0


def _overhead(n_columns: int) -> int:
    # rich's tables: one cell of padding each side of every column, one rule between columns
    # and one at each edge.
    return 3 * n_columns + 1


def fit(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    text_columns: frozenset[str],
    droppable: Sequence[str] = (),
) -> Fit:
    keep = list(range(len(columns)))
    natural = [max([cell_width(columns[i]), *(cell_width(r[i]) for r in rows)]) for i in keep]

    def room(kept: list[int]) -> int:
        narrow = sum(natural[i] for i in kept if columns[i] not in text_columns)
        return width - narrow - _overhead(len(kept))

    def text_count(kept: list[int]) -> int:
        return sum(1 for i in kept if columns[i] in text_columns)

    def fits(kept: list[int]) -> bool:
        texts = [i for i in kept if columns[i] in text_columns]
        need = sum(min(natural[i], MIN_TEXT_WIDTH) for i in texts)
        return room(kept) >= need

    # Empty columns go first, then the ones the caller named, least useful first.
    empty = [i for i in keep if all(not r[i] for r in rows)]
    order = empty + [columns.index(n) for n in droppable if n in columns]
    for i in order:
        if fits(keep):
            break
        if i in keep and (columns[i] not in text_columns or text_count(keep) > 1):
            keep.remove(i)
    if not fits(keep):
        return Fit(tuple(range(len(columns))), {}, stacked=True)
    # Share the room among the text columns: each gets what it needs up to an equal share,
    # what a short column leaves goes to the long ones.
    texts = sorted((i for i in keep if columns[i] in text_columns), key=lambda i: natural[i])
    left = room(keep)
    widths: dict[int, int] = {}
    for n, i in enumerate(texts):
        share = left // (len(texts) - n)
        widths[i] = min(natural[i], share)
        left -= widths[i]
    return Fit(tuple(keep), widths, stacked=False, spare=left)


def stacked(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    text_columns: frozenset[str],
    *,
    labelled: bool = False,
) -> list[str]:
    """One line of the short fields per row, then each long field wrapped and indented.
    `labelled`: every field with its column's name ("verified 3"), the row's first on a line of
    its own, the others packed into indented lines: a row of counts is bare numbers without
    them, and a value alone ("(none)") does not say what it is the value of."""
    out: list[str] = []
    for row in rows:
        if labelled:
            out.extend(_labelled(columns, row, width))
            continue
        short = "  ".join(
            v for name, v in zip(columns, row, strict=True) if name not in text_columns and v
        )
        out.extend([short] if cell_width(short) <= width else wrap(short, width))
        for name, value in zip(columns, row, strict=True):
            if name in text_columns and value:
                out.extend("    " + line for line in wrap(value, max(width - 4, 8)))
    return out


def _labelled(columns: Sequence[str], row: Sequence[str], width: int) -> list[str]:
    out = wrap(f"{columns[0]} {row[0]}", width) if row[0] else []
    room = max(width - 4, 8)
    line = ""
    for name, value in zip(columns[1:], row[1:], strict=True):
        if not value:
            continue
        field = f"{name} {value}"
        if line and cell_width(line) + 2 + cell_width(field) <= room:
            line += "  " + field
            continue
        if line:
            out.append("    " + line)
        if cell_width(field) <= room:
            line = field
        else:
            out.extend("    " + piece for piece in wrap(field, room))
            line = ""
    if line:
        out.append("    " + line)
    return out
