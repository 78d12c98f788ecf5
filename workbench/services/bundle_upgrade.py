"""A bundle an older release wrote, brought to this release's schema the way its database
would have been: its rows restored into a scratch SQLite file at the bundle's own schema
revision, that file migrated to head by the same migrations `db upgrade` runs, and exported
again as a bundle of this release. `import bundle` then restores that one by its usual path
(chain, head, replay and URL checks, all or nothing into the target).

The scratch files live in a temporary folder of their own, removed afterwards whatever
happens. The bundle's audit head must survive the upgrade: the migrations keep every event
as it was (migration 0002 chained the events of a database without a chain; bundles came
later), so a bundle whose trail ends elsewhere than its manifest says is refused here, before
the restore would only compare the trail with the re-exported bundle's own manifest.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Engine,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    insert,
    inspect,
)
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.types import TypeEngine

from workbench.db.engine import get_engine
from workbench.db.migrate import upgrade as migrate
from workbench.db.models import Base, UTCDateTime
from workbench.domain.errors import InvalidInput, SchemaError
from workbench.exports.bundle import BundleReader, TableSpec
from workbench.services.context import Workbench
from workbench.services.inputs import open_regular
from workbench.services.progress import Progress, Tally

BATCH = 1000


def _kind_type(kind: str) -> TypeEngine[Any]:
    """A column's type from its bundle kind alone (a column this release's models lack).
    Datetimes go through the models' own type, so that SQLite stores them as the workbench
    always has (naive UTC text) and the migrations and the export read them back alike."""
    types: dict[str, TypeEngine[Any]] = {
        "int": Integer(),
        "text": Text(),
        "datetime": UTCDateTime(),
        "date": Date(),
        "bytes": LargeBinary(),
        "bool": Boolean(),
        "float": Float(),
    }
    return types[kind]


def _column_type(table: str, column: str, kind: str) -> TypeEngine[Any]:
    """The current model's type for the column where it has one of the same kind (the value is
    stored as this release stores it), else a type by kind."""
    from workbench.services.bundle_export import column_kind

    model = Base.metadata.tables.get(table)
    if model is not None and column in model.c and column_kind(model, column) == kind:
        return model.c[column].type
    return _kind_type(kind)


def _order(names: list[str]) -> list[str]:
    """Parents before children, as this release's models order them (a table of the old
    schema that the models no longer hold goes last)."""
    known = [t.name for t in Base.metadata.sorted_tables]
    return [n for n in known if n in names] + sorted(n for n in names if n not in known)


@contextmanager
def upgraded_bundle(
    path: str,
    revision: str,
    actor: str,
    *,
    max_bytes: int,
    max_row_bytes: int,
    progress: Progress | None = None,
) -> Iterator[str]:
    """The path of the bundle at `path` (written at `revision`, older than head) as this
    release would have written it, valid inside the block; its scratch files are removed when
    the block ends, also on failure. `progress` hears the rows written to the scratch file, of
    all the bundle's rows (the restore that follows starts its count again)."""
    from workbench.services.bundle_export import export_bundle

    with tempfile.TemporaryDirectory(prefix="workbench-bundle-") as scratch:
        url = f"sqlite:///{os.path.join(scratch, 'scratch.db')}"
        engine = get_engine(url)
        try:
            _migrate(engine, revision, f"set up schema {revision}")
            with open_regular(path) as f:
                reader = BundleReader(f, max_bytes=max_bytes, max_row_bytes=max_row_bytes)
                tally = Tally(progress, _rows(reader.manifest))
                tally.start()
                with engine.begin() as conn:
                    _restore_rows(conn, reader, revision, tally)
                tally.end()
                noted = reader.manifest.get("audit_head")
            _migrate(engine, "head", f"upgrade it from schema {revision}")
            _check_head(engine, noted)
            upgraded = os.path.join(scratch, "upgraded.zip")
            with open(upgraded, "wb") as out:
                export_bundle(Workbench(url=url, actor=actor), out)
        finally:
            engine.dispose()
        yield upgraded


def _migrate(engine: Engine, revision: str, what: str) -> None:
    try:
        migrate(engine, revision)
    except (IntegrityError, DataError, SchemaError) as exc:  # the rows', not the machine's
        raise InvalidInput(
            f"the bundle's rows do not upgrade as a database's would (could not {what}: "
            f"{_first_line(exc)}); nothing was imported"
        ) from None


def _rows(manifest: dict[str, Any]) -> int | None:
    try:
        return sum(int(entry["rows"]) for entry in manifest["tables"].values())
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _restore_rows(conn: Connection, reader: BundleReader, revision: str, tally: Tally) -> None:
    """Every row of the bundle into the scratch schema at its revision, each table by the
    bundle's own column spec; the derived tables' rows are read (checked against the manifest)
    and left out, as a restore at the same revision leaves them."""
    from workbench.services.bundle_export import DERIVED

    present = set(inspect(conn).get_table_names())
    listed = list(reader.manifest["tables"])
    # The schema's tables that the models know must all be listed (the search index and
    # Alembic's own table never are); a listed table must be one of the schema's.
    expected = {n for n in present if n in Base.metadata.tables}
    if set(listed) - present or expected - set(listed):
        odd = sorted((set(listed) - present) | (expected - set(listed)))
        raise InvalidInput(
            f"the bundle's tables differ from those of schema {revision}: {', '.join(odd)}"
        )
    for name in _order(listed):
        spec = reader.spec(name)
        columns = [c["name"] for c in inspect(conn).get_columns(name)]
        if sorted(spec.columns) != sorted(columns):
            raise InvalidInput(
                f"the bundle's table {name} has other columns than schema {revision}'s"
            )
        rows = tally.counting(reader.rows(name))
        if name in DERIVED:
            for _ in rows:
                pass
            continue
        _insert_all(conn, spec, rows)


def _insert_all(conn: Connection, spec: TableSpec, rows: Iterator[list[Any]]) -> None:
    table = Table(
        spec.name,
        MetaData(),
        *(
            Column(c, _column_type(spec.name, c, k))
            for c, k in zip(spec.columns, spec.kinds, strict=True)
        ),
    )
    batch: list[dict[str, Any]] = []
    try:
        for row in rows:
            batch.append(dict(zip(spec.columns, row, strict=True)))
            if len(batch) >= BATCH:
                conn.execute(insert(table), batch)
                batch = []
        if batch:
            conn.execute(insert(table), batch)
    except StatementError as exc:
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError | DataError):
            raise  # the machine's trouble (a full disk), said as any database error is
        # A constraint the rows break, or a value the column's type refuses.
        raise InvalidInput(
            f"the bundle's table {spec.name} does not fit its schema: {_first_line(exc)}; "
            "nothing was imported"
        ) from None


def _check_head(engine: Engine, noted: object) -> None:
    from workbench.services.bundle_export import trail_head

    if (
        not isinstance(noted, dict)
        or not isinstance(noted.get("hash"), str)
        or not isinstance(noted.get("count"), int)
    ):
        raise InvalidInput("the bundle's manifest does not record its audit head")
    with engine.connect() as conn:
        count, head = trail_head(conn)
    if (count, head) != (noted["count"], noted["hash"]):
        raise InvalidInput(
            "the bundle's audit trail does not end at the head its manifest records; "
            "nothing was imported"
        )


def _first_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else getattr(exc, "message", exc))
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
