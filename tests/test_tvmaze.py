"""TVmaze parsers on recorded answers (real format), picking the right show, and fuzzing."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomat_tui.errors import SourceError
from diplomat_tui.model import Show
from diplomat_tui.sources import Origin
from diplomat_tui.sources.tvmaze import (
    creators,
    has_creator,
    matching_candidates,
    parse_cast,
    parse_crew,
    parse_episodes,
    parse_search,
    parse_seasons,
    parse_show,
    season_status,
)
from tests.localserver import HOSTILE_NAME, RECORDED, TVMAZE_ID, _hostile

ORIGIN = Origin("TVmaze test", "http://127.0.0.1/recorded")
TODAY = date(2025, 1, 15)
KNOWN = Show(
    title="The Diplomat", network="Netflix", premiered="April 20", creators=("Debora Cahn",)
)


def recorded(name: str) -> bytes:
    return (RECORDED / "tvmaze" / name).read_bytes()


# -- picking the show ------------------------------------------------------------------


def test_search_lists_several_diplomats():
    found = parse_search(recorded("search-shows.json"), ORIGIN)
    assert [c.title for c in found].count("The Diplomat") == 3
    netflix = next(c for c in found if c.id == TVMAZE_ID)
    assert (netflix.network, netflix.premiered) == ("Netflix", "2023-04-20")


@pytest.mark.parametrize(
    ("known", "expected"),
    [
        (KNOWN, [TVMAZE_ID]),
        (Show("The Diplomat", network="NETFLIX", premiered="20 April 2023"), [TVMAZE_ID]),
        (Show("the  diplomat", network="Netflix", premiered="April 20, 2023"), [TVMAZE_ID]),
        (Show("The Diplomat", network="Netflix", premiered="April 20, 2022"), []),
        (Show("The Diplomat", network="Netflix", premiered="May 1"), []),
        (Show("The Diplomat", network="BBC One", premiered="April 20"), []),
        (Show("The Diplomat", network="Network Ten", premiered="2009-02-08"), [40112]),
        (Show("The Diplomat"), [TVMAZE_ID, 40112, 17702]),
    ],
)
def test_candidates_must_match_what_the_store_knows(known: Show, expected: list[int]):
    found = parse_search(recorded("search-shows.json"), ORIGIN)
    assert [c.id for c in matching_candidates(found, known)] == expected


def test_the_creator_must_be_credited_as_creator():
    crew = parse_crew(recorded("crew.json"), ORIGIN, "tvmaze:crew")
    assert creators(crew) == ("Debora Cahn",)
    assert has_creator(crew, KNOWN)
    assert has_creator(crew, Show("The Diplomat", creators=("DEBORA CAHN",)))
    assert not has_creator(crew, Show("The Diplomat", creators=("Janice Williams",)))
    assert has_creator(crew, Show("The Diplomat"))  # nothing known: nothing to check


# -- records ---------------------------------------------------------------------------


def test_show_keeps_facts_and_turns_the_html_summary_into_text():
    show = parse_show(recorded("show.json"), ORIGIN, "tvmaze:/shows/1")
    assert (show.title, show.network, show.premiered, show.status) == (
        "The Diplomat",
        "Netflix",
        "2023-04-20",
        "Running",
    )
    assert show.tvmaze_id == TVMAZE_ID and show.synopsis is None
    assert show.description and "<" not in show.description and "she's" in show.description
    assert "relationships" in show.description and show.sources == ("tvmaze:/shows/1",)


def test_episodes_of_every_season_have_titles_and_plain_summaries():
    episodes = parse_episodes(recorded("episodes.json"), ORIGIN, "tvmaze:e")
    assert [(e.season, e.number) for e in episodes][:2] == [(1, 1), (1, 2)]
    assert {e.season for e in episodes} == {1, 2} and len(episodes) == 14
    assert all(e.title and e.airdate and e.runtime for e in episodes)
    first = episodes[0]
    assert first.title == "The Cinderella Thing" and first.airdate == "2023-04-20"
    assert first.summary and first.summary.startswith("Kate Wyler") and "&amp;" not in first.summary
    assert episodes[4].summary is None  # "" in the answer
    assert episodes[5].summary is None  # null in the answer
    assert all(e.sources == ("tvmaze:e",) for e in episodes)


def test_seasons_get_counts_and_a_status_from_their_dates():
    seasons = parse_seasons(recorded("seasons.json"), ORIGIN, "tvmaze:s", TODAY)
    assert [(s.number, s.episode_count, s.status, s.premiere) for s in seasons] == [
        (1, 8, "aired", "2023-04-20"),
        (2, 6, "aired", "2024-10-31"),
        (3, None, "announced", None),
    ]


def test_season_status():
    assert season_status(None, None, TODAY) == "announced"
    assert season_status("2025-06-01", None, TODAY) == "announced"
    assert season_status("2025-01-01", None, TODAY) == "airing"
    assert season_status("2025-01-01", "2025-02-01", TODAY) == "airing"
    assert season_status("2024-01-01", "2024-02-01", TODAY) == "aired"


def test_cast_in_billing_order_with_characters():
    cast = parse_cast(recorded("cast.json"), ORIGIN, "tvmaze:c")
    assert [(c.person, c.character, c.order) for c in cast.cast[:2]] == [
        ("Keri Russell", "Kate Wyler", 0),
        ("Rufus Sewell", "Hal Wyler", 1),
    ]
    assert len(cast.cast) == 7 and all(c.billing == "main" for c in cast.cast)
    assert [p.name for p in cast.people] == [c.person for c in cast.cast]


def test_crew_roles_are_grouped_per_person_and_lowercased():
    crew = {c.person: c.roles for c in parse_crew(recorded("crew.json"), ORIGIN, "x").crew}
    assert crew["Debora Cahn"] == ("creator", "executive producer")
    assert crew["Keri Russell"] == ("executive producer",)
    assert crew["Dan Toland"] == ("producer",)
    assert len(crew) == 6


def test_hostile_text_is_sanitized():
    cast = parse_cast(json.dumps(_hostile(json.loads(recorded("cast.json")))).encode(), ORIGIN, "c")
    episodes = parse_episodes(
        json.dumps(_hostile(json.loads(recorded("episodes.json")))).encode(), ORIGIN, "e"
    )
    assert cast.cast[0].person == HOSTILE_NAME  # kept as literal text: the UI never parses markup
    assert cast.cast[0].character == "Kate Wyler"
    assert episodes[0].title == "The Cinderella Thing"
    texts = [episodes[0].summary or "", cast.cast[0].character or ""]
    assert all(not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in t) for t in texts)
    assert episodes[0].summary == "Spoiler ahead [b]"


# -- malformed answers -----------------------------------------------------------------

Parser = Callable[[bytes], object]
PARSERS: dict[str, Parser] = {
    "search": lambda data: parse_search(data, ORIGIN),
    "show": lambda data: parse_show(data, ORIGIN, "s"),
    "episodes": lambda data: parse_episodes(data, ORIGIN, "s"),
    "seasons": lambda data: parse_seasons(data, ORIGIN, "s", TODAY),
    "cast": lambda data: parse_cast(data, ORIGIN, "s"),
    "crew": lambda data: parse_crew(data, ORIGIN, "s"),
}


@pytest.mark.parametrize(
    ("parser", "data", "complaint"),
    [
        ("episodes", b'[{"season": 1, "number": 1', "not valid JSON"),
        ("episodes", b'{"season": 1}', "expected a list of episodes"),
        ("episodes", b'[{"season": "1", "number": 1}]', "episode season is not a whole number"),
        ("episodes", b'[{"season": 1, "number": 1, "airdate": "soon"}]', "airdate is not a date"),
        ("seasons", b'[{"number": null}]', "a season has no number"),
        ("show", b'{"id": 1, "name": ""}', "the show has no name"),
        ("show", b'{"id": "1", "name": "x"}', "show id is not a whole number"),
        ("cast", b'[{"person": "Keri"}]', "person is not an object"),
        ("search", b'[{"show": {"name": "x"}}]', "a show has no id"),
        ("crew", b"\xff\xfe[]", "not valid JSON"),
    ],
)
def test_malformed_answers_are_one_line_source_errors(parser: str, data: bytes, complaint: str):
    with pytest.raises(SourceError) as caught:
        PARSERS[parser](data)
    message = str(caught.value)
    assert complaint in message and ORIGIN.url in message and "\n" not in message


def _parses_or_refuses(parser: Parser, data: bytes) -> None:
    try:
        parser(data)
    except SourceError as error:
        assert "\n" not in str(error)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "name",
                    "season",
                    "number",
                    "airdate",
                    "runtime",
                    "summary",
                    "show",
                    "person",
                    "character",
                    "type",
                    "premiered",
                    "network",
                    "webChannel",
                    "episodeOrder",
                    "premiereDate",
                    "endDate",
                    "status",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@pytest.mark.parametrize("parser", sorted(PARSERS))
@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_parse_or_raise_source_error(parser: str, data: bytes):
    _parses_or_refuses(PARSERS[parser], data)


@pytest.mark.parametrize("parser", sorted(PARSERS))
@settings(max_examples=300, deadline=None)
@given(value=JSON)
def test_any_json_parses_or_raises_source_error(parser: str, value: Any):
    _parses_or_refuses(PARSERS[parser], json.dumps(value).encode())
    _parses_or_refuses(
        PARSERS[parser], json.dumps([value, {"show": value, "person": value}]).encode()
    )


def test_recorded_files_are_the_real_shapes():
    """Guard the recordings themselves: the fields TVmaze documents are all there."""
    episode = json.loads(recorded("episodes.json"))[0]
    assert {
        "id",
        "url",
        "name",
        "season",
        "number",
        "type",
        "airdate",
        "airtime",
        "airstamp",
        "runtime",
        "rating",
        "image",
        "summary",
        "_links",
    } <= set(episode)
    season = json.loads(recorded("seasons.json"))[0]
    assert {
        "id",
        "number",
        "name",
        "episodeOrder",
        "premiereDate",
        "endDate",
        "network",
        "webChannel",
        "summary",
    } <= set(season)
    cast = json.loads(recorded("cast.json"))[0]
    assert {"person", "character", "self", "voice"} <= set(cast)
    assert {"type", "person"} <= set(json.loads(recorded("crew.json"))[0])
    show = json.loads(recorded("show.json"))
    assert {
        "id",
        "name",
        "type",
        "language",
        "genres",
        "status",
        "runtime",
        "averageRuntime",
        "premiered",
        "ended",
        "officialSite",
        "schedule",
        "rating",
        "weight",
        "network",
        "webChannel",
        "externals",
        "image",
        "summary",
        "updated",
        "_links",
    } <= set(show)
    assert {"score", "show"} <= set(json.loads(recorded("search-shows.json"))[0])
    assert Path(RECORDED / "README.md").exists()
