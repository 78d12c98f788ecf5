"""A flagged verdict confirmed after a revision changed the day its quote gives, while the
claim's text still gives the old day: warned of as a stale figure is (trial55)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Result, run_in_process
from workbench.domain import stale_figures as module
from workbench.domain.similarity import positions
from workbench.domain.stale_figures import stale_figures

JUDGED = "深圳地铁16号线于2022年12月28日开通运营，客流40万人次"
NOW = "深圳地铁16号线于2022年12月26日开通运营，客流38万人次"


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def _ok(r: Result) -> Result:
    assert r.code == 0, r.out + r.err
    return r


@pytest.mark.parametrize(
    ("claim_text", "day"),
    [
        ("Shenzhen Metro Line 16 opened on 28 December 2022", "28 December"),
        ("16号线于2022年12月28日开通", "12月28日"),
    ],
)
def test_confirming_a_date_verdict_warns_when_the_day_changed(
    db_url: str, tmp_path: Path, claim_text: str, day: str
) -> None:
    """trial55: the article's opening date went from 12月28日 to 12月26日; maria confirmed the
    date claim "opened on 28 December 2022" and nothing was said: a day was read as a
    `=day:12-28` term, which the stale-figure warning left out (it kept `#` figures only),
    though README promises it for figures and years."""
    old = "深圳地铁16号线于2022年12月28日开通运营，全长29.2公里，共设24座车站。\n"
    new = old.replace("12月28日", "12月26日")
    (tmp_path / "v1.txt").write_text(old, encoding="utf-8")
    (tmp_path / "v2.txt").write_text(new, encoding="utf-8")
    _ok(_run(db_url, "maria", "doc", "add", str(tmp_path / "v1.txt")))
    _ok(
        _run(
            db_url,
            "maria",
            "claim",
            "add",
            "1",
            "--text",
            claim_text,
            "--quote",
            "2022年12月28日开通运营",
            "--type",
            "date",
        )
    )
    _ok(_run(db_url, "maria", "claim", "status", "1", "in_progress"))
    _ok(
        _run(
            db_url,
            "maria",
            "evidence",
            "add",
            "1",
            "--url",
            "https://www.sz.gov.cn/line16",
            "--stance",
            "supports",
            "--title",
            "opening notice",
        )
    )
    _ok(_run(db_url, "maria", "claim", "status", "1", "verified", "--note", "bureau notice"))
    updated = _ok(_run(db_url, "maria", "doc", "update", "1", str(tmp_path / "v2.txt")))
    assert "flagged" in updated.out + updated.err
    confirmed = _ok(
        _run(db_url, "maria", "claim", "status", "1", "verified", "--note", "still right")
    )
    assert "still gives" in confirmed.err, (
        "no warning that the claim's text still gives the day the revision changed: "
        + confirmed.out
        + confirmed.err
    )
    assert f"claim #1's text still gives {day}, which the words it was judged on had" in (
        confirmed.err
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Line 16 opened on 28 December 2022", "28 December"),
        ("Line 16 opened on December 28, 2022", "December 28"),
        ("Line 16 opened Dec. 28", "Dec. 28"),
        ("16号线于2022年12月28日开通", "12月28日"),
        ("16号线于十二月二十八日开通", "十二月二十八日"),
        ("16号线于２０２２年１２月２８日开通", "１２月２８日"),
        ("16号线于2022.12.28开通", "2022.12.28"),
        ("Line 16 opened on 2022-12-28", "2022-12-28"),
    ],
)
def test_a_day_the_revision_took_out_is_named_as_the_text_writes_it(text: str, shown: str) -> None:
    """trial55: a day of a month was no figure to the warning; now it is one, named by the
    words the checker looks for in the text."""
    assert stale_figures(text, JUDGED, NOW) == [shown]


def test_a_day_still_in_the_quote_or_not_in_the_text_is_not_named() -> None:
    assert stale_figures("Line 16 opened on 26 December 2022", JUDGED, NOW) == []
    assert stale_figures("Line 16 opened in December 2022", JUDGED, NOW) == []
    # a day and a figure both gone: both named, the day as the text writes it
    assert stale_figures("Opened on 28 December, 400,000 riders", JUDGED, NOW) == [
        "28 December",
        "400,000",
    ]


def _diary(n: int, shift: int) -> str:
    return " ".join(
        f"On {1 + (i + shift) % 28} March {2000 + i % 25} it had {2 * i + 7 + shift} cars."
        for i in range(n)
    )


@pytest.mark.parametrize("n", [60, 240])
def test_stale_days_are_found_in_one_pass(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The days are named as written by one reading of the text, whatever their number (a
    pass per stale figure was quadratic before, review53): counted, not timed."""
    judged, now = _diary(n, 0), _diary(n, 1)
    reads = {"figures": 0, "days": 0}
    real_figures, real_days = module._figures, positions.written_days

    def figures(words: str) -> list[str]:
        reads["figures"] += 1
        return real_figures(words)

    def days(text: str) -> dict[str, str]:
        reads["days"] += 1
        return real_days(text)

    monkeypatch.setattr(module, "_figures", figures)
    monkeypatch.setattr(positions, "written_days", days)
    # the claim's text gives the days the judged words had; the quote now gives others
    stale = stale_figures(judged, judged, now.replace("March", "April"))
    assert "1 March" in stale and "28 March" in stale and "7" in stale
    assert reads["days"] == 1
    starts = len(list(module._START.finditer(judged)))
    assert reads["figures"] <= 3 + starts * (module._REACH + 1), (reads, starts)
