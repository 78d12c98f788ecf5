"""A news page whose headline a test may change between revisions (fix292, review299, rr306):
the same statistics story, its figure and its headline given."""

from __future__ import annotations

from pathlib import Path

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{title}</title></head><body><article><h1>{title}</h1>
<p>市统计局发布的数据显示，全市常住人口首次超过2000万，比去年增加了{n}万人，增长率为1.8%。
这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def headline_page(path: Path, title: str, n: int) -> str:
    """`path` written as the page headlined `title`, a rise of `n`万人; its path, for the CLI."""
    path.write_text(PAGE.format(title=title, n=n), encoding="utf-8")
    return str(path)
