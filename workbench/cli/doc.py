"""`workbench doc ...`"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import Any, TypeVar

import click

from workbench.cli.common import workbench_from
from workbench.cli.options import json_option
from workbench.cli.render import (
    clip,
    emit_json,
    json_out,
    message,
    show_value,
    table,
    warning,
)


@click.group()
def doc() -> None:
    """Add, list and show source documents."""


F = TypeVar("F", bound=Callable[..., Any])
METADATA_OPTIONS: list[tuple[tuple[str, ...], str | None, str]] = [
    (("--title",), None, "Headline of the article."),
    (("--url",), None, "Where it was published (http or https)."),
    (("--author",), None, "Who wrote it."),
    (("--published",), "YYYY-MM-DD", "Publication date."),
    (("--lang", "language"), "CODE", "Language, e.g. zh or en."),
]


def metadata_options(suffix: str = "") -> Callable[[F], F]:
    """--title, --url, --author, --published, --lang: the same for `doc add` and `doc edit`."""

    def apply(fn: F) -> F:
        for names, metavar, text in reversed(METADATA_OPTIONS):
            fn = click.option(*names, metavar=metavar, help=text + suffix)(fn)
        return fn

    return apply


@doc.command("add")
@click.argument("file", metavar="FILE|-")
@metadata_options()
@json_option
@click.pass_context
def add(
    ctx: click.Context,
    file: str,
    title: str | None,
    url: str | None,
    author: str | None,
    published: str | None,
    language: str | None,
    as_json: bool,
) -> None:
    """Store a UTF-8 text file (or - for stdin) as a document.

    The text is normalised to NFC with LF line endings; claim offsets count code points of that
    text. Adding the same text again returns the document already stored.
    """
    from workbench.services.documents import add_document, read_source

    wb = workbench_from(ctx)
    source = "standard input" if file == "-" else file
    result = add_document(
        wb,
        read_source(file),
        source=source,
        title=title,
        url=url,
        author=author,
        published=published,
        language=language,
    )
    d = result.document
    if as_json:
        emit_json(result.to_json())
    elif result.created:
        click.echo(f"added document #{d.id}: {d.length} characters, sha256 {d.sha256[:12]}")
    else:
        click.echo(f"already stored as document #{d.id} (same text); nothing added")
    if result.not_applied:
        # Adding never edits: say so, and give the audited way to change it.
        stored = d.to_json()
        for name, given in result.not_applied.items():
            message(f"  {name}: stored {show_value(stored[name])}, given {show_value(given)}")
        options = " ".join(
            f"--{OPTION.get(n, n)} {shlex.quote(v or '')}" for n, v in result.not_applied.items()
        )
        warning(
            f"document #{d.id} keeps its stored metadata; to change it: "
            f"workbench doc edit {d.id} {options}"
        )


# Document field -> its option (only where the names differ).
OPTION = {"language": "lang"}


@doc.command("edit")
@click.argument("document_id", metavar="DOC", type=int)
@metadata_options(" '' clears it.")
@json_option
@click.pass_context
def edit(ctx: click.Context, /, document_id: int, as_json: bool, **given: str | None) -> None:
    """Change a document's title, URL, author, date or language (never its text).

    The change is recorded in the audit trail with the values before and after; giving the
    values it already has changes nothing.
    """
    from workbench.services.documents import edit_document

    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        raise click.UsageError("give at least one of --title, --url, --author, --published, --lang")
    result = edit_document(workbench_from(ctx), document_id, **changes)
    if as_json:
        emit_json(result.to_json())
    elif result.changed:
        click.echo(f"document #{document_id}: changed {', '.join(result.changed)}")
    else:
        message(f"document #{document_id} already has these values; nothing changed")


@doc.command("list")
@json_option
@click.pass_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """List the stored documents."""
    from workbench.services.documents import list_documents

    docs = list_documents(workbench_from(ctx))
    if json_out(as_json, docs):
        return
    table(
        ["id", "title", "lang", "chars", "added", "sha256"],
        [
            (d.id, clip(d.title or "", 50), d.language, d.length, d.created_at[:10], d.sha256[:12])
            for d in docs
        ],
        empty="no documents yet: add one with `workbench doc add FILE`",
        droppable=("sha256", "added", "lang"),
    )


@doc.command("text")
@click.argument("document_id", metavar="DOC", type=int)
@click.pass_context
def text(ctx: click.Context, document_id: int) -> None:
    """Print the stored text exactly (NFC, LF): the text that claim offsets count in."""
    from workbench.services.documents import document_text

    click.echo(document_text(workbench_from(ctx), document_id), nl=False)


@doc.command("show")
@click.argument("document_id", metavar="DOC", type=int)
@json_option
@click.pass_context
def show(ctx: click.Context, document_id: int, as_json: bool) -> None:
    """Show a document's metadata and its claims, with counts by status."""
    from workbench.services.documents import show_document

    detail = show_document(workbench_from(ctx), document_id)
    if json_out(as_json, detail):
        return
    d = detail.document
    for label, value in (
        ("document", f"#{d.id}"),
        ("title", d.title),
        ("url", d.url),
        ("author", d.author),
        ("published", d.published),
        ("language", d.language),
        ("length", f"{d.length} characters"),
        ("sha256", d.sha256),
        ("added", f"{d.created_at} by {d.added_by}"),
    ):
        if value:
            click.echo(f"{label:>10}  {value}")
    counts = ", ".join(f"{k} {v}" for k, v in detail.status_counts.items() if v)
    click.echo(f"{'claims':>10}  {len(detail.claims)}" + (f" ({counts})" if counts else ""))
    if detail.claims:
        table(
            ["id", "status", "type", "claim"],
            [(c.id, c.status, c.type, clip(c.text, 70)) for c in detail.claims],
        )
