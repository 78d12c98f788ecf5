"""A claim's speaker that stands for the article's own author: the document's author, when it
names one. ClaimReview publishes such a claim as said by the document's author, and `claim list
--speaker NAME` finds it by that author's name, by one rule."""

from __future__ import annotations

# In English and in Chinese (trial47b: 文章作者 was published as a person's name), compared
# casefolded.
ARTICLE_AUTHOR = frozenset(
    {"article author", "author", "the author", "文章作者", "作者", "本文作者", "原文作者"}
)


def stands_for_author(speaker: str | None) -> bool:
    """Whether `speaker` is a label for the article's author rather than a person's name."""
    return speaker is not None and speaker.casefold() in ARTICLE_AUTHOR
