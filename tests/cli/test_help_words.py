"""The words of every command's --help: an option says what it does, the same option is
named alike on every command, and no word is typed twice."""

from __future__ import annotations

import re

import click

from tests.inprocess import ok, run_cli
from workbench.cli import cli
from workbench.cli.reference import _walk


def _options() -> list[tuple[str, click.Option]]:
    return [
        (" ".join(path), param)
        for path, command in _walk(cli, ["workbench"])
        for param in command.params
        if isinstance(param, click.Option) and not param.hidden
    ]


def test_every_option_but_a_list_of_choices_says_what_it_does() -> None:
    """`workbench doc diff --help` showed `--context INTEGER RANGE  [default: 30; x>=0]` and
    nothing else: thirty of what, around what? A number's type is no help; only a list of
    choices (--type [fact|quantity|...]) says enough by itself."""
    bare = [
        f"{where} {option.opts[0]}"
        for where, option in _options()
        if not (option.help or "").strip() and not isinstance(option.type, click.Choice)
    ]
    assert bare == [], bare


def test_the_speaker_option_takes_a_name_on_every_command() -> None:
    """`claim add --help` showed `--speaker TEXT` where `claim edit` and `claim list` show
    `--speaker NAME`: the same thing, named two ways."""
    metavars = {
        where: option.make_metavar(click.Context(click.Command(where)))
        for where, option in _options()
        if "--speaker" in option.opts
    }
    assert set(metavars.values()) == {"NAME"}, metavars


def test_no_word_of_any_help_is_typed_twice() -> None:
    """`workbench user bind --help` said `--role ROLE  The PostgreSQL login role NAME acts from
    from now on.`: a word typed twice reads as a typo."""
    doubled = []
    for path, _command in _walk(cli, ["workbench"]):
        text = " ".join(ok(run_cli([*path[1:], "--help"])).out.split())
        doubled += [f"{' '.join(path)}: {m.group(0)!r}" for m in re.finditer(r"\b(\w+) \1\b", text)]
    assert doubled == [], doubled
