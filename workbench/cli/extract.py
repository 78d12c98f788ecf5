"""`workbench extract`"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.common import workbench_from
from workbench.cli.once import Command
from workbench.cli.options import (
    TypedChoice,
    document_id_argument,
    json_context,
    limit_option,
    limit_zero,
    min_score_option,
)
from workbench.cli.progress import progress_bar, wanted
from workbench.cli.render import (
    clip,
    emit_json_array,
    json_out,
    message,
    plural,
    table,
    warning,
)
from workbench.defaults import EXTRACT_MIN_SCORE
from workbench.domain.limits import MAX_NOTE
from workbench.domain.scores import shown_score
from workbench.domain.spans import span_words
from workbench.domain.transcript import SPEAKER_MODES

if TYPE_CHECKING:
    from workbench.services.extract import Unfit

# Skipped candidates covered only in part that are listed (all of them with --json).
SHOWN_SIMILAR = 20  # "claim #N is similar to #M" lines after --accept
SHOWN_IN_PART = 20


@click.command(cls=Command)
@document_id_argument
@min_score_option(EXTRACT_MIN_SCORE, "check-worthiness")
@limit_option(
    "The N highest-scoring candidates (of equal scores, the earlier), listed in document "
    "order; with --accept, the N best of those that can be added."
)
@click.option(
    "--accept",
    is_flag=True,
    help="Turn the candidates into unverified claims (spans already claimed are skipped; a "
    f"sentence that cannot be a claim text, such as one over {MAX_NOTE:,} characters, is left "
    "out with a warning).",
)
@click.option(
    "--speakers",
    type=TypedChoice(SPEAKER_MODES),
    default="auto",
    show_default=True,
    help="Read DOC as a transcript of SPEAKER: text lines: 'auto' when at least half its "
    "non-empty lines start with a speaker and someone speaks twice, 'on' always (refused when "
    "no line starts with a speaker), 'off' never.",
)
@json_context
def extract(
    ctx: click.Context,
    document_id: int,
    min_score: float,
    limit: int | None,
    accept: bool,
    speakers: str,
    as_json: bool,
) -> None:
    """Find the check-worthy sentences of document DOC, with the reasons for each score.

    Scores run from 0 to 1, from weights learnt offline on public labelled debates, and are
    explained by named features, each with what it added (number +1.12, first or only +0.30;
    opinion and prediction words lower the score), the length when it counted, and the words
    that moved the score most: in English, words and pairs of words (words "3.5 percent"); in
    Chinese, characters (chars "增" +0.33), where "0" stands for any number, "A" for any Latin
    word, '"' for any quotation mark, and "^x" and "x$" for a sentence that starts or ends with
    x ("|" for punctuation). --json adds every term with its signed value (the bias, the
    other words too) and the raw value they add up to, whose logistic function is the score,
    and the threshold the candidate cleared (docs/json.md). Offline: nothing is downloaded.
    A sentence scoring below --min-score is offered by its best clause (or run of clauses) if
    that clears the bar, so a candidate's span and score can change with --min-score; a clause
    that only says who says what follows (As the audit
    said, / 据……介绍，) is never offered alone. Adverts (【推广】, 扫码关注, click here),
    bylines and credits (记者 张三, By Jane Doe, Photo credit: ...), boilerplate (版权所有,
    本文首发于, All rights reserved), section headings without a figure on a line of their own
    (一、从零开始的工厂) and, in Chinese, a view in the writer's own voice with nothing checkable
    (我们认为……最具创新力), a target set or forecast for a year to come (某机构预计，到2030年……)
    and the writer's framings (转机出现在2021年。, 问：……, 这意味着，……) are no claim: they score
    0 with the reason first, so only
    --min-score 0 lists them, as it lists spans too short to hold a claim (12%., (00:12)).
    Digits and letters typed full-width (２０２３年, ＧＤＰ) are read as ASCII. A list item's
    marker (- , • , 1. , 4、, （三）, 二是) is left out of its candidate's span, unless a figure
    follows it (1、2月份 is a month range); a footnote marker after a sentence's stop (2023.[1],
    2023.¹) stays with that sentence; a range written with one dash (10%—15%) is one figure.
    A live blog's time stamp that opens a line or stands alone on it (10:05 before Chinese
    words, 10时05分：; in English one with its zone or a.m./p.m. and a colon or a spaced dash,
    10:48 GMT - , 2:05 p.m. ET: , as a bare 10:05 The ... may be a wrapped line's; a line that
    is only 2:05 p.m. ET; a lone one after a line with no stop, 会议将于明天 over 10:00
    在北京举行, is the sentence's own) and a Weibo topic tag
    before or after a sentence (#高考# ……; not one joined to its verb, #高考#将于……, the
    sentence's subject) are no part of a candidate, nor is a wire story's dateline that opens
    a line (LONDON, March 3 (Reuters) - ; WASHINGTON (AP) — ), a post's author's handle
    before a colon (@jsmith: ), or the links, #hashtags and emoji after a post's words (not
    one its words lead into: in #Scotland, at https://…).

    A transcript (a debate, an interview) written as SPEAKER: text lines is read turn by turn:
    a candidate never includes the speaker's name or runs into the next turn, it is listed
    with its speaker, and --accept records the speaker on the claim. A speaker is a short
    name before a colon (TRUMP, Lester Holt, 主持人) or a numbered role (Caller 1, 嘉宾2);
    labels such as Note: or 来源： never are. Times beside it are left out with it, as
    transcription tools write them ([00:01:12] TRUMP:, Speaker 1 (00:01):, 【00:01:02】张伟：);
    Otter's "John Smith  0:00" and WebVTT's <v Smith> name speakers too, and a subtitle's
    timing line (00:00:01,000 --> 00:00:04,000) is no claim.
    """
    from workbench.services.extract import ExtractOptions, accept_candidates, candidate_json
    from workbench.services.extract import extract as find

    wb = workbench_from(ctx)
    options = ExtractOptions(min_score=min_score, limit=limit, speakers=speakers)
    bar = wanted(as_json=as_json)
    if accept:
        # The report is a few lines, not the data: its output piped (`| tee log`), the person
        # still watches the terminal, where the bar goes (stderr).
        watched = wanted(as_json=as_json, to_stdout=False)
        with progress_bar("scoring sentences, then adding claims", enabled=watched) as progress:
            result = accept_candidates(wb, document_id, options, progress)
        # Checked before: a few lines on stderr, not one a match (a trial's long transcript
        # printed 15,085); --json carries every claim's matches.
        found = [(c.id, ref) for c in result.added for ref in c.similar or ()]
        for claim_id, ref in found[:SHOWN_SIMILAR]:
            message(f"claim #{claim_id} is {ref.sentence()}")
        if len(found) > SHOWN_SIMILAR:
            rest = len(found) - SHOWN_SIMILAR
            claims = len({claim_id for claim_id, _ in found})
            message(
                f"... and {plural(rest, 'more match', 'more matches')} "
                f"({plural(claims, 'new claim')} look like earlier ones in all; "
                "`workbench claim similar ID` or --json lists them)"
            )
        if result.unfit:
            warning(_unfit_line(document_id, result.unfit))
        if json_out(as_json, result):
            return
        click.echo(
            f"added {plural(len(result.added), 'unverified claim')}; "
            f"skipped {len(result.skipped)} already covered by a claim"
        )
        # The id and span padded to the longest, so the types stand in one column (trial58:
        # "#1 characters 45–98" against "#15 characters 936–974").
        heads = [f"#{c.id} {span_words(c.start, c.end)}" for c in result.added]
        width = max(map(len, heads), default=0)
        for head, c in zip(heads, result.added, strict=True):
            said = f"{c.speaker}: " if c.speaker else ""
            click.echo(f"  {head:<{width}}  {c.type:<11} {said}{clip(c.quote, 70)}")
        # A claim on one phrase holds its whole sentence back: the sentences with words no
        # claim covers are named, with the claims, so the rest can get a claim of its own.
        part = [s for s in result.skipped if s.in_part]
        if part:
            click.echo(f"covered only in part ({len(part)} of the skipped):")
        shown = part[:SHOWN_IN_PART]
        spans = [span_words(s.candidate.start, s.candidate.end) for s in shown]
        width = max(map(len, spans), default=0)
        for span, s in zip(spans, shown, strict=True):
            by = ", ".join(f"#{i}" for i in s.covered_by) or "a claim added now"
            click.echo(f"  {span:<{width}}  by {by}: {clip(s.candidate.text, 60)}")
        if len(part) > SHOWN_IN_PART:
            click.echo(f"  ... and {len(part) - SHOWN_IN_PART} more (--json lists every one)")
        return
    with progress_bar("scoring sentences", enabled=bar) as progress:
        candidates = find(wb, document_id, options, progress)
    if as_json:
        # An item at a time: the whole text of 30,000 candidates at once cost 80 MB more.
        emit_json_array(candidate_json(c) for c in candidates)
        return
    from workbench.domain.checkworthy import shown_reasons

    # The speaker column only when someone speaks: prose keeps its table as it was.
    spoken = any(c.speaker for c in candidates)
    table(
        ["start", "end", "score", "type", *(["speaker"] if spoken else []), "reasons", "text"],
        [
            (
                c.start,
                c.end,
                shown_score(c.score),
                c.suggested_type,
                *([c.speaker or ""] if spoken else []),
                ", ".join(shown_reasons(c.reasons, c.contributions())),
                c.text,
            )
            for c in candidates
        ],
        # (60 cells in a pipe; a wider terminal gives the text its spare width)
        clips={"text": 60},
        title=f"{plural(len(candidates), 'candidate')} (score >= {min_score})",
        empty=limit_zero(limit, "candidates"),
    )


def _unfit_line(document_id: int, unfit: list[Unfit]) -> str:
    """One line for the candidates --accept left out, and how to claim one anyway: the quote
    may be as long as it is; the claim text, which the person writes, may not."""
    which = ", ".join(
        f"{span_words(u.candidate.start, u.candidate.end)} ({u.problem})" for u in unfit
    )
    was, it = ("candidate was", "it") if len(unfit) == 1 else ("candidates were", "one")
    return (
        f"{len(unfit)} {was} not added: {which}; add {it} with a claim text of your own: "
        f"workbench claim add {document_id} --start START --end END --text CLAIM"
    )
