"""The HTML report: spans, overlaps and escaping in the markup, then in a real browser."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from export_desk import Desk, Run, make_revised
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.status import Status
from workbench.exports.report import FLAGGED_STYLE, STYLES, TEXT_COLOUR, article_html
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.exports import claim_rows
from workbench.services.publishing import ClaimRecord
from workbench.services.views import ClaimView


class Marks(HTMLParser):
    """Collects, per claim, the text of its primary element and of its continuation parts."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str] | None] = []
        self.primary: dict[str, list[str]] = {}
        self.parts: dict[str, list[str]] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag != "mark":
            return
        if a.get("data-claim-id"):
            key = str(a["data-claim-id"])
            assert key not in self.primary, f"claim {key} has two primary elements"
            self.primary[key] = []
            self.open.append(("p", key))
        elif a.get("data-claim-part"):
            self.parts.setdefault(str(a["data-claim-part"]), [])
            self.open.append(("c", str(a["data-claim-part"])))
        else:
            self.open.append(None)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for entry in self.open:
            if entry is None:
                continue
            kind, key = entry
            (self.primary if kind == "p" else self.parts)[key].append(data)


def record(cid: int, start: int, end: int, text: str) -> ClaimRecord:
    view = ClaimView(
        id=cid,
        document_id=1,
        text=f"claim {cid}",
        quote=text[start:end],
        start=start,
        end=end,
        prefix="",
        suffix="",
        speaker=None,
        type="fact",
        status="unverified",
        created_by="t",
        created_at="",
        updated_at="",
        version=1,
    )
    return ClaimRecord(view, (), (), (), None)


def crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="ab<&>\"'中文,\n", min_size=1, max_size=40).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(
                    lambda t: t[0] < t[1]
                ),
                max_size=8,
            ),
        )
    )
)
def test_spans_nest_and_the_text_is_unchanged(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    records = [record(i, s, e, text) for i, (s, e) in enumerate(spans, start=1)]
    parser = Marks()
    parser.feed(article_html(text, records))
    parser.close()
    assert "".join(parser.text) == text
    for i, (s, e) in enumerate(spans, start=1):
        key = str(i)
        primary = "".join(parser.primary[key])
        rest = "".join(parser.parts.get(key, []))
        assert primary + rest == text[s:e]
        if not any(crosses((s, e), other) for other in spans):
            assert primary == text[s:e] and key not in parser.parts


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_status_colours_have_contrast_and_are_not_the_only_cue() -> None:
    text = luminance(TEXT_COLOUR)
    styles = [*STYLES.values(), FLAGGED_STYLE]  # and the neutral state of a flagged claim
    for background, _line, _symbol in styles:
        ratio = (luminance(background) + 0.05) / (text + 0.05)
        assert ratio >= 7, (background, ratio)
    # Besides its colour, each status shown has its own symbol (and an underline style); a
    # withdrawn claim is never on the page.
    assert set(STYLES) == set(Status) - {Status.WITHDRAWN}
    assert len({symbol for _bg, _line, symbol in styles}) == len(STYLES) + 1


def test_user_text_is_escaped(run: Run, desk: Desk, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    r = run("report", str(desk.doc), "-o", str(target))
    assert r.code == 0, r.err
    page = target.read_text(encoding="utf-8")
    assert page.count("<script>") == 1  # the page's own
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    # nothing that would load: no external scripts, styles, images, frames or fonts
    assert not re.search(r"<(link|img|iframe|object|embed|video|audio|source)\b", page)
    assert not re.search(r"\bsrc=", page) and "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src &#x27;none&#x27;" in page


def test_a_report_named_otherwise_than_html_is_written_with_a_warning(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    """A trial wrote `-o d2.md` expecting Markdown and got HTML without a word (a .md file is
    Markdown now: test_report_markdown_trial324); a name that says no format is warned of."""
    target = tmp_path / "d2.txt"
    r = run("report", str(desk.doc), "-o", str(target))
    assert r.code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"warning: {target} holds HTML" in r.err
    assert "holds HTML" not in run("report", str(desk.doc), "-o", str(tmp_path / "a.html")).err


def test_report_shows_the_latest_revision_and_marks_claims_left_behind(
    run: Run, wb: Workbench, tmp_path: Path
) -> None:
    from export_desk import SECOND_TEXT

    desk = make_revised(wb)
    target = tmp_path / "r.html"
    r = run("report", str(desk.doc), "-o", str(target))
    assert r.code == 0, r.err
    page = target.read_text(encoding="utf-8")
    parser = Marks()
    parser.feed(page.split('aria-label="article">', 1)[1].split("</article>", 1)[0])
    assert "".join(parser.text) == SECOND_TEXT  # the latest revision's text
    marked = {int(cid): "".join(parts) for cid, parts in parser.primary.items()}
    assert marked == {desk.ids["revenue"]: "营收增长了12%", desk.ids["outlook"]: "明年会更好"}
    item = page.split(f'id="claim-{desk.ids["profit"]}"', 1)[1].split("</li>", 1)[0]
    assert "on revision 1, not highlighted: its quote was not found in revision 2" in item
    moved = page.split(f'id="claim-{desk.ids["revenue"]}"', 1)[1].split("</li>", 1)[0]
    assert "re-anchored onto revision 2 (moved" in moved


def test_report_all_writes_pages_and_an_index(run: Run, desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    r = run("report", "--all", "-o", str(folder))
    assert r.code == 0, r.err
    assert sorted(p.name for p in folder.iterdir()) == [f"document-{desk.doc}.html", "index.html"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert f'href="document-{desk.doc}.html"' in index and "MiniMax profile" in index
    assert run("report", "-o", str(folder)).code == 2
    assert run("report", "1", "--all", "-o", str(folder)).code == 2
    assert run("report", "99", "-o", str(tmp_path / "x.html")).code == 1
    # A file for --all is said to be one at once, not "exists: give --force" first.
    page = tmp_path / "r.html"
    page.write_text("mine", encoding="utf-8")
    for force in ((), ("--force",)):
        r = run("report", "--all", "-o", str(page), *force)
        assert r.code == 1 and "-o names a folder" in r.err, r.err
    assert page.read_text(encoding="utf-8") == "mine"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "not-there")
    r = run("report", "--all", "-o", str(dangling), "--force")
    assert r.code == 1 and "-o names a folder" in r.err, r.err


def test_report_all_into_a_missing_folder_is_said_as_every_other_output_says_it(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    """A researcher's script wrote `report --all -o out/2026-12/site` before making out/: it was
    told "No such file or directory: out/2026-12/site", where `report 1 -o` and every other
    output into a missing folder say which folder is missing; the pages were built first."""
    parent = tmp_path / "out" / "2026-12"
    for args in (
        ["--all", "-o", str(parent / "site")],
        [str(desk.doc), "-o", str(parent / "p.html")],
    ):
        r = run("report", *args, "--json")
        assert r.code == 1 and r.out == ""
        error = json.loads(r.err)["error"]
        assert error["kind"] == "file_error"
        assert error["message"].endswith(f"the folder {parent} does not exist"), error
    assert not (tmp_path / "out").exists()


# --- in a real browser -----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() == "true"
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI,
    reason="chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)",
)

# Appended to a copy of the page: reads the rendered DOM, clicks like a reader, and writes what
# it found into the page, which --dump-dom then prints.
PROBE = """
<script>
window.addEventListener('load', function () {
  var out = {claims: {}, flashed: null, opened: null, resources: 0};
  document.querySelectorAll('li.claim').forEach(function (li) {
    var id = li.getAttribute('data-claim');
    var els = document.querySelectorAll('[data-claim-id="' + id + '"]');
    var first = els[0];
    out.claims[id] = {
      count: els.length,
      text: first ? first.textContent : null,
      parts: Array.prototype.map.call(
        document.querySelectorAll('[data-claim-part="' + id + '"]'),
        function (m) { return m.textContent; }).join(''),
      tag: first ? first.tagName : null,
      background: first ? getComputedStyle(first).backgroundColor : null,
      visible: first ? first.getBoundingClientRect().width > 0 : false
    };
  });
  var button = document.querySelector('button.goto');
  var target = button.getAttribute('data-target');
  button.click();
  out.flashed = document.querySelector('[data-claim-id="' + target + '"]')
    .classList.contains('flash');
  var mark = document.querySelector('mark[data-claim-id]');
  mark.click();
  var li = document.getElementById('claim-' + mark.getAttribute('data-claim-id'));
  out.opened = li.querySelector('details').open;
  out.title = document.title;
  out.scripts = document.querySelectorAll('script').length;
  out.resources = performance.getEntriesByType('resource').length;
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.fail("CI=true but chromium is not installed: .ci/run installs it with apt-get")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,1600",
    ]
    return subprocess.run(
        [CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )


@needs_chromium
def test_every_claim_has_one_highlighted_span_in_the_browser(
    run: Run, wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    # A claim on exactly the span of another, besides the nested pair the desk has; and one
    # that crosses another (starts inside it, ends after it).
    add_claim(wb, desk.doc, "Same span, other claim", SpanRequest(quote="线性注意力架构"))
    crossing = add_claim(wb, desk.doc, "Crossing", SpanRequest(quote="ChatGPT早一年。公司称")).id
    page = tmp_path / "report.html"
    r = run("report", str(desk.doc), "-o", str(page))
    assert r.code == 0, r.err
    shot = tmp_path / "report.png"
    done = chromium(f"--screenshot={shot}", page.as_uri(), profile=tmp_path / "profile-1")
    assert shot.exists(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000

    probe = tmp_path / "probe.html"
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    done = chromium(
        "--dump-dom", "--virtual-time-budget=5000", probe.as_uri(), profile=tmp_path / "profile-2"
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    quotes = {str(row["id"]): row["quote"] for row in claim_rows(wb, document_ids=[desk.doc])}
    assert set(result["claims"]) == set(quotes) and len(quotes) == 9
    for cid, quote in quotes.items():
        seen = result["claims"][cid]
        assert seen["count"] == 1, (cid, seen)
        if cid == str(crossing):
            # It cannot nest with the claim it crosses: its element holds the part up to where
            # that one ends, and a continuation element the rest.
            assert seen["text"] + seen["parts"] == quote and seen["parts"], seen
            continue
        assert seen["text"] == quote and seen["parts"] == "", (cid, seen)
        assert seen["tag"] == "MARK" and seen["visible"]
        assert seen["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert result["flashed"] is True and result["opened"] is True
    assert result["title"] != "pwned" and result["scripts"] == 2
    assert result["resources"] == 0


def test_a_flagged_claim_shows_no_verdict_anywhere(run: Run, tmp_path: Path) -> None:
    """Claim #1 was rated false, then its quote changed: the page shows it flagged, neutral."""
    v1, v2 = tmp_path / "v1.txt", tmp_path / "v2.txt"
    v1.write_text("宁德时代2024年营收4009亿元。\n海螺AI拥有一亿用户。\n", encoding="utf-8")
    v2.write_text("宁德时代2024年营收4010亿元。\n海螺AI拥有一亿用户。\n", encoding="utf-8")
    assert run("doc", "add", str(v1)).code == 0
    for quote in ("营收4009亿元", "海螺AI拥有一亿用户"):
        assert run("claim", "add", "1", "--text", "a claim", "--quote", quote).code == 0
    for cid in ("1", "2"):
        r = run("evidence", "add", cid, "--url", "https://example.org/f", "--stance", "refutes")
        assert r.code == 0, r.err
        assert run("claim", "status", cid, "in_progress").code == 0
        r = run("claim", "status", cid, "false", "--note", "the filing says otherwise")
        assert r.code == 0, r.err
    r = run("doc", "update", "1", str(v2))
    assert r.code == 0, r.err
    folder = tmp_path / "site"
    r = run("report", "--all", "-o", str(folder))
    assert r.code == 0, r.err
    page = (folder / "document-1.html").read_text(encoding="utf-8")
    mark = re.search(r'<mark [^>]*data-claim-id="1"[^>]*>', page)
    assert mark is not None
    assert 'class="hl s-flagged"' in mark[0] and 'data-label="#1 ⚑"' in mark[0]
    assert "flagged for re-review" in mark[0]
    item = page.split('id="claim-1"', 1)[1].split("</li>", 1)[0]
    summary = item.split("</summary>", 1)[0]
    assert '<span class="badge s-flagged">⚑ flagged for re-review</span>' in summary
    assert item.count("s-flagged") == 2  # the summary's badge and the status row's
    for told in (mark[0], item):
        assert "false" not in told and "✗" not in told and "s-false" not in told
    # The verdict's reason goes with it, as from the annotation (review100, on this branch).
    assert "the filing says otherwise" not in item
    # The legend explains the state; claim #2 (quote unchanged) still shows its verdict.
    legend = page.split('aria-label="legend"', 1)[1].split("</section>", 1)[0]
    assert 'class="hl s-flagged sample" data-label="⚑"' in legend
    other = re.search(r'<mark [^>]*data-claim-id="2"[^>]*>', page)
    assert other is not None and 'class="hl s-false"' in other[0]
    # The index counts it as flagged, not by its verdict.
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "1 false, 1 flagged for re-review" in index
