"""review293 made re-anchoring's search lazy (`found_at`, asked only when `given_back` needs
it, once per claim and revision) and a flagged verdict's spans before moves read only when the
span it was given on is not back (earlier_spans._JudgedSpans). Only the cost was to change:
every revision case the suite knows runs twice, once as shipped and once with both forced
eager (the search made and the spans read before the rule is asked, as before review293), and
every outcome, every claim and every event must come out the same."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pytest
from sqlalchemy import select

from workbench.db.models import Event
from workbench.services import revisions
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content


@dataclass(frozen=True)
class Pin:
    quote: str
    speaker: str | None = None
    judged: bool = False  # a verdict given on it when it is added
    occurrence: int | None = None


@dataclass(frozen=True)
class Judge:
    """A verdict given (again) on claim `index` between two revisions."""

    index: int


@dataclass(frozen=True)
class Case:
    first: str
    pins: tuple[Pin, ...]
    steps: tuple[str | Judge, ...]
    # What the last revision must do to each claim (restored or not): the rule as the suite
    # pins it elsewhere, so that a case which stopped reaching its path is seen.
    restored: tuple[bool, ...]


MINIMAX = (
    "MiniMax成立于2021年底，创始人闫俊杰曾任商汤科技副总裁。\n"
    "2025年1月，MiniMax发布了国内首个线性注意力模型MiniMax-Text-01，参数量达到4560亿。\n"
    "公司表示，其海螺AI在全球拥有超过一亿用户。\n"
    "The company said revenue rose 12 percent last year, and profits doubled.\n"
)
MINIMAX_LINES = MINIMAX.splitlines(True)
RETYPED = MINIMAX.replace("，", ", ").replace("。", ". ")

PLANT = "The plant employs 3000 workers in the county."
ARTICLE = f"Intro line here.\nA neighbouring sentence sits here.\n{PLANT}\nThe end of the story.\n"
NEIGHBOUR_CUT = ARTICLE.replace("A neighbouring sentence sits here.\n", "")

DEBATE = (
    "MODERATOR: Welcome to the debate.\n"
    "OKAFOR: In the region we have governed since the election, unemployment is 4.1% "
    "according to the latest figures.\n"
    "MARSH: That is not true.\n"
    "NGUYEN: Let me answer that.\n"
)
PAD = "and so I say to all of you gathered here tonight that "
SAID = "unemployment is 4.1%"
SPEECH = (
    "MODERATOR: Welcome to the debate.\n"
    f"OKAFOR: {PAD}we cut waste. {SAID} according to the latest figures.\n"
    "MARSH: That is not true.\n"
)
SPEECH_MOVED = SPEECH.replace("we cut waste. ", "")

REPEAT = (
    "The minister opened the session with a short statement.\n"
    "He said crime fell by half.\n"
    "Members then debated the police budget for two hours.\n"
    "He said crime fell by half.\n"
    "The session closed at noon.\n"
)

ELLIPSIS = (
    "He said there is more to do... and we will.\n"
    "他说\u2026\u2026我们会继续努力。\n"
    "Prices rose 5% last year, she said.\n"
)
RESPELT = (
    "He said there is more to do\u2026 and we will.\n"
    "他说\u22ef\u22ef我们会继续努力。\n"
    "Prices rose 5%  last year, she said.\n"
)

ABC = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n"
CAPTION = 'Residents posted photos with the caption "Never again" on Sunday, officials said.\n'

CASES: dict[str, Case] = {
    "moved: a neighbour cut, then put back": Case(
        ARTICLE,
        (Pin(PLANT, judged=True), Pin("Intro line here")),
        (NEIGHBOUR_CUT, ARTICLE),
        (False, False),
    ),
    "moved to other identical words, then back": Case(
        REPEAT,
        (
            Pin("crime fell by half", occurrence=1, judged=True),
            Pin("crime fell by half", occurrence=2),
        ),
        (REPEAT.replace("He said crime fell by half.\nMembers", "Members", 1), REPEAT),
        (True, False),
    ),
    "cut and restored": Case(
        MINIMAX,
        (Pin("国内首个线性注意力模型", judged=True), Pin("海螺AI在全球拥有超过一亿用户")),
        ("".join(MINIMAX_LINES[:1] + MINIMAX_LINES[2:]), MINIMAX),
        (True, False),
    ),
    "retyped punctuation, then retyped back": Case(
        MINIMAX,
        (
            Pin("创始人闫俊杰曾任商汤科技副总裁", judged=True),
            Pin("2021年底，创始人", judged=True),
            Pin("revenue rose 12 percent last year, and profits doubled"),
        ),
        (RETYPED, MINIMAX),
        (False, False, False),
    ),
    "a line given to another speaker after the figure came back": Case(
        DEBATE,
        (Pin(SAID, speaker="OKAFOR", judged=True),),
        (
            DEBATE.replace("4.1%", "4.3%"),
            DEBATE.replace("OKAFOR: In the region", "NGUYEN: In the region"),
        ),
        (False,),
    ),
    "the judged span back on another speaker's line, the words on the judged one's": Case(
        SPEECH,
        (Pin(SAID, speaker="OKAFOR", judged=True),),
        (
            SPEECH_MOVED,
            SPEECH.replace("4.1%", "4.3%"),
            SPEECH_MOVED.replace("OKAFOR: ", "NGUYEN: ") + SPEECH.splitlines(True)[1],
        ),
        (True,),
    ),
    "a flagged verdict's words back, a paragraph added above them": Case(
        ARTICLE,
        (Pin(PLANT, judged=True),),
        (ARTICLE.replace("3000", "3500"), "A paragraph added above it all.\n" + ARTICLE),
        (True,),
    ),
    "an undo of several revisions past a move (quote edited)": Case(
        ARTICLE,
        (Pin(PLANT, judged=True),),
        (NEIGHBOUR_CUT, NEIGHBOUR_CUT.replace("3000", "3500"), ARTICLE),
        (True,),
    ),
    "an undo of several revisions past a move (quote cut)": Case(
        ARTICLE,
        (Pin(PLANT, judged=True),),
        (NEIGHBOUR_CUT, NEIGHBOUR_CUT.replace(f"{PLANT}\n", ""), ARTICLE),
        (True,),
    ),
    "words the verdict was not given on, back": Case(
        ARTICLE,
        (Pin(PLANT, judged=True),),
        (
            ARTICLE.replace("3000", "3500"),
            ARTICLE,
            NEIGHBOUR_CUT,
            NEIGHBOUR_CUT.replace(f"{PLANT}\n", ""),
            ARTICLE.replace("3000", "3500"),
        ),
        (False,),
    ),
    "a respelt ellipsis, then spelt back": Case(
        ELLIPSIS,
        (
            Pin("more to do... and we will", judged=True),
            Pin("他说\u2026\u2026我们会继续努力"),
            Pin("Prices rose 5% last year", judged=True),
        ),
        (RESPELT, ELLIPSIS),
        (False, False, False),
    ),
    "a claim with no verdict back on the words it was pinned to": Case(
        CAPTION,
        (Pin('"Never again"'),),
        (CAPTION.replace('"', "&quot;"), CAPTION),
        (True,),
    ),
    "two changes undone at once; a verdict given again on changed words": Case(
        ABC,
        (Pin("Delta epsilon zeta"), Pin("Alpha beta gamma", judged=True)),
        (
            ABC.replace("epsilon", "epsilons").replace("Alpha beta", "Alpha betas"),
            Judge(1),
            ABC.replace("epsilon", "epsilonz").replace("Alpha beta", "Alpha betas"),
            ABC,
        ),
        (True, False),
    ),
}

# Each run's texts end in its own line, of one length (the same text twice is one document).
COPY = {"lazy": "Copy L.\n", "eager": "Copy E.\n"}


def _eager(real: Callable[..., Any]) -> Callable[..., Any]:
    """`given_back` with what review293 made lazy asked first, as before it."""

    def given_back(earlier: Iterable[Any], text: str, **kw: Any) -> Any:
        spans = list(earlier)
        at = kw["found_at"]()
        return real(spans, text, **{**kw, "found_at": lambda: at})

    return given_back


def _run(wb: Workbench, case: Case, copy: str) -> tuple[list[Any], list[bool]]:
    """The case played on a document of its own: what every revision did, each claim as it
    ends, its events; and what the last revision restored."""
    doc = add_document(wb, (case.first + copy).encode()).document.id
    ids = []
    for pin in case.pins:
        span = SpanRequest(quote=pin.quote, occurrence=pin.occurrence)
        ids.append(add_claim(wb, doc, pin.quote, span, speaker=pin.speaker).id)
        if pin.judged:
            set_status(wb, ids[-1], "in_progress")
            set_status(wb, ids[-1], "unverifiable", note="judged")
    seen: list[Any] = []
    last: list[bool] = []
    for step in case.steps:
        if isinstance(step, Judge):
            set_status(wb, ids[step.index], "unverifiable", note="judged again")
            continue
        anchors = update_document(wb, doc, Content(step + copy, "text", "r.txt")).anchors
        outcomes = {a.claim_id: {**asdict(a), "claim_id": ids.index(a.claim_id)} for a in anchors}
        seen.append([outcomes.get(cid) for cid in ids])
        last = [outcomes[cid].get("restored", False) if cid in outcomes else False for cid in ids]
    for cid in ids:
        seen.append(_kept(get_claim(wb, cid).to_json()))
    with transaction(wb) as tx:
        events = tx.session.scalars(
            select(Event).where(Event.claim_id.in_(ids)).order_by(Event.seq)
        ).all()
        seen.extend(
            (ids.index(e.claim_id or 0), e.action, _kept(json.loads(e.payload))) for e in events
        )
    return seen, last


def _kept(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _kept(v) for k, v in value.items() if k not in _IDS}
    if isinstance(value, list):
        return [_kept(v) for v in value]
    return value


# A claim's own id and its document's, and when things happened: not what the rule decides.
_IDS = {"id", "claim_id", "document_id", "created_at", "updated_at", "verdict_at"}


@pytest.mark.parametrize("name", list(CASES))
def test_the_lazy_search_gives_back_what_an_eager_one_gives(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    case = CASES[name]
    lazy, restored = _run(wb, case, COPY["lazy"])
    assert restored == list(case.restored), (name, lazy)
    monkeypatch.setattr(revisions, "given_back", _eager(revisions.given_back))
    eager, _ = _run(wb, case, COPY["eager"])
    assert repr(eager).replace("Copy E.", "Copy L.") == repr(lazy), name
