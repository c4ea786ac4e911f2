"""Pictures in the app: the poster, headshots, character pictures and episode stills,
from the cache offline, placeholders, hostile pictures that never stall the UI, pictures
turned off, and a refresh that caches them all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diplomat_tui.app import DiplomatApp
from diplomat_tui.images import cache_for
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.picture import UPPER_HALF, Picture

from helpers.app import NotedApp, main_screen
from helpers.localserver import IMAGE_HOST_STAND_IN, LocalServer, serve_picture
from helpers.pictures import bomb_png, catalog_with_pictures, poster_png, tvmaze_picture

OFFLINE_POSTER = "http://127.0.0.1:9/poster.png"  # nothing listens on port 9
OFFLINE_PHOTO = "http://127.0.0.1:9/keri.png"
# As TVmaze gives them (static.tvmaze.com is not an allowed host in the tests: these are
# shown from the cache or not at all)
TVMAZE_STILL = "https://static.tvmaze.com/uploads/images/medium_landscape/451/2450001.jpg"
TVMAZE_CHARACTER = "https://static.tvmaze.com/uploads/images/medium_portrait/2/203011.jpg"
TVMAZE_PHOTO = "https://static.tvmaze.com/uploads/images/medium_portrait/1/20301.jpg"


def cache_as_tvmaze_serves(*urls: str) -> None:
    """Put the picture TVmaze's stand-in serves for each URL in the picture cache."""
    for url in urls:
        cache_for(load_settings()).put(url, tvmaze_picture(url.split(".com", 1)[1]))


def picture_text(picture: Picture) -> str:
    """What the widget draws, row by row."""
    return "\n".join(
        "".join(segment.text for segment in picture.render_line(y))
        for y in range(picture.content_size.height)
    )


def app_for(store: Store, **settings: object) -> DiplomatApp:
    return DiplomatApp(
        store=store, snapshot=store.snapshot(), settings=replace(load_settings(), **settings)
    )


async def test_offline_launch_shows_the_cached_poster_and_photo(store: Store) -> None:
    store.update_catalog(lambda c: catalog_with_pictures(c, OFFLINE_POSTER, OFFLINE_PHOTO))
    settings = load_settings()
    cache_for(settings).put(OFFLINE_POSTER, poster_png())
    cache_for(settings).put(OFFLINE_PHOTO, poster_png(40, 56))
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        poster = main_screen(app).query_one(".poster", Picture)
        assert poster.image is not None
        assert UPPER_HALF * 24 in picture_text(poster)
        await pilot.press("2", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        photo = app.screen.query_one(".headshot", Picture)
        assert photo.url == OFFLINE_PHOTO and photo.image is not None


async def test_without_a_picture_a_placeholder_says_so(store: Store) -> None:
    store.update_catalog(lambda c: catalog_with_pictures(c, OFFLINE_POSTER))
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        poster = main_screen(app).query_one(".poster", Picture)
        assert poster.image is None and poster.has_class("-empty")
        assert "Poster unavailable" in picture_text(poster)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert "No photo" in picture_text(app.screen.query_one(".headshot", Picture))
        assert "No picture" in picture_text(app.screen.query_one(".character", Picture))
        await pilot.press("escape", "3", "enter")
        await pilot.pause()
        assert "No still" in picture_text(app.screen.query_one(".still", Picture))


async def test_online_the_poster_is_fetched_on_first_view_and_cached(
    store: Store, local_server: LocalServer
) -> None:
    url = serve_picture(local_server, "poster.png", poster_png())
    store.update_catalog(lambda c: catalog_with_pictures(c, url))
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert main_screen(app).query_one(".poster", Picture).image is not None
    assert cache_for(load_settings()).get(url) == poster_png()
    assert len(local_server.requests_to("/images/poster.png")) == 1


async def test_a_hostile_poster_never_stalls_the_ui(
    store: Store, local_server: LocalServer
) -> None:
    url = serve_picture(local_server, "bomb.png", bomb_png(), latency=0.5)
    store.update_catalog(lambda c: catalog_with_pictures(c, url))
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        poster = main_screen(app).query_one(".poster", Picture)
        assert poster.loading_picture
        await pilot.press("2")
        assert main_screen(app).pane == "cast"  # keys work while the picture loads
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert poster.image is None
        assert "Poster unavailable" in picture_text(poster)
    assert len(local_server.requests_to("/images/bomb.png")) == 1


async def test_a_new_poster_after_a_refresh_replaces_the_old_one(store: Store) -> None:
    settings = load_settings()
    new = "http://127.0.0.1:9/new.png"
    cache_for(settings).put(new, poster_png(30, 45))
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        poster = main_screen(app).query_one(".poster", Picture)
        assert poster.url is None and "No poster" in picture_text(poster)
        store.update_catalog(lambda c: catalog_with_pictures(c, new))
        app.snapshot = store.snapshot()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert main_screen(app).query_one(".poster", Picture) is poster
        assert poster.url == new and poster.image is not None


async def test_pictures_can_be_turned_off(store: Store) -> None:
    store.update_catalog(lambda c: catalog_with_pictures(c, OFFLINE_POSTER, OFFLINE_PHOTO))
    app = app_for(store, images=False)
    async with app.run_test(size=(120, 36)) as pilot:
        assert not app.screen.query(Picture)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert not app.screen.query(Picture)


async def _pictures_loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_poster_snapshot(snap_compare, store: Store, size: tuple[int, int]) -> None:
    store.update_catalog(lambda c: catalog_with_pictures(c, OFFLINE_POSTER))
    cache_for(load_settings()).put(OFFLINE_POSTER, poster_png())
    assert snap_compare(app_for(store), run_before=_pictures_loaded, terminal_size=size)


def test_headshot_snapshot(snap_compare, store: Store) -> None:
    store.update_catalog(lambda c: catalog_with_pictures(c, None, OFFLINE_PHOTO))
    cache_for(load_settings()).put(OFFLINE_PHOTO, poster_png(40, 56))

    async def open_first_cast_member(pilot) -> None:
        await pilot.press("2", "enter")
        await _pictures_loaded(pilot)

    assert snap_compare(app_for(store), run_before=open_first_cast_member, terminal_size=(120, 36))


async def test_offline_an_episode_shows_its_still_and_a_cast_member_their_character(
    store: Store,
) -> None:
    store.update_catalog(
        lambda c: catalog_with_pictures(
            c, None, TVMAZE_PHOTO, character=TVMAZE_CHARACTER, still=TVMAZE_STILL
        )
    )
    cache_as_tvmaze_serves(TVMAZE_PHOTO, TVMAZE_CHARACTER, TVMAZE_STILL)
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "enter")
        await _pictures_loaded(pilot)
        photo = app.screen.query_one(".headshot", Picture)
        character = app.screen.query_one(".character", Picture)
        assert (photo.url, character.url) == (TVMAZE_PHOTO, TVMAZE_CHARACTER)
        assert photo.image is not None and character.image is not None
        assert UPPER_HALF * 16 in picture_text(character)
        captions = [str(s.render()) for s in app.screen.query(".picture-caption")]
        assert captions == ["Keri Russell", "as Kate Wyler"]
        await pilot.press("escape", "3", "enter")
        await _pictures_loaded(pilot)
        still = app.screen.query_one(".still", Picture)
        assert still.url == TVMAZE_STILL and still.image is not None
        assert UPPER_HALF * 30 in picture_text(still)  # landscape: the whole width
        await pilot.press("escape", "down", "enter")  # S01E02: no still in the store
        await pilot.pause()
        assert "No still" in picture_text(app.screen.query_one(".still", Picture))


async def test_a_refresh_caches_stills_and_character_pictures_then_shows_them_offline(
    store: Store, local_server: LocalServer
) -> None:
    served = local_server.stand_in_for_image_host()
    settings = replace(
        load_settings(), tvmaze_url=local_server.tvmaze_url, top10_url=local_server.top10_url
    )
    app = NotedApp(store=store, snapshot=store.snapshot(), settings=settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
    catalog = store.snapshot().catalog
    stills = [e.image for e in catalog.episodes if e.image]
    characters = [c.character_image for c in catalog.cast if c.character_image]
    assert len(stills) >= 2 and len(characters) == 1  # as recorded: Kate Wyler's alone
    assert all(url.startswith(local_server.url + IMAGE_HOST_STAND_IN) for url in stills)
    cache = cache_for(settings)
    assert all(cache.has(url) for url in stills + characters)
    asked = {r.path for r in local_server.requests if r.path.startswith(IMAGE_HOST_STAND_IN)}
    assert asked <= set(served) and all(
        url.split("127.0.0.1")[1].split("/", 1)[1] for url in stills
    )

    local_server.stop()  # offline: from the cache
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "enter")
        await _pictures_loaded(pilot)
        still = app.screen.query_one(".still", Picture)
        assert still.url == stills[0] and still.image is not None
        await pilot.press("escape", "2", "enter")
        await _pictures_loaded(pilot)
        character = app.screen.query_one(".character", Picture)
        assert character.url in characters and character.image is not None


def test_episode_still_snapshot(snap_compare, store: Store) -> None:
    store.update_catalog(lambda c: catalog_with_pictures(c, None, still=TVMAZE_STILL))
    cache_as_tvmaze_serves(TVMAZE_STILL)

    async def open_first_episode(pilot) -> None:
        await pilot.press("3", "enter")
        await _pictures_loaded(pilot)

    assert snap_compare(app_for(store), run_before=open_first_episode, terminal_size=(120, 36))


def test_character_picture_snapshot(snap_compare, store: Store) -> None:
    store.update_catalog(
        lambda c: catalog_with_pictures(c, None, TVMAZE_PHOTO, character=TVMAZE_CHARACTER)
    )
    cache_as_tvmaze_serves(TVMAZE_PHOTO, TVMAZE_CHARACTER)

    async def open_first_cast_member(pilot) -> None:
        await pilot.press("2", "enter")
        await _pictures_loaded(pilot)

    assert snap_compare(app_for(store), run_before=open_first_cast_member, terminal_size=(120, 36))
