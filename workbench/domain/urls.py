"""http(s) URLs as the desk takes them, and as a refusal says them back (no user name or
password, no characters that spoof a link)."""

from __future__ import annotations

import contextlib
import re
import sys
import unicodedata

from workbench.domain.canonical_order import composed
from workbench.domain.errors import InvalidInput
from workbench.domain.hostnames import NoHostName, ascii_hostname
from workbench.domain.limits import MAX_URL, check_text, said

# Characters that make a link read as another and spell nothing: bidi controls (an override
# shows `https://ex.com/\u202emoc.live` as .../evil.com), zero-width spaces and joiners that
# join nothing, a soft hyphen (review52). ZWNJ and ZWJ spell Persian and Indic words, which
# IDNA allows: kept (review53: a Persian Wikipedia address was refused). A stored URL holding
# one is written percent-encoded as a Markdown link (`md_escape.autolink`).
SPOOFING = frozenset(
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)


# A URL's authority: after `//`, up to its path, query or fragment.
_AUTHORITY = re.compile(r"^[^/?#]*//([^/?#]*)")


def without_userinfo(url: str) -> str:
    """`url` as a refusal may say it back: its user name and password (to the authority's last
    `@`: a password may hold one) written as `…`, and nothing else. An `@` in the path or query
    (`/@author/story`) is not one: the mask ran to the URL's last `@`, and hid the host. A
    password holding an unescaped `/`, `?` or `#` ends the authority early (`//user:pa/ss@h`,
    whose "port" is no number): masked to the `@` after it, as before."""
    found = _userinfo(url)
    return url if found is None else url[: found[0]] + "…" + url[found[1] :]


def without_credentials(url: str) -> str:
    """`url` with no user name or password (`without_userinfo`'s rule, nothing in their place):
    the page a URL stored before they were refused (257a8e02) names, as an export or a report
    publishes it (annot)."""
    found = _userinfo(url)
    return url if found is None else url[: found[0]] + url[found[1] + 1 :]


def _userinfo(url: str) -> tuple[int, int] | None:
    """Where `url`'s user name and password are (`without_userinfo`'s rule): from the start of
    its authority to the `@` that ends them; None when it has none."""
    found = _AUTHORITY.match(url)
    if found is None:
        return None
    authority, start = found[1], found.start(1)
    if "@" in authority:
        return start, start + authority.rindex("@")
    # A port that is no number: a password holding `/`, `?` or `#`. An empty one is a port
    # (RFC 3986 3.2.3: *DIGIT; urlsplit, and so `check_http_url` and the fetch, read
    # `https://host:/@name/page` as host's page): its `@` is the path's (rannot).
    port = authority.rpartition("]")[2].partition(":")[2]
    if port and not port.isdigit() and (at := url.find("@", found.end(1))) != -1:
        return start, at
    return None


def page_address(url: str) -> str:
    """`url` without its #fragment: the address of the page it names. A fragment (a section,
    Chrome's `#:~:text=` highlight) is never sent to the server; two addresses differing only
    in it are one page's (review rfetch: `doc update` said one was another address)."""
    return url.partition("#")[0]


def fragment_kept(url: str, asked: str) -> str:
    """`url`, an address the page asked for goes by (a redirect's Location, the canonical URL
    it names), with the #fragment of `asked` when it names none of its own: the section the
    person pointed at is kept, as a browser keeps it over a redirect (RFC 9110 10.2.2)."""
    fragment = asked.partition("#")[2]
    return f"{url}#{fragment}" if fragment and "#" not in url else url


def with_fragment_asked(url: str, asked: str) -> str:
    """`url`, the address a page names as its own (canonical), with the #fragment of `asked`,
    the address it was fetched from (fragment_kept: both name one page; README; newuser). Left
    as it is where the two together would pass the length a URL may have."""
    kept = fragment_kept(url, asked)
    return kept if len(kept) <= MAX_URL else url


def check_http_url(url: str, *, stored: bool = False, within: int | None = MAX_URL) -> str:
    """An absolute http(s) URL with a host and no spaces, given back in NFC: what a reader can
    open, and the one rule for a URL given (--url, `doc add URL`, a sheet's or a page's URL,
    a redirect's): one line of text, at most `within` characters as given and as stored.
    `stored`: a URL already in the desk's records (a bundle restored), taken as it is, with
    the characters a typed one may not hold, which releases before the rule took. `within`
    None: a redirect's address, which the fetch measures in the form it is asked for."""
    # Imported here: urllib.parse (and the ipaddress module it loads) is 2 ms of every read
    # command's start-up, and only writes check URLs.
    from urllib.parse import urlsplit

    if not stored:
        # Its length and characters first, in the words every field's check says them (review
        # r4fetch: each caller checked them before, in its own copy; the library's fetch took
        # a lone surrogate it then could not send).
        # Its length measured in NFC, the form stored (check_text's, as every field's). A
        # redirect's (within None) is measured by the fetch, in the form asked for.
        check_text(url, "the URL", sys.maxsize if within is None else within, one_line=True)
    value = url.strip()
    # A user name or password is left out of anything said back (below).
    shown = without_userinfo(url)
    refused = InvalidInput(f"{shown!r} is not an http(s) URL: write it as https://host/path")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (read for its check: a port out of 0..65535 raises)
    except ValueError:  # an unclosed IPv6 bracket (http://[::1/x), a port that is no number
        raise refused from None
    if (
        parts.scheme.lower() not in {"http", "https"}
        or not parts.netloc
        or (not stored and any(ch in SPOOFING for ch in value))
    ):
        raise refused
    if (odd := _unwritten(value)) is not None:
        # Said which (review r3fetch): a space was told to be written as https://host/path.
        raise InvalidInput(f"{refused.message.partition(': ')[0]}: it holds {odd}")
    if "@" in parts.netloc:
        # A password in a URL would be kept wherever the URL is (the document's record, the
        # audit trail, every export), and said back in errors (trial47: it was, after the
        # fetch read user:pass@ as part of the host name). Not said back here either.
        host = parts.netloc.rpartition("@")[2]
        raise InvalidInput(
            f"a URL with a user name or password in it ({parts.scheme}://…@{host}) is not "
            "taken: it would be kept in the desk's records; give the address without them"
        )
    if stored:
        return value  # a restore takes the past, as it was stored
    # One rule for an address stored and one fetched (review rfetch: `evidence add --url
    # http://a..b/` was kept, `doc add` of it refused).
    ascii_host(value)
    # In NFC, as the desk's every text (review rfetch: typed decomposed on macOS it was stored
    # so, and the same address typed composed was another). Fetched as stored: `doc update`
    # asks for this form again.
    # (Its length in that form was checked by check_text above: review nfclimits.)
    return composed(value)


def _unwritten(value: str) -> str | None:
    """The first space no URL holds as itself, said (a URL writes it %20); a control character
    one is only in a stored URL (a typed one's is refused first, by `check_text`), which
    releases before the rule took."""
    for ch in value:
        if ch == " ":
            return "a space, which a URL writes as %20"
        if ch.isspace():
            kind = "control character" if unicodedata.category(ch) == "Cc" else "space"
            return f"the {kind} U+{ord(ch):04X}"
    return None


def ascii_host(url: str) -> str:
    """`url` (an http(s) URL with no user name or password) with its host name as DNS, the Host
    header and TLS's SNI know it (`ascii_hostname`: 例え.テスト as xn--r8jz45g.xn--zckzah, as
    a browser asks for it; urllib sent the Unicode name as Latin-1 bytes, or failed to send
    it), the rest as typed. A name no look-up can take (a..b) is refused, with the reason."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    authority = parts.netloc.rpartition("@")[2]
    if ":" in (parts.hostname or ""):  # an IPv6 address (its brackets taken off): no name
        # Nothing but a port around its brackets: urlsplit read x[::1] and [::1]x as ::1,
        # which http.client asked the resolver for whole.
        literal, _, after = authority.partition("]")
        if literal.startswith("[") and (not after or after.startswith(":")):
            return url
        raise InvalidInput(
            f"'{said(without_userinfo(url))}' names no host that can be looked up "
            f"({said(authority)}: an IP address in brackets has nothing but a port around it)"
        )
    # The host as typed: `hostname` is lower()ed, which wrote a capital Σ at a word's end as ς.
    # (No user name or password: check_http_url refused them; the port after the colon.)
    typed = authority.partition(":")[0]
    # %-escapes decoded first, as urllib decodes them for the Host header (and as a browser
    # reads a host): a redirect's UTF-8 host reaches the fetch %-encoded by urllib.
    host = unquote(typed)
    try:
        name = ascii_hostname(host)
    except NoHostName as exc:
        # said(): a redirect's address may be of any length (at most MAX_SAID characters).
        # Quoted, not repr()'d: said() has written a control character \\uXXXX, once.
        raise InvalidInput(
            f"'{said(without_userinfo(url))}' names no host that can be looked up "
            f"({said(host)}: {exc.reason})"
        ) from None
    if name == typed:
        return url
    # Only the host rewritten: a round trip through urlunsplit dropped an empty query or
    # fragment (`/?`, `/#`), and the request was not the address typed.
    start = url.index("//") + 2
    if url[start : start + len(typed)] == typed:
        return url[:start] + name + url[start + len(typed) :]
    port = f":{parts.port}" if parts.port is not None else ""
    return parts._replace(netloc=name + port).geturl()


# What a browser percent-encodes in a request line (the URL Standard's path and special-query
# percent-encode sets): the C0 controls, space, DEL and what is not ASCII in both; ", <, >, `,
# {, } in a path; ", ', <, > in a query. (# ends both and ? the path; % is sent as typed.)
_PATH_ENCODED = re.compile(r'[^\x21-\x7e]|["<>`{}]')
_QUERY_ENCODED = re.compile(r"[^\x21-\x7e]|[\"'<>]")


def on_the_wire(address: str) -> str:
    """`address` (its host in ASCII) as its request line says it, as a browser sends it: what
    is not ASCII percent-encoded as UTF-8 (http.client's request line is ASCII: a path in
    Chinese was refused as the terminal's encoding's fault), and so are the characters no
    request-target holds (review r3fetch: `"` `<` `>` went out as typed); a backslash in the
    path a slash; a %-escape as typed, and no #fragment (never sent; urllib splits an address
    at its last #, the URL standard at its first, and sent /a#x of /a#x#y) (review rrfetch).
    The one encoder of an address: `as_uri` writes what this sends (rpub)."""
    path, mark, query = slashed(page_address(address)).partition("?")
    return _PATH_ENCODED.sub(_encoded, path) + mark + _QUERY_ENCODED.sub(_encoded, query)


def _encoded(found: re.Match[str]) -> str:
    # In UTF-8, as a browser encodes; a lone surrogate (a stored URL from before the text
    # rule) as its own bytes, not an error in an export.
    return "".join(f"%{b:02X}" for b in found.group().encode("utf-8", "surrogatepass"))


def slashed(address: str) -> str:
    """`address` with each backslash before its query or fragment a slash, as a browser reads
    an http(s) address (its query keeps them)."""
    end = min((i for i in (address.find("?"), address.find("#")) if i != -1), default=len(address))
    return address[:end].replace("\\", "/") + address[end:]


# What RFC 3986 lets a URI hold outside its authority as itself: unreserved and reserved
# characters but `[` and `]` (an IPv6 host's, no path's or query's), and `#` once (below).
# A %-escape is matched as one: `%` that starts none is written %25.
_NOT_IN_A_URI = re.compile(r"%(?![0-9A-Fa-f]{2})|[^-A-Za-z0-9._~:/?@!$&'()*+,;=%]")


def as_uri(url: str) -> str:
    """A stored http(s) URL as a URI (RFC 3986) to the same address, for a format that takes
    only a URI (the Web Annotation suite checks a target's source as one): the page as the
    fetch asks for it (`on_the_wire`: its host as DNS asks for it, a backslash before the
    query a slash, what is not ASCII and `"` `<` `>` percent-encoded in UTF-8), then what a
    request line holds and a URI does not (`[`, `]` out of the host, `|`, `^`, a backslash
    in the query, a `%` that starts no escape) percent-encoded too, and its #fragment so
    encoded (a second `#` in it as %23). An escape already there (`%20`) is kept: encoded
    again it would be another address. A URL stored before the host rule (a bundle's) keeps
    the host it has, encoded all the same. One stored before a user name and password were
    refused (257a8e02) is written without them (`without_userinfo`'s rule): an export never
    publishes a password, and the page is the same (annot)."""
    url = without_credentials(url)  # whatever the host: a host the rule refuses keeps none
    with contextlib.suppress(InvalidInput):
        url = ascii_host(url)
    page, mark, fragment = url.partition("#")
    wire = on_the_wire(page)
    found = _AUTHORITY.match(wire)
    at = found.end(1) if found is not None else 0
    rest = _NOT_IN_A_URI.sub(_encoded, wire[at:])
    return wire[:at] + rest + mark + _NOT_IN_A_URI.sub(_encoded, fragment)
