"""review53: `doc add` of a plain text takes its first line as the title when it stands alone
(38fb2d4). A WebVTT subtitle file (which the transcript reader handles: `<v Smith>`, cue
timings) always opens with the line `WEBVTT` and a blank line: its title became "WEBVTT", which
ClaimReview and the report then name as the article's headline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]

VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v Smith>We cut taxes by 40 percent in 2024.\n\n"
    "00:00:05.000 --> 00:00:09.000\n<v Jones>Unemployment fell to 3.6 percent last year.\n"
)


def test_review53_a_webvtt_file_is_not_titled_webvtt(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "debate.vtt"
    path.write_text(VTT, encoding="utf-8")
    r = cli("doc", "add", str(path))
    assert r.code == 0, r.err
    shown = json.loads(cli("doc", "show", "1", "--json").out)
    doc = shown.get("document", shown)
    assert doc["title"] != "WEBVTT", doc
