"""Weekly Top 10 figures as charts with axes: one per metric, seasons as series.

Each chart has a dated x axis (the weeks, so the months between two seasons show as a
gap), a y axis labelled with its unit, and a legend naming the seasons. Rank is drawn
with 1 at the top; hours and views in millions, from zero, so a flat series is not drawn
at the bottom. The charts sit in a grid that takes one or two columns as the pane allows.
A metric with fewer than :data:`MIN_WEEKS` weeks gets no chart: the list below the
charts shows every figure anyway. When they do not all fit, the charts scroll: with the
mouse, or with the keyboard once focused (``c`` on the Stats pane, or a click): ``j``/``k``
or the arrows, ``pgdn``/``pgup``, ``home``/``end``; ``esc`` goes back to the list.
textual-plotext is imported when the first chart is drawn, never at launch.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from diplomat_tui.model import Stat

if TYPE_CHECKING:
    from textual.widget import Widget

SERIES_COLOURS = [(82, 148, 255), (255, 160, 40), (80, 200, 120), (230, 90, 170), (170, 130, 255)]
MIN_WEEKS = 3  # fewer weeks of a metric than this: no chart for it
MIN_CHART_HEIGHT = 9  # rows; a shorter chart loses its ticks
SCROLLED_CHART_HEIGHT = 12  # rows of each chart when they cannot all fit (they scroll)
TWO_COLUMNS = 100  # cells across from which two charts fit side by side
_WEEK = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Metric:
    """How one metric is charted."""

    title: str
    unit: str  # the y axis label
    scale: float = 1.0  # values are divided by this
    rank: bool = False  # 1 at the top, 1..10


METRICS = {
    "weekly_rank": Metric("Weekly rank, global Top 10", "rank (1 = top)", rank=True),
    "hours_viewed": Metric("Hours viewed per week", "hours (millions)", 1_000_000),
    "views": Metric("Views per week", "views (millions)", 1_000_000),
    "top10_countries": Metric("Countries with the show in their Top 10", "countries"),
}

Series = dict[int | None, list[tuple[str, float]]]  # season -> [(week, value)] in order


def weekly_figures(stats: tuple[Stat, ...]) -> dict[str, Series]:
    """Charted metrics (in :data:`METRICS` order) with at least :data:`MIN_WEEKS` weeks,
    each as its seasons' (week, value) points in week order."""
    found: dict[str, dict[int | None, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for stat in stats:
        if stat.metric in METRICS and stat.period and _WEEK.match(stat.period):
            found[stat.metric][stat.season][stat.period] = float(stat.value)
    figures = {}
    for metric in METRICS:
        seasons = found.get(metric, {})
        if sum(map(len, seasons.values())) >= MIN_WEEKS:
            figures[metric] = {
                season: sorted(weeks.items())
                for season, weeks in sorted(seasons.items(), key=lambda kv: kv[0] or 0)
            }
    return figures


def metric_chart(metric: str, series: Series) -> Widget:
    """A plotext chart of one metric, its seasons as series, with a legend line below
    (plotext's own legend would sit on the first weeks' points)."""
    from textual_plotext import PlotextPlot  # with plotext: when the first chart is drawn

    spec = METRICS[metric]
    plot = PlotextPlot()
    plt = plot.plt
    plt.date_form("Y-m-d")
    values: list[float] = []
    legend: list[Content | tuple[str, str]] = []
    for number, (season, points) in enumerate(series.items()):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        weeks = [week for week, _ in points]
        scaled = [value / spec.scale for _, value in points]
        if spec.rank:  # drawn as -rank: plotext's yreverse flips again on every redraw
            scaled = [-value for value in scaled]
        values += scaled
        for run in week_runs(range(len(weeks)), weeks):  # no line across the weeks off the chart
            plt.plot(
                [weeks[i] for i in run], [scaled[i] for i in run], marker="braille", color=colour
            )
        label = f"Season {season}" if season is not None else "All seasons"
        legend += [("━━ ", "#{:02x}{:02x}{:02x}".format(*colour)), (f"{label}   ", "")]
    plt.title(spec.title)
    plt.ylabel(spec.unit)
    plt.xlabel("week")
    if spec.rank:
        plt.ylim(-10, -1)
        plt.yticks([-1, -5, -10], ["1", "5", "10"])
    top, whole = max(values) or 1.0, spec.scale == 1.0

    def fit_ticks(rows: int) -> None:
        if not spec.rank:
            _label_y_axis(plt, top, whole=whole, rows=rows)

    fit_ticks(SCROLLED_CHART_HEIGHT)
    return Chart(plot, Static(Content.assemble(*legend), classes="legend"), fit_ticks)


class Chart(Vertical):
    """One metric's plot and its legend; its y labels follow the height it is given."""

    def __init__(self, plot: Widget, legend: Widget, fit_ticks: Callable[[int], None]) -> None:
        super().__init__(plot, legend, classes="chart")
        self.plot = plot
        self.fit_ticks = fit_ticks

    def fit(self, rows: int) -> None:
        """Label the y axis for a chart ``rows`` high."""
        self.fit_ticks(rows)
        self.plot.refresh()


def _label_y_axis(plt: Any, top: float, *, whole: bool, rows: int) -> None:
    """As many evenly spaced labels as ``rows`` (the chart's height) keeps apart."""
    ticks = axis_ticks(top, whole=whole, steps=max(1, min(5, (rows - 7) // 2)))
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks, [f"{tick:g}" for tick in ticks])


def week_runs(indexes: range, weeks: list[str]) -> list[list[int]]:
    """The points split where a week is missing (more than 7 days between two points)."""
    from datetime import date

    runs: list[list[int]] = []
    for i in indexes:
        if runs and (date.fromisoformat(weeks[i]) - date.fromisoformat(weeks[i - 1])).days <= 7:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def axis_ticks(top: float, *, whole: bool, steps: int = 5) -> list[float]:
    """Evenly spaced labels from 0 to a round value at or above ``top``: at most ``steps``
    steps of 1, 2, 2.5 or 5 times a power of ten (one step: the top rounded up more finely;
    whole numbers only when ``whole``)."""
    raw = top / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(
        m * power
        for m in ((1, 2, 2.5, 5, 10) if steps > 1 else (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10))
        if m * power >= raw and (not whole or float(m * power).is_integer())
    )
    if whole:
        step = max(1.0, math.ceil(step))
    count = math.ceil(top / step - 1e-9)
    return [round(step * n, 10) for n in range(count + 1)]


class WeeklyCharts(ScrollableContainer):
    """The charts, one or two across and as tall as the pane allows; when they do not all
    fit they scroll, with the keyboard too once focused."""

    DEFAULT_CSS = """
    WeeklyCharts {
        layout: grid;
        grid-gutter: 0 2;
        overflow-x: hidden;
        overflow-y: auto;
    }
    WeeklyCharts:focus {
        background-tint: $foreground 4%;
        scrollbar-color: $accent;
    }
    WeeklyCharts .chart {
        height: 100%;
    }
    WeeklyCharts .legend {
        height: 1;
        padding-left: 2;
    }
    """

    KEYS_WHILE_FOCUSED = "charts"  # keys scoped to it while focused (bindings.py)
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", id="charts.down"),
        Binding("k,up", "scroll_up", "Up", id="charts.up"),
        Binding("pagedown", "page_down", "Page down", id="charts.page_down"),
        Binding("pageup", "page_up", "Page up", id="charts.page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="charts.top"),
        Binding("end,G", "scroll_end", "End", show=False, id="charts.end"),
        Binding("escape", "leave", "List", id="charts.leave"),
    ]

    class Left(Message):
        """The keyboard leaves the charts (``esc``): the pane gives it to its list."""

    def action_leave(self) -> None:
        """Hand the keyboard back to the list below."""
        self.post_message(self.Left())

    def show_figures(self, stats: tuple[Stat, ...]) -> None:
        """Replace the charts with those of ``stats``; hidden when there are none."""
        self.remove_children()
        figures = weekly_figures(stats)
        self.display = bool(figures)
        if figures:
            self.mount_all([metric_chart(metric, series) for metric, series in figures.items()])
            self.call_after_refresh(self._fit)

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """One column when narrow, two when wide; the rows share the height if each gets
        enough of it, else each is a readable height and the charts scroll."""
        count = len(self.children)
        if not count:
            return
        columns = 2 if self.size.width >= TWO_COLUMNS and count > 1 else 1
        shared = self.size.height // math.ceil(count / columns)
        if shared < MIN_CHART_HEIGHT:
            shared = max(MIN_CHART_HEIGHT, min(self.size.height, SCROLLED_CHART_HEIGHT))
        self.styles.grid_size_columns = columns
        self.styles.grid_rows = str(shared)
        for chart in self.query(Chart):
            chart.fit(shared)
