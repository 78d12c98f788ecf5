"""Whether a text says that something did not happen (`denials`): "did not receive any council
funding", "got no money", 未向股东派发股息, 没有一艘邮轮靠泊.

A claim that denies an act and one that asserts it share every name, figure and word but the
negation, and assert opposite facts (see `disagreements`). Only plain negations of an act are
read: a negative that bounds a figure (no more than, not less than, 不超过, 不到), that says
"only" (not only, no other) or "no longer" (an act of its own: stepping down), and the many
Chinese words that hold 不 or 无 without denying anything (不断, 不少, 不良, 无人机), are not.
A negation denies only what it governs, the words after it in its clause: not what is told
after "won't tell you that", nor the claim after a verdict on another one ("Not true: rates
have gone up 17 percent"). A rise or fall among those words ("did not raise", 没有上涨) says
the figure stayed as it was (`UNCHANGED`).

And whether a text speaks of the future (`future`): "will open", "is due to open", 将正式投产,
要新建. Not a plan (a project that "will cost" 1.5 billion euros is most often reworded as its
cost, no future said), but a claim in the future tense says nothing done either: set against
a plan ("plans to spend", 预计投产) it is the same claim (see `disagreements.MODALITY`).

And the stance a text reports (`stances`): for ("support the plan", "back the road", "in favour
of", 支持, 赞成) or against ("oppose", 反对). A poll's 41% for and 41% against share everything
but the stance.
"""

from __future__ import annotations

import re

from workbench.domain.similarity.words import split_words

# The term of a text that denies an act: weighs nothing ("=" terms), compared by
# `disagreements` (a claim with its text and quote holds it when either denies).
NEGATED = "=polarity:not"
# The term of a text whose negation governs a rise or a fall (see `bag`): weighs nothing, read
# by `disagreements` as the figure unchanged ("did not raise its charges": ~flat).
UNCHANGED = "=polarity:unchanged"

# (on normalised, lower-cased text; NFKC keeps the curly apostrophe, so both are read)
_EN_NEGATION = re.compile(
    r"\b(?:not|never|none|neither|nor|cannot|failed\s+to|denied|denies)\b"
    # (a mark or a target missed is one not reached: "missed the national record")
    r"|\b(?:missed|misses)\b"
    # (not "No. 1", "no 41": a number)
    r"|\bno\b(?!\.?\s*\d)"
    r"|\b[a-z]+n['’]t\b"
)
# Negatives that say something else: a bound on a figure, "only", a date, an act of its own.
# "did not exceed $2 million" bounds a figure; "it is not clear whether" denies nothing.
_EN_NOT_NEGATION = re.compile(
    r"\b(?:no|not)\s+(?:more|less|fewer|later|earlier|longer|other|only|least|until|clear)\b"
    r"|\bnone\s+other\b"
    r"|\b(?:not|n['’]t|never)\s+(?:exceed|exceeded|surpass|surpassed|top|topped)\b"
    # "at no charge", "free of charge, no cost to residents": a price of nothing, not a denial
    r"|\b(?:at\s+)?no\s+(?:extra\s+|additional\s+)?(?:charge|cost|fee)\b"
    # "found not guilty" is an acquittal (an act of its own), not a denial
    r"|\bnot\s+guilty\b"
    # "has not been this low for ten years": a record, said as a negation
    r"|\b(?:not|n['’]t|never)\s+(?:been\s+)?(?:this|so|as)\s+(?:low|high|few|many|much|little|"
    r"bad|good|cheap|expensive|warm|cold|wet|dry)\b"
    # "a high not seen since 1988", "a level not seen in decades": a record, said as a negation
    # (of a record's noun only: a minister "not seen in the chamber" was not there)
    r"|\b(?:high|highs|low|lows|level|levels|total|rate|pace|peak|figure|heights|depths)"
    r"\s+(?:not|never)\s+(?:been\s+)?seen\s+(?:since|in|for)\b"
    # "had no choice but to put council tax up": the act done, said as a negation
    r"|\bno\s+(?:other\s+)?(?:choice|option|alternative)\s+but\b"
)
# A denial that says "first" or "most" ("No bank had listed on the exchange before Cobalt
# Street", "No solar farm in the state is bigger than Brightwater", 此前没有一家……) asserts the
# act, of its subject, and is read as no negation.
# (更 only in a comparison, 比……更: not in 变更 or 更新)
_SUPERLATIVE = re.compile(r"\b(?:before|than)\b|之前|以前|此前|比[^，。,;；]{0,12}更")
# 未 but 未来 (the future), 未成年 (minors), 未经审计 (unaudited), 未必 (not necessarily) and the
# bounds 未超过, 未满 (under); 没有 and 没能, not 没 alone (没收: seized); 没有超过 a bound too.
# 不会 (will not) but the bounds 不会超过, 不会低于; 不 right before an act (不裁员, 不涨价), not
# in the many words that hold it (不良, 不断, 不少), nor after 不得 (不得不关闭: had to close).
_ZH_NEGATION = re.compile(
    r"未(?!来|成年|经|必|超过|满)|没有(?!超过)|没能|并非|不是|不曾|否认"
    r"|不会(?!超过|低于|少于|多于)"
    r"|(?<!不得)不(?=裁员|关闭|关停|涨价|降价|提价|上调|下调|派发|分红|出售|收购|减产|停产)"
)


# What a negation governs ends with its clause: at a stop, a colon, a dash, a bracket, a comma
# (not one inside a figure: 1,126) or a word that opens another clause ("did not rise but").
_EN_CLAUSE_END = re.compile(
    r"[;:!?()\"“”—–]|[.,](?!\d)|\s-\s|\b(?:but|while|whereas|although|though|because|which)\b"
)
_ZH_CLAUSE_END = re.compile(r"[，。；：！？,;:!?]")
# A negation of telling what the speaker holds true ("won't tell you that", "did not mention
# how much", "never admitted that", "doesn't want you to know that"): what is told is said, not
# denied, and the text denies nothing of it.
_TOLD_TRUE = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:(?:tell|tells|telling|told)\s+you\b"
    r"|(?:want|wants)\s+you\s+to\s+know\b"
    r"|(?:mention|mentions|mentioned|admit|admits|admitted|acknowledge|acknowledges|"
    r"acknowledged|concede|concedes|conceded|remind|reminds|reminded|points?\s+out|"
    r"pointed\s+out)\b(?=(?:\s+\S+){0,2}?\s+(?:that|how|what|whether|why)\b))"
)
# Any other verb of saying a negation governs ("never said he would raise taxes", "did not
# tell voters that"): the saying is denied, not what is said (no rise denied: see `UNCHANGED`).
_SAYING = re.compile(
    r"\b(?:say|says|saying|said|tell|tells|telling|told|claim|claims|claimed|claiming|know|"
    r"knows|knew|mention|mentions|mentioned|announce|announced|announces|promise|promised|"
    r"promises|pledge|pledged|pledges)\b"
)
# A verdict on something said before, its clause ended and the text going on ("Not true:
# rates have gone up", "That's not right, rents rose"): what follows is the correction, said.
# (at the end of a text, "... is not true", it denies what came before)
_VERDICT = re.compile(r"(?:true|so|right|correct|accurate|the\s+case|fair)")
_VERDICT_THAT = re.compile(rf"^\s*{_VERDICT.pattern}\s+that\b")
# How far a rise or fall may be from its negation and be what it denies (see `UNCHANGED`): "will
# not be raising", "no council tax rise"; 不会上调, 并未出现下降.
_EN_REACH, _ZH_REACH = 5, 8


def _en_governed(text: str, end: int) -> str | None:
    """The words the English negation ending at `end` governs (see above): None when it
    denies nothing ("No, rents rose", "Not true: rents rose", "won't tell you that")."""
    rest = text[end:]
    stop = _EN_CLAUSE_END.search(rest)
    clause = rest[: stop.start()] if stop else rest
    if not clause.strip() or _TOLD_TRUE.match(clause):
        return None
    if stop and _VERDICT.fullmatch(clause.strip()) and rest[stop.end() :].strip():
        return None
    said = _SAYING.search(clause)
    if said:
        clause = clause[: said.start()]
    # ("not true that rates have gone up": what is denied is what follows "that")
    return " ".join(_VERDICT_THAT.sub("", clause, count=1).split()[:_EN_REACH])


def denials(text: str) -> list[str]:
    """The words each negation of `text` (normalised, lower-cased) that denies an act governs
    (see above), "" for one that governs no word of its act; none when it denies none."""
    if _SUPERLATIVE.search(text):
        return []
    out = [
        _ZH_CLAUSE_END.split(text[m.end() : m.end() + _ZH_REACH], 1)[0]
        for m in _ZH_NEGATION.finditer(text)
    ]
    if _EN_NEGATION.search(text):
        plain = _EN_NOT_NEGATION.sub(" ", text)
        governed = (_en_governed(plain, m.end()) for m in _EN_NEGATION.finditer(plain))
        out += [g for g in governed if g is not None]
    return out


# The term of a text in the future tense: weighs nothing, read by `disagreements` only to keep
# a plan and the future apart from nothing (a plan against a fact still costs).
FUTURE = "=tense:future"

# will, would, shall, 'll; is/are (due, going, set) to + a verb (not "due to the rain": a
# cause; not "is to the north"); 将 and 即将 but 将近 (nearly), 将军 and 将领 (generals); 要
# but the words that hold it (主要, 重要, 需要, 只要, 要求). Read only to lift a plan's doubt,
# so a 将 that marks an object (将价格提高) costs nothing.
_EN_FUTURE = re.compile(
    r"\b(?:will|would|shall)\b|['’]ll\b"
    r"|\b(?:is|are|was|were)\s+(?:due\s+|going\s+|set\s+)?to\s+(?!(?:the|a|an|its|their|his|her|"
    r"this|that|these|those|north|south|east|west)\b)[a-z]+"
    r"|\bdue\s+to\s+(?:be|open|start|begin|close|come|run|launch|finish|complete|end|take|go|"
    r"reopen|enter|resume)\b"
)
# 将 after 已 or 曾 marks an object put before its verb in a deed done (已将其出售, 已经将旗下
# 业务出售给: sold it), not the future; alone, 将 with an object (将其出售, 将水价上调至) is as
# often "will" in news, and is read so.
_ZH_FUTURE = re.compile(
    r"(?<!已)(?<!已经)(?<!曾)将(?!近|军|领)|(?<![主重需只想纲摘不])要(?![求素点闻是])"
)


def future(text: str) -> bool:
    """Whether `text` (normalised, lower-cased) speaks of the future (see above)."""
    return _EN_FUTURE.search(text) is not None or _ZH_FUTURE.search(text) is not None


# A stance, for or against: weighs nothing, compared by `disagreements`.
FOR, AGAINST = "=stance:for", "=stance:against"
# (a verb of support before what is supported: not "support" or "backing" as a noun, "came back",
# "state-backed"; 支持 but 支持率 is still for; not 在……支持下, support given)
_EN_FOR = re.compile(
    r"\b(?:support|supports|supported|supporting|back|backs|backed|favour|favours|favoured|"
    r"favor|favors|favored)\s+(?:the|a|an|this|its|their|plans?|proposals?)\b"
    r"|\bin\s+fav(?:ou|o)r\s+of\b"
)
# (not "as opposed to", a comparison: revenue rose 5%, as opposed to 3%)
_EN_AGAINST = re.compile(r"(?<!\bas )\b(?:oppose|opposes|opposed|opposing)\b")
_BACK_AFTER = frozenset(
    split_words(
        "push pushed pushes pushing set sets setting cut cuts cutting scale scaled scales "
        "scaling hold held holds holding come came comes coming bring brought brings bringing "
        "pay paid pays paying roll rolled rolls rolling give gave given gives giving get got "
        "gets getting go went goes going put puts putting call called calls calling turn "
        "turned turns turning fight fought fights fighting win won wins winning play played "
        "plays playing write wrote written writes sent send sends buy bought buys buying "
        "sell sold sells selling move moved moves moving pull pulled pulls pulling fall fell "
        "falls falling step stepped steps stepping take took taken takes taking look looked "
        "looks looking trace traced traces tracing date dated dates dating draw drew drawn "
        "draws drawing claw clawed claws clawing bounce bounced bounces bouncing"
    )
)
# (not support given in kind, a noun: 提供技术支持, 资金支持; not 反对派, the opposition)
_ZH_FOR = re.compile(
    r"(?<!的)(?<!技术)(?<!资金)(?<!政策)(?<!财政)(?<!金融)(?:支持|赞成|拥护)(?!下)"
)
_ZH_AGAINST = re.compile(r"反对(?!派)")


def _last_word(text: str, end: int) -> str:
    # (the 30 characters before: a word longer than that ends no phrasal verb)
    words = text[max(0, end - 30) : end].split()
    return words[-1] if words else ""


def stances(text: str) -> list[str]:
    """The stances `text` (normalised, lower-cased) reports, for and against (see above)."""
    out = []
    if _ZH_FOR.search(text) or any(
        # "back" after a verb it ends ("pushed back the opening", "cut back the service") is
        # no support
        not (m.group().startswith("back") and _last_word(text, m.start()) in _BACK_AFTER)
        for m in _EN_FOR.finditer(text)
    ):
        out.append(FOR)
    if _EN_AGAINST.search(text) or _ZH_AGAINST.search(text):
        out.append(AGAINST)
    return out
