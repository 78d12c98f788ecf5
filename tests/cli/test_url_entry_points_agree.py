"""One URL, one verdict, wherever it is given (review r4fetch, after four rounds of fixes to
how a URL is checked, stored, requested and redirected): `doc add FILE --url`, `doc edit
--url`, `evidence add --url`, `doc add URL` and `doc update DOC URL` take or refuse each of
these addresses alike, a refusal being bad usage (exit 2) before anything is fetched or
stored. (`export claimreview --org-url` is stricter by design: no `"`, `<` or `>`.)

A typed URL taken by the library is one its fetch can send: the request line is printable
ASCII, whatever the address held."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.domain.limits import MAX_URL
from workbench.domain.urls import ascii_host, check_http_url, on_the_wire

TAKEN = [
    "http://example.com/",
    "https://example.com/a?b=c#d",
    "HTTP://EXAMPLE.COM/",
    "http://例え.テスト/",
    "http://bücher.example/",
    "http://straße.de/",
    "http://xn--strae-oqa.de/",
    "http://x./",
    "http://" + "a" * 63 + ".com/",
    "http://127.0.0.1:8080/x",
    "http://[::1]/",
    "http://[::1]:80/",
    "http://0x7f.1/",
    "http://１２７.０.０.１/",
    "http://h/@author/story",
    "http://h/a\u200cb",  # ZWNJ spells Persian words
    "http://h/a\\b",
    "http://h/a#x#y",
    "http://h/#",
    "http://h/?",
    "http://h#f",
    "http://h/" + "a" * (MAX_URL - 9),
    "http://my_host/",
    "http://a\u3002b/",
    "http://ａ.com/",
    'http://h/"<>`{}',
    "http://h/u\u0308ber",
    "http://h/%zz",
    "http://ᏣᎳᎩ.com/",
    "http://א1.com/",
    "http://Σ.com/",
    "http://h/中国?q=中",
]

REFUSED = [
    "http://☃.net/",
    "http://i❤.ws/",
    "http://a..b/",
    "http://.x/",
    "http://" + "a" * 64 + ".com/",
    "http://[::1/",
    "http://x[::1]/",
    "http://[::1]x/",
    "http://[v1.x]/",
    "http://[127.0.0.1]/",
    "http://u:p@h/",
    "http://u@h/",
    "http://:p@h/",
    "http://u:p/a@h/",
    "http://h/a b",
    "http://h/a\u3000b",
    "http://h/a\tb",
    "http://h/a\nb",
    "http://h/a\x1bb",
    "http://h/a\x7fb",
    "http://h/a\x9bb",
    "http://h/a\x00b",
    "http://h/a\u202eb",
    "http://h/a\u200bb",
    "http://h/a\u2028b",
    "http://h/a\ud800b",
    "http://h\\x/",
    "http://h:80\\x",
    "http://",
    "http:///x",
    "http://h:99999/",
    "http://127.0.0.1%2F.x/",
    "http://h%20x/",
    "http://１／.com/",
    "http://h/" + "a" * (MAX_URL - 8),
    # Within the limit as typed, over it in NFC, the form stored: U+0958 is two characters
    # composed (a composition exclusion). SQLite stored 2,001 characters, PostgreSQL's
    # VARCHAR(2000) refused them as a database error.
    "http://h/" + "\u0958" * ((MAX_URL - 9) // 2 + 1),
]


def _short(value: object) -> str:
    if not isinstance(value, str):
        return str(value)
    return ascii(value if len(value) < 40 else value[:30] + f"...({len(value)})")


@pytest.mark.parametrize("url", TAKEN, ids=_short)
def test_a_url_taken_is_sent_as_printable_ascii(url: str) -> None:
    line = on_the_wire(ascii_host(check_http_url(url)))
    assert line.isascii() and line.isprintable() and " " not in line, line


@pytest.mark.parametrize("url", REFUSED, ids=_short)
def test_a_url_refused_is_refused_by_the_check_and_by_the_fetch(url: str) -> None:
    with pytest.raises(InvalidInput):
        check_http_url(url)
    from workbench.services.fetch import fetch

    with pytest.raises(InvalidInput):
        fetch(url, max_bytes=10, timeout=0.01)


def _not_fetched(url: str, **_: object) -> object:
    raise WorkbenchError("not fetched in a test")


def _codes(db_url: str, tmp_path: Path, url: str) -> dict[str, int]:
    def cli(*args: str) -> Outcome:
        r = run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})
        assert r.crash is None, f"{args[:2]}: traceback: {r.crash!r}"
        if r.code == 2:
            assert r.out == "" and len(r.err.strip().splitlines()) == 1, (args[:2], r.err)
        return r

    base, other = tmp_path / "base.txt", tmp_path / "other.txt"
    base.write_text("The GDP grew 5% in 2023, the bureau said.", encoding="utf-8")
    other.write_text("Exports fell 3% in 2024, the ministry said.", encoding="utf-8")
    assert cli("doc", "add", str(base)).code == 0
    assert cli("claim", "add", "1", "--text", "GDP grew 5%", "--quote", "grew 5%").code == 0
    return {
        "doc add --url": cli("doc", "add", str(other), "--url", url).code,
        "doc edit --url": cli("doc", "edit", "1", "--url", url).code,
        "evidence add --url": cli(
            "evidence", "add", "1", "--url", url, "--stance", "supports"
        ).code,
        # Taken: fetched (here, refused by the stand-in fetch: exit 1).
        "doc add URL": cli("doc", "add", url).code - 1,
        "doc update URL": cli("doc", "update", "1", url).code - 1,
    }


@pytest.mark.parametrize(
    ("url", "code"),
    [*((u, 0) for u in TAKEN[::3]), *((u, 2) for u in REFUSED)],
    ids=_short,
)
def test_every_entry_point_gives_a_url_one_verdict(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, code: int
) -> None:
    monkeypatch.setattr("workbench.services.fetch.fetch", _not_fetched)
    got = _codes(db_url, tmp_path, url)
    # A refusal is exit 2 alike; "doc add URL" and "doc update URL" counted from exit 1.
    want = {k: (code if code == 0 else (1 if k.endswith(" URL") else 2)) for k in got}
    assert got == want


def test_a_review_url_template_holds_the_url_limit_as_org_url_does() -> None:
    """`--url-template` is checked by `check_http_url` (filled with id 1), which now holds a
    given URL's length: `--org-url` held it, the template did not."""
    from workbench.exports.claimreview import check_url_template, published_url

    long = "https://checks.example/{id}/" + "a" * MAX_URL
    with pytest.raises(InvalidInput, match="the limit is 2,000"):
        check_url_template(long)
    with pytest.raises(InvalidInput, match="the limit is 2,000"):
        published_url(long.replace("{id}", "1"))
    assert check_url_template("https://checks.example/{id}") == "https://checks.example/{id}"
