"""A page's publication day only where the page states one: never a year or month made a day."""

from __future__ import annotations

import pytest

from workbench.domain.stated_dates import day_in_line, day_in_path, stated_day


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-03-02", "2025-03-02"),
        ("2025-03-02T14:00:00Z", "2025-03-02"),
        ("2025-03-02T23:30:00.000-05:00", "2025-03-02"),  # the page's own calendar day
        ("2025-03-02 14:00:00 +0800", "2025-03-02"),
        ("2025/3/2", "2025-03-02"),
        ("2025.03.02", "2025-03-02"),
        ("2025年3月2日", "2025-03-02"),
        ("２０２５－０３－０２", "2025-03-02"),
        ("20250302", "2025-03-02"),
        ("20250302T140000Z", "2025-03-02"),
        ("March 2, 2025", "2025-03-02"),
        ("2 Mar 2025", "2025-03-02"),
        ("Sun, 02 Mar 2025 14:00:00 GMT", "2025-03-02"),
    ],
)
def test_a_stated_day_is_read(value: str, day: str) -> None:
    assert stated_day(value) == day


@pytest.mark.parametrize(
    "value",
    [
        "2024",  # a year alone: no 2024-01-01
        "2024-05",  # a month alone: no 2024-05-01
        "202405",
        "May 2024",
        "2024年5月",
        "2024年",
        "3/12/2025",  # day and month either way round
        "12.03.2025",
        "2025-02-30",  # no such day
        "2025-3",
        "last week",
        "",
        None,
    ],
)
def test_no_day_is_made_up(value: str | None) -> None:
    assert stated_day(value) is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("文/王晓明　2025年3月12日 09:30", "2025-03-12"),
        ("发布时间：2025-03-12 10:00 来源：新华社", "2025-03-12"),
        ("By Jane Smith | March 2, 2025", "2025-03-02"),
        ("本报北京3月12日电", None),  # no year
        ("2025年3月", None),  # no day
        ("记者 王晓明 报道", None),
    ],
)
def test_a_datelines_day(line: str, day: str | None) -> None:
    assert day_in_line(line) == day


@pytest.mark.parametrize(
    ("path", "day"),
    [
        ("/2025/03/02/story.html", "2025-03-02"),
        ("/a/2025-03-02-council-budget", "2025-03-02"),
        ("/politics/2025-03/02/c_1130.htm", "2025-03-02"),
        ("/n1/2025/0302/c1001-4.html", "2025-03-02"),
        ("/202503/02/story", "2025-03-02"),
        ("/p/20250302/", "2025-03-02"),
        ("/2025/03/story", None),  # a month: no day
        ("/2025/story", None),
        ("/id/2025030212/", None),  # an id, not a date
        ("/2025/13/40/", None),
        ("/story-12345", None),
    ],
)
def test_a_url_paths_day(path: str, day: str | None) -> None:
    assert day_in_path(path) == day
