"""The edge where library errors become one line on stderr and an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any, NoReturn

import click

from workbench.domain.errors import WorkbenchError

EXIT_REFUSED = 1
EXIT_USAGE = 2


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_REFUSED)


def run(command: click.Command, args: list[str], env: Mapping[str, str]) -> Any:
    del env
    try:
        return command.main(args=args, prog_name="workbench", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_REFUSED)
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
        click.echo(f"error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except WorkbenchError as exc:
        fail(str(exc))
    except BrokenPipeError:
        # `workbench ... | head`: the reader left; that is not our error. Point stdout at
        # /dev/null so the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("interrupted; nothing half-written was committed", err=True)
        sys.exit(130)
