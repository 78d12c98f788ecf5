"""`workbench user ...`"""

from __future__ import annotations

import click

from workbench.cli.common import workbench_from
from workbench.cli.once import Group
from workbench.cli.options import DISPLAY, EMAIL, NEW_PERSON, PERSON, json_context
from workbench.cli.render import json_or_line, json_or_table, json_out, message, warning


@click.group(cls=Group)
def user() -> None:
    """Register the desk's people; once one is registered, --as must name one."""


@user.command("add")
@click.argument("name", type=NEW_PERSON)
@click.option("--display", type=DISPLAY, metavar="TEXT", help='The full name, e.g. "Maria Lopez".')
@click.option("--email", type=EMAIL, metavar="ADDRESS", help="How to reach them.")
@click.option(
    "--role",
    metavar="ROLE",
    help="PostgreSQL: the login role NAME acts from; a change under NAME from another role is "
    "refused (docs/identity.md).",
)
@json_context
def add(
    ctx: click.Context,
    name: str,
    display: str | None,
    email: str | None,
    role: str | None,
    as_json: bool,
) -> None:
    """Register NAME (stored case-folded; a look-alike of a registered name is refused).

    The desk's first registration also registers whoever makes it, when that is someone else:
    from then on only registered names act, and the registrant would be locked out. It warns
    of claims owned by names no registered user has (assigned before anyone was registered).
    """
    from workbench.services.users import add_user

    u = add_user(workbench_from(ctx), name, display=display, email=email, role=role)
    bound = f", acting from role {u.role}" if u.role else ""
    json_or_line(
        as_json, u, f"registered {u.name}" + (f" ({u.display})" if u.display else "") + bound
    )
    if u.also_registered is not None:
        message(
            f"also registered {u.also_registered}, who registered them: from now on only "
            "registered names act (`workbench user add` the others)"
        )
    if u.also_registered is not None and u.registrant_role is not None:
        from workbench.domain.shell import command_line

        # Not left to docs/identity.md's last line: the owner who bound every person's name
        # had its own open to each of their roles, and was never told (pgteam).
        bind = command_line(
            ["workbench", "--as", u.also_registered, "user", "bind"],
            [u.also_registered],
            ["--role", u.registrant_role],
        )
        warning(
            f"{u.also_registered} is bound to no login role: any role of the desk may act "
            f"under that name until the desk's owner binds it: `{bind}`"
        )
    if u.unregistered_owners:
        shown = ", ".join(f"{o.name} ({o.claims})" for o in u.unregistered_owners[:10])
        more = len(u.unregistered_owners) - 10
        warning(
            f"claims owned by unregistered names: {shown}"
            + (f" and {more:,} more" if more > 0 else "")
            + "; reassign with `workbench claim assign ID... --to NAME` "
            "(`workbench claim list --assignee NAME` lists them)"
        )


@user.command("bind")
@click.argument("name", type=PERSON)
@click.option(
    "--role",
    metavar="ROLE",
    required=True,
    help="The PostgreSQL login role NAME acts from once bound (any other is refused).",
)
@json_context
def bind(ctx: click.Context, name: str, role: str, as_json: bool) -> None:
    """Bind the registered NAME to the login role it acts from (PostgreSQL), or to another.

    From then on a change under NAME from any other role is refused. The desk's owner's act
    (a session of the role that owns the tables): a person binding a registered name to
    their own role would take it over. Recorded in the audit trail (`user.bound`)."""
    from workbench.services.users import bind_user

    b = bind_user(workbench_from(ctx), name, role)
    if not b.changed:
        # Said on stderr, as every command says it changed nothing (with --json too): stdout
        # is for results.
        json_out(as_json, b)
        message(f"{b.user.name} already acts from role {b.user.role}; nothing changed")
        return
    if b.before is None:
        line = f"bound {b.user.name} to role {b.user.role}"
    else:
        line = f"bound {b.user.name} to role {b.user.role} (was {b.before})"
    json_or_line(as_json, b, line)
    if b.session_acts_as is not None:
        # A slip (the owner's own name for a checker's) is otherwise learned at the next
        # command, refused; a move meant (the editor's name to her own role) is told the same.
        from workbench.domain.shell import shell_word

        # Each name a shell word, as the refusal of a forgotten --as says them (people): `ana b`
        # beside ed, bare, read as two names or three (review345).
        others = " and ".join(shell_word(n) for n in b.role_acts_as)
        if b.session_acts_as:
            then = f"give --as {shell_word(b.session_acts_as[0])}"
            now = f"acts as {' or '.join(shell_word(n) for n in b.session_acts_as)}: {then}"
        else:
            role = shell_word(b.session_role or "")
            now = (
                "acts as no name now: to act again, register one bound to it (`workbench --as "
                f"NAME user add NAME --role {role}`)"
            )
        warning(
            f"{b.user.name}, the name this session acts as, now acts from the role "
            f"{b.user.role} (which acts as {others}), not from this session's; this "
            f"session's role {now}"
        )


@user.command("edit")
@click.argument("name", type=PERSON)
@click.option("--display", type=DISPLAY, metavar="TEXT", help="The full name, corrected.")
@click.option("--no-display", is_flag=True, help="Remove the display name.")
@click.option("--email", type=EMAIL, metavar="ADDRESS", help="Their address, corrected.")
@click.option("--no-email", is_flag=True, help="Remove the email address.")
@json_context
def edit(
    ctx: click.Context,
    name: str,
    display: str | None,
    no_display: bool,
    email: str | None,
    no_email: bool,
    as_json: bool,
) -> None:
    """Correct the registered NAME's display name or email address (the desk's owner's act).

    Held to `user add`'s rules against everyone else: an address another person registered
    (one mailbox is one person) or a display name like another's is refused. Two people
    registered at one mailbox are one reviewer to the sign-off until one's address is
    corrected. Recorded in the audit trail (`user.edited`, before and after). Values NAME
    already has change nothing: said on stderr, exit 0 (`changed: false` with --json)."""
    from workbench.services.users import KEEP, Keep, edit_user

    def given(value: str | None, clear: bool, option: str) -> str | Keep | None:
        if value is not None and clear:
            raise click.UsageError(f"give --{option} or --no-{option}, not both")
        return None if clear else KEEP if value is None else value

    new_display = given(display, no_display, "display")
    new_email = given(email, no_email, "email")
    if new_display is KEEP and new_email is KEEP:
        raise click.UsageError("nothing to change: give --email, --display, or a --no- of one")
    e = edit_user(workbench_from(ctx), name, display=new_display, email=new_email)
    if not e.changed:
        # Said on stderr, as `user bind` and `config set` say it (with --json too).
        json_out(as_json, e)
        held = {"display": new_display, "email": new_email}
        has = " and ".join(
            _held(field, getattr(e.user, field)) for field, v in held.items() if v is not KEEP
        )
        message(f"{e.user.name} already has {has}; nothing changed")
        return
    said = ", ".join(
        f"{field} {e.after[field] if e.after[field] is not None else '(none)'}"
        + (f" (was {e.before[field]})" if e.before[field] is not None else "")
        for field in e.after
    )
    json_or_line(as_json, e, f"edited {e.user.name}: {said}")


def _held(field: str, value: str | None) -> str:
    """A registration's field as a no-op `user edit` names it: `the email address 'x'`."""
    what = "display name" if field == "display" else "email address"
    return f"no {what}" if value is None else f"the {what} {value!r}"


@user.command("list")
@json_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """List the registered people, and the login role each acts from (PostgreSQL).

    On a SQLite file a role a bundle brought from PostgreSQL is listed as not enforced: the
    file has no roles, and any of its users may act under the name."""
    from workbench.services.user_list import UserView, list_users

    def role(u: UserView) -> str:
        if u.role is None or u.role_enforced:
            return u.role or ""
        return f"{u.role} (not enforced on SQLite)"

    json_or_table(
        as_json,
        list_users(workbench_from(ctx)),
        ["name", "display", "email", "role", "added by"],
        lambda u: (u.name, u.display or "", u.email or "", role(u), u.added_by),
        empty="no registered users: anyone may act under any name (`workbench user add`)",
    )
