"""doc update / revisions / diff / text --revision / changes, claim list --anchor, claim show,
through the real CLI; then the trail verifies and replays."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from tests.local_site import base_url, serving
from workbench.domain.text import sha256_text

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

OLD = (
    "MiniMax成立于2021年底，创始人闫俊杰曾任商汤科技副总裁。\n"
    "2025年1月，MiniMax发布了国内首个线性注意力模型MiniMax-Text-01，参数量达到4560亿。\n"
    "公司表示，其海螺AI在全球拥有超过一亿用户。\n"
)
NEW = "编者按：本文已更新。\n" + OLD.replace("4560亿", "4650亿").replace(
    "公司表示，其海螺AI在全球拥有超过一亿用户。\n", ""
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_bytes(NEW.replace("\n", "\r\n").encode())
    return old, new


def test_revision_flow(cli: Run, files: tuple[Path, Path]) -> None:
    old, new = files
    assert cli("doc", "add", str(old)).code == 0
    for quote in ("创始人闫俊杰", "参数量达到4560亿", "海螺AI在全球拥有超过一亿用户"):
        r = cli("claim", "add", "1", "--text", quote, "--quote", quote)
        assert r.code == 0, r.err
    cli("claim", "status", "3", "in_progress")
    r = cli("claim", "status", "3", "unverifiable", "--note", "no user numbers published")
    assert r.code == 0, r.err

    r = cli("doc", "update", "1", str(new))
    assert r.code == 0, r.err
    assert "stored revision 2 of document #1" in r.out
    assert "fuzzy 1" in r.out and "moved 1" in r.out and "orphaned 1" in r.out
    assert "#2 quote changed" in r.out and "#3 quote gone" in r.out
    # #2 has no verdict; #3's is now withheld from publishing, and the summary says so.
    assert r.out.splitlines()[-1] == (
        "flagged for re-review: #3 (unverifiable): its verdict was given on the old text; "
        "exports withhold it until a new decision (claim list --flagged)"
    )

    r = cli("doc", "update", "1", str(new))
    assert r.code == 0 and r.out == "" and "nothing stored" in r.err

    r = cli("doc", "revisions", "1", "--json")
    revs = json.loads(r.out)
    assert [x["number"] for x in revs] == [1, 2]
    assert revs[1]["source"] == str(new) and revs[1]["length"] == len(NEW)
    assert revs[0]["source"] == str(old)  # the file it was added from, as revision 2's
    # Both alike: named by document and number, with no row id (revision 1 had a null one).
    assert [sorted(x) for x in revs] == [sorted(revs[1])] * 2 and "id" not in revs[0]

    assert cli("doc", "text", "1", "--revision", "1").out == OLD
    assert cli("doc", "text", "1").out == NEW

    r = cli("doc", "diff", "1", "--json")
    changes = json.loads(r.out)["changes"]
    assert {c["op"] for c in changes} == {"insert", "replace", "delete"}
    for c in changes:
        assert OLD[c["old_start"] : c["old_end"]] == c["old_text"]
        assert NEW[c["new_start"] : c["new_end"]] == c["new_text"]
    r = cli("doc", "diff", "1")
    assert "{+编者按：本文已更新。" in r.out and "[-5-]" not in r.out

    r = cli("claim", "list", "--anchor", "changed", "--json")
    assert [c["id"] for c in json.loads(r.out)] == [2, 3]
    r = cli("claim", "show", "2", "--json")
    shown = json.loads(r.out)
    assert shown["revision"] == 2 and shown["anchor"]["state"] == "fuzzy"
    assert shown["quote"] == "参数量达到4650亿"
    assert shown["previous_quote"] == "参数量达到4560亿"
    r = cli("claim", "show", "2")
    assert "the quote changed in revision 2" in r.out and "4560亿" in r.out
    r = cli("claim", "show", "3")
    assert "the quote is gone" in r.out
    # Its offsets count in revision 1, not the current text: said (session 45's team trial).
    assert "  source   revision 1 of document #1, characters " in r.out
    assert "unverifiable was given on the words of revision 1" in r.out

    r = cli("doc", "changes", "1", "--format", "json")
    assert r.code == 0, r.err
    report = json.loads(r.out)
    [rev] = report["revisions"]
    touched = {c["claim_id"]: c for c in rev["claims"]}
    assert touched[2]["old_quote"] == "参数量达到4560亿"
    assert touched[2]["new_quote"] == "参数量达到4650亿"
    assert touched[3]["new_quote"] is None and touched[3]["status_before"] == "unverifiable"
    assert touched[2]["old_speaker"] is None and touched[2]["new_speaker"] is None
    # --json, as every listing takes it (a trial was told "No such option '--json'"); with
    # another --format it is bad usage
    assert cli("doc", "changes", "1", "--json").out == r.out
    assert cli("doc", "changes", "1", "--json", "--format", "json").out == r.out
    r = cli("doc", "changes", "1", "--json", "--format", "md")
    assert r.code == 2 and r.out == ""
    assert json.loads(r.err)["error"]["message"].startswith("choose one of --json and --format md")
    assert json.loads(cli("doc", "changes", "9", "--json").err)["error"]["kind"] == "not_found"
    r = cli("doc", "changes", "1", "--format", "md")
    assert "removed" in r.out and "参数量达到4650亿" in r.out
    assert "| 参数量达到4650亿 | status unverified |" in r.out.replace("“", "").replace("”", "")
    assert "| removed | verdict unverifiable |" in r.out
    # Each claim's standing before, once: its verdict when it had one, else its status.
    lines = cli("doc", "changes", "1").out.splitlines()
    assert "  claim #2 (status unverified): 参数量达到4560亿" in lines
    assert "  claim #3 (verdict unverifiable): 海螺AI在全球拥有超过一亿用户" in lines


def test_changes_name_a_line_given_to_another_speaker(cli: Run, tmp_path: Path) -> None:
    # A corrected transcript gave claim #1's line from ALICE to Bob: the quotes before and
    # after are the same, so the report showed a touched claim with nothing changed.
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text("ALICE: Sales rose 40% in 2023.\nBob: Not so.\n", encoding="utf-8")
    new.write_text("Bob: Sales rose 40% in 2023.\nBob: Not so.\n", encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    r = cli(
        "claim", "add", "1", "--text", "sales", "--quote", "Sales rose 40%", "--speaker", "ALICE"
    )
    assert r.code == 0, r.err
    assert cli("doc", "update", "1", str(new)).code == 0
    out = cli("doc", "changes", "1").out.splitlines()
    at = out.index("  claim #1 (status unverified): sales")
    assert out[at + 1 : at + 4] == [
        "      before: “Sales rose 40%”",
        "      after:  “Sales rose 40%”",
        "      speaker ALICE -> Bob",
    ]
    [rev] = json.loads(cli("doc", "changes", "1", "--format", "json").out)["revisions"]
    assert (rev["claims"][0]["old_speaker"], rev["claims"][0]["new_speaker"]) == ("ALICE", "Bob")
    assert "speaker ALICE → Bob" in cli("doc", "changes", "1", "--format", "md").out


def test_revision_errors(cli: Run, files: tuple[Path, Path]) -> None:
    old, _ = files
    cli("doc", "add", str(old))
    r = cli("doc", "text", "1", "--revision", "7")
    assert r.code == 1 and "has no revision 7" in r.err
    r = cli("doc", "update", "9", str(old))
    assert r.code == 1 and "no document #9" in r.err
    r = cli("doc", "update", "1", "-", input="   \n")
    assert r.code == 1 and "empty" in r.err
    r = cli("doc", "diff", "1", "--from", "1", "--to", "3")
    assert r.code == 1 and "has no revision 3" in r.err
    r = cli("doc", "update", "1", str(old), "--user-agent", "x")
    assert r.code == 2 and "a user agent goes with a URL" in r.err and "--user-agent" in r.err


def test_quote_typed_with_other_punctuation(cli: Run, files: tuple[Path, Path]) -> None:
    old, _ = files
    cli("doc", "add", str(old))
    r = cli("claim", "add", "1", "--text", "t", "--quote", "2021年底,创始人 闫俊杰", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["quote"] == "2021年底，创始人闫俊杰"


def test_a_flag_names_the_last_revision_with_the_words_judged(cli: Run, tmp_path: Path) -> None:
    """Session 45's team trial: a verdict given while revision 1 was current, then an edit
    elsewhere (revision 2, the quote moved unchanged), then the quote's figure corrected
    (revision 3): `claim show` said "was given on revision 2", as if revision 2 had existed
    then. The number is the last revision holding the words the verdict judged, and says so."""
    v1 = "The council voted 7-2 on Tuesday. Work starts in March.\n"
    v2, v3 = v1.replace("March", "April"), v1.replace("March", "April").replace("7-2", "6-3")
    for name, text in (("v1.txt", v1), ("v2.txt", v2), ("v3.txt", v3)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ok(cli("doc", "add", str(tmp_path / "v1.txt")))
    ok(cli("claim", "add", "1", "--text", "Vote 7-2", "--quote", "voted 7-2 on Tuesday"))
    ok(cli("evidence", "add", "1", "--citation", "minutes", "--stance", "supports"))
    ok(cli("claim", "status", "1", "verified", "--note", "the minutes"))
    ok(cli("doc", "update", "1", str(tmp_path / "v2.txt")))
    ok(cli("doc", "update", "1", str(tmp_path / "v3.txt")))
    shown = ok(cli("claim", "show", "1")).out
    assert "verified was given on the words of revision 2, before its quote" in shown
    assert "voted 7-2 on Tuesday" in ok(cli("doc", "text", "1", "--revision", "2")).out


@pytest.fixture
def served(tmp_path: Path) -> Any:
    import functools
    import http.server

    root = tmp_path / "site"
    (root / "story").mkdir(parents=True)
    pages = Path(__file__).parent.parent / "data" / "pages"
    (root / "story" / "index.html").write_bytes((pages / "en-news.html").read_bytes())

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    with serving(handler) as server:
        yield base_url(server)


def test_pages_and_urls(cli: Run, served: str, tmp_path: Path) -> None:
    pages = Path(__file__).parent.parent / "data" / "pages"
    r = cli("doc", "add", str(pages / "zh-news.html"), "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["format"] == "html" and doc["title"] == "MiniMax发布线性注意力大模型"
    r = cli("doc", "add", f"{served}/story", "--user-agent", "desk/1", "--json")
    assert r.code == 0, r.err
    assert f"redirected to {served}/story/" in r.err
    fetched = json.loads(r.out)
    assert fetched["redirects"] == [f"{served}/story/"] and fetched["author"] == "Jane Smith"
    # revision 1's source is the URL fetched (after redirects), not the page's canonical one
    (first,) = json.loads(cli("doc", "revisions", str(fetched["id"]), "--json").out)
    assert first["source"] == f"{served}/story/"
    (saved,) = json.loads(cli("doc", "revisions", str(doc["id"]), "--json").out)
    assert saved["source"] == str(pages / "zh-news.html")
    r = cli("doc", "add", f"{served}/nothing-here")
    assert r.code == 1 and "404" in r.err
    md = tmp_path / "a.md"
    md.write_text("# Title\n\n- one\n- two\n", encoding="utf-8")
    r = cli("doc", "add", str(md), "--json")
    added = json.loads(r.out)
    assert (added["format"], added["title"]) == ("markdown", "Title")
    assert cli("doc", "text", "3").out == "Title\n\none\n\ntwo\n"


def test_markdown_headline_byline_and_extract(cli: Run, tmp_path: Path) -> None:
    """A new-user trial: `doc add council.md; extract 1` listed the headline and the byline
    as one candidate. Now the headline is one, the H1 the title, the byline the author."""
    md = tmp_path / "council.md"
    headline = "Harbourton council approves $4.2 million pool renovation"
    md.write_text(
        f"# {headline}\n\nBy Jane Smith\n\n"
        "The Harbourton council voted 7-2 on Tuesday to approve a $4.2 million renovation of "
        "the municipal pool.\n",
        encoding="utf-8",
    )
    added = json.loads(cli("doc", "add", str(md), "--json").out)
    assert (added["title"], added["author"]) == (headline, "Jane Smith")
    r = cli("extract", "1", "--json")
    assert r.code == 0, r.err
    texts = [c["text"] for c in json.loads(r.out)]
    assert headline in texts and not any("Jane Smith" in t for t in texts)


def test_adding_an_older_revision_says_which(cli: Run, files: tuple[Path, Path]) -> None:
    old, new = files
    assert cli("doc", "add", str(old)).code == 0
    assert cli("doc", "update", "1", str(new)).code == 0
    r = cli("doc", "add", str(old))
    assert r.code == 0, r.err
    # (on stderr, as every command says it changed nothing: fix184)
    assert (r.out, r.err) == (
        "",
        "already stored as revision 1 of document #1 (the current text is revision 2); "
        "nothing added\n",
    )
    got = json.loads(cli("doc", "add", str(old), "--json").out)
    assert (got["created"], got["revision"], got["revisions"]) == (False, 1, 2)


def test_adding_any_later_revision_says_which(
    cli: Run, files: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = files
    newest = tmp_path / "v3.txt"
    newest.write_text(NEW + "附言。\n", encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    assert cli("doc", "update", "1", str(new)).code == 0
    assert cli("doc", "update", "1", str(newest)).code == 0
    shown = {
        old: "revision 1 of document #1 (the current text is revision 3)",
        new: "revision 2 of document #1 (the current text is revision 3)",
        newest: "revision 3 of document #1 (its current text)",
    }
    for path, stored_as in shown.items():
        r = cli("doc", "add", str(path))
        assert r.code == 0, r.err
        assert (r.out, r.err) == ("", f"already stored as {stored_as}; nothing added\n")
    for path, number in ((old, 1), (new, 2), (newest, 3)):
        got = json.loads(cli("doc", "add", str(path), "--json").out)
        assert (got["id"], got["created"], got["revision"], got["revisions"]) == (
            1,
            False,
            number,
            3,
        )
        # the hash and length of the text given, that revision's (not revision 1's)
        text = path.read_text(encoding="utf-8")
        assert (got["sha256"], got["length"]) == (sha256_text(text), len(text))
    shown = json.loads(cli("doc", "show", "1", "--json").out)
    first, latest = old.read_text(encoding="utf-8"), newest.read_text(encoding="utf-8")
    assert (shown["sha256"], shown["length"]) == (sha256_text(first), len(first))
    assert (shown["current_sha256"], shown["current_length"]) == (
        sha256_text(latest),
        len(latest),
    )
    lines = cli("doc", "show", "1").out.splitlines()
    assert (
        f"   current  revision 3: {len(latest)} characters, sha256 {sha256_text(latest)}" in lines
    )
    # doc list shows the current revision's figures and number: an updated document must not
    # look unchanged.
    [listed] = json.loads(cli("doc", "list", "--json").out)
    assert (listed["revisions"], listed["current_length"]) == (3, len(latest))
    assert listed["current_sha256"] == sha256_text(latest)
    assert listed["sha256"] == sha256_text(first)
    row = cli("doc", "list").out.splitlines()[3]
    assert [cell.strip() for cell in row.split("|")[4:6]] == ["3", str(len(latest))]
    assert sha256_text(latest)[:12] in row and sha256_text(first)[:12] not in row


HARBOUR = (
    '<html lang="en"><head><title>Harbour expansion approved</title></head><body><article>'
    "<h1>Harbour expansion approved</h1>"
    "<p>The city council approved the harbour expansion on Tuesday by a vote of 9 to 2.</p>"
    "<p>The project will cost 120 million euros and create 400 jobs, the mayor said.</p>"
    "<p>Construction is due to start in March 2026 and finish by 2029.</p>"
    "</article></body></html>"
)


def test_update_with_no_source_fetches_the_stored_url_again(
    cli: Run, served: str, tmp_path: Path
) -> None:
    page = tmp_path / "site" / "harbour.html"
    page.write_text(HARBOUR, encoding="utf-8")
    assert cli("doc", "add", f"{served}/harbour.html").code == 0
    page.write_text(HARBOUR.replace("9 to 2", "8 to 3"), encoding="utf-8")
    r = cli("doc", "update", "1", "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert (got["created"], got["number"], got["source"]) == (True, 2, f"{served}/harbour.html")
    assert "8 to 3" in cli("doc", "text", "1").out
    r = cli("doc", "update", "1")
    assert r.code == 0 and r.out == "" and "nothing stored" in r.err
    # A document with no URL has nothing to fetch: refused (it depends on what is stored, as
    # a trial noted of the exit 2 this was), saying what to give.
    text = tmp_path / "a.txt"
    text.write_text("A text with no URL.\n", encoding="utf-8")
    assert cli("doc", "add", str(text)).code == 0
    r = cli("doc", "update", "2")
    assert r.code == 1 and r.out == ""
    assert r.err == (
        "error: document #2 has no stored URL to fetch again; give FILE, URL or - "
        "(the text to store)\n"
    )
    r = cli("doc", "update", "2", "--json")
    assert r.code == 1 and json.loads(r.err)["error"]["reason"] == "no_source"
    r = cli("doc", "update", "9")
    assert r.code == 1 and "no document #9" in r.err


def test_fetching_again_says_which_url_when_the_page_named_its_canonical_one(
    cli: Run, served: str, tmp_path: Path
) -> None:
    """The stored URL is the canonical one the page names, not the address typed: `doc update
    DOC` fetches it, and says so rather than going to an address nobody gave in silence."""
    site = tmp_path / "site"
    canonical = f"{served}/canonical.html"
    link = f'<link rel="canonical" href="{canonical}"></head>'
    (site / "mirror.html").write_text(HARBOUR.replace("</head>", link), encoding="utf-8")
    (site / "canonical.html").write_text(
        HARBOUR.replace("</head>", link).replace("9 to 2", "8 to 3"), encoding="utf-8"
    )
    assert cli("doc", "add", f"{served}/mirror.html").code == 0
    assert json.loads(cli("doc", "show", "1", "--json").out)["url"] == canonical
    r = cli("doc", "update", "1")
    assert r.code == 0, r.err
    assert r.err == f"fetched document #1's URL {canonical}\n"
    assert "stored revision 2" in r.out and "8 to 3" in cli("doc", "text", "1").out
    r = cli("doc", "update", "1", "--json")
    assert json.loads(r.out)["fetched_again"] == canonical
    # A source given is fetched as given, with nothing more to say.
    r = cli("doc", "update", "1", f"{served}/mirror.html", "--json")
    assert r.code == 0 and r.err == "" and json.loads(r.out)["fetched_again"] is None


def test_the_same_text_from_another_url_shows_both_urls(
    cli: Run, served: str, tmp_path: Path
) -> None:
    """A trial added a page's text again from another address and was told only "already
    stored as document #1 (same text)": the URL typed is given as --url would be, so the line
    shows the stored URL against it, and how to change it."""
    site = tmp_path / "site"
    (site / "a.html").write_text(HARBOUR, encoding="utf-8")
    (site / "b.html").write_text(HARBOUR, encoding="utf-8")
    assert cli("doc", "add", f"{served}/a.html").code == 0
    r = cli("doc", "add", f"{served}/b.html")
    assert r.code == 0, r.err
    assert r.out == ""
    assert r.err.splitlines() == [
        "already stored as document #1 (same text); nothing added",
        f"  url: stored {served}/a.html, given {served}/b.html",
        "warning: document #1 keeps its stored metadata; to change it: workbench doc edit 1 "
        f"--url {served}/b.html",
    ]
    r = cli("doc", "add", f"{served}/b.html", "--json")
    assert json.loads(r.out)["not_applied"] == {"url": f"{served}/b.html"}
    # from its own address again, nothing differs; a file names no URL (stderr says only
    # that nothing was added)
    stored = "already stored as document #1 (same text); nothing added\n"
    assert cli("doc", "add", f"{served}/a.html").err == stored
    (tmp_path / "saved.html").write_text(HARBOUR, encoding="utf-8")
    assert cli("doc", "add", str(tmp_path / "saved.html")).err == stored


EV = (
    '<html lang="zh"><head><title>电动汽车销量创新高</title></head><body><article>'
    "<h1>电动汽车销量创新高</h1>"
    "<p>据中国汽车工业协会统计，今年前十个月新能源汽车销量达到950万辆，同比增长35%。</p>"
    "<p>比亚迪继续领跑市场，月销量首次突破50万辆。业内人士预计，全年销量有望突破1200万辆。</p>"
    "</article></body></html>"
)


def test_another_article_is_refused_unless_forced(cli: Run, served: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "harbour.html").write_text(HARBOUR, encoding="utf-8")
    (site / "zh-ev.html").write_text(EV, encoding="utf-8")
    (site / "copy.html").write_text(HARBOUR.replace("9 to 2", "8 to 3"), encoding="utf-8")
    assert cli("doc", "add", f"{served}/harbour.html").code == 0
    assert cli("claim", "add", "1", "--text", "vote", "--quote", "by a vote of 9 to 2").code == 0
    r = cli("doc", "update", "1", f"{served}/zh-ev.html")
    assert r.code == 1 and r.out == ""
    assert r.err == (
        f"error: {served}/zh-ev.html shares 0% of its wording with revision 1 of document #1 "
        "(under 10%); it is in zh, the document in en: another article, or this one taken "
        "down? A revision can never be deleted; give --force\n"
    )
    assert len(json.loads(cli("doc", "revisions", "1", "--json").out)) == 1
    # The same article fetched from another URL: stored, and the stored URL stays (said so).
    r = cli("doc", "update", "1", f"{served}/copy.html")
    assert r.code == 0, r.err
    assert r.err == (
        f"warning: this text is from {served}/copy.html, not document #1's URL "
        f"{served}/harbour.html, which stays; to change it: "
        f"workbench doc edit 1 --url {served}/copy.html\n"
    )
    assert json.loads(cli("doc", "show", "1", "--json").out)["url"] == f"{served}/harbour.html"
    r = cli("doc", "update", "1", f"{served}/zh-ev.html", "--force", "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)
    # The page's own title is said too, not applied (trial68).
    assert (got["number"], got["not_applied"]) == (
        3,
        {"url": f"{served}/zh-ev.html", "title": "电动汽车销量创新高"},
    )
    assert [a["state"] for a in got["anchors"]] == ["orphaned"]


def test_a_forced_update_orphaning_open_claims_flags_no_verdict(
    cli: Run, files: tuple[Path, Path], tmp_path: Path
) -> None:
    """A trial's `doc update 4 --force` orphaned still-unverified claims and recorded
    `claim.flagged_for_review` for them: the report showed it beside a legend saying flagged
    means "its quote changed after the verdict was given", yet they had no verdict and were
    not in `claim list --flagged`. The trail now says `claim.quote_changed`; the list, the
    report and the trail agree that only #2's verdict is flagged."""
    old, _ = files
    assert cli("doc", "add", str(old)).code == 0
    for quote in ("创始人闫俊杰", "参数量达到4560亿"):
        assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
    assert cli("claim", "status", "2", "in_progress").code == 0
    assert cli("claim", "status", "2", "unverifiable", "--note", "no filing").code == 0
    other = tmp_path / "other.txt"
    other.write_text("Completely different article about the weather in Paris.", "utf-8")
    r = cli("doc", "update", "1", str(other), "--force")
    assert r.code == 0, r.err
    assert "#1 quote gone" in r.out and "#2 quote gone" in r.out
    assert r.out.splitlines()[-1].startswith("flagged for re-review: #2 (unverifiable)")
    listed = json.loads(cli("claim", "list", "--flagged", "--json").out)
    assert [c["id"] for c in listed] == [2]
    listed = json.loads(cli("claim", "list", "--anchor", "orphaned", "--json").out)
    assert [c["id"] for c in listed] == [1, 2]
    actions = {
        n: json.loads(cli("claim", "show", str(n), "--json").out)["events"][-1]["action"]
        for n in (1, 2)
    }
    assert actions == {1: "claim.quote_changed", 2: "claim.flagged_for_review"}
    shown = cli("claim", "list").out
    assert "unverified (flagged)" not in shown and "unverifiable (flagged)" in shown
    page = tmp_path / "r.html"
    assert cli("report", "1", "-o", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    first, second = html.index('id="claim-1"'), html.index('id="claim-2"')
    assert "claim.quote_changed" in html[first:second]
    assert "flagged" not in html[first:second]
    assert "claim.flagged_for_review" in html[second:]
    assert cli("audit", "replay").code == 0


def test_a_saved_copy_of_a_stored_page_warns_and_names_doc_update(cli: Run, tmp_path: Path) -> None:
    pages = Path(__file__).parent.parent / "data" / "pages"
    page = (pages / "en-news.html").read_bytes()
    assert cli("doc", "add", str(pages / "en-news.html")).code == 0
    copy = tmp_path / "saved.html"
    copy.write_bytes(page.replace(b"$412 million", b"$421 million"))
    r = cli("doc", "add", str(copy))
    assert r.code == 0 and r.out.startswith("added document #2")
    url = "https://www.example.com/news/2025/03/02/transit-budget"
    assert r.err == (
        f"warning: document #1 has the same URL ({url}): if #2 is a newer copy of that "
        f"article, `workbench doc update 1 {copy}` stores it as #1's next revision too, "
        "re-anchoring #1's claims to it\n"
    )
    copy.write_bytes(page.replace(b"$412 million", b"$512 million"))
    r = cli("doc", "add", str(copy), "--json")
    assert r.code == 0 and json.loads(r.out)["same_url_as"] == 1
    assert "workbench doc update 1" in r.err


def test_each_event_of_a_claims_history_is_one_line(cli: Run, tmp_path: Path) -> None:
    """A trial: a re-anchored claim's new prefix spanned a transcript's line break, and its
    history line broke in two at it."""
    old, new = tmp_path / "h1.txt", tmp_path / "h2.txt"
    old.write_text(
        "HARRIS: Unemployment fell 5 percent within two years.\n"
        "COLE: We built 300 homes last year.\n",
        encoding="utf-8",
    )
    new.write_text(
        "COLE: Unemployment fell 5 percent within two years.\n"
        "HARRIS: We built 300 homes last year.\n",
        encoding="utf-8",
    )
    assert cli("doc", "add", str(old)).code == 0
    assert cli("claim", "add", "1", "--quote", "We built 300 homes", "--text", "x").code == 0
    assert cli("doc", "update", "1", str(new)).code == 0
    out = cli("claim", "show", "1").out
    history = out[out.index("history\n") + len("history\n") :].splitlines()
    assert all(line.startswith("  ") and line.split()[0].isdigit() for line in history), history
    # The context (prefix, suffix), which held the line break, is no longer shown at all: the
    # quote and offsets say where the claim is (the line ran over two screens otherwise).
    assert "prefix" not in out and "revision: 1 -> 2" in history[-1], history


def test_an_edit_undone_says_which_revision_it_restores(cli: Run, files: tuple[Path, Path]) -> None:
    """A page changed and changed back: the third revision is the first's text again (a trial
    was not told, and its flagged verdicts looked like a real change)."""
    old, new = files
    assert cli("doc", "add", str(old)).code == 0
    for quote in ("参数量达到4560亿", "海螺AI在全球拥有超过一亿用户", "创始人闫俊杰"):
        assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
    for claim in ("1", "2"):
        assert cli("claim", "status", claim, "unverifiable", "--note", "none").code == 0
    before = [json.loads(cli("claim", "show", c, "--json").out) for c in ("1", "2", "3")]
    r = cli("doc", "update", "1", str(new))
    assert "again" not in r.out and "flagged for re-review: #1 (unverifiable), #2" in r.out
    # #2's verdict is decided again (its quote gone): the undo gives it no old span back.
    assert cli("claim", "status", "2", "unverifiable", "--note", "still none").code == 0
    r = cli("doc", "update", "1", str(old))
    assert r.code == 0, r.err
    assert "stored revision 3 of document #1" in r.out
    assert "the text is revision 1's again" in r.out
    assert "#1 back on the words its verdict (unverifiable) was given on" in r.out
    assert "#2 back" not in r.out and "flagged for re-review" not in r.out
    after = [json.loads(cli("claim", "show", c, "--json").out) for c in ("1", "2", "3")]
    spans = ("start", "end", "quote", "prefix", "suffix")
    assert [after[0][k] for k in spans] == [before[0][k] for k in spans]
    assert after[0]["revision"] == 3 and not after[0]["flagged"]
    assert after[0]["anchor"]["state"] == "exact" and after[1]["anchor"]["state"] == "exact"
    assert after[2]["quote"] == before[2]["quote"]  # no verdict: re-anchored as ever
    assert cli("audit", "replay").code == 0
    r = cli("doc", "update", "1", str(new), "--json")
    assert json.loads(r.out)["same_as"] == 2


def test_an_edit_undone_names_a_proposed_verdict_not_the_in_review_status(
    cli: Run, files: tuple[Path, Path]
) -> None:
    """A trial's undo printed "#17 back on the words its verdict (in_review) was given on":
    in_review is a status; the verdict was a proposed misleading. The flag summary named it
    "(in_review)" too."""
    old, new = files
    assert cli("doc", "add", str(old)).code == 0
    quote = "参数量达到4560亿"
    assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
    assert cli("evidence", "add", "1", "--citation", "filing", "--stance", "refutes").code == 0
    assert cli("config", "set", "review.required", "true").code == 0
    assert cli("claim", "status", "1", "misleading", "--note", "rounded").code == 0
    r = cli("doc", "update", "1", str(new))
    assert r.code == 0, r.err
    assert r.out.splitlines()[-1].startswith("flagged for re-review: #1 (proposed misleading): ")
    r = cli("doc", "update", "1", str(old))
    assert r.code == 0, r.err
    assert "  #1 back on the words its proposed verdict (misleading) was given on: " in r.out
    assert "in_review" not in r.out
    anchors = json.loads(cli("doc", "update", "1", str(new), "--json").out)["anchors"]
    assert [(a["status"], a["proposed_status"]) for a in anchors] == [("in_review", "misleading")]


def _speakers_desk(cli: Run, tmp_path: Path, *texts: str) -> list[Path]:
    paths = []
    for n, body in enumerate(texts, start=1):
        paths.append(tmp_path / f"v{n}.txt")
        paths[-1].write_text(body, encoding="utf-8")
    assert cli("doc", "add", str(paths[0])).code == 0
    quote = "Sales rose 40% in 2023"
    r = cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", "ALICE")
    assert r.code == 0, r.err
    assert cli("evidence", "add", "1", "--citation", "report", "--stance", "refutes").code == 0
    assert cli("claim", "status", "1", "false", "--note", "no").code == 0
    return paths


LINES = "ALICE: Sales rose 40% in 2023 across all regions.\nBob: Not so, it fell sharply.\n"


def test_an_undo_after_the_line_changed_speaker_keeps_the_flag(cli: Run, tmp_path: Path) -> None:
    """A review: the line was given to Bob after the flag; restoring the span and clearing the
    flag there left the verdict under the wrong speaker, published. A speaker moved since the
    flag is the desk's to judge again: the flag stays, whatever the undo brings back."""
    moved = LINES.replace("ALICE: Sales rose 40%", "Bob: Sales rose 45%")
    v1, v2, v3 = _speakers_desk(cli, tmp_path, LINES, LINES.replace("40%", "45%"), moved)
    for path in (v2, v3, v1):
        r = cli("doc", "update", "1", str(path))
        assert r.code == 0 and "back on the words" not in r.out
    shown = json.loads(cli("claim", "show", "1", "--json").out)
    assert shown["flagged"] and shown["speaker"] == "ALICE"  # the line is hers again
    assert cli("audit", "replay").code == 0


def test_an_undo_back_past_an_unrelated_revision_restores(cli: Run, tmp_path: Path) -> None:
    """A review: v1 (the verdict), a change elsewhere (the claim moves to revision 2), the
    quote changed (flagged on revision 2), then v1 again: the words are back where they were."""
    elsewhere = LINES.replace("sharply.", "sharply last year.")
    v1, w2, v3 = _speakers_desk(cli, tmp_path, LINES, elsewhere, elsewhere.replace("40%", "45%"))
    for path in (w2, v3):
        assert cli("doc", "update", "1", str(path)).code == 0
    assert json.loads(cli("claim", "show", "1", "--json").out)["flagged"]
    r = cli("doc", "update", "1", str(v1))
    assert "#1 back on the words its verdict (false) was given on" in r.out
    shown = json.loads(cli("claim", "show", "1", "--json").out)
    assert not shown["flagged"] and shown["quote"] == "Sales rose 40% in 2023"
    # `doc changes` lists the restoring revision's claim too (it read "0 claim(s) touched")
    report = cli("doc", "changes", "1").out
    assert "revision 4 " in report and "1 claim(s) touched" in report.split("revision 4 ")[1]
    assert "(verdict false, words back: flag cleared)" in report
    assert cli("audit", "replay").code == 0


def test_words_back_after_another_edit_moved_them_restore(cli: Run, tmp_path: Path) -> None:
    """A third trial: 5 -> 7 (flagged), an unrelated edit earlier in the text ('long' ->
    'short': the quote moves), then 5 again with that edit kept: the words the verdict was
    given on are back, with their context, two characters earlier."""
    base = (
        "A long preamble comes first, and a second clause follows it to keep it away.\n"
        "ALICE: Sales rose 40% in 2023 across all regions.\n"
    )
    _, v2, v3 = _speakers_desk(
        cli,
        tmp_path,
        base,
        base.replace("40%", "45%"),
        base.replace("40%", "45%").replace("long", "sh"),
    )
    v4 = tmp_path / "v4.txt"
    v4.write_text(base.replace("long", "sh"), encoding="utf-8")
    for path in (v2, v3):
        assert cli("doc", "update", "1", str(path)).code == 0
    r = cli("doc", "update", "1", str(v4))
    assert "#1 back on the words its verdict (false) was given on" in r.out
    assert "flagged for re-review" not in r.out
    shown = json.loads(cli("claim", "show", "1", "--json").out)
    assert not shown["flagged"] and shown["quote"] == "Sales rose 40% in 2023"
    text = cli("doc", "text", "1").out
    assert text[shown["start"] : shown["end"]] == "Sales rose 40% in 2023"
    assert cli("audit", "replay").code == 0


def test_diff_shows_nearby_changes_as_one_hunk(cli: Run, tmp_path: Path) -> None:
    # Two figures and a word changed in one sentence are one edit: each shown as its own
    # passage had the other's old or new text around it.
    old = tmp_path / "v1.txt"
    new = tmp_path / "v2.txt"
    mid = "\n\n" + "下一段。" * 40 + "\n\n"
    old.write_text("营收为12.5亿元，同比增长35%，净利润1.2亿元。" + mid + "末段：员工800人。\n")
    new.write_text("营收为13.1亿元，同比增长41%，净利润为1.5亿元。" + mid + "末段：员工900人。\n")
    assert cli("doc", "add", str(old), "--title", "t").code == 0
    assert cli("doc", "update", "1", str(new)).code == 0
    out = cli("doc", "diff", "1").out
    assert out.count("@@") == 2
    # (figures whole: 12.5 -> 13.1, not 1[-2.5-]{+3.1+})
    assert "@@ 3 changes old [3:24] new [3:25]" in out
    assert "营收为[-12.5-]{+13.1+}亿元，同比增长[-35-]{+41+}%，净利润[-1.2-]{+为1.5+}亿元" in out
    assert "@@ replace" in out and "[-800-]{+900+}人" in out
    assert len(json.loads(cli("doc", "diff", "1", "--json").out)["changes"]) == 4


def test_an_orphaned_claim_found_again_is_said(cli: Run, files: tuple[Path, Path]) -> None:
    """A trial: a revision restored an orphaned claim's sentence; `doc update` said only
    "claims: exact 2, moved 2", and `doc changes` (text, md, json) left the claim out; only
    its own history had `claim.reanchored ... orphaned -> exact`."""
    old, new = files
    assert cli("doc", "add", str(old)).code == 0
    for quote in ("创始人闫俊杰", "海螺AI在全球拥有超过一亿用户"):
        assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
    assert "#2 quote gone" in cli("doc", "update", "1", str(new)).out
    r = cli("doc", "update", "1", "-", input=OLD)
    assert r.code == 0, r.err
    assert "  #2 quote found again: 海螺AI在全球拥有超过一亿用户" in r.out.splitlines()
    assert "#1 quote found again" not in r.out
    anchors = json.loads(cli("claim", "show", "2", "--json").out)["anchor"]
    assert anchors["state"] == "exact"
    lines = cli("doc", "changes", "1", "--since", "2").out.splitlines()
    at = lines.index("  claim #2 (status unverified, found again): 海螺AI在全球拥有超过一亿用户")
    assert lines[at + 1 : at + 3] == [
        "      before: not in the text",
        "      after:  “海螺AI在全球拥有超过一亿用户”",
    ]
    md = cli("doc", "changes", "1", "--since", "2", "--format", "md").out
    assert (
        "| #2 海螺AI在全球拥有超过一亿用户 | not in the text | “海螺AI在全球拥有超过一亿用户” "
        "| status unverified, found again |"
    ) in md
    [rev] = json.loads(cli("doc", "changes", "1", "--since", "2", "--format", "json").out)[
        "revisions"
    ]
    [two] = [c for c in rev["claims"] if c["claim_id"] == 2]
    assert (two["state"], two["found_again"], two["old_quote"]) == ("exact", True, None)
    found = json.loads(cli("doc", "update", "1", str(new), "--json").out)
    assert [a["found_again"] for a in found["anchors"]] == [False, False]
