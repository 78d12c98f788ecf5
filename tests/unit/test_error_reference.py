"""docs/errors.md lists every error kind and every workflow refusal a script can meet."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.cli import errors as cli_errors
from workbench.domain.errors import (
    COMMIT_UNKNOWN,
    DAMAGED_COPY,
    DAMAGED_DATABASE,
    DAMAGED_SEARCH_INDEX,
    DATABASE_LOCKED,
    ERROR_TYPES,
    NO_DESK,
    READ_ONLY_SERVER,
    SCHEMA_BEHIND,
    SETTING_NOT_PERMITTED,
    UPGRADE_NOT_PERMITTED,
    Conflict,
    DamagedRecord,
    NotFound,
    SchemaError,
    StorageError,
)
from workbench.domain.people import UNREGISTERED_USER
from workbench.domain.speaker_kind import ONE_SPEAKER_KIND
from workbench.domain.transitions import Refusal
from workbench.exports.annotations import NEWER_ANNOTATIONS
from workbench.new_file import FILE_EXISTS
from workbench.services.bundle import DATABASE_NOT_EMPTY
from workbench.services.documents import NO_SOURCE
from workbench.services.registry import ROLE_MISMATCH
from workbench.services.revisions import CUT_SHORT, REVISED_MEANWHILE, UNRELATED
from workbench.services.settings import NOT_DESK_OWNER
from workbench.services.users import BINDING_NOT_PERMITTED

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
SOURCE = "\n".join(
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "workbench").rglob("*.py"))
)


def test_every_kind_is_documented() -> None:
    cli_kinds = {
        cli_errors.USAGE,
        cli_errors.ABORTED,
        cli_errors.ENCODING,
        cli_errors.FILE_ERROR,
    }
    for kind in {t.kind for t in ERROR_TYPES} | cli_kinds:
        assert f"| `{kind}` |" in PAGE, kind


def test_every_refusal_reason_is_documented() -> None:
    for reason in Refusal:
        assert f"| `{reason.value}` |" in PAGE, reason


def test_other_reasons_a_script_can_act_on_are_documented() -> None:
    # doc update's refusal of another article: a script may retry it with --force.
    assert f"| `{UNRELATED}` | `invalid_input` |" in PAGE
    # doc update's refusal of a text under a third of the current one (a paywall's stub).
    assert f"| `{CUT_SHORT}` | `invalid_input` |" in PAGE
    # doc update DOC of a document with no URL: a script gives the text instead.
    assert f"| `{NO_SOURCE}` | `invalid_input` |" in PAGE
    # doc update overtaken by another revision while it read its source: a script runs it
    # again (race322).
    assert f"| `{REVISED_MEANWHILE}` | `{Conflict.kind}` |" in PAGE
    # An existing file a command would write over: a script may retry with --force.
    assert f"| `{FILE_EXISTS}` | `invalid_input` |" in PAGE
    # A shared database's older schema, and an upgrade the role may not make: a script may
    # tell the database's owner rather than retry.
    assert f"| `{SCHEMA_BEHIND}` | `{SchemaError.kind}` |" in PAGE
    assert f"| `{UPGRADE_NOT_PERMITTED}` | `{StorageError.kind}` |" in PAGE
    # A read that found no workbench tables (a wrong schema): a script checks where it points.
    assert f"| `{NO_DESK}` | `{NotFound.kind}` |" in PAGE
    # A name typed from another role, and a name bound to another's role: the person's own
    # login (or the owner) is the way past, not a retry.
    assert f"| `{ROLE_MISMATCH}` | `invalid_input` |" in PAGE
    assert f"| `{BINDING_NOT_PERMITTED}` | `invalid_input` |" in PAGE
    # A safeguard of review turned off by anyone but the desk's owner: the owner is the way.
    assert f"| `{NOT_DESK_OWNER}` | `invalid_input` |" in PAGE
    # A bundle into a desk with work: another --db is the way, not a fixed bundle.
    assert f"| `{DATABASE_NOT_EMPTY}` | `invalid_input` |" in PAGE
    # fix319: a name the desk never registered, acting (`--as`) or owning (`--to`): a script
    # registers it or gives another, and a speaker's second kind tag: it untags the first.
    assert f"| `{UNREGISTERED_USER}` | `invalid_input` |" in PAGE
    assert f"| `{ONE_SPEAKER_KIND}` | `invalid_input` |" in PAGE
    # Annotations a later release exported: that release imports them, not a retry.
    assert f"| `{NEWER_ANNOTATIONS}` | `invalid_input` |" in PAGE


def test_the_damage_and_server_reasons_are_documented_with_their_kinds() -> None:
    # A damaged file is restored, a damaged search index rebuilt, a damaged copy taken again;
    # a role without the grants asks the owner; a read-only server is written through the
    # primary: a script tells them apart by reason, under the kind docs/errors.md gives.
    assert f"| `{DAMAGED_DATABASE}` | `{DamagedRecord.kind}` |" in PAGE
    assert f"| `{DAMAGED_SEARCH_INDEX}` | `{DamagedRecord.kind}` |" in PAGE
    assert f"| `{DAMAGED_COPY}` | `{DamagedRecord.kind}` |" in PAGE
    assert f"| `{SETTING_NOT_PERMITTED}` | `{StorageError.kind}` |" in PAGE
    assert f"| `{READ_ONLY_SERVER}` | `{StorageError.kind}` |" in PAGE
    # A commit whose outcome nobody could learn: a script looks before it retries.
    assert f"| `{COMMIT_UNKNOWN}` | `{StorageError.kind}` |" in PAGE


def test_every_documented_other_reason_is_one_the_code_gives() -> None:
    """A row of "Other reasons" names a reason some refusal carries: none left behind by a
    change of the code for a script to wait for."""
    rows = re.findall(r"^\| `([a-z_]+)` \| `[a-z_]+` \|", PAGE, re.M)
    assert len(rows) >= 15
    for reason in rows:
        assert f'"{reason}"' in SOURCE, reason


def test_every_step_a_hint_names_is_documented() -> None:
    """Each `run` hint's step (`step("...")` or `step=` in the code) is in the Hints table's
    list of steps, so a script can act on every hint it may meet."""
    hints = PAGE[PAGE.index("## Hints") :]
    steps = set(re.findall(r"\bstep\(\s*\"([a-z_]+)\"", SOURCE))
    steps |= set(re.findall(r"\bstep=\"([a-z_]+)\"", SOURCE))
    assert len(steps) >= 15
    for name in sorted(steps):
        assert f"`{name}`" in hints, name


def test_commit_unknown_says_the_after_seq_the_message_gives() -> None:
    """An editor met commit_unknown naming "the trail's event 8 ... `workbench audit export
    --after-seq 7`" and docs/errors.md saying "`workbench audit export --after-seq N` to see what
    the trail holds at that seq", N read as the event's seq: that export starts after it, at 9,
    and never shows the event she was to look for. The row says the seq before it, as the
    message does."""
    from workbench.services.context import COMMIT_UNKNOWN_SAID

    said = COMMIT_UNKNOWN_SAID.format(error="database error", seq=8, hash="ab12", before=7)
    assert "event 8 has hash ab12" in said and "--after-seq 7`" in said, said
    row = next(line for line in PAGE.splitlines() if line.startswith(f"| `{COMMIT_UNKNOWN}` |"))
    assert "--after-seq N-1`" in row, row


def test_the_lock_wait_refusal_is_documented_with_its_kind() -> None:
    """fix206: a write whose wait for another writer's lock ran out is the one refusal a
    script is told to retry (docs/backup.md), and it had no reason to tell it by."""
    assert f"| `{DATABASE_LOCKED}` | `{Conflict.kind}` |" in PAGE
