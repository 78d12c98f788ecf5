"""A TextQuoteSelector's context is widened until it names one place (`distinguished`), but in
a text that is one passage over and over (a feed's boilerplate, a page scraped with its list
repeated) no context short of the rest of the text does: each claim's selector then carried
hundreds of thousands of characters, and the desk's own export grew past the size `import
annotations` reads (rpub: 30 claims in a 820,000-character text gave 24.6 MB). Where no
bounded context names one place, the stored one is kept: the TextPositionSelector, exported
beside it, is where the claim is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document

UNIT = "The council met on Monday and agreed that prices rose 12% this year in the north! "
COPIES = 2_000


def test_an_export_of_claims_in_a_repeated_text_is_read_back(
    wb: Workbench, cli: Callable[..., Result], tmp_path: Path
) -> None:
    text = UNIT * COPIES  # 164,000 characters
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="rep")).document.id
    for n in (1, 500, 1_000, 1_500, 2_000):
        add_claim(wb, doc, f"Prices rose ({n})", SpanRequest(quote="prices rose 12%", occurrence=n))
    path = tmp_path / "annotations.json"
    # A limit of 0.5 MB: five claims' selectors are a few kilobytes, not 5 times the text.
    env = {"WORKBENCH_MAX_DOCUMENT_MB": "0.5"}
    exported = cli("export", "annotations", "-o", str(path), env=env)
    assert exported.code == 0, exported.err
    again = cli("import", "annotations", str(path), "--doc", str(doc), "--dry-run", env=env)
    assert again.code == 0, again.err
    assert "5 already present" in again.out + again.err, again.out + again.err
