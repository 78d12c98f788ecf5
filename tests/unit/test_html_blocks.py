"""The words of a Markdown file's raw HTML block, read as a browser's HTML tokenizer reads the
markup around them (the cases html_blocks' scan once got wrong: an abruptly closed comment, a
">" inside a quoted attribute value), in time linear in the block."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.linear_time import linear
from workbench.domain.html_blocks import html_block_lines


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        # "<!-->" and "<!--->" are whole (empty) comments: the words after them are text
        ("<div>a<!-->c<!--->d</div>", [["acd"]]),
        ("<div>a<!-- x --!>b</div>", [["ab"]]),  # "--!>" ends a comment too
        ("<div>a<!-- x -->b</div>", [["ab"]]),
        # a ">" inside a quoted attribute value does not end the tag
        ("<div>a<a title=\"x>y\" data-x='p>q'>l</a>u</div>", [["alu"]]),
        ('<div>a<a title = "x>y">l</a>u</div>', [["alu"]]),
        ("<div>a<a b'c>d</a>e</div>", [["ade"]]),  # a quote in a name opens no value
        ('<div>a<a href=x>l</a>u<img alt="1 > 2"></div>', [["alu"]]),
        ('<div>t<a title="never closed>u</div>', [["t"]]),  # runs to the end, as in a browser
        ("<p>one<br>two</p><p>three</p>", [["one\ntwo"], ["three"]]),
        # a tag's name runs to a space, "/" or ">": <script_x> is no script, <p_x> no paragraph
        ("<div>a<script_x>b</script_x>c<p_x>d</p_x></div>", [["abcd"]]),
        ("<div>a<style.x>b</style.x>c</div>", [["abc"]]),
        ("<div>A &amp; B &#x4E2D; C&nbsp;D</div>", [["A & B 中 C\xa0D"]]),
        # a script ends at "</script" and HTML's white space, "/" or ">", its letters matched
        # in ASCII only: "ſ" (U+017F) and "ı" (U+0131) are no "s" or "i" there, nor a no-break
        # space (U+00A0) white space
        ("<div>a<script>x='</\u017fcript>';y</script>b</div>", [["ab"]]),
        ("<div>a<script>x='</scr\u0131pt>';y</script>b</div>", [["ab"]]),
        ("<div>a<script>x='</script\xa0>';y</script>b</div>", [["ab"]]),
    ],
)
def test_an_html_block_is_read_as_a_browser_tokenizes_it(
    source: str, lines: list[list[str]]
) -> None:
    assert html_block_lines(source) == lines


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "<div>\n" + '<a b="' * n,
        lambda n: "<div>\n" + "<a b=\"x>\" c='>'>y" * n,
        lambda n: "<div>\n" + "<!-->x" * n,
        lambda n: "<div>\n" + "<!-- --!" * n,
    ],
)
def test_hostile_attributes_and_comments_are_read_in_linear_time(
    make: Callable[[int], str],
) -> None:
    assert linear(html_block_lines, make, small=5_000)


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        # the HTML Standard's rendering section makes these blocks too (display: block)
        ("<center>Headline</center>Body", [["Headline"], ["Body"]]),
        ("<fieldset><legend>Vote</legend>Yes</fieldset>", [["Vote"], ["Yes"]]),
        (
            "<hgroup>A</hgroup><search>B</search><menu>C</menu><dir>D</dir>E",
            [["A"], ["B"], ["C"], ["D"], ["E"]],
        ),
        ("<listing>A</listing>B<plaintext>C", [["A"], ["B"], ["C"]]),
        ("A<body>B</body></html>C", [["A"], ["B"], ["C"]]),
    ],
)
def test_the_words_of_two_blocks_never_glue(source: str, lines: list[list[str]]) -> None:
    assert html_block_lines(source) == lines
