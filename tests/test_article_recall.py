"""Recall rules, one phrasing class at a time: casting news, tables of figures, listings,
threads, interviews, infoboxes and recaps. Each class is read from several invented
wordings, beside near misses (ambiguous or about someone else) that must give nothing."""

from __future__ import annotations

import pytest

from diplomat_tui.model import Catalog

from helpers.articles import SHOW, pairs, read, seasons, stats

# ------------------------------------------------------------------- casting news


@pytest.mark.parametrize(
    "text",
    [
        "Mia Long has been tapped to star as Ivy Cole.",
        "Mia Long was tapped to recur as Ivy Cole in the new season.",
        "Mia Long will recur as Ivy Cole, a harbour pilot.",
        "Mia Long boards the fourth season as Ivy Cole.",
        f"Mia Long has boarded {SHOW} in the role of Ivy Cole.",
        "Mia Long is set to star opposite Tom Rye as Ivy Cole.",
        "Mia Long stars opposite Tom Rye as Ivy Cole.",
        "Mia Long joins the Peacock drama in a recurring role as Ivy Cole.",
        "Mia Long has joined the series in a guest role as Ivy Cole.",
        "Mia Long has been added to the cast as series regular Ivy Cole.",
        "Mia Long rounds out the cast as Ivy Cole.",
        "Mia Long will guest star as Ivy Cole.",
        "Mia Long is to play Ivy Cole.",
        "Mia Long has been tapped for the role of Ivy Cole.",
        "Mia Long was cast in the role of Ivy Cole.",
        "Mia Long will take the role of Ivy Cole.",
        "Mia Long has been confirmed as Ivy Cole.",
        "Mia Long will appear as Ivy Cole.",
    ],
)
def test_casting_news_gives_actor_and_character(text: str) -> None:
    assert pairs(read(text)) == {("Mia Long", "Ivy Cole")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one named after "opposite" is the co-star, not the one cast
        ("Tom Rye stars opposite Mia Long as Ivy Cole.", {("Tom Rye", "Ivy Cole")}),
        # a role with no character named gives no character
        ("Mia Long boards the fourth season in an undisclosed role.", {("Mia Long", None)}),
        # a description after "a" is no name
        ("Mia Long will recur as a harbour pilot.", set()),
    ],
)
def test_casting_news_near_misses(text: str, expected: set) -> None:
    assert pairs(read(text)) == expected


# -------------------------------------------------------------- tables of figures


def test_a_pipe_table_per_season_with_dates_and_placeholders() -> None:
    text = (
        f"How each season of {SHOW} opened.\n\n"
        "| Season | Premiere | Episodes | Opening-week rank | Opening-week hours | Views |\n"
        "|--------|----------|----------|-------------------|--------------------|-------|\n"
        "| 1 | Apr. 20, 2023 | 8 | 1 | 57.5M | — |\n"
        "| 2 | 2024-10-31 | 6 | 2 | 21.9M | n/a |\n"
    )
    catalog = read(text)
    assert stats(catalog) == {
        ("weekly_rank", 1, 1),
        ("hours_viewed", 57_500_000, 1),
        ("weekly_rank", 2, 2),
        ("hours_viewed", 21_900_000, 2),
    }
    assert seasons(catalog) == {1: (8, "2023-04-20"), 2: (6, "2024-10-31")}


def test_a_table_row_naming_another_title_is_still_not_read() -> None:
    text = (
        "| Title | Premiere | Views | Hours |\n"
        "| Dry Creek | Apr. 20, 2023 | 9.1M | 57.5M |\n"
        f"| {SHOW}: Season 2 | Oct. 31, 2024 | 2.2M | 21.9M |\n"
    )
    assert stats(read(text)) == {("views", 2_200_000, 2), ("hours_viewed", 21_900_000, 2)}


def test_a_surname_resolves_past_a_headline_run_of_capitalised_words() -> None:
    text = (
        f"EXCLUSIVE: {SHOW} Adds Mia Long as Season 4 Power Player\n\n"
        "Mia Long is heading to the harbour. Long will play Ivy Cole, a pilot."
    )
    assert pairs(read(text, head=False)) == {("Mia Long", "Ivy Cole")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description with a possessive, then the name
        (
            "Tom Rye is a delicious addition as the mayor's husband, Sam Dunn.",
            ("Tom Rye", "Sam Dunn"),
        ),
        ("Tom Rye plays the mayor's husband, Sam Dunn.", ("Tom Rye", "Sam Dunn")),
        ("With Tom Rye popping up as harbourmaster Sam Dunn.", ("Tom Rye", "Sam Dunn")),
        ("Tom Rye popped up again as Sam Dunn.", ("Tom Rye", "Sam Dunn")),
    ],
)
def test_a_character_after_a_described_relation(text: str, expected: tuple) -> None:
    assert pairs(read(text)) == {expected}


def test_a_described_relation_without_a_name_gives_no_character() -> None:
    assert pairs(read("Tom Rye plays the mayor's husband.")) == {("Tom Rye", None)}


# ---------------------------------------------------------------------- listings


@pytest.mark.parametrize(
    "heading",
    ["HARBOUR LIGHTS Peacock, from Thursday", "HARBOUR LIGHTS (Peacock, 9pm)"],
)
def test_a_listing_entry_headed_by_the_title_in_capitals_is_the_shows(heading: str) -> None:
    text = (
        "What's streaming this week\n\n"
        "DRY CREEK Hulu, from Friday\n"
        "Series four of the western, with Bo Li as Sam Dunn.\n\n"
        f"{heading}\n"
        "Series two, a compact six episodes, landed on 31 October 2024. "
        "Mia Long returns as Ivy Cole.\n"
    )
    catalog = read(text, head=False)
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    assert seasons(catalog) == {2: (6, "2024-10-31")}


# ------------------------------------------------------------- keyed lines, threads


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "Season 3, Episode 1\nReleased: October 16, 2025 (all 8 episodes)\n",
            {3: (8, "2025-10-16")},
        ),
        ("Season 3\nPremieres: Thursday, October 16\nEpisodes: eight\n", {3: (8, "October 16")}),
        ("Season 3\nStreaming from: 16 October\nEpisodes: 8\n", {3: (8, "October 16")}),
        ("Season 3\nAvailable: 16 October 2025\nNo. of episodes: 8\n", {3: (8, "2025-10-16")}),
        ("S3E1 discussion thread\nReleased: October 16, 2025\n", {3: (None, "2025-10-16")}),
        ("S03 E01 discussion thread\nReleased: October 16, 2025\n", {3: (None, "2025-10-16")}),
        # a later episode's date is that episode's, not the season's premiere
        ("Season 3, Episode 4\nReleased: October 23, 2025\n", {}),
        ("S03E04 discussion thread\nReleased: October 23, 2025\n", {}),
    ],
)
def test_keyed_release_lines_under_a_season_heading(lines: str, expected: dict) -> None:
    assert seasons(read(f"{SHOW}: the thread\n\n{lines}\nGreat episode.\n", head=False)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{SHOW}'s third outing arrives on October 16 with eight episodes.",
            {3: (8, "October 16")},
        ),
        (f"{SHOW} S2 premiered on Oct. 31, 2024.", {2: (None, "2024-10-31")}),
    ],
)
def test_season_words(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


# ------------------------------------------------------------ interviews and roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Rye plays her husband.", {("Tom Rye", None)}),
        ("Tom Rye stars as a career diplomat.", {("Tom Rye", None)}),
        ("Tom Rye, who plays the mayor's husband, was there.", {("Tom Rye", None)}),
        # a role described in another title is not this show's
        ("Tom Rye stars as a detective in Dry Creek.", set()),
        ("Tom Rye plays a detective on Hulu's western.", set()),
        # no full name: no one
        ("Rye plays her husband.", set()),
    ],
)
def test_a_role_described_not_named_gives_the_cast_only(text: str, expected: set) -> None:
    assert pairs(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "**And Tom Rye plays her husband.**\n\nTom is just joy. He plays Sam Dunn, and fast.",
            {("Tom Rye", "Sam Dunn")},
        ),
        (f"Tom Rye joined {SHOW} this year. He plays Sam Dunn.", {("Tom Rye", "Sam Dunn")}),
        ("Tom Rye joined the cast. She's playing Sam Dunn.", {("Tom Rye", "Sam Dunn")}),
        # the sentence before named two people: "he" may be either
        ("Mia Long praised Tom Rye. He plays Sam Dunn.", set()),
    ],
)
def test_a_pronoun_plays_a_character(text: str, expected: set) -> None:
    assert {p for p in pairs(read(text)) if p[1]} == expected


def test_a_season_looked_back_on_in_a_paragraph_about_another_stays_an_aside() -> None:
    text = (
        "THURSDAY, OCT. 16\n\n"
        f"{SHOW} (Peacock)\n"
        "Season 3 premiere. Ivy has barely recovered from the Season 2 finale when the "
        "mayor calls. All eight episodes are available at once.\n"
    )
    assert seasons(read(text)) == {3: (8, "October 16")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Peacock dropped all eight episodes of {SHOW} Season 3 on October 16, 2025.",
            {3: (8, "2025-10-16")},
        ),
        (
            f"{SHOW} season 3 is available to stream on Peacock from today, Thursday 16th "
            "October 2025, with all eight episodes dropping at once.",
            {3: (8, "2025-10-16")},
        ),
    ],
)
def test_premieres_said_around_the_episodes(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


LISTING = (
    "What to stream this week\n\n"
    "DRY CREEK\nHulu, from Monday 13 October\n\nSix episodes, weekly.\n\n"
    "{heading}\nPeacock, from Thursday 16 October\n\n"
    "Ivy Cole is back. All eight episodes drop at once.\n"
)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("HARBOUR LIGHTS, SEASON 3", {3: (8, "October 16")}),
        (f"{SHOW}, series three", {3: (8, "October 16")}),
        # no season named: the date and the count are of no known season
        (SHOW, {}),
    ],
)
def test_a_listing_channel_line_dates_the_entrys_season(heading: str, expected: dict) -> None:
    assert seasons(read(LISTING.format(heading=heading), head=False)) == expected


# ---------------------------------------------------------------- wiki pages


WIKI = (
    f"{SHOW} (TV series)\n\n"
    f"{SHOW} is a drama series created by Ann Lee for Peacock.\n\n"
    "Production\n\n"
    "Development\n\n"
    "The series was created by Ann Lee, who wrote for Dry Creek. Lee serves as showrunner. "
    "Simon Cellan Jones serves as an executive producer. Cellan Jones directed the pilot.\n\n"
    "Casting\n\n"
    "Mia Long was cast in the lead role as Ivy Cole.\n"
)


def test_a_wiki_pages_section_headings_are_no_other_titles() -> None:
    catalog = read(WIKI, head=False)
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    assert {c.person: set(c.roles) for c in catalog.crew} == {
        "Ann Lee": {"creator", "showrunner"},
        "Simon Cellan Jones": {"executive producer", "director"},
    }


def test_a_wiki_season_page_infobox_and_episode_table() -> None:
    text = (
        f"{SHOW} season 2\n\n"
        f"The second season of {SHOW} premiered on Peacock on October 31, 2024, with Ann Lee "
        "serving as showrunner.\n\n"
        "Starring        Mia Long\n"
        "                Tom Rye\n"
        "No. of episodes 6\n\n"
        "Episodes\n"
        "No. | Title | Directed by | Written by | Original release date\n"
        '1 | "Low Tide" | Bo Li | Ann Lee & Jo Park | October 31, 2024\n'
        '2 | "High Water" | Sam Dunn | Ann Lee | October 31, 2024\n'
    )
    catalog = read(text, head=False)
    assert seasons(catalog) == {2: (6, "2024-10-31")}
    assert {c.person: set(c.roles) for c in catalog.crew} == {
        "Ann Lee": {"showrunner", "writer"},
        "Bo Li": {"director"},
        "Jo Park": {"writer"},
        "Sam Dunn": {"director"},
    }


def test_an_episode_table_of_another_title_gives_no_crew() -> None:
    text = (
        "Two dramas to watch\n\n"
        f"### {SHOW} (Peacock)\n\n"
        "Mia Long is back as Ivy Cole.\n\n"
        "### Dry Creek (Hulu)\n\n"
        "No. | Title | Directed by | Written by\n"
        '1 | "Dust" | Bo Li | Jo Park\n'
    )
    assert read(text, head=False).crew == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Catch up: season 1 (eight episodes) arrived in April 2023, and season 2 (six "
            "episodes) on Oct. 31, 2024.",
            {1: (8, "2023-04"), 2: (6, "2024-10-31")},
        ),
        (
            f"The first season of {SHOW} premiered on April 20, 2023; the third season in "
            "October 2025.",
            {1: (None, "2023-04-20"), 3: (None, "2025-10")},
        ),
        # the first premiere is another title's: the second is not the show's either
        ("Dry Creek season 1 arrived in April 2023, and season 2 on Oct. 31, 2024.", {}),
    ],
)
def test_a_second_premiere_with_its_verb_left_out(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tom Rye is her husband Sam, Mia Long is harbour master Ivy Cole, and Bo Li plays "
            "the mayor, Jo Park.",
            {("Mia Long", "Ivy Cole"), ("Bo Li", "Jo Park")},
        ),
        ("New arrival Mia Long is the vice-president, Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        # a real relation, or words that link, are no role
        ("Mia Long is the daughter of Tom Rye.", set()),
        ("Mia Long is married to Tom Rye.", set()),
        ("Mia Long is the best thing in it, Ivy Cole aside.", set()),
    ],
)
def test_an_actor_is_a_described_character(text: str, expected: set) -> None:
    assert {p for p in pairs(read(text)) if p[1]} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside after the actor's name in the parenthesis
        (
            "Ivy Cole (Mia Long) is mayor now, her husband Sam Dunn (Tom Rye, who spent years "
            "on Dry Creek) is not.",
            {("Mia Long", "Ivy Cole"), ("Tom Rye", "Sam Dunn")},
        ),
        # a character's relation said through another character's first name
        (
            "Tom Rye, another Dry Creek alumnus, came aboard as Ivy's husband, Sam Dunn.",
            {("Tom Rye", "Sam Dunn")},
        ),
        # "played by" after a described role: in the cast, no character
        ("The town has a new mayor, played by Mia Long.", {("Mia Long", None)}),
        ("The mayor, played by Mia Long in Dry Creek, was beloved.", set()),
    ],
)
def test_more_cast_phrasings(text: str, expected: set) -> None:
    assert pairs(read(text)) == expected


def test_a_fact_sheets_season_lines_and_a_keyed_season_for_one_line_only() -> None:
    text = (
        f"{SHOW.upper()}: SERIES FACT SHEET\n"
        "Updated: November 2025\n\n"
        f"Title: {SHOW}\n"
        "Starring: Mia Long, Tom Rye\n"
        "Also starring (season 3): Bo Li\n"
        "Episodes: 22\n"
        "Premiere: April 20, 2023\n\n"
        "Season 1: April 20, 2023 (8 episodes)\n"
        "- Season 2: October 31, 2024 (6 episodes)\n"
        "Series 3 – October 16, 2025 (8 episodes)\n"
    )
    catalog = read(text, head=False)
    assert seasons(catalog) == {
        1: (8, "2023-04-20"),
        2: (6, "2024-10-31"),
        3: (8, "2025-10-16"),
    }
    assert catalog.show is not None and catalog.show.premiered == "2023-04-20"


def test_a_speakers_line_goes_on_with_its_season() -> None:
    text = (
        f"{SHOW} podcast: transcript\n\n"
        "HOST: So, season three. It came out on October sixteenth, all eight episodes at once.\n"
    )
    assert seasons(read(text, head=False)) == {3: (8, "October 16")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{SHOW} returns for season 3 on Oct. 16, 2025, with a first look at the new "
            "episodes. All eight hit Peacock at once.",
            {3: (8, "2025-10-16")},
        ),
        (
            f"Season 3 of {SHOW} is here.\n\nQ: How many episodes did you shoot this season?\n"
            "A: All eight. It was long.",
            {3: (8, None)},
        ),
        # "all eight" of something else, or with no episodes said before
        (f"Season 3 of {SHOW} is here. All eight actors are back.", {}),
        (f"Season 3 of {SHOW} is here. All six were nominated.", {}),
    ],
)
def test_all_n_after_a_sentence_about_episodes(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


PRODUCTION_NOTES = (
    f"{SHOW.upper()} — SEASON 3 PRODUCTION NOTES\n"
    "For editorial use only\n\n"
    "SERIES AT A GLANCE\n"
    f"Series: {SHOW}\n"
    "Creator and showrunner: Ann Lee\n"
    "Renewed: Season 4 (announced 2025)\n\n"
    "THIS SEASON\n"
    "Episodes: 8\n"
    "Launch date: Thursday, October 16, 2025\n"
    "Directors: Bo Li, Jo Park\n"
    "Writers: Ann Lee\n\n"
    "CAST\n"
    "Mia Long ........ Ivy Cole\n"
    "Tom Rye ......... Sam Dunn\n"
)


def test_production_notes() -> None:
    catalog = read(PRODUCTION_NOTES, head=False)
    assert seasons(catalog) == {3: (8, "2025-10-16"), 4: (None, None)}
    assert catalog.show is not None and catalog.show.status == "Renewed for Season 4"
    assert pairs(catalog) == {("Mia Long", "Ivy Cole"), ("Tom Rye", "Sam Dunn")}
    assert {c.person: set(c.roles) for c in catalog.crew} == {
        "Ann Lee": {"creator", "showrunner", "writer"},
        "Bo Li": {"director"},
        "Jo Park": {"director"},
    }


def test_a_sheet_block_under_a_heading_of_no_season_places_no_premiere() -> None:
    text = PRODUCTION_NOTES.replace("THIS SEASON", "AT A GLANCE").replace(
        "— SEASON 3 PRODUCTION NOTES", "PRODUCTION NOTES"
    )
    assert 3 not in seasons(read(text, head=False))


# ------------------------------------------------------------------ careers


def known_for(catalog: Catalog) -> dict[str, set[str]]:
    return {p.name: set(p.known_for) for p in catalog.people if p.known_for}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"The new season of {SHOW} adds Mia Long and Tom Rye, who starred together in "
            '"Dry Creek" from 1999 to 2006.',
            {"Mia Long": {"Dry Creek"}, "Tom Rye": {"Dry Creek"}},
        ),
        (
            "Creator Ann Lee served her time on Dry Creek and Red Sky, and it shows.",
            {"Ann Lee": {"Dry Creek", "Red Sky"}},
        ),
        (
            "Ann Lee created the show. She came up in the writers' room of Dry Creek, the "
            "show that defined the genre.",
            {"Ann Lee": {"Dry Creek"}},
        ),
        (
            "Mia Long will play Ivy Cole. Long was most recently seen in Red Sky.",
            {"Mia Long": {"Red Sky"}},
        ),
    ],
)
def test_career_phrasings(text: str, expected: dict) -> None:
    assert known_for(read(text)) == expected


def test_a_season_adds_people_to_the_cast() -> None:
    catalog = read(f"Season 3 of {SHOW} also adds Mia Long and Tom Rye.")
    assert pairs(catalog) == {("Mia Long", None), ("Tom Rye", None)}
    assert pairs(read(f"{SHOW} adds a new layer of menace with Dry Creek.")) == set()


def status(catalog: Catalog) -> str | None:
    return catalog.show.status if catalog.show else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Peacock has already renewed {SHOW} for a fourth.", "Renewed for Season 4"),
        (f"Creator Ann Lee has already secured a fourth season of {SHOW}.", "Renewed for Season 4"),
        (
            f"The last shot of {SHOW} sets up the fourth season that Peacock has already ordered.",
            "Renewed for Season 4",
        ),
        # wished for, or not yet: no renewal
        (f"The last shot of {SHOW} sets up a fourth season that fans have begged for.", None),
        (f"Peacock has not yet renewed {SHOW} for a fourth.", None),
    ],
)
def test_renewals_said_other_ways(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


def test_how_far_into_a_season_is_no_count() -> None:
    text = (
        f"{SHOW} recap: series three, episode five\n\n"
        "After four episodes of simmering, everything boils over.\n\n"
        "Notes\n\nEight episodes this series, back up from the six we got last year.\n"
    )
    assert seasons(read(text, head=False)) == {3: (8, None)}


def test_a_section_headed_by_a_name_resolves_its_surname() -> None:
    text = (
        f"The {SHOW} Cast's Real-Life Partners\n\n"
        "Here's who's who.\n\n"
        "Mia Long\n"
        f"Long joined {SHOW} in season 2 as Ivy Cole. She is married to Jo Long.\n\n"
        "Tom Rye\n"
        "Rye, who plays harbourmaster Sam Dunn, is married to Bo Rye. Her co-star Ann Park "
        "joined the show as Kit Marr.\n"
    )
    assert pairs(read(text, head=False)) == {
        ("Mia Long", "Ivy Cole"),
        ("Tom Rye", "Sam Dunn"),
        ("Ann Park", "Kit Marr"),
    }


def test_joining_someone_else_is_a_scene_not_casting() -> None:
    text = f"In the {SHOW} finale, Mia Long joins Ivy as Sam Dunn looks on."
    assert pairs(read(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mia Long and Tom Rye have joined the drama in recurring roles, with Long set to "
            "play Ivy Cole, a harbour pilot, and Rye playing Sam Dunn, a fisherman.",
            {("Mia Long", "Ivy Cole"), ("Tom Rye", "Sam Dunn")},
        ),
        (
            f"Season 3 of {SHOW} brings Tom Rye in as Sam Dunn, opposite Mia Long's Ivy Cole.",
            {("Tom Rye", "Sam Dunn"), ("Mia Long", "Ivy Cole")},
        ),
        (
            "There is a welcome new face in Mia Long, who plays Ivy Cole.",
            {("Mia Long", "Ivy Cole")},
        ),
        (
            "Mia Long first joined the political thriller in Season 2 as Mayor Ivy Cole.",
            {("Mia Long", "Mayor Ivy Cole")},
        ),
        # "playing" with no "with"/"and" before the actor: no casting
        ("Ivy Cole playing Sam Dunn for a fool is the best scene.", set()),
    ],
)
def test_absolute_and_arrival_phrasings(text: str, expected: set) -> None:
    assert pairs(read(text)) == expected


def test_a_stage_is_no_title() -> None:
    text = f"Mia Long plays Ivy Cole in {SHOW}. She has also appeared on Broadway."
    assert known_for(read(text)) == {}
    text = f"Mia Long plays Ivy Cole in {SHOW}. She has also appeared in Red Sky."
    assert known_for(read(text)) == {"Mia Long": {"Red Sky"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Rye plays Sam Dunn. In Hulu's Red Sky he was Lord Melbourne.", {"Red Sky"}),
        (
            "Tom Rye plays Sam Dunn. In The Man in the Tower, which ran four seasons, he was "
            "John Smith.",
            {"The Man in the Tower"},
        ),
    ],
)
def test_a_career_told_from_the_title(text: str, expected: set) -> None:
    assert known_for(read(text)) == {"Tom Rye": expected}


def test_a_career_told_from_the_title_after_two_people_is_nobodys() -> None:
    text = "Tom Rye plays Sam Dunn opposite Mia Long. In Red Sky he was Lord Melbourne."
    assert known_for(read(text)) == {}


# ------------------------------------------------------- numbers, dates, seasons


def approx_stats(catalog: Catalog) -> set[tuple[str, float, int | None, bool]]:
    return {(s.metric, s.value, s.season, s.approx) for s in catalog.stats}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 3 reached the Top 10 in eighty-six countries.", ("top10_countries", 86, 3, False)),
        ("Season 3 drew nearly four million views.", ("views", 4_000_000, 3, True)),
        ("Season 3 drew 4.1 million views.", ("views", 4_100_000, 3, False)),
        ("Season 3 clocked 1.2bn hours viewed.", ("hours_viewed", 1_200_000_000, 3, False)),
        (
            "Season 3 was watched for roughly 31 million hours.",
            ("hours_viewed", 31_000_000, 3, True),
        ),
        ("Season 3 was watched for more than 31m hours.", ("hours_viewed", 31_000_000, 3, True)),
        ("Season 3 was watched for over 31 million hours.", ("hours_viewed", 31_000_000, 3, True)),
        ("Season 3 drew almost half a million views.", ("views", 500_000, 3, True)),
        ("Season 3 drew a million views.", ("views", 1_000_000, 3, False)),
        ("Season 3 spent twenty-two weeks in the Top 10.", ("weeks_in_top10", 22, 3, False)),
    ],
)
def test_figures_in_words_and_approximations(text: str, expected: tuple) -> None:
    assert approx_stats(read(f"{text.replace('Season 3', f'Season 3 of {SHOW}')}")) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Episodes: 8", {3: (8, None)}),
        ("All eight episodes of the third season arrive on October 16.", {3: (8, "October 16")}),
        ("The six-episode second season premiered on 31 October 2024.", {2: (6, "2024-10-31")}),
        ("The second series, six episodes, arrived on 31 October 2024.", {2: (6, "2024-10-31")}),
        (
            "Series 2, all six episodes, landed on Thursday 31st October 2024.",
            {2: (6, "2024-10-31")},
        ),
        ("It returns for a third series on 16th October.", {3: (None, "October 16")}),
        ("Its 3rd season premieres Oct 16th, 2025.", {3: (None, "2025-10-16")}),
        ("Season Three has 8 episodes.", {3: (8, None)}),
        ("The sophomore season premiered on October 31, 2024.", {2: (None, "2024-10-31")}),
    ],
)
def test_counts_and_dates_in_british_and_american_usage(text: str, expected: dict) -> None:
    head = f"{SHOW} season 3\n\n" if text.startswith("Episodes") else f"{SHOW} News\n\n{SHOW}: "
    assert seasons(read(head + text, head=False)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Long is best known for her BAFTA-nominated turn as a disgraced barrister in the "
            "BBC legal drama Silk Road.",
            {"Silk Road"},
        ),
        ("Her film work includes the Sundance thriller Low Tide, opposite Bo Li.", {"Low Tide"}),
        ("Long is best known for the Channel 4 period piece The Sailor King.", {"The Sailor King"}),
        # a title used to describe another is a comparison, not a credit
        ("Long also has a small part in the film The Holdovers-style drama Old Boys.", set()),
    ],
)
def test_a_credit_after_its_kind(text: str, expected: set) -> None:
    catalog = read(f"Mia Long will play Ivy Cole in {SHOW}. {text}")
    assert known_for(catalog).get("Mia Long", set()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mia Long plays Ivy Cole and Tom Rye plays Sam Dunn. Mia and Tom had not been on a "
            "set together since Dry Creek.",
            {"Mia Long": {"Dry Creek"}, "Tom Rye": {"Dry Creek"}},
        ),
        (
            "Mia Long plays Ivy Cole. She did Red Sky for eight years, before a live audience.",
            {"Mia Long": {"Red Sky"}},
        ),
        # a thing done for years that is no title
        ("Mia Long plays Ivy Cole. She did yoga for eight years.", {}),
    ],
)
def test_more_career_phrasings(text: str, expected: dict) -> None:
    assert known_for(read(f"{SHOW} News: {text}", head=False)) == expected


def test_a_character_after_a_four_word_description() -> None:
    text = "Mia Long credited Tom Rye, who plays her deputy chief of mission, Sam Dunn."
    assert pairs(read(text)) == {("Tom Rye", "Sam Dunn")}


@pytest.mark.parametrize(
    "text",
    [
        "Mia Long has been cast in a recurring role.",
        "Mia Long is joining season 4.",
        "Mia Long has signed on for season 4.",
        "Mia Long is the latest addition to the cast.",
        "Mia Long has been added to the cast.",
        "Mia Long has boarded the fourth season.",
        "Mia Long has been tapped for a recurring role in season 4.",
        "Mia Long will guest star in season 4.",
        "Mia Long has landed a major recurring role.",
        "Mia Long has been promoted to series regular.",
    ],
)
def test_casting_news_with_no_character(text: str) -> None:
    assert pairs(read(f"{SHOW} season 4 is in production. {text}")) == {("Mia Long", None)}


@pytest.mark.parametrize(
    "text",
    [
        "Mia Long has landed a major recurring role in Dry Creek.",
        "Mia Long is the latest addition to the cast of Dry Creek.",
        "Mia Long will guest star in the season premiere of Dry Creek.",
    ],
)
def test_casting_news_for_another_title(text: str) -> None:
    assert pairs(read(f"{SHOW} season 4 is in production. {text}")) == set()


def test_a_date_keyed_under_a_later_eps_heading_is_that_episodes() -> None:
    text = (
        f"{SHOW} threads\n\nSeason 3 premiere thread\n\nReleased: October 16, 2025\n\n"
        "S3 ep 4 discussion\n\nReleased: October 23, 2025\n"
    )
    assert seasons(read(text, head=False)) == {3: (None, "2025-10-16")}


@pytest.mark.parametrize(
    "text",
    [
        f"Season 3 of {SHOW} adds Camp David to its map.",
        "Ann Lee plays the long game with her writers.",
        "Mia Long plays a key role in the show's success.",
        "The role of Ivy was originally played by Jo Park on stage.",
        "The mayor, played by Jo Park in the original, was different.",
    ],
)
def test_cast_near_misses_of_the_recall_rules(text: str) -> None:
    assert pairs(read(text)) == set()


def test_an_awards_lists_lines_give_the_shows_pairs_only() -> None:
    text = (
        f"Emmy predictions: {SHOW} and the rest\n\n"
        "Supporting actress in a drama\n"
        f"Will win: Mia Long, {SHOW} (as Ivy Cole)\n"
        "Could win: Jo Park, Dry Creek (as Kit Marr)\n"
        f'Should win: Tom Rye, "{SHOW}" (as Sam Dunn)\n'
    )
    assert pairs(read(text, head=False)) == {("Mia Long", "Ivy Cole"), ("Tom Rye", "Sam Dunn")}


def test_a_charts_numbered_entries() -> None:
    text = (
        f"Top 10 this week: {SHOW} holds on\n\n"
        "1. Dry Creek: Season 2\n6.9 million views | 27.1 million hours | 1 week in the Top 10\n\n"
        f"2. {SHOW}: Season 3\n5.6 million views | 2 weeks in the Top 10\n\n"
        f"9. {SHOW}: Season 1\n1.1 million views | 1 week in the Top 10\n"
    )
    assert stats(read(text, head=False)) == {
        ("weekly_rank", 2, 3),
        ("views", 5_600_000, 3),
        ("weeks_in_top10", 2, 3),
        ("weekly_rank", 9, 1),
        ("views", 1_100_000, 1),
        ("weeks_in_top10", 1, 1),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{SHOW} S3 is the No. 2 show on Peacock this week.", {("weekly_rank", 2, 3)}),
        # a critic's ranked list, with no figures: no chart rank
        (f"The best dramas of the year\n\n5. {SHOW}: Season 3\nA triumph.\n", set()),
        (f"Season 3 of {SHOW} was the No. 1 show on our list of the year's best.", set()),
    ],
)
def test_ranks_said_of_the_show(text: str, expected: set) -> None:
    assert stats(read(text, head="\n" not in text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mia Long plays Ivy Cole and Tom Rye her husband, Sam Dunn.",
            {("Mia Long", "Ivy Cole"), ("Tom Rye", "Sam Dunn")},
        ),
        # a relative clause after the second actor is its own pair
        (
            "She credited Mia Long, who plays Ivy Cole, and Tom Rye, who plays her deputy, "
            "Sam Dunn.",
            {("Mia Long", "Ivy Cole"), ("Tom Rye", "Sam Dunn")},
        ),
        ("Mia Long plays Ivy Cole, and Peacock renewed the show.", {("Mia Long", "Ivy Cole")}),
    ],
)
def test_a_second_pair_with_plays_left_out(text: str, expected: set) -> None:
    assert pairs(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Long, who won four Emmys for Dry Creek, went on to eight seasons of the CBS sitcom "
            "Red Sky, playing a nurse.",
            {"Dry Creek", "Red Sky"},
        ),
        (
            "Long picked up an Emmy for her guest turn as Commander Jo Park in Hulu's Red Sky.",
            {"Red Sky"},
        ),
        ("Long had previously written for Dry Creek and Red Sky.", {"Dry Creek", "Red Sky"}),
        ("Long literally wrote on Dry Creek.", {"Dry Creek"}),
    ],
)
def test_career_verbs(text: str, expected: set) -> None:
    catalog = read(f"Mia Long plays Ivy Cole in {SHOW}. {text}")
    assert known_for(catalog) == {"Mia Long": expected}


def test_a_pair_of_longtime_colleagues_from_a_title() -> None:
    text = (
        "Mia Long plays Ivy Cole and Tom Rye plays Sam Dunn. Ann Lee said watching Long and "
        "Rye, longtime colleagues from Dry Creek, fall back into rhythm was a joy."
    )
    assert known_for(read(text)) == {"Mia Long": {"Dry Creek"}, "Tom Rye": {"Dry Creek"}}


def test_an_aside_naming_a_past_role_between_actor_and_as() -> None:
    text = f"And series three of {SHOW} adds Tom Rye, Sam Dunn himself, as her husband, Kit Marr."
    assert pairs(read(text)) == {("Tom Rye", "Kit Marr")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Mia Long plays Ivy Cole in {SHOW}.\n\nQ: You play opposite Tom Rye again. How is it?",
            {("Mia Long", "Ivy Cole"), ("Tom Rye", None)},
        ),
        # opposite someone in another title
        ("Mia Long starred opposite Tom Rye in Dry Creek.", set()),
    ],
)
def test_a_co_star_played_opposite(text: str, expected: set) -> None:
    assert pairs(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Peacock has given {SHOW} the green light for a fourth series.", "Renewed for Season 4"),
        (f"A fourth series of {SHOW} has been confirmed by Peacock.", "Renewed for Season 4"),
        (f"{SHOW} has been recommissioned for a fourth series.", "Renewed for Season 4"),
        (f"Peacock has handed {SHOW} a fourth season.", "Renewed for Season 4"),
        # another title's, or not given
        ("A fourth series of Dry Creek has been confirmed.", None),
        ("Hulu has handed Dry Creek a sixth season.", None),
        ("Hulu has given Dry Creek the green light for a sixth season.", None),
        (f"Peacock has not given {SHOW} the green light for a fourth series.", None),
    ],
)
def test_british_and_trade_renewals(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


def test_all_episodes_available_from_a_date() -> None:
    text = f"{SHOW} series three: all eight episodes available from 16 October."
    assert seasons(read(text)) == {3: (8, "October 16")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 3 charted in more than 80 countries.", {("top10_countries", 80, 3, True)}),
        ("Season 3 came second on Peacock's English TV chart.", {("weekly_rank", 2, 3, False)}),
        (
            "Season 3 was the second most-watched English show on Peacock.",
            {("weekly_rank", 2, 3, False)},
        ),
        # a critic's list, or the show's own best season: no rank
        ("Season 3 came second on our list of the year's best.", set()),
        ("Season 3 is the most-watched season yet.", set()),
    ],
)
def test_ranks_and_countries_said_other_ways(text: str, expected: set) -> None:
    assert approx_stats(read(text.replace("Season 3", f"Season 3 of {SHOW}"))) == expected
