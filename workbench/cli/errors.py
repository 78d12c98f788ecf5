"""The edge where errors become one line on stderr and an exit code: never a traceback for
something the user can fix (bad input, a missing file, an unreachable database)."""

from __future__ import annotations

import signal
import sys
from typing import Any, NoReturn

import click

from workbench.domain.errors import WorkbenchError

EXIT_REFUSED = 1
EXIT_USAGE = 2


def one_line(text: str) -> str:
    return " ".join(text.split())


def fail(message: str, code: int = EXIT_REFUSED) -> NoReturn:
    click.echo(f"error: {one_line(message)}", err=True)
    sys.exit(code)


def _database_errors() -> type[Exception]:
    """SQLAlchemy's errors. Called only when an exception reaches its `except` clause (Python
    evaluates that expression then), so the --help path never imports SQLAlchemy."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def _database_error(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return f"database error: {orig if orig is not None else exc}"


def run(command: click.Command, args: list[str]) -> Any:
    if hasattr(signal, "SIGPIPE"):
        # `workbench ... | head`: when the reader leaves, stop quietly the way cat and grep do,
        # rather than reporting a refusal. Output is written after the commit, so nothing is
        # left half-done.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        return command.main(args=args, prog_name="workbench", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        # `workbench` or `workbench claim` alone: the user asked what there is.
        click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
        sys.exit(0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        fail("aborted")
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
        fail(f"{exc.format_message()}{hint}", EXIT_USAGE)
    except click.ClickException as exc:
        fail(exc.format_message(), exc.exit_code)
    except WorkbenchError as exc:
        fail(str(exc))
    except UnicodeError:
        fail("the input is not valid UTF-8 text (check the terminal's or the file's encoding)")
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        fail(f"{exc.strerror or exc}{where}")
    except KeyboardInterrupt:
        click.echo("interrupted; nothing half-written was committed", err=True)
        sys.exit(130)
    except _database_errors() as exc:
        fail(_database_error(exc))
