"""A figure no show can have (1e308 hours viewed) is damage: refused in one line where it
enters (a Top 10 file, an article), before anything is saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomat_tui.cli import main
from diplomat_tui.errors import SourceError
from diplomat_tui.figures import MAX_FIGURE
from diplomat_tui.sources import Origin
from diplomat_tui.store import Store

from helpers.top10_parse import parse_global

ORIGIN = Origin("Netflix Top 10 test", "http://127.0.0.1/all-weeks-global.tsv")
HEADER = (
    "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\t"
    "weekly_views\tcumulative_weeks_in_top_10\tis_staggered_launch\tepisode_launch_details"
)


def week_with(hours: str) -> bytes:
    row = f"2023-04-23\tTV (English)\t1\tThe Diplomat\tThe Diplomat: Season 1\t{hours}\t\t\t1\t\t"
    return f"{HEADER}\n{row}\n".encode()


@pytest.mark.parametrize("hours", ["1e308", "1e13", str(MAX_FIGURE + 1), "9" * 300 + ".5"])
def test_an_implausible_figure_is_refused_in_one_line(hours: str) -> None:
    with pytest.raises(SourceError) as raised:
        parse_global(week_with(hours), title="The Diplomat", origin=ORIGIN, source_id="t")
    message = str(raised.value)
    assert "\n" not in message and ORIGIN.url in message
    assert f"weekly_hours_viewed is not a plausible figure: {hours[:40]!r}" in message


def test_the_largest_plausible_figure_is_kept() -> None:
    stats = parse_global(
        week_with(str(MAX_FIGURE)), title="The Diplomat", origin=ORIGIN, source_id="t"
    )
    assert {s.metric: s.value for s in stats}["hours_viewed"] == MAX_FIGURE


def test_an_article_with_an_implausible_figure_is_refused_and_changes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "big.txt"
    article.write_text(
        "Netflix’s political thriller The Diplomat, starring Keri Russell, had "
        "99,999,999,999,999,999,999 hours viewed in its first weekend.",
        encoding="utf-8",
    )
    before = {p.name: p.read_bytes() for p in store.path.parent.iterdir()}
    assert main(["ingest", str(article)]) == 1
    assert capsys.readouterr().err == (
        f"diplomat-tui: {article} gives hours viewed as 99,999,999,999,999,999,999, more than "
        "any show can have: nothing was added.\n"
    )
    assert {p.name: p.read_bytes() for p in store.path.parent.iterdir()} == before
