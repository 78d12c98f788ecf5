"""The tables the read paths query: names and kinds of columns, in plain Python (no SQLAlchemy).

`claim list`, `claim show`, `stats` and the board build their SQL from these
(workbench.db.sql) and read rows through the driver (workbench.db.reader), so that a read
command imports neither the ORM nor SQLAlchemy Core. They name only the columns the reads need;
the schema itself is the models' (workbench.db.models), and a test keeps every column here equal
in name and kind to the models' column.

A column's kind says how its stored value comes back: DATETIME is an aware UTC datetime on both
backends (SQLite stores naive UTC text), DATE a date (SQLite stores ISO text); the rest are what
the driver gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    INTEGER = "integer"
    FLOAT = "float"
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    # Read back as a bool: SQLite's driver gives 0 or 1.
    BOOLEAN = "boolean"


@dataclass(frozen=True, slots=True)
class Column:
    """An expression of a SELECT list (a table's column, or an aggregate) and the name and
    kind of its value in a result row."""

    sql: str
    name: str
    kind: Kind = Kind.TEXT

    def __str__(self) -> str:
        return self.sql


class Columns:
    """A table's columns by attribute (`claims.c.status`), in their order when iterated."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self._all = columns
        self._by_name = {c.name: c for c in columns}

    def __getattr__(self, name: str) -> Column:
        try:
            return self.__dict__["_by_name"][name]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[Column]:
        return iter(self._all)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name


class Table:
    def __init__(self, name: str, /, **columns: Kind) -> None:
        self.name = name
        self.c = Columns(tuple(Column(f"{name}.{n}", n, kind) for n, kind in columns.items()))

    def __str__(self) -> str:
        return self.name


INTEGER, FLOAT, TEXT, DATE, DATETIME = Kind.INTEGER, Kind.FLOAT, Kind.TEXT, Kind.DATE, Kind.DATETIME
BOOLEAN = Kind.BOOLEAN

documents = Table(
    "documents",
    id=INTEGER,
    title=TEXT,
    url=TEXT,
    author=TEXT,
    published=DATE,
    language=TEXT,
    text=TEXT,
    sha256=TEXT,
    length=INTEGER,
    added_by=TEXT,
    created_at=DATETIME,
    format=TEXT,
    source_sha256=TEXT,
    source=TEXT,
)

# Revision 1 of a document is the documents row; later texts are here.
document_revisions = Table(
    "document_revisions",
    document_id=INTEGER,
    number=INTEGER,
    text=TEXT,
    sha256=TEXT,
    length=INTEGER,
    source=TEXT,
    format=TEXT,
    source_sha256=TEXT,
    added_by=TEXT,
    created_at=DATETIME,
)

claims = Table(
    "claims",
    id=INTEGER,
    document_id=INTEGER,
    span_start=INTEGER,
    span_end=INTEGER,
    quote=TEXT,
    prefix=TEXT,
    suffix=TEXT,
    text=TEXT,
    speaker=TEXT,
    type=TEXT,
    status=TEXT,
    created_by=TEXT,
    created_at=DATETIME,
    updated_at=DATETIME,
    version=INTEGER,
    assignee=TEXT,
    priority=TEXT,
    due=DATE,
    proposed_status=TEXT,
    proposed_by=TEXT,
    revision=INTEGER,
    anchor_state=TEXT,
    anchor_score=FLOAT,
    verdict_revision=INTEGER,
)

claim_tags = Table("claim_tags", claim_id=INTEGER, tag=TEXT)

notes = Table(
    "notes",
    id=INTEGER,
    claim_id=INTEGER,
    author=TEXT,
    body=TEXT,
    created_at=DATETIME,
    internal=BOOLEAN,
)

evidence = Table(
    "evidence",
    id=INTEGER,
    claim_id=INTEGER,
    kind=TEXT,
    url=TEXT,
    citation=TEXT,
    title=TEXT,
    publisher=TEXT,
    accessed=DATE,
    stance=TEXT,
    excerpt=TEXT,
    file_name=TEXT,
    sha256=TEXT,
    size=INTEGER,
    media_type=TEXT,
    added_by=TEXT,
    created_at=DATETIME,
)

events = Table(
    "events",
    seq=INTEGER,
    at=TEXT,
    actor=TEXT,
    action=TEXT,
    entity_type=TEXT,
    entity_id=TEXT,
    claim_id=INTEGER,
    payload=TEXT,
    machine=TEXT,
)
# An event's chain hashes, not among tables.events' columns (the read paths that list events,
# `claim show`, show none): read by `audit head` and the driver's `audit export --after`.
event_hash = Column(f"{events}.hash", "hash")
event_prev_hash = Column(f"{events}.prev_hash", "prev_hash")

# Workbench-wide settings (`claim list --approvable` asks review.distinct_roles).
settings = Table("settings", key=TEXT, value=TEXT)

# The registered people, for the reads that ask whether a name is one (`claim list --mine`),
# and the login role each is bound to (the names a refused queue's own role acts as); `user
# list` lists them.
users = Table(
    "users",
    name=TEXT,
    display=TEXT,
    skeleton=TEXT,
    email=TEXT,
    role=TEXT,
    added_by=TEXT,
    created_at=DATETIME,
)

# The schema revision Alembic records (read by workbench.db.revision without Alembic).
alembic_version = Table("alembic_version", version_num=TEXT)
