"""Review 52's lesser findings: an ISO week date taken as a due date, a URL that reads as
another, a page's <template> taken as its text."""

from __future__ import annotations

import pytest

from workbench.domain.clock import parse_date
from workbench.domain.errors import InvalidInput
from workbench.domain.urls import check_http_url
from workbench.services.pages import extract_page

ARTICLE = "The minister said unemployment rose to 7 percent in 2021. " * 5


@pytest.mark.parametrize("value", ["2026-W01-1", "2026W011", "2026-W01"])
def test_an_iso_week_date_is_no_date(value: str) -> None:
    """`claim due 1 2026-W01-1` set 2025-12-29 though the help says YYYY-MM-DD."""
    with pytest.raises(InvalidInput, match="is not a date; use YYYY-MM-DD"):
        parse_date(value)
    assert str(parse_date("20261231")) == "2026-12-31"  # ISO's basic form stays a date


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\ufeff"])
def test_an_invisible_character_in_a_url_is_refused(char: str) -> None:
    """`https://ex.com/\\u202emoc.live` was taken, and shown as .../evil.com."""
    with pytest.raises(InvalidInput, match="is not an http"):
        check_http_url(f"https://ex.com/{char}moc.live")
    assert check_http_url("https://ex.com/中文") == "https://ex.com/中文"
    # a ZWNJ spells Persian (review53: the first rule refused every Cf character)
    persian = "https://fa.wikipedia.org/wiki/همه\u200cپرسی"
    assert check_http_url(persian) == persian
    assert check_http_url(f"https://ex.com/{char}x", stored=True)  # a restore takes the past


def test_a_template_is_no_part_of_the_page() -> None:
    page = (
        "<html><head><title>T</title></head><body><article>"
        f"<p>{ARTICLE}</p><template><p>TEMPLATETEXT shown by a script</p></template>"
        f"<TEMPLATE id=x><p>MORE TEMPLATE</p></TEMPLATE ><p>{ARTICLE.upper()}</p><template><p>"
        "open"
        "</article></body></html>"
    )
    text = extract_page(page.encode(), "p.html").text
    assert "TEMPLATETEXT" not in text and "MORE TEMPLATE" not in text
    assert text.count("unemployment rose") == text.count("UNEMPLOYMENT ROSE") == 5
