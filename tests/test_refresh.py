"""Refresh end to end against the local server, on answers in the real services' shapes.

TVmaze answers carry ``Cache-Control: public, max-age=3600`` and no validators; its crew has
no Creator row; an announced episode is titled "TBA"; one actor plays two characters. The
Top 10 files carry validators and ``no-cache``. Each source is all or nothing on its own.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from platformdirs import user_cache_path

from diplomat_tui.cli import main
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog, Episode, Show, Source
from diplomat_tui.refresh import RefreshResult, RefreshSummary, SourceStatus, refresh
from diplomat_tui.settings import Settings, load_settings
from diplomat_tui.sources import Origin
from diplomat_tui.sources.http import MIB, HttpPolicy
from diplomat_tui.sources.tvmaze import (
    parse_cast,
    parse_crew,
    parse_episodes,
    parse_seasons,
    parse_show,
)
from diplomat_tui.store import Store

from helpers.localserver import (
    CAST,
    COUNTRIES,
    CREW,
    EMBED_QUERY,
    EPISODES,
    GLOBAL,
    HOSTILE_NAME,
    LAST_MODIFIED,
    RECORDED,
    SEARCH,
    SHOW,
    TVMAZE,
    TVMAZE_ID,
    LocalServer,
)

FAST = HttpPolicy(
    connect_timeout=2,
    read_timeout=1,
    deadline=2,
    max_bytes=1 * MIB,
    retries=2,
    backoff=0.01,
    max_wait=0.05,
)
KNOWN = Show(
    title="The Diplomat", network="Netflix", premiered="April 20", creators=("Debora Cahn",)
)
SHOW_SOURCE = f"tvmaze:/shows/{TVMAZE_ID}"  # the one Source record of the show's data
SHOW_URL = f"{SHOW}?{EMBED_QUERY}"  # the show with its episodes, seasons, cast and crew
TOP10_SCOPES = ("Netflix weekly global Top 10 TV (English)", "Netflix weekly Top 10 by country")


def settings_for(server: LocalServer, store: Store, **urls: str) -> Settings:
    return Settings(
        data_dir=store.path.parent,
        config_path=store.path.parent / "config.toml",
        tvmaze_url=urls.get("tvmaze_url", server.tvmaze_url),
        top10_url=urls.get("top10_url", server.top10_url),
        cache_dir=store.path.parent / "cache",
    )


async def run(
    store: Store,
    server: LocalServer,
    policy: HttpPolicy = FAST,
    *,
    force: bool = False,
    deadline: float = 30,
    **urls: str,
) -> tuple[RefreshResult, list[tuple[str, str]]]:
    lines: list[tuple[str, str]] = []
    result = await refresh(
        store,
        settings_for(server, store, **urls),
        lambda *line: lines.append(line),
        policy=policy,
        force=force,
        deadline=deadline,
    )
    return result, lines


async def run_ok(
    store: Store, server: LocalServer, policy: HttpPolicy = FAST, **options: Any
) -> tuple[RefreshSummary, list[tuple[str, str]]]:
    """A refresh that must succeed for every source."""
    result, lines = await run(store, server, policy, **options)
    assert result.ok, result.failed
    return result.summary, lines


def tvmaze_part(catalog: Catalog) -> tuple[Any, ...]:
    """What TVmaze refreshes: the show, people, credits, seasons, episodes, its sources."""
    tvmaze_sources = tuple(s for s in catalog.sources if s.kind == "tvmaze")
    return (
        catalog.show,
        catalog.people,
        catalog.cast,
        catalog.crew,
        catalog.seasons,
        catalog.episodes,
        tvmaze_sources,
    )


def top10_part(catalog: Catalog) -> tuple[Any, ...]:
    """What Netflix Top 10 refreshes: the weekly stats and its sources."""
    return (
        tuple(s for s in catalog.stats if s.scope in TOP10_SCOPES),
        tuple(s for s in catalog.sources if s.kind == "top10"),
    )


def bare_store(tmp_path: Path, show: Show = KNOWN) -> Store:
    store = Store(tmp_path / "bare" / "store.json")
    store.create(Catalog(show=show))
    return store


# -- success ---------------------------------------------------------------------------


async def test_refresh_fills_every_pane_and_keeps_the_article(store: Store, local_server):
    store.set_watched(["S01E01"], True)
    store.set_pref("theme", "nord")
    before = store.snapshot()

    result, lines = await run(store, local_server)

    assert result.ok and result.saved
    assert result.sources == (SourceStatus("TVmaze"), SourceStatus("Netflix Top 10"))
    after = store.snapshot()
    catalog = after.catalog
    assert (after.watched, after.prefs) == (before.watched, before.prefs)
    show = catalog.show
    assert show and show.tvmaze_id == TVMAZE_ID and show.premiered == "2023-04-20"
    assert show.synopsis == before.catalog.show.synopsis  # the article's, never TVmaze's
    assert show.description == before.catalog.show.description
    assert "Debora Cahn" in show.creators  # the article's: TVmaze's crew has no Creator row
    assert show.image and show.image.startswith("https://static.tvmaze.com/")
    # Episodes: every season, every title but the announced one's ("TBA" is no title)
    assert {(e.season, e.number) for e in catalog.episodes} >= {(1, 8), (2, 6), (3, 1)}
    assert len(catalog.episodes) == 15
    assert [e.key for e in catalog.episodes if not e.title] == ["S03E01"]
    assert all(e.image for e in catalog.episodes if e.season < 3)
    assert [(s.number, s.status, s.episode_count) for s in catalog.seasons][-1] == (
        3,
        "announced",
        None,
    )
    # Cast with characters (one actor in two roles: both), people with pictures, crew
    characters = {(c.person, c.character) for c in catalog.cast}
    assert {("David Gyasi", "Austin Dennison"), ("Keri Russell", "Kate Wyler")} <= characters
    assert {
        ("Rory Kinnear", "Nicol Trowbridge"),
        ("Rory Kinnear", "Nicol Trowbridge's Double"),
    } <= (characters)
    keri = catalog.person("Keri Russell")
    assert keri and keri.tvmaze_id == 20301 and keri.image
    crew = {c.person: c.roles for c in catalog.crew}
    assert "creator" in crew["Debora Cahn"] and "producer" in crew["Dan Toland"]
    # Weekly stats from both files
    metrics = {s.metric for s in catalog.stats if s.period == "2024-11-03"}
    assert metrics == {"weekly_rank", "hours_viewed", "views", "weeks_in_top10", "top10_countries"}
    # One source for all of TVmaze's facts (no validators: TVmaze sends none)
    tvmaze = catalog.source(SHOW_SOURCE)
    assert tvmaze and (tvmaze.etag, tvmaze.last_modified) == (None, None)
    assert tvmaze.url == local_server.url + SHOW_URL
    top10_global = catalog.source("top10:data/all-weeks-global.tsv")
    assert top10_global and top10_global.etag and top10_global.last_modified == LAST_MODIFIED
    main_cast = [c for c in catalog.cast if c.billing == "main" and c.character]
    records = (show, *catalog.episodes, *catalog.seasons, *main_cast)
    assert all(SHOW_SOURCE in record.sources for record in records)  # guest stars: the article
    assert all(before.catalog.source(s.id) == s for s in before.catalog.sources)

    assert result.summary == RefreshSummary(
        new_episodes=7, updated_episodes=8, new_cast=0, new_weeks=6, unchanged_sources=0
    )
    assert result.describe() == (
        "Refreshed: 7 new episodes, 8 updated episodes, 6 new Top 10 weeks"
    )
    assert ("TVmaze", f"search: requesting {local_server.url}{SEARCH}") in lines
    assert ("TVmaze", "search: 200 OK") in lines and ("TVmaze", "show: 200 OK") in lines
    assert ("Netflix Top 10", "by country: 200 OK") in lines and lines[-1][0] == "Store"


async def test_what_another_process_saved_during_a_refresh_is_kept(
    store: Store, local_server: LocalServer
) -> None:
    """The news are merged into the store as read again under the lock: a change saved
    by another process while the answers were awaited is kept beside them."""
    elsewhere = Episode(season=9, number=1, title="Saved elsewhere")
    other = Store(store.path)  # another process's view of the same store
    saved: list[bool] = []

    def progress(source: str, status: str) -> None:
        if not saved and "requesting" in status:
            other.update_catalog(lambda c: replace(c, episodes=(*c.episodes, elsewhere)))
            saved.append(True)

    result = await refresh(store, settings_for(local_server, store), progress, policy=FAST)

    assert saved and result.ok and result.saved
    catalog = store.snapshot().catalog
    assert elsewhere in catalog.episodes
    assert len(catalog.episodes) == 16  # and TVmaze's 15 (the article's 8 among them)


async def test_every_request_is_announced_before_it_is_sent(store: Store, local_server):
    _, lines = await run_ok(store, local_server)
    for label in ("search", "show"):
        asking = lines.index(
            (
                "TVmaze",
                f"{label}: requesting {local_server.url}{TVMAZE}/"
                + ("search/shows" if label == "search" else f"shows/{TVMAZE_ID}"),
            )
        )
        assert asking < lines.index(("TVmaze", f"{label}: 200 OK"))


async def test_first_refresh_is_the_search_then_one_request(store: Store, local_server):
    """Two round trips: the search, then the show with everything embedded, crew included."""
    _, lines = await run_ok(store, local_server)
    tvmaze = [(r.path, r.query) for r in local_server.requests if r.path.startswith(TVMAZE)]
    assert tvmaze == [(SEARCH, "q=The+Diplomat"), (SHOW, EMBED_QUERY)]
    picked = f"search: picked The Diplomat (2023, Netflix), TVmaze id {TVMAZE_ID}"
    assert ("TVmaze", picked) in lines
    assert ("TVmaze", "15 episodes, 3 seasons, 8 cast, 6 crew") in lines
    assert store.snapshot().catalog.show.tvmaze_id == TVMAZE_ID


async def test_no_creator_row_on_tvmaze_does_not_veto_the_one_show_that_matches(
    tmp_path: Path, local_server: LocalServer
):
    """The measured failure: the store knows the creator, TVmaze's crew names none."""
    store = bare_store(tmp_path, KNOWN)
    await run_ok(store, local_server)
    catalog = store.snapshot().catalog
    assert catalog.show and catalog.show.tvmaze_id == TVMAZE_ID and len(catalog.episodes) == 15


def serve_another_diplomat(server: LocalServer, show_id: int, creator: str) -> None:
    """The embedded answer of another show called The Diplomat."""
    crew = [{"type": "Creator", "person": {"name": creator}}]
    embedded = {"episodes": [], "seasons": [], "cast": [], "crew": crew}
    body = {"id": show_id, "name": "The Diplomat", "_embedded": embedded}
    server.set(f"{TVMAZE}/shows/{show_id}", body=json.dumps(body).encode())


def credit_the_creator(server: LocalServer) -> None:
    """The recorded crew with a Creator row for Debora Cahn (TVmaze has one, sometimes)."""
    crew = json.loads((RECORDED / "tvmaze/crew.json").read_bytes())
    crew.insert(0, {"type": "Creator", "person": {"id": 90101, "name": "Debora Cahn"}})
    server.set(CREW, body=json.dumps(crew).encode())


async def test_the_creator_breaks_a_tie_between_shows_of_the_same_name(
    tmp_path: Path, local_server: LocalServer
):
    store = bare_store(tmp_path, Show("The Diplomat", creators=("Debora Cahn",)))
    credit_the_creator(local_server)
    for show_id in (40112, 17702):  # the other two series called The Diplomat
        serve_another_diplomat(local_server, show_id, "Someone Else")

    _, lines = await run_ok(store, local_server)

    catalog = store.snapshot().catalog
    assert catalog.show and catalog.show.tvmaze_id == TVMAZE_ID and len(catalog.episodes) == 15
    assert not any(source.id.startswith("tvmaze:/shows/40112") for source in catalog.sources)
    assert "Someone Else" not in {person.name for person in catalog.people}
    for show_id in (TVMAZE_ID, 40112, 17702):  # each show's data, crew included, in one request
        sent = local_server.requests_to(f"{TVMAZE}/shows/{show_id}")
        assert [request.query for request in sent] == [EMBED_QUERY]
    assert [r.path for r in local_server.requests].count(SEARCH) == 1
    assert ("TVmaze", "show 40112: 200 OK") in lines


@pytest.mark.parametrize(
    ("credited", "complaint"),
    [
        (
            True,
            "3 of the shows TVmaze found for 'The Diplomat' match what the store knows "
            "(created by Debora Cahn) and 2 of them credit Debora Cahn as creator: "
            "The Diplomat (2023, Netflix), The Diplomat (2009, Network Ten); nothing was changed",
        ),
        (
            False,
            "and none credits Debora Cahn as creator: The Diplomat (2023, Netflix), "
            "The Diplomat (2009, Network Ten), The Diplomat (2015, HBO)",
        ),
    ],
)
async def test_a_tie_the_creator_cannot_break_is_refused(
    tmp_path: Path, local_server: LocalServer, credited: bool, complaint: str
):
    store = bare_store(tmp_path, Show("The Diplomat", creators=("Debora Cahn",)))
    if credited:
        credit_the_creator(local_server)
    serve_another_diplomat(local_server, 40112, "Debora Cahn" if credited else "Someone")
    serve_another_diplomat(local_server, 17702, "Someone Else")
    result, _ = await run(store, local_server)
    (failed,) = result.failed
    assert failed.name == "TVmaze" and failed.error and complaint in failed.error
    assert failed.error.startswith("TVmaze search: ")
    assert store.snapshot().catalog.episodes == ()


async def test_a_remembered_id_that_is_gone_searches_again(tmp_path: Path, local_server):
    """TVmaze merged the show: its old id answers 404; the refresh finds it by search."""
    store = bare_store(tmp_path, replace(KNOWN, tvmaze_id=11111))
    _, lines = await run_ok(store, local_server)
    assert [r.status for r in local_server.requests_to(f"{TVMAZE}/shows/11111")] == [404]
    assert ("TVmaze", "show: TVmaze id 11111 is gone (404), searching again") in lines
    catalog = store.snapshot().catalog
    assert catalog.show and catalog.show.tvmaze_id == TVMAZE_ID and len(catalog.episodes) == 15
    logged = len(local_server.requests)
    await run_ok(store, local_server)  # the new id is remembered: no search, nothing asked
    assert not any(r.path.startswith(TVMAZE) for r in local_server.requests[logged:])


async def test_tvmaze_description_only_fills_a_gap(tmp_path: Path, local_server: LocalServer):
    store = bare_store(tmp_path)
    summary, _ = await run_ok(store, local_server)
    show = store.snapshot().catalog.show
    assert show and show.synopsis is None
    assert show.description and show.description.startswith("In the middle of an international")
    assert summary.new_cast == 7 and summary.new_episodes == 15


# -- HTTP caching (RFC 9111) ---------------------------------------------------------------


async def test_a_second_refresh_within_the_hour_asks_tvmaze_nothing(store: Store, local_server):
    """The target: no request to TVmaze, at most 5% of the first refresh's bytes."""
    await run_ok(store, local_server)
    first_bytes, first_round = local_server.bytes_sent, len(local_server.requests)
    saved = store.path.read_bytes()
    await asyncio.sleep(1.1)  # a later second: the cached answer keeps its own time

    summary, lines = await run_ok(store, local_server)

    second = local_server.requests[first_round:]
    second_bytes = local_server.bytes_sent - first_bytes
    assert not any(r.path.startswith(TVMAZE) for r in second)
    assert sorted((r.path, r.status, r.body_bytes) for r in second) == [
        (COUNTRIES, 304, 0),
        (GLOBAL, 304, 0),
    ]
    print(f"\nfirst refresh: {first_bytes} bytes sent; second: {second_bytes} bytes")
    assert second_bytes <= 0.05 * first_bytes
    assert summary.unchanged_sources == 2 and summary.new_episodes == 0
    assert summary.describe() == "Refreshed: nothing new; 2 files unchanged"
    assert ("TVmaze", "show: from the cache (still fresh: not asked)") in lines
    assert ("Netflix Top 10", "global: 304 Not Modified, the cached copy is current") in lines
    assert store.path.read_bytes() == saved


async def test_force_revalidates_every_source(store: Store, local_server: LocalServer):
    await run_ok(store, local_server)
    logged = len(local_server.requests)
    await run_ok(store, local_server, force=True)
    sent = local_server.requests[logged:]
    assert sorted((r.path, r.status) for r in sent) == sorted(
        [(SHOW, 200), (COUNTRIES, 304), (GLOBAL, 304)]
    )
    assert all(
        {k.lower(): v for k, v in r.headers.items()}["cache-control"] == "no-cache" for r in sent
    )


async def test_the_cache_lives_in_the_cache_folder_and_a_damaged_one_is_rebuilt(
    store: Store, local_server: LocalServer, capfd: pytest.CaptureFixture[str]
):
    settings = settings_for(local_server, store)
    await run_ok(store, local_server)
    assert settings.http_cache_path.parent == store.path.parent / "cache"
    assert settings.http_cache_path.stat().st_size > 0
    settings.http_cache_path.write_bytes(b"\x00garbage" * 1000)
    logged = len(local_server.requests)
    await run_ok(store, local_server)
    assert {r.status for r in local_server.requests[logged:]} == {200}  # asked again, in full
    logged = len(local_server.requests)
    await run_ok(store, local_server)
    assert not any(r.path.startswith(TVMAZE) for r in local_server.requests[logged:])
    assert capfd.readouterr().err == ""


async def test_a_changed_answer_is_parsed_and_an_unchanged_file_is_not(
    store: Store, local_server: LocalServer
):
    await run_ok(store, local_server)
    episodes = json.loads((RECORDED / "tvmaze/episodes.json").read_bytes())
    episodes[0]["name"] = "The Cinderella Thing (Director's Cut)"
    local_server.set(EPISODES, body=json.dumps(episodes).encode())  # changes the show's answer

    summary, _ = await run_ok(store, local_server, force=True)

    assert (summary.updated_episodes, summary.unchanged_sources) == (1, 2)
    first = store.snapshot().catalog.episodes[0]
    assert first.title == "The Cinderella Thing (Director's Cut)"


async def test_validators_that_are_not_ascii_never_break_a_refresh(
    store: Store, local_server: LocalServer
):
    local_server.set(GLOBAL, validators={"ETag": '"\u00e9t\u00e9"', "Last-Modified": "l\u00e0"})
    for _ in range(2):
        await run_ok(store, local_server)
    record = store.snapshot().catalog.source("top10:data/all-weeks-global.tsv")
    assert record and (record.etag, record.last_modified) == (None, None)
    assert [r.status for r in local_server.requests_to(GLOBAL)] == [200, 200]


def store_from_before_embedding(tmp_path: Path, tvmaze_url: str) -> Store:
    """A store as refreshes left it when each TVmaze endpoint was its own request and Source.

    The record ``tvmaze:/shows/ID`` was the bare show's: same id as today's, another URL.
    """
    origin = Origin("TVmaze recorded", tvmaze_url)

    def recorded(name: str) -> Any:
        return json.loads((RECORDED / "tvmaze" / f"{name}.json").read_bytes())

    pieces = [
        Catalog(show=KNOWN),
        Catalog(show=parse_show(recorded("show"), origin, SHOW_SOURCE)),
        Catalog(episodes=parse_episodes(recorded("episodes"), origin, f"{SHOW_SOURCE}/episodes")),
        Catalog(
            seasons=parse_seasons(
                recorded("seasons"), origin, f"{SHOW_SOURCE}/seasons", date.today()
            )
        ),
        parse_cast(recorded("cast"), origin, f"{SHOW_SOURCE}/cast"),
        parse_crew(recorded("crew"), origin, f"{SHOW_SOURCE}/crew"),
    ]
    sources = tuple(
        Source(
            id=f"{SHOW_SOURCE}{suffix}",
            kind="tvmaze",
            title=f"TVmaze: The Diplomat {suffix.strip('/') or 'show'}",
            url=f"{tvmaze_url}/shows/{TVMAZE_ID}{suffix}",
            fetched="2024-11-12T09:00:00+00:00",
            last_modified=LAST_MODIFIED,
        )
        for suffix in ("", "/episodes", "/seasons", "/cast", "/crew")
    )
    catalog = Catalog(sources=sources)
    for piece in pieces:
        catalog = merge_catalogs(catalog, piece)
    store = Store(tmp_path / "old" / "store.json")
    store.create(catalog)
    return store


async def test_a_store_citing_the_old_endpoint_sources_refreshes(
    tmp_path: Path, local_server: LocalServer
):
    store = store_from_before_embedding(tmp_path, local_server.tvmaze_url)
    old_ids = [f"{SHOW_SOURCE}{suffix}" for suffix in ("/episodes", "/seasons", "/cast", "/crew")]

    summary, _ = await run_ok(store, local_server)

    sent = local_server.requests_to(SHOW)
    assert [(r.query, r.status) for r in sent] == [(EMBED_QUERY, 200)]
    catalog = store.snapshot().catalog
    record = catalog.source(SHOW_SOURCE)
    assert record and record.url == local_server.url + SHOW_URL
    assert all(catalog.source(old) for old in old_ids)  # still there: older facts cite them
    assert {e.sources for e in catalog.episodes} == {(old_ids[0], SHOW_SOURCE)}
    assert {c.sources for c in catalog.crew} == {(old_ids[3], SHOW_SOURCE)}
    assert (summary.new_episodes, summary.updated_episodes, summary.new_cast) == (0, 0, 0)


# -- retries -------------------------------------------------------------------------------


async def test_retries_honour_retry_after(store: Store, local_server: LocalServer):
    local_server.set(SHOW, fail=429, times=1, retry_after="1")
    policy = HttpPolicy(retries=2, backoff=0.01, max_wait=5)
    started = time.monotonic()
    _, lines = await run_ok(store, local_server, policy)
    assert time.monotonic() - started >= 0.9
    assert ("TVmaze", "show: 429 Too Many Requests, retry 1/2 in 1.0s") in lines
    assert [r.status for r in local_server.requests_to(SHOW)] == [429, 200]


async def test_the_default_retries_outlast_four_429s_in_a_row(store: Store, local_server):
    """The default waits (1, 2, 4, 8 s) span TVmaze's 10 s window; here scaled down 100x."""
    local_server.set(SHOW, fail=429, times=4)
    await run_ok(store, local_server, replace(HttpPolicy(), backoff=0.01))
    assert [r.status for r in local_server.requests_to(SHOW)] == [429] * 4 + [200]


@pytest.mark.parametrize("hostile", [SHOW, CAST], ids=["show and every list", "cast list"])
async def test_hostile_text_never_reaches_the_store(
    store: Store, local_server: LocalServer, hostile: str
):
    await run_ok(store, local_server)
    local_server.set(hostile, hostile=True)
    await run_ok(store, local_server, force=True)  # a new answer within the hour: forced
    raw = store.path.read_text(encoding="utf-8")
    assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in raw)
    assert "\\u001b" not in raw and "\\u0007" not in raw and "<script>" not in raw
    catalog = store.snapshot().catalog
    assert any(c.person == HOSTILE_NAME for c in catalog.cast)  # literal; the UI never parses it
    hostile_summary = catalog.episodes[0].summary == "Spoiler ahead [b]"  # sanitized
    assert hostile_summary == (hostile == SHOW)  # the show's switch reaches every embedded list
    assert (HOSTILE_NAME in {c.person for c in catalog.crew}) == (hostile == SHOW)


# -- failures: a failed source leaves its part of the store as it was ------------------------


async def refresh_with_failing(
    store: Store, local_server: LocalServer, path: str, switches: dict[str, object], complaint: str
) -> tuple[RefreshResult, SourceStatus, str, str]:
    """Refresh with ``path`` answering as ``switches`` say (PORT: the server's port): the
    result, its one failed source, that source's message and the expected complaint."""
    port = local_server.url.rsplit(":", 1)[1]
    switches = {k: v.replace("PORT", port) if k == "redirect" else v for k, v in switches.items()}
    local_server.set(path, **switches)
    result, _ = await run(store, local_server)
    (failed,) = result.failed
    return result, failed, failed.error or "", complaint.replace("PORT", port)


@pytest.mark.parametrize(
    ("path", "switches", "complaint"),
    [
        (SHOW, {"fail": 500, "times": 9}, "TVmaze show: HTTP 500 Internal Server Error after 3"),
        (SEARCH, {"fail": 429, "times": 9}, "TVmaze search: HTTP 429 Too Many Requests after 3"),
        (SEARCH, {"fail": 404}, "TVmaze search: HTTP 404 Not Found"),
        (SHOW, {"broken_json": True}, "TVmaze show: not valid JSON"),
        (SHOW, {"truncate": True}, "TVmaze show: the connection broke mid-answer, body truncated"),
        (SHOW, {"oversize": 2 * MIB}, "TVmaze show: the answer is larger than the 1 MiB limit"),
        (SHOW, {"latency": 1.5}, "TVmaze show: timed out (waiting for data: nothing for 1s)"),
        (SHOW, {"trickle": 0.005}, "TVmaze show: no complete answer within 2s"),
        (SHOW, {"body": b'{"id": 61420, "name": "x"}'}, "TVmaze show: the answer has no _embedded"),
        (
            SHOW,
            {"redirect": "http://localhost:PORT/tvmaze/x"},
            "TVmaze show: redirected to "
            "http://localhost:PORT/tvmaze/x: refused, the data must come from http://127.0.0.1:PORT",
        ),
        (
            EPISODES,
            {"body": b'{"season": 1}'},
            "TVmaze show _embedded.episodes: expected a list of episodes",
        ),
        (
            EPISODES,
            {"body": b'[{"season": 1, "number": 1, "runtime": ' + b"9" * 400 + b"}]"},
            "TVmaze show _embedded.episodes: invalid episode record (runtime is 9999",
        ),
        (
            CAST,
            {"body": b'[{"person": "Keri Russell"}]'},
            "TVmaze show _embedded.cast: person is not an object",
        ),
    ],
)
async def test_a_tvmaze_failure_keeps_its_part_and_saves_the_top10(
    store: Store, local_server: LocalServer, path: str, switches: dict[str, object], complaint: str
):
    before = store.snapshot().catalog
    result, failed, message, complaint = await refresh_with_failing(
        store, local_server, path, switches, complaint
    )
    assert failed.name == "TVmaze" and complaint in message
    assert "\n" not in message and local_server.url in message
    assert result.saved and result.summary.new_weeks == 6
    after = store.snapshot().catalog  # readable: nothing the store refuses was saved
    assert tvmaze_part(after) == tvmaze_part(before)
    assert top10_part(after) != top10_part(before) and after.stats


@pytest.mark.parametrize(
    ("path", "switches", "complaint"),
    [
        (GLOBAL, {"fail": 404}, "Netflix Top 10 global: HTTP 404 Not Found"),
        (COUNTRIES, {"fail": 503, "times": 9}, "Netflix Top 10 by country: HTTP 503"),
        (COUNTRIES, {"truncate": True}, "Netflix Top 10 by country: the connection broke"),
        (GLOBAL, {"body": b"null"}, "Netflix Top 10 global: "),
        (
            COUNTRIES,
            {"body": b"<html><title>Moved Permanently</title></html>"},
            "Netflix Top 10 by country: ",
        ),
        (
            GLOBAL,
            {"redirect": "https://127.0.0.1:PORT/top10/x"},
            "Netflix Top 10 global: redirected to https://127.0.0.1:PORT/top10/x: refused",
        ),
    ],
)
async def test_a_top10_failure_keeps_its_part_and_saves_tvmaze(
    store: Store, local_server: LocalServer, path: str, switches: dict[str, object], complaint: str
):
    """Both files or neither: one failing file keeps the other's weeks out too."""
    before = store.snapshot().catalog
    result, failed, message, complaint = await refresh_with_failing(
        store, local_server, path, switches, complaint
    )
    assert failed.name == "Netflix Top 10" and message.startswith(complaint)
    assert "\n" not in message and local_server.url + path in message
    after = store.snapshot().catalog
    assert top10_part(after) == top10_part(before)
    assert tvmaze_part(after) != tvmaze_part(before) and len(after.episodes) == 15
    assert result.describe().endswith("(Netflix Top 10 failed: its data was left as it was)")


async def test_both_sources_failing_change_nothing(store: Store, local_server: LocalServer):
    local_server.set(SEARCH, fail=404)
    local_server.set(GLOBAL, fail=404)
    saved = store.path.read_bytes()
    result, _ = await run(store, local_server)
    assert [s.name for s in result.failed] == ["TVmaze", "Netflix Top 10"] and not result.saved
    assert result.describe() == "Refresh failed (TVmaze and Netflix Top 10): nothing was changed"
    assert store.path.read_bytes() == saved


async def test_a_failed_later_refresh_keeps_tvmazes_part(store: Store, local_server):
    await run_ok(store, local_server)
    local_server.set(SHOW, fail=503, times=9)
    before = store.snapshot().catalog
    result, _ = await run(store, local_server, force=True)
    (failed,) = result.failed
    assert failed.error and "TVmaze show: HTTP 503 Service Unavailable after 3" in failed.error
    assert len(local_server.requests_to(SEARCH)) == 1  # the id was known: no search
    assert tvmaze_part(store.snapshot().catalog) == tvmaze_part(before)


async def test_no_network_for_tvmaze_keeps_its_part(store: Store, local_server: LocalServer):
    before = store.snapshot().catalog
    result, _ = await run(store, local_server, tvmaze_url="http://diplomat-tui.invalid")
    (failed,) = result.failed
    assert failed.error and failed.error.startswith("TVmaze search: cannot connect")
    assert "diplomat-tui.invalid" in failed.error
    assert tvmaze_part(store.snapshot().catalog) == tvmaze_part(before)


async def test_one_deadline_for_the_whole_refresh(store: Store, local_server: LocalServer):
    """A server dripping its answer: each read is quick, the exchange's own deadline far."""
    local_server.set(SHOW, trickle=0.05)
    policy = replace(FAST, deadline=60, read_timeout=5)
    before = store.snapshot().catalog
    started = time.monotonic()
    result, _ = await run(store, local_server, policy, deadline=3)
    assert time.monotonic() - started < 6
    (failed,) = result.failed
    assert failed.error == (
        "TVmaze: not finished within the refresh's deadline of 3s; nothing of it was saved"
    )
    assert tvmaze_part(store.snapshot().catalog) == tvmaze_part(before)
    assert result.saved and result.summary.new_weeks == 6  # the Top 10 was in time


@pytest.mark.parametrize(
    ("known", "complaint"),
    [
        (replace(KNOWN, network="BBC One"), "none of the shows TVmaze found for 'The Diplomat'"),
        (replace(KNOWN, premiered="May 4"), "matches what the store knows (network Netflix; "),
        (Show(title="The Diplomat"), "3 of the shows TVmaze found for 'The Diplomat' match"),
    ],
)
async def test_no_single_matching_show_is_refused(
    tmp_path: Path, local_server: LocalServer, known: Show, complaint: str
):
    store = bare_store(tmp_path, known)
    before = store.snapshot().catalog
    result, _ = await run(store, local_server)
    (failed,) = result.failed
    message = failed.error or ""
    assert message.startswith("TVmaze search: ") and complaint in message
    assert "The Diplomat (2009, Network Ten)" in message and "nothing was changed" in message
    assert tvmaze_part(store.snapshot().catalog) == tvmaze_part(before)


# -- the command -----------------------------------------------------------------------------


def point_at(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in server.environ().items():
        monkeypatch.setenv(name, value)


def test_cli_refresh_prints_progress_and_a_summary(
    data_dir: Path, local_server: LocalServer, monkeypatch, capsys
):
    point_at(local_server, monkeypatch)
    assert main(["refresh"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["Refreshed: 7 new episodes, 8 updated episodes, 6 new Top 10 weeks"]
    progress = err.splitlines()
    asking = f"TVmaze: search: requesting {local_server.url}{SEARCH}"
    assert progress.index(asking) < progress.index("TVmaze: search: 200 OK")
    assert "Netflix Top 10: global: 200 OK" in progress
    assert progress[-1].startswith("Store: saved ")
    assert (data_dir.parent / "cache" / "http-cache.sqlite").exists()  # $DIPLOMAT_TUI_CACHE_DIR

    assert main(["refresh"]) == 0
    out, err = capsys.readouterr()
    assert out == "Refreshed: nothing new; 2 files unchanged\n"
    assert "TVmaze: show: from the cache (still fresh: not asked)" in err.splitlines()

    assert main(["refresh", "--force"]) == 0
    assert "TVmaze: show: 200 OK" in capsys.readouterr().err.splitlines()


def test_cli_refresh_failure_is_one_line_per_source_and_exit_1(
    data_dir: Path, local_server: LocalServer, monkeypatch, capsys
):
    point_at(local_server, monkeypatch)
    local_server.set(SEARCH, fail=404, times=9)
    assert main(["refresh"]) == 1
    out, err = capsys.readouterr()
    assert out == "Refreshed: 6 new Top 10 weeks\n"  # the other source's data is saved
    assert err.splitlines()[-1] == (
        f"diplomat-tui: TVmaze search: HTTP 404 Not Found ({local_server.url}{SEARCH}"
        "?q=The+Diplomat)."
    )
    assert "Traceback" not in err

    local_server.set(GLOBAL, fail=404, times=9)
    assert main(["refresh", "--force"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert [line for line in err.splitlines() if line.startswith("diplomat-tui: ")] == [
        f"diplomat-tui: TVmaze search: HTTP 404 Not Found ({local_server.url}{SEARCH}"
        "?q=The+Diplomat).",
        f"diplomat-tui: Netflix Top 10 global: HTTP 404 Not Found ({local_server.url}{GLOBAL}).",
    ]


# -- settings ----------------------------------------------------------------------------


def test_the_cache_folder_and_image_hosts_come_from_the_environment_or_config(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("DIPLOMAT_TUI_CACHE_DIR")
    monkeypatch.delenv("DIPLOMAT_TUI_IMAGE_HOSTS")  # (set by conftest: no network in tests)
    settings = load_settings()
    assert settings.http_cache_path == user_cache_path("diplomat-tui", appauthor=False) / (
        "http-cache.sqlite"
    )
    assert settings.allowed_image_hosts() == ("static.tvmaze.com", "api.tvmaze.com")
    monkeypatch.setenv("DIPLOMAT_TUI_CACHE_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("DIPLOMAT_TUI_TVMAZE_URL", "http://127.0.0.1:8080/tvmaze")
    settings = load_settings()
    assert settings.http_cache_path == tmp_path / "elsewhere" / "http-cache.sqlite"
    assert settings.allowed_image_hosts() == ("static.tvmaze.com", "127.0.0.1")
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text('[sources]\nimage_hosts = ["Images.Example", " "]\n', encoding="utf-8")
    assert load_settings().allowed_image_hosts() == ("images.example",)
    monkeypatch.setenv("DIPLOMAT_TUI_IMAGE_HOSTS", "127.0.0.1, localhost")
    assert load_settings().allowed_image_hosts() == ("127.0.0.1", "localhost")


async def test_a_store_that_missed_a_refresh_still_gets_the_cached_data(
    store: Store, tmp_path: Path, local_server: LocalServer
):
    """The cache may be ahead of the store (a save that failed, another data folder): only
    the version the store holds is skipped, so nothing is ever left out of it."""
    await run_ok(store, local_server)
    other = Store(tmp_path / "other" / "store.json")
    other.create(Catalog(show=KNOWN))
    shared = settings_for(local_server, store)
    logged = len(local_server.requests)
    result = await refresh(other, replace(shared, data_dir=other.path.parent), policy=FAST)
    assert result.ok and result.summary.new_episodes == 15 and result.summary.new_weeks == 6
    sent = local_server.requests[logged:]
    # TVmaze's search and show from the cache, the files revalidated: yet all parsed
    assert sorted((r.path, r.status) for r in sent) == sorted([(GLOBAL, 304), (COUNTRIES, 304)])


@hypothesis_settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    show=st.binary(max_size=300) | st.sampled_from([b"{}", b"[]", b"null", b'{"id": 1e999}']),
    global_file=st.binary(max_size=300),
    countries=st.binary(max_size=300),
)
def test_random_answers_from_every_source_leave_a_readable_store(
    local_server: LocalServer, show: bytes, global_file: bytes, countries: bytes
):
    for path, body in ((SHOW, show), (GLOBAL, global_file), (COUNTRIES, countries)):
        local_server.set(path, body=body)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store.json")
        store.create(Catalog(show=replace(KNOWN, tvmaze_id=TVMAZE_ID)))
        result = asyncio.run(refresh(store, settings_for(local_server, store), policy=FAST))
        assert all(status.error is None or "\n" not in status.error for status in result.sources)
        store.snapshot()  # readable, whatever was saved
