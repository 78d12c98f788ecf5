"""Turning `--db` / `WORKBENCH_DB` into a database URL (SQLAlchemy's form: the engine's; the
read paths derive their driver's address from it). Imports nothing heavy."""

from __future__ import annotations

import os

DEFAULT_DB = "workbench.db"


def resolve_url(value: str | None = None) -> str:
    """A file path becomes a SQLite URL; a URL is used as given (PostgreSQL via psycopg 3).

    Given empty, or WORKBENCH_DB set but empty, it is refused like an empty actor: a value
    lost on the way would otherwise open ./workbench.db, quietly, as another database."""
    from workbench.domain.errors import EMPTY_SETTING, InvalidInput, give

    given = value is not None
    if value is None:
        value = os.environ.get("WORKBENCH_DB")
        if value is not None and not value.strip():
            raise InvalidInput(
                "WORKBENCH_DB is set but empty: set it to a SQLite file or a database URL, or "
                f"unset it to use ./{DEFAULT_DB}",
                reason=EMPTY_SETTING,
            )
    elif not value.strip():
        raise InvalidInput(
            f"the database needs a name: an empty one would open ./{DEFAULT_DB} unasked",
            hint=give("database"),
            reason=EMPTY_SETTING,
        )
    raw = value or DEFAULT_DB
    if raw == "-":
        _not_a_stream(named="--db -" if given else "WORKBENCH_DB=-")
    if "\0" in raw:
        _no_nul(named="--db" if given else "WORKBENCH_DB")
    if not is_url(raw):
        # os.path, not pathlib: pathlib imports urllib.parse and ipaddress, 3 ms of every
        # command's start-up (Path.resolve is this realpath).
        return "sqlite:///" + os.path.realpath(os.path.expanduser(raw))
    scheme, _, rest = raw.partition("://")
    # The driver a URL names (dialect+driver://, as an application's settings write it) is
    # ours to choose: SQLite through Python's sqlite3, PostgreSQL through psycopg 3, the ones
    # shipped (review60: sqlite+aiosqlite:// was a traceback, and a read through
    # sqlite+pysqlite:// created the file it then found no tables in).
    dialect = scheme.partition("+")[0].lower()
    if dialect == "sqlite":
        return "sqlite://" + rest
    if dialect in ("postgresql", "postgres"):
        _no_database_named(rest)
        # psycopg 3 is the driver we ship; SQLAlchemy would otherwise look for psycopg2.
        return "postgresql+psycopg://" + rest
    return raw


def given_db(db: str | None) -> str | None:
    """The database as its user gave it: --db's value, else WORKBENCH_DB's; None when neither
    is set (the default, ./workbench.db). Asked where the workbench is opened and where the CLI
    judges an output before opening it, so both name the same database back."""
    return db if db is not None else os.environ.get("WORKBENCH_DB")


def typed_file(given: str | None) -> str | None:
    """The database's file name as typed (`given_db`'s value, or ./workbench.db when it is
    None), or None for a URL: a link by that name leads to the desk, so an output written by
    it would replace the desk's link rather than the desk (new_file.onto_the_database). One
    answer for every output: `backup` left out the default and called a link
    ./workbench.db to the desk a file that exists, where `-o` called it the database."""
    typed = given if given is not None else DEFAULT_DB
    return None if is_url(typed) else typed


def is_url(value: str) -> bool:
    """Whether a --db / WORKBENCH_DB value is a URL (taken as given) rather than a file path
    (made a SQLite URL): the one test, asked where the value is resolved and where a path is
    judged as typed (Workbench.not_a_file)."""
    return "://" in value


def _not_a_stream(named: str) -> None:
    """Refuse `-` as the database: everywhere else in the workbench it is standard input or
    output, and taken as a path it quietly made (and filled) a database in a file named `-`
    in the current folder. A setting of workbench's given badly: bad usage."""
    from workbench.domain.errors import NOT_A_DATABASE, InvalidInput, give

    raise InvalidInput(
        f"{named}: a database is a file or a URL, not standard input (a file named - is ./-)",
        hint=give("database"),
        reason=NOT_A_DATABASE,
    )


def _no_nul(named: str) -> None:
    """Refuse a NUL byte in the database's name or URL: no file's name holds one, and opening
    it was a traceback (ValueError: embedded null byte). Bad usage, as every file's name with
    one is (docs/errors.md, "A file's name")."""
    from workbench.domain.errors import NOT_A_DATABASE, InvalidInput, give

    raise InvalidInput(
        f"{named}: a file's name or a URL cannot hold a NUL byte",
        hint=give("database"),
        reason=NOT_A_DATABASE,
    )


def _no_database_named(rest: str) -> None:
    """Refuse a PostgreSQL URL (past its "scheme://") that names no database: libpq would
    connect to the server's default one (for user postgres, the maintenance database) and
    the schema would be written there. A setting of workbench's given badly: bad usage."""
    from workbench.domain.errors import EMPTY_SETTING, InvalidInput

    address, _, query = rest.partition("?")
    _, _, database = address.partition("/")
    if database.strip() or "dbname=" in query:
        return
    shown = safe_url("postgresql://" + address.rstrip("/"))
    raise InvalidInput(f"the URL names no database: {shown}/NAME", reason=EMPTY_SETTING)


# What a SQLite file is usually called; a bare name without one reads as a database's name.
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db3")
# What `meant_url` makes of a bare name: a guess (it may well be a file), where the other URLs
# it gives are what a value shaped as a server's address meant.
BARE_NAME_MEANT = "postgresql://USER@HOST/"


def meant_url(value: str) -> str | None:
    """The PostgreSQL URL that a --db value read as a SQLite file name may have meant, or None
    when it looks like a file: a URL whose '://' was mistyped (postgres:/host/db,
    postgresql//host/db), a host:port/db, or a bare name with no folder and no .db suffix."""
    import re

    typo = re.fullmatch(r"postgres(?:ql)?(?:\+\w+)?(?::/{0,3}|/{1,3})(.+)", value, re.I)
    if typo:
        return "postgresql://" + typo[1]
    if re.match(r"[\w.-]+:\d+/\w", value):
        return "postgresql://USER@" + value
    if "/" in value or os.sep in value or value.lower().endswith(SQLITE_SUFFIXES):
        return None
    return BARE_NAME_MEANT + value


def check_url(url: str, given: str | None = None) -> None:
    """Refuse, with one line, a URL no command can work with (before any connection); `given`,
    the --db / WORKBENCH_DB value it was made from."""
    from workbench.domain.errors import InvalidInput
    from workbench.domain.shell import shell_word

    if url.startswith("sqlite"):
        if url in ("sqlite://", "sqlite:///", "sqlite:///:memory:") or ":memory:" in url:
            raise InvalidInput(
                f"{url} is an in-memory database that vanishes when the command ends: "
                "give a file (--db PATH)"
            )
        if "?" in url:
            # SQLAlchemy reads what follows "?" as URL options: writes would go to the file
            # named by the part before it, while reads look for the whole name.
            meant = meant_url(given) if given else None
            # A PostgreSQL URL with its `:/` mistyped carries its query (?options=...): the
            # URL meant, as --db takes it from a shell (`?` and `&` are the shell's).
            url_meant = (
                f"; a PostgreSQL URL starts with postgresql://: --db {shell_word(meant)}"
                if meant is not None and not meant.startswith(BARE_NAME_MEANT)
                else ""
            )
            raise InvalidInput(
                f"{url.removeprefix('sqlite:///')}: a SQLite file name with '?' is not "
                f"supported (what follows it would be read as URL options): rename the file"
                + url_meant
            )
        return
    if not url.startswith("postgresql"):
        raise InvalidInput(
            f"unsupported database URL {safe_url(url)}: use a SQLite file or postgresql://..."
        )
    # Imported here, past SQLite's return: urllib.parse loads ipaddress, 2 ms of start-up.
    from urllib.parse import urlsplit

    try:
        urlsplit(url).port  # noqa: B018 (parsing the port is the check)
    except ValueError as exc:
        raise InvalidInput(malformed_url(url, exc)) from None


def malformed_url(url: str, why: object) -> str:
    """The refusal of a URL that is no database address (a port "abc"), password left out."""
    return f"malformed database URL {safe_url(url)}: {why}"


def cannot_open(url: str, why: object) -> str:
    """The refusal of a database the driver could not open or read, its secrets left out: the
    URL's and the driver's own words, which may quote one (review59: libpq refused a password
    typed with a raw '%' by quoting it, `invalid percent-encoded token: "Pa%ss9"`)."""
    said = without_secret_values(url, str(why))
    why = _read_only_folder(url, said) or _full_disk(url, said)
    return f"cannot open database {safe_url(url)}: {said}{why}"


def _read_only_folder(url: str, said: str) -> str:
    """Why SQLite could not open a file that is there: its folder takes no new file, and a
    database in WAL mode keeps two beside it (review60: a copy on a read-only disk said only
    "unable to open database file", reads included). A file that is not there (a new
    database) cannot be made there either (trial158: `--db new.db demo` in a read-only folder
    said only SQLite's words); a folder that is not there is the caller's to say (trial48)."""
    if not url.startswith("sqlite:///") or "unable to open" not in said:
        return ""
    path = url.removeprefix("sqlite:///")
    path = path if path.startswith("/") else "./" + path
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder) or os.access(folder, os.W_OK):
        return ""
    if not os.path.lexists(path):
        return (
            f" (its folder {folder} is read-only: a new database cannot be made there; "
            "give --db a path in a folder you can write to)"
        )
    if not os.path.isfile(path):
        return ""
    return (
        f" (its folder {folder} is read-only, and SQLite keeps its -wal and -shm files beside "
        "the database, reads included: copy the file to a writable folder)"
    )


def _full_disk(url: str, said: str) -> str:
    """Why SQLite could not open a file on a disk with no room left: it makes its 32 KB -shm
    file beside a database in WAL mode when it opens it, and with no room says "disk I/O error"
    (SQLITE_IOERR_SHMSIZE), which reads as a failing drive (trial96)."""
    if not url.startswith("sqlite:///") or not ("I/O error" in said or "is full" in said):
        return ""
    folder = os.path.dirname(os.path.abspath(url.removeprefix("sqlite:///")))
    try:
        room = os.statvfs(folder).f_bavail
    except (OSError, AttributeError):  # a folder that is not there; Windows has no statvfs
        return ""
    if room > 0:
        return ""
    return (
        f" (the disk holding {folder} is full: SQLite needs room beside the database for its "
        "-wal and -shm files, reads included; free some space)"
    )


def without_secret_values(url: str, text: str) -> str:
    """`text` with every secret of `url` (its password, as typed and as decoded, and the values
    of its SECRET_PARAMETERS) replaced by `***`, the longest first."""
    if url.startswith("sqlite"):
        return text
    import re
    from urllib.parse import unquote, unquote_plus

    found = re.fullmatch(_USERINFO, url, re.S)
    if found is None:
        return text
    values: set[str] = set()
    userinfo = url[len(found["scheme"]) :].partition("@")
    if found["user"] is not None and ":" in userinfo[0]:
        raw = userinfo[0].partition(":")[2]
        values.update({raw, unquote(raw)})
    for pair in found["rest"].partition("?")[2].split("&"):
        key, _, value = pair.partition("=")
        if unquote_plus(key).strip().lower() in SECRET_PARAMETERS:
            values.update({value, unquote_plus(value)})
    for value in sorted((v for v in values if v), key=len, reverse=True):
        text = text.replace(value, "***")
    return text


# A URL's user and password as SQLAlchemy's URL parser reads them (the engine connects with what
# it reads): a user without ':' or '/', then a password up to the next '@'. An '@' after that
# (in a query value: application_name=desk@laptop) is not the end of the password.
_USERINFO = r"(?P<scheme>[\w+]+://)(?:(?P<user>[^:/]*)(?::[^@]*)?@)?(?P<rest>.*)"
# libpq's keywords that carry a secret (those its PQconndefaults marks with dispchar "*"), given
# in the URL's query: `?password=...`, the client key's passphrase `sslpassword` (review58: it
# was shown as typed) and, from libpq 18, `oauth_client_secret`.
SECRET_PARAMETERS = frozenset({"password", "sslpassword", "oauth_client_secret"})


def safe_url(url: str) -> str:
    """The one way a database URL is shown (in messages, `db status`, the pg_dump command): its
    secrets left out, the password given as `user:pw@` and every SECRET_PARAMETERS of the query
    (`?password=...`, `?sslpassword=...`). A SQLite
    URL has none: an '@' or '?' in it is part of a file name."""
    if url.startswith("sqlite"):
        return url
    import re

    found = re.fullmatch(_USERINFO, url, re.S)
    if found is None:
        return url
    user = found["user"]
    shown = found["scheme"] + (f"{user}@" if user is not None else "")
    address, _, query = found["rest"].partition("?")
    kept = without_secrets(query)
    return f"{shown}{address}?{kept}" if kept else shown + address


def without_secrets(query: str) -> str:
    """A URL's query with its secret parameters taken out, the rest kept as written."""
    from urllib.parse import unquote_plus

    kept = [
        pair
        for pair in query.split("&")
        # Lower-cased: a misspelt case is refused by libpq, but is no less a secret to show.
        if unquote_plus(pair.partition("=")[0]).strip().lower() not in SECRET_PARAMETERS
    ]
    return "&".join(kept)


def libpq_uri(url: str) -> str:
    """A postgresql+psycopg:// URL as the connection URI libpq (and so psycopg) reads: the same
    user, password, host, port, database and query options, without SQLAlchemy's driver name."""
    scheme, rest = url.split("://", 1)
    if scheme.split("+", 1)[0] not in ("postgresql", "postgres"):
        raise ValueError(f"not a PostgreSQL URL: {safe_url(url)}")
    return "postgresql://" + rest


def sqlite_file(url: str) -> str | None:
    """The file behind a SQLite URL (None for other databases and in-memory SQLite)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url in (prefix, prefix + ":memory:"):
        return None
    return url.removeprefix(prefix)
