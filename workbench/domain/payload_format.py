"""The keys each action's payload holds (docs/events.md, "Shapes"), for replay to hold an event
to: a key its action's format does not define, or a required one missing, is a difference, as
any other mismatch is. Without this a forged payload could carry anything beside what replay
reads (`"approved_by": "editor"` in a tag's change) and pass `audit replay`, `audit verify
--file` and a bundle's restore for the workbench's own word.

Every release wrote these keys and no others, the first one included (its status change held
`before`, `after` and `note`; an import has held `after`, `note` and `source` since the first):
the shapes older releases wrote differ inside an entity's `after` (fields added since, or a
view's derived `rating`: KINDS' defaults, and ignored), never here. A change's fields are held
to its action's declared ones (payloads.ACTIONS, which writers check since the payloads module,
and which no release wrote beyond).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.domain.actions import DOCUMENT_ADDED, DOCUMENT_REVISED
from workbench.domain.kinds import KINDS
from workbench.domain.payloads import ACTIONS, CLAIM_BOOKKEEPING, Shape
from workbench.domain.shown import shown
from workbench.domain.status import listed


@dataclass(frozen=True, slots=True)
class Keys:
    """The keys an object of a payload holds: `defined`, all it may; `told`, those whose
    absence this module tells (the others' is told by the action's rule in replay, which
    reads them, or means null: a change's `note`)."""

    defined: frozenset[str]
    told: frozenset[str] = frozenset()


# Each shape's keys.
KEYS: dict[Shape, Keys] = {
    "created": Keys(frozenset({"after"})),
    # Every release wrote `note`, null for none; one without it says as much.
    "changed": Keys(frozenset({"before", "after", "note"})),
    "imported": Keys(frozenset({"after", "note", "source"}), frozenset({"source"})),
    "set": Keys(frozenset({"before", "after"})),
    "checked": Keys(frozenset({"after"})),
    "restored": Keys(frozenset({"triggers", "indexes", "revision"})),
}
# Keys an action's payload may hold beside its shape's: a text's headline (absent in events
# written before it was kept, and where the source stated none).
OPTIONAL: dict[str, frozenset[str]] = {
    DOCUMENT_ADDED: frozenset({"headline"}),
    DOCUMENT_REVISED: frozenset({"headline"}),
}
# The objects inside a payload whose keys are fixed too, by shape and key. (An entity's
# `after` is not among them: older creation events hold other fields, KINDS.)
INNER: dict[tuple[Shape, str], Keys] = {
    ("imported", "source"): Keys(frozenset({"file", "row"}), frozenset({"file", "row"})),
    # `revision` and `sha256` are read, and told, by replay's rule; `spacing_only` too (true,
    # or absent: the text read was the revision's to the character).
    ("checked", "after"): Keys(
        frozenset({"revision", "sha256", "source", "source_sha256", "spacing_only"}),
        frozenset({"source", "source_sha256"}),
    ),
    ("set", "before"): Keys(frozenset({"value"}), frozenset({"value"})),
}
# The inner objects whose type this module tells too, no rule reading them, and whether null is
# one: a change's or an import's `note` (every release wrote the note object, or null for none)
# and an import's `source` (always `{file, row}`). Text there (`"note": "approved by editor"`)
# is no payload a workbench wrote, as much as a key beside a note's fields.
TYPED: dict[str, bool] = {"note": True, "source": False}
# The entities whose fields every release wrote from one list, so a field beside them is no
# payload a workbench wrote: a note (its five first fields since the first release; `internal`
# since migration 0015, older ones lacking it). Not a claim, a document or evidence: their
# creation events once held a view's JSON, with derived fields replay ignores (KINDS).
WHOLE = frozenset({"note"})
# Names listed in one message at most (a forged payload may hold a million keys).
NAMED = 5


def _names(keys: Iterable[str]) -> str:
    names = sorted(keys)
    more = len(names) - NAMED
    said = tuple(map(shown, names[:NAMED])) + ((f"{more:,} more",) if more > 0 else ())
    return listed(said)


def _held(
    given: Iterable[str], keys: Keys, optional: frozenset[str], where: str, whose: str
) -> list[str]:
    given = set(given)
    defined = keys.defined | optional
    problems = []
    if extra := given - defined:
        problems.append(
            f"{where} holds {_names(extra)}, which {whose} does not define "
            f"(it holds {listed(tuple(map(shown, sorted(defined))))})"
        )
    problems += [f"{where} lacks {shown(name)}" for name in sorted(keys.told - given)]
    return problems


def _inner_keys(action: str) -> tuple[tuple[str, Keys], ...]:
    """The objects inside `action`'s payload whose keys are fixed, with their keys."""
    known = ACTIONS[action]
    inners = [(key, keys) for (of, key), keys in INNER.items() if of == known.shape]
    if known.kind in WHOLE and known.shape == "created":
        inners.append(("after", Keys(frozenset(KINDS[known.kind].fields))))
    if known.shape in ("changed", "imported"):
        # The note written with a change or an import.
        inners.append(("note", Keys(frozenset(KINDS["note"].fields))))
    return tuple(inners)


# Per action: its payload's keys (those of its shape, and its own optional ones) and its inner
# objects' (replay asks of every event: a set comparison each, messages only for a mismatch).
SPECS: dict[str, tuple[Keys, frozenset[str], tuple[tuple[str, Keys], ...]]] = {
    name: (KEYS[a.shape], OPTIONAL.get(name, frozenset()), _inner_keys(name))
    for name, a in ACTIONS.items()
}


def _fits(given: Mapping[str, Any], keys: Keys, optional: frozenset[str]) -> bool:
    held = given.keys()
    return keys.told <= held and (held <= keys.defined or held <= keys.defined | optional)


def format_problems(action: str, payload: Mapping[str, Any]) -> list[str]:
    """What in `payload` is not of `action`'s format: each a sentence naming the key (a key
    it does not define, or one it lacks that replay's rule does not read). Empty for an action
    this release does not know (replay says so of it on its own)."""
    spec = SPECS.get(action)
    if spec is None:
        return []
    top, optional, inners = spec
    problems = []
    if not _fits(payload, top, optional):
        problems += _held(payload, top, optional, "the payload", f"a {action} payload")
    for key, keys in inners:
        inner = payload.get(key)
        if type(inner) is dict:
            if not _fits(inner, keys, frozenset()):
                whose = f"a {action} payload's {shown(key)}"
                problems += _held(inner, keys, frozenset(), f"its {shown(key)}", whose)
        elif key in TYPED and key in payload and not (inner is None and TYPED[key]):
            nullable = " or null" if TYPED[key] else ""
            problems.append(f"its {shown(key)} is {shown(inner)}, not an object{nullable}")
    return problems


# Per change action, the fields it changes (as sets: asked of every change event).
CHANGEABLE = {name: frozenset(a.changes) for name, a in ACTIONS.items() if a.shape == "changed"}


def undeclared_change(action: str, kind: str, names: Iterable[str]) -> str | None:
    """Of a change event (`changed` shape) naming the fields `names` (replay's `update` gives
    those its kind tracks, reporting any other on its own; a registration's change gives all),
    what it changes beyond its action's declared fields, as a sentence; None when nothing. The
    one home of this rule and its wording, for every kind."""
    known = ACTIONS.get(action)
    if known is None or known.shape != "changed":
        return None
    kept = CLAIM_BOOKKEEPING if kind == "claim" else ()
    named = set(names)
    if named <= CHANGEABLE[action] | set(kept):
        return None
    changing = sorted(named - set(kept))
    bookkeeping = f" (and a claim's {listed(tuple(map(shown, kept)))})" if kept else ""
    return (
        f"changes {listed(tuple(map(shown, changing)))}: a {action} changes only "
        f"{listed(tuple(map(shown, known.changes)))}{bookkeeping}"
    )
