"""Refresh end to end against the local server: all or nothing, 304s, retries, the CLI."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from diplomat_tui.cli import main
from diplomat_tui.errors import SourceError
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog, Show, Source
from diplomat_tui.refresh import RefreshSummary, refresh
from diplomat_tui.settings import Settings
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


def settings_for(server: LocalServer, store: Store, **urls: str) -> Settings:
    return Settings(
        data_dir=store.path.parent,
        config_path=store.path.parent / "config.toml",
        tvmaze_url=urls.get("tvmaze_url", server.tvmaze_url),
        top10_url=urls.get("top10_url", server.top10_url),
    )


async def run(
    store: Store, server: LocalServer, policy: HttpPolicy = FAST, **urls: str
) -> tuple[RefreshSummary, list[tuple[str, str]]]:
    lines: list[tuple[str, str]] = []
    summary = await refresh(
        store, settings_for(server, store, **urls), lambda *line: lines.append(line), policy=policy
    )
    return summary, lines


def bare_store(tmp_path: Path, show: Show = KNOWN) -> Store:
    store = Store(tmp_path / "bare" / "store.json")
    store.create(Catalog(show=show))
    return store


# -- success ---------------------------------------------------------------------------


async def test_refresh_fills_every_pane_and_keeps_the_article(store: Store, local_server):
    store.set_watched(["S01E01"], True)
    store.set_pref("theme", "nord")
    before = store.snapshot()

    summary, lines = await run(store, local_server)

    after = store.snapshot()
    catalog = after.catalog
    assert (after.watched, after.prefs) == (before.watched, before.prefs)
    show = catalog.show
    assert show and show.tvmaze_id == TVMAZE_ID and show.premiered == "2023-04-20"
    assert show.synopsis == before.catalog.show.synopsis  # the article's, never TVmaze's
    assert show.description == before.catalog.show.description
    # Episodes: every season, every title
    assert {(e.season, e.number) for e in catalog.episodes} >= {(1, 8), (2, 6)}
    assert all(e.title for e in catalog.episodes) and len(catalog.episodes) == 14
    assert [(s.number, s.status) for s in catalog.seasons][-1] == (3, "announced")
    # Cast with characters, crew with roles
    characters = {c.person: c.character for c in catalog.cast}
    assert characters["David Gyasi"] == "Austin Dennison"
    assert characters["Keri Russell"] == "Kate Wyler"
    crew = {c.person: c.roles for c in catalog.crew}
    assert "creator" in crew["Debora Cahn"] and "producer" in crew["Dan Toland"]
    # Weekly stats from both files
    metrics = {s.metric for s in catalog.stats if s.period == "2024-11-03"}
    assert metrics == {"weekly_rank", "hours_viewed", "views", "weeks_in_top10", "top10_countries"}
    # One source for all of TVmaze's facts, with its validators; the article's are still there
    tvmaze = catalog.source(SHOW_SOURCE)
    assert tvmaze and tvmaze.etag and tvmaze.last_modified
    assert tvmaze.url == local_server.url + SHOW_URL
    main_cast = [credit for credit in catalog.cast if credit.billing == "main"]
    records = (show, *catalog.episodes, *catalog.seasons, *main_cast, *catalog.crew)
    assert all(SHOW_SOURCE in record.sources for record in records)  # guest stars: the article
    assert catalog.source("top10:data/all-weeks-countries.tsv")
    assert all(before.catalog.source(s.id) == s for s in before.catalog.sources)

    assert summary == RefreshSummary(
        new_episodes=6, updated_episodes=8, new_cast=0, new_weeks=6, unchanged_sources=0
    )
    assert summary.describe() == "Refreshed: 6 new episodes, 8 updated episodes, 6 new Top 10 weeks"
    assert ("TVmaze", "search: 200 OK") in lines and ("TVmaze", "show: 200 OK") in lines
    assert ("Netflix Top 10", "by country: 200 OK") in lines and lines[-1][0] == "Store"


async def test_first_refresh_is_the_search_then_one_request_with_the_crew_it_checks(
    store: Store, local_server: LocalServer
):
    """Two round trips: the search, then the show with everything embedded, crew included."""
    _, lines = await run(store, local_server)
    tvmaze = [(r.path, r.query) for r in local_server.requests if r.path.startswith(TVMAZE)]
    assert tvmaze == [(SEARCH, "q=The+Diplomat"), (SHOW, EMBED_QUERY)]
    picked = f"search: picked The Diplomat (2023, Netflix), TVmaze id {TVMAZE_ID}"
    assert ("TVmaze", picked) in lines and ("TVmaze", "show: 200 OK") in lines
    assert ("TVmaze", "14 episodes, 3 seasons, 7 cast, 6 crew") in lines
    assert store.snapshot().catalog.show.tvmaze_id == TVMAZE_ID


def serve_another_diplomat(server: LocalServer, show_id: int, creator: str) -> None:
    """The embedded answer of another show called The Diplomat."""
    crew = [{"type": "Creator", "person": {"name": creator}}]
    embedded = {"episodes": [], "seasons": [], "cast": [], "crew": crew}
    body = {"id": show_id, "name": "The Diplomat", "_embedded": embedded}
    server.set(f"{TVMAZE}/shows/{show_id}", body=json.dumps(body).encode())


async def test_the_creator_tells_shows_of_the_same_name_apart(
    tmp_path: Path, local_server: LocalServer
):
    store = bare_store(tmp_path, Show("The Diplomat", creators=("Debora Cahn",)))
    for show_id in (40112, 17702):  # the other two series called The Diplomat
        serve_another_diplomat(local_server, show_id, "Someone Else")

    _, lines = await run(store, local_server)

    catalog = store.snapshot().catalog
    assert catalog.show and catalog.show.tvmaze_id == TVMAZE_ID and len(catalog.episodes) == 14
    assert not any(source.id.startswith("tvmaze:/shows/40112") for source in catalog.sources)
    assert "Someone Else" not in {person.name for person in catalog.people}
    for show_id in (TVMAZE_ID, 40112, 17702):  # each show's data, crew included, in one request
        sent = local_server.requests_to(f"{TVMAZE}/shows/{show_id}")
        assert [request.query for request in sent] == [EMBED_QUERY]
    assert [r.path for r in local_server.requests].count(SEARCH) == 1
    assert len([r for r in local_server.requests if r.path.startswith(TVMAZE)]) == 4
    assert ("TVmaze", "show 40112: 200 OK") in lines


async def test_two_shows_with_the_creator_are_refused(tmp_path: Path, local_server: LocalServer):
    store = bare_store(tmp_path, Show("The Diplomat", creators=("Debora Cahn",)))
    serve_another_diplomat(local_server, 40112, "Debora Cahn")
    serve_another_diplomat(local_server, 17702, "Someone Else")
    saved = store.path.read_bytes()
    with pytest.raises(SourceError) as caught:
        await run(store, local_server)
    assert str(caught.value).startswith(
        "TVmaze search: 2 of the shows TVmaze found for 'The Diplomat' match what the store "
        "knows (created by Debora Cahn), cannot tell which: The Diplomat (2023, Netflix), "
        "The Diplomat (2009, Network Ten); nothing was changed"
    )
    assert store.path.read_bytes() == saved


async def test_tvmaze_description_only_fills_a_gap(tmp_path: Path, local_server: LocalServer):
    store = bare_store(tmp_path)
    summary, _ = await run(store, local_server)
    show = store.snapshot().catalog.show
    assert show and show.synopsis is None
    assert show.description and show.description.startswith("In the middle of an international")
    assert summary.new_cast == 7 and summary.new_episodes == 14


async def test_second_refresh_skips_the_search_and_gets_304s(store: Store, local_server):
    await run(store, local_server)
    saved = store.path.read_bytes()
    first_round = len(local_server.requests)

    summary, lines = await run(store, local_server)

    second = local_server.requests[first_round:]
    assert SEARCH not in {r.path for r in second}
    assert len(second) == 3
    assert all(r.headers.get("If-None-Match") for r in second)
    assert all((r.status, r.body_bytes) == (304, 0) for r in second)
    assert summary.unchanged_sources == 3 and summary.new_episodes == 0
    assert summary.describe() == "Refreshed: nothing new; 3 sources unchanged"
    assert ("TVmaze", "show: 304 Not Modified") in lines
    assert ("TVmaze", "unchanged since the last refresh") in lines
    assert store.path.read_bytes() == saved


async def test_with_the_id_known_a_refresh_is_three_requests(store: Store, local_server):
    """The show with everything embedded, and the two Top 10 files: changed or not."""
    await run(store, local_server)
    for conditional, status in ((True, 304), (False, 200)):
        local_server.set("*", conditional=conditional)
        logged = len(local_server.requests)
        await run(store, local_server)
        sent = local_server.requests[logged:]
        assert sorted((r.path, r.query) for r in sent) == sorted(
            [(SHOW, EMBED_QUERY), (GLOBAL, ""), (COUNTRIES, "")]
        )
        assert {r.status for r in sent} == {status}


async def test_only_changed_sources_are_reparsed(store: Store, local_server: LocalServer):
    await run(store, local_server)
    episodes = json.loads((RECORDED / "tvmaze/episodes.json").read_bytes())
    episodes[0]["name"] = "The Cinderella Thing (Director's Cut)"
    local_server.set(EPISODES, body=json.dumps(episodes).encode())  # changes the show's answer

    summary, _ = await run(store, local_server)

    assert (summary.updated_episodes, summary.unchanged_sources) == (1, 2)
    first = store.snapshot().catalog.episodes[0]
    assert first.title == "The Cinderella Thing (Director's Cut)"


def store_from_before_embedding(tmp_path: Path, tvmaze_url: str) -> Store:
    """A store as refreshes left it when each TVmaze endpoint was its own request and Source.

    The record ``tvmaze:/shows/ID`` was the bare show's: same id as today's, another URL, and
    here only a Last-Modified (which alone would get a 304 for the embedded answer).
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

    summary, _ = await run(store, local_server)

    sent = local_server.requests_to(SHOW)
    assert [(r.query, r.status) for r in sent] == [(EMBED_QUERY, 200)]
    assert "If-Modified-Since" not in sent[0].headers  # validators of another URL are not sent
    catalog = store.snapshot().catalog
    record = catalog.source(SHOW_SOURCE)
    assert record and record.url == local_server.url + SHOW_URL and record.etag
    assert all(catalog.source(old) for old in old_ids)  # still there: older facts cite them
    assert {e.sources for e in catalog.episodes} == {(old_ids[0], SHOW_SOURCE)}
    assert {c.sources for c in catalog.crew} == {(old_ids[3], SHOW_SOURCE)}
    assert (summary.new_episodes, summary.updated_episodes, summary.new_cast) == (0, 0, 0)

    logged = len(local_server.requests)
    summary, _ = await run(store, local_server)
    assert [r.status for r in local_server.requests[logged:]] == [304] * 3
    assert summary.unchanged_sources == 3


async def test_retries_honour_retry_after(store: Store, local_server: LocalServer):
    local_server.set(SHOW, fail=429, times=1, retry_after="1")
    policy = HttpPolicy(retries=2, backoff=0.01, max_wait=5)
    started = time.monotonic()
    _, lines = await run(store, local_server, policy)
    assert time.monotonic() - started >= 0.9
    assert ("TVmaze", "show: 429 Too Many Requests, retry 1/2 in 1.0s") in lines
    assert [r.status for r in local_server.requests_to(SHOW)] == [429, 200]


@pytest.mark.parametrize("hostile", [SHOW, CAST], ids=["show and every list", "cast list"])
async def test_hostile_text_never_reaches_the_store(
    store: Store, local_server: LocalServer, hostile: str
):
    await run(store, local_server)  # first, so the creator check sees the crew unharmed
    local_server.set(hostile, hostile=True)  # a new answer: a full 200, parsed
    await run(store, local_server)
    raw = store.path.read_text(encoding="utf-8")
    assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in raw)
    assert "\\u001b" not in raw and "\\u0007" not in raw and "<script>" not in raw
    catalog = store.snapshot().catalog
    assert any(c.person == HOSTILE_NAME for c in catalog.cast)  # literal; the UI never parses it
    hostile_summary = catalog.episodes[0].summary == "Spoiler ahead [b]"  # sanitized
    assert hostile_summary == (hostile == SHOW)  # the show's switch reaches every embedded list
    assert (HOSTILE_NAME in {c.person for c in catalog.crew}) == (hostile == SHOW)


# -- failures: the store stays byte for byte as it was ---------------------------------


@pytest.mark.parametrize(
    ("path", "switches", "complaint"),
    [
        (SHOW, {"fail": 404}, f"TVmaze show: HTTP 404 Not Found (http://127.0.0.1:PORT{SHOW_URL})"),
        (
            SHOW,
            {"fail": 500, "times": 9},
            "TVmaze show: HTTP 500 Internal Server Error after 3 attempts",
        ),
        (SEARCH, {"fail": 429, "times": 9}, "TVmaze search: HTTP 429 Too Many Requests after 3"),
        (SHOW, {"broken_json": True}, "TVmaze show: not valid JSON"),
        (SHOW, {"truncate": True}, "TVmaze show: the connection broke mid-answer, body truncated"),
        (SHOW, {"oversize": 2 * MIB}, "TVmaze show: the answer is larger than the 1 MiB limit"),
        (SHOW, {"latency": 1.5}, "TVmaze show: timed out (waiting for data)"),
        (SHOW, {"trickle": 0.005}, "TVmaze show: no complete answer within 2s"),
        (SHOW, {"body": b'{"id": 61420, "name": "x"}'}, "TVmaze show: the answer has no _embedded"),
        (
            EPISODES,
            {"body": b'{"season": 1}'},
            "TVmaze show _embedded.episodes: expected a list of episodes",
        ),
        (
            CAST,
            {"body": b'[{"person": "Keri Russell"}]'},
            "TVmaze show _embedded.cast: person is not an object",
        ),
        (
            GLOBAL,
            {"body": b"week\tcategory\n"},
            "Netflix Top 10 global: missing columns: weekly_rank",
        ),
        (COUNTRIES, {"fail": 404}, "Netflix Top 10 by country: HTTP 404 Not Found"),
        (COUNTRIES, {"body": b"country_name\tweek\n"}, "missing columns: country_iso2, category"),
    ],
)
async def test_any_failure_leaves_the_store_untouched(
    store: Store, local_server: LocalServer, path: str, switches: dict[str, object], complaint: str
):
    local_server.set(path, **switches)
    saved = store.path.read_bytes()
    with pytest.raises(SourceError) as caught:
        await run(store, local_server)
    message = str(caught.value)
    assert complaint.replace("PORT", local_server.url.rsplit(":", 1)[1]) in message
    assert "\n" not in message and local_server.url in message
    assert store.path.read_bytes() == saved


@pytest.mark.parametrize(
    ("switches", "complaint"),
    [
        ({"fail": 503, "times": 9}, "TVmaze show: HTTP 503 Service Unavailable after 3 attempts"),
        ({"broken_json": True}, "TVmaze show: not valid JSON"),
        ({"truncate": True}, "TVmaze show: the connection broke mid-answer, body truncated"),
        ({"oversize": 2 * MIB}, "TVmaze show: the answer is larger than the 1 MiB limit"),
    ],
)
async def test_a_failed_later_refresh_leaves_the_store_untouched(
    store: Store, local_server: LocalServer, switches: dict[str, object], complaint: str
):
    await run(store, local_server)
    local_server.set(SHOW, conditional=False, **switches)  # a full answer, as if it changed
    saved = store.path.read_bytes()
    with pytest.raises(SourceError) as caught:
        await run(store, local_server)
    assert complaint in str(caught.value) and local_server.url + SHOW_URL in str(caught.value)
    assert len(local_server.requests_to(SEARCH)) == 1  # the id was known: no search
    assert store.path.read_bytes() == saved


async def test_no_network_leaves_the_store_untouched(store: Store, local_server: LocalServer):
    saved = store.path.read_bytes()
    with pytest.raises(SourceError, match=r"TVmaze search: cannot connect .*diplomat-tui\.invalid"):
        await run(store, local_server, tvmaze_url="http://diplomat-tui.invalid")
    assert store.path.read_bytes() == saved


@pytest.mark.parametrize(
    ("known", "complaint"),
    [
        (replace(KNOWN, network="BBC One"), "none of the shows TVmaze found for 'The Diplomat'"),
        (replace(KNOWN, premiered="May 4"), "matches what the store knows (network Netflix; "),
        (replace(KNOWN, creators=("Aaron Sorkin",)), "April 20; created by Aaron Sorkin)"),
        (Show(title="The Diplomat"), "3 of the shows TVmaze found for 'The Diplomat' match"),
    ],
)
async def test_no_single_matching_show_is_refused(
    tmp_path: Path, local_server: LocalServer, known: Show, complaint: str
):
    store = bare_store(tmp_path, known)
    saved = store.path.read_bytes()
    with pytest.raises(SourceError) as caught:
        await run(store, local_server)
    message = str(caught.value)
    assert message.startswith("TVmaze search: ") and complaint in message
    assert "The Diplomat (2009, Network Ten)" in message and "nothing was changed" in message
    assert store.path.read_bytes() == saved


# -- the command -----------------------------------------------------------------------


def test_cli_refresh_prints_progress_and_a_summary(
    data_dir: Path, local_server: LocalServer, monkeypatch, capsys
):
    for name, value in local_server.environ().items():
        monkeypatch.setenv(name, value)
    assert main(["refresh"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["Refreshed: 6 new episodes, 8 updated episodes, 6 new Top 10 weeks"]
    assert "TVmaze: search: 200 OK" in err.splitlines()
    assert "Netflix Top 10: global: 200 OK" in err.splitlines()
    assert err.splitlines()[-1].startswith("Store: saved ")

    assert main(["refresh"]) == 0
    assert capsys.readouterr().out == "Refreshed: nothing new; 3 sources unchanged\n"


def test_cli_refresh_failure_is_one_line_and_exit_1(
    data_dir: Path, local_server: LocalServer, monkeypatch, capsys
):
    for name, value in local_server.environ().items():
        monkeypatch.setenv(name, value)
    local_server.set(SHOW, fail=404)
    assert main(["refresh"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        f"diplomat-tui: TVmaze show: HTTP 404 Not Found ({local_server.url}{SHOW_URL})."
    )
