"""Generate docs/cli.md from the commands' own --help, so the reference cannot drift.

    python -m workbench.cli.reference > docs/cli.md

A test compares the file with a fresh rendering; CI fails when they differ.
"""

from __future__ import annotations

import click

from workbench.cli import cli

HELP = ["-h", "--help"]


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        ctx = click.Context(command, info_name=path[-1])
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                found.extend(_walk(sub, [*path, name]))
    return found


def _help(path: list[str], command: click.Command) -> str:
    parent: click.Context | None = None
    for i, name in enumerate(path[:-1]):
        parent = click.Context(
            _resolve(path[: i + 1]), info_name=name, parent=parent, help_option_names=HELP
        )
    ctx = click.Context(
        command,
        info_name=path[-1],
        parent=parent,
        terminal_width=100,
        max_content_width=100,
        help_option_names=HELP,
    )
    return command.get_help(ctx)


def _resolve(path: list[str]) -> click.Command:
    command: click.Command = cli
    for name in path[1:]:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None
        command = found
    return command


def render() -> str:
    parts = [
        "# CLI reference\n",
        "Generated from `--help` by `python -m workbench.cli.reference > docs/cli.md`; "
        "a test fails when this file is stale. What each command's `--json` prints, field by "
        "field: [json.md](json.md).\n",
    ]
    for path, command in _walk(cli, ["workbench"]):
        parts.append(f"\n## `{' '.join(path)}`\n\n```\n{_help(path, command).rstrip()}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    click.echo(render(), nl=False)
