"""Claim discovery's compiled modules: used only when built from the sources beside them, and
finding what the sources find."""

from __future__ import annotations

import copy
import functools
import importlib.machinery
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.domain import native

REPO = Path(__file__).resolve().parents[2]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def fake_build(tmp_path: Path) -> Path:
    """A folder laid out as a build leaves it (empty files for the modules), with a manifest of
    the real sources."""
    out = tmp_path / "_native"
    for name in (*native.MODULES, native.SHARED):
        path = out / native.compiled_name(name, SUFFIX)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    recorded = native.manifest(native.PACKAGE_DIR, SUFFIX, native.dependencies())
    (out / native.MANIFEST).write_text(json.dumps(recorded), encoding="utf-8")
    return out


@pytest.fixture
def compiled_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)


@pytest.mark.usefixtures("compiled_allowed")
def test_a_build_that_matches_its_sources_is_used(tmp_path: Path) -> None:
    out = fake_build(tmp_path)
    files = native.compiled_files(str(out))
    assert files is not None
    assert set(files) == {*native.MODULES, native.SHARED}
    segment = out / "workbench" / "domain" / f"segment{SUFFIX}"
    assert files["workbench.domain.segment"] == str(segment)
    assert files[native.SHARED] == str(out / f"{native.SHARED}{SUFFIX}")


def test_the_manifest_holds_the_modules_the_compiled_ones_were_typed_against() -> None:
    depends = native.dependencies()
    for module in ("domain/status.py", "domain/errors.py", "defaults.py", "domain/rebuild.py"):
        assert module in depends
    assert not any(d.startswith(("cli", "services", "db")) for d in depends)


@pytest.mark.usefixtures("compiled_allowed")
def test_no_build_means_the_sources(tmp_path: Path) -> None:
    assert native.compiled_files(str(tmp_path / "nothing")) is None


@pytest.mark.usefixtures("compiled_allowed")
@pytest.mark.parametrize(
    ("section", "name", "recorded_digest"),
    [
        # a source changed since the build
        ("modules", "workbench.domain.segment", "0" * 64),
        # a module added to the list since the build (the build recorded none)
        ("modules", "workbench.domain.covered", None),
        # a module the compiled ones import, changed since the build
        ("depends", "domain/status.py", "0" * 64),
    ],
)
def test_a_manifest_that_no_longer_matches_means_the_sources(
    tmp_path: Path, section: str, name: str, recorded_digest: str | None
) -> None:
    out = fake_build(tmp_path)
    recorded = json.loads((out / native.MANIFEST).read_text(encoding="utf-8"))
    if recorded_digest is None:
        del recorded[section][name]
    else:
        recorded[section][name] = recorded_digest
    (out / native.MANIFEST).write_text(json.dumps(recorded), encoding="utf-8")
    assert native.compiled_files(str(out)) is None


@pytest.mark.usefixtures("compiled_allowed")
def test_a_build_for_another_python_means_the_sources(tmp_path: Path) -> None:
    out = fake_build(tmp_path)
    assert native.compiled_files(str(out), suffixes=(".cpython-399-x.so",)) is None


@pytest.mark.usefixtures("compiled_allowed")
def test_a_missing_compiled_file_means_the_sources(tmp_path: Path) -> None:
    out = fake_build(tmp_path)
    (out / native.compiled_name("workbench.domain.covered", SUFFIX)).unlink()
    assert native.compiled_files(str(out)) is None


@pytest.mark.usefixtures("compiled_allowed")
@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", '{"suffix": 3}', '{"suffix": "x"}', json.dumps({"suffix": SUFFIX})],
)
def test_a_manifest_that_is_not_one_means_the_sources(tmp_path: Path, text: str) -> None:
    out = fake_build(tmp_path)
    (out / native.MANIFEST).write_text(text, encoding="utf-8")
    assert native.compiled_files(str(out)) is None


@pytest.mark.parametrize(("value", "pure"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_the_environment_variable_means_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, pure: bool
) -> None:
    out = fake_build(tmp_path)
    monkeypatch.setenv(native.PURE_ENV, value)
    assert native.pure_requested() is pure
    assert (native.compiled_files(str(out)) is None) is pure


def test_every_listed_module_has_a_source() -> None:
    for name in native.MODULES:
        assert Path(native.source_of(name)).is_file(), name


# A document of both scripts, a transcript and quotations: what each compiled module reads.
_PROBE = """
import json, sys
sys.path.insert(0, {bench!r})
from bench_extract import mixed_text
from workbench.domain import native
from workbench.domain.checkworthy import candidates, find_candidates
from workbench.domain.transcript import read_transcript
text = mixed_text(60_000)
debate = "HOST: Welcome.\\nMAYOR: We cut crime by 12 percent in 2023.\\nCaller 1: It rose.\\n" * 40
found = [(c.start, c.end, c.score, c.reasons, c.suggested_type) for c in find_candidates(text)]
found += [(c.start, c.end, c.score) for c in find_candidates(text, min_score=0.0)]
said = find_candidates(debate, min_score=0.0, transcript=read_transcript(debate))
found += [(c.start, c.end, c.score, c.reasons, c.speaker) for c in said]
import copy, importlib, os, pickle
from workbench.domain.checkworthy_model import load
from workbench.domain.covered import Spans
from workbench.domain.segment import split_sentences
missing = [m for m in native.MODULES if not os.path.isfile(importlib.import_module(m).__file__)]
transcript = read_transcript(debate)
window = Spans([(0, 4), (6, 9), (12, 20)]).window(3, 15)  # built as it is, not merged
# A candidate's equality leaves out what explains its score (`found`, a Kept): compared too,
# under each model, or a Kept that came back otherwise would pass unseen.
explained = [c.found for c in find_candidates(text)[:40] if c.found is not None]
kept = [said[0], split_sentences(text)[0], transcript.turns[0], transcript, load().plain,
        load(), window, said[0].found, *explained]
failed = []
for obj in kept:
    for way in (copy.copy, copy.deepcopy, lambda o: pickle.loads(pickle.dumps(o))):
        back = way(obj)
        same = (back.starts, back.ends) == (obj.starts, obj.ends) if obj is window else back == obj
        if type(back) is not type(obj) or not same:
            failed.append(type(obj).__name__)
        if hasattr(obj, "contributions") and back.contributions() != obj.contributions():
            failed.append(type(obj).__name__ + ".contributions")
# The document's helpers (no equality of their own): rebuilt, they answer as before.
from workbench.domain.checkworthy.candidates import document_scorer
from workbench.domain.checkworthy.features import FEATURES
from workbench.domain.covered import Covered, Intervals
covered = Covered([(0, 10), (30, 40)])
covered.add(50, 60)
intervals = Intervals([(0, 100, 1), (5, 8, 2), (20, 30, 3)])
scorer = document_scorer(text, split_sentences(text))
probes = [(5, 6), (12, 20), (55, 56), (25, 35), (0, 200)]
def answers(o):
    if isinstance(o, Covered):
        return [o.overlaps(a, b) for a, b in probes]
    if isinstance(o, Intervals):
        return [o.overlapping(a, b) for a, b in probes]
    if type(o).__name__ == "SpanScorer":
        return [o.scored(s.start, s.end).score for s in split_sentences(text)[:50]]
    return repr(o)
helpers = [covered, intervals, scorer, scorer.not_claims, scorer.evidence,
           next(f for f in FEATURES if f.test is None)]
for obj in helpers:
    for way in (copy.copy, copy.deepcopy, lambda o: pickle.loads(pickle.dumps(o))):
        back = way(obj)
        if type(back) is not type(obj) or answers(back) != answers(obj):
            failed.append(type(obj).__name__)
print(json.dumps({{"compiled": candidates.__file__.endswith(tuple({suffixes!r})),
                   "active": native.active(), "found": found, "missing": missing,
                   "failed": failed}}))
"""


@functools.cache  # each probe once per test process: the two tests below share them
def _run(pure: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    probe = _PROBE.format(
        bench=str(REPO / "bench"), suffixes=importlib.machinery.EXTENSION_SUFFIXES
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def test_compiled_modules_find_what_the_sources_find() -> None:
    """Where the install built them (CI requires it: .ci/run), the compiled modules give the
    same candidates, scores and reasons as the sources, on both scripts and a transcript."""
    compiled = _run(pure=False)
    if not compiled["active"]:
        pytest.skip("no compiled modules in this install (pure Python)")
    pure = _run(pure=True)
    assert compiled["compiled"] is True and pure["compiled"] is False
    assert pure["active"] is False
    assert compiled["found"] == pure["found"]
    assert len(pure["found"]) > 100  # type: ignore[arg-type]


def test_compiled_modules_are_files_and_their_results_pickle_and_copy() -> None:
    """What the sources allow, compiled too: each module's __file__ is its file; candidates,
    segments, transcripts, the model, spans and the document's scoring helpers are copied and
    pickled by their constructors (a compiled frozen dataclass refused it, see
    workbench/domain/rebuild.py)."""
    for result in (_run(pure=True), _run(pure=False)):
        assert result["missing"] == []
        assert result["failed"] == []


def _dataclasses_with_their_own_init() -> list[type]:
    """The dataclasses of the compiled modules whose `__init__` their class writes out (so that
    mypyc compiles it: the one dataclass generates is interpreted, compiled or not)."""
    import dataclasses
    import importlib
    import inspect

    found = []
    for name in native.MODULES:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != name or not dataclasses.is_dataclass(cls):
                continue
            code = getattr(cls.__init__, "__code__", None)
            if code is None or code.co_filename != "<string>":  # "<string>": generated
                found.append(cls)
    return found


def test_the_hot_dataclasses_write_their_init_out() -> None:
    names = {cls.__name__ for cls in _dataclasses_with_their_own_init()}
    assert {"Segment", "Candidate", "Reading", "Unit", "Scored", "Kept"} <= names


def _value(annotation: str, i: int) -> object:
    """A value of the field's type (compiled, an `__init__` checks its arguments' types),
    distinct for each `i`."""
    from workbench.domain.covered import Spans

    kind = annotation.split("[")[0].split(" ")[0].split(".")[-1]
    made: dict[str, object] = {
        "int": 1000 + i,
        "float": i + 0.5,
        "bool": bool(i % 2),
        "str": f"v{i}",
        "tuple": (f"t{i}",),
        "Context": ((f"c{i}", i + 0.5),),
        "list": [i],
        "dict": {f"k{i}": [i]},
        "set": {f"s{i}"},
        "frozenset": frozenset({f"f{i}"}),
        "Spans": Spans([(i, i + 1)]),
        "Reading": None,
        "Scored": None,
        "Kept": None,
        "type": None,  # compiled, an optional field's type is `type`
    }
    return made[kind]


@pytest.mark.parametrize("cls", _dataclasses_with_their_own_init(), ids=lambda c: c.__name__)
def test_an_init_written_out_sets_every_field_as_dataclass_would(cls: type) -> None:
    import dataclasses

    fields = [f for f in dataclasses.fields(cls) if f.init]
    # (a string in the sources; compiled, the type itself)
    types = [
        f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        for f in fields
    ]
    values = {f.name: _value(t, i) for i, (f, t) in enumerate(zip(fields, types, strict=True))}
    made = cls(**values)
    assert all(getattr(made, f.name) == values[f.name] for f in fields)
    # The defaults are dataclass's: built from the fields without one, the others have theirs.
    required = {f.name: values[f.name] for f in fields if f.default is dataclasses.MISSING}
    made = cls(**required)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(made, f.name) == f.default
    # Each field by position too, in the order of the fields.
    made = cls(*values.values())
    assert all(getattr(made, f.name) == values[f.name] for f in fields)
    # Copied and pickled as dataclass's would be (compiled, a class whose __init__ takes
    # arguments is rebuilt by its __reduce__).
    for again in (copy.copy(made), copy.deepcopy(made), pickle.loads(pickle.dumps(made))):
        assert type(again) is cls
        assert [_seen(getattr(again, f.name)) for f in fields] == [
            _seen(getattr(made, f.name)) for f in fields
        ]


def _seen(value: object) -> object:
    """A field's value as compared (Spans hold their stretches; they have no equality)."""
    from workbench.domain.covered import Spans

    return (value.starts, value.ends) if isinstance(value, Spans) else value
