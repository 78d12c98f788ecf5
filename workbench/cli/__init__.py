"""The `workbench` command. Only Click is imported here: `--help` must start fast.

Subcommand modules load when they are invoked; they import the library (and so SQLAlchemy)
inside their functions.
"""

from __future__ import annotations

import codecs
import errno
import importlib
import io
import sys
from typing import Any

import click

from workbench import __version__
from workbench.cli.once import Group
from workbench.domain.status import OPEN_NAMES, VERDICT_NAMES, Status

# name -> (module in workbench.cli, attribute, one-line help shown by `workbench --help` without
# importing it)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "doc": ("doc", "doc", "Add, update, list and show source documents and their revisions."),
    "claim": ("claim", "claim", "Add, find, show claims and move their status."),
    "note": ("note", "note", "Add and list notes on a claim."),
    "evidence": ("evidence", "evidence", "Attach, list and restore the evidence behind a verdict."),
    "config": ("config", "config", "Workbench settings (e.g. review.required)."),
    "extract": (
        "extract",
        "extract",
        "Find the check-worthy sentences of a document; --accept makes them claims.",
    ),
    "stats": ("stats", "stats", "The desk board: counts, old, unsupported, late."),
    "audit": ("audit", "audit", "Export, verify and replay the audit trail."),
    "seed": ("seed", "seed", "Load a document and its curated claims."),
    "demo": ("seed", "demo", "Load the seed article and print the board."),
    "db": ("db", "db", "Create, upgrade and inspect the database schema."),
    "backup": ("backup", "backup", "Copy the database safely (SQLite), or print pg_dump."),
    "user": ("user", "user", "Register the desk's people (then --as must name one)."),
    "import": ("importing", "import_", "Claims from annotations or tables; a whole bundle."),
    "report": ("report", "report", "An HTML page: the article with its claims highlighted."),
    "schema": ("schema", "schema", "The JSON Schema of an import format (claims)."),
    "export": ("export", "export", "ClaimReview, Web Annotations, claims tables, a bundle."),
}


class LazyGroup(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attr, _ = entry
        command: click.Command = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            # Click suggests close names from `self.commands`, which a lazy group leaves empty;
            # the subgroups (plain groups) get "Did you mean 'list'?" that way, so this one does
            # too (`workbench clam list`). difflib loads only here, on the error.
            raise click.exceptions.NoSuchCommand(
                exc.command_name, possibilities=self.list_commands(ctx), ctx=exc.ctx
            ) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            # Past Click, which answers Ctrl-C with an empty line on stderr (for the ^C a
            # terminal echoed), then Abort: the CLI's edge says it in one line, or in JSON.
            # Known as a stop now, before this context's close says what the command did.
            from workbench.cli.common import stopping
            from workbench.cli.errors import Interrupted

            stopping()
            raise Interrupted from exc
        except OSError:
            # (its output lost, most often: the edge says what the command did)
            from workbench.cli.common import failing_on_os_error

            failing_on_os_error()
            raise

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


HELP = f"""Claim Workbench: check the claims in an article, with an audit trail you can prove.

Claims are pinned to exact spans of the stored text and move through a verification
status: {", ".join(n for n in OPEN_NAMES if n != Status.IN_REVIEW)}, then a verdict
({", ".join(VERDICT_NAMES)}); one picked out by mistake is {Status.WITHDRAWN.value}. Every
change is recorded in the audit trail.
"""


@click.group(cls=LazyGroup, help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="PATH|URL",
    help="Database: a SQLite file or a SQLAlchemy URL. [env WORKBENCH_DB; default ./workbench.db]",
)
@click.option(
    "--as",
    "actor",
    metavar="NAME",
    help="Who is acting, for notes and the audit trail. [env WORKBENCH_USER; default OS user]",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _version(ctx) if value else None,
    help="Show the version (and whether claim discovery runs compiled) and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None, actor: str | None) -> None:
    ctx.obj = {"db": db, "actor": actor}


def _version(ctx: click.Context) -> None:
    """`workbench --version`: the version, and which claim discovery runs (compiled by the
    install, or its sources: see workbench/domain/native.py)."""
    from workbench.domain import native

    discovery = "compiled (mypyc)" if native.active() else "pure Python"
    click.echo(f"workbench, version {__version__}\nclaim discovery: {discovery}")
    ctx.exit()


def main(argv: list[str] | None = None) -> Any:
    from workbench.cli.errors import run, settled

    if argv is None:
        _utf8_arguments()
    _standard_output()
    if argv is not None:
        return run(cli, argv)  # a caller's own process (a test's): its signals are its own
    try:
        return run(cli, sys.argv[1:])
    finally:
        settled()


class _Closed(io.TextIOBase):
    """Standard output when the process started without one (`>&-`): Python leaves
    sys.stdout None, and each writer would fail its own way (a traceback, or click.echo
    printing nothing). Writing to it is refused in one line: a read says it has nowhere to
    write, a committed change that its confirmation could not be written."""

    encoding = "utf-8"

    def write(self, text: Any) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("standard output is closed")

    @property
    def buffer(self) -> Any:  # what `doc text` writes its bytes into
        return self


def _utf8_arguments() -> None:
    """Arguments are UTF-8 whatever the locale, as output is: a UTF-8 terminal on a machine
    whose locale is not (LC_ALL=C or Latin-1 with PYTHONUTF8=0: an ssh session carrying the
    server's locale, a cron job) had `--text 测试` refused as "not valid UTF-8" or as holding
    control characters, `--speaker 闫俊杰` match nothing, a file named in Chinese go unopened
    and WORKBENCH_USER=张三 recorded garbled (trial158). Python decoded them in the locale's
    encoding before the tool ran, and opens files by that encoding too, so the process starts
    again in Python's UTF-8 mode (-X utf8), where arguments, the environment and file names
    are UTF-8. Only when some argument or WORKBENCH_* value is UTF-8 that the locale misread:
    one that is not UTF-8 (a GBK terminal in a GBK locale) is left as the locale reads it."""
    import os

    if sys.flags.utf8_mode or sys.platform == "win32":
        return
    if codecs.lookup(sys.getfilesystemencoding()).name == "utf-8":
        return
    raw = [os.fsencode(arg) for arg in sys.argv[1:]]
    raw += [v for k, v in os.environb.items() if k.startswith(b"WORKBENCH_")]
    misread = False
    for value in raw:
        if value.isascii():
            continue
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            return  # (not UTF-8: the locale's reading is the better one)
        misread = True
    if not misread or not sys.orig_argv or not sys.executable or getattr(sys, "frozen", False):
        # Only an interpreter reads -X utf8: a frozen tool (PyInstaller) is its own
        # sys.executable and would take `-X utf8` as its arguments and, still misreading, start
        # again for ever; an embedded one may have none (review165).
        return
    if sys.orig_argv[1:3] == ["-X", "utf8"]:
        return  # (started again already, and the option was not taken: never twice)
    try:
        os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
    except OSError:
        return  # (read as the locale reads it, as before)


def _standard_output() -> None:
    """Output is UTF-8 whatever the locale, as the tool's every file is: an audit export must
    be the trail's bytes, and a listing of Chinese quotes must not fail half-way into a cp1252
    or GBK stdout (a Windows pipe or file, a Latin-1 locale). A Windows console is UTF-8
    already (unless PYTHONLEGACYWINDOWSSTDIO asks for its code page, which is then kept)."""
    _utf8(sys.stderr)
    out = sys.stdout
    if out is None:
        sys.stdout = _Closed()
        # Its number is held by /dev/null, read-only, as SQLite does for its files: the next
        # file opened (a PostgreSQL socket, an output's temporary file) would get it, and
        # `-o /dev/stdout` would write into that.
        import contextlib
        import os

        with contextlib.suppress(OSError):
            os.fstat(1)
            return  # (taken already: nothing to hold)
        fd = os.open(os.devnull, os.O_RDONLY)
        if fd != 1:
            os.dup2(fd, 1)
            os.close(fd)
        return
    _utf8(out)
    # (after _utf8: the encoding it chose is kept)
    from workbench.cli.stdout_named import named

    sys.stdout = named(out)


def _utf8(stream: Any) -> None:
    """Made UTF-8 if it is not. stderr too: an error quoting Chinese on a Latin-1 stderr
    (PYTHONIOENCODING=latin-1) came out as `\\u4e0d\\u5b58...` (trial158)."""
    if not isinstance(stream, io.TextIOWrapper) or (sys.platform == "win32" and stream.isatty()):
        return
    if codecs.lookup(stream.encoding).name != "utf-8":
        stream.reconfigure(encoding="utf-8")
