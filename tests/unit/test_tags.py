"""Tags as typed: folded as names are (full-width, case), and refused when a reader could not
tell them apart (a space between words, digits alone, a Latin word with a letter of another
script, a tag that looks like one in use)."""

from __future__ import annotations

import re

import pytest

from workbench.domain.desk import TagTwins, new_tag, normalise_tag
from workbench.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("money", "money"),
        ("ｍｏｎｅｙ", "money"),  # full-width forms, NFKC
        ("Money", "money"),
        ("ＭＯＮＥＹ", "money"),
        ("  fact-check  ", "fact-check"),
        ("Straße", "strasse"),  # case folding, not lower-casing
        ("经济", "经济"),
        ("ai芯片", "ai芯片"),  # Chinese and Latin together, imitating nothing
        ("5g网络", "5g网络"),
        ("ελλάδα", "ελλάδα"),  # wholly another script
        ("сор", "сор"),  # all Cyrillic: judged against the tags in use (TagTwins)
    ],
)
def test_a_tag_is_stored_folded(typed: str, stored: str) -> None:
    assert new_tag(typed) == stored
    assert normalise_tag(typed) == stored


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("a b", "holds a space"),
        ("fact check", "'fact-check'"),  # says how to join the words
        ("a\u3000b", "holds a space"),  # an ideographic space folds to a plain one first
        ("m\u043eney", "mixes scripts: '\u043e' (CYRILLIC SMALL LETTER O)"),
        ("\u0430i", "mixes scripts"),  # Cyrillic а before a Latin i
        ("ｍ\u043eｎｅｙ", "mixes scripts"),  # full-width folded first, then judged
        ("２０２５", "only digits"),  # full-width digits are digits once folded
        ("2025", "only digits"),
        ("a\u200bb", "U+200B"),
    ],
)
def test_a_new_tag_a_reader_could_misread_is_refused(typed: str, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(fragment)):
        new_tag(typed)


def test_a_tag_already_stored_can_still_be_named_to_remove_it() -> None:
    """What `new_tag` refuses to add `normalise_tag` (removal, lookup) still folds: a tag from
    an import, or stored before the rules, stays removable."""
    assert normalise_tag("a  b") == "a b"
    assert normalise_tag("2025") == "2025"
    assert normalise_tag("m\u043eney") == "m\u043eney"


@pytest.mark.parametrize(
    ("tag", "in_use", "twin"),
    [
        ("cop", ["money", "\u0441\u043e\u0440"], "\u0441\u043e\u0440"),  # сор, all Cyrillic
        ("1ab", ["lab"], "lab"),
        ("covid-19", ["covid19"], "covid19"),  # punctuation is left out
        ("us", ["u.s."], "u.s."),
        ("money", ["ｍｏｎｅｙ"], None),  # stored unfolded before tags were: the same tag
        ("money", ["money"], None),
        # TR39's classes only: these are different words, not look-alikes
        ("fail", ["fall"], None),
        ("mail", ["mall"], None),
        ("ai", ["al"], None),
        ("m0ney", ["money"], None),
        ("经济", ["经"], None),
        ("增长", ["增"], None),  # 长 is a letter of its own, not a radical left out
    ],
)
def test_a_tag_that_looks_like_one_in_use_names_it(
    tag: str, in_use: list[str], twin: str | None
) -> None:
    twins = TagTwins(in_use)
    refused = None if twins.known(tag) else twins.refusal(tag)
    if twin is None:
        assert refused is None
    else:
        assert refused is not None and refused.message.startswith(
            f"tag {tag!r} looks like {twin!r}, a tag claims already have"
        )


def test_new_tags_are_compared_with_those_given_before_them() -> None:
    twins = TagTwins(["money"])
    twins.give("covid-19")
    refused = twins.refusal("covid19")
    assert refused is not None and refused.message == (
        "tags 'covid-19' and 'covid19' look alike: give one of them"
    )
    twins.give("1ab", row=4)
    refused = twins.refusal("lab")
    assert refused is not None and refused.message == (
        "tag 'lab' looks like '1ab', a new tag of row 4: give one of them"
    )
    assert twins.refusal("covid-19") is None  # the tag itself, given again
    assert twins.known("money") and not twins.known("covid-19")
