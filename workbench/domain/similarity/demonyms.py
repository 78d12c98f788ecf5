"""Whether two Latin names are one place, under its name and its adjective or its people's name
(`one_place`): Midwest and Midwestern, Japan and Japanese, Chicago and Chicagoan.

A rewording says "any Midwestern city" for "any Midwest city": one place, not two names (see
`disagreements`). Only these forms: a longer name is most often another one (Austria and
Australia, Intel and Intelsat), and a name is not stripped of any ending it may have.
"""

from __future__ import annotations

from workbench.domain.similarity.concepts import COUNTRY_FORMS, country_of
from workbench.domain.similarity.words import stem

# The forms of a country's name the concept table knows, as names are kept (stemmed): Canada
# and Canadian, Spain and Spanish, the Netherlands and Dutch.
_COUNTRY_OF_NAME = {
    stem(form): country_of(form) for form in COUNTRY_FORMS if form.isascii() and " " not in form
}
# A place's adjective or people's name is the place and an ending: Midwestern, Sudanese,
# Kentish, Bostonian (with four letters or more before it: not Dan and Danish).
_ENDINGS = ("ern", "ese", "ish", "ian")
# -an only after a vowel (Chicagoan, Ohioan, Chilean): after a consonant it makes other names
# (Keen and Keenan, Brenn and Brennan).
_VOWELS = frozenset("aeiou")
# The people of a place in -ia, another place than the name before it: Nigerian (Niger),
# Romanian (Roman), Russian (Russ), Algerian (Alger).
_OF_ANOTHER_PLACE = frozenset(("nigerian", "romanian", "russian", "algerian"))
_SHORTEST = 4


def one_place(one: str, other: str) -> bool:
    """Whether names `one` and `other` (stemmed words, no mark) are one place (see above)."""
    country = _COUNTRY_OF_NAME.get(one)
    if country is not None and country == _COUNTRY_OF_NAME.get(other):
        return True
    shorter, longer = sorted((one, other), key=len)
    if len(shorter) < _SHORTEST or not longer.startswith(shorter):
        return False
    if longer in _OF_ANOTHER_PLACE:
        return False
    ending = longer[len(shorter) :]
    return ending in _ENDINGS or (ending == "an" and shorter[-1] in _VOWELS)
