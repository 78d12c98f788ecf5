"""A plain-text file's first line is its title when it stands alone as a headline (session 47
left alone: a .txt article was stored with no title)."""

from __future__ import annotations

import pytest

from workbench.domain.plain_title import plain_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "技术理想主义的破茧重生:MiniMax闫俊杰的'心舟'飞渡\n\n1\n\n在人工智能浪潮……\n",
            "技术理想主义的破茧重生:MiniMax闫俊杰的'心舟'飞渡",
        ),
        ("深圳新能源汽车产量创新高\n\n据统计局数据，产量达280万辆。\n", "深圳新能源汽车产量创新高"),
        (
            "\n\nFactory output hits a record\n\nOutput rose 5% in May.\n",
            "Factory output hits a record",
        ),
        ("“我们没有退路”\n\n他说。\n", "“我们没有退路”"),
        ("Is the economy growing?\n\nYes, by 2%.\n", None),  # a question ends in a stop
        ("Output rose 5% in May.\n\nIt was a record.\n", None),  # a lead sentence
        ("SMITH: We cut taxes\n\nJONES: No.\n", None),  # a speaker's turn
        ("A headline\nwrapped onto two lines\n\nBody.\n", None),  # no line standing alone
        ("Only a headline\n", None),  # nothing after it
        ("Only a headline\n\n   \n", None),
        ("x" * 121 + "\n\nBody.\n", None),  # too long for a headline
        ("据悉，\n\n公司上市。\n", None),  # a lead-in's comma
        ("Tab\there\x07\n\nBody.\n", "Tab here"),
        # review53: what reads as something else
        ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Smith>We cut taxes.\n", None),
        ("WEBVTT - debate\n\n00:00:01.000 --> 00:00:04.000\n<v Smith>Hi.\n", None),
        ("By John Smith\n\nThe council met.\n", None),
        ("https://example.com/story\n\nThe council met.\n", None),
        ("- We cut taxes by 3%\n\nMore.\n", None),
        ("1. First item\n\nMore.\n", None),
        ("---\n\nMore.\n", None),
        ("3.5% inflation hits a record\n\nPrices rose.\n", "3.5% inflation hits a record"),
        ("By 2030, coal is gone\n\nThe plan says so.\n", "By 2030, coal is gone"),
    ],
)
def test_plain_title(text: str, title: str | None) -> None:
    assert plain_title(text) == title
