"""Markdown nested deeper than markdown-it follows (20 levels) is read flattened (review56)."""

from __future__ import annotations

from workbench.domain.markdown import read_markdown

DEEP = "The rate rose 5% in 2023."


def test_a_list_nested_ten_deep_keeps_its_text() -> None:
    """A list ten deep (`- - - … text`) lost its item's text: the parser left it empty."""
    assert read_markdown("Intro.\n\n" + "- " * 10 + DEEP + "\n").text == f"Intro.\n\n{DEEP}\n"


def test_a_quote_nested_thousands_deep_keeps_its_text() -> None:
    """A quote 5,000 deep lost all its text, and the file was then called empty."""
    text = read_markdown("> " * 5000 + DEEP + "\nstill quoted\n").text
    assert text == f"{DEEP} still quoted\n"


def test_an_outline_deeper_than_the_limit_keeps_an_item_a_block() -> None:
    """An outline indented fourteen levels lost its items from the tenth on; they are kept,
    each a block as the shallower ones are."""
    outline = "".join("  " * i + f"- item {i}\n" for i in range(14))
    text = read_markdown(outline + "\nafter\n").text
    assert text == "\n\n".join([*(f"item {i}" for i in range(14)), "after"]) + "\n"


def test_shallow_nesting_reads_as_before() -> None:
    """Nothing changed below the limit: markers are structure, their text is kept."""
    assert read_markdown("> - a\n>   - b\n\nc\n").text == "a\n\nb\n\nc\n"
