"""Options many commands share, declared once: --json, --limit, --offset, --output, --min-score,
--if-version, --format, the ID and DOC arguments, a person's NAME. Defaults come from
`workbench.defaults`, bounds from `workbench.domain.inputs` (the same ones the services apply)
and formats from the export registry. Imports only Click and import-free modules (fast `--help`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from workbench.cli.none_words import means_none
from workbench.defaults import BOARD_LIMIT, SCORE_MAX, SCORE_MIN
from workbench.domain import not_a_stream
from workbench.domain.clock import (
    EARLIEST_ACCESSED,
    UPDATED_AHEAD,
    parse_date,
    parse_since,
    parse_since_or_days,
    past_date,
    span_moment,
)
from workbench.domain.errors import InvalidInput
from workbench.domain.file_name import no_file_name
from workbench.domain.inputs import (
    check_at_least,
    check_hash,
    check_id,
    check_score,
    read_count,
    read_id,
    read_number,
    typed_word,
)
from workbench.exports.registry import Subject, check_bom, help_text, names

F = TypeVar("F", bound=Callable[..., Any])
Decorator = Callable[[F], F]

if TYPE_CHECKING:
    _ParamType = click.ParamType[Any, Any]  # generic in the Click the project type-checks with
else:
    _ParamType = click.ParamType


class _Checked(_ParamType):
    """A value (a number, a URL, a name, an address) checked by the library's own check, so a
    bad value is a usage error (exit 2) with the library's wording, and the rule is written
    down once."""

    def __init__(self, name: str, convert: Callable[[str], Any], check: Callable[[Any], Any]):
        self.name = name
        self._convert = convert
        self._check = check

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is None:
            return None
        try:
            number = self._convert(value) if isinstance(value, str) else value
        except ValueError:
            self.fail(f"{value!r} is not a valid {self.name}", param, ctx)
        try:
            return self._check(number)
        except InvalidInput as exc:
            self.fail(exc.message, param, ctx)


class TypedChoice(click.Choice[str]):
    """A word of a fixed set (a status, a type, a priority) as a person types it: in any case,
    and full-width as a Chinese IME types it (ｖｅｒｉｆｉｅｄ, ＨＩＧＨ), read as the imports read
    a claims table's cells (`inputs.typed_word`, fix222). A word naming none is refused as
    typed, by Click's own words."""

    def __init__(self, choices: Sequence[str]) -> None:
        super().__init__(choices, case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            value = typed_word(value, self.choices)
        return super().convert(value, param, ctx)


def _count(field: str, minimum: int) -> _Checked:
    return _Checked("integer", read_count, lambda n: check_at_least(n, minimum, field))


SCORE = _Checked("score", read_number, check_score)
# Every integer a command takes is range-checked here, at the edge (workbench.defaults.INT_MAX).
ID = _Checked("integer", read_id, check_id)
VERSION = _Checked("integer", read_count, lambda n: check_id(n, "version"))


def assigned_ids(ctx: click.Context, words: Sequence[str], owner_given: bool) -> list[int]:
    """`claim assign`'s IDs, as ID reads them. `claim tag 3 money`, `claim priority 3 high` and
    `claim due 3 DATE` take their value after the IDs, so a new user typed `claim assign 3 bob`
    and was told only that bob "is not a valid integer" (newuser): a word holding a letter is
    told as no claim ID and, unless --to, --clear or --from is given (`owner_given`), as the
    owner it most likely is, with where --to takes it. A word with no letter (`3,4`, `3-5`,
    `1.5`) is a mistyped ID, no name: told as ID tells it (rnewuser: it was offered as the
    owner, `--to 3,4`). Read in the command, which knows whether an owner was given: Click
    converts an argument before an option typed after it."""
    import unicodedata

    param = next(p for p in ctx.command.params if p.name == "words")
    ids: list[int] = []
    for word in words:
        try:
            read_id(word)
        except ValueError:
            if any(unicodedata.category(ch).startswith("L") for ch in word):
                from workbench.domain.shell import shell_word

                said = f"{word!r} is not a claim ID"
                if not owner_given:
                    said += (
                        "; an owner is given with --to "
                        f"(claim assign ID... --to {shell_word(word)})"
                    )
                raise click.BadParameter(said, ctx, param) from None
        ids.append(ID.convert(word, param, ctx))
    return ids


OFFSET = _count("offset", 0)
# A revision to count from (`doc changes --since R`; 0 is before the first).
SINCE_REVISION = _count("revision", 0)
POSITIVE = _count("number", 1)
# A position in the audit trail (0: before its first event), and an event's hash (a head noted
# with `audit head`), as `audit export --after-seq` and `--after` take them.
SEQ = _count("seq", 0)
HASH = _Checked("hash", str, lambda text: check_hash(text, "after"))


def _date_text(parse: Callable[[str], object]) -> Callable[[str], str]:
    """A date option's text, as typed, once the library's own `parse` takes it: a malformed
    date is then bad usage (exit 2) like a malformed number. The services parse it again, for
    dates that come from files (refused, exit 1). '' passes: `doc edit --published ''` clears."""

    def check(value: str) -> str:
        if value:
            parse(value)
        return value

    return check


# Every date option: DAY a date (YYYY-MM-DD); PAST_DAY one that has come (a publication, a
# page read: `past_date`); MOMENT a date or an ISO 8601 date-time.
DAY = _Checked("date", str, _date_text(lambda v: parse_date(v, "")))
PAST_DAY = _Checked("date", str, _date_text(lambda v: past_date(v, "date")))
# A page read (evidence --accessed): its floor (1990) checked here too, so every bound of the
# option is bad usage (trial56: the floor, checked by the service alone, was exit 1).
ACCESSED_DAY = _Checked(
    "date", str, _date_text(lambda v: past_date(v, "date", earliest=EARLIEST_ACCESSED))
)
MOMENT = _Checked("date", str, _date_text(parse_since))
# A span's end (--since/--until of stats, audit export, export claimreview): MOMENT, or Nd
# made the moment it means now (`span_moment`: one time for the check, the query and the file).
# '' passes as typed, as it did (MOMENT's).
SPAN_MOMENT = _Checked("date", str, lambda v: span_moment(v) if v else v)


class _FileName(_ParamType):
    """A file's name as typed, judged by the one rule of docs/errors.md ("A file's name"): what
    the words alone make no file's name, an empty one or one holding a NUL byte (which no system
    takes: it was a traceback), and `-` where the command takes no standard stream (`refuse_dash`
    says why), are bad usage, exit 2. Everything else is looked up by the command, and what it
    finds there (a folder, nothing, a file on the way, a pipe) is a refusal, exit 1: not Click's
    own checks, which made an existing folder (dir_okay=False) or an unreadable file
    (readable=True) exit 2 where the rest was 1 (trial252)."""

    name = "file"

    def __init__(self, refuse_dash: str | None = None) -> None:
        self._refuse_dash = refuse_dash

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        if value == "-" and self._refuse_dash is not None:
            raise click.UsageError(self._refuse_dash, ctx)  # (it names the `-` itself)
        why = no_file_name(value)
        if why is not None:
            # Said as the library says a bad name (`--to ...`), not Click's "Invalid value".
            raise click.UsageError(f"{_param_name(param)} {_shown(value)}: {why}", ctx)
        return value


def _shown(value: str) -> str:
    """The path as typed, quoted as a shell reads it back when it must be (`''`, a NUL)."""
    if value and value.isprintable():
        return value
    from workbench.domain.shell import shell_word

    return shell_word(value)


# A file a command reads (`-`: standard input), and one it writes (`-`: standard output).
INPUT_FILE = _FileName()
OUTPUT_FILE = _FileName()
# A file and never a stream: `backup`'s, `import bundle`'s, `import claims`' and `evidence add
# --file`'s.
BACKUP_FILE = _FileName(not_a_stream.BACKUP)
BUNDLE_FILE = _FileName(not_a_stream.BUNDLE)
CLAIMS_FILE = _FileName(not_a_stream.CLAIMS)
EVIDENCE_FILE = _FileName(not_a_stream.EVIDENCE)


def _since_or_days_text(value: str) -> str:
    # Not `_date_text`: an empty WHEN clears nothing here, it is a mistake.
    parse_since_or_days(value)
    return value


# MOMENT, or Nd: N days ago (`claim list --untouched-since 7d`).
SINCE_OR_DAYS = _Checked("date", str, _since_or_days_text)


def _changed_since_text(value: str) -> str:
    parse_since_or_days(value, UPDATED_AHEAD)
    return value


# The same for `claim list --updated-since`, whose time ahead lists no claim.
CHANGED_SINCE = _Checked("date", str, _changed_since_text)


def _language_text(value: str) -> str:
    """--lang as typed, once it is shaped as a language tag (zh, en, zh-Hant): a name such as
    中文 is then bad usage (exit 2). The services check it again, for tags from files (a seed
    file's: refused, exit 1). '' passes: `doc edit --lang ''` clears."""
    if value.strip():
        # Imported here: the module compiles its patterns, 1.5 ms of every command's start-up.
        from workbench.domain.limits import check_language

        check_language(value.strip())
    return value


LANGUAGE = _Checked("language tag", str, _language_text)


def _person_text(value: str) -> str:
    """A name as typed, once it names someone: empty or spaces alone is bad usage (exit 2), as
    an empty --as is."""
    if not value.strip():
        raise InvalidInput("a person's name is needed, and this one is empty")
    return value


class _Person(_Checked):
    """A person's name to record or to find among the desk's people, checked as a name as
    typed (domain.identity.normalise_name): one that no desk would take (an invisible
    character, letters of two scripts imitating each other, over 100 characters) is bad usage
    (exit 2) in the library's words, as it is for --as. The services normalise it again; one
    refused for looking like a registered name depends on the desk (refused, exit 1)."""

    # `user add NAME`: held to the narrower width of a name registered (identity.registrable).
    registers: bool = False

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        value = super().convert(value, param, ctx)
        if value is None:
            return None
        from workbench.domain.identity import normalise_name, registrable

        try:
            normal = normalise_name(value, _param_name(param))
            if self.registers:
                registrable(normal, _param_name(param))
        except InvalidInput as exc:
            # Said as the service says it (`--to 'аlice' mixes scripts...`), not as Click's
            # "Invalid value for '--to': --to ...".
            raise click.UsageError(exc.message, ctx) from None
        return value


class _NewPerson(_Person):
    registers = True


def _param_name(param: click.Parameter | None) -> str:
    """How a message names the parameter: its longest option (--to), or an argument's
    metavar (NAME)."""
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    if param is not None:
        return param.human_readable_name
    return "the name"


# Every option or argument that names a person to record or to find among the desk's people
# (--assignee, `user add NAME`); not where '' means "none" (`claim edit --speaker ''`).
PERSON = _Person("name", str, _person_text)
# A name to register: one over 64 characters is the name's own fault too (docs/identity.md),
# though a longer one an older release registered on SQLite still acts under PERSON.
NEW_PERSON = _NewPerson("name", str, _person_text)


def _owner_text(value: str) -> str:
    """An owner given (`claim assign --to NAME`): an empty one was most likely meant to remove
    the owner, which --clear does, so the refusal says so."""
    if means_none(value, words=False):
        raise InvalidInput(
            "a person's name is needed, and this one is empty; use --clear to remove the owner"
        )
    return value


OWNER = _Person("name", str, _owner_text)
# A name matched against those recorded (`claim list --speaker`, `audit export --actor`): empty
# is bad usage, but a name recorded before today's rules of names must still be found.
RECORDED_NAME = _Checked("name", str, _person_text)


def _typed_text(value: str, empty: Callable[[str], None]) -> str:
    """A text typed (a note, a claim's text), as typed, unless it is empty by its own rule in
    the domain (`empty` refuses it): bad usage (exit 2), as an empty --to NAME is. What a text
    holds (a control character, its length) is the service's to refuse (exit 1), and so is what
    `-` (standard input, read later) turns out to hold."""
    if value != "-":
        empty(value)
    return value


def _note_text(value: str) -> str:
    # Imported here: the domain's text modules are no part of `--help`.
    from workbench.domain.note_text import note_empty

    return _typed_text(value, note_empty)


def _claim_text(value: str) -> str:
    from workbench.domain.claim_identity import claim_text_empty

    return _typed_text(value, claim_text_empty)


# A note typed where it is a note (`note add`'s TEXT|-, `claim edit --note`, `note
# internal/public --note`) and `claim add`/`claim edit`'s --text: checked by the parser by the
# rule the service asks (docs/errors.md, "A value typed"). Not a verdict's reason (`claim status
# --note`, `claim withdraw --reason`, `claim reject --note`): its own rule says "needs a reason",
# and '' is no reason where none is needed.
NOTE_TEXT = _Checked("note", str, _note_text)
CLAIM_TEXT = _Checked("text", str, _claim_text)


def _citation_text(value: str) -> str:
    from workbench.domain.limits import citation_text

    citation_text(value)
    return value


# `evidence add --citation`: empty typed is bad usage by the service's own rule.
CITATION_TEXT = _Checked("text", str, _citation_text)


def _url_text(*, blank: bool) -> Callable[[str], str]:
    """An http(s) URL option's text, as typed, once the library's own check takes it
    (`check_http_url`): `evidence add --url notaurl` is then bad usage (exit 2)
    like a malformed date. The services check it again, for URLs from files and pages
    (refused, exit 1). With `blank`, '' passes: `doc edit --url ''` clears the URL."""

    def check(value: str) -> str:
        if blank and not value.strip():
            return value
        # Imported here: urllib.parse is 2 ms of a start-up, and only these commands need it.
        from workbench.domain.urls import check_http_url

        check_http_url(value)
        return value

    return check


# Every option that takes a web address: URL (evidence add --url; ORG_URL below)
# and URL_OR_BLANK, where '' means none (doc add --url, doc edit --url).
URL = _Checked("URL", str, _url_text(blank=False))
URL_OR_BLANK = _Checked("URL", str, _url_text(blank=True))


def _url_template(value: str) -> str:
    from workbench.exports.claimreview import check_url_template

    return check_url_template(value)


# `export claimreview --url-template`: {id} and no other placeholder, checked as typed.
URL_TEMPLATE = _Checked("URL template", str, _url_template)


def _org_url(value: str) -> str:
    from workbench.exports.claimreview import published_url

    return published_url(value)


# `export claimreview --org-url`: a URL, and none of the characters no URL holds as they are,
# since every review publishes it (review54).
ORG_URL = _Checked("URL", str, _org_url)


def _publisher(value: str) -> str:
    from workbench.exports.claimreview import publisher_name

    return publisher_name(value)


def _email(value: str) -> str:
    from workbench.domain.people import email_address

    return email_address(value)


def _display(value: str) -> str:
    from workbench.domain.display_names import display_name

    return display_name(value)


# `export claimreview --org`, `user add --email` and `--display`, checked as typed (bad usage,
# as a URL or a bad name is).
PUBLISHER = _Checked("name", str, _publisher)
EMAIL = _Checked("address", str, _email)
DISPLAY = _Checked("display name", str, _display)


def json_option(fn: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(fn)


def json_context(fn: Callable[..., Any]) -> Callable[..., Any]:
    """What a command that prints a result takes last: --json, and the context (the workbench
    to run against). The command is called as fn(ctx, ..., as_json)."""
    return json_option(click.pass_context(fn))


claim_id_argument = click.argument("claim_id", metavar="ID", type=ID)
document_id_argument = click.argument("document_id", metavar="DOC", type=ID)


def limit_option(help: str = "At most N.", *, default: int | None = None) -> Decorator[Any]:
    """`--limit N`, the same on every command: 0 or more, and 0 lists none."""
    return click.option(
        "--limit",
        type=_count("limit", 0),
        default=default,
        show_default=default is not None,
        metavar="N",
        help=help,
    )


def limit_zero(limit: int | None, what: str) -> str | None:
    """What an empty table says when --limit 0 asked for none of `what` (as it does for every
    command: "at most 0"): that the limit left the table empty, not that nothing matched."""
    return f"--limit 0: no {what} listed" if limit == 0 else None


def board_limit_option(help: str) -> Decorator[Any]:
    """`--limit` of the desk board's short lists (`demo`, `stats`)."""
    return limit_option(help, default=BOARD_LIMIT)


def span_options(since: str) -> Decorator[Any]:
    """`--since DATE` (help `since`: what it selects from DATE on) and `--until DATE` (either
    also Nd: N days ago), a span of the trail's time (`stats`, `export claimreview`); their
    rules are services.activity.span_problem's."""

    def decorate(fn: F) -> F:
        fn = click.option(
            "--until",
            type=SPAN_MOMENT,
            metavar="DATE",
            help="With --since: up to DATE (a date: that day; Nd: N days ago).",
        )(fn)
        return click.option(
            "--since",
            type=SPAN_MOMENT,
            metavar="DATE",
            help=f"{since} from DATE on (UTC; a date: from that day's start; Nd: N days ago, "
            "7d a week).",
        )(fn)

    return decorate


def import_options(unit: str) -> Decorator[Any]:
    """What both imports of claims into a document take (`import annotations`, `import
    claims`), `unit` naming their file's item: the document to anchor in (`--doc DOC`),
    `--skip-bad` and `--dry-run`, which mean the same to both."""

    def decorate(fn: F) -> F:
        fn = click.option(
            "--dry-run",
            is_flag=True,
            help=f"Check every {unit} and say what the import would do; write nothing.",
        )(fn)
        fn = click.option(
            "--skip-bad", is_flag=True, help=f"Import the good {unit}s; list the bad ones."
        )(fn)
        return click.option(
            "--doc", "document_id", type=ID, required=True, metavar="DOC", help="Anchor in DOC."
        )(fn)

    return decorate


def after_options(after: str, after_seq: str) -> Decorator[Any]:
    """`--after HEAD` and `--after-seq N`: a position in the audit trail, a head noted earlier
    (`audit export`, `export claimreview`; help `after` and `after_seq`: what each selects
    after it). Their values are checked as typed (bad usage); whether the trail holds them,
    by services.audit.pin_after."""

    def decorate(fn: F) -> F:
        fn = click.option("--after-seq", "after_seq", type=SEQ, metavar="N", help=after_seq)(fn)
        return click.option("--after", "after_head", type=HASH, metavar="HEAD", help=after)(fn)

    return decorate


def offset_option(fn: F) -> F:
    return click.option(
        "--offset",
        type=_count("offset", 0),
        default=0,
        metavar="N",
        help="Skip the first N.",
    )(fn)


def count_option(help: str) -> Decorator[Any]:
    return click.option("--count", type=_count("count", 0), metavar="N", help=help)


def min_score_option(default: float, what: str) -> Decorator[Any]:
    return click.option(
        "--min-score",
        type=SCORE,
        default=default,
        show_default=True,
        help=f"Least {what} ({SCORE_MIN:g}..{SCORE_MAX:g}) to list.",
    )


def output_option(help: str, *, required: bool = False) -> Decorator[Any]:
    return click.option(
        "--output",
        "-o",
        required=required,
        type=OUTPUT_FILE,
        help=help,
    )


def stdout_or_file_option(fn: F) -> F:
    """`-o FILE` of a command that writes to stdout without it (the exports, `audit export`)."""
    option: Decorator[F] = output_option(
        "Write to FILE (atomically; an existing one only with --force) instead of stdout."
    )
    return option(fn)


def force_option(fn: F) -> F:
    """`--force`: replace an existing -o FILE (without it, an existing file is refused)."""
    return click.option(
        "--force",
        is_flag=True,
        help="Replace FILE if it exists (without --force an existing file is refused). The new "
        "file is written whole, then put in its place; a symbolic link there is replaced, not "
        "written through (said on stderr). The new file has a new file's permissions (0666 "
        "less the umask): a read-only FILE is replaced by a writable one.",
    )(fn)


def format_option(subject: Subject) -> Decorator[Any]:
    """`--format`: the formats registered for `subject`; by default the one `-o FILE`'s
    extension names (`format_for`), else the first."""
    return click.option(
        "--format",
        "fmt",
        type=TypedChoice(names(subject)),
        default=names(subject)[0],
        show_default=True,
        # The subject's own extensions (trial48: audit export named .json, which it refuses).
        help=help_text(subject)
        + " Without --format, -o FILE's extension chooses ("
        + ", ".join(f".{name}" for name in names(subject))
        + ").",
    )


# Extensions that name a file format, and the format (an alias: .htm is HTML, .ndjson JSON
# Lines). -o FILE with one the command does not write is bad usage: session 45's new user
# got CSV in c.jsonl and JSON Lines in a.xlsx, each with "wrote". Other extensions (.txt,
# .out, none) name nothing and take the default.
FORMAT_EXTENSIONS = {
    "json": "json",
    "jsonld": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "csv": "csv",
    "tsv": "tsv",
    "xlsx": "xlsx",
    "xls": "xls",
    "ods": "ods",
    "html": "html",
    "htm": "html",
    "md": "md",
    "markdown": "md",
    "xml": "xml",
    "yaml": "yaml",
    "yml": "yaml",
    "pdf": "pdf",
}


def _extension(output: str) -> str:
    """-o FILE's extension as typed ("" for none: a dot in a folder's name is no extension)."""
    return output.rpartition(".")[2] if "." in output.rpartition("/")[2] else ""


def named_format(output: str | None, writes: Sequence[str]) -> str | None:
    """The format `-o FILE`'s extension names, if it is one of `writes` (None: it names none);
    bad usage if it names a format that is not."""
    if not output or output == "-":
        return None
    suffix = _extension(output).lower()
    named = FORMAT_EXTENSIONS.get(suffix)
    if named is not None and named not in writes:
        raise click.UsageError(
            f"-o {output} names a .{suffix} file; this command writes {', '.join(writes)}"
        )
    return named


def format_for(ctx: click.Context, subject: Subject, fmt: str, output: str | None) -> str:
    """The format to write of `subject`'s (`chosen_format`)."""
    return chosen_format(ctx, fmt, output, names(subject))


def chosen_format(ctx: click.Context, fmt: str, output: str | None, writes: Sequence[str]) -> str:
    """The format to write, for every command with --format and -o (the exports, `audit
    export`, `report`): `--format` as given, or the one `-o FILE`'s extension names (a trial's
    `export claims -o c1.json` wrote CSV into c1.json, which `import claims` then could not
    read). A given --format that contradicts the extension is bad usage, as is an extension
    naming a format the command does not write (`named_format`)."""
    named = named_format(output, writes)
    if ctx.get_parameter_source("fmt") == click.core.ParameterSource.DEFAULT:
        return named or fmt
    if named is not None and named != fmt.lower():
        # (the extension as typed: .ndjson, not the .jsonl it names)
        raise click.UsageError(
            f"-o {output} names a .{_extension(str(output))} file but --format is {fmt}"
        )
    return fmt


def bom_option(fn: F) -> F:
    return click.option(
        "--bom",
        is_flag=True,
        help="Start the CSV with a UTF-8 byte order mark, for Excel (without one, Excel on "
        "Chinese Windows reads it as GBK). Not for pipes.",
    )(fn)


def bom_misused(csv_flag: str) -> click.UsageError:
    """--bom with output that is not CSV: bad usage (exit 2), told before anything is read."""
    return click.UsageError(
        f"--bom is for {csv_flag}: only a CSV starts with a UTF-8 byte order mark"
    )


def check_bom_usage(bom: bool, subject: Subject, fmt: str) -> None:
    """`bom_misused` for a --format that is not CSV: the library's rule
    (exports.registry.check_bom), asked before the call."""
    try:
        check_bom(bom, subject, fmt)
    except InvalidInput:
        raise bom_misused("--format csv") from None


def doc_filter_option(help: str) -> Decorator[Any]:
    """`--doc DOC`: keep only what concerns one document."""
    return click.option("--doc", "document_id", type=ID, metavar="DOC", help=help)


def if_version_option(fn: F) -> F:
    return click.option(
        "--if-version",
        "expected_version",
        type=VERSION,
        metavar="N",
        help="Refuse if the claim is no longer at this version (someone changed it since).",
    )(fn)
