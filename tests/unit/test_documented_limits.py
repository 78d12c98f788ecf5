"""The limits a trial met undocumented are stated where the thing is described, with the
numbers the code enforces."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from workbench.cli import cli
from workbench.defaults import MAX_DOCUMENT_MB, MAX_DOCUMENT_MB_ENV
from workbench.domain.limits import MAX_NOTE
from workbench.services.pages import LITTLE_TEXT

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
IDENTITY = (ROOT / "docs" / "identity.md").read_text(encoding="utf-8")
# `note add -` reads at most this many bytes (UTF-8 takes at most 4 a character).
STDIN_BYTES = 4 * MAX_NOTE


def help_of(*command: str) -> str:
    r = CliRunner().invoke(cli, [*command, "--help"], terminal_width=200)
    assert r.exit_code == 0, r.output
    return " ".join(r.output.split())


def test_note_limits_are_where_notes_are() -> None:
    for text in (help_of("note", "add"), " ".join(README.split())):
        assert f"up to {MAX_NOTE:,} characters" in text
        assert f"up to {STDIN_BYTES:,} bytes" in text


def test_import_claims_states_its_file_size_limit() -> None:
    size = f"{MAX_DOCUMENT_MB:g} MB"
    assert MAX_DOCUMENT_MB_ENV in help_of("import", "claims")
    assert size in help_of("import", "claims")
    claims_tables = README[README.index("**Claims tables**") :][:3000]
    assert MAX_DOCUMENT_MB_ENV in claims_tables and size in claims_tables


def test_identity_says_who_can_create_roles_and_that_names_are_trimmed() -> None:
    text = " ".join(IDENTITY.split())
    assert "CREATEROLE" in text and "permission denied to create role" in text
    assert "`--as $'alice\\n'` (a name pasted with its line end) acts as `alice`" in text
    assert "`--as $'alice\\n'` is `alice`" in " ".join(README.split())


def test_the_little_text_warning_states_its_number() -> None:
    said = f"under {LITTLE_TEXT:,} characters of text"
    assert said in help_of("doc", "add")
    assert said in " ".join(README.split())


def test_the_bundle_size_limit_is_where_bundles_are() -> None:
    """`import bundle` refuses a bundle unpacking to more than 4,096 MB unless
    WORKBENCH_MAX_BUNDLE_MB is raised, and neither was documented anywhere (trial56)."""
    from workbench.services.bundle import DEFAULT_MAX_MB

    size = f"{DEFAULT_MAX_MB:,.0f} MB"
    backup = " ".join((ROOT / "docs" / "backup.md").read_text(encoding="utf-8").split())
    bundles = " ".join(README[README.index("- **Bundle**") :][:1500].split())
    for text in (backup, bundles):
        assert "WORKBENCH_MAX_BUNDLE_MB" in text and size in text
