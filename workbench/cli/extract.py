"""`workbench extract`"""

from __future__ import annotations

import click

from workbench.cli.common import workbench_from
from workbench.cli.options import document_id_argument, json_context, limit_option, min_score_option
from workbench.cli.progress import progress_bar, wanted
from workbench.cli.render import clip, json_out, message, plural, table
from workbench.defaults import EXTRACT_MIN_SCORE
from workbench.domain.text import span_words


@click.command()
@document_id_argument
@min_score_option(EXTRACT_MIN_SCORE, "check-worthiness")
@limit_option("At most N candidates.")
@click.option(
    "--accept",
    is_flag=True,
    help="Turn the candidates into unverified claims (spans already claimed are skipped).",
)
@json_context
def extract(
    ctx: click.Context,
    document_id: int,
    min_score: float,
    limit: int | None,
    accept: bool,
    as_json: bool,
) -> None:
    """Find the check-worthy sentences of document DOC, with the reasons for each score.

    Scores run from 0 to 1, from weights learnt offline on public labelled debates, and are
    explained by named features (numbers, money, dates, firsts, rankings, names, attribution...;
    opinion and prediction cues lower them) and, for English, the words that moved the score
    most. Offline: nothing is downloaded.
    """
    from workbench.services.extract import accept_candidates, candidate_json
    from workbench.services.extract import extract as find

    wb = workbench_from(ctx)
    bar = wanted(as_json=as_json)
    if accept:
        with progress_bar("scoring sentences", enabled=bar) as progress:
            result = accept_candidates(
                wb, document_id, min_score=min_score, limit=limit, progress=progress
            )
        for c in result.added:
            for ref in c.similar or ():
                message(f"claim #{c.id} is {ref.sentence()}")
        if json_out(as_json, result):
            return
        click.echo(
            f"added {plural(len(result.added), 'unverified claim')}; "
            f"skipped {len(result.skipped)} already covered by a claim"
        )
        for c in result.added:
            span = span_words(c.start, c.end)
            click.echo(f"  #{c.id} {span}  {c.type:<11} {clip(c.quote, 70)}")
        return
    with progress_bar("scoring sentences", enabled=bar) as progress:
        candidates = find(wb, document_id, min_score=min_score, limit=limit, progress=progress)
    if json_out(as_json, [candidate_json(c) for c in candidates]):
        return
    table(
        ["start", "end", "score", "type", "reasons", "text"],
        [
            (
                c.start,
                c.end,
                f"{c.score:.2f}",
                c.suggested_type,
                ", ".join(c.reasons),
                clip(c.text, 60),
            )
            for c in candidates
        ],
        title=f"{len(candidates)} candidates (score >= {min_score})",
    )
