"""A person's display name: the full name as shown beside their registered name.

Its own module because it is held to both the name rules (workbench.domain.identity) and the
text rules (workbench.domain.limits), and limits already reads identity's idea of an invisible
character: in either of those it would close an import cycle.
"""

from __future__ import annotations

from workbench.domain.errors import InvalidInput
from workbench.domain.identity import fold, mixed_scripts, refuse_hidden
from workbench.domain.limits import check_text, has_visible

# A display name is the full name as shown (`Maria Lopez`, `王芳 (Wang Fang)`), so longer than a
# name; it is kept as typed.
MAX_DISPLAY = 200


def display_name(display: str) -> str:
    """A display name as given, or InvalidInput: one line of visible text, not blank, nothing
    hidden in it (`bob` shown as rosa + U+200B read as rosa in every list, and escaped the check
    against registered names), at most MAX_DISPLAY characters, and no word mixing scripts so
    that a character imitates a Latin one (`Bobа` with a Cyrillic а was kept, trial56). Unlike
    a name it is judged word by word: a full name may well be written in two scripts,
    `Анна Петрова (Anna Petrova)`, each word in one."""
    shown = check_text(display, "the display name", MAX_DISPLAY, one_line=True)
    if not has_visible(shown):
        raise InvalidInput("the display name is empty: give the name to show, or leave it out")
    refuse_hidden(shown, "the display name")
    for word in shown.split():
        mixed = mixed_scripts(fold(word), "the display name's word", noun="word")
        if mixed is not None:
            raise mixed
    return shown
