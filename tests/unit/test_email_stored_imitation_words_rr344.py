"""rr344: rr340 reads an address stored before the rules against letters imitating Latin ones
(`jоe@пример.рф`, a Cyrillic о in `joe`) as the mailbox it shows, to the sign-off and to `user
add`. But it read every letter of the address that is drawn like a Latin one as that letter,
those of words written in another script too: `пример.рф` became `пpимep.pф`, and the stored
address was another mailbox than `joe@пример.рф`, the one it shows, whose owner's verdict its
owner could approve. Only the words that imitate Latin ones are read so."""

from __future__ import annotations

import pytest

from workbench.domain.people import email_tie, mailbox_of, one_mailbox

SHOWN = {
    "a cyrillic domain": ("j\u043ee@пример.рф", "joe@пример.рф"),
    "a cyrillic word beside": ("chen.j\u0456ng.иван@gmail.com", "chen.jing.иван@gmail.com"),
    "a word parted by an underscore": ("ivan_иванов.j\u043ee@x.org", "ivan_иванов.joe@x.org"),
}


@pytest.mark.parametrize(("stored", "real"), SHOWN.values(), ids=SHOWN.keys())
def test_a_stored_imitation_is_read_as_latin_in_its_imitating_words_alone(
    stored: str, real: str
) -> None:
    assert mailbox_of(stored) == real
    assert one_mailbox(stored, real) is not None
    assert email_tie("joe", real, "j2", stored) is not None
