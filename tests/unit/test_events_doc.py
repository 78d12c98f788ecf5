"""docs/events.md and the code that writes and replays events say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.domain.kinds import KINDS
from workbench.domain.payloads import ACTIONS
from workbench.domain.replay import AUTHOR_FIELDS, RULES

PAGE = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else len(text)]


def documented_actions(text: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    rows: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for line in _section(text, "## Actions").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        action, kind, shape, changes = cells
        rows[action.strip("`")] = (kind, shape, tuple(re.findall(r"`([^`]+)`", changes)))
    return rows


def documented_kinds(text: str) -> dict[str, tuple[str, ...]]:
    section = _section(text, "## Entities and their fields")
    kinds: dict[str, tuple[str, ...]] = {}
    for block in section.split("\n### ")[1:]:
        name, _, body = block.partition("\n")
        kinds[name.strip()] = tuple(re.findall(r"`([^`]+)`", body))
    return kinds


def test_every_action_is_documented_as_the_code_writes_it() -> None:
    in_code = {a.name: (a.kind, a.shape, a.changes) for a in ACTIONS.values()}
    assert documented_actions(PAGE.read_text(encoding="utf-8")) == in_code


def test_every_action_written_has_a_replay_rule() -> None:
    assert set(ACTIONS) == set(RULES)


def test_every_kind_is_documented_with_its_fields_in_order() -> None:
    in_code = {name: kind.fields for name, kind in KINDS.items()}
    assert documented_kinds(PAGE.read_text(encoding="utf-8")) == in_code


def test_the_page_parser_sees_a_disagreement() -> None:
    page = PAGE.read_text(encoding="utf-8")
    edited = page.replace("| `claim.assigned` | claim | changed | `assignee` |", "")
    assert "claim.assigned" not in documented_actions(edited)
    edited = page.replace(
        "`id`, `claim_id`, `author`, `body`, `created_at`, `internal`", "`id`, `body`"
    )
    assert documented_kinds(edited)["note"] == ("id", "body")


def test_the_authors_replay_holds_to_the_actor_are_the_ones_documented() -> None:
    """review57: replay now holds each kind's author field to its creating event's actor; the
    page names them as `kind `field``, the code's AUTHOR_FIELDS."""
    section = PAGE.read_text(encoding="utf-8").split("## Entities and their fields")[1]
    sentence = section.split("\n### ")[0].replace("\n", " ").split("(docs/audit-chain.md")[0]
    named = dict(re.findall(r"(\w+) `(\w+)`", sentence.split("entity's own fields")[1]))
    assert named == AUTHOR_FIELDS
