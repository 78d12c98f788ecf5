"""A page read again with the same words, only its spacing otherwise (spaces doubled, spaces at
line ends, tabs, blank lines between paragraphs), is the text the latest revision holds: a
check, not a new revision. Stored, it re-anchored every claim, wrote their events and put a
revision of nothing but spaces in `doc revisions` and `doc changes`, on every fetch of a page
whose template reflows its text. A space taken out between two words is a change of the words
(`3 5` is not `35`), and stays a revision."""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.replay import replay
from workbench.services.revisions import list_revisions, update_document
from workbench.services.sources import Content
from workbench.services.verify import verify_database

TEXT = (
    "Unemployment fell to 3.5% in March, the lowest level since 1969.\n"
    "\n"
    "The city spent 2.8 million dollars on the new bridge, officials said.\n"
)


def _desk(wb: Workbench) -> tuple[int, int]:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="Jobs")).document.id
    claim = add_claim(
        wb, doc, "The bridge cost 2.8 million dollars.", SpanRequest(quote="2.8 million dollars")
    ).id
    return doc, claim


def test_the_same_words_spaced_otherwise_are_a_check_not_a_revision(wb: Workbench) -> None:
    doc, claim = _desk(wb)
    # Not a line rewrapped: a line break is structure (a speaker's turn, a headline's end),
    # test_spacing_line_breaks_rrevs.
    spaced = "  " + TEXT.replace(" ", "  ").replace("\n", "  \n").replace(",  ", ",\t") + "\n\n"
    result = update_document(wb, doc, Content(spaced, "text", "spaced.txt"))
    assert not result.created
    assert result.spacing_only
    assert result.revision.number == 1
    assert [r.number for r in list_revisions(wb, doc)] == [1]
    c = get_claim(wb, claim)
    assert (c.revision, c.anchor_state) == (1, "exact")
    assert verify_database(wb).ok
    assert replay(wb).consistent


def test_the_same_text_is_no_spacing_change(wb: Workbench) -> None:
    doc, _ = _desk(wb)
    result = update_document(wb, doc, Content(TEXT, "text", "same.txt"))
    assert not result.created and not result.spacing_only


def test_a_space_taken_out_between_words_is_a_revision(wb: Workbench) -> None:
    doc, _ = _desk(wb)
    joined = TEXT.replace("2.8 million", "2.8million")
    result = update_document(wb, doc, Content(joined, "text", "joined.txt"))
    assert result.created and not result.spacing_only
    assert [r.number for r in list_revisions(wb, doc)] == [1, 2]
