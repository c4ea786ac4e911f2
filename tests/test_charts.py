"""The Stats pane's charts: one per metric, seasons as series, dated weeks, units, rank 1
at the top; the list alone when there are too few weeks; scrolled with the keyboard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual_plotext import PlotextPlot

from diplomat_tui.app import DiplomatApp
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.charts import MIN_WEEKS, WeeklyCharts, weekly_figures
from diplomat_tui.widgets.footer import KeyFooter
from diplomat_tui.widgets.navlist import NavList

from helpers.app import NotedApp, main_screen, rows
from helpers.pictures import weekly_stats


def with_weeks(
    store: Store, weeks: int | None = None, app_class: type[DiplomatApp] = DiplomatApp
) -> DiplomatApp:
    stats = weekly_stats()
    if weeks is not None:
        stats = tuple(s for s in stats if s.season == 1)[: weeks * 4]
    store.update_catalog(lambda c: replace(c, stats=c.stats + stats))
    return app_class(store=store, snapshot=store.snapshot(), settings=load_settings())


def test_figures_are_grouped_by_metric_then_season_in_week_order() -> None:
    figures = weekly_figures(tuple(reversed(weekly_stats())))
    assert list(figures) == ["weekly_rank", "hours_viewed", "views", "top10_countries"]
    rank = figures["weekly_rank"]
    assert list(rank) == [1, 2]
    assert rank[1] == [
        ("2023-04-16", 1.0),
        ("2023-04-23", 1.0),
        ("2023-04-30", 2.0),
        ("2023-05-07", 4.0),
        ("2023-05-14", 7.0),
    ]
    assert [week for week, _ in rank[2]][0] == "2024-11-03"


def test_too_few_weeks_make_no_chart() -> None:
    few = tuple(s for s in weekly_stats() if s.metric == "views")[: MIN_WEEKS - 1]
    assert weekly_figures(few) == {}
    undated = tuple(replace(s, period="first weekend") for s in weekly_stats())
    assert weekly_figures(undated) == {}


async def test_the_stats_pane_draws_a_chart_per_metric(store: Store) -> None:
    app = with_weeks(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        charts = main_screen(app).query_one(WeeklyCharts)
        assert charts.display and len(charts.children) == 4
        assert charts.styles.grid_size_columns == 2
        legends = [str(legend.render()) for legend in charts.query(".legend")]
        assert all("Season 1" in text and "Season 2" in text for text in legends)
        rank = charts.query(PlotextPlot).first()
        for _ in range(3):  # every redraw: rank 1 at the top, 10 at the bottom
            rows = rank.render().plain.splitlines()
            assert [row.split("┤")[0].strip() for row in rows if "┤" in row] == ["1", "5", "10"]


async def test_too_little_data_falls_back_to_the_list(store: Store) -> None:
    app = with_weeks(store, weeks=MIN_WEEKS - 1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert not main_screen(app).query_one(WeeklyCharts).display
        assert "Week by week" in rows(app, "stats")


def footer_keys(app: DiplomatApp) -> set[str]:
    """The descriptions of the keys the footer shows now."""
    footer = app.screen.query_one(KeyFooter)
    return {key.description for key in footer.keys}


async def test_at_80x24_the_charts_scroll_with_the_keyboard(store: Store) -> None:
    app = with_weeks(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        charts = main_screen(app).query_one(WeeklyCharts)
        assert charts.max_scroll_y > 0  # four charts one above the other do not all fit
        assert isinstance(app.focused, NavList) and "Charts" in footer_keys(app)

        async def press(key: str) -> float:
            await pilot.press(key)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            return charts.scroll_y

        await pilot.press("c")
        assert app.focused is charts
        assert {"Down", "Up", "Page down", "Page up", "List"} <= footer_keys(app)
        assert "Charts" not in footer_keys(app)
        assert await press("j") == 1
        assert await press("down") == 2
        assert await press("k") == 1
        page = await press("pagedown")
        assert page > 1
        assert await press("end") == charts.max_scroll_y
        assert await press("pageup") < charts.max_scroll_y
        assert await press("home") == 0
        assert await press("G") == charts.max_scroll_y
        assert await press("g") == 0
        await pilot.press("escape")
        assert isinstance(app.focused, NavList)
        await pilot.press("j")  # the list has the keyboard again
        assert charts.scroll_y == 0


async def test_without_charts_c_says_when_they_come(store: Store) -> None:
    from diplomat_tui.widgets.stats import NO_CHARTS

    app = with_weeks(store, weeks=MIN_WEEKS - 1, app_class=NotedApp)
    assert isinstance(app, NotedApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.focused, NavList)
        assert [note.message for note in app.notes] == [NO_CHARTS]


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 60)], ids=str)
def test_charts_snapshot(snap_compare, store: Store, size: tuple[int, int]) -> None:
    assert snap_compare(with_weeks(store), press=["4"], terminal_size=size)


def test_the_y_axis_is_labelled_evenly_from_zero_to_a_round_value() -> None:
    from diplomat_tui.widgets.charts import axis_ticks

    assert axis_ticks(70.6, whole=False) == [0, 20, 40, 60, 80]
    assert axis_ticks(89, whole=True) == [0, 20, 40, 60, 80, 100]
    assert axis_ticks(13.2, whole=True) == [0, 5, 10, 15]  # countries: whole numbers
    assert axis_ticks(0.4, whole=False) == [0, 0.1, 0.2, 0.3, 0.4]
    assert axis_ticks(70.6, whole=False, steps=3) == [0, 25, 50, 75]  # a shorter chart
    assert axis_ticks(57.5, whole=False, steps=1) == [0, 60]  # a chart 9 rows high


def test_a_season_off_the_chart_for_months_is_drawn_as_two_lines() -> None:
    from diplomat_tui.widgets.charts import week_runs

    weeks = ["2023-04-23", "2023-04-30", "2023-05-07", "2024-10-27", "2024-11-03"]
    assert week_runs(range(len(weeks)), weeks) == [[0, 1, 2], [3, 4]]
