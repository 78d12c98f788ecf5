"""Every route that creates a document or a claim obeys the same rules (the insert helpers).

`doc add`, `seed load` and `extract --accept` each used to check (or not) on their own; a seed
could store `url: "not a url at all"` that `doc add --url` refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.domain.errors import Conflict, InvalidInput
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.doc_show import show_document
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.queries import list_claims
from workbench.services.seeds import load_seed

Counts = Callable[[], dict[str, int]]
ARTICLE = "甲说了一句话。乙说了另一句话。"


def write_seed(folder: Path, document: str, claims: str = "") -> Path:
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    seed = folder / "seed.yaml"
    listed = f"\n{claims}" if claims else " []\n"
    seed.write_text(f"document: {{file: a.txt{document}}}\nclaims:{listed}", encoding="utf-8")
    return seed


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (", url: 'not a url at all'", "not an http"),
        (", url: 'ftp://example.org/a'", "not an http"),
        (", published: 'last week'", "published date 'last week' is not a date"),
    ],
)
def test_a_seed_obeys_the_document_rules_of_doc_add(
    wb: Workbench, counts: Counts, tmp_path: Path, meta: str, message: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=message):
        load_seed(wb, str(write_seed(tmp_path, meta)))
    assert counts() == before
    # The same metadata through `doc add` is refused with the same words.
    url = "not a url at all" if "not a url" in meta else None
    published = "last week" if "last week" in meta else None
    if url or published:
        with pytest.raises(InvalidInput, match=message):
            add_document(wb, ARTICLE.encode(), meta=DocumentMeta(url=url, published=published))
        assert counts() == before


def test_a_seed_stores_its_metadata_cleaned_like_doc_add(wb: Workbench, tmp_path: Path) -> None:
    seed = write_seed(tmp_path, ", url: ' https://example.org/a ', title: '  标题 '")
    loaded = load_seed(wb, str(seed))
    assert loaded.document.url == "https://example.org/a"
    assert loaded.document.title == "标题"


def test_a_seed_refusal_names_the_file(wb: Workbench, tmp_path: Path) -> None:
    seed = write_seed(tmp_path, ", url: 'nope'")
    with pytest.raises(InvalidInput, match=r"seed\.yaml: document: 'nope' is not an http"):
        load_seed(wb, str(seed))


def test_one_rule_for_an_existing_claim(wb: Workbench, counts: Counts, tmp_path: Path) -> None:
    """Same document, same span, same text: `claim add` refuses it, `seed load` counts it."""
    seed = write_seed(tmp_path, "", "  - {quote: '甲说了一句话', text: '甲  said something'}\n")
    first = load_seed(wb, str(seed))
    assert first.claims_added == 1
    doc = first.document.id
    with pytest.raises(Conflict, match="already pins this span with this text"):
        add_claim(wb, doc, "甲 said something", SpanRequest(quote="甲说了一句话"))
    before = counts()
    again = load_seed(wb, str(seed))
    assert (again.claims_added, again.claims_present) == (0, 1)
    assert counts() == before
    # Another text on the same span is another claim, on every route.
    add_claim(wb, doc, "甲 said it first", SpanRequest(quote="甲说了一句话"))
    other = write_seed(tmp_path, "", "  - {quote: '甲说了一句话', text: 'a third reading'}\n")
    assert load_seed(wb, str(other)).claims_added == 1
    assert len(list_claims(wb)) == 3


def test_a_claim_listed_twice_in_a_seed_is_stored_once(wb: Workbench, tmp_path: Path) -> None:
    twice = "  - {quote: '乙说了', text: 'B spoke'}\n  - {quote: '乙说了', text: 'B  spoke'}\n"
    loaded = load_seed(wb, str(write_seed(tmp_path, "", twice)))
    assert (loaded.claims_added, loaded.claims_present) == (1, 1)
    assert show_document(wb, loaded.document.id).status_counts["unverified"] == 1
