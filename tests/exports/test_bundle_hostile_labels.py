"""What a restored bundle's tags, registered names, proposed verdicts' reasons and evidence
media types may carry (restore2): a bundle edited by hand, its events made to match and its
chain recomputed, replays consistently, and restored a tag holding an ESC sequence, a user
name holding a bidi override. Each is held to what the command that stores it has refused in
every release that wrote a bundle, refused in one line naming the row, and the SQLite file
the restore created is taken back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_bundle import bundle_bytes
from test_bundle_hostile_rows import _desk
from test_bundle_replay import Tables, forge

from workbench.db.models import Claim
from workbench.domain.chain import canonical_json
from workbench.domain.errors import InvalidInput
from workbench.domain.shown import shown_text
from workbench.services.bundle import import_bundle
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.settings import set_config
from workbench.services.users import add_user
from workbench.services.workflow import tag


def _payload(event: dict[str, Any], edit: Callable[[dict[str, Any]], None]) -> None:
    payload = json.loads(event["payload"])
    edit(payload)
    event["payload"] = canonical_json(payload)


def _tag(value: str) -> Callable[[Tables], None]:
    """The desk's one tag made `value`, in its row and in the event that added it."""

    def edit(t: Tables) -> None:
        (row,) = t["claim_tags"]
        row["tag"] = value
        for ev in t["events"]:
            if ev["action"] == "claim.tagged":
                _payload(ev, lambda p: p["after"].__setitem__("tags", [value]))

    return edit


def _refused(wb: Workbench, tmp_path: Path, edit: Callable[[Tables], None], which: str) -> str:
    """The refusal of the bundle of `wb` edited by `edit`, restored into a new SQLite file,
    which is not left behind; its message."""
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    target = tmp_path / "restored.db"
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=f"sqlite:///{target}", actor="tester"), str(path))
    assert not target.exists()
    message = refused.value.message
    assert message.startswith(f"the bundle's {which}: "), message
    assert message.endswith("; nothing was imported"), message
    assert "\n" not in message and "\x1b" not in message and "\u202e" not in message, message
    return message


# claim tag has refused a control character, a line or paragraph separator and bytes that
# are no UTF-8 since 8fdf8467, before export bundle could be run by a release (4e372462 was
# rebased onto it): what a note is refused for.
HOSTILE_TAGS = ["bud\x1b[2Jget", "bud\nget", "bud\u2028get", "bud\x85get"]


@pytest.mark.parametrize("value", HOSTILE_TAGS)
def test_a_bundle_tag_is_held_to_the_characters_claim_tag_takes(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    _desk(wb, tmp_path)
    tag(wb, [1], ["budget"])
    message = _refused(wb, tmp_path, _tag(value), "claim #1's tag")
    assert "character 4" in message, message


def test_a_bundle_tag_claim_tag_takes_restores(wb: Workbench, tmp_path: Path) -> None:
    """The check is the characters, not today's rules for a new tag: a tag with a space, as
    one imported or stored before new_tag's rules, restores."""
    _desk(wb, tmp_path)
    tag(wb, [1], ["budget"])
    path = tmp_path / "older.zip"
    path.write_bytes(forge(bundle_bytes(wb), _tag("state budget")))
    target = Workbench(url=f"sqlite:///{tmp_path / 'restored.db'}", actor="tester")
    assert import_bundle(target, str(path)).tables["claim_tags"] == 1


def _user_name(value: str) -> Callable[[Tables], None]:
    """The registered name `tim` made `value`, in its row and in the event that added it."""

    def edit(t: Tables) -> None:
        for row in t["users"]:
            if row["name"] == "tim":
                row["name"] = value
        for ev in t["events"]:
            if ev["action"] == "user.added" and ev["entity_id"] == "tim":
                ev["entity_id"] = value
                _payload(ev, lambda p: p["after"].__setitem__("name", value))

    return edit


# A registered name has refused controls, format characters (bidi among them), separators and
# lone surrogates since the users table came (8fdf8467), as a display name has.
HOSTILE_NAMES = ["tim\x1b[8m", "ti\u202em", "ti\u2066m", "tim\nroot", "ti\u2029m"]


@pytest.mark.parametrize("value", HOSTILE_NAMES)
def test_a_bundle_user_name_is_held_to_what_user_add_has_always_refused(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    _desk(wb, tmp_path)
    add_user(wb, "tim", display="Tim Tan", email="tim@example.org")
    message = _refused(wb, tmp_path, _user_name(value), f"user {shown_text(value)!r}")
    assert "the name: character 3 is" in message or "the name: character 4 is" in message, message


def _proposal(wb: Workbench, tmp_path: Path, reason: str) -> None:
    """The desk with claim #1's verdict proposed for sign-off, for `reason`."""
    _desk(wb, tmp_path)
    set_config(wb, "review.required", "on")
    set_status(wb, 1, "verified", note=reason)


def _proposed_note(value: str) -> Callable[[Tables], None]:
    """Claim #1's proposed verdict's reason made `value`, in its row and in the event that
    proposed it (the note the proposal wrote is left as it was: it is checked on its own)."""

    def edit(t: Tables) -> None:
        (row,) = t["claims"]
        row["proposed_note"] = value
        for ev in t["events"]:
            if ev["action"] == "claim.review_requested":
                _payload(ev, lambda p: p["after"].__setitem__("proposed_note", value))

    return edit


# A proposal's reason is written with the note note_body checks, in one transaction: no
# release stored one holding a control character but newline, tab and CR (below), nor a
# separator.
HOSTILE_REASONS = ["the ministry\x1b]0;owned\x07 confirmed it", "the ministry\u2028confirmed it"]


@pytest.mark.parametrize("value", HOSTILE_REASONS)
def test_a_bundle_proposed_verdicts_reason_is_held_to_what_a_note_takes(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    _proposal(wb, tmp_path, "the ministry confirmed it")
    message = _refused(wb, tmp_path, _proposed_note(value), "claim #1")
    assert "the proposed verdict's reason: character 13 is" in message, message


def test_a_proposed_verdicts_reason_as_the_desk_stored_it_restores(
    wb: Workbench, tmp_path: Path
) -> None:
    """A reason typed with CRLF line ends is stored in the proposal as typed (the note beside
    it with LF): a desk's own bundle holding that CR restores."""
    _proposal(wb, tmp_path, "the ministry\r\nconfirmed it")
    path = tmp_path / "desk.zip"
    path.write_bytes(bundle_bytes(wb))
    target = Workbench(url=f"sqlite:///{tmp_path / 'restored.db'}", actor="tester")
    assert import_bundle(target, str(path)).tables["claims"] == 1
    with target.engine().connect() as conn:
        assert (
            conn.execute(select(Claim.proposed_note)).scalar_one() == "the ministry\r\nconfirmed it"
        )


def _media_type(value: str) -> Callable[[Tables], None]:
    """Evidence #1's media type made `value`, in its row and in the event that added it."""

    def edit(t: Tables) -> None:
        (row,) = t["evidence"]
        row["media_type"] = value
        for ev in t["events"]:
            if ev["action"] == "evidence.added":
                _payload(ev, lambda p: p["after"].__setitem__("media_type", value))

    return edit


# evidence add has always recorded the type mimetypes guesses from the file's name, or
# application/octet-stream: a type/subtype of RFC 6838 names, never these.
HOSTILE_MEDIA_TYPES = [
    "text/plain\x1b[2J",
    "text/plain\r\nX-Injected: 1",
    "text/pla\u202ein",
    "text/html; charset=utf-8",
    "plain text",
    "",
]


@pytest.mark.parametrize("value", HOSTILE_MEDIA_TYPES)
def test_a_bundle_evidence_media_type_is_one_evidence_add_records(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    _desk(wb, tmp_path)
    message = _refused(wb, tmp_path, _media_type(value), "evidence #1")
    assert "the media type" in message, message


# What mimetypes gives from a system's own table (/etc/mime.types): letters of either case.
GUESSED = ["application/vnd.ms-excel.sheet.macroEnabled.12", "application/vnd.hp-HPGL"]


@pytest.mark.parametrize("value", GUESSED)
def test_a_bundle_evidence_media_type_a_system_guessed_restores(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    _desk(wb, tmp_path)
    path = tmp_path / "desk.zip"
    path.write_bytes(forge(bundle_bytes(wb), _media_type(value)))
    target = Workbench(url=f"sqlite:///{tmp_path / 'restored.db'}", actor="tester")
    assert import_bundle(target, str(path)).tables["evidence"] == 1


def _evidence(column: str, value: str) -> Callable[[Tables], None]:
    """Evidence #1's `column` made `value`, in its row and in the event that added it."""

    def edit(t: Tables) -> None:
        (row,) = t["evidence"]
        row[column] = value
        for ev in t["events"]:
            if ev["action"] == "evidence.added":
                _payload(ev, lambda p: p["after"].__setitem__(column, value))

    return edit


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        ("stance", "endorses", "unknown stance 'endorses'; valid: supports, refutes, context"),
        ("kind", "rumour", "unknown evidence kind 'rumour'; valid: url, file, citation"),
    ],
)
def test_a_bundle_evidence_stance_or_kind_no_command_takes_is_a_named_refusal(
    wb: Workbench, tmp_path: Path, column: str, value: str, said: str
) -> None:
    """The database's own check refused the row first, said as `database error: CHECK
    constraint failed: ck_evidence_stance` on SQLite (another text on PostgreSQL), naming no
    row: the restore says which row and why, the same on both."""
    _desk(wb, tmp_path)
    message = _refused(wb, tmp_path, _evidence(column, value), "evidence #1")
    assert said in message, message


def _twice(table: str) -> Callable[[Tables], None]:
    def edit(t: Tables) -> None:
        t[table].append(dict(t[table][0]))

    return edit


def _span_reversed(t: Tables) -> None:
    t["claims"][0]["span_end"] = -1


@pytest.mark.parametrize(
    ("edit", "table"),
    [(_twice("notes"), "notes"), (_twice("claim_tags"), "claim_tags"), (_span_reversed, "claims")],
)
def test_a_bundle_row_its_table_refuses_is_the_bundles_refusal(
    wb: Workbench, tmp_path: Path, edit: Callable[[Tables], None], table: str
) -> None:
    """A row twice, or one its table's check constraint refuses, was a `database error` (kind
    storage: the target database's trouble, to a script), naming no row: it is the bundle's,
    refused as such, naming its table."""
    _desk(wb, tmp_path)
    tag(wb, [1], ["budget"])
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    target = tmp_path / "restored.db"
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=f"sqlite:///{target}", actor="tester"), str(path))
    assert not target.exists()
    message = refused.value.message
    assert message.startswith(f"the bundle's table {table} does not fit this schema: "), message
    assert message.endswith("; nothing was imported"), message
    assert "\n" not in message, message


def _note_writer(value: str) -> Callable[[Tables], None]:
    """Note #1 written by `value`: its author and its event's actor alike (the replay holds
    them to each other)."""

    def edit(t: Tables) -> None:
        t["notes"][0]["author"] = value
        for ev in t["events"]:
            if ev["action"] == "note.added":
                ev["actor"] = value
                _payload(ev, lambda p: p["after"].__setitem__("author", value))

    return edit


@pytest.mark.parametrize("value", ["tes\u202eter", "tes\x1b[8mter", "tes\nter"])
def test_a_bundle_actor_is_held_to_what_a_name_has_always_been(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    """Whoever acts is named by normalise_name, which has refused control, format and separator
    characters since names were normalised (8fdf8467, before any release wrote a bundle)."""
    _desk(wb, tmp_path)
    _refused(wb, tmp_path, _note_writer(value), "note #1")


def _note_writer_with_no_machine(value: str) -> Callable[[Tables], None]:
    """`_note_writer`, its note.added event made to record no machine, as the events of a desk
    begun before 8fdf8467 do (what ec246675's exception for such a desk's names reads)."""
    named = _note_writer(value)

    def edit(t: Tables) -> None:
        named(t)
        for ev in t["events"]:
            if ev["action"] == "note.added":
                ev["machine"] = None

    return edit


@pytest.mark.parametrize("value", ["tes\u202eter", "tes\u202ater", "\u2067tes\u202eter\u2069"])
def test_a_bundle_actor_reordered_is_refused_on_an_event_with_no_machine(
    wb: Workbench, tmp_path: Path, value: str
) -> None:
    """A desk begun before 8fdf8467 may hold a name pasted with its bidi isolates, which draw
    the name as it reads and reorder nothing around it (ec246675). An override or an embedding
    reorders the name itself ('tes' + U+202E + 'ter' is shown 'tesret'): the forgery restore2
    refused, which a bundle's events saying no machine must not let through (rr2)."""
    _desk(wb, tmp_path)
    _refused(wb, tmp_path, _note_writer_with_no_machine(value), "note #1")
