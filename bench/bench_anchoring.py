"""Re-anchoring 1,000 claims on a revised 1 MB document, and HTML extraction per page.

    python bench/bench_anchoring.py [--claims 1000] [--size-mb 1] [--repeat 3]

Part 1 pins claims (quotes of 8 to 40 characters at random places, seed 11) in a ~1 MB text of
unique mixed Chinese/English paragraphs (a blank line apart), then revises the text the way
newsrooms do: a note inserted at the top, every 50th paragraph moved to the end, a number
changed in every 20th, every 60th deleted, full-width commas turned ASCII in every 7th. It times
what `doc update` does to the claims (the diff of the two texts, folding the new text,
re-anchoring each claim) next to a plain `str.find` of every old quote in the new text, in the
same run.

It then diffs the two shapes of revision that once took more than square time (review56): a
line repeated through the text with every tenth changed, and one replaced paragraph with a
repeating pattern ("abab...", every tenth pair swapped), each at two sizes, with the number of
searches difflib's matcher made (`find_longest_match` calls): the growth between the sizes is
what counts on a loaded machine.

Part 2 times the page extraction `doc add page.html` runs (trafilatura, with metadata) on the
saved test pages, next to parsing the same page with the standard library's html.parser and
keeping its text (which is no extraction at all: a floor).

Each time is the best of --repeat runs; peak memory is measured in a separate traced run.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher
from html.parser import HTMLParser
from itertools import cycle
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.domain.anchoring import Matcher, Selector  # noqa: E402
from workbench.domain.spans import CONTEXT_CHARS  # noqa: E402
from workbench.domain.textdiff import diff_texts  # noqa: E402
from workbench.services.pages import extract_page  # noqa: E402

PAGES = REPO / "tests" / "data" / "pages"


def paragraphs(size: int) -> list[str]:
    zh = (REPO / "seeds" / "minimax-profile.zh.txt").read_text(encoding="utf-8")
    en = (REPO / "tests" / "data" / "checkworthy" / "english.txt").read_text(encoding="utf-8")
    source = [p.strip() for p in zh.split("\n\n") + en.split("\n\n") if p.strip()]
    out: list[str] = []
    used = 0
    for i, para in enumerate(cycle(source)):
        # A unique number per paragraph keeps quotes from repeating verbatim everywhere.
        p = f"[{i}] {para.replace(chr(10), ' ')} ({i * 7919 % 100003})"
        out.append(p)
        used += len(p.encode("utf-8")) + 1
        if used >= size:
            break
    return out


def revise(paras: list[str]) -> list[str]:
    new = []
    moved = []
    for i, p in enumerate(paras):
        if i % 60 == 59:
            continue
        if i % 50 == 49:
            moved.append(p)
            continue
        if i % 20 == 3:
            p = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), p, count=2)
        if i % 7 == 0:
            p = p.replace("，", ", ")
        new.append(p)
    return ["编者按：本文已于今日更新，更正了若干数字。", *new, *moved]


def pin(text: str, n: int) -> list[Selector]:
    rng = random.Random(11)
    out: list[Selector] = []
    while len(out) < n:
        start = rng.randrange(0, len(text) - 50)
        end = start + rng.randrange(8, 41)
        quote = text[start:end]
        if "\n" in quote or not quote.strip():
            continue
        out.append(
            Selector(
                start,
                end,
                quote,
                text[max(0, start - CONTEXT_CHARS) : start],
                text[end : end + CONTEXT_CHARS],
            )
        )
    return out


def reanchor_all(old: str, new: str, sels: list[Selector]) -> Counter[str]:
    diff = diff_texts(old, new)
    matcher = Matcher(new)
    states: Counter[str] = Counter()
    for sel in sels:
        found = matcher.reanchor(sel, diff.map_offset(sel.start))
        if found.span is not None:
            assert new[found.span.start : found.span.end] == found.span.quote
        states[found.state.value] += 1
    return states


def find_all(new: str, sels: list[Selector]) -> int:
    return sum(new.find(s.quote) != -1 for s in sels)


def counted_diff(old: str, new: str) -> tuple[float, int]:
    """CPU seconds of one diff_texts, and the matcher's searches in it."""
    real = SequenceMatcher.find_longest_match
    calls = 0

    def counting(self: Any, *args: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(self, *args)

    SequenceMatcher.find_longest_match = counting  # type: ignore[method-assign]
    try:
        start = time.process_time()
        diff_texts(old, new)
        return time.process_time() - start, calls
    finally:
        SequenceMatcher.find_longest_match = real  # type: ignore[method-assign]


def repeated_lines(n: int) -> tuple[str, str]:
    line = "The rate rose 5% in 2023.\n"
    return line * n, (line * 9 + "Prices fell 2%.\n") * (n // 10)


def repeating_paragraph(n: int) -> tuple[str, str]:
    swapped = "".join("ab" if i % 10 else "ba" for i in range(n // 2))
    return f"head\n{'ab' * (n // 2)}\ntail\n", f"head\n{swapped}\ntail\n"


def hostile_diffs() -> None:
    print("hostile revisions (review56), diff only: CPU time and the matcher's searches")
    shapes = (("lines repeated", repeated_lines, 250), ("paragraph abab", repeating_paragraph, 500))
    for name, make, n in shapes:
        (t1, c1), (t2, c2) = counted_diff(*make(n)), counted_diff(*make(2 * n))
        print(
            f"  {name:<15} {n:>5,}: {t1:7.3f} s {c1:>5} searches   {2 * n:>5,}: {t2:7.3f} s "
            f"{c2:>5} searches   growth x{t2 / max(t1, 1e-6):.1f} for twice the input"
        )


class TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def stdlib_text(data: bytes) -> str:
    parser = TextOnly()
    # The floor needs no charset detection: test pages in GB18030 or Latin-1 decode with
    # replacements (the extractor under test reads their declared charset).
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    return "".join(parser.parts)


def best(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    top, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        top = min(top, time.perf_counter() - start)
    return top, result


def peak_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--size-mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    paras = paragraphs(int(args.size_mb * 2**20))
    # Paragraphs apart by a blank line, as articles are (a diff that matched each blank line
    # alone was quadratic in their number: 103 s for 1 MB).
    old = "\n\n".join(paras) + "\n"
    new = "\n\n".join(revise(paras)) + "\n"
    sels = pin(old, args.claims)
    print(
        f"document: {len(old.encode()):,} bytes ({len(old):,} characters), "
        f"revised: {len(new.encode()):,} bytes; {len(sels):,} claims"
    )
    t_anchor, states = best(args.repeat, lambda: reanchor_all(old, new, sels))
    t_find, found = best(args.repeat, lambda: find_all(new, sels))
    t_diff, _ = best(args.repeat, lambda: diff_texts(old, new))
    searches = counted_diff(old, new)[1]
    print(f"  re-anchor (diff + fold + match): {t_anchor:8.3f} s   states {dict(states)}")
    print(f"    of which the diff:             {t_diff:8.3f} s   ({searches:,} matcher searches)")
    print(f"  str.find of every old quote:     {t_find:8.3f} s   {found:,} still found verbatim")
    print(f"  ratio re-anchor / str.find:      {t_anchor / max(t_find, 1e-9):8.1f} x")
    peak = peak_mb(lambda: reanchor_all(old, new, sels))
    print(f"  peak Python memory, re-anchor:   {peak:8.1f} MB (texts already loaded)")

    # A claim on a whole paragraph, its words lightly edited (every 7th replaced): what the
    # fuzzy step costs for one long quote (review48: 30 s for 3,000 characters before its
    # windows were bounded), next to str.find of the same quote.
    for length in (1000, 3000, 6000):
        start = old.index("\n", len(old) // 3) + 1
        quote = old[start : start + length]
        words = quote.split(" ")
        words[::7] = ["XX"] * len(words[::7])
        edited = old[:start] + " ".join(words) + old[start + length :]
        sel = Selector(start, start + length, quote, old[start - 32 : start], "")
        t_long, got = best(1, lambda e=edited, s=sel: Matcher(e).reanchor(s))
        t_plain, _ = best(1, lambda e=edited, q=quote: e.find(q))
        print(
            f"  one {length:,}-character claim, its words edited: {t_long:7.3f} s "
            f"({got.state.value}), str.find {t_plain * 1000:.2f} ms"
        )

    hostile_diffs()

    print("HTML extraction per page")
    data = b""
    for page in sorted(PAGES.glob("*.html")):
        data = page.read_bytes()
        t_page, extracted = best(args.repeat * 5, functools.partial(extract_page, data, "page"))
        t_std, raw = best(args.repeat * 5, functools.partial(stdlib_text, data))
        print(
            f"  {page.name:<14} {len(data):>6,} bytes  trafilatura {t_page * 1000:7.2f} ms "
            f"({len(extracted.text):,} chars kept)   html.parser {t_std * 1000:6.2f} ms "
            f"({len(raw):,} chars, all of it)   ratio {t_page / max(t_std, 1e-9):5.1f} x"
        )
    print(
        f"  peak Python memory, one extraction: {peak_mb(lambda: extract_page(data, 'p')):.1f} MB"
        " (lxml's own C allocations are not traced)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS for the whole run: {rss:.0f} MB")


if __name__ == "__main__":
    main()
