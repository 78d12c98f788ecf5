"""An event's row (a dict by column of the events table, or of a bundle's events table) hashed
again by the recipe, as a forger who knows it would: test_tamper rewrites rows in SQL,
test_bundle_replay forges bundles."""

from __future__ import annotations

from typing import Any

from workbench.domain.chain import event_hash


def rehash(ev: dict[str, Any]) -> str:
    """The hash of the event `ev` (its stored payload text, its prev_hash as it stands)."""
    return event_hash(
        seq=ev["seq"],
        at=ev["at"],
        actor=ev["actor"],
        action=ev["action"],
        entity_type=ev["entity_type"],
        entity_id=ev["entity_id"],
        claim_id=ev["claim_id"],
        payload_json=ev["payload"],
        prev_hash=ev["prev_hash"],
        machine=ev.get("machine"),
    )
