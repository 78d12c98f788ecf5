"""The bundle: every table of the workbench in one deterministic ZIP archive.

Layout: `tables/<table>.jsonl` (one JSON array per row, columns in the manifest's order, rows by
primary key) and `manifest.json` (format, schema revision, audit head, and per table its columns,
row count and the SHA-256 of its file). Values are JSON: text and numbers as they are, dates and
times as ISO 8601, bytes as base64. The same state always gives the same bytes: entries have a
fixed timestamp and order, and nothing in it records when or where it was written.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from workbench.domain import unique_keys
from workbench.domain.errors import InvalidInput
from workbench.domain.limits import said
from workbench.domain.shown import shown, shown_text

FORMAT = "claim-workbench-bundle"
VERSION = 1
MANIFEST = "manifest.json"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# A manifest names the tables, their columns and kinds, row counts and digests: a few KB. It is
# read whole and parsed, so it is read at most this far; a manifest padded to 200 MB was read
# into memory twice over (438 MB) before anything looked at it (review54).
MAX_MANIFEST_BYTES = 1024 * 1024
# Column kinds: how a value is written to JSON and read back.
KINDS = ("int", "text", "datetime", "date", "bytes", "bool", "float")

# An int cell's range: what an INTEGER column holds on both backends (PostgreSQL's is 32-bit,
# SQLite's 64): a bundle's value past it is refused naming its row on either, not a driver's
# OverflowError on one and a database error blaming the target on the other (review133).
INT_MIN, INT_MAX = -(2**31), 2**31 - 1

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]
    kinds: tuple[str, ...]


def encode_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        assert isinstance(value, dt.datetime) and value.tzinfo is not None
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if kind == "date":
        return value.isoformat()
    if kind == "bytes":
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode_value(kind: str, value: Any, where: str) -> Any:
    if value is None:
        return None
    try:
        if kind == "datetime":
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("no time zone")
            # In UTC, as the columns store it: an offset taking it past the year 9999 (or
            # before 1) is this cell's OverflowError here, said with its row, not a database
            # error on the insert quoting the row's values (rA; --since's hole, 6307f805).
            return moment.astimezone(dt.UTC)
        if kind == "date":
            return dt.date.fromisoformat(value)
        if kind == "bytes":
            return base64.b64decode(value, validate=True)
        if kind == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
            raise ValueError("not an integer")
        if kind == "int" and not INT_MIN <= value <= INT_MAX:
            raise ValueError("past what a database's integer column holds")
        if kind == "text" and not isinstance(value, str):
            raise ValueError("not text")
        if kind == "text" and (unheld := _NO_DATABASE_HOLDS.search(value)):
            raise InvalidInput(f"bundle {where}: bad text value ({_unheld(unheld)})")
        if kind == "bool" and not isinstance(value, bool):
            raise ValueError("not true or false")
        if kind == "float" and not (isinstance(value, int | float) and not isinstance(value, bool)):
            raise ValueError("not a number")
        # (a JSON number past a float's range, Infinity or NaN: SQLite stores NaN as NULL)
        if kind == "float" and not math.isfinite(float(value)):
            raise ValueError("not a finite number")
    except (ValueError, TypeError, OverflowError) as exc:
        # Each clipped: the cell may be a document's whole text, and a parser's words repeat
        # it ("Invalid isoformat string: '...'").
        raise InvalidInput(
            f"bundle {where}: bad {kind} value {shown(value)} ({said(str(exc))})"
        ) from None
    return value


# What no text column holds on both backends: a NUL (PostgreSQL refuses it, SQLite stores it,
# and every command that stores text refuses it) and half a surrogate pair (no character; the
# drivers cannot encode it). JSON writes either as an escape (\u0000, \ud800), so a row that
# parses may hold one: it is refused naming the row, before any row is written, alike on both.
_NO_DATABASE_HOLDS = re.compile(r"[\x00\ud800-\udfff]")


def _unheld(found: re.Match[str]) -> str:
    """What `_NO_DATABASE_HOLDS` found, and where (the character's position, from 1): the
    cell itself may be a whole document's text, so it is not shown."""
    char, position = found.group(), found.start() + 1
    if char == "\x00":
        return f"a NUL character at {position}, which no database's text holds"
    return (
        f"half a surrogate pair (\\u{ord(char):04x}) at {position}, with no other half: "
        "no character is written so"
    )


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_bundle(
    out: IO[bytes],
    tables: Iterable[tuple[TableSpec, Iterable[Sequence[Any]]]],
    meta: dict[str, Any],
) -> dict[str, Any]:
    """Write the archive; returns its manifest. `tables` rows are raw column values."""
    manifest_tables: dict[str, Any] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for spec, rows in tables:
            digest = hashlib.sha256()
            count = 0
            with archive.open(_info(f"tables/{spec.name}.jsonl"), "w", force_zip64=True) as f:
                for row in rows:
                    values = [encode_value(k, v) for k, v in zip(spec.kinds, row, strict=True)]
                    line = (_ENCODE(values) + "\n").encode("utf-8")
                    digest.update(line)
                    f.write(line)
                    count += 1
            manifest_tables[spec.name] = {
                "columns": list(spec.columns),
                "kinds": list(spec.kinds),
                "rows": count,
                "sha256": digest.hexdigest(),
            }
        manifest = {"format": FORMAT, "version": VERSION, **meta, "tables": manifest_tables}
        text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        archive.writestr(_info(MANIFEST), text.encode("utf-8"))
    return manifest


class BundleReader:
    """Reads a bundle, checking as it goes: known layout, sizes within limits, every table's
    row count and SHA-256 as the manifest says."""

    def __init__(self, source: IO[bytes], *, max_bytes: int, max_row_bytes: int) -> None:
        try:
            self.archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InvalidInput(f"not a workbench bundle (not a ZIP archive: {exc})") from None
        # ZIP readers differ on which of two entries of one name counts (unzip extracts the
        # first, zipfile reads the last), as JSON readers do on a key named twice: a true
        # manifest and tables followed by forged ones would show one desk to whoever checks
        # the archive with unzip and restore another. A bundle this workbench wrote names
        # each file once.
        seen: set[str] = set()
        for name in self.archive.namelist():
            if name in seen:
                raise InvalidInput(
                    f"the bundle names {shown_text(name)} twice: not a bundle this workbench wrote"
                )
            seen.add(name)
        total = sum(i.file_size for i in self.archive.infolist())
        if total > max_bytes:
            raise InvalidInput(
                f"the bundle unpacks to {total:,} bytes, over the {max_bytes:,}-byte limit "
                "(raise it with WORKBENCH_MAX_BUNDLE_MB)"
            )
        try:
            with self.archive.open(MANIFEST) as f:
                raw = f.read(MAX_MANIFEST_BYTES + 1)
            if len(raw) > MAX_MANIFEST_BYTES:
                raise InvalidInput(
                    f"the bundle's manifest is over {MAX_MANIFEST_BYTES:,} bytes, more than a "
                    "manifest holds: not a bundle this workbench wrote"
                )
            # A key named twice is refused, as in every JSON handed to the workbench: readers
            # differ on which value counts (a forged audit head first, the true one last).
            manifest = unique_keys.loads(raw.decode("utf-8"))
        except KeyError:
            raise InvalidInput("not a workbench bundle: it has no manifest.json") from None
        except RecursionError:
            raise InvalidInput(
                "the bundle's manifest is not valid JSON: nested too deeply"
            ) from None
        except ValueError as exc:
            raise InvalidInput(
                f"the bundle's manifest is not valid JSON: {unique_keys.value_refused(exc)}"
            ) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise InvalidInput("not a workbench bundle: its manifest names another format")
        if manifest.get("version") != VERSION:
            raise InvalidInput(
                f"bundle format version {manifest.get('version')!r}; this workbench reads "
                f"version {VERSION}"
            )
        self.manifest: dict[str, Any] = manifest
        self.max_row_bytes = max_row_bytes
        tables = manifest.get("tables")
        if not isinstance(tables, dict):
            raise InvalidInput("the bundle's manifest lists no tables")
        expected = {MANIFEST, *(f"tables/{name}.jsonl" for name in tables)}
        names = set(self.archive.namelist())
        if names != expected:
            odd = sorted(names ^ expected)
            raise InvalidInput(f"the bundle's files do not match its manifest: {', '.join(odd)}")

    def spec(self, name: str) -> TableSpec:
        entry = self.manifest["tables"][name]
        if not isinstance(entry, dict):
            raise InvalidInput(f"the bundle's manifest describes table {name} badly")
        kinds = tuple(entry.get("kinds", ()))
        columns = tuple(entry.get("columns", ()))
        if len(kinds) != len(columns) or any(k not in KINDS for k in kinds):
            raise InvalidInput(f"the bundle's manifest describes table {name} badly")
        return TableSpec(name, columns, kinds)

    def rows(self, name: str) -> Iterator[list[Any]]:
        spec = self.spec(name)
        entry = self.manifest["tables"][name]
        try:
            yield from self._read(name, spec, entry)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            # A damaged member (a flipped byte fails its CRC) is found only while reading.
            raise InvalidInput(f"the bundle is damaged (table {name}): {exc}") from None

    def _read(self, name: str, spec: TableSpec, entry: dict[str, Any]) -> Iterator[list[Any]]:
        digest = hashlib.sha256()
        count = 0
        with self.archive.open(f"tables/{name}.jsonl") as f:
            # A line is read at most a row's bytes at a time: a 3 MB bundle of one 3 GB line was
            # read whole, then parsed, and took 6.2 GB before it was refused (review52).
            for number, line in enumerate(iter(lambda: f.readline(self.max_row_bytes + 1), b""), 1):
                where = f"{name} row {number}"
                if len(line) > self.max_row_bytes:
                    raise InvalidInput(
                        f"bundle {where}: over {self.max_row_bytes:,} bytes, more than a row holds "
                        "(an evidence file or a document at the size limits: "
                        "WORKBENCH_MAX_EVIDENCE_MB, WORKBENCH_MAX_DOCUMENT_MB)"
                    )
                digest.update(line)
                try:
                    values = json.loads(line)
                except (ValueError, RecursionError):
                    raise InvalidInput(f"bundle {where}: not valid JSON") from None
                if not isinstance(values, list) or len(values) != len(spec.columns):
                    raise InvalidInput(f"bundle {where}: expected {len(spec.columns)} values")
                yield [decode_value(k, v, where) for k, v in zip(spec.kinds, values, strict=True)]
                count += 1
        if count != entry.get("rows") or digest.hexdigest() != entry.get("sha256"):
            raise InvalidInput(
                f"bundle table {name} does not match its manifest (rows or SHA-256 differ): "
                "the file was changed or damaged"
            )
