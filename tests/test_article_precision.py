"""Precision classes: what an article says of another title, of another season, or in a
way that reads two ways gives nothing. Each rule with invented text in several wordings
and a near miss."""

from __future__ import annotations

import pytest

from diplomat_tui.article import extract
from diplomat_tui.model import CastCredit, Catalog, Person

from helpers.articles import HEAD, SHOW, known_for, pairs, seasons


def read(text: str, *, known: Catalog | None = None) -> Catalog:
    return extract(text, source_id="t", show=SHOW, known=known)


# ------------------------------------------------------- a sheet's premiere line


@pytest.mark.parametrize(
    "sheet",
    [
        # a season named in passing on another line does not make the sheet that season's
        f"{SHOW.upper()}: FACT SHEET\n\nTitle: {SHOW}\nNetwork: Peacock\n"
        "Also starring (season 3): Tom Rye\nPremiere: May 5, 2021\n",
        f"{SHOW} — press notes\n\nSeries: {SHOW}\nSeasons: 3\nRelease date: May 5, 2021\n",
    ],
)
def test_a_bare_premiere_line_of_a_sheet_of_no_season_goes_to_no_later_season(sheet: str) -> None:
    assert all(number == 1 for number in seasons(read(sheet)))


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        # "First aired" in a block of no season is the show's, whatever the headline says
        (
            f"{SHOW.upper()} SEASON 3 PRESS NOTES\n\nSERIES AT A GLANCE\nSeries: {SHOW}\n"
            "First aired: May 5, 2021\n",
            {1: (None, "2021-05-05")},
        ),
        # a block under its own season's heading, or under a "Season: N" line, is that season's
        (
            f"{SHOW} notes\n\nSEASON 2 AT A GLANCE\nPremiered: June 1, 2023\nEpisodes: 6\n",
            {2: (6, "2023-06-01")},
        ),
        (
            f"{SHOW} press kit\n\nTitle: {SHOW}\nSeason: 3\nPremiere: October 16, 2025\n",
            {3: (None, "2025-10-16")},
        ),
    ],
)
def test_a_sheets_premiere_line_goes_to_its_blocks_season(
    sheet: str, expected: dict[int, tuple[int | None, str | None]]
) -> None:
    got = seasons(read(sheet))
    assert {n: got[n][1] for n in expected} == {n: v[1] for n, v in expected.items()}


# ------------------------------------------- "Actor (Character)" or "Actor (Title)"


def _known(*names: str) -> Catalog:
    """A store that credits ``names`` and knows none of their characters."""
    people = tuple(Person(name) for name in names)
    cast = tuple(CastCredit(name, order=n) for n, name in enumerate(names, start=1))
    return Catalog(people=people, cast=cast)


KNOWN = _known("Mia Long", "Bo Li", "Eve Sol")


@pytest.mark.parametrize(
    "text",
    [
        "The cast includes Mia Long (Austin Reyes), Bo Li (Ivy Park) and Eve Sol (Stuart Hale).",
        "Returning are Mia Long (Austin Reyes), Bo Li (Ivy Park) and Eve Sol, who plays Stu Hale.",
        "Mia Long (Austin Reyes) and Bo Li (Margaret Vance) round out the principal cast.",
    ],
)
def test_people_named_in_parentheses_after_actors_are_characters_not_titles(text: str) -> None:
    catalog = read(HEAD + text, known=KNOWN)
    assert known_for(catalog) == {}
    assert ("Mia Long", "Austin Reyes") in pairs(catalog)


@pytest.mark.parametrize(
    "text",
    [
        # one parenthesis reading as a name: a character, or a title named for its hero
        "Mia Long (Austin Reyes) will return for the new season.",
        "Mia Long (Ted Marsh) is the best thing in it.",
    ],
)
def test_a_lone_name_in_parentheses_after_an_actor_is_no_title(text: str) -> None:
    catalog = read(HEAD + text, known=KNOWN)
    assert known_for(catalog) == {}
    assert ("Mia Long", "Austin Reyes") not in {(p, None) for p, _ in pairs(catalog)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The cast also includes Mia Long (Dry Creek), Bo Li (Blue Line) and Eve Sol (Red Sky).",
            {"Mia Long": {"Dry Creek"}, "Bo Li": {"Blue Line"}, "Eve Sol": {"Red Sky"}},
        ),
        ("Mia Long (Altered Minds) will return.", {"Mia Long": {"Altered Minds"}}),
    ],
)
def test_titles_in_parentheses_after_actors_stay_what_else_they_were_in(
    text: str, expected: dict[str, set[str]]
) -> None:
    assert known_for(read(HEAD + text, known=KNOWN)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the article's own known pairs give the order of the unknown ones
        (
            "Returning: Mia Long (Ivy Cole) and Bo Li (Sam Dunn).\n\n"
            "New to the series: Jonah Vell (Felix Orme) and Ada Quist (Astrid Moe).",
            {("Jonah Vell", "Felix Orme"), ("Ada Quist", "Astrid Moe")},
        ),
        # the surname the article goes on to use alone is the actor's
        (
            "Newcomer Jonah Vell (Felix Orme) steals the show. Vell was last seen in Dry Creek.",
            {("Jonah Vell", "Felix Orme")},
        ),
        (
            "Felix Orme (Jonah Vell) steals the show. Vell was last seen in Dry Creek.",
            {("Jonah Vell", "Felix Orme")},
        ),
        # a casting sentence lists actors first
        ("New to the series: Jonah Vell (Felix Orme).", {("Jonah Vell", "Felix Orme")}),
        ("Jonah Vell (Felix Orme) joins the cast.", {("Jonah Vell", "Felix Orme")}),
        # a character's title marks the character in either place
        (
            "New to the series: Kwame Bo (Deputy Prime Minister Lionel Ash).",
            {("Kwame Bo", "Deputy Prime Minister Lionel Ash")},
        ),
        # a recap's story names the character first
        ("Felix Orme (Jonah Vell) opens the door.", {("Jonah Vell", "Felix Orme")}),
    ],
)
def test_unknown_name_pairs_follow_the_article(
    text: str, expected: set[tuple[str, str | None]]
) -> None:
    known = read(HEAD + "It stars Mia Long as Ivy Cole and Bo Li as Sam Dunn.")
    assert pairs(read(HEAD + text, known=known)) >= expected
    assert not {(c, p) for p, c in expected} & pairs(read(HEAD + text, known=known))


def test_a_casting_list_with_a_title_in_parentheses_gives_no_pair() -> None:
    # "Gentleman Jack" reads as no person's name: the newcomer is not its actor
    catalog = read(HEAD + "The show has added Fenella Ok (Gentleman Jack) for the new season.")
    assert pairs(catalog) <= {("Fenella Ok", None)}


# ------------------------------------------------ text about another title


@pytest.mark.parametrize(
    "paragraph",
    [
        # a forum comment recommending another title, with its cast
        "Off topic, but Dry Creek on Hulu is back with season 5. Ann Lee as Meg Orr is great.",
        "Needed something after it, so I started Dry Creek season 2. Ann Lee plays Meg Orr.",
        "Also try Dry Creek, Ann Lee plays Meg Orr and season 2 had ten episodes.",
        "bo_fan wrote: Has anyone watched Dry Creek? Ann Lee plays Meg Orr.",
        # a round-up's paragraph about another title's casting
        "Over at the BBC, Dry Creek has cast Ann Lee (Meg Orr) as its villain.",
        "And Hulu's Dry Creek has added Ann Lee (Meg Orr) for season six.",
        "Dry Creek returns for a second season. Ann Lee plays Meg Orr again.",
    ],
)
def test_a_paragraph_about_another_title_gives_no_cast(paragraph: str) -> None:
    text = f"{SHOW} season 2 discussion\n\nMia Long plays Ivy Cole in {SHOW}.\n\n{paragraph}\n"
    catalog = read(text)
    assert ("Mia Long", "Ivy Cole") in pairs(catalog)
    assert "Ann Lee" not in {c.person for c in catalog.cast}
    assert all(s.episode_count != 10 for s in catalog.seasons)


@pytest.mark.parametrize(
    "paragraph",
    [
        # a person where a title would be: the paragraph stays the show's
        "Meanwhile, Mia Long is back as Ivy Cole, and Bo Li plays Sam Dunn.",
        "I started rewatching it last week. Bo Li plays Sam Dunn.",
    ],
)
def test_a_person_is_no_other_title(paragraph: str) -> None:
    text = f"{SHOW} season 2 discussion\n\n{SHOW} is back.\n\n{paragraph}\n"
    assert ("Bo Li", "Sam Dunn") in pairs(read(text))


def test_a_later_clause_about_another_title_is_cut() -> None:
    text = (
        f"{SHOW} renewed\n\nPeacock renewed {SHOW} for a third season, weeks before its second "
        "season premieres on October 16, and confirmed that Dry Creek will return for season 3.\n"
    )
    catalog = read(text)
    assert seasons(catalog).get(2) == (None, "October 16")


def test_a_listing_line_under_another_titles_heading_is_that_titles() -> None:
    text = (
        "The week's best TV\n\nOur picks\n\nDry Creek\nHulu, from Wednesday 24 September\n"
        "Series five begins. Six episodes. Ann Lee plays Meg Orr.\n\n"
        f"{SHOW}\nPeacock, from Thursday 16 October\nSeries two drops all eight episodes. "
        "Mia Long plays Ivy Cole.\n"
    )
    catalog = read(text)
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    assert 5 not in seasons(catalog)


@pytest.mark.parametrize(
    "text",
    [
        "The former Meg Orr and Sam Dunn play President Ivy Cole and her husband, Tom.",
        "Ann Lee and Bo Li portray Ivy Cole and her rival.",
    ],
)
def test_two_subjects_of_a_plural_verb_give_no_pair(text: str) -> None:
    assert pairs(read(HEAD + text)) <= {("Ann Lee", None), ("Bo Li", None)}


def test_one_subject_of_play_is_read() -> None:
    assert pairs(read(HEAD + "In the new season, Bo Li will play Ivy Cole.")) == {
        ("Bo Li", "Ivy Cole")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Like Dry Creek, whose fifth season arrived in September with six episodes, it is tight.",
        "Unlike Dry Creek, which ran ten episodes in its second season, the show is brisk.",
    ],
)
def test_a_comparison_clause_about_another_title_gives_nothing(sentence: str) -> None:
    text = f"{SHOW} season 3 review\n\nThe third season of {SHOW} is here.\n\n{sentence}\n"
    assert all(count is None for count, _ in seasons(read(text)).values())


@pytest.mark.parametrize(
    "text",
    [
        f"{SHOW} returned\n\nIts second season followed in 2024.\n\n"
        f"{SHOW} spent 11 weeks in the Top 10 after its debut, Peacock said.\n",
        f"{SHOW} returned\n\nIts second season followed in 2024.\n\n"
        "The series spent 11 weeks in the Top 10 since its premiere.\n",
    ],
)
def test_after_its_debut_is_the_first_seasons(text: str) -> None:
    stats = {(s.metric, s.value, s.season) for s in read(text).stats}
    assert stats == {("weeks_in_top10", 11, 1)}


def test_a_post_about_the_show_and_another_titles_season_gives_only_the_shows() -> None:
    text = (
        f"Fans react to {SHOW} season 2\n\n"
        f'@fan1: "Binged #HarbourLights S2 in one go. Mia Long as Ivy Cole is elite."\n\n'
        f'@fan2: "Watching {SHOW} S2 and Dry Creek S5 back to back. Ann Lee as Meg Orr is '
        'the best."\n'
    )
    catalog = read(text)
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "its 22 episodes" after a season's relative clause: the whole show's
        (
            f"{SHOW}, whose third season arrived Oct. 16, drew 1.1 billion minutes across "
            "its 22 episodes.",
            {3: (None, "October 16")},
        ),
        # the main clause's own count stays the season's
        (
            f"{SHOW}, whose third season premiered on October 16, does the opposite: "
            "eight episodes, every one of them taut.",
            {3: (8, "October 16")},
        ),
        # another title in apposition with "whose": nothing
        ("Dry Creek, whose second season had eight episodes, led again.", {}),
    ],
)
def test_a_whose_clause_names_its_own_season(
    sentence: str, expected: dict[int, tuple[int | None, str | None]]
) -> None:
    text = f"{SHOW} on the charts\n\n{sentence}\n"
    assert seasons(read(text)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Over on Hulu, Ann Lee plays Meg Orr.",
        "Meanwhile at the BBC, Ann Lee plays Meg Orr.",
        "Elsewhere on Apple TV+, Ann Lee plays Meg Orr.",
    ],
)
def test_a_sentence_set_on_another_network_gives_no_pair(sentence: str) -> None:
    text = f"{SHOW} season 2\n\nMia Long is back as Ivy Cole in {SHOW}. {sentence}\n"
    assert pairs(read(text)) == {("Mia Long", "Ivy Cole")}


def test_another_titles_season_set_against_the_show_gives_no_figure() -> None:
    text = (
        f"{SHOW} tops the chart\n\n{SHOW}'s second season was the most-watched show last week, "
        "with 6.3 million views.\n\nDry Creek's second season, meanwhile, reached the Top 10 "
        "in 81 countries.\n"
    )
    stats = {(s.metric, s.value, s.season) for s in read(text).stats}
    assert ("top10_countries", 81, 2) not in stats
    assert ("views", 6_300_000, 2) in stats


def test_a_recaps_join_is_no_casting_news() -> None:
    # "joins Kate in the car": a story, the character first
    catalog = read(HEAD + "Felix Orme (Jonah Vell) joins Ivy in the car.")
    assert ("Felix Orme", "Jonah Vell") not in pairs(catalog)


def test_an_unknown_name_before_a_title_in_parentheses_is_no_pair() -> None:
    # neither side known and the parenthesis reads as no person's name: nothing
    assert pairs(read(HEAD + "Felix Orme (Dry Creek) opens the door.")) == set()


def roles(catalog: Catalog) -> dict[str, set[str]]:
    return {c.person: set(c.roles) for c in catalog.crew}


@pytest.mark.parametrize(
    ("guide", "expected"),
    [
        # the character first, as the heading with a credited actor shows
        (
            "Ivy Cole — Mia Long\nThe envoy.\n\nMeg Orr — Ann Lee\nHer deputy.\n",
            {("Mia Long", "Ivy Cole"), ("Ann Lee", "Meg Orr")},
        ),
        # the actor first
        (
            "Mia Long – Ivy Cole\nThe envoy.\n\nAnn Lee – Meg Orr\nHer deputy.\n",
            {("Mia Long", "Ivy Cole"), ("Ann Lee", "Meg Orr")},
        ),
    ],
)
def test_a_character_guides_dash_headings_follow_their_known_order(
    guide: str, expected: set[tuple[str, str | None]]
) -> None:
    known = read(HEAD + "It stars Mia Long as Ivy Cole.")
    assert pairs(read(f"{SHOW} character guide\n\n{guide}", known=known)) >= expected


def test_dash_headings_with_no_credited_side_give_nothing() -> None:
    catalog = read(f"{SHOW} character guide\n\nMeg Orr — Ann Lee\nHer deputy.\n")
    assert pairs(catalog) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jo Park, who directed episodes of Dry Creek, directed the season 3 premiere.",
            {"Jo Park": {"director"}},
        ),
        ("Jo Park, best known for Blue Line, directed the finale.", {"Jo Park": {"director"}}),
        ("Jo Park directed two episodes.", {"Jo Park": {"director"}}),
        ("Jo Park directed episodes of Dry Creek.", {}),
    ],
)
def test_episode_credits_past_an_aside(text: str, expected: dict[str, set[str]]) -> None:
    assert roles(read(HEAD + text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bo Li played Tom Tanner in the Bond films.",
        "Jo Park also directed episodes of Dry Creek and Blue Line, where Bo Li played Tom Tanner.",
    ],
)
def test_a_past_role_in_another_title_is_no_pair(text: str) -> None:
    assert pairs(read(HEAD + text)) == set()


def test_no_actor_is_named_with_an_office() -> None:
    catalog = read(HEAD + "The cast includes Prime Minister Meg Orr and Ann Lee.")
    assert {c.person for c in catalog.cast} == {"Ann Lee"}
    # an honorific is how some actors are credited
    catalog = read(HEAD + "The cast includes Dame Ivy Stone and Ann Lee.")
    assert {c.person for c in catalog.cast} == {"Dame Ivy Stone", "Ann Lee"}


@pytest.mark.parametrize("heading", ["== See also ==", "## Related", "== Legacy =="])
def test_a_list_of_other_titles_with_their_years_gives_nothing(heading: str) -> None:
    text = (
        f"{SHOW} (TV series)\n\n{SHOW} is a drama created by Maren Holt for Peacock.\n\n"
        f"{heading}\n"
        "* Dry Creek (2014–2019), starring Ann Lee as Meg Orr\n"
        "* Blue Line (2023), created by Tom Rye, ten episodes in season 1\n"
    )
    catalog = read(text)
    assert pairs(catalog) == set()
    assert catalog.show is not None and catalog.show.creators == ("Maren Holt",)
    assert seasons(catalog) == {}


def test_a_new_clause_after_plays_names_no_character() -> None:
    catalog = read(HEAD + "Mia Long plays the envoy now, and Bo Li is her husband, Tom.")
    assert ("Mia Long", "Bo Li") not in pairs(catalog)


def test_an_answer_naming_another_title_leaves_its_paragraph_out() -> None:
    text = (
        f"{SHOW}: an interview\n\nQ: Season 2 has eight episodes. Was it hard?\nA: Yes.\n\n"
        "Q: What else are you watching?\nA: Dry Creek. Ann Lee as Meg Orr is the best thing on "
        "TV. Its fifth season had six episodes.\n"
    )
    catalog = read(text)
    assert pairs(catalog) == set()
    assert 5 not in seasons(catalog)


def test_the_shows_debut_as_subject_is_the_first_season() -> None:
    text = (
        f"{SHOW} ratings\n\n{SHOW}'s third season drew 5.6 million views.\n\n"
        f"By comparison, the show's 2023 debut drew 57 million hours in its first weekend.\n"
    )
    stats = {(s.metric, s.value, s.season) for s in read(text).stats}
    assert ("hours_viewed", 57_000_000, 1) in stats
    assert ("hours_viewed", 57_000_000, 3) not in stats


@pytest.mark.parametrize(
    "sentence",
    [
        "Wildwood's second season has now spent 11 weeks in the Top 10.",
        "Wildwood's final season, by contrast, spent 11 weeks in the Top 10.",
    ],
)
def test_a_one_word_titles_season_is_another_titles(sentence: str) -> None:
    text = f"{SHOW} ratings\n\n{SHOW}'s third season drew 5.6 million views. {sentence}\n"
    stats = {(s.metric, s.value, s.season) for s in read(text).stats}
    assert ("views", 5_600_000, 3) in stats
    assert not any(metric == "weeks_in_top10" for metric, _, _ in stats)


def test_a_characters_season_is_no_other_title() -> None:
    known = read(HEAD + "It stars Mia Long as Ivy Cole.")
    text = (
        f"{SHOW} recap\n\n{SHOW} season 2 is here. Ivy's second season arc is brutal, and it "
        "ran six episodes.\n"
    )
    assert 2 in seasons(read(text, known=known))


@pytest.mark.parametrize(
    "sentence",
    [
        "Also back this month — Dry Creek: Ann Lee as Meg Orr, Bo Li as Sam Dunn.",
        "Coming next week: Dry Creek, with Ann Lee as Meg Orr.",
        "Coming next week: Dry Creek (Hulu), starring Ann Lee as Meg Orr.",
    ],
)
def test_a_title_introducing_its_own_cast_is_another_titles(sentence: str) -> None:
    text = f"{SHOW} viewing guide\n\n{SHOW} is back, with Mia Long as Ivy Cole.\n\n{sentence}\n"
    assert pairs(read(text)) == {("Mia Long", "Ivy Cole")}


def test_a_comparison_clause_is_cut_and_the_main_clause_kept() -> None:
    text = (
        f"{SHOW} season 2 review\n\nUnlike Dry Creek, which ran ten episodes in its second "
        f"season, the second season of {SHOW} has eight episodes.\n"
    )
    assert seasons(read(text)) == {2: (8, None)}


def test_a_sentence_set_in_a_place_stays_the_shows() -> None:
    known = read(HEAD + "It stars Mia Long as Ivy Cole and Bo Li.")
    text = f"{SHOW} recap\n\nOver at Downing Street, Sam Dunn (Bo Li) is sweating.\n"
    assert ("Bo Li", "Sam Dunn") in pairs(read(text, known=known))
