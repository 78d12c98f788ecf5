"""http(s) URLs as the desk takes them, and as a refusal says them back (no user name or
password, no characters that spoof a link)."""

from __future__ import annotations

import re

from workbench.domain.errors import InvalidInput

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
    found = _AUTHORITY.match(url)
    if found is None:
        return url
    authority, start = found[1], found.start(1)
    if "@" in authority:
        return url[:start] + "…" + url[start + authority.rindex("@") :]
    port = authority.rpartition("]")[2].partition(":")
    if port[1] and not port[2].isdigit() and (at := url.find("@", found.end(1))) != -1:
        return url[:start] + "…" + url[at:]
    return url


def check_http_url(url: str, *, stored: bool = False) -> str:
    """An absolute http(s) URL with a host and no spaces: what a reader can open. `stored`: a
    URL already in the desk's records (a bundle restored), taken with the characters a typed
    one may not hold, which releases before the rule took."""
    # Imported here: urllib.parse (and the ipaddress module it loads) is 2 ms of every read
    # command's start-up, and only writes check URLs.
    from urllib.parse import urlsplit

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
        or any(ch.isspace() for ch in value)
        or (not stored and any(ch in SPOOFING for ch in value))
    ):
        raise refused
    if "@" in parts.netloc:
        # A password in a URL would be kept wherever the URL is (the document's record, the
        # audit trail, every export), and said back in errors (trial47: it was, after the
        # fetch read user:pass@ as part of the host name). Not said back here either.
        host = parts.netloc.rpartition("@")[2]
        raise InvalidInput(
            f"a URL with a user name or password in it ({parts.scheme}://…@{host}) is not "
            "taken: it would be kept in the desk's records; give the address without them"
        )
    return value
