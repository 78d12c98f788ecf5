"""Lead-ins: the opening clauses of a sentence that only say who says what follows.

"As the National Audit Office's report of March 2024 put it in its final chapter," names a
source and a date, so its words can score like a claim; but it asserts nothing: the claim is the
clause it introduces. When a sentence falls short and is offered clause by clause (see
`candidates`), a run of clauses that is only such a lead-in is not offered alone (a new-user
trial accepted "As the Transit Authority's own audit said," as a claim). A lead-in joined to
what it introduces is read as the whole it is part of.

A lead-in is followed by more of its sentence and ends at a clause mark (a comma or a colon);
it usually opens the sentence, and one in the middle ("Revenue grew, as the audit said, by…")
is no claim alone either. It is one of:
an "as"/"like" clause with a verb of saying (As the minister told parliament last week,),
"according to"/"in the words of"/"citing" (According to the city's budget office,), a short
clause of saying that ends at a colon (The minister told MPs:), and their Chinese forms
(正如……所说，, 据……介绍，, 根据……数据，, 他在会上表示：).
"""

from __future__ import annotations

import re

# Verbs of saying (and of a source's finding) in English and Chinese (spaces as \\s+: the
# patterns are verbose).
_SAYING = (
    "said|says|say|put it|puts it|noted|notes|told|tells|reported|reports|found|finds|showed|"
    "shows|wrote|writes|stated|states|explained|explains|argued|argues|claimed|claims|"
    "pointed out|points out|observed|observes|concluded|concludes|warned|warns|recalled|"
    "remarked|acknowledged|admitted|confirmed|confirms|announced|declared|testified|insisted|"
    "insists|made clear|makes clear|suggested|suggests|estimated|estimates"
).replace(" ", r"\s+")
_ZH_SAYING = (
    "所说|所言|所述|所指出|所写|所强调|所提到|所称|指出|说|表示|强调|提到|写道|坦言|透露|介绍|宣布"
)

# One character of an English lead-in: no clause mark, and a digit only in a year.
_NO_FIGURE = r"(?:[^,:;—\d]|(?<!\d)(?:1[89]|20)\d\d(?!\d))"
# A framed lead-in ends at any clause mark. It holds no figure but a year: "As 40% of voters
# said," and "Citing a 40% rise in car thefts since 2019," make claims of their own. After an
# "as" clause's verb only a few words may follow, or when it was said: "As Apple reported
# revenue of $90 billion," is a claim, not a lead-in; "As Smith said in March 2019," is one.
_FRAMED = re.compile(
    rf"""(?ix)
    (?: (?:just\s+)? (?:as|like) \b
        (?!\s*(?:soon|long|far|much|well|if|though|many|few|little|of)\b)
        {_NO_FIGURE}{{0,160}}? \b (?:{_SAYING}) \b
        (?: [^,:;—\d]{{0,60}} | \s+ (?:in|on|during|since) \s+ [^,:;—\d]{{0,20}} \d{{4}} )
      | (?:according\s+to|in\s+the\s+words\s+of|citing|quoting) \b {_NO_FIGURE}{{0,160}}
      | (?:正如|如同|诚如|就像|恰如) [^，,；;：:]{{0,80}}? (?:{_ZH_SAYING}) (?:的那样|那样|的)?
      | (?:据(?![悉说称])|根据|依据|援引|引述) [^，,；;：:%％]{{0,60}}
    ) \s* [,，:：—] \s* \Z
    """
)
# A bare clause of saying is a lead-in only before a colon (The minister told MPs: / 他表示：),
# not before a comma (他表示，今年营收增长了30%，… holds its claim in what it is cut from). Its
# English verbs are lower case and few: "five factories in the United States —" and "we will
# put it in phase three:" say nothing.
_TO_COLON = re.compile(
    r"""(?x)
    (?: [^,:;—]{0,80}? \b (?:said|says|told|tells|wrote|writes|added|adds|explained|declared)
        \b (?:\s+\w+){0,4}
      | [^，,；;：:]{0,40}? (?:"""
    + _ZH_SAYING
    + r""") [^，,；;：:]{0,6}
    ) \s* [:：] \s* \Z
    """
)


def is_lead_in(span: str) -> bool:
    """Whether `span`, the opening clauses of a sentence that goes on after it, only introduces
    what follows (see the module's docstring)."""
    span = span.strip()
    return _FRAMED.match(span) is not None or _TO_COLON.match(span) is not None
