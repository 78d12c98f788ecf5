"""Moving a whole workbench: `export bundle` writes every table, `import bundle` restores it into
an empty database (SQLite or PostgreSQL), with the same ids, texts, bytes and audit chain.

Every table of the models is carried (Base.metadata), so a table added later travels without a
change here (the similarity index's with no rows: derived data, see DERIVED); a column type the
bundle cannot write fails loudly (and the tests check that no table of the schema is left out).
A restore writes no audit event of its own: it brings back the trail the bundle holds, event for
event, and checks that its head is the one recorded. A hash chain has no secret, so whoever
edits a bundle can recompute it: the restore also replays the trail it wrote (`audit replay`,
before committing), and refuses tables the events do not describe and events that record a move
the workflow refuses.

A bundle an older release wrote is upgraded first, as its database would be (bundle_upgrade),
and then restored like any; one from a newer workbench is refused, as the schema it holds is
one this release's migrations do not know.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    func,
    insert,
    select,
)
from sqlalchemy.exc import DataError, IntegrityError

from workbench.db.backend import reset_id_sequences, statistics_refreshed
from workbench.db.models import Event
from workbench.domain import not_a_stream
from workbench.domain.errors import UPGRADE_NOT_PERMITTED, InvalidInput, StorageError, give, step
from workbench.domain.plurals import plural
from workbench.domain.replay import ReplayReport
from workbench.domain.shown import shown_text
from workbench.domain.verification import ChainWalk
from workbench.exports.bundle import BundleReader, TableSpec
from workbench.services.bundle_export import (
    BATCH,
    DEFAULT_MAX_MB,
    DERIVED,
    BundleSummary,
    bundled_tables,
    column_kind,
    export_bundle,
    schema_revision,
    spec_of,
    trail_head,
)
from workbench.services.bundle_widths import widths_of
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.inputs import open_regular
from workbench.services.limits import size_limit
from workbench.services.new_database import take_back
from workbench.services.progress import Progress, Tally
from workbench.services.replay import COMPARED_TABLES, replay_in
from workbench.services.verify import CHAIN_COLUMNS, walk_rows

__all__ = [
    "DERIVED",
    "BundleSummary",
    "bundled_tables",
    "column_kind",
    "export_bundle",
    "import_bundle",
    "spec_of",
    "trail_head",
]


def import_bundle(wb: Workbench, path: str, progress: Progress | None = None) -> BundleSummary:
    """Restore a bundle into an empty database: all of it, or (on any problem) none of it.
    `progress` hears the rows restored, the events read to check the chain, then the events
    replayed and the rows compared with them, of all of these together as the manifest counts
    them (a bundle an older release wrote is first upgraded, its rows counted as they are
    written to the scratch file: bundle_upgrade). A SQLite file this restore created is removed
    again when it is refused, an empty one it set up left empty (services.new_database); one
    that held a database never is touched."""
    if path == "-":
        raise InvalidInput(not_a_stream.BUNDLE)
    try:
        limits = _limits()
        older = _older_revision(path, limits)
        if older is None:
            return _import_bundle(wb, path, progress, limits)
        from workbench.services.bundle_upgrade import upgraded_bundle

        # Upgrading the bundle costs about a restore: a target that will refuse it says so
        # first (the restore checks again, in its own transaction).
        with (
            contextlib.suppress(_Checked),
            transaction(wb, write=True, before_identity=_refuse_occupied) as tx,
        ):
            _check_restorer(tx.session.connection())
            if wb.set_up_pending:
                # The check set an empty database up in its transaction (fix98), which would
                # commit it with no change: rolled back, a refusal of the bundle meanwhile
                # leaves no empty desk behind, and the restore sets it up with its rows.
                raise _Checked
        max_bytes, max_row = limits
        with upgraded_bundle(
            path, older, wb.actor, max_bytes=max_bytes, max_row_bytes=max_row, progress=progress
        ) as upgraded:
            summary = _import_bundle(wb, upgraded, progress, limits)
        return replace(summary, upgraded_from=older)
    except StorageError as exc:
        take_back(wb)
        if exc.reason != UPGRADE_NOT_PERMITTED:
            raise
        # A role meeting an empty schema it may not create tables in (pgteam: a person's, told
        # "its owner runs `workbench db upgrade`", which the owner did, and the person's import
        # was then refused as the owner's to run): the owner's step is the restore itself. The
        # refusal stays what it is, the role's want of CREATE in the server's words with its
        # reason (rD: a desk's owner whose role is not the schema's has the same want).
        owner = exc.hint.facts.get("owner") if exc.hint is not None else None
        raise StorageError(
            exc.message,
            hint=step("upgrade_schema", bundle=path, **({"owner": owner} if owner else {})),
            reason=UPGRADE_NOT_PERMITTED,
        ) from None
    except Exception:
        take_back(wb)
        raise


# The `reason` of a bundle refused by a database that holds rows: a bundle is never merged
# into a desk (docs/backup.md), and a script tells this from a bundle that is not sound.
DATABASE_NOT_EMPTY = "database_not_empty"


class _Checked(Exception):
    """The target takes the bundle: its check's transaction is rolled back (import_bundle)."""


def _refuse_occupied(tx: Tx) -> None:
    """Refuse a database any table of which holds rows: a bundle is restored into an empty
    one. Needs no identity (`transaction`'s before_identity)."""
    conn = tx.session.connection()
    occupied = [
        f"{t.name} ({n})"
        for t in bundled_tables()
        if (n := conn.execute(select(func.count()).select_from(t)).scalar_one())
    ]
    if occupied:
        # The index's tables are the workbench's own bookkeeping: named only when nothing
        # else holds rows.
        named = [o for o in occupied if o.split(" ")[0] not in DERIVED] or occupied
        # What to do is said too (trial145): it goes into another database, never merged.
        raise InvalidInput(
            "a bundle is restored into an empty database; this one has rows in "
            + ", ".join(named)
            + ": restore it into a new file or an empty schema",
            reason=DATABASE_NOT_EMPTY,
            hint=give("database"),
        )


def _check_restorer(conn: Connection) -> None:
    """On PostgreSQL a bundle is restored by the role owning the tables: its events were
    written by other people's roles, which the database takes from no other role (migration
    0013; review50: a person's restore failed with a trigger's error and a grant hint)."""
    from workbench.db.backend import binds_roles, owns_tables, schema_owner

    if not binds_roles(conn.dialect.name) or owns_tables(conn):
        return
    owner = schema_owner(conn)
    raise InvalidInput(
        "a bundle is restored by the owner of the database's tables"
        + (f" (role {owner})" if owner else "")
        + ": its events were written by other people's roles, which the database takes from "
        "no other role (docs/identity.md)"
    )


def max_row_bytes() -> int:
    """The most bytes one line of a bundle may hold: the largest row, an evidence file (or a
    page's archived bytes) in base64, or a document's text with every character escaped, at the
    limits in force (raised, they were raised when the row was stored), with room for the
    row's other columns."""
    from workbench.services.evidence import max_evidence_bytes
    from workbench.services.inputs import max_document_bytes

    largest = max(max_evidence_bytes(), max_document_bytes())
    return 2 * largest + 1024 * 1024


def _limits() -> tuple[int, int]:
    """The most bytes a bundle may unpack to, and one row of it may hold."""
    return size_limit("WORKBENCH_MAX_BUNDLE_MB", DEFAULT_MAX_MB), max_row_bytes()


def _older_revision(path: str, limits: tuple[int, int]) -> str | None:
    """The schema revision of a bundle an older release wrote (one this release's migrations
    know, other than their head), or None: a bundle of this release's schema, of a newer
    workbench's or of none, which the restore itself refuses or takes. Reads the manifest
    only."""
    from workbench.db.head import HEAD_REVISION

    with open_regular(path) as f:
        revision = BundleReader(f, max_bytes=limits[0], max_row_bytes=limits[1]).manifest.get(
            "schema_revision"
        )
    if not isinstance(revision, str) or not revision or revision == HEAD_REVISION:
        return None
    from workbench.db.migrate import head_revision, is_known

    return revision if revision != head_revision() and is_known(revision) else None


def _import_bundle(
    wb: Workbench, path: str, progress: Progress | None, limits: tuple[int, int]
) -> BundleSummary:
    with open_regular(path) as f:
        reader = BundleReader(f, max_bytes=limits[0], max_row_bytes=limits[1])
        manifest = reader.manifest
        # Only an empty database takes a bundle, whoever restores it: that is checked before
        # the restorer's name is (a trial was told its login was no user of the desk, and
        # only under a registered name that the database was not empty).
        with transaction(wb, write=True, before_identity=_refuse_occupied) as tx:
            conn = tx.session.connection()
            revision = schema_revision(conn)
            if manifest.get("schema_revision") != revision:
                raise other_release(manifest.get("schema_revision"), revision)
            _check_restorer(conn)
            tables = bundled_tables()
            ours = {t.name for t in tables}
            theirs = set(manifest["tables"])
            if ours != theirs:
                raise InvalidInput(
                    "the bundle's tables differ from this schema's: "
                    + ", ".join(sorted(ours ^ theirs))
                )
            counts: dict[str, int] = {}
            tally = Tally(progress, _manifest_total(manifest))
            for table in tables:
                spec = reader.spec(table.name)
                if spec != spec_of(table):
                    raise InvalidInput(
                        f"the bundle's table {table.name} has other columns than this schema's"
                    )
                rows = reader.rows(table.name)
                if table.name in DERIVED:
                    counts[table.name] = _skip_all(rows, tally)
                    continue
                counts[table.name] = _insert_all(conn, table, spec, rows, tally)
            reset_id_sequences(conn, tables)
            # Every row written at once, which PostgreSQL's planner knew nothing of until
            # autovacuum came by (never where it is off): a page of `claim list` read its
            # latest events by scanning the whole trail. In this transaction, so the checks
            # below are planned by them too (its own rows count for ANALYZE).
            statistics_refreshed(conn, [t for t in tables if t.name not in DERIVED])
            noted = manifest.get("audit_head") or {}
            if (
                not isinstance(noted, dict)
                or not isinstance(noted.get("hash"), str)
                or not isinstance(noted.get("count"), int)
            ):
                raise InvalidInput("the bundle's manifest does not record its audit head")
            _check_chain(conn, noted["hash"], noted["count"], tally)
            count, head = trail_head(conn)
            if (count, head) != (noted.get("count"), noted.get("hash")):
                raise InvalidInput(
                    "the restored audit trail does not end at the head the bundle recorded; "
                    "nothing was imported"
                )
            replayed = _check_replay(tx, tally)
            _check_urls(conn)
            _check_words(conn)
            tally.end()
            # The restored trail, checked above, is the record of every restored row: its
            # events are this transaction's, told as its commit lands (fix135: a stop right
            # after it said nothing was committed, and took back the file it had filled).
            tx.took_trail(conn, count)
    return BundleSummary(
        tables=counts,
        events=count,
        head=head,
        schema_revision=revision,
        one_person_approval_count=replayed.one_person_approval_count,
        look_alike_count=replayed.look_alike_count,
    )


def other_release(theirs: object, ours: str) -> InvalidInput:
    """The refusal of a bundle at another schema revision than this database's, saying which
    side is older: a bundle from a newer workbench is restored by that release (or a newer
    one); one from an older release is told apart from it."""
    from workbench.db.migrate import is_known

    if not isinstance(theirs, str) or not theirs:
        return InvalidInput("the bundle's manifest records no schema revision")
    if is_known(theirs):
        return InvalidInput(
            f"the bundle was written by an older release (schema {theirs}) and this database "
            f"is at {ours}: restore it with that release, then upgrade the database"
        )
    return InvalidInput(
        f"the bundle was written by a newer workbench (schema {theirs}, unknown to this "
        "release): restore it with that release or a newer one"
    )


def _check_chain(conn: Connection, noted_head: str, noted_count: int, tally: Tally) -> None:
    """Every restored event hashes as recorded and links to the one before, up to the head the
    bundle noted: a bundle edited by hand (its manifest made to match) is refused, not restored
    into a broken trail."""
    walk = ChainWalk(contiguous=True, noted_head=noted_head, noted_count=noted_count)
    query = select(*CHAIN_COLUMNS).order_by(Event.seq).execution_options(yield_per=BATCH)
    report = walk_rows(tally.counting(conn.execute(query)), walk)
    if not report.ok:
        where = report.broken.message() if report.broken else "its head"
        raise InvalidInput(f"the bundle's audit trail is broken at {where}; nothing was imported")


def _check_urls(conn: Connection) -> None:
    """Every restored document's and evidence's URL is one `doc add` and `evidence add` take
    (http or https): a bundle edited by hand, its events and rows alike and its chain
    recomputed, replays consistently, and its javascript: URL was a link in the report
    (review49). The events hold the same URLs (the replay compared them)."""
    from workbench.db.models import Document, Evidence
    from workbench.domain.urls import check_http_url

    for what, model in (("document", Document), ("evidence", Evidence)):
        query = select(model.id, model.url).where(model.url.is_not(None))
        for row_id, url in conn.execute(query.execution_options(yield_per=BATCH)):
            try:
                check_http_url(str(url), stored=True)
            except InvalidInput as exc:
                raise InvalidInput(
                    f"the bundle's {what} #{row_id}: {exc.message}; nothing was imported"
                ) from None


def _check_words(conn: Connection) -> None:
    """Every restored evidence item, note, document, claim, tag and user holds only what
    `evidence add`, `note add`, `doc add`, `claim add`, `claim tag` and `user add` take, held
    to their own checks (check_stored_*): the replay finds a row consistent with an event
    edited to match it, and a bundle edited so restored a file name `../../.ssh/authorized_keys`
    or one holding a bidi override, an ESC in a title, a note, a claim or a tag, a zero-width
    space in a display name (review restore, restore2). One table (_stored_words) says which
    columns of which table each check takes; the first row refused is named."""
    for words in _stored_words(_older_actors(conn)):
        # A key column checked too (a tag) is selected once.
        selected = [c for c in words.columns if not any(c is k for k in words.key)]
        query = select(*words.key, *selected).order_by(*words.key)
        for row in conn.execute(query.execution_options(yield_per=BATCH)):
            try:
                words.check(**{c.key: row._mapping[c.key] for c in words.columns})
            except InvalidInput as exc:
                raise _refused(words.which(row), exc) from None


@dataclass(frozen=True, slots=True)
class _Words:
    """The texts of a restored table held to one check: `check` takes `columns` by their
    names; `key` orders the rows, and `which` names the row refused."""

    key: tuple[Any, ...]
    columns: tuple[Any, ...]
    check: Callable[..., None]
    which: Callable[[Any], str]


def _older_actors(conn: Connection) -> frozenset[str]:
    """The names whoever acted went by on the restored events that record no machine: events
    written before 8fdf8467, which took `--as` and WORKBENCH_USER as typed (every event since
    records the machine, and normalise_name the actor). Such a name may hold a bidi control
    (check_stored_names), which that desk's rows and events' hashes keep (rrestore)."""
    query = select(Event.actor).where(Event.machine.is_(None)).distinct()
    return frozenset(conn.execute(query).scalars())


def _stored_words(older: frozenset[str]) -> tuple[_Words, ...]:
    from workbench.db.models import (
        Claim,
        ClaimTag,
        Document,
        DocumentRevision,
        Evidence,
        Note,
        Setting,
        User,
    )
    from workbench.domain.desk import check_stored_tag
    from workbench.services.claims import check_stored_claim
    from workbench.services.documents import check_stored_document
    from workbench.services.evidence import check_stored_evidence
    from workbench.services.notes import check_stored_note
    from workbench.services.users import (
        check_stored_names,
        check_stored_owner,
        check_stored_user,
    )

    names = partial(check_stored_names, older)

    def numbered(what: str) -> Callable[[Any], str]:
        return lambda row: f"{what} #{row.id}"

    return (
        _Words(
            (Evidence.id,),
            (
                Evidence.url,
                Evidence.citation,
                Evidence.title,
                Evidence.publisher,
                Evidence.excerpt,
                Evidence.file_name,
                Evidence.media_type,
            ),
            check_stored_evidence,
            numbered("evidence"),
        ),
        _Words((Note.id,), (Note.body,), check_stored_note, numbered("note")),
        _Words(
            (Document.id,),
            (Document.title, Document.author, Document.language, Document.source),
            check_stored_document,
            numbered("document"),
        ),
        _Words(
            (Claim.id,),
            (Claim.text, Claim.speaker, Claim.proposed_note),
            check_stored_claim,
            numbered("claim"),
        ),
        _Words(
            (ClaimTag.claim_id, ClaimTag.tag),
            (ClaimTag.tag,),
            check_stored_tag,
            lambda row: f"claim #{row.claim_id}'s tag",
        ),
        _Words(
            (User.name,),
            (User.name, User.display, User.email),
            check_stored_user,
            lambda row: f"user {shown_text(row.name)!r}",
        ),
        # Whoever acted, as each row records them; the events last, so that a row and its
        # event forged alike are refused naming the row.
        _Words((Note.id,), (Note.author,), names, numbered("note")),
        _Words(
            (Claim.id,),
            (Claim.created_by, Claim.proposed_by),
            names,
            numbered("claim"),
        ),
        _Words((Claim.id,), (Claim.assignee,), check_stored_owner, numbered("claim")),
        _Words((Document.id,), (Document.added_by,), names, numbered("document")),
        _Words(
            (DocumentRevision.id,),
            (DocumentRevision.added_by,),
            names,
            numbered("document revision"),
        ),
        _Words((Evidence.id,), (Evidence.added_by,), names, numbered("evidence")),
        _Words(
            (Setting.key,),
            (Setting.updated_by,),
            names,
            lambda row: f"setting {shown_text(row.key)!r}",
        ),
        _Words(
            (User.name,),
            (User.added_by,),
            names,
            lambda row: f"user {shown_text(row.name)!r}",
        ),
        _Words((Event.seq,), (Event.actor,), names, lambda row: f"event seq {row.seq}"),
    )


def _refused(which: str, exc: InvalidInput) -> InvalidInput:
    return InvalidInput(f"the bundle's {which}: {exc.message}; nothing was imported")


def _check_replay(tx: Tx, tally: Tally) -> ReplayReport:
    """The restored tables are what the restored events describe, and no event records a move
    the workflow refuses: `audit replay`, on the rows this transaction has written and not yet
    committed. The chain cannot tell a bundle edited by hand whose chain was recomputed. The
    report, consistent, for its warnings."""
    report = replay_in(tx, tally.counting, tally.counting, held="in the bundle")
    if not report.consistent:
        # No pointer to `audit replay`: nothing is restored to run it on (the source database
        # may well replay: the bundle is what differs).
        raise InvalidInput(
            "the bundle's events and tables do not replay consistently: "
            f"{report.differences[0].message} ({plural(report.total, 'difference')} in all); "
            "nothing was imported"
        )
    return report


def _insert_all(conn: Connection, table: Table, spec: TableSpec, rows: Any, tally: Tally) -> int:
    batch: list[dict[str, Any]] = []
    count = 0
    widths = widths_of(table, conn.dialect.name)
    checked = _before_insert(table.name)
    for row in rows:
        batch.append(dict(zip(spec.columns, row, strict=True)))
        widths.check(batch[-1])
        if checked is not None:
            checked(batch[-1])
        if len(batch) >= BATCH:
            _insert(conn, table, batch)
            count += len(batch)
            tally.add(len(batch))
            batch = []
    if batch:
        _insert(conn, table, batch)
        count += len(batch)
        tally.add(len(batch))
    return count


def _insert(conn: Connection, table: Table, batch: list[dict[str, Any]]) -> None:
    """The rows written, or the bundle refused naming the table when the table refuses one:
    a row twice, one a check constraint refuses, a value of another type. That was a
    `database error` (kind storage, the target database's trouble to a script) naming no row
    (restore2). The database's first line says which constraint; its words are the backend's."""
    try:
        conn.execute(insert(table), batch)
    except (IntegrityError, DataError) as exc:
        said = str(exc.orig).strip().splitlines()
        raise InvalidInput(
            f"the bundle's table {table.name} does not fit this schema: "
            f"{shown_text(said[0]) if said else type(exc.orig).__name__}; nothing was imported"
        ) from None


def _before_insert(table: str) -> Callable[[dict[str, Any]], None] | None:
    """The check of a row of `table` asked before it is written: a value its table's check
    constraint refuses, said naming the row, the same on SQLite and PostgreSQL (restore2: a
    forged stance was a `database error`). The rest of a row's words are asked after
    (_check_words)."""
    if table != "evidence":
        return None
    from workbench.services.evidence import check_stored_choices

    def check(row: dict[str, Any]) -> None:
        try:
            check_stored_choices(kind=row.get("kind"), stance=row.get("stance"))
        except InvalidInput as exc:
            raise _refused(f"evidence #{row.get('id')}", exc) from None

    return check


def _skip_all(rows: Any, tally: Tally) -> int:
    """Read a derived table's rows (so that they are still checked against the manifest) and
    restore none: no rows of it."""
    for _ in rows:
        tally.add(1)
    return 0


def _manifest_total(manifest: dict[str, Any]) -> int | None:
    """Rows the manifest says each table holds, plus its events twice more (the chain check
    reads them again, and so does the replay) and the rows the replay compares with them; None
    when it does not say (the restore refuses such a bundle later)."""
    try:
        tables = manifest["tables"]
        rows = sum(int(entry["rows"]) for entry in tables.values())
        compared = sum(int(tables[name]["rows"]) for name in COMPARED_TABLES)
        return rows + 2 * int(manifest["audit_head"]["count"]) + compared
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
