"""The edge where errors become one line on stderr and an exit code: never a traceback for
something the user can fix (bad input, a missing file, an unreachable database).

With `--json` the line is a JSON object instead, `{"error": {"kind": ..., "message": ...}}`
(plus `hint` when the library gave one), so scripts need not parse English. The exit codes are
the same either way: 1 refused, 2 bad usage.
"""

from __future__ import annotations

import json
import re
import signal
import sys
from typing import Any, NoReturn

import click

from workbench.cli.hints import error_text
from workbench.domain.errors import Hint, WorkbenchError

EXIT_REFUSED = 1
EXIT_USAGE = 2

# Kinds of failure that never reach the library; the library's own kinds come from its error
# types (WorkbenchError.kind).
USAGE = "usage"
ABORTED = "aborted"
ENCODING = "encoding"
FILE_ERROR = "file_error"


def one_line(text: str) -> str:
    return " ".join(text.split())


def wants_json(args: list[str]) -> bool:
    """`--json` anywhere before a `--` that ends the options (Click may fail before parsing it)."""
    options = args[: args.index("--")] if "--" in args else args
    return "--json" in options


def fail(
    message: str,
    code: int = EXIT_REFUSED,
    *,
    kind: str | None = None,
    hint: Hint | None = None,
    reason: str | None = None,
    as_json: bool = False,
) -> NoReturn:
    text = one_line(message)
    if as_json:
        error: dict[str, Any] = {
            "kind": kind or (USAGE if code == EXIT_USAGE else "refused"),
            "message": text,
        }
        if reason is not None:
            error["reason"] = reason
        if hint is not None:
            error["hint"] = hint.to_json()
        click.echo(json.dumps({"error": error}, ensure_ascii=False), err=True)
    else:
        from workbench.cli.render import shown

        # A refusal may name what it read from the desk (`claim approve`: "... ACTOR approved
        # it at ...", a version conflict's "by ACTOR"), and a desk file written by hand may hold
        # a name with an ESC sequence or U+202E (review256): escaped as every table does.
        click.echo(f"error: {shown(text, one_line=True)}", err=True)
    sys.exit(code)


def _database_errors() -> type[Exception]:
    """SQLAlchemy's errors. Called only when an exception reaches its `except` clause (Python
    evaluates that expression then), so the --help path never imports SQLAlchemy."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def _root_option_placed_late(exc: click.UsageError, args: list[str]) -> str | None:
    """`workbench claim list --as li`: an option of `workbench` itself given after a command.
    Click would suggest the command's nearest option (--all for --as), which hides what went
    wrong; the line says where the option goes instead, with the command line mended."""
    if not isinstance(exc, click.NoSuchOption) or exc.ctx is None or exc.ctx.parent is None:
        return None
    root = exc.ctx.find_root()
    name = exc.option_name
    option = next(
        (p for p in root.command.params if isinstance(p, click.Option) and name in p.opts), None
    )
    if option is None:
        return None
    from workbench.domain.shell import shell_word

    where = f"{name} is an option of {root.command_path} itself: put it before the command"
    end = args.index("--") if "--" in args else len(args)
    # The last one: the command's own (which Click refused) comes after any given to workbench.
    at = max(
        (i for i, a in enumerate(args[:end]) if a == name or a.startswith(name + "=")), default=None
    )
    if at is None:
        return where
    taken = 1
    value: list[str] = []
    if not option.is_flag and "=" not in args[at]:
        if at + 1 < end:
            taken = 2
        else:
            # A placeholder, as --help writes it (`PATH|URL`): not a value to quote (review343).
            value = [option.metavar or "VALUE"]
    # Each word as typed, one a shell reads back (a name not UTF-8 as $'...', not its escape).
    typed = [shell_word(w) for w in args]
    moved = typed[at : at + taken] + value + typed[:at] + typed[at + taken :]
    return f"{where} ({root.command_path} {' '.join(moved)})"


def _stopped_after_commit() -> None:
    """A kill or Ctrl-C that lands after the command committed (a `timeout` while the
    confirmation is written): the change stands, and 143 or 130 ("rolled back") would have a
    script make it twice. As for a confirmation that cannot be written: say what was done,
    exit 0. Returns if nothing was committed."""
    from workbench.cli.common import committed_changes, say_held

    done = committed_changes()
    if done is not None:
        say_held()
        click.echo(f"warning: {done}, but the command was stopped before it finished", err=True)
        sys.exit(0)


def _stopped_not_known(code: int, as_json: bool) -> None:
    """A stop that landed while the workbench asked whether a commit landed (after a stop or
    the driver's error in the commit): the change may stand, so "nothing half-written was
    committed" may be untrue. Said as not known, with the event to look for (the words of
    reason commit_unknown), exiting with the stop's own code `code`; so is `db upgrade` stopped
    once its schema's upgrade committed, before the rest of its work (`unfinished_upgrade`).
    Returns if no commit was left unknown and no upgrade unfinished."""
    from workbench.cli.common import unfinished_upgrade, unknown_commit
    from workbench.domain.errors import COMMIT_UNKNOWN

    said = unknown_commit()
    reason: dict[str, str] = {"reason": COMMIT_UNKNOWN}
    if said is None:
        # (`db upgrade` stopped between its schema's commit and the rest of its work)
        said, reason = unfinished_upgrade(), {}
    if said is None:
        return
    if as_json:
        error = {"kind": ABORTED, "message": said, **reason}
        click.echo(json.dumps({"error": error}, ensure_ascii=False), err=True)
    else:
        click.echo(_on_its_own_line(said), err=True)
    sys.exit(code)


def _on_its_own_line(text: str) -> str:
    # On a terminal the line follows the ^C it echoed: it starts a line of its own. In a
    # pipe or a log there is no ^C, and the line is one line, as every refusal's is.
    return ("\n" if sys.stderr is not None and sys.stderr.isatty() else "") + text


class Terminated(SystemExit):
    """A kill (SIGTERM), unwinding the command as Ctrl-C does: met at the edge (`run`) once
    the command's transaction has said whether it committed, for a kill that landed inside
    the commit (fix135). A SystemExit with the shell's code: 128 + the signal's number."""


def _terminated(signum: int, frame: object) -> None:
    from workbench.cli.common import stopping

    del frame
    stopping()
    _stopped_after_commit()
    raise Terminated(128 + signum)


def settled() -> None:
    """The process's command has ended, its output written (each renderer flushes it) and its
    exit code decided: what is left is the interpreter shutting down, some 100 ms. A kill or
    Ctrl-C landing now changes nothing the command did, so it is ignored: it said a change
    confirmed was 'stopped before it finished', turned a refusal's 1 into 143, or (once the
    interpreter had put back the default handlers) killed the process, 143 or 130 saying
    nothing was committed after the change (review136)."""
    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)


_NEGATIVE = re.compile(r"-\d+")

INTERRUPTED = "interrupted; nothing half-written was committed"


class Interrupted(BaseException):
    """Ctrl-C, carried past Click (the root group's `invoke` raises it for KeyboardInterrupt):
    Click meets a KeyboardInterrupt with an empty line on stderr, then Abort."""


def _interrupted(as_json: bool) -> NoReturn:
    _stopped_not_known(130, as_json)
    _stopped_after_commit()
    _say_stopped(as_json, quiet=False)
    sys.exit(130)  # the shell's 128 + SIGINT


def _say_stopped(as_json: bool, *, quiet: bool) -> None:
    """A stop's word (Ctrl-C, a kill: nothing was committed): with --json the error object of
    kind `aborted`, else one line unless `quiet`. A stderr that cannot take it (`2>/dev/full`)
    loses it, never the stop's exit code (review227: a kill's 143 became 1)."""
    try:
        if as_json:
            error = {"kind": ABORTED, "message": INTERRUPTED}
            click.echo(json.dumps({"error": error}, ensure_ascii=False), err=True)
        elif not quiet:
            click.echo(_on_its_own_line(INTERRUPTED), err=True)
    except OSError:
        pass


def _output_lost(exc: OSError) -> None:
    """A change was committed, and then what the command prints (its confirmation, its --json
    result) could not be written: stdout closed, a full disk. The change stands, so this is no
    refusal (exit 1 would have a script retry it, and add the note twice): a warning naming
    what was done, and exit 0. Returns if nothing was committed."""
    from workbench.cli.common import committed_changes, say_held

    done = committed_changes()
    if done is not None:
        say_held()
        click.echo(
            f"warning: {done}, but the confirmation could not be written: {_why(exc)}", err=True
        )
        sys.exit(0)


def _output_unencodable(exc: UnicodeEncodeError, as_json: bool) -> None:
    """Text the output's encoding cannot hold: the tool encodes in UTF-8 only, so any other
    codec is a stream's (stdout made UTF-8 at start is one no longer, or never was: a host
    program's). Never worded as bad input, which it is not. Returns for UTF-8 (a lone
    surrogate: an argument that was not UTF-8, decoded by Python as it could)."""
    import codecs

    if codecs.lookup(exc.encoding).name != "utf-8":
        # (cp1252 and the like say "charmap": the stream knows its encoding's name)
        stream = getattr(sys.stdout, "encoding", None)
        named = stream if stream and codecs.lookup(stream).name != "utf-8" else exc.encoding
        fail(
            f"the output could not be written in {named}, the encoding of where it goes"
            " (set PYTHONIOENCODING=utf-8)",
            kind=ENCODING,
            as_json=as_json,
        )


def _why(exc: OSError) -> str:
    from workbench.cli.stdout_named import StandardOutputError, abandon

    if isinstance(exc, StandardOutputError):
        abandon(sys.stdout)
        # As `-o PATH` says its file (trial308: `No space left on device`, naming nothing).
        return f"cannot write standard output: {exc.strerror or exc}"
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def _group_alone(exc: click.exceptions.NoArgsIsHelpError) -> NoReturn:
    """`workbench` alone is the way in: its help on stdout, exit 0 (the user asked what there
    is). A group alone (`workbench claim`) is a command left out, as `workbench --db x.db` is:
    bad usage (exit 2), with the group's usage and commands on stderr, as Click says it."""
    ctx = exc.ctx
    if ctx.parent is None:
        click.echo(ctx.get_help())
        sys.exit(0)
    click.echo(ctx.get_help(), err=True)
    sys.exit(EXIT_USAGE)


def _parsing_context(root: click.Command, args: list[str]) -> click.Context | None:
    """The context of the command whose arguments Click refused while parsing them, which it
    raises with none (`claim list --status`, its value left off): each group on the way is
    parsed again, leniently, down to the command named. None if it cannot be told."""
    try:
        ctx = root.make_context("workbench", list(args), resilient_parsing=True)
    except click.UsageError:
        return click.Context(root, info_name="workbench")
    # (`_protected_args`: the command name a group's parse leaves, as Group.invoke reads it;
    # the public name warns of its removal in Click 9)
    while isinstance(ctx.command, click.Group) and ctx._protected_args:
        try:
            name, sub, rest = ctx.command.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        except click.UsageError:
            return None
        if name is None or sub is None:
            return None
        try:
            ctx = sub.make_context(name, rest, parent=ctx, resilient_parsing=True)
        except click.UsageError:
            return click.Context(sub, info_name=name, parent=ctx)
    # Parsed leniently, the command refused raises nothing: it is the last one reached.
    return ctx


def run(command: click.Command, args: list[str]) -> Any:
    from workbench.cli.common import forget_changes, say_held

    as_json = wants_json(args)
    forget_changes()  # (a test runs many commands in one process)
    if hasattr(signal, "SIGPIPE"):
        # `workbench ... | head`: when the reader leaves, stop quietly the way cat and grep do,
        # rather than reporting a refusal. Output is written after the commit, so nothing is
        # left half-done.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if hasattr(signal, "SIGTERM"):
        # `kill` or `timeout`: unwind as Ctrl-C does, so an open transaction rolls back and
        # temporary files are removed (a replay's spilled state can be hundreds of MB); by
        # default SIGTERM ends the process where it stands. 143 is the shell's 128 + SIGTERM.
        signal.signal(signal.SIGTERM, _terminated)
    try:
        result = command.main(args=args, prog_name="workbench", standalone_mode=False)
        if not result:  # (a check's finding, exit 1: its report on stdout, nothing on stderr)
            say_held()
        return result
    except click.exceptions.NoArgsIsHelpError as exc:
        _group_alone(exc)
    except click.exceptions.Exit as exc:
        if not exc.exit_code:
            say_held()
        sys.exit(exc.exit_code)
    except Terminated as exc:
        _stopped_not_known(exc.code if isinstance(exc.code, int) else 143, as_json)
        _stopped_after_commit()
        # Quiet without --json (a kill is the sender's own doing); a script reading stderr
        # is given the error object, as for Ctrl-C (review215: a kill of a --json write
        # waiting for the lock left stderr empty).
        _say_stopped(as_json, quiet=True)
        raise
    except Interrupted:
        _interrupted(as_json)
    except click.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):
            # click turns Ctrl-C into Abort: it is still an interrupt (130), not a refusal.
            _interrupted(as_json)
        fail("aborted", kind=ABORTED, as_json=as_json)
    except click.UsageError as exc:
        if exc.ctx is None:
            exc.ctx = _parsing_context(command, args)
        if (misplaced := _root_option_placed_late(exc, args)) is not None:
            fail(misplaced, EXIT_USAGE, kind=USAGE, as_json=as_json)
        if isinstance(exc, click.NoSuchOption) and _NEGATIVE.fullmatch(exc.option_name):
            # `claim show -1`: click reads a negative number as an option; it was meant as an
            # id, and "No such option '-1'" tells the person nothing (a trial).
            where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
            fail(
                f"{exc.option_name} is no id: ids are whole numbers from 1{where}",
                EXIT_USAGE,
                kind=USAGE,
                as_json=as_json,
            )
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
        fail(f"{exc.format_message()}{hint}", EXIT_USAGE, kind=USAGE, as_json=as_json)
    except click.ClickException as exc:
        fail(exc.format_message(), exc.exit_code, kind=FILE_ERROR, as_json=as_json)
    except WorkbenchError as exc:
        fail(error_text(exc), kind=exc.kind, hint=exc.hint, reason=exc.reason, as_json=as_json)
    except UnicodeEncodeError as exc:
        _output_unencodable(exc, as_json)
        fail(
            "the input is not valid UTF-8 text (check the terminal's or the file's encoding)",
            kind=ENCODING,
            as_json=as_json,
        )
    except UnicodeError:
        fail(
            "the input is not valid UTF-8 text (check the terminal's or the file's encoding)",
            kind=ENCODING,
            as_json=as_json,
        )
    except OSError as exc:
        _output_lost(exc)
        fail(_why(exc), kind=FILE_ERROR, as_json=as_json)
    except KeyboardInterrupt:
        _interrupted(as_json)
    except _database_errors() as exc:
        # (met outside the services' transactions: said by the library's one rule, as theirs)
        from workbench.services.storage_errors import database_refusal

        refusal = database_refusal(exc)
        fail(
            error_text(refusal),
            kind=refusal.kind,
            hint=refusal.hint,
            reason=refusal.reason,
            as_json=as_json,
        )
