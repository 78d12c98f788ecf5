"""A Markdown file's raw HTML blocks (CommonMark lets a paragraph be written as <p>...</p> or
<div>...</div>, as CMS exports and hand-kept notes do) hold words that are part of the text:
they were dropped without a word, so a claim in them was never offered by `extract`, and a
file written all in HTML blocks was refused as "empty (or only whitespace)"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.unit.linear_time import linear

Run = Callable[..., Any]

HTML_BLOCK = "<div>The GDP grew <b>5%</b> in 2023 &amp; exports fell.</div>\n"
PROSE = "Unemployment fell to 3.9% in 2024.\n"


def _add(cli: Run, tmp_path: Path, source: str) -> Any:
    path = tmp_path / "notes.md"
    path.write_text(source, encoding="utf-8")
    return cli("doc", "add", str(path))


def test_an_html_block_keeps_its_words_and_extract_offers_them(cli: Run, tmp_path: Path) -> None:
    r = _add(cli, tmp_path, HTML_BLOCK + "\n" + PROSE)
    assert r.code == 0, r.err
    text = cli("doc", "text", "1").out
    assert "The GDP grew 5% in 2023 & exports fell." in text, text
    assert "<div>" not in text and "<b>" not in text
    found = json.loads(cli("extract", "1", "--min-score", "0", "--json").out)
    assert any("GDP grew 5%" in c["text"] for c in found), found
    assert all(text[c["start"] : c["end"]] == c["text"] for c in found)


def test_a_file_all_in_html_blocks_is_not_called_empty(cli: Run, tmp_path: Path) -> None:
    r = _add(cli, tmp_path, "<p>The GDP grew 5% in 2023.</p>\n<p>Exports fell 2%.</p>\n")
    assert r.code == 0, r.err
    assert cli("doc", "text", "1").out == "The GDP grew 5% in 2023.\n\nExports fell 2%.\n"


def test_script_style_and_comments_in_an_html_block_are_no_text(cli: Run, tmp_path: Path) -> None:
    source = (
        "<!-- draft: check the 7% figure -->\n\n"
        "<script>var share = '99%';</script>\n\n<style>p { width: 50%; }</style>\n\n" + PROSE
    )
    r = _add(cli, tmp_path, source)
    assert r.code == 0, r.err
    assert cli("doc", "text", "1").out == PROSE


def test_a_file_stored_before_html_blocks_were_read_is_still_recognised() -> None:
    from workbench.domain.markdown import read_markdown

    md = read_markdown(HTML_BLOCK + "\n" + PROSE)
    assert md.text.startswith("The GDP grew 5% in 2023 & exports fell.\n\n")
    assert PROSE in md.earlier  # the text stored when the block was left out
    assert read_markdown(PROSE).earlier == ()  # no HTML: no new earlier reading


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "<div>\n" + "<a " * n,  # html.parser: over a minute for 100 KB
        lambda n: "<div>\n" + "<!--" * n,
        lambda n: "<div>\n" + "<![" * n,  # html.parser: AssertionError
        lambda n: "<div>\n" + "</ " * n,
        lambda n: "<div>\n" + "<p>x" * n,
        lambda n: "<div>\n" + "< x&" * n,
    ],
)
def test_hostile_markup_in_an_html_block_is_read_in_linear_time(
    make: Callable[[int], str],
) -> None:
    from workbench.domain.html_blocks import html_block_lines

    assert linear(html_block_lines, make, small=5_000)


def test_a_br_inside_a_paragraph_is_a_line_break(cli: Run, tmp_path: Path) -> None:
    # Inline HTML's tags were dropped, a <br> with them: "rose 5%Costs" was one word.
    r = _add(cli, tmp_path, "Revenue rose 5%<br>Costs fell 3%.\n")
    assert r.code == 0, r.err
    assert cli("doc", "text", "1").out == "Revenue rose 5%\nCosts fell 3%.\n"


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<BR />", '<br class="x">', "<br\n/>"])
def test_every_spelling_of_br_breaks_the_line_and_the_old_reading_is_recognised(br: str) -> None:
    from workbench.domain.markdown import read_markdown

    md = read_markdown(f"Revenue rose 5%{br}Costs fell 3%.\n")
    assert md.text == "Revenue rose 5%\nCosts fell 3%.\n"
    assert "Revenue rose 5%Costs fell 3%.\n" in md.earlier  # the text stored before


def test_a_tag_that_only_starts_like_br_breaks_no_line() -> None:
    from workbench.domain.markdown import read_markdown

    assert read_markdown("rose<bra>5%<brx/>now\n").text == "rose5%now\n"
