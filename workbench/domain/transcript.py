"""Transcripts: documents written as `SPEAKER: text` lines (a debate, an interview, a hearing).

A *speaker line* starts (after any indentation) with a name, then a colon, ASCII `:` followed by
a space or the end of the line, or the full-width `：`; what follows the colon is what the
speaker said, possibly nothing (`TRUMP:` on a line of its own, the speech on the next lines). A
name is short (at most 40 characters) and looks like one:

* Latin: one to five words, each starting with a capital letter (`TRUMP`, `Lester Holt`,
  `MR. SMITH`, `Sen. Warren`, `Q`), with the lower-case particles of names between them
  (`Charles de Gaulle`);
* Chinese: one to eight Chinese characters, `·` allowed (`主持人`, `闫俊杰`, `问`), but not a
  phrase that ends in a verb of saying (`他说：` and `张三表示：` introduce a quotation in prose).

A role may end in a number of up to three digits, as programmes and transcription tools tell
speakers apart (`Caller 1`, `Speaker 2`, `SPEAKER_00`, `嘉宾2`; see `_NUMBERED_ROLES`); other
numbered words name no one (`Claim 1:`, `Footnote 1:`, `谣言1：`), nor a Latin word glued to its
number (`Q1:` and `H2:` are quarters and halves of a year). A time before the name, as
transcription tools write it (`[00:01:12] TRUMP:`, `01:12 Caller 1:`), is part of the prefix, and
so is a time in brackets before or after the colon (`Speaker 1 (00:01):`, `SMITH [00:01:02]:`,
`Chris Wallace: (00:12)`, as Rev writes them). Otter's `John Smith  0:00` (a name and a time
alone on a line, the speech below) and WebVTT's `<v Smith>` open a turn too.

A name may carry its part or party in brackets (`MODERATOR (Dana Whitfield)`, `SEN. MARY
OKAFOR (D-OH)`, `主持人（王小丫）`: a Chinese one only when it is a role) or its role after a
comma (`DANA WHITFIELD, MODERATOR`, `王小丫，主持人`); the speaker is the person's name (Dana
Whitfield, SEN. MARY OKAFOR, 王小丫), the part left out. A dateline is a label
(`WASHINGTON (Reuters):`, `北京（记者 张三）：`).

Labels that are not speakers never are, whatever their case: `Note:`, `Source:`, `Update:`,
`Subject:`, `注：`, `来源：`, `编者按：`... (see `_NOT_SPEAKERS`). Nor is a line with nothing
before its colon (`: text`), a prefix with another digit or other punctuation in it (`10:30`,
`http://`, `1. Intro:`, `2023 results:`), or a longer phrase (`The answer is simple: ...`).

A speaker line opens a *turn*; the lines after it that are not speaker lines continue the turn
(a speech of several paragraphs). Text before the first speaker line has no speaker, and nor
has a label line (`Note: ...`, `Source: ...`) or what follows it up to the next speaker line:
an editor's note inside a transcript is nobody's speech, and no speaker is better than a wrong
one on a claim. A label stays part of the text (it is not a speaker's name to leave out).

Whether a document is a transcript (`read_transcript`): with `mode="on"` it is, and must have a
speaker line; with `"off"` it is not; with `"auto"` (the default) it is when at least half of
its non-empty lines are speaker lines and some speaker takes two turns or more. Half the lines:
prose with an odd `Note:` or a `He said: ...` line is not a transcript. Two turns: a dialogue
comes back to someone, while a block of `Name: ... / Date: ... / Place: ...` fields does not.
A transcript written with the speech on the lines below each name falls short of half and is
read with `mode="on"`.

`Transcript.masked` is the text with every speaker prefix (`TRUMP: `) replaced by a newline and
spaces of the same length: offsets are unchanged, each turn becomes a block of its own (the
newline makes a blank line with the one before), so no sentence, quotation or candidate runs
from one speaker into the next and no span holds a speaker's name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.cjk import is_han
from workbench.domain.errors import InvalidInput
from workbench.domain.rebuild import by_fields
from workbench.domain.segment import STAGE_DIRECTIONS, as_lines

SPEAKER_MODES = ("auto", "on", "off")

# A line's prefix up to its first colon: ASCII `:` only before a space or the line's end (so
# `http://x` and `10:30` never qualify), or the full-width `：`.
# Possessive (*+): the runs of spaces never give any back (the name after them cannot start
# with one, nor can the colon after the name be one); tried every way, a line of a few thousand
# spaces cost seconds, and `doc update` reads the speaker lines of every text (revisions).
# A time before the name, as transcription tools write it (`[00:01:12] TRUMP:`, `01:12 Caller 1:`,
# `(00:12.5) 主持人：`), is part of the prefix: left out with the name.
_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?"
# (`00:03:00 - JONES:`: a dash may follow it; 【00:01:02】张伟：, in full-width brackets)
# (in brackets, a name may follow at once: 【00:01:02】张伟; bare, after a space: 12:30PM is no
# time and a name)
_AT = rf"(?:(?:[\[(【]{_TIME}[\])】][^\S\n]*+|{_TIME}[^\S\n]++)(?:[-–—][^\S\n]++)?)?+"
# Between the name and the colon, a time in brackets, as Rev writes it (`Speaker 1 (00:01):`,
# `SMITH [00:01:02]:`); after the colon too (`Chris Wallace: (00:12)`, the speech on the next
# line). Each is part of the prefix. (Bare after the colon, `TRUMP: 10:30 is when...` may be
# speech.)
_AT_NAMED = rf"(?:[\[(【]{_TIME}[\])】][^\S\n]*+)?+"
_AT_AFTER = rf"(?:[\[(【]{_TIME}[\])】](?=[^\S\n]|$)[^\S\n]*+)?+"
_PREFIX = re.compile(
    rf"^([^\S\n]*+){_AT}([^\n:：]{{1,40}}?)[^\S\n]*+{_AT_NAMED}(?::(?=[^\S\n]|$)|：)"
    rf"[^\S\n]*+{_AT_AFTER}",
    re.M,
)
# Otter writes a speaker's name and a time alone on a line, the speech below, without a colon
# (`John Smith  0:00`); a WebVTT cue names its voice in a tag (`<v Smith>We cut taxes.`).
# Otter's line needs its spacing (two spaces or a tab) and a line of text right below it; then
# `_otter_name` and `_speech_after` tell it from a row of an agenda (`Break  10:30`) or of race
# results (`Mo Farah  27:30`).
_NAME_TIME = rf"([^\n:：<]{{1,40}}?)(?:  |\t)[^\S\n]*+{_TIME}[^\S\n]*+"
_NAME_AND_TIME = re.compile(rf"^([^\S\n]*+){_NAME_TIME}\n(?=[^\S\n]*+\S)", re.M)
_NAME_AND_TIME_ROW = re.compile(rf"[^\S\n]*+{_NAME_TIME}")  # a line of nothing else
# A subtitle cue's timing line (SRT's `00:00:01,000 --> 00:00:04,000`, WebVTT's with its
# settings after it) says when words were spoken: no one's words (see `nonclaims`), and no
# line of the text when a transcript is told from prose, nor is a cue's number alone on its line.
# (after the times, only WebVTT's settings: `align:start position:10%`)
CUE_TIMING = re.compile(
    rf"^[^\S\n]*+{_TIME}[^\S\n]*+-->[^\S\n]*+{_TIME}(?:[^\S\n]++[a-z]++:[^\s]++)*+[^\S\n]*+$",
    re.M,
)
_CUE_NUMBER = re.compile(r"^[^\S\n]*+[0-9]{1,6}[^\S\n]*+$", re.M)
_VOICE = re.compile(r"^([^\S\n]*+)<v(?:\.[^\s>]{1,40})?[^\S\n]++([^\n<>]{1,40})>[^\S\n]*+", re.M)
_PARTICLES = "de|da|di|du|del|della|der|den|van|von|la|le|bin|al|el|y"


def _latin_class(upper: bool) -> str:
    """A regex class of the Latin letters, accented ones too (Latin-1 to Extended-B and Latin
    Extended Additional: RAMÍREZ, Muñoz, Nguyễn, ØSTERGAARD), capitals only if `upper`: a
    speaker's name in ASCII letters only put trial52's RAMÍREZ's words under the moderator's."""
    letters = [
        chr(c)
        for lo, hi in ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
        for c in range(lo, hi + 1)
        if chr(c).isalpha() and (chr(c).isupper() or not upper)
    ]
    runs: list[list[str]] = []  # [first, last] of each run of consecutive letters
    for ch in letters:
        if runs and ord(runs[-1][1]) == ord(ch) - 1:
            runs[-1][1] = ch
        else:
            runs.append([ch, ch])
    return "[" + "".join(a if a == b else f"{a}-{b}" for a, b in runs) + "]"


_LATIN_CAPITAL = _latin_class(upper=True)
_LATIN_LETTER = _latin_class(upper=False)[1:-1]
_CAP_WORD = rf"{_LATIN_CAPITAL}[{_LATIN_LETTER}'’\-]*\.?"
_LATIN_NAME = re.compile(rf"{_CAP_WORD}(?:[^\S\n]+(?:{_CAP_WORD}|(?:{_PARTICLES}))){{0,4}}")
_CHINESE_NAME = re.compile(r"[\u4e00-\u9fff·]{1,8}")
# A speaker told apart by a number, as programmes and transcription tools write them: `Caller 1`,
# `Speaker 2`, `SPEAKER_00`, `Unidentified Speaker 3`, `嘉宾2`, `现场观众 3` (digits full-width or
# not). Only a role that is told apart so (`_NUMBERED_ROLES`, the last word of a Latin name, the
# end of a Chinese one): numbered, most words are no one (`Claim 1`, `Figure 2`, `Footnote 1`,
# `Windows 10`, `谣言1`, `图表1`), and a Latin name stands apart from its number (`Q1`, `H2`:
# quarters and halves of a year).
_NUMBERED_LATIN = re.compile(r"(.+?)[ _][0-9０-９]{1,3}")
_NUMBERED_CHINESE = re.compile(r"([\u4e00-\u9fff]{1,8}?) ?[0-9０-９]{1,3}")
_SAYS = re.compile(r"(?:说|道|表示|称|指出|认为|强调|透露|坦言|写道|问道)$")
_NON_EMPTY = re.compile(r"^[^\S\n]*\S", re.M)
# A line that is one bracketed note and nothing else (no bracket inside it).
_NOTE_LINE = re.compile(
    r"^[^\S\n]*+(?:\[[^\n\[\]]*\]|［[^\n［］]*］|\([^\n()]*\)|（[^\n（）]*）)[^\S\n]*+$", re.M
)


# Labels of prose, headers and notes: words that stand before a colon and name no one.
def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_NOT_SPEAKERS = _words(
    """note notes nb ps p.s pps source sources warning caution important tip tips update
    updated correction corrections disclaimer example examples summary abstract keywords
    tags tag date time place location title subject from to cc bcc re fw fwd attachment
    attachments author by editor credit credits photo image caption figure table step
    result results conclusion conclusions reference references see also
    edit transcript"""
) | _words("注 注意 备注 附注 来源 出处 编者按 按 提示 摘要 关键词 标题 原标题 日期 时间 地点")
_NOT_SPEAKERS |= _words("作者 责编 图 表")
# A Chinese article's credits, which close an interview as often as they close a report
# (责任编辑：王丽 was its last speaker, trial81).
_NOT_SPEAKERS |= _words(
    "责任编辑 本期编辑 值班编辑 编辑 主编 审核 校对 整理 撰文 采写 文字 图文 摄影 摄像 美编 制图"
    " 翻译 编译 稿源 出品 监制 策划 统筹"
)
# A Chinese label that says when or where (采访时间, 发布地点, 会议日期, 通讯地址): an interview's
# header names its setting so, and no person's name ends in these words (trial81: 采访时间 was
# the speaker of the header's date, and accepted as a claim's).
_SETTING_LABEL = re.compile(r"[\u4e00-\u9fff]{0,6}(?:时间|日期|地点|地址)")
# A fact-check's own layout: the claim, its rating, what is true.
_NOT_SPEAKERS |= _words("claim rating verdict fact myth truth 谣言 真相 辟谣 结论 事实 评级")
# The roles a programme or a transcription tool numbers its speakers by (see `_NUMBERED_LATIN`).
_NUMBERED_ROLES = _words(
    """speaker caller guest juror witness participant respondent interviewee panelist
    panellist member voice student delegate questioner person man woman voter resident
    patient user customer officer attendee audience host reporter"""
) | _words(
    "嘉宾 观众 听众 记者 网友 专家 发言人 说话人 受访者 参会者 与会者 代表 委员 证人"
    " 市民 村民 居民 学生 患者 用户 主持人 提问者 男 女"
)


_ZH_ROLES = tuple(sorted(r for r in _NUMBERED_ROLES if not r.isascii()))


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker line: its prefix is `text[start:body]` (name, colon and the spaces after it);
    what the speaker says starts at `body`. A label line is a turn of no speaker, with nothing
    to leave out (`body == start`)."""

    start: int
    body: int
    speaker: str | None

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are


def _is_label(prefix: str) -> bool:
    name = " ".join(prefix.split())
    # `Note (editor):` and `Source, Reuters:` are labels too (see `_qualified_speaker`).
    bracketed = _QUALIFIED.fullmatch(name)
    if bracketed is not None:
        if _dateline(bracketed.group(2)):
            return True
        name = bracketed.group(1)
    name = name.split(",")[0].split("，")[0].strip()
    return (
        name.casefold().rstrip(".") in _NOT_SPEAKERS or _SETTING_LABEL.fullmatch(name) is not None
    )


# A name with its part or party in brackets, as broadcasters write them (`MODERATOR (Dana
# Whitfield)`, `SEN. MARY OKAFOR (D-OH)`, `Dana Whitfield (moderator)`, `主持人（王小丫）`), and a
# name with its role after a comma (`DANA WHITFIELD, MODERATOR`, `王小丫，主持人`). Unread, such a
# line continued the turn before it, and the moderator's words were the last speaker's
# (trial47b). The speaker is the person's name, the role or party left out, so that one person
# is one speaker however the label gives their part (trial47c).
_QUALIFIED = re.compile(r"(.+?)[^\S\n]*+[(（]([^()（）\n]{1,30})[)）]")
_WITH_ROLE = re.compile(r"([^,，\n]+)[,，][^\S\n]*+([^,，\n]+)")
# The parts a programme names before or after a person's name.
_ROLES = frozenset(r for r in _NUMBERED_ROLES if r.isascii()) | _words(
    """moderator anchor presenter interviewer narrator chair chairman chairwoman chairperson
    announcer commentator correspondent"""
)
# What a dateline's brackets hold (`WASHINGTON (Reuters):`, `北京（记者 张三）：`): a news
# agency or a reporter, never a speaker's part.
_AGENCIES = _words("reuters ap afp bloomberg xinhua upi dpa efe ansa kyodo tass yonhap")
_DATELINE_ZH = re.compile("记者|通讯员|电|报道|新华社|中新社")


# What a role's brackets hold that names no one: how the line is spoken (trial49: 主持人（插话）
# was the speaker 插话, "interjecting"). The role is the speaker then.
_STAGE_DIRECTIONS = STAGE_DIRECTIONS


def _dateline(part: str) -> bool:
    words = {w.strip(".").casefold() for w in part.replace("/", " ").split()}
    return bool(words & _AGENCIES) or _DATELINE_ZH.search(part) is not None


def _is_role(word: str) -> bool:
    return word.casefold().rstrip(".") in _ROLES or word in _ZH_ROLES


def _qualified_speaker(name: str) -> str | None:
    """The person a label with their part in brackets or their role after a comma names (see
    `_QUALIFIED`): a role's bracket names the person (`MODERATOR (Dana Whitfield)`: Dana
    Whitfield), a person's bracket their part or party (`SEN. MARY OKAFOR (D-OH)`: SEN. MARY
    OKAFOR); None for any other label. A Chinese word before brackets only when it is a role
    (as often it is a place, as in a dateline); a bracket of words (`Total (2023)` is a
    table's row); after a comma, a name of two words or more, or a Chinese name, and a role
    (`Yes, Senator` is an answer; `Mr. President, Madam Speaker` an address)."""
    bracketed = _QUALIFIED.fullmatch(name)
    if bracketed is not None:
        base, part = (p.strip() for p in bracketed.groups())
        if not any(ch.isalpha() for ch in part) or _dateline(part):
            return None
        if (
            _is_role(base)
            and (_LATIN_NAME.fullmatch(part) or _CHINESE_NAME.fullmatch(part))
            and part.casefold() not in _STAGE_DIRECTIONS
        ):
            return part
        return base if _LATIN_NAME.fullmatch(base) is not None or base in _ZH_ROLES else None
    with_role = _WITH_ROLE.fullmatch(name)
    if with_role is None:
        return None
    person, role = (p.strip() for p in with_role.groups())
    if not _is_role(role):
        return None
    latin = " " in person and _LATIN_NAME.fullmatch(person) is not None
    chinese = _CHINESE_NAME.fullmatch(person) is not None and person not in _ZH_ROLES
    return person if latin or chinese else None


def _speaker(prefix: str) -> str | None:
    name = " ".join(prefix.split())
    if not name or _is_label(name):
        return None
    if _named(name):
        return name
    if (person := _qualified_speaker(name)) is not None:
        return person
    # A numbered speaker: a role that programmes and transcription tools number.
    latin = _NUMBERED_LATIN.fullmatch(name)
    if latin is not None and _LATIN_NAME.fullmatch(latin.group(1)):
        role = latin.group(1).split()[-1].casefold().rstrip(".")
        return name if role in _NUMBERED_ROLES else None
    chinese = _NUMBERED_CHINESE.fullmatch(name)
    if chinese is not None and chinese.group(1).endswith(_ZH_ROLES):
        return name
    return None


def _speech_after(text: str, at: int) -> bool:
    """Whether the line at `at` is speech, not another name and time: the rows of a timetable
    or of race results (`Mo Farah  27:30`) each have one below them."""
    end = text.find("\n", at)
    return _NAME_AND_TIME_ROW.fullmatch(text, at, len(text) if end < 0 else end) is None


def _otter_name(name: str) -> bool:
    """A name as Otter writes one above a speech: a person's of two words or more (`John
    Smith`), a numbered role (`Speaker 1`) or a Chinese name; not one word (`Break`, `Lunch`)."""
    return " " in name or not name.isascii()


def _named(name: str) -> bool:
    """Whether `name` (spaces collapsed) looks like a person's or a role's name."""
    if _LATIN_NAME.fullmatch(name):
        return True
    return _CHINESE_NAME.fullmatch(name) is not None and (len(name) == 1 or not _SAYS.search(name))


def _lines(text: str) -> list[Turn]:
    """Every speaker line and label line of `text`, in document order (its lines broken by
    any of `segment.LINE_BREAKS` as by LF: a debate pasted with Word's manual line breaks)."""
    text = as_lines(text)
    turns: list[Turn] = []
    for m in _PREFIX.finditer(text):
        # (A turn starts at its time, if the line gives one: the time is no one's words.)
        name = _speaker(m.group(2))
        if name is not None:
            turns.append(Turn(m.end(1), m.end(), name))
        elif _is_label(m.group(2)):
            turns.append(Turn(m.end(1), m.end(1), None))
    others = [
        Turn(m.end(1), m.end(), name)
        for pattern in (_NAME_AND_TIME, _VOICE)
        if "<v" in text or pattern is _NAME_AND_TIME  # (no tag, no search: most texts)
        for m in pattern.finditer(text)
        if (name := _speaker(m.group(2))) is not None
        and (pattern is _VOICE or (_otter_name(name) and _speech_after(text, m.end())))
    ]
    if others:
        # (A line is one or the other: a colon ends neither of these two.)
        turns = sorted([*turns, *others], key=lambda t: t.start)
    return _one_name_each(turns)


def _one_name_each(turns: list[Turn]) -> list[Turn]:
    """The turns, a label that gives a person's surname alone (`WHITFIELD:`) named as the one
    label of the document that gives that surname in full (`MODERATOR (Dana Whitfield):`, read
    as Dana Whitfield): one person, not two speakers, and the name published as the claim's
    author is the full one (session 48 left them two). Not when two full names share the
    surname (JOHN SMITH and JANE SMITH: which is SMITH?), nor for a role (`Speaker 1` is no
    surname of `SPEAKER`)."""
    full: dict[str, dict[str, str]] = {}
    for t in turns:
        words = (t.speaker or "").split()
        if len(words) >= 2 and _surname(words[-1]) is not None and not _is_role(words[-1]):
            spelled = full.setdefault(words[-1].casefold(), {})
            spelled.setdefault(" ".join(words).casefold(), " ".join(words))
    if not full:
        return turns
    named = []
    for t in turns:
        key = _surname(t.speaker or "")
        spellings = full.get(key or "", {})
        if len(spellings) == 1:
            t = Turn(t.start, t.body, next(iter(spellings.values())))
        named.append(t)
    return named


def same_label_person(a: str, b: str) -> bool:
    """Whether two speakers a transcript's labels gave one line name one person as labels
    name them: one of them a surname alone and the other a full name ending in it (WHITFIELD,
    Dana Whitfield). `_one_name_each` reads a surname alone as the document's one full name of
    it, so a revision that adds another full name of the surname (JANE WHITFIELD) turns an
    untouched line's speaker back to the surname: no one else's line (review55)."""
    one, other = sorted((a.split(), b.split()), key=len)
    return len(one) == 1 and len(other) >= 2 and one[0].casefold() == other[-1].casefold()


def _surname(word: str) -> str | None:
    """`word` casefolded as a surname of Latin letters (Whitfield, O'Brien, Núñez), else None."""
    bare = word.replace("'", "").replace("’", "").replace("-", "")
    return word.casefold() if bare.isalpha() and not any(map(is_han, bare)) else None


def speaker_lines(text: str) -> list[Turn]:
    """Every speaker line of `text`, in document order."""
    return [t for t in _lines(text) if t.speaker is not None]


@dataclass(frozen=True, slots=True)
class Transcript:
    """A document read as speaker turns."""

    text: str
    turns: tuple[Turn, ...]
    # Where each turn starts, for bisection: built once, not per candidate (a debate has
    # thousands of turns and candidates).
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(t.start for t in self.turns))

    @property
    def masked(self) -> str:
        """The text with each speaker prefix turned into a newline and spaces, and each WebVTT
        closing tag `</v>` into spaces (same length)."""
        text = as_lines(self.text)  # its lines as `_lines` read them
        parts: list[str] = []
        at = 0
        for t in self.turns:
            if t.speaker is None:
                continue
            parts.append(text[at : t.start])
            parts.append("\n" + " " * (t.body - t.start - 1))
            at = t.body
        parts.append(text[at:])
        masked = "".join(parts)
        # A WebVTT voice's closing tag is no one's words either (`<v Smith>We cut taxes.</v>`).
        return masked.replace("</v>", "    ") if "</v>" in masked else masked

    @property
    def note_lines(self) -> tuple[tuple[int, int], ...]:
        """Where each line that is one bracketed note and nothing else starts and ends: the
        transcriber's words, not a speaker's: a header (`[Transcript: Second debate, October
        14, 2025]` scored 0.86 and was accepted as a claim in trial52), a stage direction on
        a line of its own (`[applause]`, `(Laughter.)`). Still read as lines (training read
        CheckThat!'s `(APPLAUSE)` rows as lines, and a line's neighbours are its context), but
        never offered."""
        text = as_lines(self.text)
        if "[" not in text and "(" not in text and "［" not in text and "（" not in text:
            return ()
        return tuple((m.start(), m.end()) for m in _NOTE_LINE.finditer(text))

    @property
    def label_starts(self) -> tuple[int, ...]:
        """Where each label line's label starts (`Note:`, `注：`), in document order."""
        return tuple(t.start for t in self.turns if t.speaker is None)

    def speaker_at(self, pos: int) -> str | None:
        """Who is speaking at offset `pos`: the speaker of the last turn that starts at or
        before it, none before the first."""
        i = bisect_right(self.starts, pos)
        return self.turns[i - 1].speaker if i else None


def turn_speaker(text: str, start: int, end: int) -> str | None:
    """Who says `text[start:end]` when `text` reads as a transcript (`read_transcript`'s
    'auto') and the span lies in one speaker's turn: what `extract --accept` records, for a
    claim pinned by hand (trial64: `claim add --quote` in a debate recorded no speaker).
    None in prose, and for a span over two turns or in a label's lines."""
    transcript = read_transcript(text)
    if transcript is None or end <= start:
        return None
    first = bisect_right(transcript.starts, start)
    if first != bisect_right(transcript.starts, end - 1):
        return None  # another turn starts inside the span
    return transcript.speaker_at(start)


def speaker_turns(text: str) -> Transcript:
    """Every speaker and label line of `text`, whether or not it reads as a transcript: who
    speaks at an offset, for a claim that took its speaker from its line."""
    return Transcript(text, tuple(_lines(text)))


def looks_like_transcript(text: str, turns: list[Turn]) -> bool:
    """At least half the non-empty lines are speaker lines (`turns`, labels left out), and
    someone speaks twice."""
    text = as_lines(text)
    lines = len(_NON_EMPTY.findall(text))
    if "-->" in text:  # subtitles: their cues' timings and numbers are no lines of speech
        lines -= len(CUE_TIMING.findall(text)) + len(_CUE_NUMBER.findall(text))
    if len(turns) < 2 or 2 * len(turns) < lines:
        return False
    seen: set[str | None] = set()
    for t in turns:
        if t.speaker in seen:
            return True
        seen.add(t.speaker)
    return False


def read_transcript(text: str, mode: str = "auto") -> Transcript | None:
    """`text` as a transcript, or None when it is not read as one (see the module's rules)."""
    if mode not in SPEAKER_MODES:
        raise InvalidInput(f"speakers must be one of {', '.join(SPEAKER_MODES)}, not {mode!r}")
    if mode == "off":
        return None
    lines = _lines(text)
    speakers = [t for t in lines if t.speaker is not None]
    if mode == "on":
        if not speakers:
            raise InvalidInput("no line starts with a speaker (SPEAKER: text)")
        return Transcript(text, tuple(lines))
    return Transcript(text, tuple(lines)) if looks_like_transcript(text, speakers) else None
