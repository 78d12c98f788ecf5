"""Every limited field a person types is measured as the desk stores it: in NFC (review
nfclimits). NFC may lengthen a text: U+0958 (क़) is a composition exclusion, two characters
composed (U+0915 U+093C), as are other nuqta letters, U+2ADC and Hebrew presentation forms.
A value within the limit as typed but over it in NFC was stored over-long by SQLite and refused
by PostgreSQL with its raw "value too long for type character varying(N)": here it is refused on
both, in one line, as bad usage (exit 2), and nothing is written; one whose NFC form is exactly
the limit is taken on both.

Run on SQLite, and on PostgreSQL with WORKBENCH_TEST_DATABASE_URL set."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.identity import MAX_NAME, MAX_REGISTERED_NAME
from workbench.domain.limits import MAX_NOTE, MAX_SHORT, MAX_TAG, MAX_TITLE, check_text
from workbench.domain.people import MAX_EMAIL

Run = Callable[..., Any]

LONGER = "\u0958"  # क़: NFC is U+0915 U+093C
TEXT = "The GDP grew 5% in 2020.\n"


# What a value is made as: over the limit in NFC only, exactly the limit in NFC, or over it
# as typed with no character NFC changes (the verdict the first must share).
OVER, EXACT, PLAIN = "over", "exact", "plain"


def latin(limit: int, kind: str) -> str:
    """`limit` characters as typed (one fewer when EXACT), whose NFC form is one more: Latin
    letters, a space, then U+0958 (a word of its own, so that no word mixes scripts)."""
    if kind == PLAIN:
        return "a" * (limit + 1)
    return "a" * (limit - 2 - (0 if kind == OVER else 1)) + " " + LONGER


def devanagari(limit: int, kind: str) -> str:
    """U+0958 alone (a name or tag of one script): half the limit as typed, and in NFC the limit
    plus two (OVER) or exactly the limit; PLAIN: U+0915 (क, which NFC keeps) over the limit."""
    if kind == PLAIN:
        return "\u0915" * (limit + 1)
    return LONGER * (limit // 2 + (1 if kind == OVER else 0))


def email(kind: str) -> str:
    domain = "@x.org"
    if kind == PLAIN:
        return "a" * (MAX_EMAIL + 1 - len(domain)) + domain
    return LONGER + "a" * (MAX_EMAIL - 2 - len(domain) + (0 if kind == EXACT else 1)) + domain


# (field, limit, value(over), argv for the value, stdin)
FIELDS: list[tuple[str, int, Callable[[str], str], Callable[[str], list[str]], str | None]] = [
    (
        "doc add --title",
        MAX_TITLE,
        lambda k: latin(MAX_TITLE, k),
        lambda v: ["doc", "add", "-", "--title", v],
        "Another text.\n",
    ),
    (
        "doc add --author",
        MAX_SHORT,
        lambda k: latin(MAX_SHORT, k),
        lambda v: ["doc", "add", "-", "--author", v],
        "Another text.\n",
    ),
    (
        "doc edit --title",
        MAX_TITLE,
        lambda k: latin(MAX_TITLE, k),
        lambda v: ["doc", "edit", "1", "--title", v],
        None,
    ),
    (
        "doc edit --author",
        MAX_SHORT,
        lambda k: latin(MAX_SHORT, k),
        lambda v: ["doc", "edit", "1", "--author", v],
        None,
    ),
    (
        "claim add --speaker",
        MAX_SHORT,
        lambda k: latin(MAX_SHORT, k),
        lambda v: ["claim", "add", "1", "--text", "GDP grew.", "--quote", "GDP", "--speaker", v],
        None,
    ),
    (
        "claim edit --speaker",
        MAX_SHORT,
        lambda k: latin(MAX_SHORT, k),
        lambda v: ["claim", "edit", "1", "--speaker", v],
        None,
    ),
    (
        "evidence add --title",
        MAX_TITLE,
        lambda k: latin(MAX_TITLE, k),
        lambda v: ["evidence", "add", "1", "--citation", "c", "--stance", "context", "--title", v],
        None,
    ),
    (
        "evidence add --publisher",
        MAX_SHORT,
        lambda k: latin(MAX_SHORT, k),
        lambda v: [
            *("evidence", "add", "1", "--citation", "c", "--stance", "context"),
            *("--publisher", v),
        ],
        None,
    ),
    (
        "evidence add --citation",
        MAX_NOTE,
        lambda k: latin(MAX_NOTE, k),
        lambda v: ["evidence", "add", "1", "--citation", v, "--stance", "context"],
        None,
    ),
    (
        "note add",
        MAX_NOTE,
        lambda k: latin(MAX_NOTE, k),
        lambda v: ["note", "add", "1", v],
        None,
    ),
    (
        "claim tag",
        MAX_TAG,
        lambda k: devanagari(MAX_TAG, k),
        lambda v: ["claim", "tag", "1", v],
        None,
    ),
    (
        "claim assign --to",
        MAX_NAME,
        lambda k: devanagari(MAX_NAME, k),
        lambda v: ["claim", "assign", "1", "--to", v],
        None,
    ),
    (
        "user add NAME",
        MAX_REGISTERED_NAME,
        lambda k: devanagari(MAX_REGISTERED_NAME, k),
        lambda v: ["user", "add", v],
        None,
    ),
    (
        "user add --display",
        MAX_SHORT,
        lambda k: latin(MAX_SHORT, k),
        lambda v: ["user", "add", "ana", "--display", v],
        None,
    ),
    ("user add --email", MAX_EMAIL, email, lambda v: ["user", "add", "ana", "--email", v], None),
]


def _desk(cli: Run) -> None:
    assert cli("doc", "add", "-", input=TEXT).code == 0
    added = cli("claim", "add", "1", "--text", "The GDP grew 5% in 2020.", "--quote", "GDP grew")
    assert added.code == 0, added.err


@pytest.mark.parametrize("field", FIELDS, ids=[f[0] for f in FIELDS])
def test_a_value_over_the_limit_in_nfc_is_refused_in_one_line_and_nothing_written(
    cli: Run, counts: Callable[[], dict[str, int]], field: Any
) -> None:
    name, limit, value, argv, stdin = field
    over = value(OVER)
    assert len(over) <= limit < len(unicodedata.normalize("NFC", over)), name
    _desk(cli)
    before = counts()
    plain = cli(*argv(value(PLAIN)), input=stdin)
    assert plain.code in (1, 2), (plain.code, plain.out, plain.err)
    r = cli(*argv(over), input=stdin)
    assert r.code == plain.code, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1 and "database error" not in r.err, r.err
    assert any(f"{said} {limit:,}" in r.err for said in ("limit is", "than", "at most")), r.err
    assert counts() == before


EXACT_CASES = [pytest.param(f, id=f[0]) for f in FIELDS]


@pytest.mark.parametrize("field", EXACT_CASES)
def test_a_value_exactly_the_limit_in_nfc_is_taken(cli: Run, field: Any) -> None:
    name, limit, value, argv, stdin = field
    exact = value(EXACT)
    assert len(unicodedata.normalize("NFC", exact)) == limit, name
    _desk(cli)
    r = cli(*argv(exact), input=stdin)
    assert r.code == 0, (r.code, r.out, r.err)


def test_check_text_measures_the_form_stored() -> None:
    # Longer in NFC: refused, said in NFC.
    with pytest.raises(Exception, match="3 characters in NFC"):
        check_text("a" + LONGER, "the field", 2)
    # Shorter in NFC (e + U+0301 is é): taken, as it is stored within the limit.
    assert check_text("e\u0301", "the field", 1) == "\u00e9"
