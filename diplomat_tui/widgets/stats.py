"""The Stats pane: headline figures, weekly charts once refreshed, every stat's source."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from diplomat_tui.model import Snapshot, Stat
from diplomat_tui.queries import format_stat_value, source_quotes, stat_key, stat_label
from diplomat_tui.widgets.charts import MIN_WEEKS, WeeklyCharts
from diplomat_tui.widgets.claims import claimed_field
from diplomat_tui.widgets.details import Detail
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import Item
from diplomat_tui.widgets.text import field, line

_WEEK = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_weekly(stat: Stat) -> bool:
    """Whether a stat belongs to a dated week of a Top 10 list."""
    return bool(stat.period and _WEEK.match(stat.period))


def _stat_prompt(stat: Stat) -> Content:
    context = " · ".join(part for part in (stat.period, stat.scope) if part)
    season = f"S{stat.season} " if stat.season else ""
    return Content.assemble(
        (f"{season}{stat_label(stat)}: ", "bold"),
        (format_stat_value(stat), "$accent bold"),
        ("  ", ""),
        line(context, "$text-muted") if context else "",
    )


NO_CHARTS = (
    f"No charts yet: they draw the weekly Top 10 figures once a refresh (r) has brought "
    f"at least {MIN_WEEKS} weeks of one."
)


class StatsPane(ListPane):
    """Charts of the weekly figures above the list of every stat."""

    BINDINGS = [Binding("c", "focus_charts", "Charts", id="stats.charts")]

    def compose_header(self) -> ComposeResult:
        """The charts of weekly figures (hidden until a refresh brings enough weeks)."""
        yield WeeklyCharts(id="charts")

    def draw(self, snapshot: Snapshot) -> None:
        """Draw the list and the charts."""
        super().draw(snapshot)
        self.query_one(WeeklyCharts).show_figures(snapshot.catalog.stats)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``c`` while the list has the keyboard (with no charts yet, it says why)."""
        if action == "focus_charts":
            charts = self.query(WeeklyCharts)
            return bool(charts) and not charts.first().has_focus
        return super().check_action(action, parameters)

    def action_focus_charts(self) -> None:
        """Give the keyboard to the charts, to scroll them; with none, say when they come."""
        charts = self.query_one(WeeklyCharts)
        if charts.display:
            charts.focus()
        else:
            self.notify(NO_CHARTS, title="Charts", timeout=6)

    @on(WeeklyCharts.Left)
    def _charts_left(self) -> None:
        self.focus_list()

    def items(self, snapshot: Snapshot) -> list[Item]:
        """Headline figures first, then the weekly ones."""
        stats = snapshot.catalog.stats
        headline = [s for s in stats if not is_weekly(s)]
        weekly = sorted(
            (s for s in stats if is_weekly(s)), key=lambda s: (s.period or "", s.metric)
        )
        rows: list[Item] = []
        for heading, group in (("Headlines", headline), ("Week by week", weekly)):
            if group:
                rows.append(Item.heading(heading, heading))
                rows += [
                    Item(
                        stat_key(s),
                        _stat_prompt(s),
                        f"{stat_label(s)} {s.period or ''} {s.scope or ''}",
                    )
                    for s in group
                ]
        return rows

    def detail(self, snapshot: Snapshot, item_id: str) -> Detail | None:
        """A stat: value, period, scope, and the sentence or file it came from."""
        stat = next((s for s in snapshot.catalog.stats if stat_key(s) == item_id), None)
        if stat is None:
            return None
        catalog, subject = snapshot.catalog, stat_key(stat)
        facts = [
            field("Value", format_stat_value(stat)),
            claimed_field(catalog, subject, "value", "Exact value", f"{stat.value:,}"),
            field("Period", stat.period),
            field("Scope", stat.scope),
            field("Season", str(stat.season) if stat.season else None),
        ]
        return Detail(stat_label(stat), facts, source_quotes(catalog, stat.sources))
