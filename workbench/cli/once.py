"""Every command's one-value options are given once: the rule, written down once.

Click keeps the last of a one-value option given twice, silently: `claim status 1 verified
--note A --note B` recorded B alone, `claim add --text A --text B` kept B, `claim list --doc 5
--doc 6` listed document 6 alone. Each command and group of the CLI is a `Command` or a
`Group` of this module (tests/cli/test_option_given_twice.py walks the tree to hold that), and
their parsing refuses such an option as bad usage (exit 2), naming it and the values given,
before anything is done.

Not refused: an option documented as repeatable (`multiple=True`: `--status`, `--tag`...,
each value kept) and a count; a flag given twice (`--json --json`) says the same thing twice,
and no flag of the CLI has an opposite (`--x/--no-x`) that a second could contradict. A default
from the environment (WORKBENCH_DB with `--db`) is not a second value: the command line's is the
one given. A command's help is answered whatever else is given to it; an option of a group
given twice before the command (`workbench --as a --as b claim list --help`) is refused by the
group before the command is reached (review170: `--help` may be a value, `--text --help`, so
it is not looked for ahead of the command's own parsing).

Imports only Click (and `copy`): the root group is one of these, and `--help` must start fast.
"""

from __future__ import annotations

import copy
from typing import Any

import click

# How much of a value the refusal shows (a --text or --note may run to 100,000 characters).
_SHOWN = 60


class _OnceParsing(click.Command):
    """Parses as Click does, once it has checked no one-value option is given twice."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing:
            _refuse_repeats(self, ctx, args)
        return super().parse_args(ctx, args)


class Command(_OnceParsing):
    """A command of the CLI: its one-value options may each be given once."""


class Group(_OnceParsing, click.Group):
    """A group of the CLI: its options are given once, and its commands and subgroups (made
    with `@group.command`, `@group.group`) are of this module too."""

    command_class = Command
    group_class = type  # a subgroup is of the class of its parent


def _one_value(param: click.Parameter) -> bool:
    return (
        isinstance(param, click.Option)
        and not param.multiple
        and not param.count
        and not param.is_flag
        and param.expose_value
    )


def _refuse_repeats(command: click.Command, ctx: click.Context, args: list[str]) -> None:
    """Parses `args` with the command's own parser, in which each name of each one-value
    option collects every value given under it (the order list says which name came when),
    so what counts as given twice is what Click reads: `--tag --doc` is the tag "--doc", a
    value after `--` is an argument, `-n5` and `--doc=5` are values. A command line Click
    refuses for another reason is left to Click to refuse, in its words."""
    parser = command.make_parser(ctx)
    stand_ins: dict[int, tuple[click.Option, str]] = {}
    for param in command.get_params(ctx):
        if not (isinstance(param, click.Option) and _one_value(param)):
            continue
        for name in (*param.opts, *param.secondary_opts):
            stand_in = copy.copy(param)
            stand_ins[id(stand_in)] = (param, name)
            # The same name added again replaces the one make_parser added.
            parser.add_option(
                obj=stand_in, opts=[name], dest=_dest(name), action="append", nargs=param.nargs
            )
    try:
        opts, _, order = parser.parse_args(args=list(args))
    except click.UsageError:
        return
    helper = command.get_help_option(ctx)
    if helper is not None and helper.name in opts:
        return
    values: dict[str, list[Any]] = {
        name: list(opts.get(_dest(name), [])) for _, name in stand_ins.values()
    }
    given: dict[str, list[tuple[str, Any]]] = {}
    for obj in order:
        entry = stand_ins.get(id(obj))
        if entry is None:
            continue
        param, name = entry
        given.setdefault(param.name or name, []).append((name, values[name].pop(0)))
    for times in given.values():
        if len(times) > 1:
            raise click.UsageError(_said(times), ctx)
    said_as: dict[tuple[str, str], str] = ctx.meta.setdefault(_GIVEN_AS, {})
    for param_name, times in given.items():
        said_as[(ctx.command_path, param_name)] = times[0][0]


# ctx.meta (shared by a command's context and its group's): (command path, option) -> the name
# it was given under.
_GIVEN_AS = "workbench.once.given_as"


def given_as(ctx: click.Context, param_name: str) -> str | None:
    """The name the command's one-value option `param_name` was given under on the command
    line (`--owner` for `claim list`'s --assignee, its second name: a refusal names the
    option as it was typed, rnewuser), or None when it was not given there."""
    said_as: dict[tuple[str, str], str] = ctx.meta.get(_GIVEN_AS, {})
    return said_as.get((ctx.command_path, param_name))


def _dest(name: str) -> str:
    return f"\0given {name}"


def _said(times: list[tuple[str, Any]]) -> str:
    """`--doc is given 2 times (5 and 6): give it once`; for an option of several names given
    under more than one, each value with the name it came under."""
    import shlex

    names = list(dict.fromkeys(name for name, _ in times))

    def shown(value: Any) -> str:
        text = " ".join(value) if isinstance(value, tuple) else str(value)
        if len(text) > _SHOWN:
            text = text[: _SHOWN - 1] + "…"
        # Quoted as a shell would need it only where a space, a quote or nothing makes the
        # bare value unclear (shlex quotes every Chinese character).
        if text and not any(c.isspace() or c in "'\"\\" for c in text):
            return text
        return shlex.quote(text)

    if len(names) == 1:
        parts = [shown(value) for _, value in times]
        head = f"{names[0]} is given {len(times)} times"
    else:
        parts = [f"{name} {shown(value)}" for name, value in times]
        head = (
            f"{' and '.join(names)} are one option, given {len(times)} times"
            if len(names) == 2
            else f"{', '.join(names)} are one option, given {len(times)} times"
        )
    listed = ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{head} ({listed}): give it once"
