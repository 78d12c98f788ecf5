"""`workbench report`: the article with its claims highlighted, as one self-contained page."""

from __future__ import annotations

import os
from pathlib import Path

import click

from workbench.cli.common import (
    check_output,
    is_stdout,
    json_needs_file,
    output_file,
    refuse_the_desk,
    workbench_from,
)
from workbench.cli.export import say_unreviewed
from workbench.cli.once import Command
from workbench.cli.options import (
    ID,
    OUTPUT_FILE,
    TypedChoice,
    chosen_format,
    force_option,
    json_context,
    named_format,
)
from workbench.cli.render import emit_json, message, plural, shown_path, warning
from workbench.exports.registry import REPORT_FORMATS

# What each format's file is called, and how a warning names what it holds.
SUFFIXES = {"html": ".html", "md": ".md"}
HOLDS = {"html": "HTML", "md": "Markdown"}


@click.command(cls=Command)
@click.argument("document_id", metavar="[DOC]", type=ID, required=False)
@click.option(
    "--all", "all_docs", is_flag=True, help="Every document, and an index: -o is a folder."
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=OUTPUT_FILE,
    metavar="PATH",  # (a folder with --all)
    help="The file to write, HTML or Markdown as --format says (a folder with --all).",
)
@click.option(
    "--format",
    "fmt",
    type=TypedChoice(REPORT_FORMATS),
    default=REPORT_FORMATS[0],
    show_default=True,
    help="html: one page to open in a browser, the article highlighted. md: CommonMark, for a "
    "CMS that takes Markdown: the claims with their quotes, not the article. Without --format, "
    "-o FILE's extension chooses (.html, .md; with --all, the folder's: -o site.md).",
)
@force_option
@json_context
def report(
    ctx: click.Context,
    document_id: int | None,
    all_docs: bool,
    output: str,
    fmt: str,
    force: bool,
    as_json: bool,
) -> None:
    """Write the report (HTML; Markdown with --format md): the article with each claim's span
    highlighted in its status colour, and the claims beside it with status, rating, owner,
    notes, evidence and history.
    A withdrawn claim (taken back: `claim withdraw`) is left out: it is never published.

    The page is one file that loads nothing from the network (inline CSS and JavaScript).
    Click a claim to flash its span; click a span to open its claim.
    An existing file is refused unless --force (with --all: any of the pages to write in the
    folder, before any is written).

    With --format md the report is Markdown (CommonMark), for a CMS: the document's title,
    source and revision, then each claim as a section: its quote, status, rating, owner, notes,
    evidence (links) and history, saying what the page says and withholding what it withholds.
    With --all: document-N.md for each document and index.md.

    --json prints what was written: {"path", "document_id", "claims", "flagged", "unreviewed"}
    (claims whose verdict the page withholds; with review.required on, verdicts it shows that
    no second reviewer approved, which stderr names too), or with --all {"path", "pages",
    "documents", "claims", "flagged", "unreviewed"}.
    """
    from workbench.services.exports import report_pages, report_site

    if all_docs == (document_id is not None):
        raise click.UsageError("give a document DOC, or --all (not both)")
    if all_docs:
        # Said before "exists: give --force", which would only lead to this, and before
        # --json's "give -o FILE", which is the one page's advice.
        _check_folder(output)
        # The folder's name is read as a file's (rr349: `-o site.md` got HTML pages, without
        # a word, where `-o d2.md` gets Markdown); one naming no format (`site`) is the usual
        # folder, not warned of. (`site.md/` is `site.md`: a slash ends no folder's name.)
        fmt = chosen_format(ctx, fmt, output.rstrip("/") or output, REPORT_FORMATS)
    json_needs_file(as_json, output, "the page")
    if not all_docs:
        # As every export reads -o FILE (rr349: `-o .md` was HTML here, Markdown there; `-o
        # r.json` written HTML, where the exports refuse it).
        fmt = chosen_format(ctx, fmt, output, REPORT_FORMATS)
        # A folder for --all is _check_folder's to judge: as a file's name, `site/` is refused.
        check_output(output, force)
    if document_id is not None and Path(output).is_dir():
        # -o takes a folder only with --all; written into, the folder itself would be replaced.
        # What is on the disk, so a refusal (exit 1), as every output's folder is (exits).
        raise click.ClickException(
            f"-o {output} is a directory: name the {HOLDS[fmt]} file to write "
            f"(e.g. {Path(output) / f'doc-{document_id}{SUFFIXES[fmt]}'}), or give --all for "
            "a folder"
        )
    wb = workbench_from(ctx)
    if document_id is not None:
        [page] = report_pages(wb, document_ids=[document_id], fmt=fmt)
        with output_file(output, force=force) as out:
            out.write(page.text)
        if as_json:
            emit_json(
                {
                    "path": output,
                    "document_id": document_id,
                    "claims": page.claims,
                    "flagged": list(page.flagged),
                    "unreviewed": list(page.unreviewed),
                }
            )
        else:
            claims = plural(page.claims, "claim")
            message(f"wrote {shown_path(output)}: document #{document_id}, {claims}")
        if not is_stdout(output) and named_format(output, REPORT_FORMATS) is None:
            # A name that says no format (.txt, none): what is in it is said (a trial wrote
            # `-o d2.md` expecting Markdown and got HTML without a word; .md chooses it now).
            # Not of standard output, `-` or /dev/stdout: no file to rename (rr351).
            warning(
                f"{shown_path(output)} holds {HOLDS[fmt]} (--format {fmt}): name it "
                f"{SUFFIXES[fmt]} to open it"
            )
        say_withheld(page.flagged)
        say_unreviewed(page.unreviewed)
        return
    folder = Path(output)
    with report_site(wb, fmt=fmt) as site:
        _check_folder(output)  # again: a file may have been made there meanwhile
        for name in site.names:
            # Asked of every page before the first is written, and before "exists: give --force",
            # which would lead there: a desk kept under a page's name was met at its page,
            # the pages before it written (rrexits).
            refuse_the_desk(os.path.join(output, name))
        if not force:
            from workbench.new_file import check_free

            check_free([folder / name for name in site.names])
        from workbench.new_file import filling

        with filling(folder) as written:
            # Each page is written as it is built: one document's page is held, not the
            # desk's. (Named under the folder as typed, as a refusal says it.)
            for page in site.pages:
                with output_file(os.path.join(output, page.name), force=force) as out:
                    out.write(page.text)
                written.append(folder / page.name)
        index = page
    docs = len(site.names) - 1
    if as_json:
        emit_json(
            {
                "path": output,
                "pages": site.names,
                "documents": docs,
                "claims": index.claims,
                "flagged": list(index.flagged),
                "unreviewed": list(index.unreviewed),
            }
        )
    else:
        index_name = site.names[-1]
        message(f"wrote {plural(docs, 'document page')} and {index_name} to {shown_path(output)}")
    say_withheld(index.flagged)
    say_unreviewed(index.unreviewed)


def _check_folder(output: str) -> None:
    """With --all, -o names a folder: `-` or a file there is bad usage; a link (a dangling one
    too) is refused, as every other output refuses one."""
    from workbench.new_file import as_link, missing_folder, too_long

    if output == "-":
        # Standard output everywhere else (and refused as --db for that reason): taken as a
        # folder's name, a folder named `-` was made and the site written into it.
        raise click.UsageError(
            "with --all, -o names a folder, not standard output (a folder named - is ./-)"
        )
    if (why := too_long(output)) is not None:
        # Said as every output says it; Path.exists raised it bare (review290).
        raise click.ClickException(f"cannot write {output}: {why}")
    path = Path(output)
    if (path.is_symlink() or path.exists()) and not path.is_dir():
        # A link (dangling, looping, to a file) said as every output says one (fix272), and
        # with their exit 1: what is on the disk, not how the command was typed (fix282).
        if link := as_link(path):
            raise click.ClickException(f"with --all, -o names a folder; {output} exists{link}")
        raise click.ClickException(f"with --all, -o names a folder; {output} is a file")
    # The folder is made, its parent is not: said as every output into a missing folder says
    # it, before the pages are built (a trial was told "No such file or directory").
    problem = missing_folder(output, path)
    if problem is not None:
        raise click.ClickException(problem)


def say_withheld(flagged: tuple[int, ...]) -> None:
    if flagged:
        ids = ", ".join(f"#{c}" for c in flagged)
        message(
            f"{plural(len(flagged), 'claim')} flagged for re-review: {ids} (verdict withheld on "
            "the page: the quote changed after the verdict)"
        )
