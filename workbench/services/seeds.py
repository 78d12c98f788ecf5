"""Loading a document and its curated claims from a seed file (YAML or JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.db.models import Claim
from workbench.domain.decoding import decode_text
from workbench.domain.errors import InvalidInput
from workbench.domain.limits import check_file_name
from workbench.domain.occurrences import find_quote
from workbench.domain.spans import Span
from workbench.domain.status import ClaimType
from workbench.domain.text import normalise
from workbench.services.claims import existing_claim, insert_claim
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.documents import (
    DocumentMeta,
    insert_document,
    read_source,
    stored_document,
)
from workbench.services.revisions import placed_in, reanchor_claims, revision_text
from workbench.services.seed_files import DEFAULT_SEED as DEFAULT_SEED
from workbench.services.seed_files import SeedResult as SeedResult
from workbench.services.seed_files import seed_document, seed_file_path, shown_seed
from workbench.services.seed_files import seeds_dir as seeds_dir
from workbench.services.similar import catch_up, with_similar
from workbench.services.validation_words import problems
from workbench.services.views import DocumentView


def parse_seed_file(path: Path, typed: str | None = None) -> Any:
    """The seed file at `path`, read by the name `typed` when given: Path drops a trailing
    slash, and `seed load new/` was refused as "no such file: new" (exits)."""
    import yaml
    from pydantic import ValidationError

    from workbench.domain.unique_keys import RepeatedKey, loads, value_refused
    from workbench.seed_file import SeedFile
    from workbench.services.yaml_input import load_yaml

    name = shown_seed(path)
    raw = decode_text(read_source(typed or str(path)), name)
    try:
        data = loads(raw) if path.suffix.lower() == ".json" else load_yaml(raw)
    except RecursionError:
        raise InvalidInput(
            f"{name} is not valid {path.suffix[1:] or 'YAML'}: nested too deeply"
        ) from None
    except RepeatedKey as exc:
        raise InvalidInput(f"{name}: {exc}") from None
    except (ValueError, yaml.YAMLError) as exc:
        # (YAML's reader turns an integer of over 4,300 digits into a ValueError too)
        said = value_refused(exc) if isinstance(exc, ValueError) else str(exc)
        raise InvalidInput(f"{name} is not valid {path.suffix[1:] or 'YAML'}: {said}") from None
    try:
        return SeedFile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        if errors[0]["type"] in {"model_type", "dict_type"} and not errors[0]["loc"]:
            raise InvalidInput(
                f"{name} is not a seed file: expected `document:` and `claims:` keys"
            ) from None
        raise InvalidInput(f"{name}: {problems(errors, {'claims': 'claim'})}") from None


@dataclass(frozen=True, slots=True)
class PreparedSeed:
    """A seed file read and checked, every quote placed: what is left is to store it."""

    seed: Any  # workbench.seed_file.SeedFile
    text: str
    spans: list[Span]
    meta: DocumentMeta


def prepare_seed(path: str | None = None) -> PreparedSeed:
    """Read and check a seed file before any transaction: one bad quote refuses the whole
    file, and a refused file starts no database."""
    seed_path = seed_file_path(path)
    seed = parse_seed_file(seed_path, path)
    doc_path = seed_document(seed_path, seed.document.file)
    text = normalise(decode_text(read_source(str(doc_path)), str(doc_path)))
    # Recorded as the document's source, as doc add's file name is: the same rule (fix262).
    check_file_name(seed.document.file)
    if not text.strip():
        raise InvalidInput(f"{doc_path} is empty: nothing to check")
    spans = []
    for i, item in enumerate(seed.claims, start=1):
        try:
            spans.append(find_quote(text, item.quote, item.occurrence))
        except InvalidInput as exc:
            raise InvalidInput(f"{shown_seed(seed_path)}: claim {i}: {exc}") from None
    given = seed.document
    meta = DocumentMeta(given.title, given.url, given.author, given.published, given.language)
    try:
        meta.checked()
    except InvalidInput as exc:
        raise InvalidInput(
            f"{shown_seed(seed_path)}: document: {exc.message}", hint=exc.hint
        ) from None
    return PreparedSeed(seed, text, spans, meta)


def store_seed(tx: Tx, prepared: PreparedSeed) -> SeedResult:
    """Store a prepared seed in `tx`; what is already there (same text, same span) is left
    alone."""
    doc = stored_document(tx, prepared.text)
    created = doc is None
    if doc is None:
        doc = insert_document(tx, prepared.text, prepared.meta, source=prepared.seed.document.file)
    new: list[Claim] = []
    present = 0
    # The seed's text is the document's first revision. Revised since, a claim is already there
    # on the seed's text (not moved: an orphan), or where its span is now, as `doc update`
    # moved the claims a load added (below): the one rule (`existing_claim`), asked of both.
    number, latest = revision_text(tx, doc)
    place = placed_in(prepared.text, latest) if number > 1 else None
    for item, span in zip(prepared.seed.claims, prepared.spans, strict=True):
        # A claim listed twice in the file is inserted once: the second finds the first.
        if existing_claim(tx, doc, span, item.text) is not None:
            present += 1
            continue
        now = None if place is None else place(span)
        if now is not None and existing_claim(tx, doc, now, item.text, revision=number) is not None:
            present += 1
            continue
        new.append(
            insert_claim(
                tx, doc, span, item.text, speaker=item.speaker, claim_type=ClaimType(item.type)
            )
        )
    changed: tuple[int, ...] = ()
    if new and number > 1:
        # As `doc update` moved the document's other claims (trial47b: the seed's stayed on
        # revision 1, called exact, highlighted nowhere, and no listing said they had moved).
        outcomes = reanchor_claims(tx, doc, number, latest, only=new)
        changed = tuple(o.claim_id for o in outcomes if o.state in ("fuzzy", "orphaned"))
    similar = {view.id: view.similar or () for view in with_similar(tx, new)}
    return SeedResult(
        DocumentView.of(doc),
        created,
        len(new),
        present,
        {cid: refs for cid, refs in similar.items() if refs},
        moved_to=number if new and number > 1 else None,
        changed=changed,
    )


@mutation
def load_seed(wb: Workbench, path: str | None = None) -> SeedResult:
    """Load a seed; what is already there (same text, same span) is left alone."""
    prepared = prepare_seed(path)
    catch_up(wb)  # the index brought up to date in short transactions, not in this one
    with transaction(wb, write=True) as tx:
        return store_seed(tx, prepared)
