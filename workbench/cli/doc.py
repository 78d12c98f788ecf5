"""`workbench doc ...`"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

from workbench.cli.common import say_reading_stdin, usage_unless_none, workbench_from
from workbench.cli.once import Group
from workbench.cli.options import (
    INPUT_FILE,
    LANGUAGE,
    PAST_DAY,
    POSITIVE,
    SINCE_REVISION,
    URL_OR_BLANK,
    TypedChoice,
    document_id_argument,
    json_context,
)
from workbench.cli.render import (
    changed_passages,
    clip,
    emit_json,
    hunks,
    is_terminal,
    json_or_table,
    json_out,
    message,
    plural,
    quote_change,
    show_value,
    shown,
    shown_name,
    status_shown,
    table,
    warning,
)
from workbench.domain.revision_words import revision_of

if TYPE_CHECKING:
    from workbench.services.pages import Decoding
    from workbench.services.revisions import AnchorOutcome
    from workbench.services.views import Added, DocumentDetail


@click.group(cls=Group)
def doc() -> None:
    """Add, update, list and show source documents and their revisions."""


FORMAT = TypedChoice(["text", "markdown", "html"])
format_option = click.option(
    "--format",
    "fmt",
    type=FORMAT,
    help=(
        "How to read the input. [default: detected: a page is html, .md is markdown, a URL"
        " as its Content-Type says]"
    ),
)
agent_option = click.option(
    "--user-agent", metavar="TEXT", help="User-Agent header when fetching a URL."
)


def _redirects(hops: tuple[str, ...], name: str | None = None) -> None:
    for hop in hops:
        message(f"{name}: redirected to {hop}" if name else f"redirected to {hop}")


F = TypeVar("F", bound=Callable[..., Any])
# The type checks a value where it is typed (PAST_DAY: a malformed date, or one to come, is
# bad usage).
METADATA_OPTIONS: list[
    tuple[tuple[str, ...], str | None, str, click.ParamType[Any, Any] | None]
] = [
    (("--title",), None, "Headline of the article.", None),
    (("--url",), "URL", "Where it was published (http or https).", URL_OR_BLANK),
    (("--author",), None, "Who wrote it.", None),
    (
        ("--published",),
        "YYYY-MM-DD",
        "Publication date (not after today, nor before 1600).",
        PAST_DAY,
    ),
    (("--lang", "language"), "CODE", "Language tag, e.g. zh, en or zh-Hant.", LANGUAGE),
]


def metadata_options(suffix: str = "") -> Callable[[F], F]:
    """--title, --url, --author, --published, --lang: the same for `doc add` and `doc edit`."""

    def apply(fn: F) -> F:
        for names, metavar, text, kind in reversed(METADATA_OPTIONS):
            fn = click.option(*names, type=kind, metavar=metavar, help=text + suffix)(fn)
        return fn

    return apply


@doc.command("add")
@click.argument("files", metavar="FILE|URL|-...", nargs=-1, required=True, type=INPUT_FILE)
@metadata_options()
@format_option
@agent_option
@json_context
def add(
    ctx: click.Context,
    files: tuple[str, ...],
    title: str | None,
    url: str | None,
    author: str | None,
    published: str | None,
    language: str | None,
    fmt: str | None,
    user_agent: str | None,
    as_json: bool,
) -> None:
    """Store text, Markdown or HTML files, fetched pages (http/https URLs) or stdin (-).

    A page's main text is extracted (navigation, scripts, comments and footers left out) with
    its title, author, date (only a day the page states) and language, and its bytes are
    archived; a byline or dateline leading it is left out, and the author is the name in a
    byline (文/王晓明 is 王晓明). A page is read as UTF-8 or in the charset it (or the server)
    declares; one that is neither is read by a guess, said on stderr, and one declaring UTF-8
    with a few stray bytes is read as UTF-8, those as U+FFFD, as a browser reads it (said on
    stderr too). A URL's Content-Type says what it is, as a file's name does: text/html a page,
    text/plain a text (its markup kept, as a browser shows it, and said on stderr when it opens
    as a whole page does, with --format html to read it as one; Markdown at an address ending
    .md), text/markdown Markdown; JSON or XML is stored as its text, as sent, said on stderr;
    an image, a PDF or another file no page is, is refused by its type; with none (or
    application/octet-stream) its bytes say. A page yielding under 200
    characters of text is added with a warning: most likely not the article. A
    Markdown file's blocks stay apart (a headline is a sentence of its own), its wrapped lines
    join with no space inside Chinese or Japanese text, the words of its raw HTML blocks
    (<div>...</div>) are text, their tags, scripts and comments not; an H1 opening it is its
    title and a byline after its headings ("By NAME", 记者 NAME 报道, also on the line under a
    headline) its author, left out of the text as a page's byline is. A plain text's first line
    is its title when it stands alone as a headline does (a blank line after it, no sentence
    stop ending it, no speaker's turn), and stays in the text. A text that says no language (a plain
    file, a page with no language tag) is given the one its script settles, and the line says
    so: zh (Han without kana), ja, ko, or en where English's commonest words are, when it holds
    60% of the text's words (a Han character counting as two-thirds of one); else none, and two
    sharing the text (a Chinese headline over an English body) are named.
    A text or Markdown file is UTF-8, or UTF-16 or UTF-32 starting with its byte-order mark
    (Notepad's "Unicode"), read as the mark says, a text page fetched also in the charset its
    server names (Content-Type); other bytes are refused, saying what they
    look like (GBK, UTF-16 without a mark, Windows-1252) and the iconv that converts them.
    Options given win over what a page or file says of itself. The text is normalised to
    NFC with LF line endings; claim offsets count code points of that text. Adding a text
    already stored (any revision of a document) adds nothing and says which revision holds it,
    with the metadata given (a URL fetched included) that differs from the stored: both, and
    the `doc edit` that would change it.
    A new document whose URL (a page's canonical one, or --url) an earlier document has is
    still added, with a warning naming that document (in --json, `same_url_as`): a newer copy
    of an article belongs in its revisions (`doc update`).

    Several inputs are added all or nothing, in one transaction: each is read and checked
    first, and one that cannot be (missing, not text, over WORKBENCH_MAX_DOCUMENT_MB) refuses
    them all, naming it. At most 1,000 inputs, ten times the size limit in all, and - once.
    Each input gets its line, in order: a document added on stdout, an input already stored
    ("nothing added") on stderr, as every command says it changed nothing; then a total on
    stderr. With --json, one input prints its object as before and several an array of them,
    in order (an input repeating an earlier one's text has `same_as_input`, that input's
    position from 1). --title and --url describe one document,
    so they go with one input (edit each document afterwards); --author, --published, --lang
    and --format apply to every input, --user-agent to every URL.
    """
    from workbench.cli.progress import progress_bar, wanted
    from workbench.services.documents import DocumentMeta, add_documents, adding_problem

    meta = DocumentMeta(title, url, author, published, language)
    usage_unless_none(adding_problem(files, meta=meta, user_agent=user_agent))
    several = len(files) > 1
    # The lines are the report, not the data: piped, the person still watches the terminal.
    watched = several and wanted(as_json=as_json, to_stdout=False, reads_stdin="-" in files)
    if "-" in files:
        say_reading_stdin("the document's text")
    with progress_bar("reading the inputs, then adding them", enabled=watched) as progress:
        results = add_documents(
            workbench_from(ctx),
            files,
            meta=meta,
            fmt=fmt,
            user_agent=user_agent,
            progress=progress,
        )
    names = [_input_name(f) if several else None for f in files]
    if as_json:
        for name, result in zip(names, results, strict=True):
            _redirects(result.redirects, name)
        objects = [{**r.to_json(), "redirects": list(r.redirects)} for r in results]
        emit_json(objects if several else objects[0])
        for name, location, result in zip(names, files, results, strict=True):
            if not result.created:
                # (with --json too, as every command says it changed nothing)
                message(_added_line(result, name, names))
            _not_applied(result)
            _same_url(result, location)
            _page_doubts(result, name)
        return
    for name, location, result in zip(names, files, results, strict=True):
        _redirects(result.redirects, name)
        # stdout holds the documents added, a line each, for a pipe; an input that added
        # nothing is said on stderr, as every command says it changed nothing.
        if result.created:
            click.echo(_added_line(result, name, names))
        else:
            message(_added_line(result, name, names))
        _not_applied(result)
        _same_url(result, location)
        _page_doubts(result, name)
    if several:
        # A summary for the person, as `import annotations` says its own: stderr.
        created = sum(r.created for r in results)
        stored = f"{plural(len(results) - created, 'input')} already stored"
        # No zero said: all added, or nothing added (said as every command says it).
        if created == len(results):
            message(f"added {plural(created, 'document')}")
        elif created == 0:
            message(f"{stored}; nothing added")
        else:
            message(f"added {plural(created, 'document')}; {stored}")


def _input_name(location: str) -> str:
    """An input as its line names it: one line of visible text, whatever the file is called
    (a name that is not UTF-8 comes in with surrogates, which a terminal cannot take)."""
    from workbench.domain.limits import visible

    if location == "-":
        return "standard input"
    return visible(location.encode("utf-8", "backslashreplace").decode("utf-8"), one_line=True)


def _added_line(result: Added, name: str | None, names: list[str | None]) -> str:
    d = result.document
    if result.created:
        line = f"added document #{d.id}: {plural(d.length, 'character')}, sha256 {d.sha256[:12]}"
        if result.language_guessed:
            line += f", language {d.language} (read from the text)"
        elif result.language_mixed:
            # Neither language holds most of the text: a wrong one would be published.
            line += (
                f", no language: {' and '.join(result.language_mixed)} share the text "
                f"(doc edit {d.id} --lang sets one)"
            )
    elif result.same_as_input is not None:
        earlier = names[result.same_as_input - 1]
        line = f"same text as {earlier} above (document #{d.id}); nothing added"
    else:
        line = f"already stored as {_stored_as(result)}; nothing added"
    return line if name is None else f"{name}: {line}"


def _not_applied(result: Added) -> None:
    """Adding never edits: say so, and give the audited way to change it."""
    if not result.not_applied:
        return
    d = result.document
    stored = d.to_json()
    for name, given in result.not_applied.items():
        message(f"  {name}: stored {show_value(stored[name])}, given {show_value(given)}")
    from workbench.domain.shell import command_line

    # Each value one shell word that pastes as given (workbench.domain.shell): shlex's quote
    # left a bidi control for warning() to show as `\u202e`, six letters when pasted.
    options = [w for n, v in result.not_applied.items() for w in (f"--{OPTION.get(n, n)}", v or "")]
    edit = command_line(["workbench", "doc", "edit", str(d.id), *options])
    warning(f"document #{d.id} keeps its stored metadata; to change it: {edit}")


def _same_url(result: Added, location: str) -> None:
    """A new document whose URL another has: most likely a newer copy of that article."""
    if result.same_url_as is None:
        return
    d, earlier = result.document, result.same_url_as
    from workbench.domain.shell import command_line

    # The file or URL as given, one word to paste (`-- -saved.html`: not an option).
    update = (
        f"workbench doc update {earlier} FILE"
        if location == "-"
        else command_line(["workbench", "doc", "update"], [str(earlier), location])
    )
    # Said after the fact: #d.id is stored (and stays, as every document added does).
    warning(
        f"document #{earlier} has the same URL ({d.url}): if #{d.id} is a newer copy of that "
        f"article, `{update}` stores it as #{earlier}'s next "
        f"revision too, re-anchoring #{earlier}'s claims to it"
    )


def _page_doubts(result: Added, name: str | None) -> None:
    """A page added by a guess at its encoding, or with so little text that it is most likely
    not the article: said, not refused (the text is stored; `doc text` shows it)."""
    whose = f"{name}: " if name else ""
    if result.read_as is not None:
        _read_as(result.read_as, result.document.id, whose, "add it again")
    if result.stored_as_sent is not None:
        _stored_as_sent(result.stored_as_sent, result.document.id, whose)
    if result.little_text:
        length = result.document.length
        warning(
            f"{whose}only {plural(length, 'character')} of text {'was' if length == 1 else 'were'} "
            "found on the page "
            f"(document #{result.document.id}); is it the article? (a directory listing, a "
            "login or cookie page, or a page whose text a script writes)"
        )


def _read_as(read: Decoding, document_id: int, whose: str, again: str) -> None:
    """A page read otherwise than as it is (`doc add`, `doc update`): what it declares, where
    it is first not UTF-8, and what was done: a guess at its encoding (which, and what to do if
    the text reads wrong), or its stray bytes read as U+FFFD."""
    warning(f"{whose}{_not_as_declared(read)}: {_what_was_done(read, document_id, again)}")


def _stored_as_sent(sent: str, document_id: int, whose: str) -> None:
    """A fetched text stored as its server said (`doc add`, `doc update`): a page sent as
    text/plain, stored markup and all as a browser shows it, which `--format html` reads as the
    page it is; JSON or XML, stored as sent, which no article's text is."""
    from workbench.domain.media_types import data_kind

    kind = data_kind(sent)
    said = (
        f"the server sent this page as plain text ({sent}): stored as text, its markup and "
        "all, as the server said; --format html reads it as a page"
        if kind is None
        else f"the server sent {kind} ({sent}), not a page: stored as its text, as sent"
    )
    warning(f"{whose}{said} (document #{document_id})")


def _not_as_declared(read: Decoding) -> str:
    if read.declared is None:
        return "the page is not UTF-8 and declares no charset it is in"
    if read.declared != "utf-8":
        declared = ENCODING_NAMES.get(read.declared, read.declared)
        return f"the page declares {declared}, but its bytes do not read as it"
    where = f"byte 0x{read.bad_byte or 0:02X} at byte offset {read.bad_at or 0:,}"
    more = f" ({read.replaced:,} bytes in all)" if read.replaced > 1 and not read.guessed else ""
    return f"the page declares UTF-8, but {where} is not UTF-8{more}"


def _what_was_done(read: Decoding, document_id: int, again: str) -> str:
    if not read.guessed:
        those = "that byte" if read.replaced == 1 else "those bytes"
        return f"read as UTF-8, {those} stored as U+FFFD (\ufffd)"
    advice = (
        f"(if `workbench doc text {document_id}` reads wrong, convert the page to UTF-8 or give "
        f"it a <meta charset>, and {again})"
    )
    if read.replaced:
        # No encoding tried read it: UTF-8 is no guess that may be right, and the bytes stored
        # as U+FFFD are lost whatever the text is converted to (review189).
        return (
            f"no encoding tried reads it: read as UTF-8, {read.replaced:,} bytes stored as "
            f"U+FFFD (\ufffd), lost {advice}"
        )
    encoding = ENCODING_NAMES.get(read.encoding, read.encoding)
    return f"read as {encoding}, a guess {advice}"


# Python's codec names, as people know the encodings.
ENCODING_NAMES = {
    "gb18030": "GB18030/GBK",
    "cp1252": "Windows-1252/Latin-1",
    "big5": "Big5",
    "utf-8": "UTF-8",
}


def _stored_as(added: Added) -> str:
    """Where the text given is stored: an older revision must not read as the current text."""
    d = added.document
    if added.revisions == 1:
        return f"document #{d.id} (same text)"
    if added.revision == added.revisions:
        return f"{revision_of(added.revision, d.id)} (its current text)"
    return f"{revision_of(added.revision, d.id)} (the current text is revision {added.revisions})"


# Document field -> its option (only where the names differ).
OPTION = {"language": "lang"}


@doc.command("edit")
@document_id_argument
@metadata_options()
@click.option(
    "--clear",
    "cleared",
    multiple=True,
    type=TypedChoice([names[0].removeprefix("--") for names, *_ in METADATA_OPTIONS]),
    metavar="FIELD",
    help="Remove FIELD's value: title, url, author, published or lang (repeat for several).",
)
@json_context
def edit(
    ctx: click.Context,
    /,
    document_id: int,
    cleared: tuple[str, ...],
    as_json: bool,
    **given: str | None,
) -> None:
    """Change a document's title, URL, author, date or language (never its text).

    The change is recorded in the audit trail with the values before and after; giving the
    values it already has changes nothing.
    """
    from workbench.services.documents import edit_document

    for option in cleared:
        # Removing a value is --clear in every command; an empty value (--author ''), this
        # command's earlier spelling, still clears, for scripts.
        name = {"lang": "language"}.get(option, option)
        if given[name] not in (None, ""):
            raise click.UsageError(
                f"--{option} sets one and --clear {option} removes it: choose one"
            )
        given[name] = ""
    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        raise click.UsageError(
            "give at least one of --title, --url, --author, --published, --lang, --clear FIELD"
        )
    result = edit_document(workbench_from(ctx), document_id, **changes)
    if as_json:
        emit_json(result.to_json())
    elif result.changed:
        click.echo(f"document #{document_id}: changed {', '.join(result.changed)}")
    if not result.changed:
        # On stderr, --json or not, as every command says it changed nothing.
        message(f"document #{document_id} already has these values; nothing changed")


@doc.command("update")
@document_id_argument
@click.argument("file", metavar="[FILE|URL|-]", required=False, type=INPUT_FILE)
@format_option
@agent_option
@click.option(
    "--force",
    is_flag=True,
    help="Store a text that shares almost no wording with the current revision (another "
    "article?), or is under a third of its length (a paywall's stub?), which is otherwise "
    "refused: revisions are never deleted.",
)
@click.option(
    "--if-revision",
    "expected_revision",
    type=POSITIVE,
    metavar="R",
    help="Refuse unless DOC's latest revision is R (someone stored another since), before "
    "reading the source and again as it is stored.",
)
@json_context
def update(
    ctx: click.Context,
    document_id: int,
    file: str | None,
    fmt: str | None,
    user_agent: str | None,
    force: bool,
    expected_revision: int | None,
    as_json: bool,
) -> None:
    """Store a new revision of DOC and re-anchor its claims to it. With no FILE|URL|-, fetch
    DOC's stored URL again (its url in `doc show`: for a page, the canonical URL the page
    names, which may not be the address it was fetched from; stderr says which).

    Old revisions are kept as they were. Each claim is found again: exact, moved, fuzzy (its
    quote changed) or orphaned (its quote is gone); a verdict on a fuzzy or orphaned claim is
    flagged for re-review (`claim list --flagged`) and not exported until a new decision. A
    transcript line given to another speaker changes the speaker of the claims that took theirs
    from it, and flags their verdicts the same way. The same text as the latest revision stores
    nothing; an earlier revision's text again is stored and named. A flagged verdict not decided
    again whose words are back with their context (an edit undone, even after other edits) gets
    back the span it was given on and loses its flag; a claim with no verdict whose changed
    quote is back the same way gets back the span it was pinned to. An orphaned claim whose
    quote is back is said to be found again. The document's title and URL stay as they are: a
    page titled otherwise (a correction's new headline) is said on stderr, with the `doc edit`
    that takes its title, as is a page read by a guess at its encoding (as `doc add` says it);
    `doc changes` says each revision's new headline. Another revision stored while this one
    reads its source (another person's `doc update`) refuses it, nothing stored: run it again
    to read the source against that revision.
    """
    from workbench.domain.shell import command_line
    from workbench.services.documents import load_problem, update_from, user_agent_problem

    # With no FILE the stored URL is fetched with it: a user agent no header holds is bad
    # usage either way, told before the desk is read (review rfetch: exit 1 here, 2 there).
    problem = (
        user_agent_problem(user_agent)
        if file is None
        else load_problem(file, user_agent=user_agent)
    )
    usage_unless_none(problem)
    # A document with no stored URL to fetch again is refused (exit 1): the command line is
    # right for a document that has one.
    if file == "-":
        say_reading_stdin("the document's new text")
    result = update_from(
        workbench_from(ctx),
        document_id,
        file,
        fmt=fmt,
        user_agent=user_agent,
        force=force,
        expected_revision=expected_revision,
    )
    if result.fetched_again:
        # Not typed by the user: for a page, the canonical URL it names, so say which.
        message(f"fetched document #{document_id}'s URL {result.fetched_again}")
    _redirects(result.redirects)
    r = result.revision
    if result.read_as is not None:
        _read_as(result.read_as, document_id, "", "update it again")
    if result.stored_as_sent is not None:
        _stored_as_sent(result.stored_as_sent, document_id, "")
    if as_json:
        emit_json(result.to_json())
    if not result.created:
        # On stderr, --json or not, as every command says it changed nothing.
        # The check's time is in `doc show` and --json: the words stay the same run to run.
        spacing = " but for its spacing" if result.spacing_only else ""
        message(
            f"{revision_of(r.number, document_id)} already has this text{spacing}; nothing "
            "stored (recorded as checked)"
        )
        if result.earlier_reading:
            # Else the next real change of the page shows these words as the page's change.
            message(
                f"note: document #{document_id} holds this page's text as an earlier release "
                "read it; this release reads it otherwise (a <time>'s date kept, say), so the "
                "page's next change will show those words changed too"
            )
    if as_json or not result.created:
        return
    click.echo(
        f"stored {revision_of(r.number, document_id)}: {plural(r.length, 'character')}, "
        f"sha256 {r.sha256[:12]}"
    )
    if result.same_as is not None:
        click.echo(f"the text is revision {result.same_as}'s again")
    counts: dict[str, int] = {}
    for a in result.anchors:
        counts[a.state] = counts.get(a.state, 0) + 1
    if counts:
        click.echo("claims: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for a in result.anchors:
        if a.restored and not a.flag_cleared:
            click.echo(f"  #{a.claim_id} back on the words it was pinned to")
        elif a.restored:
            click.echo(
                f"  #{a.claim_id} back on the words its {_verdict(a)} was given on: "
                "no longer flagged"
            )
        elif a.found_again and a.state != "fuzzy":
            click.echo(f"  #{a.claim_id} quote found again: {clip(a.new_quote or '', 60)}")
        elif a.respelt:
            click.echo(
                f"  #{a.claim_id} quote respelt: {quote_change(a.old_quote, a.new_quote or '')}"
            )
        if a.state == "fuzzy" and a.new_quote == a.old_quote:
            # Its words, but in another passage (a correction notice repeating them): "quote
            # changed" would show no change.
            click.echo(
                f"  #{a.claim_id} quote found only in another passage, other words around it "
                f"({a.score:.2f}): {clip(a.old_quote, 60)}"
            )
        elif a.state == "fuzzy":
            again = " found again, its" if a.found_again else ""
            click.echo(
                f"  #{a.claim_id}{again} quote changed ({a.score:.2f}): "
                f"{quote_change(a.old_quote, a.new_quote or '')}"
            )
        elif a.state == "orphaned" and not a.gone_before:
            click.echo(f"  #{a.claim_id} quote gone: {clip(a.old_quote, 60)}")
        if a.new_speaker is not None:
            click.echo(
                f"  #{a.claim_id} speaker changed: {shown_name(a.old_speaker)} -> "
                f"{shown_name(a.new_speaker)} (the line is theirs in this revision)"
            )
    # Named once, as the desk's work still to do, not as this revision's doing (an earlier
    # revision removed their words and said so).
    still_gone = [f"#{a.claim_id}" for a in result.anchors if a.gone_before]
    if still_gone:
        click.echo("  still gone, as in the revision before: " + ", ".join(still_gone))
    _next_steps(result.anchors)
    if "url" in result.not_applied:
        # The stored URL is what exports cite: it changes only by `doc edit`, audited.
        given = result.not_applied["url"]
        warning(
            f"this text is from {given}, not document #{document_id}'s URL "
            f"{show_value(result.document_url)}, which stays; to change it: "
            + command_line(["workbench", "doc", "edit", str(document_id), "--url", given])
        )
    if "title" in result.not_applied:
        # Said, not applied: the desk often titles a document itself (trial68).
        title = result.not_applied["title"]
        stored = result.document_title
        kept = f"title {shown(stored)!r}" if stored else "empty title"
        warning(
            f"this page is titled {shown(title)!r}, not document #{document_id}'s {kept}, "
            "which stays; to change it: "
            + command_line(["workbench", "doc", "edit", str(document_id), "--title", title])
        )
    if result.flagged:
        ids = ", ".join(f"#{a.claim_id} ({_verdict(a, short=True)})" for a in result.flagged)
        one = len(result.flagged) == 1
        click.echo(
            f"flagged for re-review: {ids}: "
            + ("its verdict was" if one else "their verdicts were")
            + " given on the old text; exports withhold "
            + ("it" if one else "them")
            + " until a new decision (claim list --flagged)"
        )


def _next_steps(anchors: Sequence[AnchorOutcome]) -> None:
    """What the desk does about the claims this revision moved (newuser: the update listed
    "#6 quote gone" and stopped; `claim show` named the step): one whose quote it took out is
    pinned anew or withdrawn, and one whose text still gives a figure its changed quote no
    longer does is corrected (a revision changes no claim's text: extract's 35万 stays when
    the page now says 36万). A flagged verdict's own line names its step (confirm or reopen),
    and confirming it warns of such figures: not said twice. A withdrawn claim has none."""
    from workbench.domain.status import WITHDRAWN_VALUE, listed, pinned_anew_when_gone

    gone = [
        f"#{a.claim_id}"
        for a in anchors
        if a.state == "orphaned" and not a.gone_before and pinned_anew_when_gone(a.status)
    ]
    # A withdrawn claim is re-anchored with the rest, but is the desk's work no more: correcting
    # its text is refused (its span and text are what was taken back).
    anchors = [a for a in anchors if a.status != WITHDRAWN_VALUE]
    if gone:
        them = "it" if len(gone) == 1 else "them"
        click.echo(
            f"next: pin {', '.join(gone)} anew in this revision (`workbench claim edit ID "
            f"--quote TEXT`) or withdraw {them} (`workbench claim withdraw ID --reason TEXT`)"
        )
    for a in anchors:
        if a.stale_figures and not a.flagged:
            click.echo(
                f"next: #{a.claim_id}'s text still gives {listed(a.stale_figures)}, which this "
                f"revision took out of its quote: `workbench claim edit {a.claim_id} --text TEXT`"
            )


def _verdict(a: AnchorOutcome, *, short: bool = False) -> str:
    """The verdict a claim's words were judged with: in review, the one proposed (in_review is
    a status, not a verdict: a trial read "its verdict (in_review)" for a proposed misleading)."""
    if a.status == "in_review" and a.proposed_status:
        proposed = a.proposed_status
        return f"proposed {proposed}" if short else f"proposed verdict ({proposed})"
    return a.status if short else f"verdict ({a.status})"


@doc.command("revisions")
@document_id_argument
@json_context
def revisions(ctx: click.Context, document_id: int, as_json: bool) -> None:
    """List the revisions of DOC: number, sha256, length, when, who, source.

    A revision's source is where its text was read from: the file name, standard input or the
    URL fetched (after redirects), revision 1's as any other's. It is blank for a document
    added before sources were recorded (schema 0010).
    """
    from workbench.services.doc_show import list_revisions

    json_or_table(
        as_json,
        list_revisions(workbench_from(ctx), document_id),
        ["rev", "chars", "added", "by", "format", "sha256", "source"],
        lambda r: (
            r.number,
            r.length,
            r.created_at[:19],
            r.added_by,
            r.format,
            r.sha256[:12],
            clip(r.source or "", 40),
        ),
    )


@doc.command("diff")
@document_id_argument
@click.option("--from", "from_", type=POSITIVE, metavar="R", help="Older revision. [default: TO-1]")
@click.option("--to", type=POSITIVE, metavar="R", help="Newer revision. [default: the latest]")
@click.option(
    "--context",
    "context",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar="N",
    help="Characters of unchanged text shown on each side of a change (changes closer than "
    "twice N are shown together).",
)
@json_context
def diff(
    ctx: click.Context,
    document_id: int,
    from_: int | None,
    to: int | None,
    context: int,
    as_json: bool,
) -> None:
    """Show what changed between two revisions: passages inserted, deleted and replaced, with
    their offsets in both texts."""
    from workbench.services.revisions import diff_revisions

    d = diff_revisions(workbench_from(ctx), document_id, from_, to)
    if as_json:
        emit_json(d.to_json())
        return
    click.echo(f"document #{d.document_id}: revision {d.from_revision} -> {d.to_revision}")
    if not d.diff.changes:
        click.echo("no changes")
    for group in hunks(d.diff.changes, context):
        first, last = group[0], group[-1]
        what = first.op if len(group) == 1 else f"{len(group)} changes"
        click.echo(
            f"@@ {what} old [{first.old_start}:{last.old_end}] "
            f"new [{first.new_start}:{last.new_end}]"
        )
        click.echo("   " + changed_passages(d.old_text, d.new_text, group, context))


@doc.command("list")
@json_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """List the stored documents: rev, chars and sha256 are the current revision's."""
    from workbench.services.doc_list import list_documents

    json_or_table(
        as_json,
        list_documents(workbench_from(ctx)),
        ["id", "title", "lang", "rev", "chars", "added", "sha256"],
        lambda d: (
            d.id,
            clip(d.document.title or "", 50),
            d.document.language,
            d.revisions,
            d.latest.length,
            d.document.created_at[:10],
            d.latest.sha256[:12],
        ),
        empty="no documents yet: add one with `workbench doc add FILE`",
        droppable=("sha256", "added", "lang", "rev"),
    )


@doc.command("text")
@document_id_argument
@click.option(
    "--revision", type=POSITIVE, metavar="R", help="Which revision. [default: the latest]"
)
@click.pass_context
def text(ctx: click.Context, document_id: int, revision: int | None) -> None:
    """Print the stored text exactly (NFC, LF): the text that claim offsets count in.

    Into a pipe or file, byte for byte as stored (UTF-8; its sha256 is the document's). On a
    terminal, control characters are shown as \\uXXXX, never acted on (an ESC sequence would
    clear the screen).
    """
    import sys

    from workbench.domain.limits import visible
    from workbench.services.doc_show import document_text

    stored = document_text(workbench_from(ctx), document_id, revision)
    if is_terminal():
        click.echo(visible(stored), nl=False)
        return
    # Not click.echo: off a terminal it strips ANSI sequences, and the offsets would not line
    # up. Bytes, not sys.stdout's encoding: the stored text is UTF-8 whatever the locale.
    sys.stdout.flush()
    sys.stdout.buffer.write(stored.encode("utf-8"))
    sys.stdout.buffer.flush()


@doc.command("show")
@document_id_argument
@json_context
def show(ctx: click.Context, document_id: int, as_json: bool) -> None:
    """Show a document's metadata and its claims, with counts by status.

    length and sha256 are revision 1's (the text as added, said so once there are more); a
    document updated since also shows its current revision's (in JSON: current_length,
    current_sha256). The headline its
    current revision's page states is shown where it is not the title (the title is the
    desk's: `doc edit --title` changes it).
    """
    from workbench.services.doc_show import show_document

    detail = show_document(workbench_from(ctx), document_id)
    if json_out(as_json, detail):
        return
    d = detail.document
    # Revision 1's, beside the current revision's own row: said so, or trial308 read the
    # length as the page's now (`length  636 characters` beside `revision 3: 634 characters`).
    first = " (revision 1, as added)" if detail.current is not None else ""
    for label, value in (
        ("document", f"#{d.id}"),
        ("title", d.title),
        # The page's own, where it is not the desk's title (a correction's new headline).
        ("headline", detail.headline if detail.headline != d.title else None),
        ("url", d.url),
        ("author", d.author),
        ("published", d.published),
        ("language", d.language),
        ("length", plural(d.length, "character") + first),
        ("format", d.format if d.format != "text" else None),
        ("revisions", str(detail.revisions) if detail.revisions > 1 else None),
        ("sha256", d.sha256 + first),
        ("current", _current(detail)),
        ("added", f"{d.created_at} by {d.added_by}"),
        ("checked", _checked(detail)),
    ):
        if value:
            # As stored: a desk file written by hand may hold in its author or who added it
            # what input refuses, an ESC sequence that set the window's title (review256).
            click.echo(f"{label:>10}  {shown(value, one_line=True)}")
    counts = ", ".join(f"{k} {v}" for k, v in detail.status_counts.items() if v)
    click.echo(f"{'claims':>10}  {len(detail.claims)}" + (f" ({counts})" if counts else ""))
    if detail.claims:
        table(
            ["id", "status", "type", "anchor", "claim"],
            [
                (c.id, status_shown(c), c.type, c.anchor_state, clip(c.text, 60))
                for c in detail.claims
            ],
        )


def _checked(detail: DocumentDetail) -> str | None:
    """When the source was last read again and found to hold the current revision (`doc
    update` storing nothing): unchanged, or its words only spaced otherwise."""
    if detail.checked_at is None or detail.checked_revision is None:
        return None
    held = "held the text read but for its spacing" if detail.checked_spacing_only else "unchanged"
    return (
        f"{detail.checked_at} by {detail.checked_by}: "
        f"{revision_of(detail.checked_revision, detail.document.id)} {held}"
    )


def _current(detail: DocumentDetail) -> str | None:
    """The latest revision's length and hash, when it is not revision 1."""
    c = detail.current
    if c is None:
        return None
    return f"revision {c.number}: {plural(c.length, 'character')}, sha256 {c.sha256}"


@doc.command("changes")
@document_id_argument
@click.option("--since", type=SINCE_REVISION, metavar="R", help="Only revisions after R.")
@click.option(
    "--format",
    "fmt",
    type=TypedChoice(["text", "md", "json"]),
    default="text",
    show_default=True,
    help="--json is --format json.",
)
@json_context
def changes(
    ctx: click.Context, document_id: int, since: int | None, fmt: str, as_json: bool
) -> None:
    """The stealth-edit report: for each revision, what changed (a paragraph moved whole is a
    move, with its place in both), and for each claim the change touched, its old quote, its
    new quote (or "removed"), its speaker before and after if the revision gave its line to
    another, and its status and verdict before. An orphaned claim whose quote a revision has
    again is "found again" (its old quote "not in the text"). A revision whose page changed its
    headline says it (the document's title stays: `doc edit --title` changes it).
    """
    from workbench.services.changes import document_changes

    if as_json:
        # As every listing takes it (a trial's `doc changes 1 --json` was told "No such option").
        if fmt != "json" and ctx.get_parameter_source("fmt") != ParameterSource.DEFAULT:
            raise click.UsageError(f"choose one of --json and --format {fmt}")
        fmt = "json"
    report = document_changes(workbench_from(ctx), document_id, since)
    if fmt == "json":
        emit_json(report.to_json())
    elif fmt == "md":
        click.echo(changes_markdown(report))
    else:
        click.echo(changes_text(report))


def _quoted(text: str | None, missing: str = "removed") -> str:
    return missing if text is None else f"“{text}”"


# A quote that was in no text before the revision: its claim was orphaned, and is found again.
NOT_IN_TEXT = "not in the text"


def _passage(text: str) -> str:
    """A changed passage on one line: a line break shown as ↵ (as `doc diff` shows it), and a
    passage of spaces only as ␣, so that a line break that became a space is seen, not shown
    as an empty change ('' -> '', “ ” → “ ”)."""
    text = text.replace("\n", "\u21b5")
    return text.replace(" ", "\u2423") if text and not text.strip() else text


def _passage_clipped(text: str, limit: int = 40) -> str:
    """`_passage` cut to `limit` cells, its edge spaces kept as they are: `clip` reads a text
    as words and drops them, and trial308 saw the 16 characters `" after late vote"` shown as
    'after late vote' (the md format keeps them, in its quotes)."""
    passage = _passage(text)
    core = passage.strip()
    lead = passage[: len(passage) - len(passage.lstrip())]
    trail = passage[len(lead) + len(core) :]
    room = max(limit - len(lead) - len(trail), 1)
    return shown(lead) + clip(core, room) + shown(trail)


def changes_text(report: Any) -> str:
    title = f": {shown(report.title, one_line=True)}" if report.title else ""
    lines = [f"document #{report.document_id}{title}"]
    if report.url:
        lines.append(shown(report.url, one_line=True))
    if not report.revisions:
        lines.append("no revisions after the first")
    for rev in report.revisions:
        lines.append("")
        by = shown_name(rev.added_by)
        lines.append(
            f"revision {rev.number} ({rev.created_at[:19]} by {by}): "
            f"{len(rev.changes)} change(s), {len(rev.claims)} claim(s) touched"
        )
        if rev.headline is not None and rev.headline != rev.headline_before:
            was = "" if rev.headline_before is None else f"{shown(rev.headline_before)!r} -> "
            lines.append(f"  headline {was}{shown(rev.headline)!r}")
        for c in rev.changes:
            lines.append(
                f"  {c.op:<7} [{c.old_start}:{c.old_end}] -> [{c.new_start}:{c.new_end}]  "
                f"{_passage_clipped(c.old_text)!r} -> {_passage_clipped(c.new_text)!r}"
            )
        for t in rev.claims:
            lines.append(f"  claim #{t.claim_id} ({_standing(t)}): {clip(t.text, 60)}")
            lines.append(f"      before: {_quoted(t.old_quote, NOT_IN_TEXT)}")
            lines.append(f"      after:  {_quoted(t.new_quote)}")
            if t.new_speaker is not None:
                old, new = (shown_name(n) for n in (t.old_speaker, t.new_speaker))
                lines.append(f"      speaker {old} -> {new}")
    return "\n".join(lines)


def _standing(touched: Any) -> str:
    """A touched claim's standing before the revision, once: its verdict, else its status
    (the verdict is the status, when there is one)."""
    back = ""
    if touched.state == "restored":
        back = ", words back: flag cleared" if touched.flag_cleared else ", words back"
    if touched.found_again and not back:
        back = ", found again"
    if touched.respelt:
        back = ", quote respelt"
    if touched.verdict_before:
        return f"verdict {touched.verdict_before}{back}"
    return f"status {touched.status_before}{back}"


def changes_markdown(report: Any) -> str:
    # The page's and the desk's words as text, escaped as the audit timeline escapes them: a
    # headline's `*` or `[` made emphasis or a link of the report (rr306).
    from workbench.domain.md_escape import autolink, inline

    def cell(text: str | None, missing: str = "removed") -> str:
        return inline(_quoted(text, missing))

    title = inline(report.title) if report.title else f"document #{report.document_id}"
    lines = [f"# Changes to {title}", ""]
    if report.url:
        # As a link to the address: a `>` in it ended the link there (small325).
        lines += [f"Source: {autolink(report.url)}", ""]
    if not report.revisions:
        lines.append("No revisions after the first.")
    for rev in report.revisions:
        lines += [
            f"## Revision {rev.number} ({rev.created_at[:10]})",
            "",
            f"Stored by {shown_name(rev.added_by)} from "
            f"{inline(rev.source) if rev.source else 'unknown source'}; sha256 "
            f"`{rev.sha256}`. {len(rev.changes)} passage(s) changed.",
            "",
        ]
        if rev.headline is not None and rev.headline != rev.headline_before:
            # On one line, as the title heading the report is.
            was = "" if rev.headline_before is None else f"{inline(rev.headline_before)} → "
            lines += [f"Headline changed: {was}{inline(rev.headline)}", ""]
        if rev.claims:
            lines += [
                "| Claim | Before | After | Standing before |",
                "| --- | --- | --- | --- |",
            ]
            for t in rev.claims:
                respoken = (
                    f" (speaker {shown_name(t.old_speaker)} → {shown_name(t.new_speaker)})".replace(
                        "|", "\\|"
                    )
                    if t.new_speaker is not None
                    else ""
                )
                lines.append(
                    f"| #{t.claim_id} {cell(t.text)[1:-1]} | {cell(t.old_quote, NOT_IN_TEXT)} | "
                    f"{cell(t.new_quote)}{respoken} | {_standing(t)} |"
                )
            lines.append("")
        else:
            lines += ["No claim was touched.", ""]
        for c in rev.changes:
            lines.append(
                f"- {c.op}: {cell(_passage(c.old_text)) if c.old_text else '(nothing)'}"
                f" → {cell(_passage(c.new_text)) if c.new_text else '(nothing)'}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
