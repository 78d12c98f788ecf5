"""rrbundle: the report's escaping (`e`, rbundle) writes a control as `\\uXXXX` and a bidi
control as a character reference. What an editor legitimately stores must reach the reader as
it is: a tab and a line feed in the pre-wrap article, ZWNJ (Persian) and ZWJ (an emoji family),
which are no bidi controls; and each highlight must hold its claim's quote, though characters
before it were written as longer escapes (offsets count code points of the stored text)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from test_report import chromium, needs_chromium

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import report_pages

ARTICLE = (
    "Line one\twith tab.\nمی\u200cخواهم said the man. \U0001f468\u200d\U0001f469\u200d"
    "\U0001f467 family of 3.\nPara\u2028sep here. Next \u202eRLO text\u202c done. "
    "ESC \x1b[31mred\x1b[0m then 5% rose.\x85 NEL end.\n"
)
QUOTES = (
    "with tab",
    "می\u200cخواهم",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 family",
    "sep here",
    "RLO text",
    "red\x1b[0m then",
    "5% rose",
    "NEL end",
)


def read(text: str) -> str:
    """`text` as the page's reader gets it: a C0 or C1 control but the tab and the line feed
    as `\\uXXXX` (as every export shows one), every other character itself."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


PROBE = """
<script>
window.addEventListener('load', function () {
  var out = {article: document.querySelector('article').textContent, marks: {}};
  document.querySelectorAll('mark[data-claim-id]').forEach(function (m) {
    out.marks[m.getAttribute('data-claim-id')] = m.textContent;
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def _desk(wb: Workbench) -> tuple[int, dict[str, str]]:
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="T")).document.id
    ids = {
        str(add_claim(wb, doc, f"Claim {n}", SpanRequest(quote=q)).id): q
        for n, q in enumerate(QUOTES, start=1)
    }
    return doc, ids


def _article(page: str) -> str:
    found = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
    assert found is not None
    return html.unescape(re.sub(r"</?mark[^>]*>", "", found.group(1)))


def test_the_article_reads_as_stored_but_its_controls(wb: Workbench) -> None:
    doc, _ids = _desk(wb)
    [page] = report_pages(wb, document_ids=[doc])
    assert _article(page.text) == read(ARTICLE)
    for mark in re.findall(r"<mark [^>]*data-claim-id[^>]*>(.*?)</mark>", page.text):
        assert html.unescape(mark) in {read(q) for q in QUOTES}, mark


@needs_chromium
def test_the_browser_reads_the_article_and_each_quote(wb: Workbench, tmp_path: Path) -> None:
    doc, ids = _desk(wb)
    [page] = report_pages(wb, document_ids=[doc])
    probe = tmp_path / "probe.html"
    probe.write_text(page.text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = chromium("--dump-dom", probe.as_uri(), profile=tmp_path / "profile")
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    seen = json.loads(html.unescape(found.group(1)))
    assert seen["article"] == read(ARTICLE), seen["article"]
    assert seen["marks"] == {cid: read(q) for cid, q in ids.items()}, seen["marks"]
