"""Output: JSON for scripts, tables and highlighted quotes for people. No library imports here."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from workbench.domain.plurals import plural as plural  # (the commands import it from here)

if TYPE_CHECKING:
    from workbench.services.views import ClaimView

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def emit_json(value: Any) -> None:
    click.echo(json_text(value, indent=2))


def json_text(value: Any, indent: int | None = None) -> str:
    """`value` as JSON for stdout: UTF-8 text as it is (no \\u escapes), but for the lone
    surrogates a name that is not UTF-8 comes in with (a Latin-1 file name's 0xE9 is U+DCE9),
    written \\udcXX: written as they were, the raw byte made stdout no UTF-8 and a script's
    json.load fail (review171); escaped, json.loads then os.fsencode give the name back."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    # A lone surrogate is the one code point UTF-8 cannot encode, and text of ASCII has none:
    # asked so, a listing of 100,000 claims is not searched by the pattern, which cost it
    # some 0.5 s of CPU, a twentieth (perf175); only a text that holds one is.
    if text.isascii():
        return text
    try:
        text.encode()
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escaped, text)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found[0]):04x}"


def _plain(value: Any) -> Any:
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def json_out(as_json: bool, value: Any) -> bool:
    """With --json, print `value` (a result with to_json(), a list of them, or plain data) and
    answer True; otherwise print nothing and answer False: the caller prints words instead."""
    if as_json:
        emit_json(_plain(value))
    return as_json


def json_or_line(as_json: bool, value: Any, line: str) -> None:
    """A result in its two forms: with --json, `value` for scripts; otherwise one line for
    people."""
    if not json_out(as_json, value):
        click.echo(line)


def json_or_table(
    as_json: bool,
    items: Sequence[T],
    columns: Sequence[str],
    row: Callable[[T], Sequence[Any]],
    **options: Any,
) -> None:
    """A listing in its two forms: with --json, the items for scripts; otherwise a table for
    people, row(item) for each item, with table()'s `options`."""
    if not json_out(as_json, items):
        table(columns, [row(item) for item in items], **options)


def emit_json_array(items: Iterable[Any]) -> None:
    """A JSON array written an item at a time, byte for byte what `emit_json` prints for the
    list: a long listing streams out in constant memory."""
    out = sys.stdout
    _write_array(out, items, "")
    out.write("\n")
    out.flush()


def emit_json_object(fields: Mapping[str, Any]) -> None:
    """An object, byte for byte what `emit_json` prints for it, where a value that is an
    iterator (not a list) is written as an array an item at a time: a bulk import's 100,000
    added claims stream out instead of being held as one text."""
    out = sys.stdout
    if not fields:
        out.write("{}\n")
        return
    sep = "{\n  "
    for key, value in fields.items():
        out.write(sep + json_text(key) + ": ")
        if isinstance(value, Iterator):
            _write_array(out, value, "  ")
        else:
            out.write(json_text(value, indent=2).replace("\n", "\n  "))
        sep = ",\n  "
    out.write("\n}\n")
    out.flush()


def _write_array(out: IO[str], items: Iterable[Any], pad: str) -> None:
    """The array as json.dumps(indent=2) lays it out `pad` deep (its first line not padded)."""
    first = True
    inner = pad + "  "
    for item in items:
        text = json_text(item, indent=2)
        # JSON text has no raw newline inside a string, so every line break here is layout.
        out.write(("[\n" if first else ",\n") + inner + text.replace("\n", "\n" + inner))
        first = False
    out.write("[]" if first else "\n" + pad + "]")


def is_terminal() -> bool:
    return sys.stdout.isatty()


def use_colour() -> bool:
    return is_terminal() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _console(fitted: int | None = None) -> Any:
    from rich.console import Console

    # Off a terminal, rich would wrap at 80 columns; a pipe wants whole lines.
    width = fitted if fitted is not None else (None if is_terminal() else 200)
    return Console(width=width, no_color=not use_colour(), highlight=False, soft_wrap=False)


# Short columns (ids, statuses, dates) never wrap mid-word; long text columns take the rest.
NARROW = frozenset(
    {
        "id",
        "doc",
        "status",
        "type",
        "pri",
        "due",
        "start",
        "end",
        "score",
        "kind",
        "stance",
        "similarity",
        "claims",
        "lang",
        "chars",
        "added",
        "value",
        "owner",
        "rating",
    }
)


def output_width() -> int | None:
    """The width tables are fitted into: COLUMNS when set, else the terminal's. None in a pipe
    without COLUMNS: the stable plain output that scripts already read."""
    raw = os.environ.get("COLUMNS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    if is_terminal():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    title: str | None = None,
    *,
    empty: str | None = None,
    droppable: Sequence[str] = (),
    clips: Mapping[str, int] | None = None,
    labelled: bool = False,
) -> None:
    """Rows for people. No rows: one line saying so (`empty`, or "TITLE: none"). A limited
    width (a terminal, or COLUMNS) drops `droppable` columns, least useful first, then stacks
    each row, rather than break a word; a pipe keeps the plain full table. `clips` cuts long
    text columns to that many cells (on one line); a terminal wider than the table needs then
    gives its spare width to them, in the order given, so that more of the text shows.
    `labelled`: stacked rows name their fields after the first (a table of counts, whose bare
    numbers say nothing without their column)."""
    from rich.box import ASCII2, SIMPLE_HEAVY

    from workbench.cli.layout import cell_width, fit, stacked, wrap
    from workbench.cli.table_rows import Column, print_rows

    limits = {columns.index(c): n for c, n in (clips or {}).items() if c in columns}
    # A clipped column's text is one line (as `clip` makes it), before it is measured.
    full = [
        [
            "" if v is None else shown(_one_line(str(v)) if i in limits else str(v))
            for i, v in enumerate(row)
        ]
        for row in rows
    ]
    if not full:
        click.echo(empty or f"{title or 'result'}: none")
        return
    cells = _clipped(full, limits)
    width = output_width()
    # A column of counts is short whatever its name (stats --by's verdicts, trial58): a text
    # column would ask for a readable width of its own and stack the table at 80 columns.
    text_columns = frozenset(
        c for i, c in enumerate(columns) if c not in NARROW and not _counts(cells, i)
    )
    keep, text_widths = tuple(range(len(columns))), dict[int, int]()
    if width is not None:
        fitted = fit(columns, cells, width, text_columns, droppable)
        if fitted.stacked:
            if title:
                click.echo(title)
            for line in stacked(columns, cells, width, text_columns, labelled=labelled):
                click.echo(line)
            return
        keep, text_widths = fitted.keep, dict(fitted.text_widths)
        spare = fitted.spare
        for i in (i for i in limits if i in text_widths and spare > 0):
            longest = max(cell_width(row[i]) for row in full)
            wider = min(longest, text_widths[i] + spare)
            if wider > text_widths[i]:
                spare -= wider - text_widths[i]
                text_widths[i] = limits[i] = wider
        cells = _clipped(full, limits)

    specs: list[Column] = []
    for i in keep:
        name = columns[i]
        if i in text_widths:
            specs.append(Column(name, width=text_widths[i], no_wrap=True, overflow="ellipsis"))
        elif name in NARROW or width is not None:
            specs.append(Column(name, no_wrap=True))
        else:
            specs.append(Column(name, overflow="fold", ratio=1))
    body = [
        ["\n".join(wrap(row[i], text_widths[i])) if i in text_widths else row[i] for i in keep]
        for row in cells
    ]
    # Row by row: a table of 30,000 candidates laid out whole by rich took most of a minute.
    print_rows(_console(width), specs, body, SIMPLE_HEAVY if is_terminal() else ASCII2, title)


def _counts(rows: Sequence[Sequence[str]], i: int) -> bool:
    """Every cell of column `i` is a count (digits, with thousands separators)."""
    return all((v := row[i].replace(",", "")).isascii() and v.isdigit() for row in rows)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clipped(rows: list[list[str]], limits: Mapping[int, int]) -> list[list[str]]:
    """Each row with the columns in `limits` (index -> cells) cut to fit them."""
    if not limits:
        return rows
    from workbench.cli.layout import clip_cells

    return [[clip_cells(v, limits[i]) if i in limits else v for i, v in enumerate(r)] for r in rows]


def shown(text: str, *, one_line: bool = False) -> str:
    """User text as a terminal should show it: control characters and bidi overrides written
    as \\uXXXX, never acted on (an ESC sequence in a document must not repaint the screen);
    `one_line`: newlines and tabs too (a value inside a line of a list)."""
    from workbench.domain.limits import visible

    return visible(text, one_line=one_line)


def shown_name(name: str | None) -> str:
    """A person's name as stored (an owner, an author, a speaker), as a terminal should show it,
    on one line: `--as` refuses a control or bidi character, but a SQLite file is written by
    whoever can write it (trial254: an owner written with ESC ]0;...BEL set the window's title)."""
    return shown(name or "", one_line=True)


def highlighted(context: str, start: int, end: int, *, hang: int = 0) -> str:
    """The quote inside its sentence: reverse video on a terminal, [[...]] markers elsewhere.
    A line after a line break in it starts `hang` spaces in, under the first line's text: a
    quote from a hard-wrapped text went on at the start of the line, outside its field's
    column (trial324). On a terminal each line of the quote is styled apart, so that no
    indent is highlighted as part of it."""
    indent = "\n" + " " * hang
    before, quote, after = (
        shown(part).replace("\n", indent)
        for part in (context[:start], context[start:end], context[end:])
    )
    if use_colour():
        lines = quote.split(indent)
        quote = indent.join(click.style(line, bold=True, reverse=True) for line in lines)
        return before + quote + after
    return f"{before}[[{quote}]]{after}"


def clip(text: str, limit: int = 60) -> str:
    """`text` on one line in at most `limit` terminal cells (a Chinese character takes two)."""
    from workbench.cli.layout import clip_cells

    return clip_cells(shown(_one_line(text)), limit)


def show_value(value: Any, *, one_line: bool = False) -> str:
    """A field's value as people read it: JSON literals, not Python reprs."""
    if value is None:
        return "-"
    if isinstance(value, str):
        return shown(value, one_line=one_line)
    return json.dumps(value, ensure_ascii=False)


def status_shown(claim: ClaimView) -> str:
    """A claim's status as every list of claims shows it: a verdict given on text that has
    changed since is not settled, and says so ("verified (flagged)"); an open claim whose
    quote a revision took out says so too ("unverified (quote gone)", trial48: it stayed on
    the open list and the board like any other)."""
    if claim.flagged:
        return f"{claim.status} (flagged)"
    if claim.quote_gone:
        return f"{claim.status} (quote gone)"
    return claim.status


def message(text: str) -> None:
    """Something said to the person, not data: stderr, so pipes stay clean. Escaped as
    `shown` writes it: it may name what it read from the desk (review256)."""
    click.echo(shown(text), err=True)


def warning(text: str) -> None:
    """A message the person should not miss: `warning:` first, bold yellow on a terminal."""
    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    label = click.style("warning:", fg="yellow", bold=True) if colour else "warning:"
    click.echo(f"{label} {shown(text)}", err=True)


def marked_change(gone: str, came: str) -> str:
    """What went and what came in their place: struck through in red and in green on a
    terminal, [-gone-]{+came+} elsewhere (an empty side is left out)."""
    if use_colour():
        gone = click.style(gone, fg="red", strikethrough=True) if gone else ""
        came = click.style(came, fg="green", bold=True) if came else ""
    else:
        gone = f"[-{gone}-]" if gone else ""
        came = f"{{+{came}+}}" if came else ""
    return gone + came


def changed_passages(old: str, new: str, changes: Sequence[Any], context: int = 30) -> str:
    """Changes of a diff close enough to share their context (`hunks`), in their surrounding
    text, each marked (`marked_change`), with the text between them as both revisions hold it."""
    first, last = changes[0], changes[-1]
    parts = [old[max(0, first.old_start - context) : first.old_start]]
    for change, following in zip(changes, [*changes[1:], None], strict=True):
        parts.append(marked_change(change.old_text, change.new_text))
        if following is not None:
            parts.append(old[change.old_end : following.old_start])
    parts.append(new[last.new_end : last.new_end + context])
    return "".join(parts).replace("\n", "\u21b5\n   ")


def hunks(changes: Sequence[Any], context: int = 30) -> list[list[Any]]:
    """The changes of a diff in groups shown together: a change that starts within twice
    `context` characters of the previous one's end shares its context, as one edit to a
    sentence (two figures and a word) is read as one, not as a passage each with the other's
    text around it."""
    out: list[list[Any]] = []
    for change in changes:
        if out and change.old_start - out[-1][-1].old_end <= 2 * context:
            out[-1].append(change)
        else:
            out.append([change])
    return out


def quote_change(old: str, new: str, context: int = 30, side: int = 40) -> str:
    """Where two versions of a quote differ, with up to `context` characters of what they
    share on either side (cut at a space where there is one), the change marked
    (`marked_change`). Each changed side is clipped to `side` cells."""
    from workbench.cli.layout import clip_cells
    from workbench.domain.said_back import shared_ends

    p, s = shared_ends(old, new)
    # Whole numbers and words: 4.[-1-]{+2+} reads worse than [-4.1-]{+4.2+}.
    if (p < len(old) and _in_token(old, p)) or (p < len(new) and _in_token(new, p)):
        while p and _in_token(old, p - 1):
            p -= 1
    o, n = len(old) - s, len(new) - s
    if (o > p and _in_token(old, o - 1)) or (n > p and _in_token(new, n - 1)):
        while s and _in_token(old, len(old) - s):
            s -= 1
    gone, came = old[p : len(old) - s], new[p : len(new) - s]
    before, after = old[:p], old[len(old) - s :]
    lead = tail = ""
    if len(before) > context:
        before, lead = before[-context:], "…"
        if " " in before and not before.startswith(" "):
            before = before[before.index(" ") + 1 :]
    if len(after) > context:
        after, tail = after[:context], "…"
        if " " in after and not after.endswith(" "):
            after = after[: after.rindex(" ")]

    def one_line(piece: str) -> str:
        return shown(piece.replace("\n", " "))

    marked = marked_change(clip_cells(one_line(gone), side), clip_cells(one_line(came), side))
    return lead + one_line(before) + marked + one_line(after) + tail


def _in_token(text: str, i: int) -> bool:
    """`text[i]` is an ASCII letter or digit, or a . or , between two digits."""
    ch = text[i]
    if ch.isascii() and ch.isalnum():
        return True
    return ch in ".," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def shown_path(path: str) -> str:
    """A file's name as a confirmation says it: as given when it is printable UTF-8, else as
    `domain.shell.shell_word` writes it, so it can be pasted into a shell."""
    from workbench.domain.shell import shell_word

    return path if _plain_name(path) else shell_word(path)


def _plain_name(text: str) -> bool:
    return text.isprintable() and not any("\ud800" <= ch <= "\udfff" for ch in text)
