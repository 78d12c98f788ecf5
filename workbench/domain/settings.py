"""Workbench settings: the known keys, their types and defaults."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.errors import DamagedRecord, InvalidInput, step
from workbench.domain.inputs import typed_word

TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0"})


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    default: bool
    help: str
    # Whether the setting is a safeguard of review, which turning off relaxes: only the desk's
    # owner turns it off (services.settings), or the proposer of a verdict could turn off the
    # rule that a second person signs it off (a new-user trial's `--as tom config set
    # review.required false`, right after tom proposed one). Turning it on is anyone's.
    safeguard: bool = False

    def relaxes(self, before: bool, after: bool) -> bool:
        """Whether changing the value from `before` to `after` relaxes a safeguard."""
        return self.safeguard and before and not after

    def parse(self, raw: str) -> bool:
        # Read as every word of a fixed set is (a TypedChoice option's): ｔｒｕｅ, ＯＦＦ (rr266).
        word = typed_word(raw, TRUE_WORDS | FALSE_WORDS)
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise InvalidInput(f"{self.key} takes true or false, not {raw!r}")


# The keys, named once: the services read them and replay checks a trail against the first.
REVIEW_REQUIRED = "review.required"
DISTINCT_ROLES = "review.distinct_roles"

SETTINGS: dict[str, SettingSpec] = {
    REVIEW_REQUIRED: SettingSpec(
        REVIEW_REQUIRED,
        default=False,
        help="a verdict is only proposed (in_review) until a different person approves it",
        safeguard=True,
    ),
    DISTINCT_ROLES: SettingSpec(
        DISTINCT_ROLES,
        default=True,
        help="on PostgreSQL, the approver must connect as a different database role than the "
        "proposer (turn off only where the whole desk shares one role)",
        safeguard=True,
    ),
}


def stored_setting(key: str, stored: str | None) -> bool:
    """Setting `key`'s value from its stored JSON text, or its default when none is stored:
    the one reading of a settings row, on the ORM and on the read path alike. The workbench
    writes `true` or `false` only: any other text was written outside it, and is refused
    (DamagedRecord) rather than guessed at (trial122: `fals` crashed every command that read
    it; `"no"` would have read as true, and `0` as false, turning a safeguard off)."""
    value = stored_or_none(stored)
    if value is None:
        if stored is None:
            return spec_for(key).default
        raise DamagedRecord(
            f"the desk's setting {key} holds {stored!r}, not true or false as the workbench "
            "writes it: it was changed outside the workbench",
            hint=step("change_setting", key=key, value="true|false"),
        )
    return value


def stored_or_none(stored: str | None) -> bool | None:
    """A stored setting's value, None when none is stored or its text is not one the
    workbench writes (`stored_setting` refuses it; `config set` writes over it)."""
    import json

    if stored is None:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    return value if isinstance(value, bool) else None


def spec_for(key: str) -> SettingSpec:
    spec = SETTINGS.get(typed_word(key, SETTINGS))
    if spec is None:
        raise InvalidInput(f"unknown setting {key!r}; known settings: {', '.join(SETTINGS)}")
    return spec


def setting_problem(key: str, raw: str | None = None) -> InvalidInput | None:
    """What is wrong with a setting's key (and value, when given) as typed, or None. A front
    end asks before calling and calls it bad usage, as a wrong option or argument is; the
    services refuse it the same way for any other caller (`spec_for`, `SettingSpec.parse`)."""
    try:
        spec = spec_for(key)
        if raw is not None:
            spec.parse(raw)
    except InvalidInput as exc:
        return exc
    return None
