"""A PostgreSQL URL's `options` value read as the server reads it, for the pg_dump command
`backup` prints: which schema its search_path chooses, and the other options kept as they were;
and which settings this client itself gives the server (the URL's options, or PGOPTIONS).

The server splits `options` into words at whitespace, a backslash making the next character
part of the word (postinit.c pg_split_opts), then reads them as command-line switches: `-c
name=value`, `-cname=value` or `--name=value`, a '-' in the name read as '_', names in any
case. A search_path is a comma-separated list of identifiers: a double-quoted one is kept as
written (spaces, capitals; `""` is a quote), an unquoted one lower-cased."""

from __future__ import annotations

import re

# The server lower-cases an unquoted identifier's ASCII letters only (review59: Ü stays Ü; the
# schema review59_Ü was named review59_ü to pg_dump, which found none).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def split_words(options: str) -> list[str]:
    """The words of an `options` value, as the server splits them."""
    words: list[str] = []
    word: list[str] = []
    started = escaped = False
    for char in options:
        if escaped:
            word.append(char)
            escaped = False
        elif char == "\\":
            started = escaped = True
        elif char.isspace():
            if started:
                words.append("".join(word))
            word, started = [], False
        else:
            word.append(char)
            started = True
    if started:
        words.append("".join(word))
    return words


def join_words(words: list[str]) -> str:
    """Words back into an `options` value that splits into the same words."""
    return " ".join(re.sub(r"(\s|\\)", r"\\\1", word) for word in words)


def _settings(words: list[str]) -> list[tuple[str | None, str, int]]:
    """Each switch of an `options` value's words: the setting's name as the server reads it
    (None: no `name=value` setting), its value, and how many words it took."""
    found: list[tuple[str | None, str, int]] = []
    at = 0
    while at < len(words):
        word = words[at]
        setting, used = None, 1
        if word == "-c" and at + 1 < len(words):
            setting, used = words[at + 1], 2
        elif word.startswith(("-c", "--")) and word != "-c":  # -cname=value, --name=value
            setting = word[2:]
        name, equals, value = (setting or "").partition("=")
        found.append((name.replace("-", "_").lower() if equals else None, value, used))
        at += used
    return found


def take_search_path(options: str) -> tuple[str | None, str]:
    """The search_path an `options` value sets (the last one wins, as on the server) and the
    value without it (the other words, escaped again)."""
    words = split_words(options)
    search_path = None
    kept: list[str] = []
    at = 0
    for name, value, used in _settings(words):
        if name == "search_path":
            search_path = value
        else:
            kept.extend(words[at : at + used])
        at += used
    return search_path, join_words(kept)


def value_of(options: str, setting: str) -> str | None:
    """The value an `options` value (a URL's, PGOPTIONS) gives the server's `setting` (the last
    one wins, as on the server), or None when it gives none."""
    found = None
    for name, value, _ in _settings(split_words(options)):
        if name == setting:
            found = value
    return found


def is_on(value: str) -> bool:
    """Whether the server reads a boolean setting's `value` as on (on, 1, or any prefix of
    true or yes, in any case)."""
    word = value.strip().lower()
    return word in ("on", "1") or (
        bool(word) and ("true".startswith(word) or "yes".startswith(word))
    )


def client_value(setting: str, url: str | None) -> tuple[str, str] | None:
    """Where this client gives the server's `setting` a value, and the value: the database
    URL's options (the last one wins, as on the server), or PGOPTIONS, which libpq sends only
    when the URL gives no options; None when it gives none."""
    import os
    from urllib.parse import parse_qsl, urlsplit

    given = [v for k, v in parse_qsl(urlsplit(url).query) if k == "options"] if url else []
    if given:
        values = [found for v in given if (found := value_of(v, setting)) is not None]
        return ("the database URL's options", values[-1]) if values else None
    value = value_of(os.environ.get("PGOPTIONS", ""), setting)
    return None if value is None else ("PGOPTIONS", value)


def read_only_set_by(url: str | None) -> str | None:
    """Where this client itself turned default_transaction_read_only on (the database URL's
    options, or PGOPTIONS when the URL gives none, as libpq sends them); None when it did not
    (the role's, the database's or a standby's)."""
    given = client_value("default_transaction_read_only", url)
    return given[0] if given is not None and is_on(given[1]) else None


def first_schema(search_path: str) -> str | None:
    """The first schema a search_path names, as PostgreSQL reads the list (None when it names
    none or is malformed: the server would refuse it)."""
    text = search_path.lstrip()
    if text.startswith('"'):
        quoted = re.match(r'"((?:[^"]|"")*)"', text)
        if quoted is None or not quoted[1]:
            return None
        name, rest = quoted[1].replace('""', '"'), text[quoted.end() :]
    else:
        unquoted = re.match(r'[^\s,"]+', text)
        if unquoted is None:
            return None
        name, rest = unquoted[0].translate(_ASCII_LOWER), text[unquoted.end() :]
    rest = rest.lstrip()
    return name if not rest or rest.startswith(",") else None


def passed_over(search_path: str, schema: str | None) -> str | None:
    """The schema a search_path names first when the server passed it over for `schema`, the
    one the path resolved to (None: none of its schemas): not there (a typo), or not open to
    this role. None when it was not passed over, or names `$user` (the server's default path
    starts with it, and it is rarely a schema: public, next, is then meant)."""
    named = first_schema(search_path)
    if named is None or named == "$user" or named == schema:
        return None
    return named


def schema_pattern(name: str) -> str:
    """A schema's name as pg_dump's --schema pattern matching it alone: bare when it is a plain
    lower-case name, otherwise double-quoted (pg_dump lower-cases an unquoted pattern and reads
    `*`, `?` and `.` in it as wildcards and separators)."""
    return identifier(name)


def identifier(name: str) -> str:
    """A schema's name as the server reads it back in a search_path, a statement or a pg_dump
    pattern: bare when it is a plain lower-case name, otherwise double-quoted (an unquoted one
    is lower-cased, and a space, comma or dot in it would end it). A reserved word is quoted
    too: `CREATE SCHEMA order` is a syntax error, `"order"` reads the same everywhere (fix300)."""
    # (lazily: this module is read by --help, which imports no SQLAlchemy; its list of the
    # words PostgreSQL reserves is the one it quotes the models' names by)
    from sqlalchemy.dialects.postgresql.base import RESERVED_WORDS

    if re.fullmatch(r"[a-z_][a-z0-9_]*", name) and name not in RESERVED_WORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def search_path_option(schemas: list[str]) -> str:
    """What follows `?options=` in a URL whose session's search_path is `schemas`, in order:
    each name as `identifier` spells it, the word escaped as the server splits `options`
    (`join_words`: a space after a backslash), percent-encoded for the URL (a comma kept)."""
    from urllib.parse import quote

    listed = ",".join(identifier(name) for name in schemas)
    return quote(join_words([f"-csearch_path={listed}"]), safe=",")
