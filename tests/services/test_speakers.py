"""A speaker is one person however a command spells them: transcript labels are stored as
written (often capitals), and people type names as they say them. The comparison is made in
Python, so SQLite and PostgreSQL (whose lower() differ beyond ASCII) answer alike."""

from __future__ import annotations

import pytest

from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.queries import ClaimFilter, list_claims

TEXT = (
    "OKAFOR: Exports rose 12 percent in 2023.\n"
    "ÉLISE DUBOIS: Unemployment fell to 4 percent.\n"
    "ΣΩΚΡΆΤΗΣ: Tuition doubled since 2010.\n"
    "OKAFOR: Wages grew by 3 percent.\n"
)


@pytest.fixture
def doc(wb: Workbench) -> int:
    return add_document(wb, TEXT.encode()).document.id


def _claim(wb: Workbench, doc: int, quote: str, speaker: str | None) -> int:
    return add_claim(wb, doc, quote, SpanRequest(quote=quote), speaker=speaker).id


def _speakers(wb: Workbench, name: str) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(speaker=name))]


def test_the_speaker_filter_ignores_case_width_and_extra_spaces(wb: Workbench, doc: int) -> None:
    a = _claim(wb, doc, "Exports rose 12 percent in 2023.", "OKAFOR")
    b = _claim(wb, doc, "Unemployment fell to 4 percent.", "ÉLISE DUBOIS")
    c = _claim(wb, doc, "Tuition doubled since 2010.", "ΣΩΚΡΆΤΗΣ")
    for typed in ("OKAFOR", "Okafor", "okafor", " okafor ", "ＯＫＡＦＯＲ"):
        assert _speakers(wb, typed) == [a], typed
    # Beyond ASCII, where SQLite's lower() leaves letters alone and PostgreSQL's folds them.
    assert _speakers(wb, "élise  dubois") == [b]
    assert _speakers(wb, "Élise Dubois") == [b]
    assert _speakers(wb, "σωκράτης") == [c]  # final sigma folds with the capital
    assert _speakers(wb, "elise dubois") == []  # an accent is a different letter
    assert _speakers(wb, "okafo") == []


def test_a_character_that_draws_nothing_makes_no_second_speaker(wb: Workbench, doc: int) -> None:
    a = _claim(wb, doc, "Exports rose 12 percent in 2023.", "OKAFOR")
    # Pasted from a page with a zero-width space, or typed with a variation selector.
    b = _claim(wb, doc, "Wages grew by 3 percent.", "OKAFOR\u200b")
    assert [c.speaker for c in list_claims(wb, ClaimFilter(speaker="okafor"))] == ["OKAFOR"] * 2
    assert _speakers(wb, "Okafor\ufe0f") == [a, b]
    # A speaker of such characters alone is no speaker: the claim is its turn's speaker's, as
    # one added without --speaker is (trial64).
    quote = "Unemployment fell to 4 percent."
    added = add_claim(wb, doc, "x", SpanRequest(quote=quote), speaker="\u200b")
    assert added.speaker == "ÉLISE DUBOIS"


def test_a_new_claim_takes_the_spelling_the_document_already_uses(wb: Workbench, doc: int) -> None:
    _claim(wb, doc, "Exports rose 12 percent in 2023.", "OKAFOR")
    _claim(wb, doc, "Unemployment fell to 4 percent.", "ÉLISE DUBOIS")
    added = add_claim(
        wb, doc, "Wages grew 3%", SpanRequest(quote="Wages grew by 3 percent."), speaker=" Okafor "
    )
    assert added.speaker == "OKAFOR"  # one speaker, not a second one beside OKAFOR
    quote = "Tuition doubled since 2010."
    assert add_claim(wb, doc, "x", SpanRequest(quote=quote), speaker="élise dubois").speaker == (
        "ÉLISE DUBOIS"
    )
    # A name no claim of the document has is stored as given, as is one of another document.
    other = add_document(wb, b"Okafor said exports rose.").document.id
    assert _claim(wb, other, "exports rose", "Okafor") == _speakers(wb, "okafor")[-1]
    assert list_claims(wb, ClaimFilter(document_id=other))[0].speaker == "Okafor"
    assert add_claim(wb, doc, "y", SpanRequest(quote=quote), speaker="Holt").speaker == "Holt"


def test_the_most_used_spelling_is_taken_and_an_existing_one_is_kept(
    wb: Workbench, doc: int
) -> None:
    """Spellings already differ (claims added before this rule, or by another route): the one
    most of the document's claims use wins; a spelling the document already has is kept."""
    _claim(wb, doc, "Exports rose 12 percent in 2023.", "Okafor")
    with_other = add_document(wb, (TEXT + "HOLT: Thank you.\n").encode()).document.id
    for quote in ("Exports rose 12 percent in 2023.", "Wages grew by 3 percent."):
        _claim(wb, with_other, quote, "OKAFOR")
    # the second document: OKAFOR twice; a third spelling comes in as OKAFOR
    quote = "Tuition doubled since 2010."
    assert add_claim(wb, with_other, "t", SpanRequest(quote=quote), speaker="okafor").speaker == (
        "OKAFOR"
    )
    # the first: Okafor once, so Okafor
    assert add_claim(wb, doc, "t", SpanRequest(quote=quote), speaker="OKAFOR ").speaker == "Okafor"


def test_an_edit_takes_the_spelling_of_the_documents_other_claims(wb: Workbench, doc: int) -> None:
    _claim(wb, doc, "Exports rose 12 percent in 2023.", "OKAFOR")
    # (without --speaker, ÉLISE DUBOIS's: her turn holds it)
    cid = _claim(wb, doc, "Unemployment fell to 4 percent.", None)
    done = edit_claim(wb, cid, speaker="okafor")
    assert done.claim.speaker == "OKAFOR" and done.changed == ("speaker",)
    # Its own spelling does not count as another claim's: alone, a claim is re-spelled freely.
    alone = _claim(wb, doc, "Tuition doubled since 2010.", "SOCRATES")
    assert edit_claim(wb, alone, speaker="Socrates").claim.speaker == "Socrates"
    # Asking for the spelling it already has changes nothing.
    assert edit_claim(wb, cid, speaker="OKAFOR").changed == ()


def test_an_edit_respells_a_speaker_the_claim_shares(wb: Workbench, doc: int) -> None:
    # Two claims spelled "Okafor": the person typing OKAFOR on one of them is respelling its
    # speaker, and was told "stored as Okafor" with nothing changed.
    first = _claim(wb, doc, "Exports rose 12 percent in 2023.", "Okafor")
    second = _claim(wb, doc, "Wages grew by 3 percent.", "Okafor")
    done = edit_claim(wb, first, speaker="OKAFOR")
    assert done.claim.speaker == "OKAFOR" and done.changed == ("speaker",)
    # ... to the spelling the other claim has, or a third, as typed too
    assert edit_claim(wb, first, speaker="Okafor").claim.speaker == "Okafor"
    assert edit_claim(wb, second, speaker="okafor").claim.speaker == "okafor"
    # Another person's name still takes the document's spelling of them.
    assert edit_claim(wb, second, speaker="élise dubois").claim.speaker == "élise dubois"
    assert edit_claim(wb, first, speaker="ÉLISE DUBOIS").claim.speaker == "élise dubois"
