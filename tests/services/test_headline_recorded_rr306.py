"""rr306: review299 holds a recorded headline, in replay, to one printable line in NFC of at
most MAX_TITLE characters; recording cut a page's title at MAX_TITLE *before* putting it in NFC,
which can lengthen it (U+0958 DEVANAGARI LETTER QA is two code points in NFC): a page's own
headline was recorded longer than replay allows, and replay called the trail the workbench
wrote inconsistent. One rule for both: the headline as recorded is the one replay holds to."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.limits import MAX_TITLE
from workbench.services.context import Workbench
from workbench.services.documents import add_from
from workbench.services.replay import replay

PAGE = """<!doctype html><html lang="hi"><head><meta charset="utf-8">
<title>{title}</title></head><body><article><h1>{title}</h1>
<p>सांख्यिकी विभाग के आंकड़ों के अनुसार शहर की आबादी पहली बार दो करोड़ से अधिक हो गई है।</p>
<p>विश्लेषकों का कहना है कि इससे परिवहन, शिक्षा और स्वास्थ्य सेवाओं पर नया दबाव पड़ेगा।</p>
</article></body></html>
"""


def test_a_title_longer_in_nfc_is_recorded_as_replay_holds_it(
    wb: Workbench, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(title="\u0958" * MAX_TITLE), encoding="utf-8")
    add_from(wb, str(page))
    report = replay(wb)
    assert report.consistent, [d.message[:200] for d in report.differences]


def test_a_title_longer_in_nfc_is_stored_within_max_title(wb: Workbench, tmp_path: Path) -> None:
    """The document's title from the same page: cut before NFC too, it was stored 999 characters
    long on SQLite, and PostgreSQL refused the whole `doc add` with its raw 'value too long for
    type character varying(500)'."""
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(title="\u0958" * MAX_TITLE), encoding="utf-8")
    title = add_from(wb, str(page)).document.title
    assert title is not None and len(title) == MAX_TITLE and title.endswith("…")
