"""A year of a busy desk, generated: documents, claims, their whole workflow, and the audit chain.

    python bench/desk.py --size small|year|large --db PATH_OR_URL
    python bench/desk.py --claims 20000 --events 200000 --db PATH_OR_URL

Sizes: small (1,000 claims, 10,000 events), year (100,000 claims, 1,000,000 events), large
(1,000,000 claims, 10,000,000 events), or the counts given; 200 claims per document. SQLite (a
file path) or PostgreSQL (a postgresql:// URL; the schema is created by the workbench's own
migrations first).

What it writes is what the services would have written, row for row and event for event:
documents of mixed Chinese and ASCII text; claims pinned to the exact code-point span of one of
their document's sentences; owners, tags, priorities, due dates, evidence (URLs and citations),
notes, status changes (a verdict always with its note, a factual verdict only after evidence);
every event hash-chained (`workbench audit verify` passes) and the tables matching the events
(`workbench audit replay` finds nothing). Timestamps run through the year before REFERENCE_END, so
due dates fall before and after "today" as on a real desk.

This is a fast path of its own (raw `sqlite3` executemany / PostgreSQL COPY), not the claims
import of the publishing issue, which did not exist on this branch's base. Memory stays flat:
only the current document's claims are held. A progress bar shows on a terminal (stderr).

Work the fast path leaves out, added afterwards through the services themselves (their events,
their re-anchoring; timestamped when it runs, after the year), each off unless asked for:

    --revisions N   N documents revised (one paragraph's closing words changed): every claim
                    re-anchored, those after it moved; `doc revisions` and `doc diff` have
                    something to show
    --flagged N     N verdicts flagged for re-review: their sentence's first figure corrected
                    in a revision of their document (`claim list --flagged`)
    --in-review N   review.required on, and N open claims' verdicts proposed by their assignee
                    (or another owner), awaiting a second reviewer (`claim list --approvable`)

And, in the fast path itself, off unless asked for (a desk built without it is the one the
figures before session 61 measured):

    --sign-off      the trail's other kinds, at a desk's share: 50 people registered (some with
                    display names and addresses, a few corrected later by `user.edited`);
                    review.required turned on after the year's first 15%, and from then every
                    verdict proposed by one person and approved by another registered reviewer
                    (`claim.review_requested`, `claim.approved`), but those of the year's last
                    2%, left in review; one document in four revised
                    (a correction line added) by a page whose headline the event records, before
                    its claims are pinned (to revision 2); every page checked weekly for 12
                    weeks after it was added (`document.checked`); about 2% of claims' sentences
                    quoting someone with an ellipsis (… or ……). Drawn from a random generator of
                    its own: the desk's other draws are those of a desk built without it (its
                    times shift with the events added, and an approval takes a note's place).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import heapq
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SIZES: dict[str, tuple[int, int]] = {
    "small": (1_000, 10_000),
    "year": (100_000, 1_000_000),
    "large": (1_000_000, 10_000_000),
}
CLAIMS_PER_DOCUMENT = 200
REFERENCE_END = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
YEAR = dt.timedelta(days=365)
WEEK = dt.timedelta(days=7)
SEED = 20261130
BATCH_EVENTS = 20_000

# --sign-off: the desk's other registered people (given x family names: no two look alike).
GIVEN = ("maria", "kenji", "amara", "jonas", "li.na", "farah", "tomas", "yuki")
FAMILY = ("lopez", "okafor", "berg", "haddad", "novak")
REVIEW_FROM = 0.15  # share of the year before review.required is turned on
AWAITING_FROM = 0.98  # share of the year after which proposals are still awaiting approval
CHECK_WEEKS = 12  # weekly checks of a page after it was added
ELLIPSIS_SHARE = 0.02
OWNERS = ("alice", "bob", "chen.wei", "dana", "李明", "王芳", "emeka", "sofia", "张伟", "omar")
SPEAKERS = (None, "Article author", "张一鸣", "Lei Jun", "刘慈欣", "the ministry", "CEO")
TAGS = (
    "economy",
    "估值",
    "ai",
    "health",
    "科技",
    "election",
    "climate",
    "教育",
    "viral",
    "finance",
)
ORGS = ("MiniMax", "智谱", "月之暗面", "Baidu", "Tencent", "字节跳动", "OpenAI", "阿里巴巴")
CITIES = ("北京", "上海", "深圳", "Hangzhou", "成都", "Singapore", "武汉")
PUBLISHERS = ("新华社", "Reuters", "财新", "Bloomberg", "36氪", "South China Morning Post")
TYPES = ("fact", "quantity", "date", "ranking", "attribution", "prediction", "opinion")
# Where claims end up, and how often (open ones included: a desk never finishes).
OUTCOMES = (
    ("unverified", 25),
    ("in_progress", 20),
    ("verified", 15),
    ("false", 15),
    ("misleading", 10),
    ("unverifiable", 8),
    ("opinion", 7),
)
EVIDENCE_VERDICTS = frozenset({"verified", "false", "misleading"})
CONTEXT_CHARS = 32  # as workbench.domain.spans.CONTEXT_CHARS
# The events' machine identity (the OS account or database role the services record): the
# generator's own name, so a generated trail never passes for one a person's machine wrote.
MACHINE = "bench/desk.py"


def sentence(rng: random.Random, n: int) -> tuple[str, str, str]:
    """(sentence in the document, the claim's normalised text, claim type)."""
    org, city, pub = rng.choice(ORGS), rng.choice(CITIES), rng.choice(PUBLISHERS)
    year, k, v, p = (
        rng.randint(2015, 2026),
        rng.randint(2, 99),
        rng.randint(1, 900),
        rng.randint(1, 80),
    )
    form = n % 5
    if form == 0:
        return (
            f"{org}在{year}年发布了{k}个模型,估值约{v}亿美元。",
            f"{org} released {k} models in {year} and is valued at about {v}00 million USD.",
            "quantity",
        )
    if form == 1:
        return (
            f"据{pub}报道,{org}{year}年营收增长{p}%(同比)。",
            f"{org}'s revenue grew {p}% year on year in {year}, per {pub}.",
            "quantity",
        )
    if form == 2:
        return (
            f"\u201c{org} will open {k} offices in {city} by {year},\u201d the CEO said.",
            f"{org} plans {k} offices in {city} by {year}.",
            "prediction",
        )
    if form == 3:
        return (
            f"{city}的数据中心数量在{year}年达到{k}座,排名全国第{p % 9 + 1}。",
            f"{city} had {k} data centres in {year}, ranked #{p % 9 + 1} nationally.",
            "ranking",
        )
    return (
        f"The firm's valuation reached ${v} billion in {year}; {pub} confirmed it.",
        f"{org} was valued at {v} billion USD in {year}.",
        rng.choice(TYPES),
    )


def table_time(moment: dt.datetime) -> str:
    """How SQLAlchemy stores a UTC datetime on SQLite (naive text); PostgreSQL (session in UTC)
    reads the same text as the same instant."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass
class Rows:
    """Rows waiting to be written, table by table, in foreign-key order."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    claims: list[tuple[Any, ...]] = field(default_factory=list)
    claim_tags: list[tuple[Any, ...]] = field(default_factory=list)
    notes: list[tuple[Any, ...]] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    document_revisions: list[tuple[Any, ...]] = field(default_factory=list)
    users: list[tuple[Any, ...]] = field(default_factory=list)
    settings: list[tuple[Any, ...]] = field(default_factory=list)

    def tables(self) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        yield "documents", self.documents
        yield "document_revisions", self.document_revisions
        yield "users", self.users
        yield "settings", self.settings
        yield "claims", self.claims
        yield "claim_tags", self.claim_tags
        yield "notes", self.notes
        yield "evidence", self.evidence
        yield "events", self.events

    def clear(self) -> None:
        for _, rows in self.tables():
            rows.clear()


# Column names per table, space-separated (the order the rows below are built in).
COLUMNS: dict[str, list[str]] = {
    name: cols.split()
    for name, cols in {
        "documents": "id title url author published language text sha256 length added_by "
        "created_at format source_sha256",
        "document_revisions": "id document_id number text sha256 length source format "
        "source_sha256 added_by created_at",
        "users": "name skeleton display email added_by created_at role",
        "settings": "key value updated_by updated_at",
        "claims": "id document_id span_start span_end quote prefix suffix text speaker type "
        "status created_by created_at updated_at version assignee priority due revision "
        "anchor_state anchor_score verdict_revision proposed_status proposed_by proposed_note",
        "claim_tags": "claim_id tag",
        "notes": "id claim_id author body created_at",
        "evidence": "id claim_id kind url citation title publisher accessed stance excerpt "
        "added_by created_at",
        "events": "seq at actor action entity_type entity_id claim_id payload prev_hash hash "
        "machine",
    }.items()
}


class Desk:
    """Produces the desk's rows and events in order; hashing as `workbench.domain.chain` does."""

    def __init__(self, claims: int, events: int, *, sign_off: bool = False) -> None:
        from workbench.domain.chain import GENESIS

        if events < claims + -(-claims // CLAIMS_PER_DOCUMENT):
            raise SystemExit("need at least one event per claim and per document")
        self.total_claims = claims
        self.total_events = events
        self.documents_count = -(-claims // CLAIMS_PER_DOCUMENT)
        self.extra = events - claims - self.documents_count  # workflow events to spread
        self.rng = random.Random(SEED)
        self.seq = 0
        self.prev = GENESIS
        self.ids = {"note": 0, "evidence": 0}
        self.rows = Rows()
        self.start = REFERENCE_END - YEAR
        self.step = YEAR / events
        # --sign-off: its own generator, so the desk's other draws are those of a desk without.
        self.sign_off = sign_off
        self.x = random.Random(SEED + 61)
        self.review = False
        self.people: dict[str, dict[str, Any]] = {}
        self.revisions = 0
        # (when, document, revision, sha256, checks done): pages due for their weekly check.
        self.pages: list[tuple[dt.datetime, int, int, str, int]] = []
        self.counts = {"approvals": 0, "checks": 0, "user_edits": 0, "ellipses": 0}

    # -- events -------------------------------------------------------------------------------

    def moment(self) -> dt.datetime:
        return self.start + self.step * self.seq

    def record(
        self,
        actor: str,
        action: str,
        etype: str,
        eid: int,
        claim_id: int | None,
        payload: dict[str, Any],
        at: str,
        *,
        entity_id: str | None = None,
    ) -> None:
        from workbench.domain.chain import canonical_json, event_hash

        eid_text = str(eid) if entity_id is None else entity_id

        self.seq += 1
        text = canonical_json(payload)
        digest = event_hash(
            seq=self.seq,
            at=at,
            actor=actor,
            action=action,
            entity_type=etype,
            entity_id=eid_text,
            claim_id=claim_id,
            payload_json=text,
            prev_hash=self.prev,
            machine=MACHINE,
        )
        self.rows.events.append(
            (
                self.seq,
                at,
                actor,
                action,
                etype,
                eid_text,
                claim_id,
                text,
                self.prev,
                digest,
                MACHINE,
            )
        )
        self.prev = digest

    # -- one document and its claims ------------------------------------------------------------

    def document(self, doc_id: int, first_claim: int, count: int) -> None:
        from workbench.domain.clock import format_at
        from workbench.domain.text import sha256_text

        rng = self.rng
        parts = [sentence(rng, first_claim + i) for i in range(count)]
        if self.sign_off:
            self.before_document(doc_id)
            parts = [self.ellipsis(p) for p in parts]
        # Filler between claims' sentences, so that spans do not simply tile the text.
        text = "\n".join(f"{s} 第{i + 1}段。" for i, (s, _, _) in enumerate(parts))
        moment = self.moment()
        at = format_at(moment)
        actor = rng.choice(OWNERS)
        view = {
            "id": doc_id,
            "title": f"{rng.choice(ORGS)}的一年 / Article {doc_id}",
            "url": f"https://news.example.org/{doc_id}",
            "author": rng.choice(PUBLISHERS),
            "published": (moment.date() - dt.timedelta(days=1)).isoformat(),
            "language": "zh",
            "sha256": sha256_text(text),
            "length": len(text),
            "added_by": actor,
            "created_at": at,
            "format": "text",
            "source_sha256": None,
        }
        self.rows.documents.append(
            (
                doc_id,
                view["title"],
                view["url"],
                view["author"],
                view["published"],
                "zh",
                text,
                view["sha256"],
                view["length"],
                actor,
                table_time(moment),
                "text",
                None,
            )
        )
        self.record(
            actor, "document.added", "document", doc_id, None, {"after": {**view, "text": text}}, at
        )
        revision, sha = 1, view["sha256"]
        if self.sign_off and self.x.random() < 0.25:
            text, revision, sha = self.revise(doc_id, text, view["title"])
        if self.sign_off:
            heapq.heappush(self.pages, (moment + WEEK, doc_id, revision, sha, 0))
        pos = 0
        spans = []
        for s, _, _ in parts:
            start = text.index(s, pos)
            spans.append((start, start + len(s)))
            pos = start + len(s)
        for i, (_, claim_text, ctype) in enumerate(parts):
            claim_id = first_claim + i
            extra = (claim_id * self.extra) // self.total_claims - (
                (claim_id - 1) * self.extra
            ) // self.total_claims
            self.claim(claim_id, doc_id, text, spans[i], claim_text, ctype, extra, revision)

    def claim(
        self,
        claim_id: int,
        doc_id: int,
        text: str,
        span: tuple[int, int],
        claim_text: str,
        ctype: str,
        extra: int,
        revision: int = 1,
    ) -> None:
        from workbench.domain.clock import format_at
        from workbench.domain.kinds import KINDS

        rng = self.rng
        start, end = span
        moment = self.moment()
        at = format_at(moment)
        actor = rng.choice(OWNERS)
        c: dict[str, Any] = {
            "anchor_score": None,
            "anchor_state": "exact",
            "assignee": None,
            "created_at": at,
            "created_by": actor,
            "document_id": doc_id,
            "due": None,
            "end": end,
            "id": claim_id,
            "prefix": text[max(0, start - CONTEXT_CHARS) : start],
            "priority": "normal",
            "proposed_by": None,
            "proposed_note": None,
            "proposed_status": None,
            "quote": text[start:end],
            "revision": revision,
            "speaker": rng.choice(SPEAKERS),
            "start": start,
            "status": "unverified",
            "suffix": text[end : end + CONTEXT_CHARS],
            "tags": [],
            "text": claim_text,
            "type": ctype,
            "updated_at": at,
            "verdict_revision": None,
            "version": 1,
        }
        # The payload `claim add` writes (workbench.domain.payloads.claim_payload): every field
        # of the claim kind, nothing derived.
        after = {name: c[name] for name in KINDS["claim"].fields}
        self.record(actor, "claim.added", "claim", claim_id, claim_id, {"after": after}, at)
        c["_created"] = moment
        c["_updated"] = moment
        for step in self.plan(extra):
            self.apply(c, step)
        self.rows.claims.append(
            (
                claim_id,
                doc_id,
                start,
                end,
                c["quote"],
                c["prefix"],
                c["suffix"],
                c["text"],
                c["speaker"],
                c["type"],
                c["status"],
                c["created_by"],
                table_time(c["_created"]),
                table_time(c["_updated"]),
                c["version"],
                c["assignee"],
                c["priority"],
                c["due"],
                c["revision"],
                c["anchor_state"],
                c["anchor_score"],
                c["verdict_revision"],
                c["proposed_status"],
                c["proposed_by"],
                c["proposed_note"],
            )
        )
        self.rows.claim_tags.extend((claim_id, t) for t in c["tags"])

    def plan(self, budget: int) -> list[str]:
        """`budget` workflow steps for one claim, in the order a desk would take them."""
        rng = self.rng
        outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        status_steps = {"unverified": [], "in_progress": ["in_progress"]}.get(
            outcome, ["in_progress", outcome]
        )[:budget]
        if len(status_steps) == 2 and outcome in EVIDENCE_VERDICTS and budget < 3:
            status_steps = ["in_progress", "unverifiable"]
        left = budget - len(status_steps)
        need_evidence = 1 if status_steps[-1:] and status_steps[-1] in EVIDENCE_VERDICTS else 0
        desk = []
        for name, chance in (("assign", 0.9), ("due", 0.6), ("tag", 0.7), ("priority", 0.3)):
            if left - need_evidence > 0 and rng.random() < chance:
                desk.append(name)
                left -= 1
        evidence = min(left, need_evidence + rng.randint(0, 2))
        notes = left - evidence
        head = [d for d in desk if d != "priority"]
        # Under review.required a verdict is proposed, then approved: the approval takes a
        # note's place in the budget (one event more when there is none).
        approve = ["approve"] if self.review and len(status_steps) == 2 else []
        if self.moment() > self.start + YEAR * AWAITING_FROM:
            approve = []  # the year's last proposals: the queue `claim list --approvable` reads
        if approve and notes:
            notes -= 1
        return (
            head
            + status_steps[:1]
            + ["evidence"] * evidence
            + ["note"] * notes
            + [d for d in desk if d == "priority"]
            + status_steps[1:]
            + approve
        )

    def apply(self, c: dict[str, Any], step: str) -> None:

        rng = self.rng
        moment = self.moment() + self.step / 2
        actor = c["assignee"] or rng.choice(OWNERS)
        claim_id = c["id"]
        if step == "note":
            body = rng.choice(
                (
                    "Called the press office; waiting for the filing.",
                    "年报第{}页与此不符,需要再核实。",
                    "Source {} confirms the figure, but for a different year.",
                    "估值数字来自{}的二手报道。",
                )
            ).format(rng.randint(2, 300))
            self.record(actor, "note.added", "note", *self.note(claim_id, actor, body, moment))
            return
        if step == "evidence":
            self.evidence(c, actor, moment)
            return
        if step == "approve":
            self.approve(c, moment)
            return
        changes: dict[str, Any]
        note: dict[str, Any] | None = None
        action = {
            "assign": "claim.assigned",
            "due": "claim.due_changed",
            "tag": "claim.tagged",
            "priority": "claim.priority_changed",
        }.get(step, "claim.status_changed")
        if step == "assign":
            changes = {"assignee": rng.choice(OWNERS)}
        elif step == "due":
            changes = {"due": (moment.date() + dt.timedelta(days=rng.randint(2, 45))).isoformat()}
        elif step == "tag":
            changes = {"tags": sorted(set(rng.sample(TAGS, rng.randint(1, 3))))}
        elif step == "priority":
            changes = {"priority": rng.choice(("high", "high", "low"))}
        else:
            changes = {"status": step}
            if step != "in_progress":  # a verdict: the reason is kept as a note
                body = f"Verdict {step}: see the evidence and the {rng.choice(PUBLISHERS)} record."
                note = self.note(claim_id, actor, body, moment)[2]["after"]
                if self.review:
                    changes = {
                        "status": "in_review",
                        "proposed_status": step,
                        "proposed_by": actor,
                        "proposed_note": body,
                    }
                    action = "claim.review_requested"
        self.changed(c, actor, action, changes, note, moment)

    def changed(
        self,
        c: dict[str, Any],
        actor: str,
        action: str,
        changes: dict[str, Any],
        note: dict[str, Any] | None,
        moment: dt.datetime,
    ) -> None:
        from workbench.domain.clock import format_at

        at = format_at(moment)
        claim_id = c["id"]
        before = {k: c[k] for k in changes} | {
            "updated_at": c["updated_at"],
            "version": c["version"],
        }
        c.update(changes, updated_at=at, version=c["version"] + 1, _updated=moment)
        after = {k: c[k] for k in changes} | {"updated_at": at, "version": c["version"]}
        self.record(
            actor,
            action,
            "claim",
            claim_id,
            claim_id,
            {"after": after, "before": before, "note": note},
            at,
        )

    # -- --sign-off: people, review, revisions with headlines, weekly checks, ellipses ------------

    def register(self, moment: dt.datetime) -> None:
        """The desk's people registered by its first owner, herself first (`user add`)."""
        from workbench.domain.clock import format_at
        from workbench.domain.identity import skeleton

        x = self.x
        names = list(OWNERS) + [f"{g}.{f}" for g in GIVEN for f in FAMILY]
        for name in names:
            display = (
                " ".join(part.capitalize() for part in name.replace(".", " ").split())
                if "." in name and x.random() < 0.6
                else None
            )
            email = f"{name}@newsdesk.example.org" if x.random() < 0.7 else None
            view = {
                "added_by": OWNERS[0],
                "created_at": format_at(moment),
                "display": display,
                "email": email,
                "name": name,
                "role": None,
                "skeleton": skeleton(name),
            }
            self.people[name] = view | {"_at": table_time(moment)}
            self.record_named(
                OWNERS[0], "user.added", "user", name, {"after": view}, view["created_at"]
            )
        self.reviewers = names

    def before_document(self, doc_id: int) -> None:
        """What happens on the desk before document `doc_id` arrives: people registered (the
        first), review.required turned on (at REVIEW_FROM), a registration corrected now and
        then, and the pages whose weekly check is due."""
        from workbench.domain.clock import format_at

        moment = self.moment()
        at = format_at(moment)
        if doc_id == 1:
            self.register(moment)
        if not self.review and doc_id > self.documents_count * REVIEW_FROM:
            self.review = True
            view = {
                "key": "review.required",
                "updated_at": at,
                "updated_by": OWNERS[0],
                "value": True,
            }
            self.record_named(
                OWNERS[0],
                "setting.changed",
                "setting",
                "review.required",
                {"after": view, "before": {"value": False}},
                at,
            )
            self.rows.settings.append(("review.required", "true", OWNERS[0], table_time(moment)))
        x = self.x
        if x.random() < 0.05:
            name = x.choice(self.reviewers[len(OWNERS) :])
            person = self.people[name]
            self.counts["user_edits"] += 1
            if x.random() < 0.5:
                field_name = "email"
                new = f"{name}.{self.counts['user_edits']}@newsdesk.example.org"
            else:
                field_name = "display"
                new = None if person["display"] else name.replace(".", " ").title()
                if new is None:
                    field_name, new = "email", f"{name}@desk{self.counts['user_edits']}.example"
            payload = {
                "after": {field_name: new},
                "before": {field_name: person[field_name]},
                "note": None,
            }
            person[field_name] = new
            self.record_named(OWNERS[0], "user.edited", "user", name, payload, at)
        while self.pages and self.pages[0][0] <= moment:
            when, page, revision, sha, done = heapq.heappop(self.pages)
            self.counts["checks"] += 1
            self.record_named(
                x.choice(OWNERS),
                "document.checked",
                "document",
                str(page),
                {
                    "after": {
                        "revision": revision,
                        "sha256": sha,
                        "source": f"https://news.example.org/{page}",
                        "source_sha256": None,
                    }
                },
                at,
            )
            if done + 1 < CHECK_WEEKS:
                heapq.heappush(self.pages, (when + WEEK, page, revision, sha, done + 1))

    def record_named(
        self, actor: str, action: str, etype: str, eid: str, payload: dict[str, Any], at: str
    ) -> None:
        """`record` for an entity named, not numbered (a person, a setting)."""
        self.record(actor, action, etype, 0, None, payload, at, entity_id=eid)

    def ellipsis(self, part: tuple[str, str, str]) -> tuple[str, str, str]:
        """About ELLIPSIS_SHARE of sentences: a quote with an ellipsis in it (… or ……)."""
        x = self.x
        if x.random() >= ELLIPSIS_SHARE:
            return part
        self.counts["ellipses"] += 1
        org, v = x.choice(ORGS), x.randint(1, 900)
        mark = x.choice(("……", "…"))
        return (
            f"他说{mark}{org}的估值约{v}亿美元{mark}不止于此。",
            f"{org} is valued at about {v}00 million USD, he said.",
            "quantity",
        )

    def revise(self, doc_id: int, text: str, title: str) -> tuple[str, int, str]:
        """Document `doc_id` revised by a page that adds a correction at its end, its headline
        recorded (`doc update` of the page): the new text, revision number and sha256."""
        from workbench.domain.clock import format_at
        from workbench.domain.text import sha256_text

        moment = self.moment()
        at = format_at(moment)
        self.revisions += 1
        new = text + "\n更正:本文此前版本的一处数字有误,已更正。"
        actor = self.x.choice(OWNERS)
        view = {
            "added_by": actor,
            "created_at": at,
            "document_id": doc_id,
            "format": "text",
            "id": self.revisions,
            "length": len(new),
            "number": 2,
            "sha256": sha256_text(new),
            "source": f"https://news.example.org/{doc_id}",
            "source_sha256": None,
            "text": new,
        }
        self.rows.document_revisions.append(
            (
                self.revisions,
                doc_id,
                2,
                new,
                view["sha256"],
                len(new),
                view["source"],
                "text",
                None,
                actor,
                table_time(moment),
            )
        )
        self.record(
            actor,
            "document.revised",
            "revision",
            self.revisions,
            None,
            {"after": view, "headline": f"{title} (更正)"},
            at,
        )
        return new, 2, view["sha256"]

    def approve(self, c: dict[str, Any], moment: dt.datetime) -> None:
        """The proposed verdict approved by another registered reviewer (`claim approve`)."""
        proposer = c["proposed_by"]
        approver = proposer
        while approver == proposer:
            approver = self.x.choice(self.reviewers)
        self.counts["approvals"] += 1
        changes = {
            "status": c["proposed_status"],
            "proposed_status": None,
            "proposed_by": None,
            "proposed_note": None,
        }
        self.changed(c, approver, "claim.approved", changes, None, moment)

    def people_rows(self) -> None:
        for name, person in self.people.items():
            self.rows.users.append(
                (
                    name,
                    person["skeleton"],
                    person["display"],
                    person["email"],
                    person["added_by"],
                    person["_at"],
                    None,
                )
            )

    def note(
        self, claim_id: int, actor: str, body: str, moment: dt.datetime
    ) -> tuple[int, int, dict[str, Any], str]:
        from workbench.domain.clock import format_at

        self.ids["note"] += 1
        note_id = self.ids["note"]
        self.rows.notes.append((note_id, claim_id, actor, body, table_time(moment)))
        view: dict[str, Any] = {
            "author": actor,
            "body": body,
            "claim_id": claim_id,
            "created_at": format_at(moment),
            "id": note_id,
        }
        return note_id, claim_id, {"after": view}, view["created_at"]

    def evidence(self, c: dict[str, Any], actor: str, moment: dt.datetime) -> None:
        from workbench.domain.clock import format_at

        rng = self.rng
        self.ids["evidence"] += 1
        ev_id = self.ids["evidence"]
        pub = rng.choice(PUBLISHERS)
        is_url = rng.random() < 0.8
        view = {
            "accessed": moment.date().isoformat(),
            "added_by": actor,
            "citation": None
            if is_url
            else f"{pub}, annual report {rng.randint(2015, 2026)}, p. {rng.randint(1, 300)}",
            "claim_id": c["id"],
            "created_at": format_at(moment),
            "excerpt": rng.choice((None, "营收同比增长", "the figure quoted is for 2023")),
            "file_name": None,
            "id": ev_id,
            "kind": "url" if is_url else "citation",
            "media_type": None,
            "publisher": pub,
            "sha256": None,
            "size": None,
            "stance": rng.choice(("supports", "refutes", "context")),
            "title": rng.choice((f"{pub} report on {c['type']}", "公司年报摘要", None)),
            "url": f"https://source.example.com/{ev_id}" if is_url else None,
        }
        self.rows.evidence.append(
            (
                ev_id,
                c["id"],
                view["kind"],
                view["url"],
                view["citation"],
                view["title"],
                pub,
                view["accessed"],
                view["stance"],
                view["excerpt"],
                actor,
                table_time(moment),
            )
        )
        self.record(
            actor, "evidence.added", "evidence", ev_id, c["id"], {"after": view}, view["created_at"]
        )

    def run(self, write: Callable[[Rows], None], tick: Callable[[int], None]) -> None:
        claim_id = 1
        for doc_id in range(1, self.documents_count + 1):
            count = min(CLAIMS_PER_DOCUMENT, self.total_claims - claim_id + 1)
            before = self.seq
            self.document(doc_id, claim_id, count)
            claim_id += count
            if doc_id == self.documents_count and self.sign_off:
                self.people_rows()
            if len(self.rows.events) >= BATCH_EVENTS or doc_id == self.documents_count:
                write(self.rows)
                self.rows.clear()
            tick(self.seq - before)


# -- writers ----------------------------------------------------------------------------------


def insert_sql(name: str, marker: str = "?") -> str:
    cols = COLUMNS[name]
    return f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join([marker] * len(cols))})"  # noqa: S608


def sqlite_writer(path: Path) -> tuple[Callable[[Rows], None], Callable[[], None]]:
    conn = sqlite3.connect(path, isolation_level=None)
    # A new file built in one go: no journal and a 256 MB page cache. With WAL and the default
    # 2 MB cache the large size took 25x the year size's time for 10x the rows (index pages
    # evicted and re-read); an interrupted build leaves a file to delete, not one to repair.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")

    def write(rows: Rows) -> None:
        for name, batch in rows.tables():
            conn.executemany(insert_sql(name), batch)

    def finish() -> None:
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()

    return write, finish


SERIAL_TABLES = ("documents", "document_revisions", "claims", "notes", "evidence")


def postgresql_writer(url: str) -> tuple[Callable[[Rows], None], Callable[[], None]]:
    import psycopg

    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    conn.execute("SET TIME ZONE 'UTC'")

    def write(rows: Rows) -> None:
        with conn.cursor() as cur:
            for name, batch in rows.tables():
                if not batch:
                    continue
                with cur.copy(f"COPY {name} ({', '.join(COLUMNS[name])}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)

    def finish() -> None:
        # COPY with explicit ids leaves the id sequences at 1: move them past the rows, as
        # inserts through the services would have.
        for name in SERIAL_TABLES:
            last = f"SELECT coalesce(max(id), 0) + 1 FROM {name}"  # noqa: S608 (our names)
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), ({last}), false)", (name,)
            )
        conn.commit()
        conn.autocommit = True
        conn.execute("ANALYZE")
        conn.close()

    return write, finish


def create_schema(url: str) -> None:
    from workbench.db.engine import get_engine
    from workbench.db.migrate import upgrade

    engine = get_engine(url)
    upgrade(engine)
    engine.dispose()


def generate(
    target: str,
    size: str | None = None,
    claims: int = 0,
    events: int = 0,
    *,
    revisions: int = 0,
    flagged: int = 0,
    in_review: int = 0,
    sign_off: bool = False,
) -> dict[str, Any]:
    """Build a desk at `target` (a SQLite path or a PostgreSQL URL, whose schema must be empty),
    then, through the services, the revisions, flagged verdicts and proposals asked for
    (`through_services`).

    Returns what was built and how long it took."""
    from workbench.db.url import resolve_url

    if size:
        claims, events = SIZES[size]
    url = resolve_url(target)
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        if path.exists():
            raise SystemExit(f"{path} exists; the generator builds a new database")
    began = time.perf_counter()
    create_schema(url)
    write, finish = (
        sqlite_writer(Path(url.removeprefix("sqlite:///")))
        if url.startswith("sqlite")
        else postgresql_writer(url)
    )
    from workbench.cli.progress import progress_bar

    desk = Desk(claims, events, sign_off=sign_off)
    with progress_bar(f"desk: {claims:,} claims", enabled=sys.stderr.isatty()) as progress:
        desk.run(write, lambda _n: progress(desk.seq, events) if progress else None)
    finish()
    built: dict[str, Any] = {
        "claims": claims,
        "events": desk.seq,
        "documents": desk.documents_count,
        "notes": desk.ids["note"],
        "evidence": desk.ids["evidence"],
    }
    if sign_off:
        built["sign_off"] = desk.counts | {
            "people": len(desk.people),
            "revisions": desk.revisions,
        }
    if revisions or flagged or in_review:
        built["worked"] = through_services(url, revisions, flagged, in_review)
    built["seconds"] = time.perf_counter() - began
    return built


# -- work added through the services (after the fast path; each off unless asked for) ----------


def through_services(url: str, revisions: int, flagged: int, in_review: int) -> dict[str, int]:
    """Revise `revisions` documents, flag `flagged` verdicts by revising their sentences, then
    turn review.required on and propose `in_review` open claims' verdicts: each a command's
    service call, so its events, re-anchoring and rules are the workbench's own. In that
    order: a proposal made before a revision could be flagged by it.

    Returns what was done (fewer than asked when the desk has fewer documents, verdicts or
    open claims), and the events it added."""
    from sqlalchemy import func, select

    from workbench.db.models import Claim, Document, Event
    from workbench.domain.status import FINAL_VALUES, Status
    from workbench.services.claims import set_status
    from workbench.services.context import Workbench, transaction
    from workbench.services.settings import set_config

    people: dict[str, Workbench] = {}

    def as_(name: str) -> Workbench:
        if name not in people:
            people[name] = Workbench.open(url, name)
        return people[name]

    def last_seq() -> int:
        with transaction(as_(OWNERS[0])) as tx:
            return int(tx.session.scalar(select(func.max(Event.seq))) or 0)

    first = last_seq()
    done = {"revisions": 0, "flagged": 0, "in_review": 0}
    with transaction(as_(OWNERS[0])) as tx:
        documents = int(tx.session.scalar(select(func.count(Document.id))) or 0)
    # Spread over the desk, not its first documents only.
    for i in range(min(revisions, documents)):
        doc_id = 1 + i * documents // min(revisions, documents)
        if _revise(as_(OWNERS[doc_id % len(OWNERS)]), doc_id, _paragraph_edited):
            done["revisions"] += 1
    if flagged:
        with transaction(as_(OWNERS[0])) as tx:
            judged = tx.session.execute(
                select(Claim.id, Claim.document_id, Claim.quote)
                .where(Claim.status.in_(FINAL_VALUES), Claim.verdict_revision.is_(None))
                .order_by(Claim.id)
            ).all()
        by_document: dict[int, dict[int, str]] = {}
        for claim_id, doc_id, quote in judged[:flagged]:
            by_document.setdefault(doc_id, {})[claim_id] = quote
        for doc_id, quotes in by_document.items():
            outcomes = _revise(
                as_(OWNERS[doc_id % len(OWNERS)]),
                doc_id,
                functools.partial(_figures_corrected, quotes=list(quotes.values())),
            )
            done["flagged"] += sum(1 for a in outcomes if a.flagged and a.claim_id in quotes)
    if in_review:
        set_config(as_(OWNERS[0]), "review.required", "on")
        with transaction(as_(OWNERS[0])) as tx:
            open_claims = tx.session.execute(
                select(Claim.id, Claim.assignee)
                .where(Claim.status.in_((Status.UNVERIFIED.value, Status.IN_PROGRESS.value)))
                .order_by(Claim.id.desc())
                .limit(in_review)
            ).all()
        for claim_id, assignee in open_claims:
            who = assignee or OWNERS[claim_id % len(OWNERS)]
            change = set_status(
                as_(who),
                claim_id,
                "unverifiable",
                note="No primary source found for the figure; proposed as unverifiable.",
            )
            done["in_review"] += change.claim.status == Status.IN_REVIEW.value
    done["events"] = last_seq() - first
    return done


def _revise(wb: Any, doc_id: int, edit: Callable[[str], str | None]) -> list[Any]:
    """Store `edit` of document `doc_id`'s latest text as its next revision (`doc update`'s
    service); the claims' re-anchoring outcomes, or [] when the edit changed nothing."""
    from workbench.services.documents import document_text
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    new = edit(document_text(wb, doc_id))
    if new is None:
        return []
    content = Content(text=new, format="text", source=f"revised-{doc_id}.txt")
    added = update_document(wb, doc_id, content)
    return list(added.anchors) if added.created else []


def _paragraph_edited(text: str) -> str | None:
    """The middle paragraph's closing words changed (第k段。 -> 第k段(本段已更新)。): no claim's
    quote touched, the claims after it moved (None when the text has no such paragraph end)."""
    lines = text.split("\n")
    k = len(lines) // 2
    end = f" 第{k + 1}段。"
    if not lines[k].endswith(end):
        return None
    lines[k] = lines[k].removesuffix(end) + f" 第{k + 1}段(本段已更新)。"
    return "\n".join(lines)


def _figures_corrected(text: str, quotes: Iterable[str]) -> str | None:
    """Each quote's first figure raised by one, where the quote occurs once in `text` (an edit
    of a sentence written twice could be re-anchored to its twin, and flag nothing)."""
    import re

    edited = text
    for quote in quotes:
        if text.count(quote) != 1:
            continue
        corrected = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), quote, count=1)
        edited = edited.replace(quote, corrected, 1)
    return None if edited == text else edited


def _count(text: str) -> int:
    """A count of claims or events: one or more (a desk of none divides by zero, and a negative
    count printed as what was built)."""
    return _at_least(text, 1)


def _some(text: str) -> int:
    """A count of documents or claims to work on: zero (the default: none) or more."""
    return _at_least(text, 0)


def _at_least(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"{value} is not a count: give {minimum} or more")
    return value


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--size", choices=sorted(SIZES), help="a preset (default: small)")
    # The desks the benchmarks' sessions measured on are not presets (20,000 claims and
    # 200,000 events, say): their counts are given here, both or neither.
    ap.add_argument("--claims", type=_count, metavar="N", help="claims, with --events")
    ap.add_argument("--events", type=_count, metavar="N", help="events, with --claims")
    ap.add_argument("--db", required=True, help="a new SQLite file, or a postgresql:// URL")
    # Off by default: a desk built without them is the one every published figure measured.
    ap.add_argument("--revisions", type=_some, default=0, metavar="N", help="documents revised")
    ap.add_argument("--flagged", type=_some, default=0, metavar="N", help="verdicts flagged")
    ap.add_argument("--in-review", type=_some, default=0, metavar="N", help="claims in review")
    ap.add_argument(
        "--sign-off",
        action="store_true",
        help="people, approvals, headlines, weekly checks and ellipses in the trail",
    )
    args = ap.parse_args(argv)
    work = {
        "revisions": args.revisions,
        "flagged": args.flagged,
        "in_review": args.in_review,
        "sign_off": args.sign_off,
    }
    counted = (args.claims, args.events)
    if counted != (None, None):
        if None in counted:
            ap.error("--claims and --events go together")
        if args.size:
            ap.error("--size or --claims/--events, not both")
        built = generate(args.db, None, args.claims, args.events, **work)
    else:
        built = generate(args.db, args.size or "small", **work)
    print(
        f"{built['documents']:,} documents, {built['claims']:,} claims, {built['notes']:,} notes, "
        f"{built['evidence']:,} evidence, {built['events']:,} events in {built['seconds']:.1f} s"
    )
    if "sign_off" in built:
        made = built["sign_off"]
        print(
            f"with --sign-off: {made['people']} people ({made['user_edits']} corrected), "
            f"{made['approvals']:,} verdicts approved, {made['revisions']:,} revisions with "
            f"headlines, {made['checks']:,} pages checked, {made['ellipses']:,} quotes with an "
            "ellipsis"
        )
    if "worked" in built:
        done = built["worked"]
        print(
            f"then through the services: {done['revisions']:,} documents revised, "
            f"{done['flagged']:,} verdicts flagged, {done['in_review']:,} claims in review "
            f"({done['events']:,} events more)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
