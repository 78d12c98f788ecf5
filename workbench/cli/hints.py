"""The CLI's words for the library's hints: which flag to give, which command to run next.

The library refuses with facts and a `Hint` (workbench.domain.errors); only here do flags and
command lines appear, so a renamed option is renamed in one place. Imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from workbench.db.pg_options import schema_pattern
from workbench.domain.errors import Hint, WorkbenchError
from workbench.domain.shell import command_line

# A library input name -> how it is given on the command line (where it is not just --name).
FLAGS: dict[str, str] = {
    "actor": "--as NAME (or WORKBENCH_USER)",
    "note": "--note TEXT",
    "reason": "--reason TEXT",
    "assignee": "--to NAME",
    "expected_version": "--if-version",
    "span": "--quote, or both --start and --end",
    "quote_or_offsets": "either --quote or --start/--end, not both",
    "evidence_source": "exactly one of --url, --file or --citation",
    "owner_filters": "--owner (--assignee)/--mine or --unassigned, not both",
    "status_filters": "--status with an open status, or without --open/--overdue",
    "flagged_filters": "--status with a verdict or in_review, or without --flagged",
    "database": "--db PATH|URL (or WORKBENCH_DB)",
    "search": "--search TEXT",
    "source": "FILE, URL or - (the text to store)",
    "claims_file": "FILE",
}


# The inputs that carry a reason: a refusal for lack of one says to add it.
REASONS = frozenset({"note", "reason"})


def flag(field: str) -> str:
    return FLAGS.get(field, "--" + field.replace("_", "-"))


def _id(facts: Mapping[str, Any], key: str) -> str:
    value = facts.get(key)
    return "ID" if value is None else str(value)


# How a PostgreSQL URL chooses a schema (docs/identity.md, README).
_SCHEMA_URL = "postgresql://USER@HOST/DB?options=-csearch_path%3DSCHEMA"


_STEPS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "add_evidence": lambda f: f"add it with `workbench evidence add {_id(f, 'claim_id')}` first",
    "add_note": lambda f: f"add it with `workbench note add {_id(f, 'claim_id')} TEXT`",
    "review": lambda f: (
        # The proposer cannot approve their own verdict: told what they can do instead.
        "a second reviewer approves or rejects it first; to withdraw it, "
        f"`workbench claim reject {_id(f, 'claim_id')} --note TEXT` (back to in_progress)"
        if f.get("own_proposal")
        else f"`workbench claim approve {_id(f, 'claim_id')}` or "
        f"`workbench claim reject {_id(f, 'claim_id')} --note TEXT` it first"
    ),
    "untag": lambda f: (
        # A kind tag the claim has, taken off before the other kind is given.
        f"untag it first to give the other: `workbench claim untag {_id(f, 'claim_id')} "
        f"{' '.join(map(str, f.get('tags') or ('TAG',)))}`"
    ),
    "reject": lambda f: f"`workbench claim reject {_id(f, 'claim_id')} --note TEXT`",
    "repropose": lambda f: (
        f"read the record (`workbench claim show {_id(f, 'claim_id')}`), then "
        f"`workbench claim reject {_id(f, 'claim_id')} --note TEXT`, so that the proposer "
        f"proposes the verdict again on the full record (`workbench claim status "
        f"{_id(f, 'claim_id')} {f.get('verdict') or '<verdict>'} --note TEXT`) and a second "
        "person approves it"
    ),
    "reopen": lambda f: (
        f"reopen it first with `workbench claim status {_id(f, 'claim_id')} in_progress "
        "--note TEXT`"
    ),
    "restore": lambda f: (
        f"restore it with `workbench claim status {_id(f, 'claim_id')} in_progress --note TEXT`"
    ),
    "propose": lambda f: (
        "with review.required on, propose a verdict (`workbench claim status ID <verdict> "
        "--note ...`) and a second reviewer approves it"
    ),
    # `claim approve|reject` of a claim not in review (newuser): what puts one there.
    "propose_first": lambda f: (
        f"propose a verdict first: `workbench claim status {_id(f, 'claim_id')} <verdict> "
        "--note TEXT`"
        if f.get("review_required")
        else "review.required is off, so a verdict stands when given: "
        "`workbench config set review.required true`, then `workbench claim status "
        f"{_id(f, 'claim_id')} <verdict> --note TEXT` proposes one"
    ),
    "review_off": lambda f: (
        "review.required is off: a verdict stands when given, with no second reviewer; "
        "`workbench config set review.required true` has the verdicts to come approved"
    ),
    "list": lambda f: {
        "document": "`workbench doc list` shows them",
        "claim": "`workbench claim list` shows them",
        "evidence": f"`workbench evidence list {_id(f, 'claim_id')}` shows them",
    }.get(str(f.get("entity")), ""),
    "reread": lambda f: (
        f"re-read it with `workbench claim show {_id(f, 'claim_id')}` and try again"
    ),
    "start_database": lambda f: (
        # A server's database is created on the server (the workbench makes only its tables);
        # a desk's shared one then gets them from its owner's first command (docs/identity.md).
        f"create it ({command_line(['createdb'], [str(f['database'])])}); its owner's first "
        "command (`workbench db upgrade`, or `workbench doc add FILE`) creates the tables"
        if f.get("database")
        else f"point --db / WORKBENCH_DB at the desk's schema ({_SCHEMA_URL}), or set a new "
        f"desk up in {f['schema']} with a write (`workbench doc add FILE`) or "
        "`workbench db upgrade`"
        if f.get("schema")
        else "run `workbench demo` or `workbench doc add FILE` to start one, "
        "or point --db / WORKBENCH_DB at yours"
    ),
    "check_database": lambda f: (
        # Not told to set a desk up: the schema is not there, or the role may not create in it
        # (a person's role under docs/identity.md's grants); the desk is elsewhere.
        f"point --db / WORKBENCH_DB at the desk's database and schema ({_SCHEMA_URL})"
        + ("; this role may not set a desk up here" if f.get("may_create") is False else "")
    ),
    "create_schema": lambda f: (
        # A write's schema that is not there: the workbench creates tables, never a schema.
        f"create the schema (CREATE SCHEMA {schema_pattern(str(f['schema']))}) and run the "
        f"command again, or point --db / WORKBENCH_DB at the desk's schema ({_SCHEMA_URL})"
    ),
    "upgrade_schema": lambda f: (
        # A shared database's schema is its owner's to change (docs/identity.md); a bundle
        # into an empty one is its owner's to restore: after its `db upgrade` the tables are
        # the owner's, and a restore by any other role is refused all the same (pgteam).
        (f"its owner (role {f['owner']})" if f.get("owner") else "the database's owner")
        + (
            f" runs `{command_line(['workbench', 'import', 'bundle'], [str(f['bundle'])])}`"
            if f.get("bundle")
            else " runs `workbench db upgrade`"
        )
    ),
    "grant_access": lambda f: (
        (f"its owner (role {f['owner']})" if f.get("owner") else "the database's owner")
        + " grants your role what docs/identity.md lists"
    ),
    "change_setting": lambda f: (
        (
            f"{f['owner_name']}, the desk's owner,"
            if f.get("owner_name")
            else f"its owner (role {f['owner']})"
            if f.get("owner")
            else "the database's owner"
        )
        + f" runs `workbench config set {f.get('key', 'KEY')} {f.get('value', 'VALUE')}`"
    ),
    "restore_backup": lambda f: (
        ("if it is the desk's file, " if f.get("if_desk") else "")
        # "the copy" read as the damaged copy a refused backup has just named (FILE.damaged):
        # name the one to put in place.
        + "restore it from a backup: move it aside with its -wal and -shm files and put your "
        "last good backup in its place, then check it (docs/backup.md, Restore)"
    ),
    "rebuild_search_index": lambda f: (
        # Derived from the tables: rebuilt, keeping every change a restore would lose.
        "`workbench db upgrade` rebuilds it from the claims, notes and evidence titles, keeping "
        "every change; restore a backup only if that fails (docs/backup.md, A damaged search "
        "index)"
    ),
    "update_document": lambda f: (
        f"`workbench doc update {_id(f, 'document_id')} FILE|URL` stores a new one"
    ),
    "update_again": lambda f: (
        # A script named the revision it saw: what landed is for it to look at first. Or one
        # the document never had, where nothing landed since: words true of both (review328).
        f"`workbench doc changes {_id(f, 'document_id')}` shows each revision's changes; run "
        f"the update again with --if-revision {f.get('revision')} to store over revision "
        f"{f.get('revision')}"
        if f.get("asked")
        # The source read anew is compared with the revision that landed.
        else f"run `workbench doc update {_id(f, 'document_id')}` again (with the same "
        f"FILE|URL|- if one was given) to read it against revision {f.get('revision')}"
    ),
}


def words(hint: Hint) -> str:
    """The hint as advice on the command line ("" when there is nothing to add)."""
    facts = hint.facts
    if hint.kind == "give_input":
        name = str(facts.get("field", ""))
        bounds = f" {facts['low']}..{facts['high']}" if "low" in facts and "high" in facts else ""
        # A reason is added to what was typed; any other input is given.
        return f"add {flag(name)}" if name in REASONS else f"give {flag(name)}{bounds}"
    if hint.kind == "bad_input":
        return f"check {flag(str(facts.get('field', '')))}"
    if hint.kind == "run":
        render = _STEPS.get(str(facts.get("step")))
        return render(facts) if render else ""
    return ""


def error_text(exc: WorkbenchError) -> str:
    """The message, followed by what to do about it in CLI terms."""
    advice = words(exc.hint) if exc.hint is not None else ""
    return f"{exc.message}; {advice}" if advice else exc.message
