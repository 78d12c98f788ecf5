"""Round 36 of "checked before?" (session 39, chosen on fresh35 once it had been scored): a
month or a weekday abbreviated is no name where it reads as a date, nor a rank; pax are
passengers; a high "not seen since" is a record, no denial; "ex-" before a post or a person says
former; "cleared" someone "of" a charge is an acquittal. Invented sentences."""

from __future__ import annotations

import pytest
from claim_pairs import disagreeing

from workbench.domain.similarity import claim_terms, names


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Tolbrook General handled 412 cases in Jan. 2026.", ["@tolbrook"]),
        ("Tolbrook Gen. Hosp. ED, Jan 2026: 412 cases.", ["@tolbrook"]),
        ("Ferry traffic, Tue 20/01/2026 to Sat 24/01/2026: 9,120 cars.", []),
        (
            "Gen. Ade Morrow took command of the Kelby garrison in Sept. 2025.",
            ["@ade", "@morrow", "@kelby"],
        ),
        # Jun and Sun stay names: pinyin ones as often as months and weekdays
        ("Lei Jun said Xiaomi sold 10 million phones.", ["@lei", "@jun", "@xiaomi"]),
        ("Sun Li won the 200m final.", ["@sun", "@li"]),
        # away from a date, given names as often: Jan Koum, Mar Cabra
        ("Jan Koum founded WhatsApp in 2009.", ["@jan", "@koum", "@whatsapp"]),
        ("Sales at Kelby on 20 Jan rose 4%.", ["@kelby"]),
    ],
)
def test_an_abbreviated_month_weekday_or_rank_is_no_name(text: str, named: list[str]) -> None:
    assert names(text) == named


def test_a_month_abbreviated_is_no_other_name() -> None:
    assert "names" not in disagreeing(
        "Only 71.8% of patients at Tolbrook were seen within four hours in January 2026.",
        "Tolbrook dealt with 71.8% of patients inside four hours in Jan. 2026.",
    )


def test_pax_are_passengers() -> None:
    assert "~passenger" in claim_terms("Hexby Airport: 6,830,000 pax in 2025.", "")
    assert "measures" not in disagreeing(
        "Hexby Airport handled 6.83 million passengers in 2025.",
        "Hexby Airport: 6,830,000 pax in 2025.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sea temperatures in Ashby Bay reached 23.4C, a high not seen since 1988.",
        "Prices rose to a level not seen in three decades.",
        "Rainfall in Kelby hit 412mm in March, a total not seen for forty years.",
    ],
)
def test_not_seen_since_is_a_record_no_denial(text: str) -> None:
    assert "=polarity:not" not in claim_terms(text, "")


@pytest.mark.parametrize(
    "text",
    [
        "The minister was not seen at the Kelby rally.",
        "The minister was not seen in the chamber for the vote.",
        "Ada Morrow has not been seen since Tuesday.",
        "The mayor was not seen in public for two weeks.",
    ],
)
def test_a_denial_of_being_seen_is_still_one(text: str) -> None:
    assert "=polarity:not" in claim_terms(text, "")


@pytest.mark.parametrize(
    ("text", "former"),
    [
        ("Ex-accountant Gil Farrow was jailed for four years.", True),
        ("The ex-minister Ada Morrow took £40,000 from the fund.", True),
        ("Suilu raised the ex-factory price of its rapeseed oil by 8%.", False),
        ("Ex works prices of Kelby steel rose 3% in March.", False),
        ("The council made an ex gratia payment of £5,000 to the family.", False),
        ("Kelby's next exports rose 4%.", False),
        ("Retail sales ex-fuel rose 4% in Kelby.", False),  # excluding fuel
        ("Prices ex VAT rose 2% in Kelby.", False),
        ("Kelby Mining shares went ex-dividend on Monday.", False),
        ("The Ex-Im Bank lent $2bn to Kelby Mining.", False),
        ("Kelby Mining's ex-wife of the founder sold her stake.", True),
    ],
)
def test_ex_says_former_but_not_of_a_price_or_a_payment(text: str, former: bool) -> None:
    assert ("~former" in claim_terms(text, "")) is former


def test_an_ex_factory_price_is_a_factory_gate_one() -> None:
    terms = claim_terms("Suilu raised the ex-factory price of its rapeseed oil by 8%.", "")
    assert "~factory" in terms
    assert "~compensation" in claim_terms("An ex gratia payment of £5,000 was made.", "")


@pytest.mark.parametrize(
    "text",
    [
        "A jury cleared former councillor Edwin Tallack of bribery on 4 March 2025.",
        "The court cleared Tallack of all charges.",
        "Edwin Tallack was cleared of bribery.",
    ],
)
def test_cleared_someone_of_a_charge_is_an_acquittal(text: str) -> None:
    assert "~acquit" in claim_terms(text, "")


@pytest.mark.parametrize(
    "text",
    [
        "Crews cleared 500 homes of snow in Kelby.",  # a figure between: no verdict
        "The council cleared the way for the Kelby bypass.",
        "Kelby Mining cleared $5m in profit.",
        "The Kelby bill cleared the House of Lords on Tuesday.",
        "The CMA cleared the takeover of Kelby Mining.",
        "Police cleared hundreds of protesters from the square.",
        "The Kelby NHS trust cleared a backlog of 4,000 scans.",
    ],
)
def test_cleared_without_a_charge_is_no_acquittal(text: str) -> None:
    assert "~acquit" not in claim_terms(text, "")


def test_an_acquittal_against_a_conviction_of_the_same_man() -> None:
    assert disagreeing(
        "A jury at Kelby Crown Court cleared former councillor Edwin Tallack of bribery.",
        "Ex-councillor Edwin Tallack was found guilty of fraud at Kelby Crown Court.",
    )
