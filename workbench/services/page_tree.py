"""A page's HTML parsed once, within bounds, for every reader of it (workbench.services.pages).

The page was parsed by lxml once for each reader (trafilatura's text and metadata, its reading
with its own settings, the headline, date and author readers): eight parses for one `doc add`,
and a hostile page's cost multiplied with no bound (review56: one <p> with 40,000 attributes,
430 KB, took 149 s to add; 100,000 short paragraphs, 800 KB, 194 s). It is parsed here once;
trafilatura is given the tree, which it copies. What a page may cost is bounded:

* a tag with more than MAX_ATTRIBUTES attributes is refused before the parse (libxml2's time
  grows with the square of one tag's attributes: 10,000 took 0.09 s, 40,000 2.7 s);
* a page of more than MAX_ELEMENTS elements is refused: trafilatura's work grows faster than
  their number (25,000 short paragraphs took 2 s of CPU, 100,000 took 26 s) and no article
  page comes near it;
* a JSON-LD block over MAX_JSON_LD characters is left out (trafilatura and the date reader
  load it whole: a 4 MB one took 31 s and 497 MB);
* elements nested deeper than MAX_DEPTH (broken markup's unclosed <div>s and <font>s) are
  flattened: libxml2 dropped everything below 256 levels with no word, and trafilatura parses
  its fallback's output again with that limit. The parse itself follows 2,048 levels; a page
  nested deeper is refused, naming the depth.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.domain.errors import InvalidInput

MAX_ATTRIBUTES = 1_000
MAX_ELEMENTS = 50_000
MAX_JSON_LD = 262_144
MAX_DEPTH = 200
# libxml2's depth limit with XML_PARSE_HUGE (lxml's huge_tree): deeper markup is cut there.
PARSER_DEPTH = 2_048

# A start tag holding more than MAX_ATTRIBUTES attributes (quoted values read whole, so a `>`
# or `=` in one counts for nothing). Each start tag is tried once; a usual one fails within
# its own few attributes.
_MANY_ATTRIBUTES = re.compile(
    r"<[A-Za-z][^\s/>]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]*))?)"
    + f"{{{MAX_ATTRIBUTES + 1}}}"
)
# Blocks of text kept whole when a too-deep part is flattened.
_TEXT_BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "td",
        "th",
        "caption",
        "figcaption",
    ]
)


def parsed_page(html: str, source: str) -> Any:
    """The page as trafilatura's loader parses it (its repairs, its parser's settings), or None
    where it is no HTML; within the bounds above (InvalidInput where it is over them)."""
    if _MANY_ATTRIBUTES.search(html) is not None:
        raise InvalidInput(
            f"{source}: a tag in the page has over {MAX_ATTRIBUTES:,} attributes; no article "
            "is written so (refused rather than parsed at that cost)"
        )
    root, deeper = _load(html)
    if deeper:
        raise InvalidInput(
            f"{source}: the page nests its elements over {PARSER_DEPTH:,} levels deep, where "
            "the HTML parser stops reading; the text below that depth would be lost"
        )
    if root is None:
        return None
    _bounded(root, source)
    return root


def _load(html: str) -> tuple[Any, bool]:
    """trafilatura.utils.load_html's reading of a page's text, with a parser that follows deep
    markup; and whether the markup went deeper than it follows."""
    from lxml.html import HTMLParser, fromstring  # type: ignore[import-untyped]
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    tree: Any = None
    as_bytes = False
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # a string with an encoding declaration: read as UTF-8 bytes
        as_bytes = True
    except Exception:
        tree = None
    if as_bytes or tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
        except Exception:
            tree = None
    deeper = any("Excessive depth" in error.message for error in parser.error_log)
    if tree is not None and dubious and len(tree) < 2:
        tree = None
    return tree, deeper


def _bounded(root: Any, source: str) -> None:
    """Refuse a page of too many elements; flatten its too-deep parts; leave out JSON-LD too
    big to read."""
    from lxml import etree  # type: ignore[import-untyped]

    count = 0
    depth = 0
    too_deep: list[Any] = []
    for event, elem in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        count += 1
        if depth == MAX_DEPTH and len(elem):
            too_deep.append(elem)
    if count > MAX_ELEMENTS:
        raise InvalidInput(
            f"{source}: the page has {count:,} elements, over the {MAX_ELEMENTS:,} a page may "
            "have (no article is written with so many)"
        )
    for elem in too_deep:
        _flatten(elem)
    for script in root.iter("script"):
        if script.get("type") == "application/ld+json" and len(script.text or "") > MAX_JSON_LD:
            script.text = ""


def _flatten(top: Any) -> None:
    """The elements below `top` flattened to two levels: blocks of text (a paragraph, a
    heading, a list item) become its children, with the leaves they hold; every other element
    gives its text and children to its parent. Done top-down, so an element's parent is `top`
    or a kept block when its turn comes."""
    for elem in list(top.iterdescendants()):
        if not len(elem):
            continue
        if elem.getparent() is top and elem.tag in _TEXT_BLOCKS:
            continue
        elem.drop_tag()
