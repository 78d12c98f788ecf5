"""The "same but spacing" rule of a document revision: a text with the latest revision's words
in their order, only the whitespace between them otherwise, is a check of that revision, not a
new one (services/revisions.update_document records it as `document.checked` with
`spacing_only`)."""

from __future__ import annotations

import re

from workbench.domain.segment import as_lines


def same_but_spacing(old: str, new: str) -> bool:
    """Whether `new` has `old`'s words in their order, only the runs of whitespace between
    them (and at its ends) otherwise: spaces doubled, spaces at a line's ends, tabs, a no-break
    or ideographic space for a space, more or fewer blank lines between two paragraphs. A space
    taken out or put in between two characters changes a word (`3 5%` is not `35%`, `中文` is
    not `中 文`), so it is a change of the text; so is a line break put in or taken out, or a
    blank line: a line starts a speaker's turn in a transcript and ends a headline's sentence,
    a blank line parts two paragraphs (rrevs: a transcript's line split to give a sentence to
    another speaker was taken as spacing, the claim kept the old speaker)."""
    return _laid_out(old) == _laid_out(new)


def _laid_out(text: str) -> list[tuple[str, int]]:
    """`text`'s words (as str.split() takes them), each with the break before it: 0 within a
    line, 1 a line break, 2 a blank line (or several). The first word's is 0: the spacing
    before it is the text's end. The breaks are those the segmenter and the transcript
    reader take as LF too (`segment.LINE_BREAKS`: Word's manual line break, say)."""
    lined = as_lines(text)
    out: list[tuple[str, int]] = []
    end = -1
    for m in _WORD.finditer(lined):
        out.append((m.group(), 0 if end < 0 else min(lined.count("\n", end, m.start()), 2)))
        end = m.end()
    return out


_WORD = re.compile(r"\S+")
