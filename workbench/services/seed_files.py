"""Seed files: where the bundled one is, what loading one gives, and whether one is loaded.

`workbench demo` loads the bundled seed and prints the board; after the first run the seed is
always there, and loading it again would cost the ORM, Pydantic and a write transaction to add
nothing. `loaded_seed` answers that case on a read on the driver (workbench.db.reader; the
demo's own read, which then shows the board): the document with the same text is stored and
every claim of the file already exists (workbench.domain.claim_identity.same_claim, the rule
the loader applies). It answers only for a file it reads as plainly valid; anything else (a
file it cannot read, a field or value it does not expect, a quote it cannot place, a claim not
there yet) leaves it to the full loader (workbench.services.seeds.load_seed), which validates,
reports and writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import workbench
from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import eq, select
from workbench.domain.claim_identity import same_claim
from workbench.domain.decoding import decode_text
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.domain.file_name import no_file_name
from workbench.domain.occurrences import find_quote
from workbench.domain.status import CLAIM_TYPE_NAMES
from workbench.domain.text import normalise, sha256_text
from workbench.services.context import Workbench, reading
from workbench.services.inputs import read_source, real_path
from workbench.services.views import DocumentView, SimilarRef, from_row

DEFAULT_SEED = "minimax-claims.yaml"

# The fields workbench.seed_file's models declare (a test keeps these equal to them): a file
# with any other field is left to the full loader, which validates it.
SEED_KEYS = frozenset({"document", "claims"})
DOCUMENT_KEYS = frozenset({"file", "title", "url", "author", "published", "language"})
CLAIM_KEYS = frozenset({"quote", "occurrence", "text", "speaker", "type"})


def seeds_dir() -> Path:
    """Packaged with the wheel, or at the top of a checkout."""
    package = Path(workbench.__file__).resolve().parent
    packaged = package / "_seeds"
    return packaged if packaged.is_dir() else package.parent / "seeds"


def seed_file_path(path: str | None) -> Path:
    """The seed file named `path`; None (and only None) is the bundled one: `""`, a name lost
    on the way, loaded it unasked (rexits)."""
    if path is None:
        return seeds_dir() / DEFAULT_SEED
    if (why := no_file_name(path)) is not None:
        from workbench.domain.shell import shell_word

        raise InvalidInput(f"seed file {shell_word(path)}: {why}")
    return Path(path)


@dataclass(frozen=True, slots=True)
class SeedResult:
    document: DocumentView
    document_created: bool
    claims_added: int
    claims_present: int
    similar: dict[int, tuple[SimilarRef, ...]] = field(default_factory=dict)
    # The document was revised since the seed's text (its first revision): the revision the
    # claims added were moved to, and those of them whose quote it changed or took away.
    moved_to: int | None = None
    changed: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document.to_json(),
            "document_created": self.document_created,
            "claims_added": self.claims_added,
            "claims_present": self.claims_present,
            "similar": {
                str(cid): [ref.to_json() for ref in refs] for cid, refs in self.similar.items()
            },
            "moved_to": self.moved_to,
            "changed": list(self.changed),
        }


def loaded_seed(
    wb: Workbench, path: str | None = None, conn: Reader | None = None
) -> SeedResult | None:
    """What loading the seed would report if it would add nothing, or None (load it). Read in
    `conn` when given (a read the caller goes on with: the demo's board), else in a read of
    its own."""
    plain = _plain_seed(seed_file_path(path))
    if plain is None:
        return None
    if conn is None:
        with reading(wb) as own:
            return _stored(own, *plain)
    return _stored(conn, *plain)


def _stored(conn: Reader, text: str, meta: dict[str, Any], quotes: Quotes) -> SeedResult | None:
    d = tables.documents.c
    c = tables.claims.c
    row = conn.first(select(*d, source=tables.documents).where(eq(d.sha256, sha256_text(text))))
    if row is None or row.text != text or not _same_meta(row, meta):
        return None
    for quote, occurrence, claim in quotes:
        try:
            same = same_claim(row.id, find_quote(text, quote, occurrence), claim)
        except WorkbenchError:
            return None  # the loader refuses the file, and says why
        match = select(c.id, source=tables.claims).where(
            *(eq(getattr(c, name), value) for name, value in same)
        )
        if conn.first(match) is None:
            return None
    return SeedResult(from_row(DocumentView, row), False, 0, len(quotes))


Quotes = list[tuple[str, int | None, str]]


def _same_meta(row: Any, given: dict[str, Any]) -> bool:
    """The file's metadata is what is stored: it passed the document rules when it was stored
    (services.documents.DocumentMeta), so they need not be repeated here."""
    return all(getattr(row, k) == given.get(k) for k in DOCUMENT_KEYS - {"file"})


def shown_seed(path: Path) -> str:
    """A seed file as its refusals name it: `-` as "standard input", as every reader of `-`
    says ("- is not a seed file" read as a file named "-": fix272)."""
    return "standard input" if str(path) == "-" else str(path)


def seed_document(seed_path: Path, name: str) -> Path:
    """The document file a seed names, which must lie in the seed's folder or below it, as the
    seed format says (`workbench.seed_file.beside_the_seed` refuses an absolute path or `..`;
    here a symbolic link to a folder elsewhere is refused too): InvalidInput else."""
    from workbench.domain.seed_paths import beside_the_seed

    try:
        beside_the_seed(name)
    except ValueError as exc:
        raise InvalidInput(f"{shown_seed(seed_path)}: document: file: {exc}") from None
    folder = real_path(seed_path.parent)
    path = folder / name
    if not real_path(path).is_relative_to(folder):
        raise InvalidInput(
            f"{shown_seed(seed_path)}: document: file: {name!r} leads out of the seed's folder "
            "(through a symbolic link): the article must lie beside the seed file"
        )
    return path


def _plain_seed(path: Path) -> tuple[str, dict[str, Any], Quotes] | None:
    """The seed's document text and its claims' quote, occurrence and text, if the file is
    plainly what workbench.seed_file accepts; None for anything else."""
    import yaml

    from workbench.services.yaml_input import load_yaml

    try:
        raw = decode_text(read_source(str(path)), str(path))
        if path.suffix.lower() == ".json":
            return None  # the bundled seed is YAML; JSON seeds take the full loader
        data = load_yaml(raw)
    except (WorkbenchError, OSError, ValueError, RecursionError, yaml.YAMLError):
        return None
    if not (_plain(data, SEED_KEYS, ()) and _plain(data.get("document"), DOCUMENT_KEYS, ("file",))):
        return None
    given = data["document"]
    if any(v is not None and not isinstance(v, str) for v in given.values()):
        return None
    if given.get("published") is not None or not isinstance(data.get("claims", []), list):
        return None  # a date is parsed by the loader's rule, not repeated here
    quotes = []
    for item in data.get("claims", []):
        if not _plain(item, CLAIM_KEYS, ("quote", "text")):
            return None
        occurrence = item.get("occurrence")
        plain_occurrence = occurrence is None or (type(occurrence) is int and occurrence >= 1)
        if not plain_occurrence or item.get("type", "fact") not in CLAIM_TYPE_NAMES:
            return None
        speaker = item.get("speaker")
        if not (speaker is None or isinstance(speaker, str)) or not (
            item["quote"] and item["text"]
        ):
            return None
        quotes.append((item["quote"], occurrence, item["text"]))
    try:
        doc_path = seed_document(path, given["file"])
        text = normalise(decode_text(read_source(str(doc_path)), str(doc_path)))
    except (WorkbenchError, OSError):
        return None
    return text, given, quotes


def _plain(value: object, allowed: frozenset[str], required: tuple[str, ...]) -> bool:
    """A mapping of known text keys, with the required ones given as text."""
    return (
        isinstance(value, dict)
        and all(isinstance(k, str) for k in value)
        and set(value) <= allowed
        and all(isinstance(value.get(k), str) for k in required)
    )
