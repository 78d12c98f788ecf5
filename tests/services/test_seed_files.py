"""A seed already loaded is answered on a read (services.seed_files), the same answer the full
loader gives; anything it is not sure of goes to the full loader, which writes and audits."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.domain.errors import InvalidInput
from workbench.seed_file import SeedClaim, SeedDocument, SeedFile
from workbench.services.board import board
from workbench.services.context import Workbench
from workbench.services.demo import demo_board
from workbench.services.seed_files import (
    CLAIM_KEYS,
    DOCUMENT_KEYS,
    SEED_KEYS,
    loaded_seed,
    seeds_dir,
)
from workbench.services.seeds import DEFAULT_SEED, load_seed

Counts = Callable[[], dict[str, int]]


def _seed_copy(tmp_path: Path, edit: Callable[[dict[str, object]], None]) -> str:
    """The bundled seed and its article in tmp_path, the claims file changed by `edit`."""
    src = seeds_dir() / DEFAULT_SEED
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    shutil.copy(src.parent / data["document"]["file"], tmp_path / data["document"]["file"])
    edit(data)
    path = tmp_path / "seed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_the_plain_keys_are_the_models_fields() -> None:
    assert set(SeedFile.model_fields) == SEED_KEYS
    assert set(SeedDocument.model_fields) == DOCUMENT_KEYS
    assert set(SeedClaim.model_fields) == CLAIM_KEYS


def test_a_loaded_seed_is_read_as_the_loader_reports_it(wb: Workbench, counts: Counts) -> None:
    assert loaded_seed(wb) is None  # nothing loaded yet
    first = demo_board(wb).seed
    assert first.document_created and first.claims_added > 0
    after = counts()
    lean = loaded_seed(wb)
    assert lean is not None
    assert lean.to_json() == load_seed(wb).to_json()
    assert demo_board(wb).seed.to_json() == lean.to_json()
    assert counts() == after


def test_a_claim_not_there_yet_takes_the_full_loader(
    wb: Workbench, counts: Counts, tmp_path: Path
) -> None:
    def drop_last(data: dict[str, object]) -> None:
        claims = data["claims"]
        assert isinstance(claims, list)
        claims.pop()

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    partial = load_seed(wb, _seed_copy(tmp_path / "a", drop_last))
    full = _seed_copy(tmp_path / "b", lambda d: None)
    assert loaded_seed(wb, full) is None  # the document is there, one claim is not
    events = counts()["events"]
    r = demo_board(wb, full).seed
    assert (r.document_created, r.claims_added) == (False, 1)
    assert r.claims_present == partial.claims_added
    assert counts()["events"] > events  # written through the audited loader
    assert loaded_seed(wb, full) is not None


@pytest.mark.parametrize(
    ("edit", "refusal"),
    [
        (lambda d: d["claims"][0].update(type="rumour"), "unknown claim type"),
        (lambda d: d["claims"][0].update(colour="red"), "claim 1: colour: unknown key"),
        (lambda d: d["document"].update(published="someday"), "published"),
        (lambda d: d["claims"][0].update(occurrence=0), "greater than or equal"),
        (lambda d: d["claims"][0].update(quote="no such words here"), "claim 1"),
        (lambda d: d["claims"][0].update(speaker=0), "valid string"),
        (lambda d: d.update(claims=None), "valid list"),
        (lambda d: d.pop("document"), "document: missing"),
    ],
)
def test_anything_unusual_goes_to_the_loader_which_refuses_it(
    wb: Workbench, tmp_path: Path, edit: Callable[[dict[str, object]], None], refusal: str
) -> None:
    load_seed(wb)
    path = _seed_copy(tmp_path, edit)
    assert loaded_seed(wb, path) is None
    with pytest.raises(InvalidInput, match=refusal):
        demo_board(wb, path)


def test_other_metadata_takes_the_loader(wb: Workbench, tmp_path: Path) -> None:
    load_seed(wb)
    path = _seed_copy(tmp_path, lambda d: d["document"].update(title="Another title"))
    assert loaded_seed(wb, path) is None
    assert demo_board(wb, path).seed.claims_added == 0  # the stored document's metadata stays


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The transactions a call opens, by kind: every one asks its Workbench for an engine (an
    ORM transaction, read or write) or a driver reader (a lean read)."""
    opened: Counter[str] = Counter()
    engine, reader = Workbench.engine, Workbench.reader

    def counting_engine(self: Workbench, *, write: bool = False) -> Any:
        opened["write" if write else "read"] += 1
        return engine(self, write=write)

    def counting_reader(self: Workbench) -> Any:
        opened["read"] += 1
        return reader(self)

    monkeypatch.setattr(Workbench, "engine", counting_engine)
    monkeypatch.setattr(Workbench, "reader", counting_reader)
    return opened


def test_the_demo_on_a_new_file_is_one_write_that_reads_its_board(
    tmp_path: Path, opened: Counter[str]
) -> None:
    wb = Workbench(url=f"sqlite:///{tmp_path / 'new.db'}", actor="t")
    shown = demo_board(wb)
    assert dict(opened) == {"write": 1}
    assert shown.seed.document_created and shown.seed.claims_added > 0
    # The board read inside the load's transaction is the one a read after it sees.
    assert shown.board.to_json() == board(wb).to_json()
    assert shown.board.counts["unverified"] == shown.seed.claims_added
    opened.clear()
    again = demo_board(wb)
    assert dict(opened) == {"read": 1}  # the check and the board, in one read
    assert again.board.to_json() == shown.board.to_json()
    assert again.seed.claims_present == shown.seed.claims_added


def test_the_demo_on_a_database_without_the_seed_reads_then_writes(
    wb: Workbench, opened: Counter[str]
) -> None:
    shown = demo_board(wb)
    assert dict(opened) == {"read": 1, "write": 1}
    assert shown.board.to_json() == board(wb).to_json()
    assert shown.board.counts["unverified"] == shown.seed.claims_added > 0


def test_a_driver_error_inside_a_writes_reader_is_a_storage_refusal(wb: Workbench) -> None:
    """Tx.reading runs on the engine's own connection (psycopg 3 on PostgreSQL, where the read
    paths use psycopg2): its driver's errors become the usual one-line refusal too."""
    from workbench.db.sql import Sql
    from workbench.domain.errors import StorageError
    from workbench.services.context import transaction

    with (
        pytest.raises(StorageError, match="database error"),
        transaction(wb, write=True) as tx,
        tx.reading() as reader,
    ):
        reader.raw(Sql("SELECT * FROM no_such_table"))


def test_a_seed_loaded_into_a_revised_document_moves_to_its_latest_text(
    wb: Workbench, counts: Counts
) -> None:
    """trial47b: the article had been corrected (a second revision) before `seed load`: its 31
    claims stayed on revision 1, called exact, highlighted nowhere. They move as `doc update`
    moves claims, and a second load finds them by the span they were added on."""
    from workbench.services.claims import get_claim
    from workbench.services.documents import DocumentMeta, add_document, document_text
    from workbench.services.replay import replay
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    data = yaml.safe_load((seeds_dir() / DEFAULT_SEED).read_text(encoding="utf-8"))
    article = (seeds_dir() / data["document"]["file"]).read_text(encoding="utf-8")
    meta = {k: v for k, v in data["document"].items() if k != "file"}
    doc = add_document(wb, article.encode(), meta=DocumentMeta(**meta)).document.id
    corrected = article.replace("2020年,当他", "2021年初,当他", 1)
    assert corrected != article
    update_document(wb, doc, Content(corrected, "text", "corrected.txt"))
    first = load_seed(wb)
    assert (first.claims_added, first.moved_to) == (31, 2)
    assert len(first.changed) == 1
    [changed] = first.changed
    assert get_claim(wb, changed).anchor_state == "fuzzy"
    text = document_text(wb, doc, 2)
    for cid in range(1, 32):
        c = get_claim(wb, cid)
        assert c.revision == 2 and text[c.start : c.end] == c.quote
    after = counts()
    again = load_seed(wb)
    assert (again.claims_added, again.claims_present, again.moved_to) == (0, 31, None)
    assert counts() == after
    assert replay(wb).consistent


def test_a_seed_claim_the_desk_already_has_on_the_latest_revision_is_present(
    wb: Workbench,
) -> None:
    """Review: the first fix found the seed's claims by the span they were added on, so a
    claim `claim add` put on the latest revision, or one imported on the first and moved by
    `doc update`, was added again. Already there is one rule: the span where it is now."""
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import DocumentMeta, add_document
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    data = yaml.safe_load((seeds_dir() / DEFAULT_SEED).read_text(encoding="utf-8"))
    article = (seeds_dir() / data["document"]["file"]).read_text(encoding="utf-8")
    meta = {k: v for k, v in data["document"].items() if k != "file"}
    first, second = data["claims"][0], data["claims"][1]
    doc = add_document(wb, article.encode(), meta=DocumentMeta(**meta)).document.id
    # the second seed claim, pinned on revision 1 before the correction (as an import would)
    add_claim(wb, doc, second["text"], SpanRequest(quote=second["quote"]))
    update_document(wb, doc, Content("编者按：本文有更新。\n" + article, "text", "v2.txt"))
    # the first, pinned on revision 2 by hand
    add_claim(wb, doc, first["text"], SpanRequest(quote=first["quote"]))
    result = load_seed(wb)
    assert (result.claims_added, result.claims_present) == (29, 2)
