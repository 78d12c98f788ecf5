"""`export bundle`: every table of the schema, the audit head and the schema revision in one
deterministic ZIP (workbench.exports.bundle's format), and what a restore shares with it: the
tables carried, how each column is written, the trail's head. Its own module so that the
restore (services.bundle) and the upgrade of an older release's bundle (bundle_upgrade) both
use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    func,
    select,
    text,
)

from workbench.db.models import Base, Event, UTCDateTime
from workbench.domain.chain import GENESIS
from workbench.domain.json_fields import JsonFields, as_json
from workbench.exports.bundle import TableSpec, write_bundle
from workbench.services.context import Workbench, transaction
from workbench.services.progress import Progress, Tally
from workbench.services.similar_index import INDEX_TABLES

BATCH = 1000
# The similarity index's tables: derived from the claims and recorded by no event, so neither
# the chain nor the replay covers them, and a bundle edited there would change every "checked
# before?" score unseen. Their rows are not restored: the index is built again from the
# restored claims on first use (an empty index is "not built", as in a new database). A bundle
# lists them with no rows; one written before that holds rows, which are checked against its
# manifest and left out (the format and its list of tables are unchanged: it still restores).
DERIVED = frozenset(t.__tablename__ for t in INDEX_TABLES)
DEFAULT_MAX_MB = 4096.0


@dataclass(frozen=True, slots=True)
class BundleSummary(JsonFields):
    """What a bundle holds, as `export bundle` and `import bundle` print it (--json: these
    fields)."""

    tables: dict[str, int]
    events: int
    head: str
    schema_revision: str
    # The older schema revision a restored bundle was written at (bundle_upgrade); None when
    # it was this release's, and then not in the JSON object.
    upgraded_from: str | None = None
    # Of a restore, the approvals its replay found by a person the sign-off reads as the
    # verdict's proposer (as `audit verify` names them; a warning, the bundle restored): None
    # of an export, which checks no rule, and then not in the JSON object.
    one_person_approval_count: int | None = None
    # Of a restore, the registrations its replay found that `user add` refuses beside an
    # earlier one (as `audit verify` names them): warned of as the approvals are (rr310).
    look_alike_count: int | None = None

    def to_json(self) -> dict[str, Any]:
        fields = as_json(self)
        for unsaid in ("upgraded_from", "one_person_approval_count", "look_alike_count"):
            if fields[unsaid] is None:
                del fields[unsaid]
        return fields


def column_kind(table: Table, name: str) -> str:
    kind = table.c[name].type
    if isinstance(kind, UTCDateTime | DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, LargeBinary):
        return "bytes"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float):
        return "float"
    if isinstance(kind, String):  # Text is a String
        return "text"
    raise TypeError(f"the bundle cannot carry {table.name}.{name} of type {kind!r}")


def spec_of(table: Table) -> TableSpec:
    columns = tuple(c.name for c in table.columns)
    return TableSpec(table.name, columns, tuple(column_kind(table, c) for c in columns))


def bundled_tables() -> list[Table]:
    """Every table of the schema, parents before children (so a restore meets no dangling key)."""
    return list(Base.metadata.sorted_tables)


def trail_head(conn: Connection) -> tuple[int, str]:
    """How many events the trail holds, and the hash it ends at."""
    count = conn.execute(select(func.count()).select_from(Event)).scalar_one()
    last = conn.execute(select(Event.hash).order_by(Event.seq.desc()).limit(1)).scalar()
    return count, last or GENESIS


def schema_revision(conn: Connection) -> str:
    return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def export_bundle(wb: Workbench, out: IO[bytes], progress: Progress | None = None) -> BundleSummary:
    """Write every table, read in one snapshot, into a deterministic archive. `progress` hears
    the rows written, of all the tables' rows."""
    tally = Tally(progress)
    with transaction(wb) as tx:
        tx.one_snapshot()  # every table as of one moment: a writer cannot tear the bundle
        conn = tx.session.connection()
        revision = schema_revision(conn)
        count, head = trail_head(conn)
        if progress is not None:
            tally.total = sum(
                count_rows(conn, t) for t in bundled_tables() if t.name not in DERIVED
            )

        def rows(table: Table) -> Any:
            if table.name in DERIVED:
                return  # listed, with no rows (see DERIVED)
            query = select(table).order_by(*primary_key_order(table, conn.dialect.name))
            yield from tally.counting(conn.execute(query.execution_options(yield_per=BATCH)))

        manifest = write_bundle(
            out,
            ((spec_of(t), rows(t)) for t in bundled_tables()),
            {"schema_revision": revision, "audit_head": {"count": count, "hash": head}},
        )
    tally.end()
    return BundleSummary(
        tables={n: e["rows"] for n, e in manifest["tables"].items()},
        events=count,
        head=head,
        schema_revision=revision,
    )


def primary_key_order(table: Table, dialect: str) -> list[Any]:
    """A table's primary key, its text in code point order, as SQLite compares it: PostgreSQL
    orders text by the database's collation (an English locale's puts `ärger` among the a's),
    so the same desk's bundle differed by backend. Its "C" collation is code point order."""
    return [
        c.collate("C") if dialect == "postgresql" and isinstance(c.type, String) else c
        for c in table.primary_key.columns
    ]


def count_rows(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
