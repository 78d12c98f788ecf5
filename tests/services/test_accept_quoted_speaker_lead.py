"""`extract --accept` asks, for each candidate with no speaker, whom its sentence quotes,
handing `quoted_speaker` the text before the sentence. It handed the whole of it (a copy of
text[:start] per candidate: time and copying quadratic in a long document, 30 s of copying
alone for a 5 MB text of 120,000 sentences), where the lead clause is looked for in its last
LEAD characters."""

from __future__ import annotations

import pytest

from workbench.domain import attribution
from workbench.services import extract as extract_service
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.queries import list_claims

# How far back attribution looks for the clause that introduces a quotation.
LEAD = 120
FILLER = "今年一季度国内生产总值同比增长5.3%，比去年同期加快1.2个百分点。\n" * 40


def test_accept_hands_quoted_speaker_only_the_lead_it_reads(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = attribution.quoted_speaker
    befores: list[str] = []

    def spy(sentence: str, before: str = "") -> str | None:
        befores.append(before)
        return real(sentence, before)

    monkeypatch.setattr(extract_service, "quoted_speaker", spy)
    text = FILLER + "局长王建华在新闻发布会上表示：\n“全市常住人口增长了3.2%，达到1200万。”\n"
    doc = add_document(wb, text.encode(), source="report.txt").document.id
    extract_service.accept_candidates(wb, doc, extract_service.ExtractOptions(min_score=0.0))
    assert LEAD == attribution.LEAD
    assert befores and max(map(len, befores)) <= LEAD
    quoted = [c for c in list_claims(wb) if "1200万" in c.text]
    assert [c.speaker for c in quoted] == ["王建华"]  # the lead still found
