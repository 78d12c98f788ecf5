"""What review50 found wrong in the session's own changes (each failed before its fix): a
sentence end taken at an abbreviation, a speaker left non-NFC or stripped of its joiners."""

from __future__ import annotations

import unicodedata

from workbench.domain.anchoring import Matcher, Selector
from workbench.services.speakers import speaker_name

OLD = (
    "Intro line here.\nThe city had 1523 buses in 2020, a record high for the whole region.\n"
    "Other text follows here."
)
QUOTE = "The city had 1523 buses in 2020, a record high for the whole region."


def _reanchor(new: str) -> str:
    s0 = OLD.index(QUOTE)
    sel = Selector(
        s0, s0 + len(QUOTE), QUOTE, OLD[max(0, s0 - 32) : s0], OLD[s0 + len(QUOTE) : s0 + 100]
    )
    found = Matcher(new).reanchor(sel, s0)
    assert found.span is not None
    return new[found.span.start : found.span.end]


def test_sentence_end_extension_stops_at_an_abbreviation() -> None:
    new = OLD.replace("region.", "area, says Dr. Li of the bureau.")
    quote = _reanchor(new)
    # d6a36d1 extends the span to "… says Dr." (an abbreviation's point taken for the end of
    # the sentence): the claim's quote now ends in the middle of a name.
    assert not quote.endswith("Dr."), quote


def test_sentence_end_extension_stops_at_no_abbreviation() -> None:
    new = OLD.replace("region.", "area, see No. 5 in the annex.")
    assert not _reanchor(new).endswith("No."), _reanchor(new)


def test_speaker_without_invisibles_is_nfc() -> None:
    # 70ec16d: removing U+200B between a base letter and a combining mark leaves a decomposed,
    # non-NFC speaker, stored and then imposed on the document's other claims.
    stored = speaker_name("Jose\u200b\u0301")
    assert stored is not None
    assert stored == unicodedata.normalize("NFC", stored), ascii(stored)


def test_speaker_keeps_zwnj_of_a_persian_name() -> None:
    # U+200C ZERO WIDTH NON-JOINER is spelling in Persian (علی‌رضا is drawn unjoined); 70ec16d
    # removes it, and the stored speaker is drawn as another word (علیرضا).
    name = "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627"
    assert speaker_name(name) == name
