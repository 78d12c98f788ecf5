"""A claim's speaker that stands for the article's own author: the document's author, when it
names one. ClaimReview publishes such a claim as said by the document's author, and `claim list
--speaker NAME` finds it by that author's name, by one rule."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.domain.errors import TransitionRefused, step

# In English and in Chinese (trial47b: 文章作者 was published as a person's name), compared
# casefolded.
ARTICLE_AUTHOR = frozenset(
    {"article author", "author", "the author", "文章作者", "作者", "本文作者", "原文作者"}
)


def stands_for_author(speaker: str | None) -> bool:
    """Whether `speaker` is a label for the article's author rather than a person's name."""
    return speaker is not None and speaker.casefold() in ARTICLE_AUTHOR


def byline_refusal(document_id: int, judged: Sequence[tuple[int, str]]) -> TransitionRefused | None:
    """Why the author of document `document_id` cannot change, or None: `judged` are the
    (claim id, status) of its claims that hold a verdict, given or proposed, and whose speaker
    stands for the author. The verdict judged who said the claim, as `claim edit --speaker`
    is refused for (claim_judged); a new byline would publish it as said by someone no reviewer
    weighed (review65: after ben approved "国家统计局 said it: True", `doc edit --author` made
    the ClaimReview say 某自媒体 said it)."""
    if not judged:
        return None
    first, status = judged[0]
    more = f" and {len(judged) - 1} more" if len(judged) > 1 else ""
    # The words of the step are the CLI's hint's (trial95: said here too, they came twice). A
    # proposal is freed by its rejection: `claim status ID in_progress` is refused in review.
    proposed = status == "in_review"
    return TransitionRefused(
        f"document #{document_id}'s author is who said claim #{first} ({status}){more}, whose "
        "speaker stands for the article's author, and "
        + (
            "the proposed verdict judged that: it cannot change until the proposal is "
            "rejected (back to in_progress)"
            if proposed
            else "its verdict judged that"
        ),
        reason="claim_judged",
        hint=step("reject" if proposed else "reopen", claim_id=first),
    )
