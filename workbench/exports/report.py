"""The HTML report: one self-contained page per document (inline CSS and JavaScript, a Content
Security Policy that forbids every network request), the article with each claim's span
highlighted, and the claims beside it with their notes, evidence and history.

Every highlighted span is an element with `data-claim-id` whose text is exactly the claim's
quote as the page shows text (a C0 or C1 control but a tab or line feed as `\\uXXXX`). Spans
may nest (a claim inside a longer one) to any depth. Two spans that cross (each starts inside
the other) cannot both be one element of a tree: the later one is then cut where the earlier
ends, its first part carries `data-claim-id` and the rest `data-claim-part`.
Everything user-written is escaped (`e`); nothing of it reaches the page as markup, and no
control character reaches the file raw. A field with more of the page after it on its line is
in a <bdi>, so that a bidi override in it reorders only it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from workbench.domain.clock import as_read
from workbench.domain.language import differs, guess_language, script_language, written_in
from workbench.domain.limits import HIDDEN
from workbench.domain.payloads import change_note, change_note_id, changed_fields
from workbench.domain.plurals import plural
from workbench.domain.status import STATUS_MEANINGS, Status
from workbench.domain.urls import without_credentials
from workbench.services.publishing import (
    ClaimRecord,
    DocumentRecord,
    published_history,
    withheld_notes,
)
from workbench.services.views import ClaimView, EventView

# Background tints for the status highlight, each with a distinct underline style and a
# symbol: the status is never told by colour alone. Dark text (#1b1b1b) on every tint has a
# contrast ratio above 7:1 (WCAG AAA), checked in the tests.
TEXT_COLOUR = "#1b1b1b"
STYLES: dict[Status, tuple[str, str, str]] = {
    Status.UNVERIFIED: ("#e8e8e8", "dotted", "?"),
    Status.IN_PROGRESS: ("#fff2b3", "dashed", "…"),
    Status.IN_REVIEW: ("#e4d7ff", "double", "»"),
    Status.VERIFIED: ("#c9f0d0", "solid", "✓"),
    Status.FALSE: ("#ffd0d0", "wavy", "✗"),
    Status.MISLEADING: ("#ffdcb8", "wavy", "!"),
    Status.UNVERIFIABLE: ("#d6e6f5", "dashed", "~"),
    Status.OPINION: ("#f0e0ee", "dotted", "op"),
}
# A claim flagged for re-review (ClaimView.flagged) shows this neutral state instead of its
# status: its verdict is not published (see `shown`). Its own class, tint and symbol, so that
# it is not told by colour alone either.
FLAGGED_CLASS = "flagged"
FLAGGED_WORD = "flagged for re-review"
FLAGGED_STYLE = ("#eceff3", "double", "⚑")
FLAGGED_MEANING = (
    "its quote changed after the verdict was given; the verdict is withheld until the claim "
    "is checked again"
)
# Every page fits the reader's screen (a phone's too), rather than drawn 980 px wide and shrunk.
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


# What the page's file never holds as itself (limits.HIDDEN but the line break and tab, which
# HTML reads as white space). A C0 or C1 control is written `\\uXXXX`, as every export shows one
# (`limits.visible`): a browser shows nothing for it, and an ESC sequence acts when the file is
# printed in a terminal. A bidi control or a line or paragraph separator is written as a
# character reference, which a browser reads as the character (the page shows as before, each
# field set apart as `isolated` does), while an editor or a diff of the file is not reordered.
_UNSHOWN = {
    c: (f"&#x{c:04x};" if c >= 0x2000 else f"\\u{c:04x}") for c in HIDDEN if chr(c) not in "\n\t"
}
_FIND_UNSHOWN = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_UNSHOWN)) + "]")


def e(value: object) -> str:
    """User text as the page's text: escaped (nothing of it is markup), and no control held
    raw (`_UNSHOWN`). The report's one escaping home: every field goes through it."""
    shown = escape("" if value is None else str(value), quote=True)
    return shown.translate(_UNSHOWN) if _FIND_UNSHOWN.search(shown) else shown


def isolated(value: object) -> str:
    """User text escaped and set apart in a <bdi>, for a field with more of the page after it
    on its line: a right-to-left override in it (allowed in titles and names; a byline may
    embed an Arabic name) ends with it, instead of reversing what follows (review54: an
    evidence title ending in U+202E showed the link after it right to left, the Trojan Source
    effect URLs are refused for; an author's, the header's date and source link)."""
    return f"<bdi>{e(value)}</bdi>"


BIDI_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def isolated_text(value: str) -> str:
    """`isolated` for where no element can go (a <title>): the text, escaped, between FIRST
    STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds a bidi control (trial132: a
    headline's override reversed " — claims report" after it in the tab)."""
    if any(unicodedata.bidirectional(ch) in BIDI_CONTROLS for ch in value):
        return f"&#x2068;{e(_isolates_paired(value))}&#x2069;"
    return e(value)


def _isolates_paired(value: str) -> str:
    """`value` with each of its isolates closed, so that the one `isolated_text` adds is the one
    its POP DIRECTIONAL ISOLATE closes (review134: a headline's PDI with no isolate open closed
    it, and an override after it reversed the tab's words): a PDI closing nothing (and so doing
    nothing) is left out, and one is added for each isolate still open at the end."""
    kept: list[str] = []
    depth = 0
    for ch in value:
        kind = unicodedata.bidirectional(ch)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            if not depth:
                continue
            depth -= 1
        kept.append(ch)
    return "".join(kept) + "\u2069" * depth


def _link(url: str) -> str:
    """A URL as a link when it is an http(s) one, else as text: the page allows inline
    scripts, and a javascript: link runs when clicked (review49: a bundle edited by hand
    brought one; every command that takes a URL refuses it)."""
    if url.lower().startswith(("http://", "https://")):
        # Without a user name and password an older desk stored with it (annot).
        url = without_credentials(url)
        return f'<a href="{e(url)}" rel="noreferrer noopener">{e(shown_url(url))}</a>'
    return e(url)


# The longest URL a link says whole; a longer one says its host and path cut short.
URL_SHOWN = 60


def shown_url(url: str) -> str:
    """A link's text: its URL, or when longer than URL_SHOWN its host and path cut short with
    "…" (review134: a 1,900-character evidence URL was read out whole by a screen reader);
    the link still goes to the whole URL."""
    if len(url) <= URL_SHOWN:
        return url
    rest = url.split("://", 1)[-1]
    return rest if len(rest) <= URL_SHOWN else rest[: URL_SHOWN - 1] + "…"


@dataclass(frozen=True, slots=True)
class Shown:
    """What the page says of a claim's standing: CSS class suffix, symbol, word, rating."""

    key: str
    symbol: str
    word: str
    rating: str


def shown(c: ClaimView) -> Shown:
    """The one place that decides what the page shows of a claim's status and rating.

    The page is shared beyond the desk: a verdict whose quote changed after it was given
    (flagged for re-review) is not published, neither its word, its symbol nor its colour.
    """
    if c.flagged:
        return Shown(
            FLAGGED_CLASS,
            FLAGGED_STYLE[2],
            FLAGGED_WORD,
            f"withheld: flagged for re-review (the verdict was given on the words of revision "
            f"{c.verdict_revision}, before the quote changed)",
        )
    status = Status(c.status)
    rated = c.rating
    rating = "not rated"
    if rated is not None:
        rating = str(rated["label"]) + (f" ({rated['value']}/5)" if rated["value"] else "")
    return Shown(status.value, STYLES[status][2], status.value, rating)


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    claim: ClaimRecord
    primary: bool


def pieces(claims: Sequence[ClaimRecord]) -> list[Piece]:
    """The claims' spans cut into pieces that nest (see the module's docstring)."""
    ordered = sorted(claims, key=lambda r: (r.claim.start, -r.claim.end, r.claim.id))
    out: list[Piece] = []
    for rec in ordered:
        start, end = rec.claim.start, rec.claim.end
        cuts = sorted({p.end for p in out if p.start <= start < p.end and start < p.end < end})
        bounds = [start, *cuts, end]
        for i, (a, b) in enumerate(itertools.pairwise(bounds)):
            out.append(Piece(a, b, rec, primary=i == 0))
    return out


def _open_tag(piece: Piece, lang: str = "") -> str:
    """The <mark> opening `piece`; `lang`: its ` lang`, when its words' differs from around it."""
    c = piece.claim.claim
    show = shown(c)
    ident = "data-claim-id" if piece.primary else "data-claim-part"
    label = f"#{c.id} {show.symbol}"
    # One Tab stop a claim: its continuation is clicked, not tabbed to again.
    stop = ' tabindex="0"' if piece.primary else ""
    return (
        f'<mark class="hl s-{e(show.key)}" {ident}="{c.id}" data-label="{e(label)}" '
        f'title="{e(f"claim #{c.id}: {show.word}. {c.text}")}"{stop}{lang}>'
    )


def article_html(text: str, claims: Sequence[ClaimRecord], language: str | None = None) -> str:
    """The text with every piece wrapped in a <mark>; the text itself is unchanged but as `e`
    shows a control: cut at the stored text's offsets first, then escaped, so that each mark
    falls where its claim's offsets say however long the escapes before it. A piece whose words
    are in another script than around it (the article in `language`, or the mark it is in) says
    its own language (`own_lang`): an English quote in a Chinese article."""
    order = sorted(pieces(claims), key=lambda p: (p.start, -p.end, p.claim.claim.id))
    parts: list[str] = []
    pos = 0
    stack: list[Piece] = []
    # The language each open mark's words are read in (the article's, or its own).
    langs: list[str] = []
    for piece in order:
        while stack and stack[-1].end <= piece.start:
            top = stack.pop()
            langs.pop()
            parts.append(e(text[pos : top.end]) + "</mark>")
            pos = top.end
        parts.append(e(text[pos : piece.start]))
        pos = piece.start
        if stack and piece.end > stack[-1].end:  # pieces() guarantees nesting
            raise AssertionError("claim pieces do not nest")
        around = langs[-1] if langs else language or PAGE_LANGUAGE
        words = text[piece.start : min(piece.end, piece.start + SCRIPT_SAMPLE)]
        read = script_language(words)
        own = read is not None and differs(read, around)
        parts.append(_open_tag(piece, lang_attr(read) if own else ""))
        stack.append(piece)
        langs.append(read if own and read is not None else around)
    while stack:
        top = stack.pop()
        parts.append(e(text[pos : top.end]) + "</mark>")
        pos = top.end
    parts.append(e(text[pos:]))
    return "".join(parts)


def _status_badge(show: Shown) -> str:
    return f'<span class="badge s-{e(show.key)}">{e(show.symbol)} {e(show.word)}</span>'


def anchor_fact(c: ClaimView, latest: int) -> str | None:
    """Where the claim stands against the text on the page, when that is worth saying (the
    HTML page's and the Markdown's)."""
    if c.revision != latest:
        # Its offsets count in an older text: re-anchoring left it there (orphaned).
        why = (
            f": its quote was not found in revision {latest}"
            if c.anchor_state == "orphaned"
            else ""
        )
        return f"on revision {c.revision}, not highlighted{why}"
    if c.anchor_state != "exact":
        score = f", match {c.anchor_score:.2f}" if c.anchor_score is not None else ""
        return f"re-anchored onto revision {latest} ({c.anchor_state}{score})"
    return None


def lang_attr(language: str | None) -> str:
    """The ` lang` of what is in the document's language (its article, headline and quotes)
    on the English page: a screen reader reads it with that language's voice."""
    return f' lang="{e(language)}"' if language else ""


# The page's own language (its words, and what it says no other of).
PAGE_LANGUAGE = "en"
# What of a field its language is read from (`script_language` reads no more anyway).
SCRIPT_SAMPLE = 4_000


def own_lang(text: str, around: str | None = None) -> str:
    """The ` lang` of user text in the page (a claim's text, a note, an evidence title): its
    script's language (`script_language`) when that differs from `around` (the page's,
    English, when None), else none: it is read with the voice around it (fix174: Chinese notes
    were read with the page's English voice). A mix, or a script not told apart, says none."""
    read = script_language(text[:SCRIPT_SAMPLE])
    if read is None or not differs(read, around or PAGE_LANGUAGE):
        return ""
    return lang_attr(read)


def quote_lang(quote: str, language: str | None) -> str:
    """The ` lang` of a claim's quote, the article's words: the document's `language`, unless
    the quote's own script says another (fix174: an English sentence quoted by a Chinese
    article was marked `zh`, and read with a Chinese voice)."""
    return own_lang(quote, language) or lang_attr(language)


def isolated_own(value: str) -> str:
    """`isolated`, saying its own language (`own_lang`) on the <bdi>."""
    return f"<bdi{own_lang(value)}>{e(value)}</bdi>"


def article_lang(text: str, language: str | None) -> str:
    """The ` lang` of a name or words of the article (its author, a speaker, a quote a revision
    changed): the document's `language` where the text's script is written so and is not the
    page's, else its own (`own_lang`). Han alone reads as Chinese: review228 found a Japanese
    article's author 田中太郎 and speaker 安倍晋三 marked lang="zh" beside its lang="ja"."""
    read = script_language(text[:SCRIPT_SAMPLE])
    if (
        read is not None
        and language
        and written_in(read, language)
        and differs(read, PAGE_LANGUAGE)
    ):
        return lang_attr(language)
    return own_lang(text)


def isolated_article(value: str, language: str | None) -> str:
    """`isolated`, saying the language of the article's words (`article_lang`) on the <bdi>."""
    return f"<bdi{article_lang(value, language)}>{e(value)}</bdi>"


def title_lang(title: str | None, language: str | None) -> str:
    """The `lang` of a document's headline: its language when the headline is written in it
    (a Chinese article's desk may title it in English, e.g. "two": no `lang` then)."""
    if not title or not language:
        return ""
    read = guess_language(title)
    return lang_attr(language) if read and read == language.split("-")[0].lower() else ""


def _goto(claim_id: int) -> str:
    """The button showing a claim's span: only for a claim the article on the page highlights
    (review134: an orphaned claim's did nothing, the focus left on it)."""
    return (
        f'<button type="button" class="goto" data-target="{claim_id}" '
        f'aria-label="show claim #{claim_id} in the article">#{claim_id}</button>'
    )


def claim_item(rec: ClaimRecord, latest: int = 1, language: str | None = None) -> str:
    """One claim of the side list; `latest` is the revision the article on the page shows,
    `language` the document's (its quote is the article's words)."""
    c = rec.claim
    show = shown(c)
    facts = [
        ("status", _status_badge(show)),
        ("rating", e(show.rating)),
        ("owner", e(c.assignee or "unassigned")),
        ("type", e(c.type)),
        ("speaker", isolated_article(c.speaker, language) if c.speaker else "not given"),
    ]
    anchor = anchor_fact(c, latest)
    if anchor is not None:
        facts.append(("anchor", f'<span class="anchor">{e(anchor)}</span>'))
    if c.tags:
        facts.append(("tags", ", ".join(isolated(tag) for tag in c.tags)))
    if c.due:
        facts.append(("due", e(c.due)))
    # A withheld verdict's reasons go with it (review100: the page printed them, in its notes
    # and its history, while the annotation left them out "as the report does").
    hidden = withheld_notes(rec)
    # A note's author and time as the history says its entries' (trial225: "2026-12-06T05:37"
    # beside "2026-12-06 05:37:25" for one moment; a right-to-left name not set apart took the
    # comma and the time's digits into its run).
    notes = "".join(
        f'<li><span class="meta">{isolated(n.author)}, {e(as_read(n.created_at))}</span> '
        f'<span class="body"{own_lang(n.body)}>{e(n.body)}</span></li>'
        for n in rec.notes
        if n.id not in hidden
    )
    evidence = "".join(_evidence(item) for item in rec.evidence)
    timeline = "".join(
        _event(ev, withheld=c.flagged, hidden_notes=hidden, language=language)
        for ev in published_history(rec)
    )
    facts_html = "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in facts)
    return (
        f'<li class="claim" id="claim-{c.id}" data-claim="{c.id}">'
        f"<details><summary>{_goto(c.id) if c.revision == latest else f'#{c.id}'} "
        f'{_status_badge(show)} <span class="ctext"{own_lang(c.text)}>{e(c.text)}</span>'
        f"</summary>"
        f'<blockquote class="quote"{quote_lang(c.quote, language)}>{e(c.quote)}</blockquote>'
        f"<dl>{facts_html}</dl>"
        f"<h3>Notes</h3>{f'<ul>{notes}</ul>' if notes else '<p class=none>none</p>'}"
        f"<h3>Evidence</h3>"
        f"{f'<ul>{evidence}</ul>' if evidence else '<p class=none>none</p>'}"
        f'<h3>History</h3><ol class="timeline">{timeline}</ol>'
        f"</details></li>"
    )


# Left out of a history entry: bookkeeping, a proposal's own fields (its verdict is shown when
# it is applied: a proposal not yet approved is in review, not rated, on the page) and a span's
# context, which its quote already says.
HIDDEN_FIELDS = frozenset(
    {
        "version",
        "updated_at",
        "updated_by",
        "proposed_by",
        "proposed_status",
        "proposed_note",
        "prefix",
        "suffix",
    }
)
# And of a claim whose verdict the page withholds (flagged for re-review: `shown`), its status:
# the entries would otherwise say the verdict the badge and the rating leave out.
WITHHELD_FIELDS = HIDDEN_FIELDS | {"status"}
VALUE_MAX = 120


def _event(
    ev: EventView,
    *,
    withheld: bool = False,
    hidden_notes: frozenset[int] = frozenset(),
    language: str | None = None,
) -> str:
    """One entry of a claim's history: when, who, the action, and what it changed, with the
    note given for it (trial73: the entries named the action only, so a verdict corrected from
    verified to misleading read as two "claim.status_changed" lines, the correction unseen).
    `withheld`: the claim's verdict is not published (its status changes are not said), nor
    are the notes `hidden_notes` names (its reasons: `publishing.withheld_notes`). `language`:
    the document's, which a changed quote or speaker is in (`article_lang`)."""
    hidden = WITHHELD_FIELDS if withheld else HIDDEN_FIELDS
    changes = "; ".join(
        f"{name}: {_value(old, language)} → {_value(new, language)}"
        for name, old, new in changed_fields(ev.payload, hidden)
    )
    note = None if change_note_id(ev.payload) in hidden_notes else change_note(ev.payload)
    return (
        f'<li><span class="meta">{e(as_read(ev.at))}</span> {isolated(ev.actor)} '
        f"<code>{e(ev.action)}</code>"
        + (f' <span class="change">{changes}</span>' if changes else "")
        + (f' <q class="why">{isolated_own(note)}</q>' if note is not None else "")
        + "</li>"
    )


def _value(value: object, language: str | None = None) -> str:
    """A changed field's value, escaped and set apart, saying its language as a note does
    (trial225: a quote a revision changed was read with the page's English voice) in the
    document's `language` where it is written so (`article_lang`), long text cut short."""
    if value is None or value == []:
        return "(none)"
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return isolated_article(
        text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…", language
    )


def _evidence(item: object) -> str:
    from workbench.services.views import EvidenceView

    assert isinstance(item, EvidenceView)
    # Evidence with a URL and no title is its link alone (review134: the URL was said twice).
    title = item.title or (
        None if item.url else item.file_name or item.citation or f"evidence #{item.id}"
    )
    where = ""
    if item.url:
        # A link is followed only when the reader clicks it: the page itself loads nothing.
        where = " " + _link(item.url)
    elif item.sha256:
        where = f" <code>sha256 {e(item.sha256[:16])}…</code>"
    extra = f" — {isolated_own(item.citation)}" if item.citation and item.citation != title else ""
    label = f" {isolated_own(title)}" if title else ""
    return f'<li><span class="stance">{e(item.stance)}</span>{label}{where}{extra}</li>'


def legend() -> str:
    entries = [(s.value, s.value, sym, STATUS_MEANINGS[s]) for s, (_b, _l, sym) in STYLES.items()]
    entries.append((FLAGGED_CLASS, FLAGGED_WORD, FLAGGED_STYLE[2], FLAGGED_MEANING))
    rows = "".join(
        f'<li><mark class="hl s-{e(key)} sample" data-label="{e(sym)}">{e(word)}</mark> '
        f"{e(meaning)}</li>"
        for key, word, sym, meaning in entries
    )
    return f'<section class="legend" aria-label="legend"><h2>Legend</h2><ul>{rows}</ul></section>'


def _css() -> str:
    styles = [*((s.value, style) for s, style in STYLES.items()), (FLAGGED_CLASS, FLAGGED_STYLE)]
    rules = "".join(
        f".s-{key}{{background:{bg};text-decoration:underline {line} #333;"
        f"text-decoration-thickness:2px;text-underline-offset:3px}}"
        for key, (bg, line, _sym) in styles
    )
    return (
        "body{font:16px/1.7 system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:0;"
        f"color:{TEXT_COLOUR};background:#fff;overflow-wrap:anywhere}}"
        "header{padding:1rem 2rem;border-bottom:1px solid #ccc}"
        # Out of sight until a keyboard reaches it: the page's first Tab stop.
        "a.skip{position:absolute;left:1rem;top:-4rem;background:#fff;padding:.2rem .6rem;"
        "border:2px solid #1a4fd6}a.skip:focus{top:.5rem}"
        "#claims:focus{outline:none}"
        "main{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:2rem;"
        "padding:1rem 2rem}"
        ".article{white-space:pre-wrap;font-size:1.1rem}"
        # Each paragraph of the article (and a quote of it) runs the way its first letter
        # reads: an Arabic or Hebrew one right to left, in an English page (review134). Only
        # where there is such a letter: it doubles Chromium's load of a long article.
        ".rtl-text .article,.rtl-text .quote{unicode-bidi:plaintext}"
        "mark.hl{color:inherit;padding:0 1px;cursor:pointer;border-radius:2px}"
        "mark.hl mark.hl{padding:0}"
        "mark.hl::after{content:attr(data-label);font-size:.65em;vertical-align:super;"
        "margin-left:1px;color:#333}"
        "mark.hl.sample::after{content:' ' attr(data-label)}"
        "mark.hl:focus,summary:focus-visible{outline:3px solid #1a4fd6}"
        ".flash{animation:flash 1.2s ease-in-out 2}"
        "@keyframes flash{50%{outline:4px solid #1a4fd6;outline-offset:2px}}"
        ".badge{display:inline-block;padding:0 .4em;border-radius:.3em;font-size:.85em;"
        "text-decoration:none}"
        "aside ol.claims{list-style:none;padding:0}"
        "li.claim{border-bottom:1px solid #ddd;padding:.4rem 0}"
        "li.claim.open-now{background:#f3f6ff}"
        "summary{cursor:pointer}"
        "button.goto{font:inherit;cursor:pointer}"
        ".quote{margin:.4rem 0;padding-left:.6rem;border-left:3px solid #999}"
        # A quote's and a note's line feeds shown as the article's are, as the Markdown
        # report writes them (a quote across two paragraphs read as one run of text).
        ".quote,.body{white-space:pre-wrap}"
        "dl{display:grid;grid-template-columns:auto minmax(0,1fr);gap:0 .8rem}"
        "dt{font-weight:600}dd{margin:0}"
        "li.claim h3{font-size:1em;margin:.6em 0 .2em}"
        ".meta{color:#555;font-size:.85em}"
        ".legend ul{list-style:none;padding:0}"
        "@media (max-width:60rem){main{grid-template-columns:minmax(0,1fr)}}"
        # On paper every claim is unfolded: a folded one would print as its summary line only.
        "@media print{details::details-content{display:contents}"
        "summary{list-style:none}button.goto{border:0;background:none;padding:0}}" + rules
    )


SCRIPT = """
(function () {
  function marks(id) {
    return document.querySelectorAll(
      '[data-claim-id="' + id + '"], [data-claim-part="' + id + '"]');
  }
  function flash(id) {
    var found = marks(id);
    if (!found.length) return;
    found[0].scrollIntoView({block: 'center'});
    found.forEach(function (m) {
      m.classList.remove('flash'); void m.offsetWidth; m.classList.add('flash');
    });
    found[0].focus({preventScroll: true});
  }
  function openClaim(id) {
    var item = document.getElementById('claim-' + id);
    if (!item) return;
    document.querySelectorAll('li.claim.open-now').forEach(function (li) {
      li.classList.remove('open-now');
    });
    var details = item.querySelector('details');
    details.open = true;
    item.classList.add('open-now');
    item.scrollIntoView({block: 'nearest'});
    // The focus goes with it, as the claim's #N button takes it back to the span.
    details.querySelector('summary').focus({preventScroll: true});
  }
  document.addEventListener('click', function (ev) {
    var button = ev.target.closest('button.goto');
    if (button) { ev.preventDefault(); flash(button.getAttribute('data-target')); return; }
    var mark = ev.target.closest('mark.hl[data-claim-id], mark.hl[data-claim-part]');
    if (mark) {
      openClaim(mark.getAttribute('data-claim-id') || mark.getAttribute('data-claim-part'));
    }
  });
  // Where ::details-content is not known, the claims are unfolded for printing by script.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) {
      d.open = true; d.setAttribute('data-print-opened', '');
    });
  });
  window.addEventListener('afterprint', function () {
    document.querySelectorAll('details[data-print-opened]').forEach(function (d) {
      d.open = false; d.removeAttribute('data-print-opened');
    });
  });
  document.addEventListener('keydown', function (ev) {
    var mark = ev.target.closest && ev.target.closest('mark.hl');
    if (mark && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); mark.click(); }
  });
})();
"""


RIGHT_TO_LEFT = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Arabic, Hebrew, Syriac, Thaana...). Each
    character it holds is asked once (perf223: a year's report asked two million times, once
    for each character of every article and quote)."""
    return any(unicodedata.bidirectional(ch) in RIGHT_TO_LEFT for ch in set(text))


def document_page(record: DocumentRecord, *, generated_at: str) -> str:
    doc = record.document
    title = doc.title or f"Document #{doc.id}"
    meta = [f"document #{doc.id}", plural(len(record.claims), "claim")]
    if doc.author:
        meta.append(f"by {isolated_article(doc.author, doc.language)}")
    if doc.published:
        meta.append(f"published {e(doc.published)}")
    source = " " + _link(doc.url) if doc.url else ""
    lang = lang_attr(doc.language)
    items = "".join(claim_item(rec, record.revision, doc.language) for rec in record.claims)
    # Offsets count in the claim's own revision: only the latest one's claims are drawn on it.
    current = [rec for rec in record.claims if rec.claim.revision == record.revision]
    quoted = (rec.claim.quote for rec in record.claims)
    rtl = ' class="rtl-text"' if has_rtl(record.text) or any(map(has_rtl, quoted)) else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">'
        f"{VIEWPORT}"
        f"<title>{isolated_text(title)} — claims report</title>"
        f"<style>{_css()}</style></head><body>"
        # Every highlight is a Tab stop: a keyboard user skips them to the claims.
        '<a class="skip" href="#claims">Skip to the claims</a>'
        f"<header><h1{title_lang(doc.title, doc.language)}>{e(title)}</h1>"
        f'<p class="meta">{" · ".join(meta)}{source}'
        f" · report generated {e(generated_at)}</p></header>"
        f"<main{rtl}>"
        f'<article class="article"{lang} aria-label="article">'
        f"{article_html(record.text, current, doc.language)}</article>"
        f'<aside aria-label="claims">{legend()}<h2 id="claims" tabindex="-1">Claims</h2>'
        f'<ol class="claims">{items}</ol></aside>'
        "</main>"
        f"<script>{SCRIPT}</script>"
        "</body></html>\n"
    )


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the index of `report --all` says of one document's page: kept in place of the
    document's records, so that the pages are written as they are built (review trial57: all
    500 of a year's pages were held first, 3.2 GB)."""

    document_id: int
    title: str | None
    claims: int
    # How many of its claims the page shows with each status word (`shown`).
    by_status: tuple[tuple[str, int], ...]
    filename: str
    language: str | None = None


def index_entry(record: DocumentRecord, filename: str | None = None) -> IndexEntry:
    """What the index says of `record`'s page, named `filename` (its HTML page's by default)."""
    counts: dict[str, int] = {}
    for rec in record.claims:
        word = shown(rec.claim).word
        counts[word] = counts.get(word, 0) + 1
    doc = record.document
    return IndexEntry(
        doc.id,
        doc.title,
        len(record.claims),
        tuple(sorted(counts.items())),
        filename or page_name(record),
        doc.language,
    )


def index_page(entries: Sequence[IndexEntry], *, generated_at: str) -> str:
    """The index of `report --all`: each document, its claims by status, its page."""
    rows = []
    for entry in entries:
        summary = ", ".join(f"{n} {s}" for s, n in entry.by_status) or "no claims"
        rows.append(
            f'<tr><td>{entry.document_id}</td><td><a href="{e(entry.filename)}"'
            f"{title_lang(entry.title, entry.language)}>"
            f"{e(entry.title or f'Document #{entry.document_id}')}</a></td>"
            f"<td>{entry.claims}</td><td>{e(summary)}</td></tr>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">'
        f"{VIEWPORT}<title>Claims reports</title><style>{_css()}"
        "main{display:block;padding:0}"
        ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);"
        "white-space:nowrap}"
        "table{border-collapse:collapse;margin:1rem 2rem}td,th{padding:.3rem .8rem;"
        "border-bottom:1px solid #ddd;text-align:left}"
        "@media (max-width:40rem){table{margin:1rem .5rem}td,th{padding:.3rem .4rem}}"
        "</style></head><body>"
        f'<header><h1>Claims reports</h1><p class="meta">{plural(len(entries), "document")} · '
        f"generated {e(generated_at)}</p></header>"
        # "#" is shown, "document number" said: a screen reader leaves the sign out or says it.
        '<main><table><thead><tr><th><span aria-hidden="true">#</span>'
        '<span class="vh">document number</span></th>'
        "<th>document</th><th>claims</th><th>status</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></main></body></html>\n"
    )


def page_name(record: DocumentRecord) -> str:
    return document_page_name(record.document.id)


def document_page_name(document_id: int) -> str:
    return f"document-{document_id}.html"


INDEX_NAME = "index.html"
