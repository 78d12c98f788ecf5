"""A page a server sent compressed (Content-Encoding) though none was asked for, as some do:
gzip and deflate are decompressed as the bytes arrive, never more than the room the caller has
left, so a small body that inflates to gigabytes (a gzip bomb) stops at the size limit. Any other
coding (br, zstd, compress) is refused by name: stored, its bytes would be refused as a binary
file, which says nothing of why.
"""

from __future__ import annotations

import zlib

from workbench.domain.errors import WorkbenchError

# wbits: gzip's header and trailer; deflate is the zlib format (RFC 9110, 8.4.1.2).
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def decoder(header: str | None, url: str) -> Decoder | None:
    """The decoder a Content-Encoding calls for; None for none (or identity)."""
    codings = [
        coding
        for coding in (part.strip().lower() for part in (header or "").split(","))
        if coding and coding != "identity"
    ]
    if not codings:
        return None
    if len(codings) == 1 and codings[0] in _WBITS:
        return Decoder(codings[0], url)
    raise WorkbenchError(
        f"cannot fetch {url}: the server sent it compressed as {', '.join(codings)}, "
        "which the workbench does not read (gzip and deflate only)"
    )


class Decoder:
    def __init__(self, coding: str, url: str) -> None:
        self.coding = coding
        self._url = url
        self._inflate = zlib.decompressobj(_WBITS[coding])
        self._fed = False

    def feed(self, data: bytes, room: int) -> bytes:
        """What `data` inflates to, at most `room` bytes: `room` of them means there may be more
        (the rest is not inflated: the caller refuses the page as over its limit)."""
        self._fed = self._fed or bool(data)
        parts: list[bytes] = []
        while data and room > 0:
            if self._inflate.eof:
                if self.coding == "deflate":
                    raise self._damaged("data after its end")
                # A gzip file may be several, one after another (as `cat a.gz b.gz`).
                self._inflate = zlib.decompressobj(_WBITS[self.coding])
            try:
                out = self._inflate.decompress(data, room)
            except zlib.error as exc:
                raise self._damaged(str(exc)) from None
            parts.append(out)
            room -= len(out)
            data = self._inflate.unused_data if self._inflate.eof else self._inflate.unconsumed_tail
        return b"".join(parts)

    def finish(self) -> None:
        """The body has ended: refused if the compressed data had not (a page cut short)."""
        if self._fed and not self._inflate.eof:
            raise self._damaged("it ends early")

    def _damaged(self, why: str) -> WorkbenchError:
        return WorkbenchError(
            f"cannot fetch {self._url}: its {self.coding}-compressed body cannot be read ({why})"
        )
