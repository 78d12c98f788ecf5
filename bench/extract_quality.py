"""Precision, recall and F1 of `workbench extract` candidates on the hand-labelled texts.

    python bench/extract_quality.py [--min-score 0.5] [--sets xingheng,yunfan]

Labels live in tests/data/checkworthy/*.labels.yaml (a human reading, see their headers). A
labelled check-worthy sentence is found when a candidate overlaps it; a candidate is right
when it overlaps a check-worthy sentence. "type agrees" compares the suggested type with the
labelled one over the candidates that are right. The last table checks the curated claims in
seeds/minimax-claims.yaml: each should overlap a candidate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.domain.checkworthy import find_candidates  # noqa: E402
from workbench.domain.evaluation import Label, evaluate, locate, parse_labels  # noqa: E402
from workbench.domain.segment import split_sentences  # noqa: E402

# The Chinese dev articles: what the Chinese scoring path may be chosen on. minimax (the seed) and
# the others of HELD_OUT are held out: `--sets dev` measures without reading them. hangyu and mubai
# (session 19) joined after they were measured once as held-out profiles of the session-18 model;
# panchi (a long-form business-journalism profile) and jiwei (an interview-led Q&A), session 21, by
# another hand, after they were measured once with the session-19 model; qingyuan (a founder profile
# in the tech-media long-feature genre) and qichuan (a regional paper's economy page), session 22,
# by another hand, after they were measured once with the session-21 model (0.862/0.926 and
# 0.875/0.971); lanshi (a news report on a company's listing) and heyan (an industry analysis),
# session 23, by another hand, after they were measured once with the session-22 model (0.800/0.896
# and 0.692/0.978); yunjian and tanlu (a founder profile in the tech-media genre and a business
# magazine's company profile), session 24, by another hand, after they were measured once with the
# session-22 model (0.789/0.882 and 0.843/0.946); jinglu (a founder profile in the tech-media
# genre), session 32, after it was measured once with the session-31 model (0.672/1.000); xiyue
# and mingque (founder profiles, an LLM start-up and an automotive-chip start-up), session 40,
# written and labelled blind by two helpers, after they were measured once with the session-39
# model (0.790/0.942 and 0.700/0.933) and once after the first part of session 40's precision
# round, chosen on the other dev articles (0.790/0.942 and 0.709/0.933); yunzhou, hualan (founder
# profiles: a game studio with a Q&A, a tea-drink chain) and jinfeng (a business news report on
# a listed company's results), session 40, written and labelled blind by three more helpers after
# both parts of session 40's precision round were final, and measured once with session 39's
# model, once with the round's first part and once with both (yunzhou 0.754/0.944 each time;
# hualan 0.862/0.965, 0.875/0.965, 0.889/0.965; jinfeng 0.815/0.947, 0.824/0.947, 0.824/0.947);
# tingfeng, baihe (founder profiles: a humanoid-robot start-up, an innovative-drug biotech) and
# yanshan (a news feature with a Q&A on a consumer-drone maker), session 41, written and labelled
# blind by three helpers, measured once with session 40's model and once after the first part of
# session 41's round (chosen on the other dev articles), the same both times (tingfeng
# 0.767/0.982, baihe 0.707/0.964, yanshan 0.732/0.905); chuanyun (a magazine's company profile
# of an auto-parts supplier), songling (a founder profile of a large-model start-up) and beiming
# (a news report on a SaaS fundraise and restructuring), session 41, written and labelled blind
# by three more helpers, measured with session 40's model, during the second part of the round
# and when it was final (chuanyun 0.780/0.969, 0.800/0.969, 0.780/0.969; songling 0.805/0.931,
# 0.814/0.931, 0.805/0.931; beiming 0.838/0.925 each time: the review's mends took back what the
# round's second part had gained on them); luoxia (a financial news report on a listed battery
# maker's results and an exchange's inquiry letter), cuiping (a long-form founder profile of an
# AI-video start-up) and jinghong (a business magazine's feature on a fast-fashion firm's Hong
# Kong IPO filing), session 42, written and labelled blind by three helpers and measured once
# with session 41's model (luoxia 0.851/0.936, cuiping 0.829/0.984, jinghong 0.857/0.938);
# tongyu (a long founder profile of a voice-AI start-up), xuelan (a tech-media profile of a
# pool-robot maker) and moyun (a news report on a dairy's penalty for a failed milk test),
# session 44, written and labelled blind by three helpers and measured once with session 43's
# model (tongyu 0.753/0.880, xuelan 0.776/0.963, moyun 0.853/0.877).
DEV = (
    "xingheng",
    "yunfan",
    "qinglan",
    "chengjing",
    "shenggu",
    "suihe",
    "xingcha",
    "weilan",
    "hangyu",
    "mubai",
    "panchi",
    "jiwei",
    "qingyuan",
    "qichuan",
    "lanshi",
    "heyan",
    "yunjian",
    "tanlu",
    "jinglu",
    "xiyue",
    "mingque",
    "yunzhou",
    "hualan",
    "jinfeng",
    "tingfeng",
    "baihe",
    "yanshan",
    "chuanyun",
    "songling",
    "beiming",
    "luoxia",
    "cuiping",
    "jinghong",
    "tongyu",
    "xuelan",
    "moyun",
)
# The session-67 profiles in the seed's manner (see HELD_OUT's comment); bench/genre_ranking.py
# measures them on their own.
NARRATIVE = (
    "xiguang",
    "shuyu",
    "fangcao",
    "lanting",
    "muge",
    "haiyan",
    "chuyun",
    "songtao",
    "weiming",
)
# The held-out Chinese articles: never tuned on, scored as totals. huaiyin (a results report)
# was written and labelled blind in session 32 with jinglu (a founder profile), by a helper
# that opened no scorer code and ran no scorer; both were scored once with the session-31 model
# (0.866 / 0.934 and 0.672 / 1.000), then jinglu joined the dev articles (above): held-out
# profiles scored lowest, and no dev profile showed why. qiaolin (a financial news report: a
# cement maker's loss, goodwill write-down and qualified audit) and zhuomo (a long founder
# profile of a mobile-game studio) were written and labelled blind in session 44 and read with
# session 43's model (0.846 / 0.900 and 0.850 / 0.893) and with the pairs model that was not
# shipped (0.873 / 0.943 and 0.877 / 0.933, docs/benchmarks.md); they stay held out. jiangyue
# (a long founder profile of a collaborative-robot start-up), lingbo (a magazine profile of an
# outdoor-apparel brand's founder, with a Q&A) and yuqiao (a financial news report: a logistics
# company's inquiry letter, restatement and fine) were written and labelled blind in session 45
# and read once with the shipped model (0.744 / 0.957, 0.807 / 0.972, 0.886 / 0.958) and once
# with the pairs model refitted on the 36 dev articles, not shipped (0.733 / 0.928, 0.820 /
# 1.000, 0.887 / 0.968); they stay held out too. heting (a long founder profile of a
# hearing-aid maker and its fitting stores) was written and labelled blind in session 46 and read
# once with the shipped model (0.870 / 0.904); it stays held out. Nine long-form magazine
# profiles in the seed's manner (mostly scenes, remembered words and the writer's framing,
# checkable facts about one sentence in five) were written and labelled blind in session 67:
# xiguang, shuyu and fangcao, then lanting, muge, haiyan, chuyun, songtao and weiming. Each was
# read with the shipped model, with refits that were not shipped (on the 36 dev articles, and
# with the others of its batch in training) and, at sentence level, by the learnt lexical models
# of bench/genre_ranking.py --lexical (each left out, the other eight in training); see
# docs/benchmarks.md, session 67. All nine stay held out.
HELD_OUT = (
    "minimax",
    "shanye",
    "huaiyin",
    "qiaolin",
    "zhuomo",
    "jiangyue",
    "lingbo",
    "yuqiao",
    "heting",
    *NARRATIVE,
)
# Two founder profiles written and labelled blind in session 32 as a gate: a precision round
# tuned on the dev articles keeps a rule only if these lose no check-worthy sentence by it. Read
# as totals, never opened by whoever writes the rules; once rules have been chosen by them,
# their figures are no longer held-out ones.
GATE = ("yaoguang", "qiaomu")
# Every labelled text: the held-out Chinese articles, the gate, the dev ones, the English text.
SETS = (*HELD_OUT, *GATE, *DEV, "english")


def load(name: str) -> tuple[str, list[Label]]:
    """A labelled set's text and its labels, located in it."""
    data = yaml.safe_load(
        (REPO / "tests" / "data" / "checkworthy" / f"{name}.labels.yaml").read_text("utf-8")
    )
    text = (REPO / data["document"]).read_text(encoding="utf-8")
    return text, parse_labels(text, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=0.5)
    parser.add_argument(
        "--sets",
        default=",".join(SETS),
        help='comma-separated label sets, or "dev" for the Chinese dev articles only',
    )
    args = parser.parse_args()
    names = DEV if args.sets == "dev" else tuple(args.sets.split(","))
    unknown = [name for name in names if name not in SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)} (known: {', '.join(SETS)})")

    header = (
        f"{'set':<9}{'sentences':>10}{'positive':>9}{'cands':>7}{'right':>7}{'found':>7}"
        f"{'precision':>11}{'recall':>8}{'F1':>7}{'type agrees':>13}"
    )
    print(f"min score {args.min_score}")
    print(header)
    print("-" * len(header))
    for name in names:
        text, labels = load(name)
        positives = [lab for lab in labels if lab.checkworthy]
        candidates = find_candidates(text, args.min_score)
        q = evaluate(candidates, positives)
        typed = agree = 0
        for c in candidates:
            for lab in positives:
                if lab.start < c.end and c.start < lab.end and lab.claim_type:
                    typed += 1
                    agree += c.suggested_type == lab.claim_type
                    break
        print(
            f"{name:<9}{len(split_sentences(text)):>10}{q.positives:>9}{q.candidates:>7}"
            f"{q.true_positives:>7}{q.found:>7}{q.precision:>11.3f}{q.recall:>8.3f}{q.f1:>7.3f}"
            f"{f'{agree}/{typed}':>13}"
        )

    claims_file = REPO / "seeds" / "minimax-claims.yaml"
    if "minimax" not in names:
        return
    if not claims_file.exists():
        print(f"\n{claims_file.name}: not present")
        return
    text = (REPO / "seeds" / "minimax-profile.zh.txt").read_text(encoding="utf-8")
    candidates = find_candidates(text, args.min_score)
    claims = yaml.safe_load(claims_file.read_text(encoding="utf-8"))["claims"]
    missed = []
    for claim in claims:
        start, end = locate(text, claim["quote"], claim.get("occurrence"))
        if not any(c.start < end and start < c.end for c in candidates):
            missed.append(claim["quote"])
    print(f"\nseed claims covered by a candidate: {len(claims) - len(missed)}/{len(claims)}")
    for quote in missed:
        print(f"  missed: {quote}")


if __name__ == "__main__":
    main()
