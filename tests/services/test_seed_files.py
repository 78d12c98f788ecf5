"""A seed already loaded is answered on a read (services.seed_files), the same answer the full
loader gives; anything it is not sure of goes to the full loader, which writes and audits."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from workbench.domain.errors import InvalidInput
from workbench.seed_file import SeedClaim, SeedDocument, SeedFile
from workbench.services.context import Workbench
from workbench.services.demo import ensure_seed
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
    first = ensure_seed(wb)
    assert first.document_created and first.claims_added > 0
    after = counts()
    lean = loaded_seed(wb)
    assert lean is not None
    assert lean.to_json() == load_seed(wb).to_json()
    assert ensure_seed(wb).to_json() == lean.to_json()
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
    r = ensure_seed(wb, full)
    assert (r.document_created, r.claims_added) == (False, 1)
    assert r.claims_present == partial.claims_added
    assert counts()["events"] > events  # written through the audited loader
    assert loaded_seed(wb, full) is not None


@pytest.mark.parametrize(
    ("edit", "refusal"),
    [
        (lambda d: d["claims"][0].update(type="rumour"), "unknown claim type"),
        (lambda d: d["claims"][0].update(colour="red"), "Extra inputs"),
        (lambda d: d["document"].update(published="someday"), "published"),
        (lambda d: d["claims"][0].update(occurrence=0), "greater than or equal"),
        (lambda d: d["claims"][0].update(quote="no such words here"), "claim 1"),
        (lambda d: d["claims"][0].update(speaker=0), "valid string"),
        (lambda d: d.update(claims=None), "valid list"),
        (lambda d: d.pop("document"), "Field required"),
    ],
)
def test_anything_unusual_goes_to_the_loader_which_refuses_it(
    wb: Workbench, tmp_path: Path, edit: Callable[[dict[str, object]], None], refusal: str
) -> None:
    load_seed(wb)
    path = _seed_copy(tmp_path, edit)
    assert loaded_seed(wb, path) is None
    with pytest.raises(InvalidInput, match=refusal):
        ensure_seed(wb, path)


def test_other_metadata_takes_the_loader(wb: Workbench, tmp_path: Path) -> None:
    load_seed(wb)
    path = _seed_copy(tmp_path, lambda d: d["document"].update(title="Another title"))
    assert loaded_seed(wb, path) is None
    assert ensure_seed(wb, path).claims_added == 0  # the stored document's metadata stays
