"""`workbench config ...`"""

from __future__ import annotations

import click

from workbench.cli.common import usage_unless_none, workbench_from
from workbench.cli.once import Group
from workbench.cli.options import json_context
from workbench.cli.render import json_or_line, json_or_table, message


@click.group(cls=Group)
def config() -> None:
    """Workbench settings, stored in the database (e.g. review.required)."""


@config.command("set")
@click.argument("key")
@click.argument("value")
@json_context
def set_(ctx: click.Context, key: str, value: str, as_json: bool) -> None:
    """Set KEY to VALUE, as in `config set review.required true`.

    VALUE is true or false (also yes/no, on/off, 1/0); `config list` shows every KEY. The
    change is recorded in the audit trail. Turning review.required or review.distinct_roles
    off relaxes review, and only the desk's owner may: once people are registered, its first
    registered user (on PostgreSQL, also only from the owner's role); anyone else is refused
    naming the owner. On a shared (PostgreSQL) database set up as docs/identity.md says, the
    settings are the owner's: a person's own role may read them, and its `config set` is
    refused naming the owner's role. Setting the value a KEY already has (its default
    included) changes nothing and records nothing, whoever asks: it is said on stderr.
    """
    from workbench.domain.settings import setting_problem
    from workbench.services.settings import set_config

    usage_unless_none(setting_problem(key, value))
    s = set_config(workbench_from(ctx), key, value)
    shown = str(s.value).lower()
    if as_json or s.changed:
        json_or_line(as_json, s, f"{s.key} = {shown}")
    if not s.changed:
        # As `doc edit` says of values a document already has: nothing written, no event.
        message(f"{s.key} is already {shown}; nothing changed")


@config.command("get")
@click.argument("key")
@json_context
def get(ctx: click.Context, key: str, as_json: bool) -> None:
    """Print the value of KEY."""
    from workbench.domain.settings import setting_problem
    from workbench.services.settings import get_config

    usage_unless_none(setting_problem(key))
    s = get_config(workbench_from(ctx), key)
    json_or_line(as_json, s, str(s.value).lower())


@config.command("list")
@json_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """List every setting with its value and meaning."""
    from workbench.services.settings import list_config

    json_or_table(
        as_json,
        list_config(workbench_from(ctx)),
        ["key", "value", "set by", "meaning"],
        lambda s: (
            s.key,
            str(s.value).lower() + (" (default)" if s.is_default else ""),
            s.updated_by or "",
            s.help,
        ),
    )
