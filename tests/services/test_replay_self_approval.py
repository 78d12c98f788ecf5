"""trial55: a verdict approved by its own proposer, written by SQL (events and claims row
agreeing), was let through by `audit replay` (and on PostgreSQL by the events_identity trigger),
and `claim show` presented it as a second person's sign-off."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, run_in_process
from workbench.db.engine import get_engine
from workbench.domain.chain import event_hash
from workbench.domain.kinds import Kind
from workbench.domain.replay import Replay


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def _ok(r: Result) -> Result:
    assert r.code == 0, r.out + r.err
    return r


def _proposal(url: str, proposer: str, *, distinct_roles_off: bool = True) -> int:
    """A seed-free desk: one document, one claim whose verdict (unverifiable: no evidence
    needed) `proposer` proposed with review.required on. Returns the claim id."""
    _ok(
        run_in_process(
            ["--db", url, "--as", proposer, "doc", "add", "-"], input="MiniMax在2021年底创业。\n"
        )
    )
    _ok(_run(url, proposer, "claim", "add", "1", "--text", "founded 2021", "--quote", "2021年底"))
    _ok(_run(url, proposer, "config", "set", "review.required", "true"))
    if PG_URL and distinct_roles_off:
        _ok(_run(url, proposer, "config", "set", "review.distinct_roles", "false"))
    _ok(_run(url, proposer, "claim", "status", "1", "unverifiable", "--note", "no record"))
    return 1


def _forge_approval(url: str, claim_id: int, actor: str) -> None:
    """Write, by SQL, an approval of the claim's proposal under `actor`, chained as
    docs/audit-chain.md describes and with the claims row changed to match: what a person with
    the grants of docs/identity.md can do from their own role (PostgreSQL), or anyone who can
    write the file (SQLite)."""
    with get_engine(url).begin() as conn:
        machine = (
            conn.execute(text("SELECT session_user")).scalar_one()
            if conn.dialect.name == "postgresql"
            else conn.execute(
                text("SELECT machine FROM events ORDER BY seq DESC LIMIT 1")
            ).scalar_one()
        )
        row = conn.execute(
            text(
                "SELECT status, proposed_status, proposed_by, proposed_note, version, updated_at "
                "FROM claims WHERE id = :id"
            ),
            {"id": claim_id},
        ).one()
        seq, prev = conn.execute(
            text("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        ).one()
        before_at = json.loads(
            conn.execute(
                text("SELECT payload FROM events WHERE claim_id = :id ORDER BY seq DESC LIMIT 1"),
                {"id": claim_id},
            ).scalar_one()
        )["after"]["updated_at"]
        now = datetime.datetime.now(datetime.UTC)
        at = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        payload = {
            "after": {
                "proposed_by": None,
                "proposed_note": None,
                "proposed_status": None,
                "status": row.proposed_status,
                "updated_at": at,
                "version": row.version + 1,
            },
            "before": {
                "proposed_by": row.proposed_by,
                "proposed_note": row.proposed_note,
                "proposed_status": row.proposed_status,
                "status": row.status,
                "updated_at": before_at,
                "version": row.version,
            },
            "note": None,
        }
        pj = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = event_hash(
            seq=seq + 1,
            at=at,
            actor=actor,
            action="claim.approved",
            entity_type="claim",
            entity_id=str(claim_id),
            claim_id=claim_id,
            payload_json=pj,
            prev_hash=prev,
            machine=machine,
        )
        conn.execute(
            text(
                "UPDATE claims SET status = :s, proposed_status = NULL, proposed_by = NULL, "
                "proposed_note = NULL, version = :v, updated_at = :u WHERE id = :id"
            ),
            {"s": row.proposed_status, "v": row.version + 1, "u": now, "id": claim_id},
        )
        conn.execute(
            text(
                "INSERT INTO events (seq, at, actor, action, entity_type, entity_id, claim_id, "
                "payload, prev_hash, hash, machine) VALUES (:seq, :at, :actor, "
                "'claim.approved', 'claim', :eid, :cid, :payload, :prev, :hash, :machine)"
            ),
            {
                "seq": seq + 1,
                "at": at,
                "actor": actor,
                "eid": str(claim_id),
                "cid": claim_id,
                "payload": pj,
                "prev": prev,
                "hash": digest,
                "machine": machine,
            },
        )


# 1 ------------------------------------------------------------------------------------------
def test_an_approval_by_the_proposer_written_by_sql_is_a_difference_to_replay(
    db_url: str,
) -> None:
    """The proposer's own approval, written by SQL (events and claims row agreeing), passed
    `audit verify` and `audit replay`, and `claim show` said "given by maria, approved by
    maria". Replay holds events to the workflow's evidence and edit rules (docs/audit-chain.md:
    "a trail that claims a forbidden move cannot" be made consistent); the sign-off rule is
    one the events alone can check too (the proposal's actor, the approval's actor)."""
    cid = _proposal(db_url, "maria")
    _forge_approval(db_url, cid, "maria")
    assert _run(db_url, "maria", "audit", "verify").code == 0
    replay = _run(db_url, "maria", "audit", "replay")
    assert replay.code == 1, "replay passed a self-approval: " + replay.out + replay.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_checker_cannot_approve_her_own_verdict_by_sql_from_her_role(
    db_url: str, person: Callable[[str], str]
) -> None:
    """On PostgreSQL, with the grants of docs/identity.md and her name bound to her role,
    maria proposed a verdict through the workbench and then approved it herself by SQL from
    her own role: the events_identity trigger let the event in (her name, her role), and
    `audit verify`, `audit replay` and `export claimreview` said nothing."""
    owner = "desk"
    _ok(_run(db_url, owner, "user", "add", owner))
    maria_url = person(db_url)
    role = maria_url.split("://", 1)[1].split("@", 1)[0]
    _ok(_run(db_url, owner, "user", "add", "maria", "--role", role))
    _ok(
        run_in_process(
            ["--db", db_url, "--as", owner, "doc", "add", "-"], input="MiniMax在2021年底创业。\n"
        )
    )
    _ok(_run(db_url, owner, "claim", "add", "1", "--text", "founded 2021", "--quote", "2021年底"))
    _ok(_run(db_url, owner, "config", "set", "review.required", "true"))
    _ok(_run(maria_url, "maria", "claim", "status", "1", "unverifiable", "--note", "no record"))
    try:
        _forge_approval(maria_url, 1, "maria")
    except Exception:  # the server refused it: fixed
        return
    replay = _run(db_url, owner, "audit", "replay")
    assert replay.code == 1, "maria's own approval passed replay: " + replay.out


# The rule in replay's own terms: a trail of events, no database.
_KINDS = {
    "claim": Kind("claim", ("id", "status", "proposed_status", "proposed_by"), claim_field="id"),
    "user": Kind("user", ("name", "display"), key_field="name"),
}


def _approval_messages(proposer: str, approver: str, people: dict[str, str | None]) -> list[str]:
    state = Replay(_KINDS)
    seq = 0

    def apply(action: str, etype: str, eid: str, payload: object, actor: str) -> None:
        nonlocal seq
        seq += 1
        claim = 1 if etype == "claim" else None
        state.apply(seq, action, etype, eid, claim, json.dumps(payload), actor)

    for name, display in people.items():
        apply("user.added", "user", name, {"after": {"name": name, "display": display}}, name)
    added = {"id": 1, "status": "unverified", "proposed_status": None, "proposed_by": None}
    apply("claim.added", "claim", "1", {"after": added}, proposer)
    proposed = {"status": "in_review", "proposed_status": "unverifiable", "proposed_by": proposer}
    cleared = {"status": "unverified", "proposed_status": None, "proposed_by": None}
    apply("claim.review_requested", "claim", "1", {"before": cleared, "after": proposed}, proposer)
    approved = {"status": "unverifiable", "proposed_status": None, "proposed_by": None}
    apply("claim.approved", "claim", "1", {"before": proposed, "after": approved}, approver)
    return [d.message for d in state.differences]


def test_replay_reports_an_approval_by_the_proposer() -> None:
    """trial55: replay let through a `claim.approved` whose actor proposed the verdict; the
    workflow has refused it by name since it first wrote the action (own_verdict)."""
    messages = _approval_messages("maria", "maria", {})
    assert len(messages) == 1, messages
    assert messages[0].startswith("seq ") and "(own_verdict)" in messages[0], messages


@pytest.mark.parametrize(
    ("approver", "people"),
    [
        ("tom", {"maria": "Maria Lopez", "tom": None}),  # a second reviewer
        # look-alikes an older workbench let approve: no forgery of the trail, and a desk's
        # own bundle of that time must still restore (review55); claim show and publishing
        # read them as no second reviewer's (test_sign_off_reads_a_look_alike_as_no_second_reviewer)
        ("mar1a", {}),
        ("wang fang", {"maria": "王芳"}),
    ],
)
def test_replay_lets_another_name_approve(approver: str, people: dict[str, str | None]) -> None:
    assert _approval_messages("maria", approver, people) == []


def test_claim_show_and_claimreview_do_not_call_a_self_approval_a_second_reviewers(
    db_url: str, tmp_path: Path
) -> None:
    """trial55: after maria's own approval, written by SQL, `claim show` read "given by maria,
    approved by maria" and `export claimreview` published the verdict without the "no second
    reviewer approved" warning it gives a verdict nobody approved."""
    cid = _proposal(db_url, "maria")
    _forge_approval(db_url, cid, "maria")
    shown = _ok(_run(db_url, "maria", "claim", "show", str(cid)))
    assert "with no second reviewer" in shown.out, shown.out
    assert "approved by maria" not in shown.out, shown.out
    out = tmp_path / "cr.json"
    exported = _ok(
        _run(
            db_url,
            "maria",
            "export",
            "claimreview",
            "--org",
            "Desk",
            "--org-url",
            "https://desk.example",
            "--claim",
            str(cid),
            "-o",
            str(out),
        )
    )
    assert "no second reviewer" in exported.err, exported.err


@pytest.mark.parametrize(("approver", "second"), [("mar1a", None), ("ᴍaria", None), ("tom", "tom")])
def test_sign_off_reads_a_look_alike_as_no_second_reviewer(
    approver: str, second: str | None
) -> None:
    """What replay leaves alone (an older workbench's look-alike approval), `claim show` and
    publishing still do not call a second person's sign-off."""
    from workbench.domain.sign_off import sign_off

    proposed = {"after": {"status": "in_review", "proposed_by": "maria"}}
    approved = {"before": {"proposed_by": "maria"}, "after": {"status": "verified"}}
    events = [
        (1, "maria", "claim.review_requested", proposed),
        (2, approver, "claim.approved", approved),
    ]
    got = sign_off(events)
    assert got is not None and (got.given_by, got.approved_by) == ("maria", second)


def test_an_older_desks_look_alike_approval_still_restores(cli: Callable[..., Result]) -> None:
    """review55: a bundle exported by the session's base code, in which `ᴍaria` (registered
    beside maria, as the rules of the time allowed) approved maria's verdict. Replay read it
    as own_verdict by today's look-alike rule, and `import bundle`, which refuses any replay
    difference, could no longer restore the desk's own backup."""
    bundle = (
        Path(__file__).parent.parent / "data" / "bundles" / "review55_old_smallcap_approval.zip"
    )
    restored = cli("import", "bundle", str(bundle))
    assert restored.code == 0, restored.err
    assert cli("audit", "replay").code == 0
