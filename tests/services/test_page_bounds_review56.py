"""What one page may cost to read is bounded, and deep markup keeps its text (review56).

A hostile page's cost had no bound: one <p> with 40,000 attributes took 149 s to add, 100,000
short paragraphs 194 s, a 4 MB JSON-LD block 31 s and 497 MB. And a page nested over 256 deep
(unclosed <div>s) lost the text below that depth with exit 0 and no word."""

from __future__ import annotations

import json

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.page_tree import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_JSON_LD, PARSER_DEPTH
from workbench.services.pages import extract_page

ARTICLE = (
    "<p>" + "The minister said the rate rose by 5 percent in 2023, a ten-year high. " * 4 + "</p>"
)


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>".encode()


def test_a_tag_with_too_many_attributes_is_refused_naming_the_limit() -> None:
    """One tag's attributes cost libxml2 time in their square; they were parsed eight times."""
    attrs = " ".join(f'a{i}="x>y"' for i in range(MAX_ATTRIBUTES + 1))
    with pytest.raises(InvalidInput, match=f"over {MAX_ATTRIBUTES:,} attributes"):
        extract_page(_page(f"<article><p {attrs}>x</p>{ARTICLE}</article>"), "many.html")
    fewer = " ".join(f'a{i}="x"' for i in range(MAX_ATTRIBUTES))
    page = extract_page(_page(f"<article><p {fewer}>x</p>{ARTICLE}</article>"), "fewer.html")
    assert "ten-year high" in page.text


def test_a_page_of_too_many_elements_is_refused_naming_the_limit() -> None:
    """100,000 short paragraphs took minutes to extract."""
    body = "<article>" + ARTICLE + "<p>a</p>" * MAX_ELEMENTS + "</article>"
    with pytest.raises(InvalidInput, match=f"over the {MAX_ELEMENTS:,} a page may have"):
        extract_page(_page(body), "long.html")


def test_an_oversized_json_ld_block_is_left_out_and_a_small_one_read() -> None:
    """A 4 MB JSON-LD block was loaded whole by every metadata reader (497 MB)."""
    small = {"@type": "NewsArticle", "datePublished": "2024-03-02"}
    big = {**small, "headline": "h" * MAX_JSON_LD}
    for block, published in ((small, "2024-03-02"), (big, None)):
        head = f'<script type="application/ld+json">{json.dumps(block)}</script>'
        page = extract_page(_page(f"<article>{ARTICLE}</article>", head), "ld.html")
        assert page.metadata["published"] == published


def test_a_page_nested_300_deep_keeps_the_text_below() -> None:
    """The text below libxml2's 256 levels was dropped, exit 0."""
    second = "".join(
        f"<p>The SECOND part, line {n}, says exports fell by {n} percent in 2024.</p>"
        for n in range(3)
    )
    body = "<article>" + ARTICLE + "<div>" * 300 + second + "</div>" * 300 + "</article>"
    text = extract_page(_page(body), "deep.html").text
    assert "ten-year high" in text and text.count("SECOND part") == 3


def test_a_page_nested_deeper_than_the_parser_reads_is_refused_naming_the_depth() -> None:
    """Beyond what the parser follows (2,048 levels) the text cannot be kept: said so."""
    body = "<article>" + ARTICLE + "<div>" * (PARSER_DEPTH + 10) + "<p>deep</p></article>"
    with pytest.raises(InvalidInput, match=f"over {PARSER_DEPTH:,} levels deep"):
        extract_page(_page(body), "deeper.html")
