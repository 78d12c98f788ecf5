"""GBK bytes that are valid UTF-8 as well, so that reading them as UTF-8 stores other text.

GBK writes many common characters as two bytes that UTF-8 reads as one Latin letter or symbol
(卢某 is C2 AC C4 B3, `¬ĳ` in UTF-8; 女 is `Ů`, 钱 `Ǯ`). A spreadsheet's plain "CSV" save on a
Chinese Windows is GBK: when its only Chinese is such characters (an English article's claims,
a speaker 卢某), no byte is invalid UTF-8 and nothing else tells it. Judged over the whole file:
it is GBK read as UTF-8 when every stretch of bytes beyond ASCII reads in GBK as Chinese
(GB2312's rows, a Han character among them), and one at least reads in UTF-8 as what real
UTF-8 does not write (`_evidence`). One stretch that is no such Chinese (a CJK character, a
curly quote or a dash in UTF-8, ř) shows UTF-8 written as UTF-8: the file is read as it is.
A GBK file whose Chinese UTF-8 reads as single letters or one-script words (女 alone, `Ů`)
is not told from UTF-8 so, and is read as UTF-8.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.cjk import is_basic_han
from workbench.domain.decoding import in_gb2312

_NOT_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
# The longest stretch beyond ASCII looked at whole: a longer one is judged by its start.
_LONGEST = 1 << 12


@dataclass(frozen=True, slots=True)
class Misread:
    """Where a file's bytes first read as Chinese in GBK (its `line`, from 1), that Chinese,
    and what UTF-8 makes of the same bytes."""

    line: int
    gbk: str
    utf8: str


def gbk_read_as_utf8(chunks: Iterable[bytes]) -> Misread | None:
    """The first stretch of a file (given as its `chunks`, in order) that shows it to be GBK
    read as UTF-8 (see the module), or None: the file is UTF-8, or not valid UTF-8 at all
    (which its reader refuses, with its own advice). Stops at the first stretch that is not
    GBK's Chinese; reads every chunk otherwise, holding one chunk and a stretch's bytes."""
    first: Misread | None = None
    lines = 1
    carry = b""
    for chunk in itertools.chain(chunks, (b"",)):
        data = carry + chunk
        cut = len(data)
        if chunk and len(data) - len(data.rstrip(_HIGH)) <= _LONGEST:
            # A stretch at the chunk's end may go on in the next: kept for it.
            cut = len(data.rstrip(_HIGH))
        body, carry = data[:cut], data[cut:]
        at = 0
        for found in _NOT_ASCII_RUN.finditer(body):
            lines += body.count(b"\n", at, found.start())
            at = found.start()
            judged = _judged(found.group())
            if judged is None:
                return None
            gbk, utf8, evidence = judged
            if first is None and evidence:
                first = Misread(lines, gbk, utf8)
        lines += body.count(b"\n", at)
    return first


_HIGH = bytes(range(0x80, 0x100))


@functools.lru_cache(maxsize=1024)
def _judged(run: bytes) -> tuple[str, str, bool] | None:
    """`run` (a stretch beyond ASCII) read as GBK's Chinese and as UTF-8, and whether that is
    evidence (`_evidence`); None when it is not both. Cached: a sheet repeats its names and
    marks (a column of 卢某, a £ a row) down a file of up to 20 MB."""
    utf8 = _utf8(run)
    gbk = _gbk_chinese(run)
    if utf8 is None or gbk is None:
        return None
    return gbk, utf8, _evidence(utf8)


def _utf8(run: bytes) -> str | None:
    try:
        return run.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _gbk_chinese(run: bytes) -> str | None:
    """`run` read as GBK, when that is Chinese: GB2312's characters, a Han one among them."""
    try:
        text = run.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if all(map(in_gb2312, text)) and any(map(is_basic_han, text)):
        return text
    return None


def _evidence(text: str) -> bool:
    """Whether `text`, a stretch read as UTF-8 that GBK reads as Chinese, is none of what real
    UTF-8 writes beyond ASCII: one character alone (£5, 30°, Café's é), or a word of letters
    from one 128-character page of Unicode (где, Ωμέγα). GBK's Chinese read as UTF-8 mixes
    symbols, pages and combining marks (卢某 is `¬ĳ`, 平台 `ƽ̨`)."""
    one_word = all(c.isalpha() for c in text) and len({ord(c) >> 7 for c in text}) == 1
    return len(text) > 1 and not one_word
