"""Meaning-bearing terms of a claim, and how much two claims share them.

"Checked before?" compares a claim with every earlier one. Raw edit distance calls two claims
alike when they share many letters; a reworded claim shares few letters but the same *terms*:
the same numbers, names and key words. So each claim (its text and its quote together) becomes a
bag of terms:

- numbers, read whatever their form and turned into one value: "7", "七" and "seven" are `#7`;
  "1500万", "一千五百万", "15 million" and "15m" are `#15000000`; "3.9亿" is `#390000000`,
  and so are 3.9億 (traditional) and 叁亿玖仟万 (capital numerals: `numerals`);
  一九五二年 is `#1952`, 2023-24 and 2023/24 are `#2023` and `#2024`, "before 2027" is the
  end of 2026; a fraction is its percentage (a third, 三分之一, 七成: `#33`, `#70`
  and `~percent`) and a ratio one figure (十七比一, 17:1: `#17:1`); every figure of 10 or more
  also gives its value to two significant figures (1.98 million: `≈2000000`), and a hedged
  figure or a range only that (nearly two million, 近50亿, between 10 and 12 million:
  `#≈2000000`, `≈2000000`), with `=bound:below:` or `=bound:above:` and the figure stated
  after nearly or more than (more than 287,000: `=bound:above:287000`);
- before they are read, quantities a rewording gives in another shape are restated in one
  (`quantities`): "three years and nine months", "3y 9m" and 45 months are 3.75 years, 四年半
  4.5年; "the 200m butterfly" and "cleared 1.97m" are metres, not millions (1米97: 1.97米); a
  crop's yield is per hectare (3.6 tonnes an acre, 亩产685公斤: kg/ha); speeds are converted
  as lengths and masses are (98 mph, 158 km/h, 45米/秒, 时速162公里); the ends of a range (18 to
  24 months), an age (24-month-old) and money (£2m) are left as they are;
- concepts from a small bilingual table of common news words, so "首个", "第一个" and "first"
  are all `~first`, "美金", "美元", "$" and "dollars" are `~usd`, "7年" and "seven years" both
  hold `~year`;
- English words, lower-cased, with common endings cut and function words dropped;
- Chinese, which has no spaces, as overlapping character pairs (商汤科技: 商汤 汤科 科技), but
  for a province's name that straddles two words (中山东路 holds no 山东);
- names marked as such: capitalised English words that are plainly names (Kestrel Air, Dublin;
  at the start of a sentence, one with capitals inside: OpenAI, MiniMax), any other capitalised
  word a sentence opens with as a lead (Tencent was valued...: `=lead:tencent`, a name only
  against a name of the other claim), the name a Chinese text or quote opens with
  (星衡储能2023年...: 星衡), a Chinese name anywhere before a kind of body or after a post
  (被鹊岩天文台……发现, 原副市长祁守正: 鹊岩, 祁守) and China's provinces wherever they are
  named (宁夏), as `@kestrel`, `@星衡`, `@宁夏`; a claim with Chinese text is marked `%`, and
  the Latin names its Chinese text gives `%brightfield`;
- what a figure counts, the word after it or its Chinese classifier (6,500 masts: `^mast`;
  650家: `^家`), when the concept table does not say it already;
- numbers that label a thing (Line 3, 3号线, the second runway: `=label:line:3`), periods within
  a year (March, 三季度, the first half: `=period:m3`, `=period:q3`, `=period:h1`), the end of
  one (年底, the end of June, before July: `=period:e12`, `=period:e6`) and the kind
  of body or area a name is (University, 银行, Province: `=org:university`, `=org:bank`,
  `=org:province`; the kind after a name is no name: Qiaonan Province and Henggao Univ. are
  `@qiaonan` and `@henggao`);
- the name a Chinese text opens with and the kind after it (曜川储能: `=named:曜川`,
  `=kind:储能`), the owner of a claim's subject (Pendry Bank's rival Corrie Bank: `=of:pendry`;
  and the place a neighbour borders, "Tingshi, next to Lanxi", 与岚溪相邻的汀石: `=of:lanxi`),
  a Chinese place after 在 or 于 (在无锡创办: `=place:无锡`), a sum of money (`^money`) and the
  kind of quantity a unit gives (38公里: `^dim:length`);
- a figure in a unit in its kind's unit, exactly and roughly (27 million m3 and 27 billion
  litres: `#vol:27000000000`, `≈vol:27000000000`; 2,300 tonnes and 230万公斤: `#mass:2300000`),
  and a figure given as a percentage (94%: `=pct:94`);
- the pinyin of each Chinese name (`=py:青岚:qinglan`), so that the name and the same name written
  as an English word count as one term (see `scripts.pinyin_ties`);
- who buys and who sells in a deal (sold to Lorimer, Lorimer bought; 出售给麦垄, 从星槎购入; a
  player who joined a club for a fee, 加盟 with a 转会费:
  `=buys:lorimer`, `=sells:白桦`), who won a match (负于赤隼: `=wins:赤隼`), who pays whom under
  an order (`=pays:canglu`, `=paid:yunlu`), and a body under its owner's own name
  (澄岭汽车旗下澄岭新能源: `=sub:新能`);
- what a price is per (每斤, per kg: `=label:per:jin`), the period a rate is given per (a year,
  每月: `=per:year`, `=per:month`), what a sum is spent on (spent £2m on street lighting, 用于
  研发: `=for:light`, `=for:street`, `=for:研发`), and the figures an average is said of,
  those of its clause (人均超过16万元: `=avg:#160000`, `=avg:≈160000`);
- a part or relative of what a claim names (Ravensmoor University's library, 祁慕言的父亲:
  `=part:library`, `=part:father`);
- products and kinds of one measure (fridges, rice, gin, 常住 population: `=product:fridge`),
  but the product a Chinese name's kind names when the claim names another (鸣泉啤酒's 饮料:
  no beer).

Terms are weighted by rarity over the claims compared (TF-IDF: a term every claim has says
nothing; a name or a figure only two claims share says a lot), numbers and concepts count
double, and two claims score the cosine of their weighted bags, 0 to 1, lowered as far as the
concepts that say what they are about differ, and lowered again when each claim names someone
or something (or a province) the other does not (a place and its adjective, Midwest and
Midwestern, are one: see `demonyms`; so are a name in one word and in two, OpenAI and Open AI; a
lead counts against a name: OpenAI against Tencent), gives a measure the other does not (a
recall, a sale, masts; less when only one claim gives one of the table) or a year the other does
not, when one is wholly English and names only in Latin script, the other only in Chinese, and
nothing else ties them, when they give two acts of one direction that are two facts (hired
pilots, ordered planes), when their acts are opposite (opened against closed, rose or "9%
more" against fell or "9% less", signed against vetoed, hired against laid off, ordered
or opened against cancelled or suspended, appointed against resigned or 不再担任), when one
denies what the other asserts (did not pay, 未派发, missed the record; a negation denies only
what its clause says after it, not what "she won't tell you that" tells nor what follows "Not
true:"), when one gives a figure per person, per day or on average and the other a total (an
average said of a figure the other gives, or of one it gives in no form when they share none;
not a whole place's average rate, "the national average of 4.1%", against a claim that gives
that place's rate, "4.1% nationally"), when they give two days of
a month or two places in a ranking (No. 41, 排名第2位), when only one says it was put off
(推迟, delayed) or that a post was held once (former, "used to chair", 曾任, 原市长), when one
says nearly a figure and the other more than it (or a figure on the wrong side of it: more
than 200 million, 198 million; "no more than" and 未达到 are below), when they share no figure
even rounded (a figure said roughly or bounded meets an exact one within a tenth of it, on the
bound's side: about 30%, 31%; more than nine in ten, 92%),
when one gives a share and the other a change by as much, when one is a plan, target or
forecast and the other a fact (aimed to deliver, delivered; not when the fact speaks of the
future: will invest, 将投产), when one reports support and the other opposition, when one says a
post was left (resigned, lost the vote) and the other names it held, when
each gives a sum in a currency the other does not (US$, pounds; 美元, 元), when a
Latin name is neither the pinyin nor a translation of the other's Chinese name (Xinggang
against 澜汐; Singing Sand is 鸣沙, see `domain.glosses`), when each labels
a thing of one kind by another number (Line 5, 3号线), gives another period (March, October;
an end agrees with the periods that end then: the end of 2025, the fourth quarter) or
kind of body (bank, securities house), when the same two parties have their roles swapped (A
bought B, B was taken over by A), when one gives a half or quarter and the other only the
year, when an English text's Latin names spell no pinyin of a Chinese text's opening name,
when each gives another Chinese place or another kind after one Chinese name, or another
country (Vietnam, 马来西亚: `=country:vietnam`), when one says only home and the other only
abroad (or home games and away games), when one party buys in one claim and sells in the
other (or the same two parties each buy, or each loses), when one says a bid was refused and
the other that the deal was done, when one is about a body under its owner's name and the
other about the owner, when one is about a part or relative of what the other names (its
library, her father) and the other says no word of it, when each names another product (or
kind of one measure: solar and wind, buses and the metro, stents and bypasses), when one moves
the other way on a scale (from class IV to class II, 由二类下降至四类: `=scale:4>2`), when one
gives a total over a span of years (2021年至2025年, in the five years to 2023: `=span:years`) and
the other one year, when one says what a project ran over its budget (超支) and the other what it
cost, or what a party sued for (索赔) and the other what it was ordered to pay, when one gives a
change on the year before (同比) and the other on the month before (环比, 比上月), when they
give a figure they share per another period (a year, 每月) or spend it on things the other never
names (social care, road upkeep; 卫生, 教育), when one builds what the other
pulls down or closes, or, by less, when only one says what it counts was closed or pulled
down, or gives as a percentage a figure the other gives as a count: the same figure about
another subject is another claim (see `similarity`; `explain` lists the reasons of a score).

Pure functions: the index that keeps these bags for a database lives in the services.

The package, by what each module holds: `figures` (numbers in any form), `numerals`
(traditional and capital Chinese numerals in plain ones), `concepts` (the
bilingual table), `words` (stop words, stems, normalisation), `naming` (names), `roles` (the
owner of a subject, the actor, the kind after a Chinese name), `measures` (what a figure
counts), `labels` (labels, periods, kinds of body, Chinese places), `bag` (the terms of a text
and of a claim), `weighting` (TF-IDF, cosine, subject), `kinds` (a claim's terms by kind),
`scripts` (names across scripts), `demonyms` (a place and its adjective), `shares`
(fractions and ratios), `polarity` (a text that denies an act), `positions` (days of a month,
places in a ranking), `trades` (who buys and who sells), `results` (who won a match, who
pays whom), `rates` (the period a rate is given per), `spending` (what a sum is spent on),
`disagreements` (the checks that keep near-misses apart) and `scoring` (`similarity`,
`explain`). This module gives the names callers use.
"""

from __future__ import annotations

from workbench.domain.similarity.bag import MAX_TERM, claim_terms, terms
from workbench.domain.similarity.naming import names
from workbench.domain.similarity.scoring import Explained, explain, similarity
from workbench.domain.similarity.weighting import (
    cosine,
    document_frequencies,
    idf,
    subject,
    weigh,
)

__all__ = [
    "MAX_TERM",
    "Explained",
    "claim_terms",
    "cosine",
    "document_frequencies",
    "explain",
    "idf",
    "names",
    "similarity",
    "subject",
    "terms",
    "weigh",
]
