"""The desk's whole workflow driven at random, through the services as the CLI calls them (one
service call, so one transaction, per step), with the audit trail held to the tables after
every step.

Each step is one of the desk's mutations: a document added or revised (edits that keep, move
or remove quoted words, Chinese and mixed text), claims pinned by quote or offsets or
accepted from extraction, assignment, tags, priority, due dates, notes, evidence, status moves,
verdicts proposed and signed off or rejected by a second person, withdrawal and reopening,
users added, settings changed, and requests the workflow refuses. A refused request must change
nothing: the chain head and every table are compared before and after it.

After every step: `audit verify` finds the chain intact, `audit replay` rebuilds from the
events exactly what the tables hold, each claim's stored span quotes the current text at its
offsets (or the claim is orphaned), and the counts `stats` shows are the counts of a plain
listing. Any of these broken by some sequence of steps is a defect of the trail or the desk.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.db.models import Base, Claim
from workbench.domain.errors import WorkbenchError
from workbench.services.chain_head import chain_head
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench
from workbench.services.documents import add_documents, document_text, update_from
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.extract import ExtractOptions, accept_candidates
from workbench.services.notes import add_note
from workbench.services.queries import ClaimFilter, list_claims, owner_of, stats
from workbench.services.replay import replay
from workbench.services.review import approve, reject
from workbench.services.settings import set_config
from workbench.services.users import add_user
from workbench.services.verify import verify_database
from workbench.services.workflow import assign, hand_over, set_due, set_priority, tag, untag

T = TypeVar("T")

SENTENCES = [
    "甲说营收4009亿元。",
    "乙说员工三万人。",
    "丙说门店五千家。",
    "丁说公司成立于2014年。",
    "王芳说 AI 模型有 70 亿参数。",
    "李明表示，2023 年 GDP 增长 5.2%。",
    "Smith said GDP grew 3.2% in 2023.",
    "The mayor said 40 percent of the roads were repaired last year.",
    "“我们的利润翻了一番，”张伟说。",
    "According to the report, 1,200 jobs were lost in March.",
]
SEPARATORS = ["", " ", "\n", "\n\n"]
ACTORS = ["tester", "bob", "王芳"]
STATUSES = [
    "unverified",
    "in_progress",
    "verified",
    "false",
    "misleading",
    "unverifiable",
    "opinion",
    "in_review",
    "withdrawn",
    "nonsense",
]
STANCES = ["supports", "sideways", "refutes", "", "context", "sideways"]
TAGS = ["经济", "economy", "数据", "follow-up"]
# Runs and steps kept small for CI time (each step verifies and replays the whole trail), yet
# enough that every command lands in some run (test_the_desk_at_random asserts it), and most
# with a bad input are refused (it warns of those that were not): 10 runs of 18 steps, 15-20 s
# on SQLite.
STEPS = 18
RUNS = 10
# Each command's outcomes, (command, outcome) -> count, over the runs of one test.
LANDED, UNCHANGED, REFUSED = "landed", "unchanged", "refused"
OUTCOMES: Counter[tuple[str, str]] = Counter()
# What each command must have done at least once by the end: landed (returned and moved the
# chain), and been refused where the machine draws it a bad input (a blank note, an unknown
# status, stance, priority or setting, an impossible date, a nameless owner or user, ...).
# add_document, accept_extracted, update_document and tag are drawn no input they refuse.
MUST_LAND = {
    "accept_extracted",
    "add_claim",
    "add_document",
    "add_user",
    "approve",
    "assign",
    "config",
    "due",
    "edit_claim",
    "evidence",
    "hand_over",
    "note",
    "priority",
    "reject",
    "status",
    "tag",
    "update_document",
    "withdraw",
}
MUST_REFUSE = {
    "add_claim",
    "add_user",
    "approve",
    "assign",
    "config",
    "due",
    "edit_claim",
    "evidence",
    "hand_over",
    "missing_claim",
    "note",
    "priority",
    "reject",
    "status",
    "withdraw",
}


# The desk's commands, run by the one rule `act`: each block of len(ACTIONS) steps runs every
# command once, in an order drawn for the block, with arguments drawn for the step. Not a rule
# each: Hypothesis runs a random subset of a machine's rules in each run (swarm testing) and
# draws among them unevenly, and at CI's budget that left add-note run twice, never with a
# blank body, and evidence, sign-off and hand-over not once (rscale); drawn command by command
# from one list, status still ran once in 240 steps.
ACTIONS: dict[str, tuple[Callable[..., None], dict[str, st.SearchStrategy[Any]]]] = {}


def action(
    **strategies: st.SearchStrategy[Any],
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def register(command: Callable[..., None]) -> Callable[..., None]:
        ACTIONS[command.__name__] = (command, strategies)
        return command

    return register


@contextmanager
def fresh_desk(template: Path | None) -> Iterator[str]:
    """A migrated database of its own for one run of the machine."""
    if PG_URL:
        from tests.conftest import _new_pg_database

        gen = _new_pg_database(migrated=True)
        try:
            yield next(gen)
        finally:
            gen.close()
        return
    assert template is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workbench.db"
        shutil.copyfile(template, path)
        url = f"sqlite:///{path}"
        try:
            yield url
        finally:
            get_engine(url).dispose()


# Derived indexes (the similar-claims index, SQLite's search index) record nothing a person did
# and are brought up to date by any command before it reads, a refused one too (context.py,
# _UNAUDITED): a refusal may leave them fresher, which is no change to the desk.
DERIVED = ("similar_", "claim_fts")


def snapshot(wb: Workbench) -> tuple[str, dict[str, list[tuple[Any, ...]]]]:
    """The chain head and every table's rows, in key order: what a refusal must leave."""
    head = chain_head(wb).hash
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with get_engine(wb.url).connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name.startswith(DERIVED):
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            tables[table.name] = [tuple(r) for r in conn.execute(table.select().order_by(*order))]
    return head, tables


class Desk(RuleBasedStateMachine):
    template: Path | None = None

    def __init__(self) -> None:
        super().__init__()
        self.stack = ExitStack()
        self.url = self.stack.enter_context(fresh_desk(self.template))
        self.folder = Path(self.stack.enter_context(tempfile.TemporaryDirectory()))
        self.files = 0
        self.docs: list[int] = []
        self.claims: list[int] = []
        self.claim_doc: dict[int, int] = {}
        self.queue: list[str] = []

    def teardown(self) -> None:
        self.stack.close()

    def as_(self, actor: str = "tester") -> Workbench:
        return Workbench(url=self.url, actor=actor)

    def step(self, command: str, call: Callable[[], T]) -> T | None:
        """One command: its result, or None when it was refused, having changed nothing. Its
        outcome is tallied under `command` (LANDED: it returned and the chain moved)."""
        before = snapshot(self.as_())
        try:
            result = call()
        except WorkbenchError as refusal:
            after = snapshot(self.as_())
            assert after[0] == before[0], f"a refusal ({refusal}) moved the chain head"
            for name, rows in before[1].items():
                assert after[1][name] == rows, f"a refusal ({refusal}) changed table {name}"
            OUTCOMES[command, REFUSED] += 1
            return None
        moved = chain_head(self.as_()).hash != before[0]
        OUTCOMES[command, LANDED if moved else UNCHANGED] += 1
        return result

    def write(self, text: str) -> str:
        self.files += 1
        path = self.folder / f"input{self.files}.txt"
        path.write_bytes(text.encode("utf-8"))
        return str(path)

    def current_text(self, doc: int) -> str:
        return document_text(self.as_(), doc)

    @initialize()
    def desk(self) -> None:
        if PG_URL:
            # One database role signs off here as on a desk of one login (test_board_totals).
            set_config(self.as_(), "review.distinct_roles", "false")
        # Each run starts from a document with three owned claims, one of them proposed for
        # sign-off (review.required on), not from an empty desk: from an empty one the claim
        # rules waited on add_claim, and at CI's budget add-note ran twice in 75 steps and
        # sign-off never (rscale). Seeded outside `step`: the tally counts what rules did.
        wb = self.as_()
        set_config(wb, "review.required", "true")
        (added,) = add_documents(wb, [self.write("".join(SENTENCES[:4]))])
        doc = added.document.id
        self.docs.append(doc)
        for sentence, owner in zip(SENTENCES[:3], ["bob", "tester", "王芳"], strict=True):
            claim = add_claim(wb, doc, sentence, SpanRequest(quote=sentence)).id
            assign(wb, [claim], owner)
            self.claims.append(claim)
            self.claim_doc[claim] = doc
        set_status(self.as_("王芳"), self.claims[-1], "opinion", note="一家之言")

    # --- documents ---------------------------------------------------------------------

    @action(
        parts=st.lists(
            st.tuples(st.sampled_from(SENTENCES), st.sampled_from(SEPARATORS)),
            min_size=1,
            max_size=5,
        )
    )
    def add_document(self, parts: list[tuple[str, str]]) -> None:
        text = "".join(s + sep for s, sep in parts)
        added = self.step("add_document", lambda: add_documents(self.as_(), [self.write(text)]))
        if added:
            doc = added[0].document.id
            if doc not in self.docs:
                self.docs.append(doc)

    @action(
        data=st.data(),
        edit=st.sampled_from(["keep", "remove", "move", "insert", "change", "spacing"]),
    )
    def update_document(self, data: st.DataObject, edit: str) -> None:
        doc = data.draw(st.sampled_from(self.docs))
        old = self.current_text(doc)
        a, b = sorted(data.draw(st.lists(st.integers(0, len(old)), min_size=2, max_size=2)))
        if edit == "remove":
            new = old[:a] + old[b:]
        elif edit == "move":
            rest = old[:a] + old[b:]
            at = data.draw(st.integers(0, len(rest)))
            new = rest[:at] + old[a:b] + rest[at:]
        elif edit == "insert":
            new = old[:a] + data.draw(st.sampled_from(SENTENCES)) + old[a:]
        elif edit == "change":
            new = old[:a] + data.draw(st.sampled_from(["四", "x", "7", "，", "说"])) + old[b:]
        elif edit == "spacing":
            new = (
                old.replace("。", "。\n", 1) if data.draw(st.booleans()) else old.replace(" ", "  ")
            )
        else:
            new = old
        if not new.strip():
            new = data.draw(st.sampled_from(SENTENCES))
        self.step("update_document", lambda: update_from(self.as_(), doc, self.write(new)))

    # --- claims ------------------------------------------------------------------------

    @action(data=st.data(), by_offsets=st.booleans())
    def add_claim(self, data: st.DataObject, by_offsets: bool) -> None:
        doc = data.draw(st.sampled_from(self.docs))
        text = self.current_text(doc)
        a, b = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
        quote = text[a:b]
        span = SpanRequest(start=a, end=b) if by_offsets else SpanRequest(quote=quote)
        words = quote.strip() or "空"
        added = self.step("add_claim", lambda: add_claim(self.as_(), doc, words, span))
        if added is not None and added.id not in self.claims:
            self.claims.append(added.id)
            self.claim_doc[added.id] = doc

    @action(data=st.data())
    def accept_extracted(self, data: st.DataObject) -> None:
        doc = data.draw(st.sampled_from(self.docs))
        got = self.step(
            "accept_extracted", lambda: accept_candidates(self.as_(), doc, ExtractOptions(limit=2))
        )
        if got is not None:
            for claim in list_claims(self.as_(), ClaimFilter(document_id=doc, withdrawn_too=True)):
                if claim.id not in self.claims:
                    self.claims.append(claim.id)
                    self.claim_doc[claim.id] = doc

    @action(data=st.data(), who=st.sampled_from([*ACTORS, None, "陈静", ""]))
    def assign(self, data: st.DataObject, who: str | None) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.claims), min_size=1, max_size=2))
        self.step("assign", lambda: assign(self.as_(), ids, who))

    @action(
        data=st.data(),
        tags=st.lists(st.sampled_from(TAGS), min_size=1, max_size=2),
        on=st.booleans(),
    )
    def tag(self, data: st.DataObject, tags: list[str], on: bool) -> None:
        ids = [data.draw(st.sampled_from(self.claims))]
        self.step("tag", lambda: (tag if on else untag)(self.as_(), ids, tags))

    @action(
        data=st.data(),
        priority=st.sampled_from(["low", "normal", "high", "urgent", "whenever"]),
        due=st.sampled_from([None, "2030-01-31", "2020-02-30", "2031-12-01"]),
    )
    def priority_and_due(self, data: st.DataObject, priority: str, due: str | None) -> None:
        ids = [data.draw(st.sampled_from(self.claims))]
        self.step("priority", lambda: set_priority(self.as_(), ids, priority))
        self.step("due", lambda: set_due(self.as_(), ids, due))

    @action(
        data=st.data(),
        body=st.sampled_from(
            ["查了年报。", "  ", "source: annual report", "\n", "待核实 pending", ""]
        ),
        internal=st.booleans(),
        who=st.sampled_from(ACTORS),
    )
    def note(self, data: st.DataObject, body: str, internal: bool, who: str) -> None:
        claim = data.draw(st.sampled_from(self.claims))
        self.step("note", lambda: add_note(self.as_(who), claim, body, internal=internal))

    @action(data=st.data(), stance=st.sampled_from(STANCES), who=st.sampled_from(ACTORS))
    def evidence(self, data: st.DataObject, stance: str, who: str) -> None:
        claim = data.draw(st.sampled_from(self.claims))
        item = EvidenceInput(stance=stance, citation="国家统计局 2023 年报")
        self.step("evidence", lambda: add_evidence(self.as_(who), claim, item))

    @action(
        data=st.data(),
        status=st.sampled_from(STATUSES),
        note=st.sampled_from([None, "对照年报核实。", "reopened: new figures", "一家之言"]),
        who=st.sampled_from(ACTORS),
    )
    def status(self, data: st.DataObject, status: str, note: str | None, who: str) -> None:
        claim = data.draw(st.sampled_from(self.claims))
        self.step("status", lambda: set_status(self.as_(who), claim, status, note=note))

    def awaiting(self, data: st.DataObject) -> int:
        """A claim awaiting sign-off when there is one, else any (its sign-off refused)."""
        waiting = [c.id for c in list_claims(self.as_(), ClaimFilter(statuses=["in_review"]))]
        return data.draw(st.sampled_from(waiting or self.claims))

    @action(data=st.data(), who=st.sampled_from(ACTORS))
    def approve(self, data: st.DataObject, who: str) -> None:
        claim = self.awaiting(data)
        self.step("approve", lambda: approve(self.as_(who), claim, note="同意"))

    @action(data=st.data(), who=st.sampled_from(ACTORS))
    def reject(self, data: st.DataObject, who: str) -> None:
        claim = self.awaiting(data)
        self.step("reject", lambda: reject(self.as_(who), claim, note="证据不足"))

    @action(data=st.data(), reason=st.sampled_from(["a duplicate", "不是事实陈述", " "]))
    def withdraw(self, data: st.DataObject, reason: str) -> None:
        claim = data.draw(st.sampled_from(self.claims))
        self.step("withdraw", lambda: withdraw(self.as_(), claim, reason=reason))

    @action(
        data=st.data(),
        field=st.sampled_from(["text", "type", "speaker", "quote"]),
        who=st.sampled_from(ACTORS),
    )
    def edit_claim(self, data: st.DataObject, field: str, who: str) -> None:
        claim = data.draw(st.sampled_from(self.claims))
        change: dict[str, Any] = {}
        if field == "text":
            change["text"] = data.draw(st.sampled_from(["营收四千亿", "GDP grew 3.2%", " "]))
        elif field == "type":
            change["claim_type"] = data.draw(st.sampled_from(["quantity", "opinion", "guess"]))
        elif field == "speaker":
            change["speaker"] = data.draw(st.sampled_from(["王芳", "Smith", ""]))
        else:
            doc = self.claim_doc[claim]
            text = self.current_text(doc)
            a, b = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
            change["span"] = SpanRequest(quote=text[a:b])
            change["note"] = "wrong span"
        self.step("edit_claim", lambda: edit_claim(self.as_(who), claim, **change))

    @action(owner=st.sampled_from(ACTORS), successor=st.sampled_from([*ACTORS, " ", "陈静", ""]))
    def hand_over(self, owner: str, successor: str) -> None:
        self.step("hand_over", lambda: hand_over(self.as_(), owner, successor))

    # --- people, settings, refusals ----------------------------------------------------

    @action(
        name=st.sampled_from(["陈静", *ACTORS, "李娜", "Ｂob", "Dana", "", "Kofi"]),
        role=st.sampled_from([None, "editor", "checker", "boss"]),
    )
    def add_user(self, name: str, role: str | None) -> None:
        self.step("add_user", lambda: add_user(self.as_(), name, role=role))

    @action(
        key=st.sampled_from(["review.required", "review.distinct_roles", "no.such"]),
        value=st.sampled_from(["false", "true", "maybe", "false"]),
    )
    def config(self, key: str, value: str) -> None:
        if PG_URL and key == "review.distinct_roles":
            return  # one role: leave it off (desk)
        self.step("config", lambda: set_config(self.as_(), key, value))

    @action(claim=st.integers(9_000, 9_010), status=st.sampled_from(STATUSES))
    def missing_claim(self, claim: int, status: str) -> None:
        assert (
            self.step("missing_claim", lambda: set_status(self.as_(), claim, status, note="x"))
            is None
        )
        assert self.step("missing_claim", lambda: add_note(self.as_(), claim, "x")) is None

    @rule(data=st.data())
    def act(self, data: st.DataObject) -> None:
        if not self.queue:
            self.queue = data.draw(st.permutations(sorted(ACTIONS)), label="order")
        command, strategies = ACTIONS[self.queue.pop(0)]
        given = {k: v for k, v in strategies.items() if k != "data"}
        args = data.draw(st.fixed_dictionaries(given), label="arguments")
        if "data" in strategies:
            args["data"] = data
        command(self, **args)

    # --- invariants --------------------------------------------------------------------

    @invariant()
    def chain_intact(self) -> None:
        report = verify_database(self.as_())
        assert report.broken is None, report.to_json()
        assert report.complete, report.to_json()

    @invariant()
    def replay_equals_tables(self) -> None:
        report = replay(self.as_())
        assert report.consistent, [d.to_json() for d in report.differences]

    @invariant()
    def spans_quote_the_current_text(self) -> None:
        # The current text is the latest revision's (documents.text keeps the first one).
        wb = self.as_()
        texts = {doc: document_text(wb, doc) for doc in self.docs}
        with get_engine(self.url).connect() as conn:
            rows = list(
                conn.execute(
                    select(
                        Claim.id,
                        Claim.document_id,
                        Claim.start,
                        Claim.end,
                        Claim.quote,
                        Claim.anchor_state,
                    )
                )
            )
        for cid, doc, start, end, quote, state in rows:
            if state != "orphaned":
                assert texts[doc][start:end] == quote, (cid, state, start, end, quote)

    @invariant()
    def stats_count_the_listing(self) -> None:
        wb = self.as_()
        board = stats(wb, limit=1000)
        listed = list_claims(wb, ClaimFilter(withdrawn_too=True))
        by_status = Counter(c.status for c in listed)
        assert {k: v for k, v in board.by_status.items() if v} == dict(by_status)
        # By owner and type the board leaves withdrawn claims out (no one's work).
        working = [c for c in listed if c.status != "withdrawn"]
        assert {k: v for k, v in board.by_type.items() if v} == dict(
            Counter(c.type for c in working)
        )
        assert board.by_assignee == dict(Counter(owner_of(c.assignee) for c in working))
        assert board.awaiting_approval.total == by_status["in_review"]
        assert board.flagged.total == len(list_claims(wb, ClaimFilter(flagged=True)))
        assert board.oldest_open.total == len(list_claims(wb, ClaimFilter(open=True)))


def test_the_desk_at_random(request: pytest.FixtureRequest) -> None:
    Desk.template = None if PG_URL else request.getfixturevalue("sqlite_template")
    OUTCOMES.clear()
    run_state_machine_as_test(
        Desk,
        settings=settings(
            max_examples=RUNS,
            stateful_step_count=STEPS,
            derandomize=True,
            database=None,
            deadline=None,
            # No shrinking: a failure is reported with the steps that made it, at once. Shrunk
            # at a tenth of a second a step, a blank note that committed a row took over five
            # minutes to report (Hypothesis's own limit on shrinking).
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    # Each command's outcomes over all the runs. One that never landed is a machine that would
    # pass were the service to refuse everything; one never refused left its refusal unchecked.
    tally = {c: {o: OUTCOMES[c, o] for o in (LANDED, UNCHANGED, REFUSED)} for c, _ in OUTCOMES}
    never_landed = sorted(c for c in MUST_LAND if OUTCOMES[c, LANDED] == 0)
    never_refused = sorted(c for c in MUST_REFUSE if OUTCOMES[c, REFUSED] == 0)
    assert not never_landed, f"never landed: {never_landed}; outcomes: {tally}"
    # Said, not asserted: which commands draw a refusal is the draw's, and a derandomized draw
    # changes with Hypothesis' version (a fresh install takes the newest): with the seed free,
    # 4 of 10 seeds left one or two commands unrefused (hand_over, assign, due, edit_claim),
    # where every command landed in all 10. A refusal drawn is still held to change nothing.
    if never_refused:
        warnings.warn(f"never refused: {never_refused}; outcomes: {tally}", stacklevel=1)
