"""What every command needs from the root group: the workbench to run against."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from workbench.domain.done import CommitUnknown, Done, SchemaUpgraded
    from workbench.domain.errors import WorkbenchError
    from workbench.services.context import Workbench


def workbench_from(ctx: click.Context) -> Workbench:
    from workbench.cli.hints import error_text
    from workbench.cli.lock_wait import say_lock_wait
    from workbench.domain.errors import (
        EMPTY_SETTING,
        INVALID_NAME,
        NOT_A_DATABASE,
        InvalidInput,
    )
    from workbench.services.context import Workbench

    root = ctx.find_root()
    opts = root.obj or {}
    try:
        wb = Workbench.open(opts.get("db"), opts.get("actor"))
    except InvalidInput as exc:
        if exc.reason not in (EMPTY_SETTING, INVALID_NAME, NOT_A_DATABASE):
            raise
        # `--db ""`, WORKBENCH_USER= ...: a setting of `workbench` itself given empty is bad
        # usage (exit 2), and `workbench --help` is where those settings are described. So is
        # a name that no desk would take (`--as` with a zero-width space, or a Cyrillic а in
        # a Latin name): what is wrong is in the name alone.
        raise click.UsageError(error_text(exc), root) from None
    wb.on_commit = _changes.committed
    wb.on_done = _changes.done
    # (--json: a refusal's stderr is the error object alone, docs/json.md; no notice before it)
    if not ctx.params.get("as_json"):
        wb.on_lock_wait = say_lock_wait
    # Said when the command ends, whether or not it succeeded, if the file is still there;
    # with --json only once it is known not to end in the error object (`say_held`).
    _changes.hold = bool(ctx.params.get("as_json"))
    root.call_on_close(lambda: say_if_created(wb))
    root.call_on_close(lambda: say_if_upgraded(wb))
    root.call_on_close(lambda: say_if_clock_behind(wb))
    return wb


Event = tuple[str, str, str]  # an audit event's action, entity type and entity id


class _Changes:
    """The audit events this command committed (the library tells each Workbench's
    `on_commit`): the first one and how many. When a change is committed and its confirmation
    then cannot be written (stdout closed, a full disk), the warning says what was done: the
    event is the change (docs/events.md)."""

    def __init__(self) -> None:
        self.first: Event | None = None
        self.count = 0
        # Work done that is no event (workbench.domain.done): a backup in place, the schema
        # upgraded (this command's change only when it is `db upgrade`: `upgrade_is_the_change`).
        self.backup: str | None = None
        self.upgraded: SchemaUpgraded | None = None
        self.upgrade_asked = False
        # `db upgrade` saw to the rest of its work (guard triggers, search index) too, as the
        # library tells (UpgradeFinished): stopped before that, the upgrade stands but the
        # command is not done (`unfinished_upgrade`).
        self.upgrade_finished = False
        # `db upgrade`'s work that stands short of a schema upgraded: the tables it created in an
        # empty database, the guard triggers it restored (`unfinished_upgrade`).
        self.schema_created = False
        self.guards_seen_to = False
        self.restored: tuple[str, ...] = ()
        self.indexes: tuple[str, ...] = ()  # the trigram search indexes it added (PostgreSQL)
        # A commit a stop left unknown (the last event it wrote), or None.
        self.unknown: CommitUnknown | None = None
        # A stop (Ctrl-C, a kill), or an OSError (its output lost), is ending the command:
        # the CLI's edge (cli.errors) says what the command did, and it is known before the
        # root context's close says it too (`say_if_upgraded`).
        self.stopped = False
        self.os_error = False
        # --json: the lines said as the command ends are held (`at_close`) until the edge
        # knows stderr will not be the error object alone (docs/json.md): fix206, "created a
        # new workbench database ..., kept" and "upgraded the database schema ..." came before
        # a refusal's error object, and `json.loads(stderr)` failed on them.
        self.hold = False
        self.held: list[Callable[[], None]] = []

    def committed(self, first: Event, count: int) -> None:
        self.first = self.first or first
        self.count += count

    def done(self, fact: Done) -> None:
        from workbench.domain.done import (
            BackupWritten,
            CommitUnknown,
            GuardsRestored,
            SchemaCreated,
            SchemaUpgraded,
            UpgradeFinished,
        )

        if isinstance(fact, BackupWritten):
            self.backup = fact.path
        elif isinstance(fact, SchemaUpgraded):
            self.upgraded = fact
        elif isinstance(fact, SchemaCreated):
            self.schema_created = True
        elif isinstance(fact, GuardsRestored):
            self.guards_seen_to = True
            self.restored = fact.names
            self.indexes = fact.indexes
        elif isinstance(fact, UpgradeFinished):
            self.upgrade_finished = True
        elif isinstance(fact, CommitUnknown):
            self.unknown = fact


_changes = _Changes()


def at_close(say: Callable[[], None]) -> None:
    """A line of the command's end (`say_if_created`, `say_if_upgraded`...): said now, or with
    --json held for the edge (`say_held`)."""
    if _changes.hold:
        _changes.held.append(say)
    else:
        say()


def say_held() -> None:
    """The edge's word that the command ends without an error object on stderr (done, or a
    change made whose stop or lost output is warned of, exit 0): the lines held under --json
    are said. Never called otherwise: they are dropped, and stderr holds the error alone."""
    held, _changes.held = _changes.held, []
    for say in held:
        say()


def forget_changes() -> None:
    """A command starts: nothing of its own is committed yet (a test runs many in a process)."""
    global _changes
    _changes = _Changes()


def stopping() -> None:
    """A stop (Ctrl-C, a kill) is ending this command: the edge will say what it did."""
    _changes.stopped = True


def failing_on_os_error() -> None:
    """An OSError is ending this command: the edge will say what it did, as a confirmation
    that could not be written (`cli.errors._output_lost`)."""
    _changes.os_error = True


def upgrade_is_the_change() -> None:
    """This command's work is the schema's upgrade (`db upgrade`): an upgrade committed is its
    change, said as one when the command is stopped after it. (Another command's upgrade on
    first use is no change it was asked for: stopped, it made none of its own.)"""
    _changes.upgrade_asked = True


def committed_changes() -> str | None:
    """What this command committed, in words ("the change was made (note.added: note #1)"),
    or None when it committed nothing. A backup in place and an upgrade that `db upgrade`
    made count as changes: done, whatever stops the command next."""
    said = [
        words
        for words in (_events_committed(), _backup_written(), _schema_upgraded())
        if words is not None
    ]
    return "; ".join(said) if said else None


def _events_committed() -> str | None:
    if _changes.first is None:
        return None
    action, kind, ident = _changes.first
    what = f"{action}: {kind} #{ident}" if ident.isdigit() else f"{action}: {kind} {ident}"
    if _changes.count == 1:
        return f"the change was made ({what})"
    return f"the changes were made ({_changes.count:,} events, the first {what})"


def _backup_written() -> str | None:
    if _changes.backup is None:
        return None
    from workbench.cli.render import shown_path
    from workbench.domain.shell import shell_word

    check = " ".join(
        shell_word(w) for w in ("workbench", "--db", _changes.backup, "audit", "verify")
    )
    return f"the backup was written to {shown_path(_changes.backup)} (check it with: {check})"


def _schema_upgraded() -> str | None:
    up = _changes.upgraded
    if up is None or not _changes.upgrade_asked or not _changes.upgrade_finished:
        return None
    return f"the database schema was upgraded from {up.before} to {up.after}"


def _upgrade_said_at_the_edge() -> bool:
    """The edge's line (cli.errors) will name this command's upgrade: a stop or an OSError
    says what was done (`committed_changes`, with the upgrade once finished); a stop before it
    finished says it as unfinished (`unfinished_upgrade`)."""
    if _schema_upgraded() is not None:
        return _changes.stopped or _changes.os_error
    return _changes.stopped and unfinished_upgrade() is not None


def unfinished_upgrade() -> str | None:
    """The words for `db upgrade` stopped before it finished, or None (another command, or
    `db upgrade` done). Once its schema's upgrade committed, before it saw to the guard
    triggers and the search index: the upgrade stands (said); the command is not done, and
    running it again is safe and finishes it, so the stop keeps its exit code (review177: exit
    0 had a script take it as done, an index out of step left). Short of that: the tables it
    created or the triggers it restored stand, said so, or nothing was changed, said too."""
    if not _changes.upgrade_asked or _changes.upgrade_finished:
        return None
    # The guards seen to (committed), only the index is left: said so, where "before the
    # guard triggers ... were seen to" had a person check triggers in place (review213).
    left = (
        "the search index was"
        if _changes.guards_seen_to
        else "the guard triggers on events and the search index were"
    )
    up = _changes.upgraded
    if up is not None:
        return (
            f"interrupted once the database schema was upgraded from {up.before} to {up.after} "
            f"(that stands), before {left} seen to: run `workbench db upgrade` again to finish "
            "(it leaves a current schema as it is)"
        )
    # Stopped short of a schema upgraded: what stands, said as an upgrade is, or nothing,
    # said as such, where a kill said no word at all and Ctrl-C the generic words (fix212).
    if _changes.schema_created:
        return (
            f"interrupted once the database's tables were created (that stands), before {left} "
            "seen to: run `workbench db upgrade` again to finish"
        )
    done = []
    if _changes.restored:
        done.append(f"the triggers {', '.join(_changes.restored)} on events were restored")
    if _changes.indexes:
        # Committed with the triggers: "nothing was changed" was false of them (fix305).
        done.append(f"the trigram search indexes {', '.join(_changes.indexes)} were added")
    if done:
        return (
            f"interrupted once {' and '.join(done)} (that stands), before the search index was "
            "seen to: run `workbench db upgrade` again to finish"
        )
    return (
        "interrupted before `db upgrade` changed anything: nothing was changed; run "
        "`workbench db upgrade` again"
    )


def unknown_commit() -> str | None:
    """The words for a commit a stop left unknown (stopped again while the database was
    asked whether it took the change, or the database could not be asked), or None: what is
    not known, and how to see."""
    if _changes.unknown is None:
        return None
    from workbench.domain.done import see_whether_it_stands

    return (
        "interrupted as the change was being committed, and whether the database took it "
        "could not be learned: whether the change was made is not known; "
        + see_whether_it_stands(_changes.unknown.seq, _changes.unknown.hash)
    )


def say_if_upgraded(wb: Workbench) -> None:
    """The first use upgraded an older schema (a SQLite file, or `db upgrade`): say so once, on
    stderr (a --json result on stdout stays as it is). The older workbenches that wrote it
    refuse it from now on, so its owner should know it changed. Not when the CLI's edge says
    it: `db upgrade` ended by a stop or an OSError once its upgrade committed, where the edge's
    own line names the upgrade (as done, or as unfinished), and said here too it was said
    twice."""
    if wb.upgraded_from is None or _upgrade_said_at_the_edge():
        return
    from workbench.cli.render import message
    from workbench.db.head import HEAD_REVISION

    said = f"upgraded the database schema from {wb.upgraded_from} to {HEAD_REVISION}"
    at_close(lambda: message(said))


def say_if_clock_behind(wb: Workbench) -> None:
    """A write committed on a clock that read before the trail's newest event: say so once, on
    stderr. The events are written; they are out of time order, which windows by time (`audit
    export --since`) hide, and the person at this computer is the one who can check its clock
    (or knows whose computer wrote the event in its future)."""
    behind = wb.clock_behind
    if behind is None:
        return
    from workbench.cli.render import warning
    from workbench.domain.clock import to_minute

    seq = behind.newest_seq
    said = (
        f"this computer's clock says {to_minute(behind.at)}, before the trail's newest event "
        f"(seq {seq}, {to_minute(behind.newest_at)}): the events written now are out of time "
        f"order; check this computer's clock, or the one that wrote seq {seq}"
    )
    at_close(lambda: warning(said))


def say_if_created(wb: Workbench) -> None:
    """A write that found no database file made one: say where, once, on stderr, and when the
    name given reads as a PostgreSQL database's (or a mistyped URL), what was likely meant."""
    import os
    from functools import partial

    from workbench.cli.render import message
    from workbench.db.url import meant_url, sqlite_file
    from workbench.domain.shell import shell_word

    path = sqlite_file(wb.url)
    # (a refused `import bundle` removes the file it made: then nothing was created)
    if not wb.created or path is None or not os.path.exists(path):
        return
    relative = os.path.relpath(path)
    shown = path if relative.startswith("..") else os.path.join(".", relative)
    lines = [f"created a new workbench database at {shown}"]
    if wb.kept_because is not None:
        # A refused write that could not take its new database back (services.new_database).
        lines[0] += f", kept: {wb.kept_because}"
    meant = meant_url(wb.given) if wb.given else None
    if meant:
        lines.append(
            f"hint: {wb.given!r} has no folder and no .db suffix; for a PostgreSQL database "
            f"give its URL: --db {shell_word(meant)} (and remove {shown})"
        )
    for line in lines:
        at_close(partial(message, line))


def usage_unless_none(problem: WorkbenchError | None) -> None:
    """A rule of how options combine, which the library states (and enforces) and the CLI asks
    before calling: broken, it is bad usage (exit 2), as a wrong option is, in the library's
    words (`claim add --start 5` with no --end, --quote with offsets...)."""
    if problem is not None:
        from workbench.cli.hints import error_text

        raise click.UsageError(error_text(problem))


# How a person ends what they type at a terminal, by sys.platform (Ctrl-D elsewhere).
STDIN_NOTICE_END = {"win32": "Ctrl-Z then Enter"}


def stdin_notice(what: str) -> str:
    """What `say_reading_stdin` says: what is waited for, and the key that ends it here."""
    import sys

    end = STDIN_NOTICE_END.get(sys.platform, "Ctrl-D")
    return (
        f"waiting for {what} on standard input (the terminal): type or paste it, then press "
        f"{end} on a new line to end it"
    )


def say_reading_stdin(what: str) -> None:
    """Before `-` is read from standard input: when it is a terminal, say once a command what
    it waits for and how to end it (fix166: `note add 1 -` waited without a word, and looked
    hung). Piped or redirected, nothing is said. The CLI's: the library reads, never speaks."""
    from workbench.cli.render import message
    from workbench.cli.terminal import stdin_at_terminal

    if not stdin_at_terminal():
        return
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        root = ctx.find_root()
        if root.meta.get("workbench.stdin_notice"):
            return
        root.meta["workbench.stdin_notice"] = True
    message(stdin_notice(what))


def text_or_stdin(value: str | None, what: str = "the text") -> str | None:
    """`-` means: read the text from standard input (long notes, reasons written elsewhere);
    `what` names it when a terminal is read (`say_reading_stdin`).

    Bounded like every input (a note has a size limit), refused if stdin is closed or empty:
    nothing there is a note that did not come (review60: `summarise | workbench claim status
    2 in_progress --note -`, the summariser failing, changed the status and dropped the note).
    """
    if value != "-":
        return value
    from workbench.domain.decoding import decode_text
    from workbench.domain.errors import InvalidInput
    from workbench.domain.limits import MAX_NOTE
    from workbench.services.inputs import read_stdin

    say_reading_stdin(what)
    # UTF-8 (and UTF-16, UTF-32 with their mark) take at most 4 bytes a character; the
    # character limit is checked by the service.
    # The refusal names what was read, as the notice does: "for a note" sent a user who piped
    # a claim's text looking for a note option (trial252).
    text = decode_text(read_stdin(4 * MAX_NOTE, f" for {what}"), "standard input")
    if not text.strip():
        raise InvalidInput("standard input is empty: `-` reads the text from it; nothing changed")
    return text


@contextmanager
def output_file(
    path: str, *, binary: bool = False, force: bool = False, never_over: str | None = None
) -> Iterator[IO[Any]]:
    """Write `path` (`-` is stdout) through `workbench.new_file.writing`: whole or not at all,
    and an existing file is refused (exit 1, naming it) unless `force` replaces it.

    `never_over` (what is written, "a bundle"): an existing file is refused even with `force`,
    as `backup` refuses one. A device or pipe (/dev/null, a FIFO) is still written into, and
    so is a name for an open file descriptor (/dev/stdout, /dev/fd/N, a link to one).
    """
    import os
    import sys
    from pathlib import Path

    from workbench.new_file import link_target, missing_folder, named_as_folder, writing

    if path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    refuse_the_desk(path)
    if os.path.isdir(path):
        # Said here: the rename below would fail naming its temporary file, not `path`.
        # (os.path's: Path.is_dir raises for a name too long, said by named_as_folder.)
        raise click.ClickException(f"cannot write {path}: it is a directory")
    if (problem := named_as_folder(path)) is not None:
        # `notes.txt/` (or notes.txt/.) names a file as a folder, which Path drops: it was
        # read as notes.txt, and --force wrote the output over it (rr271).
        raise click.ClickException(problem)
    descriptor = open_descriptor(path)
    if descriptor is not None or (target.exists() and not target.is_file()):
        with _written_into(path, descriptor, binary=binary) as out:
            yield out
        return
    problem = missing_folder(path, target)
    if problem is not None:
        raise click.ClickException(problem)
    # A link there is replaced, never written through (the file it leads to was not named,
    # and may be anyone's): said, as a shell's `>` would have written through it (trial252).
    link = link_target(path) if force and never_over is None else None
    # Asked before: once replaced, a link to itself would seem to lead to the new file.
    leads_to_file = link is not None and target.exists()
    with writing(target, replace=force, binary=binary, never=never_over, asked=path) as out:
        yield out
    if link is not None:
        from workbench.cli.render import warning

        kept = f"; {link} is unchanged" if leads_to_file else ""
        where = "" if leads_to_file else ", which leads to no file"
        warning(f"replaced the symbolic link {path} (to {link}{where}) with the file written{kept}")


@contextmanager
def _written_into(path: str, descriptor: int | None, *, binary: bool) -> Iterator[IO[Any]]:
    """Write into a device or pipe (/dev/null, a FIFO), or the open file descriptor `path`
    names, as a shell redirect would: the atomic rename would replace the device node, or the
    /dev/stdout link, itself with a file (as root), and the output would be lost. Written
    through a temporary file first: formats such as ZIP need to seek."""
    import contextlib
    import errno
    import io
    import os
    import shutil
    import stat
    import sys
    import tempfile

    from workbench.new_file import cannot_write

    try:
        if descriptor is not None:
            fd = os.dup(descriptor)
            if not _writable(fd):
                os.close(fd)
                raise click.ClickException(
                    f"cannot write {path}: file descriptor {descriptor} is not open for writing"
                )
        else:
            # Opened first, and without waiting: a FIFO nobody reads refuses at once (ENXIO)
            # instead of hanging the command. Writes then block as usual.
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            if stat.S_ISREG(os.fstat(fd).st_mode):
                # A file now, where a device or pipe was looked at: the name was changed
                # meanwhile (a link to the desk), and this open, unlike the rename every file
                # output gets, would write through it over what is there (r3exits).
                os.close(fd)
                raise click.ClickException(
                    f"cannot write {path}: it was a device or pipe and is a file now (changed "
                    "meanwhile); nothing was written, give the command again"
                )
            os.set_blocking(fd, True)
    except OSError as exc:
        # ENXIO on a FIFO is the open without waiting finding no reader: the raw "No such
        # device or address" named neither the pipe nor what to do (fix282's findings).
        mode = _mode(path) if exc.errno == errno.ENXIO else 0
        why = str(exc.strerror)
        if stat.S_ISFIFO(mode):
            why = (
                "it is a pipe (FIFO) that nothing is reading; start the program that reads it first"
            )
        elif stat.S_ISSOCK(mode):
            # (opened, a socket's file fails as a FIFO with no reader does: ENXIO)
            why = (
                "it is a socket, not a file (a program's address for connections): give a "
                "file's name"
            )
        raise click.ClickException(f"cannot write {path}: {why}") from None
    try:
        # What is open now, not what the name led to when it was looked at: the desk is opened
        # after that look, and `-o /dev/fd/N` on the desk's own descriptor wrote the output
        # over its first page (r3exits).
        refuse_the_desk(path, into=fd)
    except click.ClickException:
        os.close(fd)
        raise
    device = os.fdopen(fd, "wb")
    try:
        with tempfile.TemporaryFile() as spool:
            if binary:
                yield spool
            else:
                text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
                yield text
                text.flush()
                text.detach()
            spool.seek(0)
            if descriptor in (1, 2):
                # Anything printed before stays before (`-o /dev/stdout` after a line on
                # stdout).
                stream = sys.stdout if descriptor == 1 else sys.stderr
                if stream is not None:
                    stream.flush()
            try:
                shutil.copyfileobj(spool, device)
                device.flush()
            except OSError as exc:
                # `-o /dev/full`: the system's words name no file (review290).
                raise cannot_write(path, exc) from None
    finally:
        # (After a failed write its bytes are still buffered: closing tries them again, and
        # that second failure would be said in place of the first.)
        with contextlib.suppress(OSError):
            device.close()


def _mode(path: str) -> int:
    """`path`'s file type and mode, or 0 when it cannot be asked (gone meanwhile)."""
    import os

    try:
        return os.stat(path).st_mode
    except OSError:
        return 0


def _writable(fd: int) -> bool:
    """Whether `fd` was opened for writing (a closed stdout's number holds /dev/null opened
    for reading: workbench.cli.main puts it there; /dev/stdin is usually read-only)."""
    import fcntl
    import os

    return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY


def open_descriptor(path: str) -> int | None:
    """The file descriptor of this process that `path` names (/dev/stdout, /dev/fd/1,
    /proc/self/fd/1, or a link to one of them), else None. It is written into where it
    stands: a pipe, or under `> file` that file (which the link seems to be)."""
    import os

    own = {os.path.realpath("/proc/self/fd"), "/dev/fd"}
    here = os.path.abspath(path)
    for _ in range(40):  # the kernel's limit of links followed (ELOOP)
        folder, name = os.path.split(here)
        if name.isascii() and name.isdigit() and os.path.realpath(folder) in own:
            return int(name)
        if not os.path.islink(here):
            return None
        here = os.path.join(folder, os.readlink(here))
    return None


def is_stdout(output: str | None) -> bool:
    """Whether an output names standard output: none, `-`, or a path to this process's fd 1
    (/dev/stdout: review62, `report -o /dev/stdout --json` wrote its JSON after </html>)."""
    return output in (None, "-") or open_descriptor(str(output)) == 1


def json_needs_file(
    as_json: bool, output: str | None, what: str = "the export", *, argument: bool = False
) -> None:
    """--json prints what a command wrote on stdout: bad usage where stdout is `what` itself
    (no -o, `-o -`, /dev/stdout), which the JSON would be written into. The one home of the
    rule and its sentence, for every command that writes a file (the exports, `audit export`,
    `evidence get`, `report`, `export bundle`), so they refuse alike. `argument`: the output
    is the FILE argument (`export bundle FILE`), not -o; the sentence says what was given."""
    if not (as_json and is_stdout(output)):
        return
    if argument:
        given, wanted = f"as FILE {output}", "a file as FILE"
    else:
        given = "without -o FILE" if output is None else f"with -o {output}"
        wanted = "-o FILE"
    raise click.UsageError(
        f"--json prints to stdout, where {what} itself goes {given}: give {wanted}"
    )


def check_output(output: str | None, force: bool) -> None:
    """Asked before a command does its work: --force with nothing to replace (no -o FILE, or
    -o - for stdout) is bad usage (exit 2); an existing FILE without --force is refused (exit 1,
    the one line said), as `output_file` refuses it again when the file appears meanwhile."""
    if output in (None, "-"):
        if force:
            raise click.UsageError("--force replaces an existing -o FILE: give -o FILE with it")
        return
    from pathlib import Path

    from workbench.new_file import file_exists, named_as_folder

    target = Path(str(output))
    # Before "exists: give --force", which would have led there.
    refuse_the_desk(str(output))
    if (problem := named_as_folder(str(output))) is not None:
        # Said before "exists: give --force", which `output_file` then refuses as this (trial273).
        raise click.ClickException(problem)
    if force or open_descriptor(str(output)) is not None:
        return
    # A file, or a link to one or to nothing (a folder, a device or pipe are each told apart
    # by `output_file`; a link to a device or pipe is written through, as the device is).
    if target.is_file() or (target.is_symlink() and not target.exists()):
        raise file_exists(str(output))


def refuse_the_desk(path: str, into: int | None = None) -> None:
    """Refuse (exit 1) an output that is a file of the SQLite database this command runs
    against (--db, WORKBENCH_DB or ./workbench.db): written over, the desk was lost (rexits).
    Asked before the database is opened, so from the root's --db as given; one the workbench
    refuses is said by `workbench_from` instead. `into`: the descriptor already open to be
    written into, asked what file it is."""
    import os

    from workbench.db.url import given_db, resolve_url, sqlite_file, typed_file
    from workbench.domain.errors import WorkbenchError
    from workbench.new_file import onto_the_database

    ctx = click.get_current_context(silent=True)
    given = ((ctx.find_root().obj or {}) if ctx is not None else {}).get("db")
    try:
        database = sqlite_file(resolve_url(given))
    except WorkbenchError:
        return
    if database is None:
        return
    opened = None
    if into is not None:
        found = os.fstat(into)
        opened = (found.st_dev, found.st_ino)
    typed = typed_file(given_db(given))
    if (problem := onto_the_database(path, database, typed, into=opened)) is not None:
        raise click.ClickException(problem)
