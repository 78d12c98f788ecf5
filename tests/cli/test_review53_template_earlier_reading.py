"""review53: a page's <template> elements are now left out of its text (a546d3a), but the text
the previous release stored of the same bytes (template words included) is not among the page's
earlier readings (`Page.earlier`, session 45): `doc update DOC` of an unchanged page stored before
the change adds a revision (and re-anchors every claim), and `doc add` of it adds a second
document instead of "already stored"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]

PAGE = """<!doctype html><html lang="en"><head><title>Jobs report</title></head><body>
<article><h1>Jobs report shows strong growth</h1>
<p>The economy added 250,000 jobs in March, the labour department said on Friday, well above
what economists had expected for the month.</p>
<template id="share"><p>Share this article with your friends and colleagues on every network
you use.</p></template>
<p>Unemployment fell to 3.6 percent, the lowest level since 1969, while wages rose 4.2 percent
from a year earlier, the report showed.</p>
<p>Economists said the figures would make the central bank more likely to raise interest rates
again at its next meeting in May.</p>
</article></body></html>
"""


def test_review53_an_unchanged_page_stored_before_the_template_rule_adds_no_revision(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services import pages

    page = tmp_path / "jobs.html"
    page.write_text(PAGE, encoding="utf-8")
    # As 3b2debe read it: the template's words were part of the text.
    with monkeypatch.context() as m:
        m.setattr(pages, "_without_templates", lambda html: html)
        added = cli("doc", "add", str(page))
        assert added.code == 0, added.err
    assert "Share this article" in cli("doc", "text", "1").out
    # The same bytes again: the stored text is an earlier reading of them.
    r = cli("doc", "update", "1", str(page))
    assert r.code == 0, r.err
    assert "stored revision 2" not in r.out + r.err, r.out + r.err
