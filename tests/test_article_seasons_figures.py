"""Scoping, seasons, dates and figures, one phrasing at a time: each rule with a sentence
it must read and a near miss it must leave alone."""

from __future__ import annotations

import contextlib
import time

import pytest

from diplomat_tui.article import extract
from diplomat_tui.errors import ArticleError
from diplomat_tui.model import CastCredit, Catalog, Person

from helpers.articles import SHOW, read, seasons, stats


def status(catalog: Catalog) -> str | None:
    return catalog.show.status if catalog.show else None


# ------------------------------------------------------------------------- scoping

LISTINGS = (
    "What's on TV this week\n\n"
    "Our critics pick the week's viewing.\n\n"
    "SUNDAY 12 OCTOBER\n\n"
    "Dry Creek\nHulu, 8pm\nAll ten episodes of series four arrive at once.\n\n"
    "THURSDAY 16 OCTOBER\n\n"
    f"{SHOW}\nPeacock, from 8am\nAll six episodes of series two arrive at once.\n"
)


def test_a_listing_line_under_the_shows_heading_belongs_to_its_entry() -> None:
    # the entry of another title, with its own channel line, gives nothing
    assert seasons(read(LISTINGS, head=False)) == {2: (6, "October 16")}


def test_a_lists_lead_in_stays_in_its_section() -> None:
    text = "## Season 3 in figures\n\nThe first report of the season:\n\n- 38.7M hours viewed\n"
    assert stats(read(text)) == {("hours_viewed", 38_700_000, 3)}
    # a heading of its own (no colon) names no season: what follows it is not taken
    text = "## Season 3 in figures\n\nThe first report\n\n- 38.7M hours viewed\n"
    assert stats(read(text)) == set()


# ------------------------------------------------------------------- seasons, dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The first series launched in April 2023; the second, a shorter run of six "
            "episodes, followed on 31 October 2024.",
            {1: (None, "2023-04"), 2: (6, "2024-10-31")},
        ),
        (  # an ordinal that is not a season's
            "The first series launched in April 2023; the second half of it was filmed in Kent.",
            {1: (None, "2023-04")},
        ),
        ("Season 2 arrives on Peacock on 5 Sept. 2025.", {2: (None, "2025-09-05")}),
        ("Season 2 arrives on Sept 5.", {2: (None, "September 5")}),
        (  # a count said without "episodes", once one was given
            "Season 1 premiered April 20, 2023 with eight episodes, and Season 2 followed "
            "on Oct. 31, 2024 with six.",
            {1: (8, "2023-04-20"), 2: (6, "2024-10-31")},
        ),
        (
            "Series one gave us eight episodes of that; series two, a mere six, ended on a "
            "cliffhanger.",
            {1: (8, None), 2: (6, None)},
        ),
        (  # a figure, not a count
            "Season 1 had eight episodes; Season 2 opened with 3.1 million views.",
            {1: (8, None)},
        ),
        ("Season 2 opened with six.", {}),  # no count given before: six of what?
        (
            "Season 3 opened at No. 1 after its Thursday, Oct. 16, 2025, debut.",
            {3: (None, "2025-10-16")},
        ),
        ("Season 3 opened at No. 1 on Oct. 16, its best week.", {}),
        ("Season 3 dropped all eight episodes on Oct. 16.", {3: (8, "October 16")}),
        ("Season 3 dropped its trailer on Oct. 16.", {}),
        (  # "When <Title> first arrived": the show's premiere
            f"When {SHOW} first arrived on Peacock in April 2023, it was a curiosity.",
            {1: (None, "2023-04")},
        ),
        (f"When the cast of {SHOW} arrived in London in April 2023, it rained.", {}),
        (  # "the new run": the latest season named
            "Series three is on its way. Series two dropped on 31 October 2024; the new run, "
            "eight episodes in all, arrives on 16 October.",
            {2: (None, "2024-10-31"), 3: (8, "October 16")},
        ),
        (  # a season only wished for is not the new one
            "Fans beg for series 4. Series two dropped on 31 October 2024; the new run "
            "arrives on 16 October.",
            {2: (None, "2024-10-31")},
        ),
    ],
)
def test_seasons_and_dates(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A fourth season has already been ordered.", "Renewed for Season 4"),
        ("Series 4 has been commissioned by Peacock.", "Renewed for Season 4"),
        ("A fourth season has already been filmed.", None),
        ("The drama will return for a fourth season, Peacock said.", "Renewed for Season 4"),
        ("The drama will return for a third season on October 16, 2025.", None),
    ],
)
def test_renewals_said_of_the_season(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


# ------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a threshold for every title is not the show's figure
            "Season 2 was big. The report lists every title watched for more than 50,000 hours.",
            set(),
        ),
        (
            "Season 2 was watched for more than 50 million hours.",
            {("hours_viewed", 50_000_000, 2)},
        ),
        (
            "The show stayed at No. 1 on the streamer's TV list, drawing 6.8 million views "
            "in its second week after the third season premiered.",
            {("weekly_rank", 1, 3), ("views", 6_800_000, 3)},
        ),
        ("The show stayed at No. 1 on the streamer's TV list.", set()),
        (
            "The show has now spent two weeks in the Top 10 with its third season.",
            {("weeks_in_top10", 2, 3)},
        ),
        ("The show has now spent two weeks in the Top 10.", set()),
        ("Its first season spent six weeks on the chart.", {("weeks_in_top10", 6, 1)}),
        ("Season 1 arrived six weeks after the chart launched.", set()),
        (
            "Across its three seasons the show has spent a combined nineteen weeks on the list.",
            {("weeks_in_top10", 19, None)},
        ),
        ("Season 2 spent nineteen weeks on the list.", {("weeks_in_top10", 19, 2)}),
        ("Season 1 re-entered the chart at No. 7.", {("weekly_rank", 7, 1)}),
        (
            "Season 1 climbed back, landing at No. 8 with 1.4 million views.",
            {("weekly_rank", 8, 1), ("views", 1_400_000, 1)},
        ),
        ("Season 1 is the No. 8 reason to subscribe.", set()),
        (
            "Season 3 stormed to the No1 spot on the streamer's English TV chart.",
            {("weekly_rank", 1, 3)},
        ),
        ("Season 3 was No. 2 in its second week.", {("weekly_rank", 2, 3)}),
        ("Season 3 was No. 2 in its category.", set()),
        (
            "Season 2 drew roughly three and a half million views.",
            {("views", 3_500_000, 2)},
        ),
    ],
)
def test_figures(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


def test_a_name_ending_a_title_is_not_an_actor() -> None:
    catalog = read("Ann Lee, so good in The Haunting of Bly Manor, returns as Meg Orr.")
    assert all(c.person != "Bly Manor" for c in catalog.cast)
    assert {(c.person, c.character) for c in read("Ann Lee returns as Meg Orr.").cast} == {
        ("Ann Lee", "Meg Orr")
    }


def test_a_table_of_titles_gives_the_shows_rows_only() -> None:
    text = (
        "| Title | Release Date | Hours Viewed |\n"
        "| Dry Creek: Season 2 | 2024-12-26 | 487,000,000 |\n"
        f"| {SHOW}: Season 2 | 2024-10-31 | 96,400,000 |\n"
        f"| {SHOW}: Limited Series | 2023-04-20 | 31,200,000 |\n"
    )
    assert seasons(read(text)) == {2: (None, "2024-10-31")}


@pytest.mark.parametrize(
    ("lead_in", "weekly"),
    [
        ("The top titles of the second half of the year, ranked by views:", False),
        ("The top 10 titles of the half, from the report:", False),
        ("The English TV list for the week of Oct. 13:", True),
        ("Here is this week's chart:", True),
    ],
)
def test_a_tables_rank_is_weekly_only_when_the_table_is_of_a_week(
    lead_in: str, weekly: bool
) -> None:
    text = (
        f"{lead_in}\n\n"
        "Rank  Title                      Hours Viewed   Views\n"
        "1     Dry Creek: Season 2        512,300,000    64,700,000\n"
        f"9     {SHOW}: Season 3    98,400,000     14,100,000\n"
    )
    expected = {("hours_viewed", 98_400_000, 3), ("views", 14_100_000, 3)}
    assert stats(read(text)) == expected | ({("weekly_rank", 9, 3)} if weekly else set())


def test_a_report_title_with_its_season_opens_a_sentence_about_that_title() -> None:
    text = (
        "Wednesday: Season 2 was the most-watched title of the half, with 512.3 million "
        f"hours viewed. {SHOW}: Season 2 added 21.3 million hours (3.9 million views)."
    )
    assert stats(read(text)) == {("hours_viewed", 21_300_000, 2), ("views", 3_900_000, 2)}


def test_after_a_season_compared_with_the_new_one_the_next_paragraph_has_no_season() -> None:
    text = (
        f"{SHOW} has been renewed for a fourth season. Its third season premiered Oct. 16."
        "\n\nSeason 2 opened with 1.1 million views, so the new eight-episode season "
        "represents a gain over its predecessor.\n\n"
        "It had 5.4 million views in four days and charted in 84 countries.\n"
    )
    assert stats(read(text)) == {("views", 1_100_000, 2)}


def test_a_star_named_before_the_title_is_not_the_network() -> None:
    text = f"Ann Lee's {SHOW} Storms to No. 1\n\nAnn Lee plays Meg Orr in the drama."
    catalog = read(text, head=False)
    assert catalog.show is not None and catalog.show.network is None
    text = f"Peacock's {SHOW} Storms to No. 1\n\nAnn Lee plays Meg Orr in the drama."
    catalog = read(text, head=False)
    assert catalog.show is not None and catalog.show.network == "Peacock"


def cast(catalog: Catalog) -> set[tuple[str, str | None]]:
    return {(c.person, c.character) for c in catalog.cast}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dry Creek gave us Ann Lee's Meg Orr.", set()),
        (f"{SHOW} gave us Ann Lee's Meg Orr.", {("Ann Lee", "Meg Orr")}),
        ("Dry Creek, with Ann Lee as Meg Orr, was decent.", set()),
        (f"{SHOW}, with Ann Lee as Meg Orr, was decent.", {("Ann Lee", "Meg Orr")}),
        ("Dry Creek's farewell season earned praise for Ann Lee as Meg Orr.", set()),
        (
            f"{SHOW}'s farewell season earned praise for Ann Lee as Meg Orr.",
            {("Ann Lee", "Meg Orr")},
        ),
        ("The Old Guard comparison is apt: Ann Lee plays Meg Orr.", {("Ann Lee", "Meg Orr")}),
        ("The Old Guard returns with a twist: Ann Lee plays Meg Orr.", set()),
        (
            f"For Peacock, {SHOW}'s showing is a validation of a show: Ann Lee plays Meg Orr.",
            {("Ann Lee", "Meg Orr")},
        ),
        (
            "For Peacock, Dry Creek's showing is a validation of a show: Ann Lee plays Meg Orr.",
            set(),
        ),
        ("Ann Lee is back as fiery US envoy Meg Orr.", {("Ann Lee", "Meg Orr")}),
        ("Viewers may spot him in Tom Rye's Dry Creek.", set()),
    ],
)
def test_sentences_about_other_titles_give_no_cast(text: str, expected: set) -> None:
    assert cast(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 2 was strong. Dry Creek: Season 2 racked up 68 million views.", set()),
        (
            f"Season 2 was strong. {SHOW}: Season 2 racked up 68 million views.",
            {("views", 68_000_000, 2)},
        ),
        ("Season 2 was strong. Dry Creek, the rom-com, drew 5 million views.", set()),
        ("Season 2 was strong. Subscribers streamed 95 billion hours of content.", set()),
        ("Season 2 was streamed for 95 million hours.", {("hours_viewed", 95_000_000, 2)}),
        ("Season 2 drew 5 billion views.", set()),  # more than any season ever drew
        (
            "Season 2 drew 5 million views, ahead of Dry Creek, which collected 4.1 million views.",
            {("views", 5_000_000, 2)},
        ),
        ("Season 2 was strong. Across both seasons, the series drew 180 million hours.", set()),
        (
            f'Season 3 is next. "{SHOW}" premiered in April 2023 and logged 57 million hours '
            "viewed in its first weekend.",
            {("hours_viewed", 57_000_000, 1)},
        ),
        (
            'Season 3 is next. "Dry Creek" premiered in April 2023 to 57 million hours viewed.',
            set(),
        ),
    ],
)
def test_figures_of_other_titles_or_totals_are_not_taken(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Season 2 debuted strong. The six new episodes drew a crowd. The third season "
            "is still being written.",
            {2: (6, None)},
        ),
        ("All eight episodes of Season 3 will be available Oct. 16.", {3: (8, "October 16")}),
        ("Season 3 will be available in 4K.", {}),
        ('Season 3 is next. "Dry Creek" premiered in April 2023.', {}),
    ],
)
def test_new_episodes_and_availability(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


WEB_PAGE = (
    "SiteName\n\nHome\n\nTV\n\nReviews\n\n"
    f"{SHOW} Season 3 Trailer: A New Boss (Sort Of)\n\nBy Ann Writer\n\n"
    "Share this article\n\nFacebook\n\nEmail\n\n"
    "Peacock released the trailer on Wednesday, with Season 3 set for October 16.\n\n"
    "TRENDING NOW\n\n1. Dry Creek Season 2 Ending Explained\n\n2. Ten Best Thrillers\n\n"
    "Season 3 opened with 5 million views.\n\n"
    "RELATED\n\n"
    "- Dry Creek Season 4: Season 4 premieres on November 2, 2025\n\n"
    "More from SiteName\n\n"
    "Dry Creek Creator Tom Rye on the Final Season\n\n"
    "- Season 2 had six episodes when it premiered on May 5, 2025.\n"
)


def test_a_web_pages_headline_is_over_its_byline_and_its_boxes_are_not_read() -> None:
    catalog = read(WEB_PAGE, head=False)
    assert stats(catalog) == {("views", 5_000_000, 3)}  # prose after a box is the article's
    assert seasons(catalog) == {}  # nothing from the related links or the "More from" box
    assert catalog.show is not None and catalog.show.creators == ()
    assert not any(c.person == "Sort Of" for c in catalog.cast)


def test_without_a_byline_the_menu_page_is_not_about_the_show() -> None:
    with pytest.raises(ArticleError):
        read(WEB_PAGE.replace("By Ann Writer\n\n", "").replace(f"{SHOW} Season 3", "A"), head=False)


LISTING_TODAY = (
    "What's on this week\n\nOur critics' picks.\n\n"
    "THURSDAY 16 OCTOBER\n\n"
    f"{SHOW}\nPeacock, from 8am\nSeries three, all eight episodes of which arrive today, "
    "picks up minutes later.\n\n"
    "FRIDAY 17 OCTOBER\n\n"
    "Dry Creek\nHulu, 9pm\nSeries two arrives tonight.\n"
)


def test_a_listing_premiere_today_is_the_day_heading_above_it() -> None:
    assert seasons(read(LISTING_TODAY, head=False)) == {3: (8, "October 16")}
    # "today" with no day heading above it dates nothing
    assert seasons(read("Series three, all eight episodes of which arrive today.")) == {
        3: (8, None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Peacock has not yet said whether {SHOW} will return for a fourth season.", None),
        (
            "Peacock has not tied the numbers to a decision, but a fourth season has already "
            "been ordered.",
            "Renewed for Season 4",
        ),
        ("Fans are campaigning for a fourth season.", None),
    ],
)
def test_an_undecided_renewal_is_no_renewal(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Season 3 is next. Created by Ann Lee, {SHOW} premiered on April 20, 2023.",
            {1: (None, "2023-04-20")},
        ),
        (
            f"Season 3 is next. Season 2 of {SHOW} premiered on May 5, 2025.",
            {2: (None, "2025-05-05")},
        ),
        (
            "Season 1 is over. The second season, all six episodes of it, drops on October 31.",
            {2: (6, "October 31")},
        ),
    ],
)
def test_who_premiered(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def known_cast() -> Catalog:
    people = (Person("Ann Lee"), Person("Tom Rye"))
    credits = (CastCredit("Ann Lee", "Meg Orr"), CastCredit("Tom Rye", "Jack Orr"))
    return Catalog(people=people, cast=credits)


TRANSCRIPT = (
    'THE SECOND SCREEN - Episode 9: "Ann Lee Would Like a Nap"\n\n'
    "HOST: So, season three. It's out. It came out on October sixteenth, all eight episodes "
    "at once.\n\n"
    "ANN LEE: I'm told. Meg Orr would hate it, and Jack Orr would love it.\n"
)


def test_a_transcript_naming_the_shows_people_and_characters_is_about_it() -> None:
    catalog = extract(TRANSCRIPT, source_id="t", show=SHOW, known=known_cast())
    assert seasons(catalog) == {3: (8, "October 16")}  # "it" is the season just named
    # one character named is a passing mention; no known people at the top, nothing
    with pytest.raises(ArticleError):
        extract(
            TRANSCRIPT.replace("Jack Orr", "Jack"), source_id="t", show=SHOW, known=known_cast()
        )
    with pytest.raises(ArticleError):
        extract(
            TRANSCRIPT.replace("Ann Lee Would", "She Would"),
            source_id="t",
            show=SHOW,
            known=known_cast(),
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 3 is back for eight more episodes.", {3: (8, None)}),
        ("Season 3 is back; we want more episodes.", {}),
        (f"{SHOW} returned for its third season on October 16.", {3: (None, "October 16")}),
        (f"{SHOW} returned for its third season with a bang.", {}),
        ("HOST: Season two was really short, right? Six episodes.", {2: (6, None)}),
    ],
)
def test_more_episodes_a_return_for_a_season_and_speaker_labels(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_a_listing_entry_arriving_at_once_is_dated_by_its_day() -> None:
    text = LISTING_TODAY.replace("all eight episodes of which arrive today", "arriving in full")
    text = text.replace("picks up minutes later.", "All eight episodes arrive at once.")
    assert seasons(read(text, head=False)) == {3: (8, "October 16")}
    # a return next year is no premiere on the listing's day
    text = text.replace("arrive at once", "arrive next year")
    assert seasons(read(text, head=False)) == {3: (8, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Season 3 release date is October 16, 2025.", {3: (None, "2025-10-16")}),
        ("Season 3 is set for October 16.", {3: (None, "October 16")}),
        ("Season 3 is set for a fall release.", {}),
        ("Peacock has set an Oct. 16 premiere date for Season 3.", {3: (None, "October 16")}),
        ("Season 3 is underway: the finale airs and premieres on October 30.", {}),
        ("Season 3's trailer dropped on September 24.", {}),
        ("Filming on Season 4 is scheduled for March 2026.", {}),
    ],
)
def test_more_premiere_phrasings_and_what_is_no_premiere(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_a_season_said_to_be_happening_is_renewed() -> None:
    assert status(read("Season 4 is officially happening.")) == "Renewed for Season 4"
    assert status(read("Season 4 is officially rumoured.")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Season 3 drew 5.4m views and 41.9m hours viewed.",
            {("views", 5_400_000, 3), ("hours_viewed", 41_900_000, 3)},
        ),
        ("Season 3 is 5.4m long.", set()),
        ("Season 3 took the top spot on the English TV list.", {("weekly_rank", 1, 3)}),
        ("Season 3 claimed the top spot.", {("weekly_rank", 1, 3)}),
        ("Season 3 never held the top spot.", set()),
        ("Season 3 is the top spot for drama fans.", set()),
    ],
)
def test_short_units_and_the_top_spot(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Unlike Dry Creek, renewed for a second season, {SHOW} waits.", None),
        (f"Dry Creek has been renewed for a fifth season, unlike {SHOW}.", None),
        ("The show has been renewed for a fourth season.", "Renewed for Season 4"),
        ("It has been renewed for a fourth season.", "Renewed for Season 4"),
        (f'"{SHOW}" has been renewed for a fourth season.', "Renewed for Season 4"),
        (f"Peacock renewed {SHOW} for a fourth season.", "Renewed for Season 4"),
    ],
)
def test_a_renewal_of_another_title_is_not_the_shows(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 3 is here. Peacock's Top 10 was led by Dry Creek with 9 million views.", set()),
        ("Season 3 is here. It drew 9 million views.", {("views", 9_000_000, 3)}),
        ("Season 3 is here. The top show, Dry Creek, drew 9 million views.", set()),
        ("Season 3 is here. The political drama drew 9 million views.", {("views", 9_000_000, 3)}),
        ("Season 3 is No. 3 on our list of the best dramas of the year.", set()),
        ("Season 3 is No. 3 on the streamer's TV list.", {("weekly_rank", 3, 3)}),
    ],
)
def test_a_figure_needs_words_standing_for_the_show(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 3 is here. Her previous show, Dry Creek, had 75 episodes.", {}),
        ("Season 3 is here. All eight episodes arrive at once.", {3: (8, None)}),
        ("Season 3 is here. The season has eight episodes.", {3: (8, None)}),
    ],
)
def test_a_count_needs_words_standing_for_the_show(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_the_show_as_a_stars_epithet_does_not_make_the_article_about_it() -> None:
    text = (
        f"{SHOW} Star Ann Lee Joins Dry Creek Season 2\n\n"
        f"{SHOW} star Ann Lee has joined the cast of Dry Creek, Hulu's western. Lee will play "
        "Meg Orr in the second season, which premieres March 5, 2026. Dry Creek has been "
        "renewed for a third season."
    )
    with pytest.raises(ArticleError, match="Dry Creek"):
        read(text, head=False)
    # the show named in its own right in the headline: about it
    text = text.replace(f"{SHOW} Star Ann Lee Joins Dry Creek Season 2", f"{SHOW} Returns")
    assert read(text, head=False).show is not None


def test_a_clause_about_another_title_is_cut_off() -> None:
    text = f"{SHOW}'s creator ran the room on Dry Creek, where Ann Lee's Meg Orr was a hit."
    assert read(text).cast == ()
    text = f"{SHOW} is set in London, where Ann Lee's Meg Orr runs the embassy."
    assert {(c.person, c.character) for c in read(text).cast} == {("Ann Lee", "Meg Orr")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 2 spent four weeks in the Top Ten.", {("weeks_in_top10", 4, 2)}),
        ("Season 2 made the top ten in 40 countries.", {("top10_countries", 40, 2)}),
        ("Season 2 hit number one in the Top Ten.", {("weekly_rank", 1, 2)}),
        ("Season 2 is one of the top ten dramas of 2024.", set()),
    ],
)
def test_top_ten_in_words(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


def test_an_estimate_is_approximate() -> None:
    (stat,) = read("Season 2 drew an estimated 4 million views.").stats
    assert (stat.value, stat.approx) == (4_000_000, True)
    (stat,) = read("Season 2 drew 4 million views.").stats
    assert stat.approx is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 2 ranked second on the weekly TV list.", {("weekly_rank", 2, 2)}),
        ("Season 2 finished third in the Top 10.", {("weekly_rank", 3, 2)}),
        ("Season 2 ranked second on our list of favourites.", set()),
        ("Season 2 ranked second among critics.", set()),
        ("Season 2 reached the Top 10 of 84 countries.", {("top10_countries", 84, 2)}),
    ],
)
def test_ordinal_ranks_and_countries(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


def test_a_six_part_series_has_six_episodes() -> None:
    assert seasons(read("The six-part second series is strong.")) == {2: (6, None)}
    assert seasons(read("Season 2 has a two-part finale.")) == {}  # an arc, not the season


def test_a_two_episode_premiere_is_no_season_count() -> None:
    assert seasons(read("Season 2 opens with a two-episode premiere.")) == {}
    assert seasons(read("The eight-episode Season 2 opens tonight.")) == {2: (8, None)}


NEWSLETTER = (
    f"What to Stream This Weekend: {SHOW} and More\n\n"
    "Your guide to the weekend's best new TV.\n\n"
    f"{SHOW} (Peacock)\n"
    "Season 3 of the thriller arrived on Thursday with all eight episodes.\n\n"
    "Dry Creek (Hulu)\n"
    "The fifth season of the western premiered September 24, with six episodes. "
    "It has been renewed for a sixth season.\n"
)


def test_entries_headed_like_the_shows_are_other_titles() -> None:
    catalog = read(NEWSLETTER, head=False)
    assert seasons(catalog) == {3: (8, None)}
    assert status(catalog) is None
    # a heading of another shape ("Cast") is a section of the article, not an entry
    text = NEWSLETTER.replace("Dry Creek (Hulu)", "Cast").replace("fifth", "third")
    text = text.replace("with six episodes", "to acclaim")
    assert seasons(read(text, head=False)) == {3: (8, "September 24"), 6: (None, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{SHOW} returns to Peacock on 16 October for a third series.", {3: (None, "October 16")}),
        (f"{SHOW} will be back for series three on 16 October.", {3: (None, "October 16")}),
        (
            f"The third series of {SHOW} starts on BBC One on Sunday 12 October at 9pm.",
            {3: (None, "October 12")},
        ),
        (f"{SHOW} series 3 begins 12th October.", {3: (None, "October 12")}),
        (f"{SHOW} is back on 16 October.", {}),  # back: which season is not said
        ("Filming on series 4 begins 12th October.", {}),
    ],
)
def test_british_returns_and_starts(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_a_list_of_suggestions_names_other_titles() -> None:
    text = (
        "Season 3 is its best yet. All eight episodes arrive October 16.\n\n"
        "If you need more after the finale, try these:\n\n"
        "- Dry Creek: Ann Lee stars as Meg Orr, and the fifth season premiered September 24.\n"
        "- Bodyguard (Hulu): Tom Rye as Jack Orr. Six episodes.\n\n"
        "Season 3 drew 5 million views.\n"
    )
    catalog = read(text)
    assert seasons(catalog) == {3: (8, "October 16")}
    assert catalog.cast == ()
    assert stats(catalog) == {("views", 5_000_000, 3)}  # prose after the list is read
    # "See also" as a heading does the same
    text = text.replace("If you need more after the finale, try these:", "See also")
    assert read(text).cast == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First aired: April 20, 2023", {1: (None, "2023-04-20")}),
        ("Original release: April 20, 2023 – present", {1: (None, "2023-04-20")}),
        ("Release date: October 16, 2025", {}),  # which season's release is not said
        ("Season: 3\nRelease date: October 16, 2025", {3: (None, "2025-10-16")}),
        ("The third season comprises eight hour-long episodes.", {3: (8, None)}),
        ("Seasons: 3\nEpisodes: 22", {}),  # the show's total, no season's count
    ],
)
def test_infobox_keys_and_episode_adjectives(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_a_trade_headline_may_drop_the_titles_article() -> None:
    show = "The Long Table"
    text = "'Long Table' Season 4 Renewal Set at Peacock\n\nPeacock renewed it for a fourth season."
    catalog = extract(text, source_id="t", show=show)
    assert catalog.show is not None and catalog.show.status == "Renewed for Season 4"
    # the words alone, as a common noun, do not name the show
    text = "Ann Lee sets a long table for four\n\nShe renewed her vows for a second time."
    with pytest.raises(ArticleError):
        extract(text, source_id="t", show=show)


def test_the_nth_week_in_the_top_ten_is_n_weeks() -> None:
    assert stats(read("Season 3 spent its fourth week in the Top 10.")) == {
        ("weeks_in_top10", 4, 3)
    }
    assert stats(read("Season 3 is in its fourth week of filming.")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 3 is here. The Old Guard's farewell season drew 5 million views.", set()),
        (
            "Season 3 is here. Ann Lee's third season as Meg Orr drew 5 million views.",
            {("views", 5_000_000, 3)},
        ),
        (
            "Season 3 is here. Peacock's new series pleased fans: the drama drew 5 million views.",
            {("views", 5_000_000, 3)},
        ),
    ],
)
def test_a_possessive_season_is_another_titles_only_when_it_reads_as_one(
    text: str, expected: set
) -> None:
    assert stats(read(text)) == expected


@pytest.mark.parametrize(
    "unit",
    ["Ann Lee Tom Rye's third season ", "Thursday 16 October\n\n", "1. A\n\n", "on Dry Creek, "],
)
def test_the_scoping_rules_take_linear_time(unit: str) -> None:
    body = unit * (200_000 // len(unit))
    start = time.perf_counter()
    with contextlib.suppress(ArticleError):
        read(f"Peacock's {SHOW} returns. " + body)
    assert time.perf_counter() - start < 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S3 dropped on 16 October with eight episodes.", {3: (8, "October 16")}),
        ("S03E01 dropped on 16 October.", {}),  # an episode's code, not a season
    ],
)
def test_a_season_written_short(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Season 4 is already in the works.", "Renewed for Season 4"),
        ("Season 4 is in production in London.", "Renewed for Season 4"),
        ("Peacock has not said whether Season 4 is in the works.", None),
    ],
)
def test_a_season_in_the_works_is_renewed(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Season 3 drew 5 million views, good for the No. 1 spot.",
            {("views", 5_000_000, 3), ("weekly_rank", 1, 3)},
        ),
        ("Season 3 claimed the No. 2 position.", {("weekly_rank", 2, 3)}),
        ("Season 3 drew viewers, putting it at No. 3.", {("weekly_rank", 3, 3)}),
        ("Season 3 is the No. 3 reason to subscribe.", set()),
    ],
)
def test_more_rank_verbs(text: str, expected: set) -> None:
    assert stats(read(text)) == expected


def test_a_concession_does_not_make_a_renewal_undecided() -> None:
    text = "Even if ratings dipped, Peacock has renewed the drama for a fourth season."
    assert status(read(text)) == "Renewed for Season 4"
    text = "Fans wonder if Peacock has renewed the drama for a fourth season."
    assert status(read(text)) is None


def test_a_season_only_compared_with_does_not_change_the_topic() -> None:
    text = (
        "The third season opened strongly. That is well ahead of the second season's debut. "
        "Peacock had the season at No. 1 on its TV list with 5.4 million views."
    )
    assert stats(read(text)) == {("weekly_rank", 1, 3), ("views", 5_400_000, 3)}
    text = text.replace("That is well ahead of the second season's debut", "Season 2 debuted")
    assert stats(read(text)) == {("weekly_rank", 1, 2), ("views", 5_400_000, 2)}


def test_a_premiere_of_a_named_season() -> None:
    text = "The news follows the October 16 premiere of the eight-episode third season."
    assert seasons(read(text)) == {3: (8, "October 16")}


def test_a_title_in_parentheses_names_the_character() -> None:
    text = "Tom Rye (Jack Orr) and Ann Lee (President Meg Orr) will return."
    assert ("Ann Lee", "President Meg Orr") in cast(read(text))
    assert not any(c.person == "President Meg Orr" for c in read(text).cast)


def test_a_stars_return_stands_for_the_show() -> None:
    text = "Season 3 is here. Ann Lee's return drew 5.4 million views."
    assert stats(read(text)) == {("views", 5_400_000, 3)}
    assert stats(read("Season 3 is here. Ann Lee's film drew 5.4 million views.")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # seasons named together, each given the count
            "Seasons 1 and 3 each ran eight episodes, while Season 2 was a tighter six.",
            {1: (8, None), 2: (6, None), 3: (8, None)},
        ),
        ("## Season 4\n\nSeasons 1 and 3 ran 16 episodes between them.", {}),
        (  # an adjective season inside the count, a plural verb of release
            "All eight third-season episodes drop Oct. 16.",
            {3: (8, "October 16")},
        ),
        ("Season 3 is here. Viewing saw a drop on Oct. 16.", {}),
        ("Season 3 is here. The ratings drop on Oct. 16 was steep.", {}),
        ("Series two is a brisk six-parter.", {2: (6, None)}),
        ("Series two is a brisk six-part affair.", {}),
    ],
)
def test_seasons_named_together_and_adjective_seasons(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_a_season_looked_back_on_is_the_topic_to_the_end_of_its_paragraph() -> None:
    text = (
        "Season 3 lands today with all eight episodes.\n\n"
        "We pick up moments after the Season 2 cliffhanger. "
        "The run had six episodes, and it ended well.\n\n"
        "If there is a complaint, it is that eight episodes feel like too few."
    )
    assert seasons(read(text)) == {2: (6, None), 3: (8, None)}
    # named as the topic, not through its ending, the season stays the topic
    text = "Season 3 lands today.\n\nSeason 2 was strong.\n\nIt had six episodes."
    assert seasons(read(text)) == {2: (6, None)}


def test_a_figure_after_another_title_as_a_chart_verbs_subject_is_not_taken() -> None:
    text = (
        "Season 3 took the No. 1 spot with 6.1 million views. Behind it, Dry Creek held at "
        "No. 2 with 4.4 million views, and the docuseries The Ledger debuted at No. 3 with "
        "3.8 million views."
    )
    assert stats(read(text)) == {("weekly_rank", 1, 3), ("views", 6_100_000, 3)}
    text = "Season 3 debuted at No. 1 with 6.1 million views."
    assert stats(read(text)) == {("weekly_rank", 1, 3), ("views", 6_100_000, 3)}


def test_a_heading_naming_no_season_goes_on_with_the_headlines_season() -> None:
    body = "\n\n1. It's almost here\nMark your calendars: all 8 episodes drop Oct. 16.\n"
    assert seasons(read(f"5 Things About {SHOW} Season 3{body}", head=False)) == {
        3: (8, "October 16")
    }
    # a headline naming no season, or two, gives the section none
    assert seasons(read(f"5 Things About {SHOW}{body}", head=False)) == {}
    assert seasons(read(f"{SHOW} Season 3 vs Season 2{body}", head=False)) == {}


def test_a_profile_naming_its_show_as_the_subject_is_about_it() -> None:
    top = "The Talker\n\nAnn Lee spent years on other people's shows.\n\n"
    text = top + f"The show is {SHOW}, the Peacock drama. Season 2 has six episodes.\n"
    assert seasons(read(text, head=False)) == {2: (6, None)}
    # the show only named in passing, not as the subject, is no reason to read the article
    text = top + f"She has not seen {SHOW}, the Peacock drama. Season 2 has six episodes.\n"
    with pytest.raises(ArticleError):
        read(text, head=False)


def test_a_creators_series_and_a_networks_season_stay_the_shows() -> None:
    text = f"{SHOW} came back strong.\n\nCreator Ann Lee's series was renewed for a fourth season."
    assert status(read(text)) == "Renewed for Season 4"
    text = f"{SHOW} came back strong.\n\nDry Creek Lee's series was renewed for a fourth season."
    assert status(read(text)) is None
    text = f"{SHOW} came back strong.\n\nPeacock's Season 3 cast includes Ann Lee as Meg Orr."
    assert {(c.person, c.character) for c in read(text).cast} == {("Ann Lee", "Meg Orr")}
    text = f"{SHOW} came back strong.\n\nDry Creek Season 3 cast includes Ann Lee as Meg Orr."
    assert read(text).cast == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peacock has already confirmed a fourth season.", "Renewed for Season 4"),
        ("Peacock has signed up for a fourth season.", "Renewed for Season 4"),
        ("We've already been told there's a fourth season.", "Renewed for Season 4"),
        ("Peacock has confirmed Season 3 will premiere Oct. 16.", None),  # a date
        ("Nobody has said there is a fourth season.", None),
        ("Peacock has not confirmed a fourth season.", None),
    ],
)
def test_a_season_confirmed_or_said_to_come_is_renewed(text: str, expected: str | None) -> None:
    assert status(read(text)) == expected


def test_today_in_a_dated_article_is_its_date() -> None:
    menus = "".join(f"Menu {n}\n\n" for n in range(8))
    text = f"{menus}{SHOW} Season 3 Review\n\nBy Ann Lee\n\nPublished Oct 16, 2025\n\n"
    text += "Season 3 lands on Peacock today with all eight episodes.\n"
    assert seasons(read(text, head=False)) == {3: (8, "2025-10-16")}
    # an article with no date of its own: "today" is no day
    assert seasons(read("Season 3 lands on Peacock today with all eight episodes.")) == {
        3: (8, None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its second season premiered last Oct. 31.", {2: (None, "October 31")}),
        ("Its second season premiered last week.", {}),
    ],
)
def test_a_date_said_as_last_month_day(text: str, expected: dict) -> None:
    assert seasons(read(text)) == expected


def test_an_ordinal_opening_the_next_sentence_is_a_season() -> None:
    text = (
        "It has always been a talker. Its first series arrived in April 2023. "
        "The second, a brisk six-parter, ended with a heart attack."
    )
    assert seasons(read(text)) == {1: (None, "2023-04"), 2: (6, None)}
    # in a new paragraph, with no season named just before, "the second" is no season
    text = "Its first series arrived in April 2023.\n\nThe second, a brisk six-parter, ended."
    assert seasons(read(text)) == {1: (None, "2023-04")}


def test_weeks_said_without_weeks_after_a_count_of_weeks() -> None:
    text = (
        "Its first season spent six weeks in the Top 10, and its second season, which "
        "premiered October 31, 2024, spent five."
    )
    assert stats(read(text)) == {("weeks_in_top10", 6, 1), ("weeks_in_top10", 5, 2)}
    # with no count of weeks before, "spent five" is five of nothing said
    text = "Its second season, which premiered October 31, 2024, spent five."
    assert stats(read(text)) == set()


def test_a_round_up_entry_and_a_character_of_another_title_are_out_of_scope() -> None:
    def cast(text: str) -> set[tuple[str, str | None]]:
        return {(c.person, c.character) for c in read(f"{SHOW} is back.\n\n{text}").cast}

    assert (
        cast("Dry Creek (BBC One, Sunday 19 October, 9pm) ★★★ – Bo Li stars as Meg Orr.") == set()
    )
    assert cast("Ann Lee (Meg Orr) – Ann Lee stars as Meg Orr.") == {("Ann Lee", "Meg Orr")}
    text = "Not since Bo Li's Meg Orr stalked the corridors in The Other Thing has it been so good."
    assert cast(text) == set()
    assert cast("Ann Lee's Meg Orr stalks the corridors in episode four.") == {
        ("Ann Lee", "Meg Orr")
    }


def test_the_series_a_person_created_is_no_other_title() -> None:
    def cast(text: str) -> set[tuple[str, str | None]]:
        return {(c.person, c.character) for c in read(f"{SHOW} is back.\n\n{text}").cast}

    assert cast("The series Ann Lee created is a marriage. Bo Li plays Meg Orr.") == {
        ("Bo Li", "Meg Orr")
    }
    assert cast("The series Dry Creek is a marriage. Bo Li plays Meg Orr.") == set()


def test_a_table_with_bars_of_its_own_and_seasons_named_in_its_cells() -> None:
    text = (
        "Appearances\n\n"
        "Season   | Premiered          | Episodes | Ivy appears in\n"
        "Season 1 | April 20, 2023     | 8        | 8 of 8\n"
        "Series two | October 31, 2024 | 6        | 6 of 6\n"
    )
    assert seasons(read(text)) == {1: (8, "2023-04-20"), 2: (6, "2024-10-31")}


def test_a_trailer_s_views_are_not_the_show_s() -> None:
    text = "Season 3 arrives Oct. 16. The trailer has already crossed 11 million views on YouTube."
    assert stats(read(text)) == set()


def test_the_new_episodes_are_the_season_just_named() -> None:
    text = (
        "Season three's 36.9 million hours work out to 5.2 million views, a bigger opening than "
        "series two managed, and the new episodes reached the top ten in 79 countries."
    )
    assert ("top10_countries", 79, 3) in stats(read(text))


def test_a_season_only_compared_with_is_not_the_figure_s_after_it() -> None:
    text = (
        "Season 3 opened at No. 1. Hours are up, though not to Season 1 levels: 38.9 million "
        "hours against 57.1 million for the 2023 opening weekend."
    )
    assert ("hours_viewed", 38_900_000, 1) not in stats(read(text))


def test_one_country_s_chart_is_not_the_weekly_list() -> None:
    text = "Season 3 shot straight to No1 in the UK chart on Peacock within hours of landing."
    assert stats(read(text)) == set()


def test_the_cast_returning_on_a_listing_s_day_is_no_premiere() -> None:
    text = (
        "THE WATCHLIST\n\nThursday, Oct. 16, 2025\n\n1. THE BIG ONE: "
        f"{SHOW}, Season 3 (Peacock)\n\nAll eight episodes drop today. Season 2 was just six "
        "episodes.\n\n- Mia Long is back as Ivy Cole, and Bo Li and Tia Rowe — all return.\n"
    )
    assert seasons(read(text, head=False)) == {2: (6, None), 3: (8, "2025-10-16")}


def test_that_run_is_the_season_the_sentence_before_compared_with() -> None:
    text = (
        "Series three opened with 5.2m views. It is a stronger opening than series two managed "
        "last autumn. That six-episode run, which arrived on 31 October 2024, opened with 3.9m "
        "views, and it went on to spend five weeks in the Top 10."
    )
    catalog = read(text)
    assert seasons(catalog) == {2: (6, "2024-10-31")}
    assert stats(catalog) == {
        ("views", 5_200_000, 3),
        ("views", 3_900_000, 2),
        ("weeks_in_top10", 5, 2),
    }


def test_a_season_s_number_before_episodes_is_no_count() -> None:
    catalog = read(
        "Peacock renewed it for a fourth season. All eight Season 3 episodes drop Oct. 16."
    )
    assert all(count != 3 for count, _ in seasons(catalog).values())
