"""TVmaze parsers on recorded answers (real format), picking the right show, and fuzzing.

A refresh gets a show's data as one answer (the show with ``_embedded`` lists); each list
is read by the parser of its own endpoint, tested here on the recorded endpoint files.
"""

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
from diplomat_tui.model import Catalog, Show
from diplomat_tui.sources import Origin
from diplomat_tui.sources.tvmaze import (
    EMBEDDED,
    creators,
    has_creator,
    load_json,
    matching_candidates,
    parse_cast,
    parse_crew,
    parse_episodes,
    parse_search,
    parse_seasons,
    parse_show,
    parse_show_with_embeds,
    season_status,
)
from diplomat_tui.store import catalog_from_data, data_from_catalog

from helpers.localserver import HOSTILE_NAME, RECORDED, TVMAZE_ID, _hostile

ORIGIN = Origin("TVmaze test", "http://127.0.0.1/recorded")
TODAY = date(2025, 1, 15)
KNOWN = Show(
    title="The Diplomat", network="Netflix", premiered="April 20", creators=("Debora Cahn",)
)


def recorded(name: str) -> bytes:
    return (RECORDED / "tvmaze" / name).read_bytes()


def recorded_json(name: str) -> Any:
    return json.loads(recorded(name))


def embedded_answer(**parts: Any) -> dict[str, Any]:
    """The recorded show with the recorded lists embedded, as TVmaze answers with embed[]."""
    show = recorded_json("show.json")
    show["_embedded"] = {part: recorded_json(f"{part}.json") for part in EMBEDDED} | parts
    return show


# -- picking the show ------------------------------------------------------------------


def test_search_lists_several_diplomats():
    found = parse_search(recorded("search-shows.json"), ORIGIN)
    assert [c.title for c in found].count("The Diplomat") == 3
    netflix = next(c for c in found if c.id == TVMAZE_ID)
    assert (netflix.channels, netflix.premiered) == (("Netflix",), "2023-04-20")


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


def test_a_network_or_a_web_channel_matches():
    """TVmaze may set both (a broadcaster and its streaming service): either one matches."""
    both = [
        {
            "score": 1,
            "show": {
                "id": 5,
                "name": "The Diplomat",
                "premiered": "2023-04-20",
                "network": {"name": "BBC One"},
                "webChannel": {"name": "Netflix"},
            },
        }
    ]
    found = parse_search(json.dumps(both).encode(), ORIGIN)
    assert found[0].channels == ("BBC One", "Netflix")
    assert found[0].describe() == "The Diplomat (2023, BBC One / Netflix)"
    for network in ("Netflix", "BBC One"):
        assert matching_candidates(found, Show("The Diplomat", network=network)) == found


def test_the_recorded_crew_has_no_creator_row():
    """As often on TVmaze: the crew is community-edited."""
    crew = parse_crew(recorded_json("crew.json"), ORIGIN, "tvmaze:crew")
    assert creators(crew) == ()


def test_the_creator_must_be_credited_as_creator():
    with_creator = [
        {"type": "Creator", "person": {"name": "Debora Cahn"}},
        *recorded_json("crew.json"),
    ]
    crew = parse_crew(with_creator, ORIGIN, "tvmaze:crew")
    assert creators(crew) == ("Debora Cahn",)
    assert has_creator(crew, KNOWN)
    assert has_creator(crew, Show("The Diplomat", creators=("DEBORA CAHN",)))
    assert not has_creator(crew, Show("The Diplomat", creators=("Janice Williams",)))
    assert has_creator(crew, Show("The Diplomat"))  # nothing known: nothing to check


# -- records ---------------------------------------------------------------------------


def test_show_keeps_facts_and_turns_the_html_summary_into_text():
    show = parse_show(recorded_json("show.json"), ORIGIN, "tvmaze:/shows/1")
    assert (show.title, show.network, show.premiered, show.status) == (
        "The Diplomat",
        "Netflix",
        "2023-04-20",
        "Running",
    )
    assert show.tvmaze_id == TVMAZE_ID and show.synopsis is None
    assert show.image == "https://static.tvmaze.com/uploads/images/medium_portrait/420/61420.jpg"
    assert show.description and "<" not in show.description and "she's" in show.description
    assert "relationships" in show.description and show.sources == ("tvmaze:/shows/1",)


def test_episodes_of_every_season_have_titles_and_plain_summaries():
    episodes = parse_episodes(recorded_json("episodes.json"), ORIGIN, "tvmaze:e")
    assert [(e.season, e.number) for e in episodes][:2] == [(1, 1), (1, 2)]
    assert {e.season for e in episodes} == {1, 2, 3} and len(episodes) == 15
    assert all(e.title and e.airdate and e.runtime and e.image for e in episodes[:14])
    first = episodes[0]
    assert first.title == "The Cinderella Thing" and first.airdate == "2023-04-20"
    assert first.image == (
        "https://static.tvmaze.com/uploads/images/medium_landscape/451/2450001.jpg"
    )
    assert first.summary and first.summary.startswith("Kate Wyler") and "&amp;" not in first.summary
    assert episodes[4].summary is None  # "" in the answer
    assert episodes[5].summary is None  # null in the answer
    assert all(e.sources == ("tvmaze:e",) for e in episodes)


def test_an_announced_episode_has_no_title_date_runtime_summary_or_image():
    """TVmaze titles announced episodes "TBA", with every other field null."""
    announced = parse_episodes(recorded_json("episodes.json"), ORIGIN, "tvmaze:e")[-1]
    assert (announced.season, announced.number) == (3, 1)
    assert announced.title is None  # "TBA" is no title
    assert (announced.airdate, announced.runtime, announced.summary, announced.image) == (
        None,
        None,
        None,
        None,
    )
    for placeholder in ("TBA", "tba", " TBD "):
        item = {"season": 3, "number": 2, "name": placeholder}
        assert parse_episodes([item], ORIGIN, "s")[0].title is None
    assert parse_episodes([{"season": 3, "number": 2, "name": "TBA Day"}], ORIGIN, "s")[0].title


def test_seasons_get_counts_and_a_status_from_their_dates():
    seasons = parse_seasons(recorded_json("seasons.json"), ORIGIN, "tvmaze:s", TODAY)
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


def test_cast_in_billing_order_with_characters_and_pictures():
    cast = parse_cast(recorded_json("cast.json"), ORIGIN, "tvmaze:c")
    assert [(c.person, c.character, c.order) for c in cast.cast[:2]] == [
        ("Keri Russell", "Kate Wyler", 0),
        ("Rufus Sewell", "Hal Wyler", 1),
    ]
    assert len(cast.cast) == 8 and all(c.billing == "main" for c in cast.cast)
    assert [p.name for p in cast.people] == list(dict.fromkeys(c.person for c in cast.cast))
    keri = cast.people[0]
    assert keri.tvmaze_id == 20301
    assert keri.image == "https://static.tvmaze.com/uploads/images/medium_portrait/1/20301.jpg"
    assert cast.cast[0].character_image == (
        "https://static.tvmaze.com/uploads/images/medium_portrait/2/203011.jpg"
    )
    assert cast.cast[1].character_image is None  # null in the answer


def test_one_person_in_two_roles_keeps_both_credits():
    cast = parse_cast(recorded_json("cast.json"), ORIGIN, "tvmaze:c")
    roles = [c.character for c in cast.cast if c.person == "Rory Kinnear"]
    assert roles == ["Nicol Trowbridge", "Nicol Trowbridge's Double"]
    assert len({c.key for c in cast.cast}) == len(cast.cast) == 8
    assert [p.name for p in cast.people].count("Rory Kinnear") == 1


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ({"medium": "https://img.example/m.jpg", "original": "https://img.example/o.jpg"}, "m"),
        ({"medium": None, "original": "http://img.example/o.jpg"}, "o"),
        ({"medium": "javascript:alert(1)", "original": "https://img.example/o.jpg"}, "o"),
        ({"medium": "/uploads/m.jpg"}, None),  # not absolute
        ({"medium": "file:///etc/passwd"}, None),
        ({"medium": "https://img.example/\x1b]52;c;x\x07.jpg"}, None),
        ({"medium": "https://img.example/a b.jpg"}, None),
        ({"medium": 7}, None),
        ("https://img.example/m.jpg", None),  # not the {"medium", "original"} object
        (None, None),
    ],
)
def test_image_references_are_absolute_web_urls_or_nothing(image: Any, expected: str | None):
    item = {"person": {"name": "Keri Russell", "image": image}, "character": {"name": "Kate"}}
    person = parse_cast([item], ORIGIN, "s").people[0]
    if expected is None:
        assert person.image is None
    else:
        assert person.image == image[{"m": "medium", "o": "original"}[expected]]


def test_crew_roles_are_grouped_per_person_and_lowercased():
    crew = {c.person: c.roles for c in parse_crew(recorded_json("crew.json"), ORIGIN, "x").crew}
    assert crew["Debora Cahn"] == ("executive producer",)
    assert crew["Keri Russell"] == ("executive producer",)
    assert crew["Dan Toland"] == ("producer",)
    assert len(crew) == 6


def test_one_answer_with_embedded_lists_gives_everything_citing_one_source():
    facts = parse_show_with_embeds(json.dumps(embedded_answer()).encode(), ORIGIN, "tv", TODAY)
    show = facts.show
    assert show and show.tvmaze_id == TVMAZE_ID and show.network == "Netflix"
    assert show.creators == ()  # the recorded crew has no Creator row
    assert len(facts.episodes) == 15 and len(facts.seasons) == 3
    assert (len(facts.cast), len(facts.crew)) == (8, 6)
    assert facts.cast[0].person == "Keri Russell" and facts.crew[0].roles == ("executive producer",)
    keri = [person for person in facts.people if person.name == "Keri Russell"]
    assert len(keri) == 1 and keri[0].image and keri[0].tvmaze_id == 20301  # cast and crew
    records = (show, *facts.episodes, *facts.seasons, *facts.cast, *facts.crew, *facts.people)
    assert {record.sources for record in records} == {("tv",)}
    assert facts.sources == ()  # the Source record comes with the HTTP answer


def test_hostile_text_is_sanitized():
    answer = _hostile(embedded_answer())  # the test server's hostile switch, show and lists
    facts = parse_show_with_embeds(json.dumps(answer).encode(), ORIGIN, "tv", TODAY)
    credit, episode = facts.cast[0], facts.episodes[0]
    assert credit.person == HOSTILE_NAME  # kept as literal text: the UI never parses markup
    assert credit.character == "Kate Wyler"
    assert episode.title == "The Cinderella Thing"
    assert facts.show and facts.show.description == "Spoiler ahead [b]"
    texts = [episode.summary or "", credit.character or "", facts.show.description]
    assert all(not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in t) for t in texts)
    assert episode.summary == "Spoiler ahead [b]"


# -- malformed answers -----------------------------------------------------------------

Parser = Callable[[bytes], object]
PARSERS: dict[str, Parser] = {
    "search": lambda data: parse_search(data, ORIGIN),
    "embedded": lambda data: parse_show_with_embeds(data, ORIGIN, "s", TODAY),
    "show": lambda data: parse_show(load_json(data, ORIGIN), ORIGIN, "s"),
    "episodes": lambda data: parse_episodes(load_json(data, ORIGIN), ORIGIN, "s"),
    "seasons": lambda data: parse_seasons(load_json(data, ORIGIN), ORIGIN, "s", TODAY),
    "cast": lambda data: parse_cast(load_json(data, ORIGIN), ORIGIN, "s"),
    "crew": lambda data: parse_crew(load_json(data, ORIGIN), ORIGIN, "s"),
}


def with_embedded(**parts: Any) -> bytes:
    """The recorded embedded answer, some of its lists replaced."""
    return json.dumps(embedded_answer(**parts)).encode()


def answer_with(**fields: Any) -> bytes:
    """The recorded embedded answer, some of the show's fields replaced."""
    return json.dumps(embedded_answer() | fields).encode()


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


EMBEDDED_FAULTS = {
    "broken JSON": (b'{"id": 1, "name": "x"', "TVmaze test: not valid JSON"),
    "not an object": (b"[]", "TVmaze test: the answer is not an object"),
    "no _embedded": (recorded("show.json"), "TVmaze test: the answer has no _embedded object"),
    "_embedded a list": (answer_with(_embedded=[]), "TVmaze test: _embedded is not an object"),
    "lists missing": (
        answer_with(_embedded={"cast": []}),
        "TVmaze test: _embedded has no episodes, seasons, crew",
    ),
    "episodes an object": (
        with_embedded(episodes={}),
        "TVmaze test _embedded.episodes: expected a list of episodes",
    ),
    "seasons null": (
        with_embedded(seasons=None),
        "TVmaze test _embedded.seasons: expected a list of seasons",
    ),
    "bad airdate": (
        with_embedded(episodes=[{"season": 1, "number": 1, "airdate": "x"}]),
        "TVmaze test _embedded.episodes: airdate is not a date",
    ),
    "bad person": (
        with_embedded(cast=[{"person": "K"}]),
        "TVmaze test _embedded.cast: person is not an object",
    ),
    "bad crew type": (
        with_embedded(crew=[{"type": 1, "person": {"name": "K"}}]),
        "TVmaze test _embedded.crew: crew type is not a string",
    ),
    "no show id": (answer_with(id=None), "TVmaze test: a show has no id"),
    "a 400-digit runtime": (
        with_embedded(episodes=[{"season": 1, "number": 1, "runtime": int("9" * 400)}]),
        "TVmaze test _embedded.episodes: invalid episode record (runtime is 9999",
    ),
    "a 400-digit season": (
        with_embedded(seasons=[{"number": int("9" * 400)}]),
        "TVmaze test _embedded.seasons: invalid season record (number is 9999",
    ),
    "a 400-digit order": (
        with_embedded(seasons=[{"number": 1, "episodeOrder": 10**400}]),
        "TVmaze test _embedded.seasons: invalid season record (episode_count is 1000",
    ),
}


@pytest.mark.parametrize("fault", sorted(EMBEDDED_FAULTS))
def test_a_malformed_embedded_answer_is_refused_naming_the_part(fault: str):
    data, complaint = EMBEDDED_FAULTS[fault]
    with pytest.raises(SourceError) as caught:
        PARSERS["embedded"](data)
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
                    "_embedded",
                    *EMBEDDED,
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


@settings(max_examples=300, deadline=None)
@given(parts=st.fixed_dictionaries({part: JSON for part in EMBEDDED}))
def test_any_embedded_lists_parse_or_raise_source_error(parts: dict[str, Any]):
    _parses_or_refuses(PARSERS["embedded"], with_embedded(**parts))


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


def _store_reads_back(facts: Catalog) -> None:
    """What a parser accepts, the store accepts: written as JSON and read back, it is equal."""
    data = json.loads(json.dumps(data_from_catalog(facts)))
    assert catalog_from_data(data) == facts


@settings(max_examples=300, deadline=None)
@given(
    parts=st.fixed_dictionaries({part: st.just([]) | JSON for part in ("cast", "crew")}),
    numbers=st.lists(st.integers(min_value=-(10**500), max_value=10**500), min_size=4, max_size=4),
)
def test_whatever_the_parser_accepts_the_store_reads_back(
    parts: dict[str, Any], numbers: list[int]
):
    season, number, runtime, order = numbers
    parts["episodes"] = [{"season": season, "number": number, "runtime": runtime}]
    parts["seasons"] = [{"number": season, "episodeOrder": order}]
    try:
        facts = PARSERS["embedded"](with_embedded(**parts))
    except SourceError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(facts, Catalog)
    _store_reads_back(facts)


def test_the_recorded_answer_reads_back_from_the_store():
    _store_reads_back(parse_show_with_embeds(with_embedded(), ORIGIN, "tv", TODAY))
