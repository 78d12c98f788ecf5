"""`people.current_form`: a stored name in today's normal form, or as stored where today's rules
refuse it; a name already in that form is returned without the look-alike checks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.errors import InvalidInput
from workbench.domain.identity import normalise_name
from workbench.domain.people import current_form

NAMES = st.text(
    alphabet=st.sampled_from(list("王芳 陈静ａｌｉｃｅAlice\u3000\u200b·аӏ一丨⺩㇐ \t-")),
    max_size=8,
)


def _slow(stored: str) -> str:
    try:
        return normalise_name(stored)
    except InvalidInput:
        return stored


@given(NAMES)
def test_it_is_the_normal_form_or_the_name_as_stored(stored: str) -> None:
    assert current_form(stored) == _slow(stored)


def test_older_forms_and_refused_names() -> None:
    assert current_form("王 芳") == "王芳"
    assert current_form("Alice") == "alice"
    assert current_form("王芳") == "王芳"
    # Refused today (mixed scripts): left as stored, whatever it is.
    assert current_form("аlice") == "аlice"
