"""W3C Web Annotation (JSON-LD): claims as `assessing` annotations that Hypothesis-style tools
exchange, and reading such a collection back.

Each claim is one Annotation whose target is the document (its URL, with a TimeState naming
the state of the page the selectors count in, or `urn:sha256:` of the text of the revision the
claim is pinned in when it has none) narrowed by a TextQuoteSelector (exact quote with 32
characters of context each side) and a TextPositionSelector (code-point offsets into that
revision's text, as the model counts them). Its bodies, each a TextualBody
with one of the model's standard purposes: the claim's text (`describing`), its status
(`tagging`), its type (`classifying`), its rating when it has one (`assessing`) and, for a
verdict, its reason: the note given with it, not a later one (`commenting`; an open claim's is
its latest note: workbench.domain.sign_off.reason_note). A verdict flagged for re-review keeps
its annotation, a `highlighting` one without status, rating or reason, as the report withholds
it (`Annotated.withheld`); published anyway (--include-flagged), its selectors and TimeState
name the words, and the revision, the verdict was given on (`Annotated.span`). The claim's
speaker, whose statement the quoted words are, is the target's `creator` (an Agent with a
`name`: Web Annotation 3.3.1 lets a target have one; and a `type`, `Person` or `Organization`,
where the claim's speaker:person or speaker:organisation tag says which).

Reading back, the status, type, note and speaker (and the rating, to say one that differs from
the claim present) are taken only from an annotation this workbench wrote,
known by its `generator`: another tool's tags are its own (a Hypothesis tag "false" is not a
verdict), and an export written before the generator was named carried no reasons, so its
claims come in unverified and typed fact, as they always did. The generator also names the
shape of what it wrote (`SHAPE`): only in an annotation of that shape does a field it lacks say
the field was taken out (`IncomingAnnotation.whole`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain.cjk import TYPED_ASCII
from workbench.domain.clock import LATEST_AHEAD
from workbench.domain.errors import InvalidInput
from workbench.domain.shown import shown_text
from workbench.domain.spans import Span
from workbench.domain.speaker_kind import speaker_kind
from workbench.domain.urls import as_uri
from workbench.exports.json_stream import list_pieces
from workbench.services.views import ClaimView, DocumentView

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Ids are name-based UUIDs: the same claim gets the same id in every export (and after a move
# to another database by bundle, which keeps documents' hashes and claims' ids and times).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://claim-workbench.invalid/annotations")
MAX_ANNOTATIONS = 100_000
# The shape of the annotations this export writes, which a reader needs to know what a field's
# absence means. Exports before it named none (they are shape 1, all alike to a reader though
# they differ: until 85167ef3 no speaker, until 6f944490 the latest note, not the verdict's
# reason). Shape 2 writes every field this module's `annotation` does, the speaker as the
# target's creator and a verdict's reason as its note. A later shape that writes a field
# otherwise, or leaves one out, is a new number.
SHAPE = "2"
# The `reason` of the refusal of a file of a later shape than `SHAPE` (a later release's
# export): what it leaves out or writes otherwise this reader cannot know.
NEWER_ANNOTATIONS = "newer_annotations"
# Characters of the later shape the refusal names (a file's value: 5,000 digits made a line
# as long).
SHAPE_SHOWN = 40
# Who wrote the annotation (the model's `generator`, a Software agent): what marks the status,
# type and note bodies as this workbench's. The IRI names, it is not fetched. The shape is
# schema.org's softwareVersion (`schema:` is a prefix the annotation context defines): the
# version of what the generator writes, not of the package.
GENERATOR = {
    "id": "https://claim-workbench.invalid/",
    "type": "Software",
    "name": "Claim Workbench",
    "schema:softwareVersion": SHAPE,
}


def document_source(document: DocumentView, text_sha256: str | None = None) -> str:
    """The target's source: the document's URL, else the sha256 URN of the text the selectors
    point into (the claim's own revision; revision 1 when not given)."""
    # With a URL, the selectors still count in the claim's revision's stored text (the text
    # the workbench extracted from that page at that time), not in the live page's HTML.
    # Written as a URI: the stored URL is as typed, and may hold a Unicode host or path, or a
    # `"`, which the annotation model's schemas refuse as a source (`urls.as_uri`).
    if document.url:
        return as_uri(document.url)
    return f"urn:sha256:{text_sha256 or document.sha256}"


def annotation_id(document: DocumentView, claim: ClaimView) -> str:
    return claim_annotation_id(document.sha256, claim.id, claim.created_at)


def claim_annotation_id(document_sha256: str, claim_id: int, created_at: str) -> str:
    """The id of the annotation of claim `claim_id` (added at `created_at`, in its event form)
    of the document whose revision 1 has `document_sha256`: what an import knows its own
    export's annotations of a claim by."""
    name = f"{document_sha256}/{claim_id}/{created_at}"
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"


@dataclass(frozen=True, slots=True)
class Annotated:
    """What one annotation is made of: a claim, its document, the sha256 of the text of the
    claim's revision (None: revision 1's), the body of the note its exports publish (its
    verdict's reason, else its latest note: workbench.domain.sign_off.reason_note), and when
    the claim's revision was stored (None: when the document was added)."""

    claim: ClaimView
    document: DocumentView
    text_sha256: str | None = None
    note: str | None = None
    text_stored_at: str | None = None
    # The claim's verdict is flagged for re-review (its quote changed after it was given) and
    # not published: the annotation keeps the highlight, the claim's text and type, and leaves
    # out its status, rating and reason (see `annotation`).
    withheld: bool = False
    # The words the selectors name, when not the claim's own: a flagged verdict published
    # anyway names the span it was given on (in the revision `text_sha256` names), so that it
    # does not mark the words that replaced them (trial54: a page's correction marked False).
    span: Span | None = None
    # The last day a time may name (today where it is latest, by this computer's clock:
    # `latest_day`); a later `created` or `modified` is left out (None: every time is kept).
    latest: str | None = None
    # The text the span counts in, when the export has it at hand (the latest revision's): its
    # TextQuoteSelector is widened until it names one place in it (`distinguished`). An older
    # revision's span comes widened in its own text (`services.exports._older_spans`).
    text: str | None = None


# The most context a TextQuoteSelector is widened to, each side (32 doubled 5 times): a passage
# a page prints twice is told apart well within it. A text that is one passage over and over
# is told apart by nothing short of its ends, and each claim's selector then carried most of
# the text (rpub: 30 claims in 820,000 characters exported 24.6 MB, past what the import
# reads); there its stored context is kept, and the TextPositionSelector says where it is.
MAX_CONTEXT = 1024


def distinguished(text: str, span: Span) -> Span:
    """`span` with as much of `text` around it as makes its prefix, quote and suffix occur in
    `text` once, where the span is: a reader anchoring by the TextQuoteSelector takes the first
    match, and a passage the article repeats had the same 32 characters around each copy
    (publish: the claim on the second copy was marked on the first). Widened both ways,
    doubling, to at most MAX_CONTEXT characters each side, so a text of n characters is
    searched at most log MAX_CONTEXT times; as stored when its context already names one
    place, when no context that long does, or when `text` is not the text it counts in."""
    start, end = span.start, span.end
    if not (0 <= start <= end <= len(text)) or text[start:end] != span.quote:
        return span
    before, after = len(span.prefix), len(span.suffix)
    while True:
        prefix = text[max(0, start - before) : start]
        suffix = text[end : end + after]
        needle = prefix + span.quote + suffix
        first = text.find(needle)
        if text.find(needle, first + 1) == -1:
            break
        if before >= MAX_CONTEXT and after >= MAX_CONTEXT:
            return span  # no bounded context names one place: the position does
        before = min(MAX_CONTEXT, max(1, 2 * before))
        after = min(MAX_CONTEXT, max(1, 2 * after))
    if (prefix, suffix) == (span.prefix, span.suffix):
        return span
    return Span(start, end, span.quote, prefix, suffix)


def selected_span(claim: ClaimView, span: Span | None) -> Span:
    """The span an annotation's selectors name: `span` where given (the words a flagged
    verdict was judged on, `Annotated.span`), else the claim's own."""
    return span or Span(claim.start, claim.end, claim.quote, claim.prefix, claim.suffix)


def latest_day(moment: dt.datetime) -> str:
    """The last day a published time may name, by this computer's clock reading `moment`:
    today where it is latest (UTC+14), as ClaimReview's `ahead_reason` has it."""
    return (moment + LATEST_AHEAD).date().isoformat()


def times_ahead(claim: ClaimView, latest: str) -> tuple[str, ...]:
    """The claim's times an annotation publishes (`created`, `modified`) that name a day
    after `latest`: stamped by a clock that was ahead (fix174: a verdict given at 2099 was
    published as modified then, where ClaimReview skips its review)."""
    times = (claim.created_at, claim.updated_at)
    return tuple(dict.fromkeys(at for at in times if at[:10] > latest))


def target(item: Annotated) -> dict[str, Any]:
    """The annotated text: the document, narrowed by the claim's selectors.

    A live URL's page changes: with a URL, the target's `state` (a TimeState, Web Annotation
    4.3.1) says which state of it the selectors count in, the text of the claim's revision:
    `sourceDate`, when that text was stored, and `cached`, that text by its sha256 (`doc
    revisions` lists them; `doc text --revision` prints it). So a claim still pinned in an older
    revision (orphaned, or not re-anchored) does not give offsets that now hold other text
    against the page as it is: its TextPositionSelector counts in the text it was made on."""
    claim, document = item.claim, item.document
    span = selected_span(claim, item.span)
    if item.text is not None:
        span = distinguished(item.text, span)
    text_sha256 = item.text_sha256 or document.sha256
    out: dict[str, Any] = {"source": document_source(document, text_sha256)}
    if document.url:
        out["state"] = {
            "type": "TimeState",
            "sourceDate": item.text_stored_at or document.created_at,
            "cached": f"urn:sha256:{text_sha256}",
        }
    out["selector"] = [
        {
            "type": "TextQuoteSelector",
            "exact": span.quote,
            "prefix": span.prefix,
            "suffix": span.suffix,
        },
        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
    ]
    if claim.speaker:
        # The quoted statement is the speaker's. Its type (the model's Agent types, 3.3.2:
        # Person and Organization, FOAF's classes in the annotation context, as the words
        # ClaimReview's schema.org uses) only as the desk tagged it: the name is not
        # guessed at, as ClaimReview must for its author, since a partner's tools would take a
        # guess as the desk's word.
        creator: dict[str, str] = {"name": claim.speaker}
        if (kind := speaker_kind(claim.tags)) is not None:
            creator = {"type": kind, **creator}
        out["creator"] = creator
    return out


def annotation(item: Annotated) -> dict[str, Any]:
    """One claim as an Annotation. Its selectors are the claim's own (quote, context and
    offsets in the text of the revision it is pinned in), or the span its flagged verdict was
    given on, when it is published anyway (`Annotated.span`).

    A withheld verdict (flagged for re-review, not confirmed on the current text) is published
    as the report shows it: the span highlighted with the claim's text and type, motivation
    `highlighting`, and no status, rating or reason, none of which stands until a new decision
    (read back, such an annotation's claim comes in in_progress, to be decided again)."""
    claim, document = item.claim, item.document
    body: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": claim.text,
            "format": "text/plain",
        },
    ]
    if not item.withheld:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": claim.status})
    body.append({"type": "TextualBody", "purpose": "classifying", "value": claim.type})
    rated = claim.rating
    if rated is not None and not item.withheld:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": rated["label"]})
    if item.note is not None and not item.withheld:
        # A verdict's reason (the note written with it; an open claim's latest note), which an
        # import needs to take the verdict; the published report shows every note too.
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": item.note,
                "format": "text/plain",
            }
        )
    # No "language" on the claim text: it is the desk's own words, whose language is not
    # recorded (an English claim about a Chinese article is common). The document's language
    # would belong on the target's source resource, which is an IRI here; readers expect it so.
    # A time after today is left out (both are optional): no clock could have written it
    # right, and a partner's tools would sort the annotation by it (`times_ahead`).
    ahead = times_ahead(claim, item.latest) if item.latest is not None else ()
    times = {
        name: at
        for name, at in (("created", claim.created_at), ("modified", claim.updated_at))
        if at not in ahead
    }
    return {
        "@context": CONTEXT,
        "id": annotation_id(document, claim),
        "type": "Annotation",
        "motivation": "highlighting" if item.withheld else "assessing",
        **times,
        "creator": {"type": "Person", "name": claim.created_by},
        "generator": dict(GENERATOR),
        "body": body,
        "target": target(item),
    }


def collection(items: Sequence[Annotated], *, label: str) -> dict[str, Any]:
    """An AnnotationCollection whose first (and only) page holds every annotation."""
    annotations = [annotation(item) for item in items]
    ident = CollectionId()
    for a in annotations:
        ident.add(a["id"])
    out = collection_head(ident.value(), label=label, total=len(annotations))
    out["first"]["items"] = annotations
    return out


class CollectionId:
    """The collection's id, a name-based UUID of its annotations' ids in order (uuid5 of
    `collection:` and the ids joined by commas), hashed as the ids come: a year's ids are not
    joined into one string first (the same UUID: uuid5 is the SHA-1 of the namespace and the
    name, which a hash takes in pieces as well as whole)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha1(NAMESPACE.bytes + b"collection:", usedforsecurity=False)
        self._count = 0

    def add(self, annotation_id: str) -> None:
        self._hash.update((b"," if self._count else b"") + annotation_id.encode())
        self._count += 1

    def value(self) -> uuid.UUID:
        return uuid.UUID(bytes=self._hash.digest()[:16], version=5)


def collection_head(ident: uuid.UUID, *, label: str, total: int) -> dict[str, Any]:
    """The AnnotationCollection `ident` (`CollectionId.value`) of `total` annotations, its first
    page's items left empty: what is written before them."""
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{ident}",
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
        "first": {
            "id": f"urn:uuid:{uuid.uuid5(NAMESPACE, f'page:{ident}')}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [],
        },
    }


# Stands for the items in the encoded head: a JSON string, which no label can spell unescaped
# (a `"` of its own is written `\"`), and the last thing the collection holds.
_ITEMS = "@@items@@"


def collection_pieces(head: dict[str, Any], annotations: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The collection `head` (`collection_head`) holding `annotations`, as JSON text in pieces,
    the bytes `json.dumps(collection, ensure_ascii=False, indent=2)` writes: one annotation is
    encoded at a time (a year's were all held as dicts, and their text, at once)."""
    first = dict(head["first"], items=_ITEMS)
    before, _, after = _encode(dict(head, first=first)).rpartition(json.dumps(_ITEMS))
    yield before
    # The items are the first page's last key, and the page the collection's last: level 2.
    yield from list_pieces(annotations, 2, _encode)
    yield after


def _encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@dataclass(frozen=True, slots=True)
class IncomingAnnotation:
    """What an annotation says about one claim: where (selectors) and what (the describing
    body); and, from this workbench's own annotations, the claim's status, type and note as
    written (checked by the import, which names the annotation; None: not given)."""

    index: int
    text: str
    exact: str | None
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    status: str | None = None
    claim_type: str | None = None
    note: str | None = None
    # The annotation's id, from this workbench's own annotations (`claim_annotation_id`).
    ident: str | None = None
    # The claim's speaker: the name of its target's creator, in this workbench's annotations.
    speaker: str | None = None
    # The speaker's type as its creator gives it, in this workbench's annotations (None: none
    # given): `Person` or `Organization`, read into its tag with the other checks of the
    # annotation (`speaker_kind.type_tag`), so that --skip-bad skips one of another type.
    speaker_type: object = None
    # The rating label its `assessing` body gives, in this workbench's annotations: read only
    # to say one an editor changed (the status is what an import takes; the rating follows it).
    rating: str | None = None
    # What its targets name as their source, and the cached state of it (an IRI each): which
    # document the annotation is of (`services.annotation_targets`).
    sources: tuple[str, ...] = ()
    # This workbench's own annotation of a claim whose verdict it withheld (flagged for
    # re-review): highlighting, with no status (`annotation`).
    withheld: bool = False
    # This workbench wrote it (its generator): its status, type, speaker and note are read.
    ours: bool = False
    # Ours, of the shape this reader knows (its generator's `SHAPE`): it carries each field its
    # export writes, so a status, type, speaker or note it lacks was taken out of it, or never
    # held (an import says what differs from the claim present: `import_present.differing`).
    # An export of ours that names no shape (or another) may be of a version that did not
    # write a field at all (no speaker before 85167ef3): what it leaves out says nothing.
    whole: bool = False


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _value_text(value: Any) -> str | None:
    """A body's value as text: a string, or a JSON-LD value object's string `@value`
    ({"@value": "...", "@language": "zh"}, which a JSON-LD tool may write for one); else None."""
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    return value if isinstance(value, str) else None


def _text_of(body: list[Any], where: str) -> str | None:
    """The claim: the describing TextualBody, else the first textual body of any purpose. A
    describing body without a text value is refused, not passed over: the next textual body
    was this workbench's own `tagging` one, and the claim came in with its status word as its
    text (review54)."""
    bodies = [b for b in body if isinstance(b, dict)]
    for b in bodies:
        if b.get("purpose") == "describing":
            text = _value_text(b.get("value"))
            if text is None:
                raise InvalidInput(f"{where}: its describing body has no text value")
            return text
    textual = [t for t in (_value_text(b.get("value")) for b in bodies) if t is not None]
    return textual[0] if textual else None


def _purposed(body: list[Any], purpose: str, where: str) -> str | None:
    """The value of the TextualBody with this purpose (None: there is none); two are refused,
    as the claim has one status, one type and one published note."""
    values = [
        b.get("value")
        for b in body
        if isinstance(b, dict) and b.get("purpose") == purpose and b.get("type") == "TextualBody"
    ]
    if len(values) > 1:
        raise InvalidInput(f"{where}: {len(values)} {purpose} bodies; a claim has one")
    text = _value_text(values[0]) if values else None
    if values and text is None:
        raise InvalidInput(f"{where}: its {purpose} body has no text value")
    return text


def _rating(body: list[Any]) -> str | None:
    """The rating label the `assessing` body gives, when it gives one label as text (None:
    none to compare). Unlike the status, type and note, it is compared only, never imported:
    a second label (an editor's translation, 假 beside False) or one not text (a score) is no
    reason to refuse the annotation, as it refused the file whole (review201)."""
    values = [
        _value_text(b.get("value"))
        for b in body
        if isinstance(b, dict)
        and b.get("purpose") == "assessing"
        and b.get("type") == "TextualBody"
    ]
    return values[0] if len(values) == 1 else None


def _ours(item: dict[str, Any]) -> bool:
    """Whether this workbench wrote the annotation (its generator, by id)."""
    agents = _as_list(item.get("generator"))
    ids = [a.get("id") if isinstance(a, dict) else a for a in agents]
    return GENERATOR["id"] in ids


def _shape(item: dict[str, Any]) -> object:
    """The shape this workbench's generator names, as the file gives it (None: none, as
    before it did; `_shape_number` reads it)."""
    for agent in _as_list(item.get("generator")):
        if isinstance(agent, dict) and agent.get("id") == GENERATOR["id"]:
            shape = agent.get("schema:softwareVersion")
            # A JSON-LD value object ({"@value": "3"}), as a body's value is read.
            return shape["@value"] if isinstance(shape, dict) and "@value" in shape else shape
    return None


# A shape as a file may name it: a whole number, or one with a part after a point ("3.1", "2.0":
# the shape is the whole number, as "3.1" is no shape this reader knows either way).
_SHAPE_NUMBER = re.compile(r"([0-9]+)(?:\.[0-9]+)*")
# Digits of a shape read as a number: one of more is far later than any (int() of over 4,300
# digits raises, and a traceback ended the import: review216).
_SHAPE_DIGITS = 9


def _shape_number(shape: object) -> int | None:
    """The whole number of a shape as given (`_shape`): text, typed full-width or not, or a
    JSON number (a hand-made file writes 3 for "3": it was read as naming none, review216);
    None for anything else (no shape named, as before)."""
    if isinstance(shape, bool):
        return None
    if isinstance(shape, int):
        return shape
    if isinstance(shape, float):
        shape = repr(shape)
    if not isinstance(shape, str):
        return None
    found = _SHAPE_NUMBER.fullmatch(shape.translate(TYPED_ASCII).strip())
    if found is None:
        return None
    digits = found[1].lstrip("0") or "0"
    return int(digits) if len(digits) <= _SHAPE_DIGITS else 10**_SHAPE_DIGITS


def _shape_read(shape: object, where: str) -> int | None:
    """The whole number of an annotation's shape as given (`_shape_number`; None: none named),
    read once for both of read_annotation's questions: a later one refused here, and one equal
    to `SHAPE` makes the annotation whole. A later shape (its whole number above `SHAPE`) was
    written by a later release, whose fields this reader would compare by rules not theirs (it
    was taken as one that names no shape, unsaid). Another value (no number) is read as one
    that names none, as before. Asked before anything else of the annotation is read: a later
    shape may write it otherwise, and its refusal was a fault of the file's (review216)."""
    number = _shape_number(shape)
    if number is not None and number > int(SHAPE):
        given = shape.strip() if isinstance(shape, str) else shape
        raise InvalidInput(
            f"{where} was written by a later workbench (its generator's schema:softwareVersion "
            f"is {shown_text(given, SHAPE_SHOWN)}; this workbench reads annotations of shape "
            f"{SHAPE} and older): nothing imported; import it with that release or a newer one",
            reason=NEWER_ANNOTATIONS,
        )
    return number


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_annotation(index: int, item: Any) -> IncomingAnnotation:
    where = f"annotation {index}"
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise InvalidInput(f"{where}: not an object of type Annotation")
    ours = _ours(item)
    shape_number = _shape_read(_shape(item) if ours else None, where)
    body = _as_list(item.get("body"))
    text = _text_of(body, where)
    if text is None and isinstance(item.get("bodyValue"), str):
        text = item["bodyValue"]
    if not text or not text.strip():
        raise InvalidInput(f"{where}: no textual body to take the claim's text from")
    targets = _as_list(item.get("target"))
    selectors = [
        s
        for t in targets
        if isinstance(t, dict)
        for s in _as_list(t.get("selector"))
        if isinstance(s, dict)
    ]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    if quote is None and position is None:
        raise InvalidInput(f"{where}: no TextQuoteSelector or TextPositionSelector in its target")
    exact = quote.get("exact") if quote else None
    if quote is not None and not (isinstance(exact, str) and exact):
        raise InvalidInput(f"{where}: the TextQuoteSelector has no exact text")
    start = _int_or_none(position.get("start")) if position else None
    end = _int_or_none(position.get("end")) if position else None
    if position is not None and (start is None or end is None):
        raise InvalidInput(f"{where}: the TextPositionSelector needs integer start and end")
    status = _purposed(body, "tagging", where) if ours else None
    speaker, speaker_type = _speaker(targets, where) if ours else (None, None)
    return IncomingAnnotation(
        index=index,
        text=text,
        exact=exact if isinstance(exact, str) else None,
        prefix=str(quote.get("prefix") or "") if quote else "",
        suffix=str(quote.get("suffix") or "") if quote else "",
        start=start,
        end=end,
        status=status,
        claim_type=_purposed(body, "classifying", where) if ours else None,
        note=_purposed(body, "commenting", where) if ours else None,
        ident=item["id"] if ours and isinstance(item.get("id"), str) else None,
        speaker=speaker,
        speaker_type=speaker_type,
        rating=_rating(body) if ours else None,
        sources=_sources(targets),
        withheld=ours and status is None and item.get("motivation") == "highlighting",
        ours=ours,
        whole=ours and shape_number == int(SHAPE),
    )


def _sources(targets: list[Any]) -> tuple[str, ...]:
    """The IRIs its targets name as their source (a target that is an IRI names itself) and
    the cached state of that source (what this workbench's exports write with a URL)."""
    found: list[str] = []
    for t in targets:
        if isinstance(t, str):
            found.append(t)
        elif isinstance(t, dict):
            found.extend(v for v in (t.get("source"),) if isinstance(v, str))
            state = t.get("state")
            for s in _as_list(state):
                if isinstance(s, dict) and isinstance(s.get("cached"), str):
                    found.append(s["cached"])
    return tuple(found)


def _speaker(targets: list[Any], where: str) -> tuple[str | None, object]:
    """The speaker this workbench wrote as its target's creator, and its type as given (None
    each: none given); a creator without a text name, or two, are refused, as the claim has
    one speaker."""
    creators = [
        creator for t in targets if isinstance(t, dict) for creator in _as_list(t.get("creator"))
    ]
    if not creators:
        return None, None
    if len(creators) > 1:
        raise InvalidInput(
            f"{where}: {len(creators)} creators of its target; a claim has one speaker"
        )
    name = creators[0].get("name") if isinstance(creators[0], dict) else None
    if not isinstance(name, str):
        raise InvalidInput(f"{where}: its target's creator (the speaker) has no text name")
    return name, creators[0].get("type")


def read_collection(data: Any) -> list[IncomingAnnotation]:
    """The annotations of a collection (every page given inline), a page, a list or one."""
    if isinstance(data, list):
        items: list[Any] = data
    elif isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        items = []
        page = data.get("first")
        seen = 0
        while isinstance(page, dict):
            items.extend(_as_list(page.get("items")))
            page = page.get("next")
            seen += 1
            if seen > 10_000:
                raise InvalidInput("the collection has too many pages")
        if not isinstance(data.get("first"), dict):
            raise InvalidInput(
                "the collection's first page is not included inline (it would have to be "
                "fetched): export the collection with its pages embedded"
            )
    elif isinstance(data, dict) and data.get("type") == "AnnotationPage":
        items = _as_list(data.get("items"))
    elif isinstance(data, dict) and data.get("type") == "Annotation":
        items = [data]
    else:
        raise InvalidInput("not a Web Annotation collection, page or annotation")
    if len(items) > MAX_ANNOTATIONS:
        raise InvalidInput(f"over {MAX_ANNOTATIONS:,} annotations in one file")
    return [read_annotation(i, item) for i, item in enumerate(items, start=1)]
