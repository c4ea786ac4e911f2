"""Competing claims shown side by side, in the detail views, the synopsis and Sources."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diplomat_tui.app import DiplomatApp
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog, Claim, Source
from diplomat_tui.queries import stat_key
from diplomat_tui.screens.detail import DetailScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store

from helpers.app import highlighted_row, rows, screen_text

RENEWAL = Source(
    "renewal-1",
    "article",
    "Season 2 renewal",
    quote="The Diplomat premiered on October 31.",
    published="2023-05-01",
)
TVMAZE = Source("tvmaze:/shows/1", "tvmaze", "TVmaze show", url="https://api.tvmaze.com/shows/1")
NAMED = "article “Season 2 renewal”"


def with_claims(catalog: Catalog) -> Catalog:
    """The shipped catalog, with other sources' claims about four kinds of facts."""
    keri = next(c for c in catalog.cast if c.person == "Keri Russell")
    hours = next(s for s in catalog.stats if s.metric == "hours_viewed")
    claims = (
        Claim("show", "premiered", "October 31", (RENEWAL.id,)),
        Claim("show", "premiered", "2023-04-20", (TVMAZE.id,)),
        Claim("episode:S01E01", "title", "The Cinderella Thing", (TVMAZE.id,)),
        Claim(keri.key, "character", "Ambassador Kate Wyler", (RENEWAL.id,)),
        Claim(stat_key(hours), "value", 57_000_000, (RENEWAL.id,)),
        Claim("season:2", "premiere", "2024-10-31", (RENEWAL.id,)),
    )
    return replace(catalog, sources=(*catalog.sources, RENEWAL, TVMAZE), claims=claims)


@pytest.fixture
def app(store: Store) -> DiplomatApp:
    return DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())


def show_claims(app: DiplomatApp) -> None:
    app.snapshot = replace(app.snapshot, catalog=with_claims(app.snapshot.catalog))


async def test_the_synopsis_shows_every_claim_beside_the_value(app: DiplomatApp) -> None:
    async with app.run_test(size=(200, 60)) as pilot:
        show_claims(app)
        await pilot.pause()
        assert (
            f"Premiered: April 20  (also claimed: {NAMED}: October 31; TVmaze API: 2023-04-20)"
            in screen_text(app)
        )
        assert "Network: Netflix\n" in screen_text(app)  # undisputed: as before


async def test_detail_views_show_the_claims_side_by_side(app: DiplomatApp) -> None:
    async with app.run_test(size=(200, 60)) as pilot:
        show_claims(app)
        await pilot.press("3", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert "Title: unknown  (also claimed: TVmaze API: The Cinderella Thing)" in screen_text(
            app
        )
        await pilot.press("escape", "2", "enter")
        assert (
            f"Character: Kate Wyler  (also claimed: {NAMED}: Ambassador Kate Wyler)"
            in screen_text(app)
        )
        await pilot.press("escape", "4")
        while "Hours viewed" not in highlighted_row(app, "stats"):
            await pilot.press("j")
        await pilot.press("enter")
        assert f"Exact value: 57,480,000  (also claimed: {NAMED}: 57,000,000)" in screen_text(app)


async def test_the_sources_pane_lists_disputed_facts_and_opens_them(app: DiplomatApp) -> None:
    async with app.run_test(size=(200, 60)) as pilot:
        show_claims(app)
        await pilot.press("5")
        listed = rows(app, "sources")
        assert listed[0] == "Facts the sources disagree on"
        assert listed[1] == (
            f"the show, premiered: April 20 (shown); {NAMED}: October 31; TVmaze API: 2023-04-20"
        )
        assert "S01E01 Episode 1, title: unknown (shown); TVmaze API: The Cinderella Thing" in (
            listed
        )
        await pilot.press("enter")
        text = screen_text(app)
        assert "Shown: April 20" in text
        assert f"Also claimed: {NAMED}: October 31" in text
        assert "The Diplomat premiered on October 31." in text  # the sentence behind it


async def test_a_source_lists_its_claims_that_were_not_shown(app: DiplomatApp) -> None:
    async with app.run_test(size=(200, 60)) as pilot:
        show_claims(app)
        app.jump_to("sources", f"source:{RENEWAL.id}")
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "• the show, premiered: October 31" in text
        assert "• Keri Russell as Kate Wyler, character: Ambassador Kate Wyler" in text
        assert "• Hours viewed first weekend, value: 57,000,000" in text


async def test_a_disputed_season_says_so_in_its_heading(app: DiplomatApp) -> None:
    async with app.run_test(size=(200, 60)) as pilot:
        show_claims(app)
        await pilot.press("3")
        headings = [r for r in rows(app, "episodes") if r.startswith("Season")]
        assert "sources disagree (see Sources)" in headings[1]
        assert "sources disagree" not in headings[0]
        await pilot.press("5")
        assert f"season 2, premiere: unknown (shown); {NAMED}: 2024-10-31" in rows(app, "sources")


async def test_a_hostile_claim_shows_literally(app: DiplomatApp) -> None:
    hostile = "[@click=app.quit]x[/] \x1b]52;c;cHduZWQ=\x07"
    async with app.run_test(size=(120, 36)) as pilot:
        catalog = with_claims(app.snapshot.catalog)
        claim = Claim("show", "network", hostile, (RENEWAL.id,))
        app.snapshot = replace(
            app.snapshot, catalog=replace(catalog, claims=(*catalog.claims, claim))
        )
        await pilot.pause()
        # the markup shown as written, the escape sequence gone
        assert f"Network: Netflix  (also claimed: {NAMED}: [@click=app.quit]x[/])" in (
            screen_text(app)
        )
        await pilot.press("5")
        assert any("[@click=app.quit]x[/]" in row for row in rows(app, "sources"))
        assert app.is_running


async def test_claims_the_merge_keeps_show_where_they_belong(app: DiplomatApp) -> None:
    """Claims named by the merge itself (not built here) reach the synopsis, the stat's view
    and the Sources pane: the subjects the display looks up are the merge's."""
    async with app.run_test(size=(200, 60)) as pilot:
        old = app.snapshot.catalog
        assert old.show is not None
        hours = next(s for s in old.stats if s.metric == "hours_viewed")
        news = Catalog(
            show=replace(old.show, premiered="October 31", sources=(RENEWAL.id,)),
            stats=(replace(hours, value=57_000_000, sources=(RENEWAL.id,)),),
            sources=(RENEWAL,),
        )
        merged = merge_catalogs(old, news)
        assert merged.claims  # the article's values lost to those already held
        app.snapshot = replace(app.snapshot, catalog=merged)
        await pilot.pause()
        assert f"Premiered: April 20  (also claimed: {NAMED}: October 31)" in screen_text(app)
        await pilot.press("4")
        while "Hours viewed" not in highlighted_row(app, "stats"):
            await pilot.press("j")
        await pilot.press("enter")
        assert f"(also claimed: {NAMED}: 57,000,000)" in screen_text(app)
        await pilot.press("escape", "5")
        assert rows(app, "sources")[0] == "Facts the sources disagree on"


def test_a_claim_about_a_credit_since_given_its_character_names_that_credit() -> None:
    from diplomat_tui.model import CastCredit
    from diplomat_tui.queries import subject_label, subject_record
    from diplomat_tui.widgets.claims import claim_value

    credit = CastCredit("T'Nia Miller", "Cecilia Dennison", billing="main")
    catalog = Catalog(cast=(credit,))
    assert subject_record(catalog, "cast:t'nia miller|") == credit
    assert subject_label(catalog, "cast:t'nia miller|") == "T'Nia Miller as Cecilia Dennison"
    two = Catalog(cast=(credit, replace(credit, character="Cecilia Bell")))
    assert subject_record(two, "cast:t'nia miller|") is None  # which one is not known
    assert (claim_value(True), claim_value(False)) == ("yes", "no")


def test_an_article_is_not_cited_for_a_character_its_sentence_does_not_name() -> None:
    from diplomat_tui.model import CastCredit
    from diplomat_tui.widgets.sources import facts_by_source

    article = Source("a1", "article", "Return", quote="Rory Kinnear and Ali Ahn also return.")
    named = Source("a2", "article", "Cast", quote="Rory Kinnear plays Nicol Trowbridge.")
    credit = CastCredit("Rory Kinnear", "Nicol Trowbridge", sources=("a1", "a2", "tvmaze:1"))
    cited = facts_by_source(Catalog(cast=(credit,), sources=(article, named, TVMAZE)))
    assert cited["a1"] == ["cast: Rory Kinnear"]
    assert cited["a2"] == ["cast: Rory Kinnear as Nicol Trowbridge"]
    assert cited["tvmaze:1"] == ["cast: Rory Kinnear as Nicol Trowbridge"]
