"""A bundle's archive holds one entry per name (review restore)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_bundle import bundle_bytes, fresh_sqlite
from test_bundle_replay import forge

from workbench.domain.chain import canonical_json
from workbench.domain.errors import InvalidInput
from workbench.services.bundle import import_bundle
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence


def _retitled(t: dict[str, list[dict[str, Any]]]) -> None:
    """The evidence's title changed, in its row and its event alike."""
    for row in t["evidence"]:
        row["title"] = "Forged"
    for ev in t["events"]:
        if ev["action"] == "evidence.added":
            payload = json.loads(ev["payload"])
            payload["after"]["title"] = "Forged"
            ev["payload"] = canonical_json(payload)


def test_a_bundle_naming_a_file_twice_is_refused(wb: Workbench, tmp_path: Path) -> None:
    """ZIP readers differ on which of two entries of one name counts (`unzip` extracts the
    first, Python's zipfile reads the last): a bundle holding the true manifest and tables
    first and forged ones after them shows one desk to whoever checks it with unzip and
    restores another."""
    doc = add_document(wb, b"The rate rose 5% last year, the minister said.").document.id
    cid = add_claim(wb, doc, "The rate rose 5%", SpanRequest(quote="The rate rose 5%")).id
    add_evidence(wb, cid, EvidenceInput(stance="supports", url="https://example.org/m"))
    true = zipfile.ZipFile(io.BytesIO(bundle_bytes(wb)))
    forged = zipfile.ZipFile(io.BytesIO(forge(bundle_bytes(wb), _retitled)))
    path = tmp_path / "twice.zip"
    with zipfile.ZipFile(path, "w") as out, pytest.warns(UserWarning, match="Duplicate name"):
        for source in (true, forged):
            for name in source.namelist():
                out.writestr(name, source.read(name))
    target = Workbench(url=fresh_sqlite(tmp_path, "t.db"), actor="tester")
    with pytest.raises(InvalidInput, match=r"^the bundle names tables/\S+\.jsonl twice"):
        import_bundle(target, str(path))
