"""The formats registry: every format it lists can be written, and the CLI offers exactly those."""

from __future__ import annotations

import importlib
import inspect

import click

from workbench.cli.audit import export as audit_export
from workbench.exports.registry import FORMATS, help_text, names, writer


def test_every_format_has_a_writer() -> None:
    for fmt in FORMATS:
        module = importlib.import_module(f"workbench.exports.{fmt.module}")
        assert inspect.isfunction(module.write), fmt
        assert writer(fmt.subject, fmt.name) is module.write


def test_names_are_unique_per_subject() -> None:
    pairs = [(f.subject, f.name) for f in FORMATS]
    assert len(pairs) == len(set(pairs))


def test_audit_export_offers_the_registry_formats() -> None:
    (option,) = [p for p in audit_export.params if p.name == "fmt"]
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == names("events") == ["jsonl", "csv", "md"]
    assert option.default == "jsonl"
    assert option.help is not None and option.help.startswith(help_text("events"))


def test_an_unknown_format_names_the_known_ones() -> None:
    try:
        writer("events", "xml")
    except KeyError as exc:
        assert "jsonl, csv, md" in str(exc)
    else:
        raise AssertionError("an unknown format was accepted")
