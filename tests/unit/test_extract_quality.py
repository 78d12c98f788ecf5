"""Extraction quality against hand-labelled sentences, and the evaluation arithmetic itself.

The label files are a human reading of each text (see their headers); the targets are the
ones the feature was accepted with. `python bench/extract_quality.py` prints the full table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.domain.checkworthy import CLAIM_TYPES, find_candidates
from workbench.domain.evaluation import Label, Quality, evaluate, locate, parse_labels
from workbench.domain.segment import Segment, split_sentences

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "tests" / "data" / "checkworthy"
SEED_CLAIMS = REPO / "seeds" / "minimax-claims.yaml"


def load(name: str) -> tuple[str, list[Label]]:
    data = yaml.safe_load((LABELS / f"{name}.labels.yaml").read_text(encoding="utf-8"))
    text = (REPO / data["document"]).read_text(encoding="utf-8")
    return text, parse_labels(text, data)


def quality(name: str) -> Quality:
    text, labels = load(name)
    return evaluate(find_candidates(text), [lab for lab in labels if lab.checkworthy])


# Every labelled text there is (bench/extract_quality.py lists the same ones, in its own order).
LABELLED = sorted(p.name.removesuffix(".labels.yaml") for p in LABELS.glob("*.labels.yaml"))


@pytest.mark.parametrize("name", LABELLED)
def test_label_files_cover_every_sentence(name: str) -> None:
    text, labels = load(name)
    for sentence in split_sentences(text):
        assert any(lab.start < sentence.end and sentence.start < lab.end for lab in labels), (
            f"unlabelled sentence: {text[sentence.start : sentence.end]!r}"
        )
    for lab in labels:
        assert lab.claim_type is None or lab.claim_type in CLAIM_TYPES
        assert lab.checkworthy or lab.claim_type is None


def test_seed_article_quality() -> None:
    # Held out: nothing was tuned on it. The recall goal (>= 0.95) is met, the precision goal
    # (>= 0.7) is not: 0.605 / 1.000 in session 21, refitted on twelve dev articles (0.676 /
    # 0.917 in session 19, 0.697 / 0.917 in session 18; docs/benchmarks.md), measured once
    # after the method was final. These floors only guard against regressions.
    q = quality("minimax")
    assert q.recall >= 0.95, q
    assert q.precision >= 0.6, q


def test_held_out_profile_quality() -> None:
    # Held out like the seed: written and labelled after the session-16 scoring path was
    # final, scored once then (0.788 / 0.963), once after session 17's (0.931 / 1.000) and once
    # after session 18's (0.964 / 1.000, see docs/benchmarks.md). A floor against regressions.
    q = quality("shanye")
    assert q.recall >= 0.95, q
    assert q.precision >= 0.9, q


# Articles written and labelled blind, each scored once (or once per step of a round) before it
# joined the dev articles, or, huaiyin, stayed held out (docs/benchmarks.md). These floors only
# guard against regressions.
# - session 32, a founder profile and a results report, scored with the session-31 model:
#   jinglu 0.672 / 1.000, huaiyin 0.866 / 0.934; huaiyin is held out.
# - session 40, founder profiles (an LLM start-up, an automotive-chip start-up), scored with the
#   session-39 model and after the first part of session 40's precision round: xiyue 0.790 /
#   0.942 both times, mingque 0.700 / 0.933 -> 0.709 / 0.933.
# - session 40, after its precision round was final (two founder profiles and a results report),
#   scored before the round, after its first part and after both: yunzhou 0.754 / 0.944 each
#   time; hualan 0.862 -> 0.875 -> 0.889, recall 0.965; jinfeng 0.815 -> 0.824 -> 0.824, recall
#   0.947.
# - session 41, two founder profiles (a humanoid-robot start-up, an innovative-drug biotech) and a
#   news feature with a Q&A (a consumer-drone maker), scored with session 40's model and after the
#   first part of session 41's round, the same both times: tingfeng 0.767 / 0.982, baihe 0.707 /
#   0.964, yanshan 0.732 / 0.905.
# - session 41, a company profile, a founder profile and a news report, scored with session 40's
#   model, during the round's second part and when the round was final: chuanyun 0.780 / 0.969,
#   songling 0.805 / 0.931, beiming 0.838 / 0.925 (the final figures, the same as the first).
# - session 42, a financial news report, a founder profile and a magazine feature, scored with
#   session 41's model: luoxia 0.851 / 0.936, cuiping 0.829 / 0.984, jinghong 0.857 / 0.938.
# - session 44, a founder profile (voice AI), a hardware-company profile and a news report (a
#   dairy's penalty), scored with session 43's model: tongyu 0.753 / 0.880, xuelan 0.776 /
#   0.963, moyun 0.853 / 0.877; then two more, held out: qiaolin 0.846 / 0.900, zhuomo 0.850 /
#   0.893.
# - session 67, three long-form magazine profiles in the seed's manner (facts about one sentence
#   in five), held out, scored with the shipped model: xiguang 0.735 / 0.893, shuyu 0.815 /
#   0.786, fangcao 0.659 / 0.853; then six more of the kind: lanting 0.711 / 0.871, muge 0.861 /
#   0.886, haiyan 0.786 / 0.846, chuyun 0.786 / 0.914, songtao 0.750 / 0.774, weiming 0.724 /
#   0.750.
BLIND_FLOORS = [
    ("jinglu", 0.65, 0.95),
    ("huaiyin", 0.85, 0.9),
    ("xiyue", 0.75, 0.9),
    ("mingque", 0.68, 0.9),
    ("yunzhou", 0.72, 0.9),
    ("hualan", 0.85, 0.95),
    ("jinfeng", 0.8, 0.9),
    ("tingfeng", 0.74, 0.95),
    ("baihe", 0.68, 0.95),
    ("yanshan", 0.7, 0.88),
    ("chuanyun", 0.75, 0.95),
    ("songling", 0.78, 0.9),
    ("beiming", 0.8, 0.9),
    ("luoxia", 0.82, 0.92),
    ("cuiping", 0.8, 0.95),
    ("jinghong", 0.83, 0.92),
    ("tongyu", 0.72, 0.86),
    ("xuelan", 0.74, 0.94),
    ("moyun", 0.82, 0.86),
    ("qiaolin", 0.82, 0.88),
    ("zhuomo", 0.82, 0.87),
    ("jiangyue", 0.72, 0.94),
    ("lingbo", 0.78, 0.95),
    ("yuqiao", 0.86, 0.94),
    ("heting", 0.85, 0.89),
    ("xiguang", 0.7, 0.87),
    ("shuyu", 0.78, 0.76),
    ("fangcao", 0.63, 0.82),
    ("lanting", 0.68, 0.85),
    ("muge", 0.83, 0.86),
    ("haiyan", 0.75, 0.82),
    ("chuyun", 0.75, 0.89),
    ("songtao", 0.72, 0.75),
    ("weiming", 0.69, 0.72),
]


@pytest.mark.parametrize(("name", "precision", "recall"), BLIND_FLOORS)
def test_blind_article_quality(name: str, precision: float, recall: float) -> None:
    q = quality(name)
    assert q.recall >= recall, q
    assert q.precision >= precision, q


@pytest.mark.parametrize(
    ("name", "precision"),
    [
        ("xingheng", 0.93),
        ("yunfan", 0.95),
        ("qinglan", 0.88),
        ("chengjing", 0.82),
        ("shenggu", 0.85),
        ("suihe", 0.87),
        ("xingcha", 0.85),  # 0.889 after the fourteen-article refit (session 22)
        ("weilan", 0.86),
    ],
)
def test_chinese_dev_article_quality(name: str, precision: float) -> None:
    # Written and labelled for this project before any scorer ran on them. They are the dev
    # articles (news reports, founder profiles, a long-form profile, an interview): the Chinese
    # adaptation of the
    # weights and its threshold were fitted on them (see tools/train_checkworthy.py), so these
    # are in-sample figures, well above the held-out ones (docs/benchmarks.md).
    q = quality(name)
    assert q.recall >= 0.95, q
    assert q.precision >= precision, q


def test_english_text_quality() -> None:
    q = quality("english")
    assert q.recall >= 0.8, q
    assert q.precision >= 0.6, q


def _seed_claims() -> list[Any]:
    if not SEED_CLAIMS.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{SEED_CLAIMS} not written yet"))]
    data = yaml.safe_load(SEED_CLAIMS.read_text(encoding="utf-8"))
    params = []
    for n, claim in enumerate(data["claims"], start=1):
        marks = []
        if claim["quote"] in KNOWN_MISSES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[claim["quote"]]))
        params.append(pytest.param(claim, marks=marks, id=f"claim{n}"))
    return params


# Curated claims the scorer does not offer. Listed here rather than hidden: the test is strict,
# so when one starts being covered it fails until it is taken off the list. The weights are
# learnt from English debates and adapted on fourteen Chinese dev articles
# (tools/train_checkworthy.py), never tuned on this article.
_SAID = (
    "an opinion or forecast inside an attributed quotation: the learnt weight of quotations is "
    "negative, and the label file itself calls these sentences not check-worthy"
)
_SPELLED = (
    "a rank written in Chinese numerals (全球三强) inside an attributed quotation: counts in "
    "characters mostly tell a story in the dev profiles, so spelled_number lowers the score"
)
_WHAT_IF = (
    "a quoted what-if (如果……就应该): the sentence is read as opinion and prediction; what is "
    "checkable is only that it was said"
)
_VAGUE = (
    "a decision with no figure (发更多的钱, paid more): the label file itself calls this too "
    "vague to check; the clause must now clear the clause margin alone"
)
_HEDGED = (
    "a hedged boast in the founder's quoted words (我们可能是……唯一一家, we may be the only "
    "one): read as a prediction inside an attributed quotation, it scores 0.48 in the article "
    "after the fourteen-article refit, just under the threshold"
)
KNOWN_MISSES = {
    # Session 18's method (the clause margin; the family, belief and forecast cues) was
    # measured on the seed once, after it was final; then this list changed to match, nothing
    # tuned: 一年前…国际前沿 (a ranking, now covered) came off, these two went on.
    # Session 21's refit on twelve dev articles covers two more (the venture-capital what-if
    # and 两年前…国际领先, a ranking); measured once, then taken off this list, nothing tuned.
    # Session 22's refit on fourteen (qingyuan and qichuan added) no longer covers the hedged
    # 唯一一家: measured once, then put on this list, nothing tuned.
    "在战略上坚决聚焦技术,同时组织上,发更多的钱": _VAGUE,
    "连音乐模型现在也是全球三强": _SPELLED,
    (
        '"当这件事发生时,如果你真的相信人工智能,你就应该去做点什么。"闫俊杰在罗永浩的采访中回忆道'
    ): _WHAT_IF,
    "我觉得实际上现在是我们最虚弱的时候": _SAID,
    "我们可能是中国唯一一家,在文本、视频、语音、音乐全模态上都做到国际领先的公司": _HEDGED,
    '"谷歌一定会追上来","他们的TPU,非常值得关注进展"': _SAID,
}


@pytest.mark.parametrize("claim", _seed_claims())
def test_every_seed_claim_is_covered_by_a_candidate(claim: dict[str, Any]) -> None:
    text = (REPO / "seeds" / "minimax-profile.zh.txt").read_text(encoding="utf-8")
    start, end = locate(text, claim["quote"], claim.get("occurrence"))
    hits = [c for c in find_candidates(text) if c.start < end and start < c.end]
    assert hits, f"no candidate overlaps {claim['quote']!r}"


# ---- the arithmetic -----------------------------------------------------------------------


def test_evaluate_counts_by_overlap() -> None:
    positives = [Segment(0, 10), Segment(20, 30), Segment(40, 50)]
    candidates = [Segment(5, 8), Segment(8, 12), Segment(12, 20), Segment(29, 35)]
    q = evaluate(candidates, positives)
    assert (q.candidates, q.positives, q.true_positives, q.found) == (4, 3, 3, 2)
    assert q.precision == 0.75
    assert q.recall == pytest.approx(2 / 3)
    assert q.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_evaluate_edge_cases() -> None:
    assert evaluate([], []).f1 == 1.0
    nothing_found = evaluate([], [Segment(0, 1)])
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (0.0, 0.0, 0.0)
    all_wrong = evaluate([Segment(5, 6)], [Segment(0, 5)])  # touching is not overlapping
    assert (all_wrong.precision, all_wrong.recall) == (0.0, 0.0)
    nested = evaluate([Segment(0, 100)], [Segment(10, 20), Segment(30, 40)])
    assert (nested.precision, nested.recall) == (1.0, 1.0)


def test_locate() -> None:
    assert locate("abcabc", "bc", 2) == (4, 6)
    assert locate("abcabc", "ca") == (2, 4)
    with pytest.raises(ValueError, match="2 times"):
        locate("abcabc", "bc")
    with pytest.raises(ValueError, match="not found"):
        locate("abc", "x")
    with pytest.raises(ValueError, match="out of range"):
        locate("abc", "a", 2)
    with pytest.raises(ValueError, match="empty"):
        locate("abc", "")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "mapping"),
        ({"sentences": [{"text": "a"}]}, "checkworthy"),
        ({"sentences": ["a"]}, "not a mapping"),
        ({"sentences": [{"text": "a", "checkworthy": "yes"}]}, "checkworthy"),
        ({"sentences": [{"text": "a", "checkworthy": True, "occurrence": "1"}]}, "integer"),
        (
            {
                "sentences": [
                    {"text": "ab", "checkworthy": True},
                    {"text": "b", "checkworthy": False},
                ]
            },
            "overlap",
        ),
    ],
)
def test_parse_labels_rejects_bad_files(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_labels("ab. c.", data)


def test_parse_labels() -> None:
    labels = parse_labels(
        "One. Two. One.",
        {
            "sentences": [
                {"text": "One.", "occurrence": 2, "checkworthy": True, "type": "fact"},
                {"text": "Two.", "checkworthy": False},
            ]
        },
    )
    assert labels == [Label(10, 14, True, "fact"), Label(5, 9, False, None)]
