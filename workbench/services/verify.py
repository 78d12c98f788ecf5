"""Checking the audit chain: in the database, or in an exported JSONL file. Read-only.

The database walk recomputes each hash with `event_hash` on the stored payload text and checks
that text is canonical, which together prove it hashes as the documented recipe says. The file
walk parses each line and hashes it straight from the recipe (`record_text`), so a file can be
checked with no database at all.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select

from workbench.db.damage import damage_found, index_damaged, index_read_check, quick_check
from workbench.db.models import Event
from workbench.db.url import sqlite_file
from workbench.domain.chain import (
    HASHED_FIELDS,
    event_hash,
    is_canonical_of,
    record_text,
    text_hash,
)
from workbench.domain.errors import InvalidInput
from workbench.domain.inputs import check_at_least, check_hash
from workbench.domain.json_keys import may_repeat_a_key, repeated_key
from workbench.domain.kinds import KINDS
from workbench.domain.plurals import plural
from workbench.domain.replay import Replay
from workbench.domain.replay_input import unfit
from workbench.domain.scope import AFTER_FILTERS, ExportScope
from workbench.domain.shown import shown
from workbench.domain.trail_people import READ, Registrations
from workbench.domain.unique_keys import value_refused
from workbench.domain.verification import Break, ChainReport, ChainWalk, RuleBreak
from workbench.services.audit import filter_of, stream_events
from workbench.services.context import Workbench, transaction
from workbench.services.event_filter import EXPORT_FIELDS, TIMELINE_TITLE
from workbench.services.inputs import STDIN_CLOSED, open_regular
from workbench.services.progress import Progress, Tally, counted
from workbench.services.replay_spill import SpillStore

# The export's columns, in its order: a database row and an exported line are checked alike.
CHAIN_COLUMNS = tuple(getattr(Event, name) for name in EXPORT_FIELDS)
NOT_CANONICAL = (
    "payload is not canonical JSON (sorted keys, no spaces, UTF-8 as is): it was rewritten "
    "outside the workbench"
)


def verify_database(
    wb: Workbench,
    *,
    head: str | None = None,
    count: int | None = None,
    progress: Progress | None = None,
) -> ChainReport:
    """Walk every event oldest first, streamed; stop at the first that does not hold.

    A SQLite file is then checked whole (`PRAGMA quick_check`, in the same snapshot): the walk
    reads the events alone, and a damaged page elsewhere (the claims table's) let "OK" stand
    over a desk whose `claim list` failed (trial96). Damage found is a DamagedRecord, whatever
    the walk found: the file is restored from a backup either way; its search index, found
    damaged alone, is rebuilt by `db upgrade` (workbench.db.damage.index_read_check)."""
    walk = ChainWalk(contiguous=True, noted_head=_hex(head), noted_count=_count(count))
    with transaction(wb) as tx:
        conn = tx.session.connection()
        # The newest event now: the walk stops there whatever is appended meanwhile.
        newest = conn.execute(select(func.max(Event.seq))).scalar()
        rows = stream_events(conn, select(*CHAIN_COLUMNS), through=newest or 0)
        report = walk_rows(counted(rows, progress, newest if progress else None), walk)
        path = sqlite_file(wb.url)
        if path is not None:
            raw = conn.connection.dbapi_connection
            problems = quick_check(raw)
            if problems:
                raise damage_found(path, problems, _chain_said(report))
            # The search index, which quick_check reads only as b-trees (review105): derived,
            # so its damage is rebuilt, not restored, and said apart.
            index = index_read_check(raw)
            if index is not None:
                raise index_damaged(path, index, _chain_said(report))
        return report


def _chain_said(report: ChainReport) -> str:
    """What the walk found, said after a damaged file's problems (the trail may be whole)."""
    if report.ok:
        return f"; its audit chain holds ({plural(report.count, 'event')}, head {report.head})"
    if report.broken is not None:
        return f"; its audit chain breaks too, at {report.broken.message()}"
    return ""


def walk_rows(rows: Iterable[Sequence[Any]], walk: ChainWalk) -> ChainReport:
    """Feed stored events (CHAIN_COLUMNS, by seq) to the walk; stop at the first bad one.

    Shared by `verify_database` and a bundle restore, which checks the trail it has just written
    before committing it.
    """
    # raw_decode skips the whitespace handling json.loads wraps around it, which a canonical
    # payload has no use for (trailing text makes it non-canonical: end != len).
    decode = json.JSONDecoder().raw_decode
    clock = walk.clock.feed
    # Each registration held to `user add`'s rule, read from the payload parsed here anyway.
    people = Registrations()
    for seq, at, actor, action, etype, eid, claim_id, payload, prev, stored, machine in rows:
        computed = event_hash(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity_type=etype,
            entity_id=eid,
            claim_id=claim_id,
            payload_json=payload,
            prev_hash=prev,
            machine=machine,
        )
        try:
            parsed, end = decode(payload)
            canonical = end == len(payload) and is_canonical_of(parsed, payload)
            # (a registration is small: kept for the rule once the link is checked)
            registration = parsed if canonical and action in READ else None
            # A document's event carries its whole text: neither it nor its parsed form is
            # held while the next event is read.
            del parsed
        except (ValueError, RecursionError):
            # Not JSON at all, or nested deeper than any payload the workbench writes.
            canonical = False
            registration = None
        del payload
        ok = (
            walk.feed(seq, prev, stored, computed)
            if canonical
            else walk.feed(seq, prev, stored, computed, NOT_CANONICAL)
        )
        if not ok:
            break
        if registration is not None:
            people.feed(seq, action, registration, actor, claim_id, eid)
        clock(seq, at)
    people.finish()
    return people.warned(walk.finish())


# One line holds one event; a document's event carries its whole text (20 MB by default), so
# a line may be long, but a line with no end (a file of zeros) is not read past this.
MAX_LINE = 256 * 1024 * 1024
# A line is read this much at a time, so one over MAX_LINE is never held past it.
_PIECE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A line that cannot be an event whatever else it holds (too long to read, not UTF-8, or
    a NUL byte): what is wrong with it."""

    problem: str


def verify_file(
    path: str,
    *,
    head: str | None = None,
    count: int | None = None,
    progress: Progress | None = None,
) -> ChainReport:
    """Check an exported JSONL file (`-`: standard input), line by line, without the database.

    The first line is the export's scope (workbench.domain.scope), and the file is held to it:
    a full export must verify exactly like the database, every link from seq 1 to its head; a
    filtered one (--claim, --since...) skips events, so each event is checked against its own
    hash, the link to the previous line only where their seqs are consecutive, and the count,
    first and last seq and last hash against the scope line. The report names every link that
    could not be checked. A noted head describes the whole trail, so with one the file must be
    a full export, or an export after that very head (`audit export --after`): one after a head
    with no other filter is checked as a full one is, every link, the first to that head.
    `progress` hears the events checked, of the count the scope line states.

    A full export holds every event from seq 1, which is all replay's event rules read (the
    workflow's: a self-approval, a verdict with no evidence...), so its events are held to them
    too, by replay itself (workbench.domain.replay) with no table to compare: hashes recomputed
    after a forged event make the chain hold, not the move it records. A filtered export lacks
    the events before and between its own; its report says the rules were not checked.
    """
    noted = head is not None or count is not None
    noted_head, noted_count = _hex(head), _count(count)
    with ExitStack() as stack:
        stream = stack.enter_context(_open_lines(path))
        lines = _bounded_lines(stream)
        first = next(lines, None)
        if first is None:
            return _failed(
                "the file is empty: an export holds at least its scope line, so this is not one "
                "(or it was cut to nothing)"
            )
        number, line = first
        if isinstance(line, Unreadable):
            return _failed(f"line {number}: {line.problem}")
        record = _json(line)
        if record is None and (kind := _other_format(line)) is not None:
            raise InvalidInput(
                f"{path} is the audit trail as {kind}, which has no scope line and is not "
                "verified: export it as JSON Lines (`workbench audit export --format jsonl`) "
                "and verify that"
            )
        scope = ExportScope.from_record(record)
        if isinstance(scope, str):
            return _failed(f"line {number}: {_older_export(record) or scope}")
        flt = filter_of(scope.filters)
        if isinstance(flt, str):
            return _failed(f"line {number}: {flt}")
        refuses = flt.refusal()
        rules = stack.enter_context(_rule_replay()) if scope.full else None
        # An export after a head (--after) continues it: its first event links to that head.
        # With no other filter it is the trail from there on, every link checked as in a full
        # export; a head noted earlier that is the one it continues is found there.
        start = None
        if flt.after_seq is not None and flt.after_head is not None:
            start = (flt.after_seq, flt.after_head)
        after_only = start is not None and set(scope.filters) == AFTER_FILTERS
        continued = start is not None and noted_head == flt.after_head
        walk = ChainWalk(
            contiguous=scope.full or after_only or (noted and not continued),
            noted_head=noted_head,
            noted_count=noted_count,
            gaps_named=None,
            start=start,
            also_filtered=tuple(k for k in scope.filters if k not in AFTER_FILTERS)
            if start is not None
            else (),
        )
        tally = Tally(progress, scope.count)
        # The lines read after the scope line: no more than the `count` events it says the file
        # holds are read, the search for a moved event's too. Past them the file is refused
        # in any case (lines were added), and a stream may have no end (trial252: events that
        # hold without end, or `cat cut-export /dev/zero`, were read for ever).
        last_seq: int | None = None
        for read, (number, line) in enumerate(tally.counting(lines), start=1):
            if isinstance(line, Unreadable):
                walk.fail(None, f"line {number}: {line.problem}")
                break
            record = _parse(line)
            if isinstance(record, str):
                walk.fail(None, f"line {number}: {record}")
                break
            if read > scope.count and (last_seq is None or record["seq"] > last_seq):
                # (A seq that goes back is left to the walk: "an event is duplicated" says more.)
                walk.fail(None, f"line {number}: {_over_count(scope.count)}")
                break
            last_seq = record["seq"]
            canonical = record_text(record)
            if may_repeat_a_key(line, canonical) and (key := repeated_key(line)) is not None:
                walk.fail(None, f"line {number}: {_repeated(key)}")
                break
            try:
                digest = text_hash(canonical)
            except UnicodeEncodeError as exc:
                # Valid UTF-8 bytes whose JSON escapes half a surrogate pair (\ud800): no text
                # holds one, so the recipe's UTF-8 has nothing to encode (trial185: it was said as
                # the file's encoding, with no line).
                walk.fail(None, f"line {number}: {_surrogate(canonical[exc.start])}")
                break
            # An event the stated filters could not have selected is not the export they say.
            outside = refuses(record)
            extra = () if outside is None else (f"line {number}: {outside}",)
            if not walk.feed(record["seq"], record["prev_hash"], record["hash"], digest, *extra):
                _read_on(walk, number, tally.counting(lines), scope.count - read)
                break
            walk.clock.feed(record["seq"], record["at"])
            if rules is not None:
                _hold_to_rules(rules, record, line)
            del record  # (a document's whole text) not held while the next line is read
        broken_rules = (
            () if rules is None else tuple(RuleBreak(d.seq, d.message) for d in rules.differences)
        )
        broken_count = 0 if rules is None else rules.total
        people = None if rules is None else rules.registrations
        if people is not None:
            people.finish()
    tally.end()
    walked = walk.finish()
    # No event line at all: every line after the scope line either holds or breaks the walk.
    # One broken at its first event is a file of one bad event, not an empty one (trial185).
    empty = walked.count == 0 and walked.broken is None
    report = replace(
        walked,
        rules_checked=rules is not None,
        rule_breaks=broken_rules,
        rule_break_count=broken_count,
    )
    if people is not None:
        report = people.warned(report)
    if report.broken is None:
        problems = scope.mismatches(
            report.count,
            report.first_seq,
            report.last_seq,
            report.head,
            continued=flt.after_head if after_only else None,
        )
        if problems:
            report = replace(report, broken=Break(None, tuple(problems)))
    # A file of no events is intact as far as it goes, and proves nothing: not "OK".
    return replace(report, filters=scope.filters, empty=empty)


@contextmanager
def _rule_replay() -> Iterator[Replay]:
    """A replay for the rules alone (nothing is compared with tables), its state kept as `audit
    replay` keeps it: the claims it follows in a bounded cache, the rest in a temporary
    directory (removed after), so memory does not grow with the claims of a large export."""
    with (
        tempfile.TemporaryDirectory(prefix="workbench-verify-") as tmp,
        SpillStore(KINDS, Path(tmp)) as spill,
    ):
        yield Replay(store=spill, compared=False)


# The fields replay reads that the workbench writes as text (claim_id: workbench.domain.
# replay_input): an exported event has each, as a database row does.
_TEXT_FIELDS = ("action", "entity_type", "entity_id", "actor", "at")


def _hold_to_rules(rules: Replay, record: dict[str, Any], line: str) -> None:
    """One event of a full export, its chain link already checked, applied to the replay."""
    seq, claim_id = record["seq"], record["claim_id"]
    fields = {name: record[name] for name in _TEXT_FIELDS}
    problem = unfit(fields, claim_id, record["payload"], line)
    if problem is not None:
        rules.unapplied(seq, problem)
        return
    rules.apply_parsed(
        seq,
        record["action"],
        record["entity_type"],
        record["entity_id"],
        claim_id,
        record["payload"],
        record["actor"],
        record["at"],
    )


def _repeated(key: str) -> str:
    return (
        f"names {shown(key)} twice in one object: JSON readers differ on which value counts "
        "(Python's the last, others the first), so the line can show another value than the one "
        "hashed; the recipe holds each key once and no export writes one twice"
    )


# The keys an exported event line holds: the export's own list, not a second one kept equal
# to it by hand. Each is hashed by the chain's recipe or is the hash (held by
# tests/unit/test_export_fields_are_the_recipe.py), so another key is one the hash misses.
_LINE_KEYS = frozenset(EXPORT_FIELDS)


def _unhashed(key: str) -> str:
    return (
        f"holds {shown(key)}, no field of an event: the recipe does not hash it, so the line "
        "can show a value the event never recorded; an export writes an event's fields alone"
    )


def _surrogate(char: str) -> str:
    return (
        f"escapes \\u{ord(char):04x}, half of a surrogate pair, with no other half: no character "
        "is written so, no text the workbench stores holds one, and the recipe cannot encode it "
        "as UTF-8"
    )


def _over_count(count: int) -> str:
    return (
        f"one event more than the {count} its scope line says: lines were added (read no further)"
    )


def _read_on(
    walk: ChainWalk, line: int, rest: Iterable[tuple[int, str | Unreadable]], left: int
) -> None:
    """After a seq past the next one: whether the seq that belonged there comes further on.
    A line moved down the file is then told from a line deleted from it. `left`: the events
    the file may still hold by its scope line's count; none is read past them (a line that is
    no event is read past, as a moved event may follow it, and not counted)."""
    broken = walk.broken
    if broken is None or broken.expected is None:
        return
    lines = iter(rest)
    while left > 0:  # asked before a line is read: reading one may read a long line's rest
        if (item := next(lines, None)) is None:
            return
        number, text = item
        record = _parse(text)
        if isinstance(record, str):
            continue
        if record["seq"] == broken.expected:
            walk.found_later(line, number)
            return
        left -= 1


def _failed(problem: str) -> ChainReport:
    walk = ChainWalk()
    walk.fail(None, problem)
    return walk.finish()


@contextmanager
def _open_lines(path: str) -> Iterator[IO[bytes]]:
    """The file's bytes, or standard input's; only a regular file (no device, no FIFO)."""
    import sys

    if path == "-":
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None or stream.closed:
            raise InvalidInput(STDIN_CLOSED)
        yield stream
        return
    with open_regular(path) as f:
        yield f


def _bounded_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | Unreadable]]:
    """(line number, text) of every non-blank line, each read with its length bounded: a line
    over MAX_LINE, not UTF-8 or holding a NUL is Unreadable, and the lines after it are read
    from their start."""
    number = 0
    while True:
        raw = _read_line(stream)
        if isinstance(raw, bytearray) and not raw:
            return
        number += 1
        if isinstance(raw, _LongLine):
            yield (
                number,
                Unreadable(
                    f"longer than {MAX_LINE:,} bytes: not a trail line (no line is read past that "
                    "size)"
                ),
            )
            # Read past its rest only now that a line after it is wanted (a moved event looked
            # for further down): a check that ends at the long line reads none of it, which an
            # endless one (`< /dev/zero`) needs, having no end to read to (trial252).
            if not raw.ended:
                _skip_rest(stream)
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            # A byte order mark an editor put first when it saved the file (Notepad, some
            # Chinese editors) is no part of the JSON, as spacing is not (trial185: it was "not a
            # scope line"); so a file of the mark alone is empty, as one of spacing is
            # (review191). Dropped in place: the line is not copied.
            del raw[:3]
            dropped = 3
        else:
            dropped = 0
        text = _decoded(raw, dropped)
        del raw  # the text alone is held while the line is checked
        if isinstance(text, Unreadable):
            # A broken line, not an error that ends the check: the events before it hold, and
            # reading on past an earlier break skips it (it lost that break: fix194).
            yield number, text
            continue
        nul = text.find("\x00")
        if text.startswith("\ufeff"):
            # json says it as 'Unexpected UTF-8 BOM (decode using utf-8-sig)', advice to a
            # programmer (review200): a file's first line alone may open with the mark.
            yield number, Unreadable(_LATER_MARK)
        elif nul >= 0:
            # No export writes one (JSON escapes it as \u0000); json says it as a syntax error
            # ("Expecting property name"), which sends the reader after a quote (trial185).
            yield number, Unreadable(_nul(nul))
        # isspace, not strip: a copy of a long line only to see whether it is blank.
        elif text and not text.isspace():
            yield number, text


def _decoded(raw: bytearray, dropped: int = 0) -> str | Unreadable:
    """The line's text, or what is wrong with it; a bad byte is counted from the line's start
    in the file (`dropped`: the bytes of a byte order mark taken off before)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + 1 + dropped
        return Unreadable(
            f"is not UTF-8 (byte 0x{raw[exc.start]:02X} at byte {at}): not a trail line"
        )


_LATER_MARK = (
    "opens with a byte order mark (U+FEFF), which only a file's first line may: not a trail "
    "line (two files joined? an export is verified alone)"
)


def _nul(index: int) -> str:
    return (
        f"holds a NUL byte at column {index + 1}: not a trail line (an export writes none; a "
        "crash or a copy cut short can leave zeros in a file)"
    )


@dataclass(frozen=True, slots=True)
class _LongLine:
    """A line over MAX_LINE, dropped as read; `ended`: its newline was read with it."""

    ended: bool


def _read_line(stream: IO[bytes]) -> bytearray | _LongLine:
    """The next line, its newline included (empty at the end of the file), or _LongLine for a
    line over MAX_LINE, its rest left unread (`_skip_rest`). Read in pieces into one buffer
    grown in place: `readline(MAX_LINE + 1)` joins the chunks it reads into a new copy, which
    held a line over the limit twice (trial185: 580 MB for a 300 MB line)."""
    line = bytearray()
    while True:
        piece = stream.readline(min(_PIECE, MAX_LINE + 1 - len(line)))
        line += piece
        if not piece or piece.endswith(b"\n") or len(line) > MAX_LINE:
            break
    if len(line) <= MAX_LINE:
        return line
    return _LongLine(ended=line.endswith(b"\n"))


def _skip_rest(stream: IO[bytes]) -> None:
    """Read on through the end of the line begun (or of the file), holding a piece at most."""
    while True:
        piece = stream.readline(_PIECE)
        if not piece or piece.endswith(b"\n"):
            return


def _other_format(first_line: str) -> str | None:
    """The format of another export of the trail, told by its first line: CSV by its header
    (trial47 verified a CSV export and read "BROKEN", as if it had been tampered with), the
    Markdown timeline by its title (trial185, likewise)."""
    header = first_line.lstrip("\ufeff")  # `--bom` puts a byte order mark first
    if header.startswith(",".join(EXPORT_FIELDS[:3])):
        return "CSV"
    return "a Markdown timeline" if header.rstrip() == TIMELINE_TITLE else None


def _older_export(record: Any) -> str | None:
    """What a first line that is an event says: the file was exported by a workbench older than
    the scope line (or before its exports carried hashes), or had its scope line removed, which
    look alike. An upgraded desk met "export it again" for the trail it had archived
    (trial251); what still holds is the database containing the file's last event, so that
    check is named (and said to check no other line, rr266)."""
    if not isinstance(record, dict) or not isinstance(record.get("seq"), int):
        return None
    if "hash" not in record:
        # Exports carried no hashes for a while after the chain began (e468b129 to 32961d88):
        # the database it came from may well hold them.
        return (
            "the first line is not a scope line but an event with no hash: an export by an "
            "older workbench, whose exports carried no hashes, so nothing in it can be "
            "verified; verify the database it came from (`workbench audit verify`)"
        )
    return (
        "the first line is not a scope line but event "
        f"{record['seq']}: an export by an older workbench (or one whose scope line was "
        "removed), which is not verified as a file; what can be checked is that the database "
        "still holds its last event, `workbench audit verify --head HASH --count SEQ` with that "
        "line's hash and seq (its other lines are not checked)"
    )


def _json(line: str) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        # ValueError, not only JSONDecodeError: an integer of over 4,300 digits is refused by
        # Python's int-to-text limit with a plain ValueError (review85: a traceback).
        return None


def _parse(line: str | Unreadable) -> dict[str, Any] | str:
    """The record, or what is wrong with the line."""
    if isinstance(line, Unreadable):
        return line.problem
    try:
        record = json.loads(line)
    except RecursionError:
        return "not JSON (nested too deeply): an audit export has one JSON event per line"
    except json.JSONDecodeError as exc:
        return f"not JSON ({exc.msg}): an audit export has one JSON event per line"
    except ValueError as exc:
        # Python's int-to-text limit (a number of over 4,300 digits): no event holds one. Said
        # as every reader of handed-in JSON says it (unique_keys.value_refused).
        return f"not JSON an export writes ({value_refused(exc)}): one event per line"
    if not isinstance(record, dict):
        return "not a JSON object"
    missing = [name for name in (*HASHED_FIELDS, "hash") if name not in record]
    if missing:
        return f"lacks {', '.join(missing)}: export again with a current workbench"
    if unhashed := next((key for key in record if key not in _LINE_KEYS), None):
        return _unhashed(unhashed)
    if not isinstance(record["seq"], int) or not all(
        isinstance(record[name], str) for name in ("prev_hash", "hash")
    ):
        return "seq must be a number and prev_hash, hash strings"
    return record


def head_problem(value: str | None) -> InvalidInput | None:
    """What is wrong with a noted head as given (not a SHA-256 hash), or None: asked by the CLI
    before it verifies, to answer with a usage error, as a malformed option value is."""
    if value is None:
        return None
    try:
        check_hash(value)
    except InvalidInput as exc:
        return exc
    return None


def _hex(value: str | None) -> str | None:
    problem = head_problem(value)
    if problem is not None:
        raise problem
    return None if value is None else value.strip().lower()


def _count(value: int | None) -> int | None:
    return None if value is None else check_at_least(value, 0, "count")
