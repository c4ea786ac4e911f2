"""People rules, one phrasing at a time: each general phrasing real coverage uses, read
from one invented sentence, beside a near miss that must give nothing."""

from __future__ import annotations

import pytest

from diplomat_tui.article import extract
from diplomat_tui.model import Catalog

from helpers.articles import SHOW, known_for, pairs, read


def roles(catalog: Catalog) -> dict[str, set[str]]:
    return {c.person: set(c.roles) for c in catalog.crew}


# ------------------------------------------------------------- actor and character


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between the actor and the verb
        ("Mia Long, 49, plays Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        (
            "Eve Sol, so good in The Legend of Sam Dunn, returns as Ivy Cole.",
            {("Eve Sol", "Ivy Cole")},
        ),
        ("Mia Long - fresh from Dry Creek - is back as Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        # a relative clause
        ("Mia Long, who plays Ivy Cole, was nominated.", {("Mia Long", "Ivy Cole")}),
        ("Mia Long, who played Ivy Cole last season, is back.", {("Mia Long", "Ivy Cole")}),
        # more verbs of arrival
        ("Bo Li arrives as her husband, Sam Dunn.", {("Bo Li", "Sam Dunn")}),
        ("Then Bo Li shows up as her husband, Sam Dunn.", {("Bo Li", "Sam Dunn")}),
        # dotted capitals before the character
        (
            "Mia Long, who stars as U.S. Ambassador Ivy Cole, won.",
            {("Mia Long", "Ambassador Ivy Cole")},
        ),
        # "on <Network>'s <Show>" is the show
        (
            f"Mia Long, who plays Ivy Cole on Peacock's {SHOW}, won.",
            {("Mia Long", "Ivy Cole")},
        ),
        ("Ivy Cole, played with relish by Mia Long, resigns.", {("Mia Long", "Ivy Cole")}),
        ("Season 2, which added Mia Long, was short.", {("Mia Long", None)}),
        ("Filming is underway, with Mia Long joining the cast.", {("Mia Long", None)}),
        (
            "Hollywood favourite Mia Long is now President Ivy Cole, and rightly so.",
            {("Mia Long", "President Ivy Cole")},
        ),
        ("Then came Bo Li as the new First Gentleman, Sam Dunn.", {("Bo Li", "Sam Dunn")}),
        ("Bo Li's British prime minister, Sam Dunn, is a weasel.", {("Bo Li", "Sam Dunn")}),
        ("It stars Bo Li as British foreign secretary Sam Dunn.", {("Bo Li", "Sam Dunn")}),
        # casting news
        ("Mia Long is set to play Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        ("Mia Long has been cast as Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        ("Mia Long takes on the role of Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        ("Mia Long stepped into the part of Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        # "played by" keeps the actor and the character apart
        ("President Ivy Cole, played by Mia Long, resigns.", {("Mia Long", "President Ivy Cole")}),
    ],
)
def test_actor_and_character(text: str, expected: set[tuple[str, str | None]]) -> None:
    assert pairs(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a role is no character, nor is the next pair's actor
        "Bo Li is now Executive Producer.",
        "It stars Bo Li as the Ambassador, Ann Lee as Meg Orr.",
        # the end of a title is no actor
        "Fans of The Legend of Sam Dunn returns as Ivy Cole, the joke goes.",
        # a past role in another title
        "Mia Long, who played Meg Orr for six years on Dry Creek, is thrilled.",
        "Mia Long, who landed the role of Meg Orr in Dry Creek, is thrilled.",
        "Mia Long, who plays Meg Orr on Hulu's Dry Creek, is thrilled.",
        # capitals before the character are no name
        "Bo Li is back as fiery US envoy.",
    ],
)
def test_actor_and_character_near_misses(text: str) -> None:
    catalog = read(text)
    assert ("Mia Long", "Meg Orr") not in pairs(catalog)
    assert ("Bo Li", "Ann Lee") not in pairs(catalog)
    assert "Sam Dunn" not in {c.person for c in catalog.cast}
    assert ("Bo Li", "US") not in pairs(catalog)
    assert ("Bo Li", "Executive Producer") not in pairs(catalog)


@pytest.mark.parametrize(
    "text",
    [
        # a place after a determiner is no actor
        "Dry Creek put Ann Lee in the White House as Meg Orr.",
        # another title's cast, given by the title as the sentence's subject
        "Dry Creek gave us Ann Lee's Meg Orr and Jo Park as Sam Dunn.",
        # an owner of a title after "in"
        "You may spot her in Ann Lee's Blue Canyon.",
        # two pairs joined: who plays whom is not said one by one
        "Season two earned nods for Ann Lee and Jo Park as Meg Orr and Sam Dunn.",
        # a clause about another title
        "She ran the room on Dry Creek, where Ann Lee's Meg Orr ruled.",
        # a credit list inside the description of another title
        "Dry Creek, the rom-com starring Ann Lee and Jo Park, was next.",
        # another title opening the sentence with its cast
        "Dry Creek, with Ann Lee as Secretary of State Meg Orr, was sturdy.",
        "Dry Creek, starring Ann Lee and Jo Park, was sturdy.",
    ],
)
def test_pairs_about_other_titles_are_doubtful(text: str) -> None:
    assert read(text).cast == ()


def test_a_pair_after_of_and_a_sentence_opening_with_a_person_are_read() -> None:
    catalog = read(f"{SHOW} is set in Belfast, where Mia Long's Ivy Cole runs the port.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}  # a place, not another title
    catalog = read("Bo Li plays the husband of Mia Long's Secretary of State Ivy Cole.")
    assert ("Mia Long", "Ivy Cole") in pairs(catalog)
    catalog = read("Bo Li plays the husband of Mia Long's Ivy Cole.")
    assert ("Mia Long", "Ivy Cole") in pairs(catalog)
    assert pairs(read("Mia Long brings warmth to Ivy Cole, and Bo Li's Sam Dunn shines.")) == {
        ("Bo Li", "Sam Dunn")
    }


def test_people_listed_with_their_shows_are_not_characters() -> None:
    catalog = read("She faces Ann Lee (Blue Line), Jo Park (The Long Road) and Eve Sol (Red Sky).")
    assert pairs(catalog) == set()
    catalog = read("Ivy Cole (Mia Long) meets Sam Dunn (Bo Li) in Episode 2 (Night Shift).")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole"), ("Bo Li", "Sam Dunn")}


# ----------------------------------------------------------------------- crew


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role in a relative clause, or after an aside
        (
            "Maren Holt, who created the series and serves as its showrunner, spoke.",
            {"creator", "showrunner"},
        ),
        ("Maren Holt, who serves as showrunner, spoke.", {"showrunner"}),
        (
            'Maren Holt, who previously worked on "Blue Line," is also the show\'s showrunner.',
            {"showrunner"},
        ),
        # a pronoun for the one person the sentence before named
        (
            f"{SHOW} was created by Maren Holt. She is also the showrunner.",
            {"creator", "showrunner"},
        ),
        # a description for the person the sentence before began with
        (
            f"Maren Holt has run it for years. The creator and showrunner of {SHOW} spoke to us.",
            {"creator", "showrunner"},
        ),
        # an episode's credits
        (
            "The pilot, written by creator Maren Holt and directed by Jo Park, is superb.",
            {"creator", "writer"},
        ),
        ("Maren Holt wrote the finale too.", {"writer"}),
    ],
)
def test_crew_roles(text: str, expected: set[str]) -> None:
    assert roles(read(text)).get("Maren Holt") == expected


def test_an_episodes_director() -> None:
    assert roles(read("Maren Holt wrote it, with Jo Park behind the camera.")) == {
        "Jo Park": {"director"}
    }
    assert roles(read("The pilot was directed by Jo Park.")) == {"Jo Park": {"director"}}


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun with two people before it
        "The panel brought Maren Holt and Jo Park together. She is also the showrunner.",
        # the creator of another title
        "Maren Holt has run it for years. The creator of Dry Creek spoke to us.",
        # a relative clause about something else than a role
        "Maren Holt, who serves as a mentor, spoke.",
    ],
)
def test_crew_roles_near_misses(text: str) -> None:
    assert "showrunner" not in roles(read(text)).get("Maren Holt", set())
    assert "creator" not in roles(read(text)).get("Maren Holt", set())


def test_credits_of_another_title_are_not_the_shows() -> None:
    assert roles(read("Second Screen is produced by Lena Ortiz.")) == {}
    assert roles(read("The series is produced by Lena Ortiz.")) == {"Lena Ortiz": {"producer"}}


# ----------------------------------------------------------------- known for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quoted titles, and a clause between two of them
        (
            'Mia Long plays Ivy Cole. Long, who previously worked on "Blue Line" and "Red '
            'Earth," is also a producer.',
            {"Blue Line", "Red Earth"},
        ),
        (
            "Mia Long plays Ivy Cole. Her credits include Blue Line, where she was a writer, "
            "and Red Earth.",
            {"Blue Line", "Red Earth"},
        ),
        # where a career began
        ("Mia Long plays Ivy Cole. Long first became famous on Blue Line.", {"Blue Line"}),
        (
            "Mia Long plays Ivy Cole. Long spent six seasons as a spy on Blue Line.",
            {"Blue Line"},
        ),
        # the explainer's "you may know her from", and "known for playing X in Y"
        (
            "Mia Long plays Ivy Cole. You may know her from Blue Line and from Peacock's Red "
            "Earth.",
            {"Blue Line", "Red Earth"},
        ),
        (
            "Mia Long plays Ivy Cole. Before this, she was best known for playing agent Meg "
            "Orr in FX's Blue Line.",
            {"Blue Line"},
        ),
        (
            "Mia Long plays Ivy Cole. She appeared in Blue Line and The Path.",
            {"Blue Line", "The Path"},
        ),
        # a title before an epithet
        ("The Long Road star Mia Long plays Ivy Cole.", {"The Long Road"}),
        # fame, and a role placed in a title after an appositive or a network's description
        (
            "Mia Long plays Ivy Cole. Long became a star as the title character in The "
            "WB's college drama Blue Line.",
            {"Blue Line"},
        ),
        (
            "Mia Long plays Ivy Cole. Fans know her best as Meg Orr, the spy next door, in "
            "FX's Blue Line.",
            {"Blue Line"},
        ),
        (
            "Mia Long plays Ivy Cole. She has turned up in Mission: Impossible III and Red Sky.",
            {"Mission: Impossible III", "Red Sky"},
        ),
        ("Mia Long plays Ivy Cole. Long won two Emmys as Meg Orr on Blue Line.", {"Blue Line"}),
        (
            "Mia Long plays Ivy Cole. Long wrote for Peacock before moving on to Blue Line "
            "and Red Sky.",
            {"Blue Line", "Red Sky"},
        ),
        ("Mia Long, so good in Blue Line, plays Ivy Cole.", {"Blue Line"}),
        (
            "Mia Long plays Ivy Cole. Long, who won in 1999 for Blue Line, was nominated twice "
            "for FX's Red Sky.",
            {"Blue Line", "Red Sky"},
        ),
        # the pronoun stands for the one person the sentence before named
        (
            "Ivy Cole, the envoy, is played by Mia Long. She played the spy Meg Orr in "
            "HBO's Blue Line.",
            {"Blue Line"},
        ),
    ],
)
def test_known_for(text: str, expected: set[str]) -> None:
    assert known_for(read(text)).get("Mia Long") == expected


@pytest.mark.parametrize(
    "text",
    [
        # the show itself and its parts are no other credit
        f"Mia Long plays Ivy Cole. She appeared in {SHOW} and in Season 2.",
        # a pronoun with nobody before it to stand for
        "You may know her from Blue Line. Mia Long plays Ivy Cole.",
        # no title opening with "The" before the epithet
        "Hollywood star Mia Long plays Ivy Cole.",
        # "known as" a character with no title after it
        "Mia Long plays Ivy Cole. Fans know her as Ivy.",
        # an episode's quoted title after a show's is no second credit (the show is one)
        'Mia Long plays Ivy Cole. Her credits include an episode of Harbour Lights, "Red Sky."',
        # a pronoun with two people named before it
        "Ivy Cole meets Mia Long and Bo Li. She played Meg Orr in Blue Line.",
    ],
)
def test_known_for_near_misses(text: str) -> None:
    assert known_for(read(text)).get("Mia Long") is None


def test_a_pair_named_before_shares_a_title() -> None:
    catalog = read(
        "Mia Long plays Ivy Cole and Bo Li plays Sam Dunn. The two actors previously "
        'starred together for seven seasons on NBC\'s "Blue Line."'
    )
    assert known_for(catalog) == {"Mia Long": {"Blue Line"}, "Bo Li": {"Blue Line"}}
    catalog = read("Mia Long plays Ivy Cole. The pair spent seven seasons together on Blue Line.")
    assert known_for(catalog) == {}  # one person named: no pair


def test_an_interviews_you_is_the_interviewee() -> None:
    text = (
        f"Mia Long on {SHOW} and Ivy Cole\n\nMia Long plays Ivy Cole in the new season.\n\n"
        "Q: You came up through Blue Line.\n\nA: I did. I was a writer on Red Earth, too."
    )
    catalog = extract(text, source_id="t", show=SHOW)
    assert known_for(catalog) == {"Mia Long": {"Blue Line", "Red Earth"}}
    # without the interview's headline nobody is "you"
    catalog = read("Mia Long plays Ivy Cole.\n\nQ: You came up through Blue Line.")
    assert known_for(catalog) == {}


def test_a_transcripts_i_is_whoever_speaks() -> None:
    catalog = read(
        "Mia Long plays Ivy Cole.\n\n"
        "[00:01:02] JO PARK: Welcome back. I was a writer on Red Sky, once.\n\n"
        "[00:01:09] MIA LONG: Thank you. I spent six seasons on Blue Line.\n\n"
        "[00:01:20] JO PARK: You came up through The Long Road too."
    )
    # the host is not credited: the one credited speaker is the guest, "you" to the host
    assert known_for(catalog) == {"Mia Long": {"Blue Line", "The Long Road"}}


def test_a_chart_or_a_year_is_no_credit() -> None:
    catalog = read("Mia Long plays Ivy Cole. Long's drama appeared in Peacock's Top 10 in 2019.")
    assert known_for(catalog) == {}


def test_a_real_relative_or_colleague_is_no_character() -> None:
    catalog = read(
        "It stars Mia Long as Ivy Cole. Long's father, Roy Long, was a comedian. Long's "
        "co-star Bo Li is superb. Mia Long's on-screen husband, Sam Dunn, is not."
    )
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}


def test_episode_credits_of_another_title_and_counts() -> None:
    assert roles(read("Jo Park, who directed three episodes, is back.")) == {
        "Jo Park": {"director"}
    }
    assert roles(read("Jo Park directed the pilot of Dry Creek.")) == {}


def test_a_place_after_a_career_phrase_is_no_title() -> None:
    catalog = read("Eve Sol joins as Kit Marr. She is best known for playing a nurse in London.")
    assert known_for(catalog) == {}


def test_another_title_that_stars_someone_is_not_the_show() -> None:
    catalog = read("It stars Mia Long. Elsewhere on the chart, Red Sky stars Ann Lee as Meg Orr.")
    assert pairs(catalog) == {("Mia Long", None)}


def test_a_pronoun_wrote_or_directed_an_episode() -> None:
    catalog = read(
        "Series creator Maren Holt, who previously worked on Dry Creek, is also the "
        "showrunner. She wrote the finale."
    )
    assert roles(catalog) == {"Maren Holt": {"creator", "showrunner", "writer"}}
    catalog = read("It is created by Maren Holt. She directed the pilot of Dry Creek.")
    assert roles(catalog) == {"Maren Holt": {"creator"}}


def test_a_short_form_of_a_character_named_in_full_is_kept() -> None:
    known = read("It stars Mia Long as Ivy Cole.")
    catalog = read("And then there's Mia Long as Ivy.", known=known)
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    catalog = read("Mia Long plays Ivy Cole. Fans love Mia Long as Ivy.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    # a word no character is named by is no character
    assert pairs(read("And then there's Mia Long as Ambassador.")) == set()


def test_a_question_states_no_credit() -> None:
    known = read("It stars Mia Long as Ivy Cole.")
    assert pairs(read("Wait, is Ivy played by Bo Li??", known=known)) == set()
    catalog = read("This season Mia Long's Ivy Cole is president. How did that go?")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}


def test_on_the_show_since_and_a_title_owning_a_character() -> None:
    catalog = read(
        "Mia Long, who won four Emmys as Blue Line's Meg Orr, has been on the show since "
        "season two as Ivy Cole. She wrote for Red Sky in its later years."
    )
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    assert known_for(catalog) == {"Mia Long": {"Blue Line", "Red Sky"}}
    # a person owning a title is no title: "in Ann Lee's Dry Creek"
    catalog = read("Mia Long plays Ivy Cole. You may spot her in Ann Lee's Dry Creek.")
    assert known_for(catalog) == {"Mia Long": {"Dry Creek"}}


def test_words_ending_a_phrase_are_no_name() -> None:
    # "(Sort Of)" after a character is no actor in parentheses
    catalog = read("Ivy Cole Goes to Washington (Sort Of) is the season's theme.")
    assert pairs(catalog) == set()
    assert pairs(read("Ivy Cole (Mia Long) opens the door.")) == {("Mia Long", "Ivy Cole")}


def test_a_recaps_guest_star_parenthesis_and_an_honorific() -> None:
    catalog = read(
        "It stars Mia Long. Commander Ruth Abara (guest star Tilda Grange) arrives. Also "
        "starring: Noor Haddad as Dr. Amal Reyes."
    )
    credits = {(c.person, c.character, c.billing) for c in catalog.cast}
    assert ("Tilda Grange", "Commander Ruth Abara", "guest") in credits
    assert ("Noor Haddad", "Amal Reyes", "main") in credits
    # a parenthesis of words is no actor
    assert pairs(read("Commander Ruth Abara (guest star) waits.")) == set()


def test_went_on_to_a_title_or_to_write_for_one() -> None:
    catalog = read(
        "It is created by Maren Holt. Maren Holt began as a writer on Blue Line and went on "
        "to write and produce Red Sky, Dry Creek and The Long Road."
    )
    assert known_for(catalog) == {
        "Maren Holt": {"Blue Line", "Red Sky", "Dry Creek", "The Long Road"}
    }


def test_a_pronoun_after_a_short_phrase_and_a_chain_of_pronouns() -> None:
    catalog = read(
        "Mia Long plays Ivy Cole. Long became a star on Blue Line. Viewers know her best as "
        "the spy next door. "
        "On the big screen she has turned up in Red Sky and Dawn of the Planet of the Apes."
    )
    assert known_for(catalog) == {
        "Mia Long": {"Blue Line", "Red Sky", "Dawn of the Planet of the Apes"}
    }
    # another person named in between breaks the chain
    catalog = read(
        "Mia Long plays Ivy Cole. Long became a star on Blue Line. Bo Li knows her well. On "
        "the big screen she "
        "has turned up in Red Sky."
    )
    assert "Red Sky" not in known_for(catalog).get("Mia Long", set())


def test_an_interviews_you_and_i_take_roles_and_careers() -> None:
    text = (
        f"Mia Long on {SHOW}: 'Ivy Is Tired'\n\nMia Long plays Ivy Cole.\n\n"
        "Q: You're also an executive producer this time.\n\nA: I am. It means more calls.\n\n"
        "Q: Before this, you were on Blue Line for five years.\n\nA: Six, actually."
    )
    catalog = extract(text, source_id="t", show=SHOW)
    assert roles(catalog) == {"Mia Long": {"executive producer"}}
    assert known_for(catalog) == {"Mia Long": {"Blue Line"}}
    # outside an interview, nobody is "you"; and "was on X" without how long is no career
    catalog = read("Mia Long plays Ivy Cole. You're also an executive producer, I hear.")
    assert roles(catalog) == {}
    assert known_for(read("Mia Long plays Ivy Cole. She was on Blue Line last night.")) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It stars Mia Long. Long is a treat as the slippery Ivy Cole.",
            {("Mia Long", "Ivy Cole")},
        ),
        ("It stars Mia Long. Long remains superb as Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        ("It stars Mia Long. Long pops up again as Ivy Cole.", {("Mia Long", "Ivy Cole")}),
        (
            "It stars Mia Long. Mia Long brings a wounded decency to Foreign Secretary Ivy Cole.",
            {("Mia Long", "Foreign Secretary Ivy Cole")},
        ),
        (
            "The newcomer is Bo Li, Long's old sparring partner from Red Sky, who arrives as "
            "Sam Dunn.",
            {("Bo Li", "Sam Dunn")},
        ),
    ],
)
def test_a_reviews_actor_and_character(text: str, expected: set[tuple[str, str | None]]) -> None:
    assert pairs(read(text)) >= expected


def test_a_reviews_near_misses() -> None:
    catalog = read("It stars Mia Long and Bo Li. Long is every bit as good as Bo Li here.")
    assert pairs(catalog) == {("Mia Long", None), ("Bo Li", None)}
    catalog = read("It stars Bo Li. Bo Li brings his charm to Los Angeles in the finale.")
    assert pairs(catalog) == {("Bo Li", None)}
    catalog = read("It stars Mia Long. Long is known as a perfectionist.")
    assert pairs(catalog) == {("Mia Long", None)}
    catalog = read("It stars Mia Long. Long is With Peacock as Ivy Cole.")  # no adjective
    assert pairs(catalog) == {("Mia Long", None)}


def test_two_people_in_a_title_together() -> None:
    catalog = read(
        "It stars Mia Long and Bo Li. Long and Li last shared a screen in Red Sky. "
        "Long's castmate from Blue Line, Jo Park, visits."
    )
    assert known_for(catalog) == {"Mia Long": {"Red Sky"}, "Bo Li": {"Red Sky"}}
    catalog = read("It stars Mia Long and Bo Li. Li and Long spent years together on Red Sky.")
    assert known_for(catalog) == {"Mia Long": {"Red Sky"}, "Bo Li": {"Red Sky"}}


def test_a_title_without_the_before_an_epithet_is_the_one_written_in_full() -> None:
    catalog = read(
        "It is the best drama since The Long Road. Long Road legend Bo Li joins as Sam Dunn."
    )
    assert known_for(catalog) == {"Bo Li": {"The Long Road"}}
    # a word no title is written as ("Hollywood") is no credit
    catalog = read("Hollywood favourite Mia Long joins as Ivy Cole. Red Sky star Bo Li too.")
    assert known_for(catalog) == {}


def test_an_interviews_guest_named_in_its_introduction() -> None:
    text = (
        f"Ten Questions About {SHOW}\n\nWe sat down with Mia Long, who plays Ivy Cole.\n\n"
        "Q: You came up through Blue Line.\n\nA: I did."
    )
    assert known_for(extract(text, source_id="t", show=SHOW)) == {"Mia Long": {"Blue Line"}}
    # an introduction that names nobody as the guest leaves "you" unknown
    text = (
        f"Ten Questions About {SHOW}\n\nMia Long plays Ivy Cole.\n\n"
        "Q: You came up through Blue Line.\n\nA: I did."
    )
    assert known_for(extract(text, source_id="t", show=SHOW)) == {}


def test_a_castmate_from_a_title() -> None:
    catalog = read(
        "It stars Mia Long and Bo Li, after The Long Road. Bo Li joined this season, "
        "reuniting him with his Long Road castmate Mia Long."
    )
    assert known_for(catalog) == {"Mia Long": {"The Long Road"}, "Bo Li": {"The Long Road"}}
    # a title the article never writes in full is not taken from the castmate phrase
    catalog = read("It stars Mia Long and Bo Li. Bo Li joins his Red Sky castmate Mia Long.")
    assert known_for(catalog) == {}


def test_a_title_shared_by_a_pair_or_a_fellow_alumnus() -> None:
    cast = "It stars Mia Long as Ivy Cole and Bo Li as Sam Cole, after The Long Road.\n\n"
    both = {"Mia Long": {"The Long Road"}, "Bo Li": {"The Long Road"}}
    catalog = read(
        cast + "Mia Long and Bo Li reunite. The former Long Road co-stars play a couple."
    )
    assert known_for(catalog) == both
    catalog = read(cast + "Bo Li, Long's old colleague from The Long Road, plays her husband.")
    assert known_for(catalog) == both
    catalog = read(cast + "Bo Li, another Long Road alumnus, plays her husband.")
    assert known_for(catalog) == {"Bo Li": {"The Long Road"}}
    # no pair named before the epithet: nobody is given the title
    assert known_for(read(cast + "Watching the two Long Road veterans spar is a joy.")) == {}


def test_careers_said_as_crafts_seasons_and_castmates_from_elsewhere() -> None:
    cast = "It stars Mia Long as Ivy Cole, and was created by Jo Park. The Long Road ended.\n\n"
    catalog = read(cast + "Park cut her teeth writing on The Long Road and then Red Sky.")
    assert known_for(catalog) == {"Jo Park": {"The Long Road", "Red Sky"}}
    catalog = read(cast + "Park learned her craft writing for Red Sky or The Long Road.")
    assert known_for(catalog) == {"Jo Park": {"The Long Road", "Red Sky"}}
    catalog = read(cast + "Fans have missed Long since her six seasons as a spy in Red Sky.")
    assert known_for(catalog) == {"Mia Long": {"Red Sky"}}
    # a castmate the article does not credit: the title is only the one before's
    catalog = read(cast + "Long, married to her former Long Road co-star Tom Bell, said so.")
    assert known_for(catalog) == {"Mia Long": {"The Long Road"}}


def test_more_credit_lists() -> None:
    catalog = read("The pilot was written and directed by Jo Park.")
    assert roles(catalog) == {"Jo Park": {"writer", "director"}}
    catalog = read("Mia Long serves as an executive producer alongside Jo Park and Bo Li.")
    assert roles(catalog) == {r: {"executive producer"} for r in ("Mia Long", "Jo Park", "Bo Li")}
    assert roles(read("EPs include Jo Park and Bo Li.")) == {
        "Jo Park": {"executive producer"},
        "Bo Li": {"executive producer"},
    }
    # "directed by" after "written and" is not a second list
    assert roles(read("It was written by Jo Park and directed by Bo Li.")) == {
        "Jo Park": {"writer"},
        "Bo Li": {"director"},
    }


def test_more_cast_phrasings() -> None:
    catalog = read("Mia Long reprises her role as Ivy Cole. It stars Mia Long alongside Bo Li.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole"), ("Bo Li", None)}
    catalog = read("The cast is rounded out by Bo Li and Eve Sol.")
    assert pairs(catalog) == {("Bo Li", None), ("Eve Sol", None)}
    catalog = read("Returning faces include Bo Li as British foreign secretary Sam Dunn.")
    assert pairs(catalog) == {("Bo Li", "Sam Dunn")}
    # "rounded out by" another title's cast is not the show's
    catalog = read("Dry Creek, the rom-com rounded out by Bo Li, was next.")
    assert pairs(catalog) == set()


def test_actor_character_parentheses_beside_a_known_character_are_characters() -> None:
    known = read("It stars Mia Long as Ivy Cole and Bo Li.")
    catalog = read("Mia Long (Ivy Cole) will return, along with Bo Li (Sam Dunn).", known=known)
    assert ("Bo Li", "Sam Dunn") in pairs(catalog)
    assert known_for(catalog) == {}
    # with no known character beside it, "Person (Name)" stays what else they were in
    catalog = read("Bo Li (Red Sky) will return.", known=known)
    assert known_for(catalog) == {"Bo Li": {"Red Sky"}}


def test_trade_news_of_hires() -> None:
    catalog = read(
        f"Peacock's {SHOW} has tapped Jo Park to serve as co-showrunner. Park works with "
        "creator Maren Holt, who remains showrunner. Lena Ortiz has been tapped to direct the "
        "first two episodes. Sam Ferris joins as an executive producer. Ada Lindqvist will "
        "write and executive produce. Bo Li has signed on to play Sam Dunn."
    )
    assert roles(catalog) == {
        "Jo Park": {"showrunner"},
        "Maren Holt": {"creator", "showrunner"},
        "Lena Ortiz": {"director"},
        "Sam Ferris": {"executive producer"},
        "Ada Lindqvist": {"writer", "executive producer"},
    }
    assert pairs(catalog) == {("Bo Li", "Sam Dunn")}


def test_trade_news_of_hires_near_misses() -> None:
    catalog = read(
        "Lena Ortiz was hired to direct Dry Creek. Jo Park will write a memoir. Sam Ferris "
        "joins as a producer of Red Sky. Ada Lindqvist will serve as a director's assistant."
    )
    assert roles(catalog) == {}


def test_a_newcomer_beside_a_known_actor_and_character_is_an_actor() -> None:
    known = read("It stars Mia Long as Ivy Cole.")
    catalog = read("Mia Long (Ivy Cole) returns, and Ann Lee (Meg Orr) joins.", known=known)
    assert ("Ann Lee", "Meg Orr") in pairs(catalog)
    assert "Meg Orr" not in {c.person for c in catalog.cast}
    # a recap's "Character (Actor)" with nothing known stays character first
    assert pairs(read("Meg Orr (Ann Lee) opens the door.")) == {("Ann Lee", "Meg Orr")}


def test_a_credit_list_of_one_word_titles_splits_at_each_comma() -> None:
    catalog = read(
        "Mia Long plays Ivy Cole. Long, whose credits include Interstellar, Cloud Atlas and "
        "Dry Creek, spoke."
    )
    assert known_for(catalog) == {"Mia Long": {"Interstellar", "Cloud Atlas", "Dry Creek"}}
    # near miss: a comma after one letter is inside the title
    catalog = read("Mia Long plays Ivy Cole. She won an Oscar for I, Tonya.")
    assert known_for(catalog) == {"Mia Long": {"I, Tonya"}}


def test_a_description_after_a_or_an_is_no_character() -> None:
    assert pairs(read("Ann Lee stars as a Cornish coastguard.")) == set()
    assert pairs(read("Ann Lee plays an Irish nurse.")) == set()
    # near miss: the name after the description's comma is the character
    assert pairs(read("Ann Lee plays a grieving widow, Meg Orr.")) == {("Ann Lee", "Meg Orr")}


def test_a_possessive_pair_placed_later_in_another_title_is_left_out() -> None:
    text = "Not since Bo Li's Sam Dunn stalked the halls in The Long Road has anyone been so sly."
    assert pairs(read(text)) == set()
    # near miss: a place, or the show itself, later in the clause
    assert pairs(read("Mia Long's Ivy Cole arrives in London.")) == {("Mia Long", "Ivy Cole")}
    catalog = read(f"Mia Long's Ivy Cole shines in The {SHOW} finale.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}


def test_a_title_cased_headline_phrase_is_no_name() -> None:
    catalog = read(f"{SHOW} Tops Netflix, While Dry Creek Catches Up With September's Big Hits.")
    assert pairs(catalog) == set()
    # near miss: a plain name in the same form
    assert pairs(read("Mia Long's Ivy Cole is back.")) == {("Mia Long", "Ivy Cole")}


def test_a_press_releases_cast_block() -> None:
    catalog = read("Cast:\nMia Long — Ivy Cole\nBo Li – Prime Minister Sam Dunn\n\nMore soon.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole"), ("Bo Li", "Prime Minister Sam Dunn")}
    # near miss: the same lines with no "Cast:" line, or under "Crew:"
    assert pairs(read("Mia Long — Ivy Cole\nBo Li — Sam Dunn\n")) == set()
    assert pairs(read("Crew:\nAnn Lee — Lead Director\n")) == set()


def test_a_past_role_on_the_show_itself_is_the_shows() -> None:
    text = f"For three seasons, Mia Long has played Ivy Cole on Netflix's {SHOW}, a thriller."
    assert pairs(read(text)) == {("Mia Long", "Ivy Cole")}
    # near miss: a past role on another title
    assert pairs(read("Mia Long played Ivy Cole for years on Dry Creek.")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a what-we-know piece: who is expected back
        ("Mia Long, who joined last season, should return as Ivy Cole.", ("Mia Long", "Ivy Cole")),
        ("Mia Long is expected back as Ivy Cole.", ("Mia Long", "Ivy Cole")),
        # a review: an arrival with a word of when
        ("Mia Long turns up mid-run as Ivy Cole, a charming Brit.", ("Mia Long", "Ivy Cole")),
        ("Mia Long arrived in Season 2 as Ivy Cole, a charming Brit.", ("Mia Long", "Ivy Cole")),
        ("Mia Long shows up in the second season as the mayor.", ("Mia Long", None)),
        # a casting round-up: a casting announced earlier, a newcomer joining
        (
            "Ann Lee joins newcomer Mia Long, whose casting as Ivy Cole was announced earlier.",
            ("Mia Long", "Ivy Cole"),
        ),
        ("The show adds Bo Li, with Mia Long joining as Ivy Cole.", ("Mia Long", "Ivy Cole")),
    ],
)
def test_casting_news_and_preview_verbs(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in pairs(read(text))


def test_casting_news_and_preview_verbs_near_misses() -> None:
    assert pairs(read("Mia Long turns up in Dry Creek as Ivy Cole.")) == set()
    assert pairs(read("Mia Long will return as host of the awards next year.")) == set()


def test_so_good_for_so_long_in_a_title() -> None:
    catalog = read("Mia Long plays Ivy Cole. Long, so good for so long in Dry Creek, is terrific.")
    assert known_for(catalog) == {"Mia Long": {"Dry Creek"}}
    # near miss: no title after the praise
    assert known_for(read("Mia Long plays Ivy Cole. Long, so good for so long, is terrific.")) == {}


def test_a_round_ups_epithet_stands_for_the_person_before() -> None:
    catalog = read(
        "Ann Lee is heading to London. The Dry Creek and Red Sky alum has joined Season 3 of "
        f"Netflix's thriller {SHOW}, playing Meg Orr, a British operative."
    )
    assert pairs(catalog) == {("Ann Lee", "Meg Orr")}
    assert known_for(catalog) == {"Ann Lee": {"Dry Creek", "Red Sky"}}
    # near miss: the epithet joins another title
    catalog = read("Ann Lee is in London. The Dry Creek alum has joined Red Sky, playing Meg Orr.")
    assert pairs(catalog) == set()


def test_a_reviews_as_character_then_pronoun() -> None:
    catalog = read(
        "Mia Long is the show's canniest addition. As Ivy Cole, the president's husband, he "
        "is all folksy grins."
    )
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    # near miss: "As <a person> said" gives no character
    catalog = read("Mia Long is a fine addition. As Ann Lee said, she is great.")
    assert pairs(catalog) == set()


def test_reuniting_the_two_stars_of_a_title() -> None:
    catalog = read(
        "Bo Li plays Sam Dunn, the husband of Ann Lee's President Meg Orr, reuniting the two "
        "stars of The Long Road."
    )
    assert known_for(catalog) == {"Bo Li": {"The Long Road"}, "Ann Lee": {"The Long Road"}}
    # near miss: reuniting the show's own stars names no other title
    catalog = read(f"Bo Li plays Sam Dunn, reuniting the two stars of {SHOW}.")
    assert known_for(catalog) == {}


def test_an_emoji_after_a_name_in_a_social_post() -> None:
    assert pairs(read("Also: Mia Long 👀 shows up as Ivy Cole.")) == {("Mia Long", "Ivy Cole")}
    # near miss: the emoji does not join a name to a title's role
    assert pairs(read("Mia Long 👀 in Dry Creek plays Ivy Cole.")) == set()


def test_a_conversations_short_first_names_share_a_title() -> None:
    catalog = read(
        "Bradley Stone plays Sam Dunn and Allison Reed plays Meg Orr. Brad and Allison have "
        "this shorthand from The Long Road."
    )
    assert known_for(catalog) == {
        "Bradley Stone": {"The Long Road"},
        "Allison Reed": {"The Long Road"},
    }
    # near miss: one of the two is no one credited ("Theo" starts no credited first name)
    catalog = read(
        "Bradley Stone plays Sam Dunn. Theo and Brad have this shorthand from The Long Road."
    )
    assert known_for(catalog) == {}


def test_a_review_steals_every_scene_as_a_character() -> None:
    catalog = read("Ann Lee steals every scene she is in as the formidable Meg Orr.")
    assert pairs(catalog) == {("Ann Lee", "Meg Orr")}
    # near miss: the scenes are another title's, or the "as" is no role
    assert pairs(read("Ann Lee steals every scene in Dry Creek as Meg Orr.")) == set()
    assert pairs(read("Mia Long turns up Thursday as Ivy Cole.")) == set()


def test_a_role_elsewhere_is_not_a_second_character_for_someone_known() -> None:
    known = read("It stars Mia Long as Ivy Cole.")
    catalog = read("What changed was Red Sky. The FX drama cast Long as Meg Orr.", known=known)
    assert pairs(catalog) == set()
    # a rank in front of the known character is the same character
    catalog = read("Mia Long returns as President Ivy Cole.", known=known)
    assert pairs(catalog) == {("Mia Long", "President Ivy Cole")}


def test_the_end_of_a_title_is_no_actor() -> None:
    catalog = read("Bo Li co-wrote and starred in This Is Red Sky as Sam Dunn.")
    assert pairs(catalog) == set()


def test_an_episode_title_stands_for_its_series() -> None:
    cast = "It stars Bo Li as Sam Dunn.\n\n"
    catalog = read(cast + 'Li was Captain Ray in "The Anthem," the first episode of Red Sky.')
    assert known_for(catalog) == {"Bo Li": {"Red Sky"}}


def test_initials_in_a_name_and_a_country_s_are_told_apart() -> None:
    catalog = read("J.K. Simmons plays Sam Dunn.")
    assert pairs(catalog) == {("J.K. Simmons", "Sam Dunn")}
    catalog = read("Mia Long plays the U.S. envoy to the U.K. Ivy Cole, who waits.")
    assert all(not person.startswith("K.") for person, _ in pairs(catalog))


def test_a_style_of_writing_and_a_writer_elsewhere_are_no_writer_credit() -> None:
    created = "It was created by Maren Holt.\n\n"
    assert roles(read(created + "Holt writes dialogue that crackles.")) == {
        "Maren Holt": {"creator"}
    }
    assert roles(read(created + "Holt writes every episode.")) == {
        "Maren Holt": {"creator", "writer"}
    }
    catalog = read(created + "Holt began in TV. She was a writer on Red Sky for years.")
    assert roles(catalog) == {"Maren Holt": {"creator"}}


def test_a_named_role_in_another_network_s_title_is_a_career() -> None:
    cast = "It stars Mia Long as Ivy Cole and Bo Li as Sam Dunn.\n\n"
    catalog = read(cast + "Long reinvented herself as spy Meg Orr on FX's The Long Road.")
    assert known_for(catalog) == {"Mia Long": {"The Long Road"}}
    catalog = read(cast + "Li is best known as the brooding Ross Dale in the BBC's Red Sky.")
    assert known_for(catalog) == {"Bo Li": {"Red Sky"}}
    catalog = read(cast + "Li was Vern Ash in Peacock's Blue Line, and Long was Ivy Cole in Oslo.")
    assert known_for(catalog) == {"Bo Li": {"Blue Line"}}
    # the show's own network, as the store knows it, owns a title too
    known = read(f"Streamly's crime drama {SHOW} has been renewed. It stars Bo Li as Sam Dunn.")
    catalog = read("Li was Vern Ash in Streamly's Blue Line.", known=known)
    assert known_for(catalog) == {"Bo Li": {"Blue Line"}}
    catalog = read(cast + "Long became a star as the title character of The WB's Felicia.")
    assert known_for(catalog) == {"Mia Long": {"Felicia"}}
    # the show's own role, and a place, are no career
    assert known_for(read(cast + "Long was Ivy Cole in the pilot, on Peacock.")) == {}


def test_a_named_role_owned_after_in_and_a_role_after_whose() -> None:
    catalog = read("The season hands her a sparring partner in Mia Long's President Ivy Cole.")
    assert pairs(catalog) == {("Mia Long", "President Ivy Cole")}
    catalog = read("It is steadied by Mia Long, whose Ivy Cole has gone from irritant to force.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    # a title and its maker, and a title after "whose", are no role
    assert pairs(read("She had a role in Tom Rye's Dry Creek.")) == set()
    assert pairs(read("Mia Long, whose Red Sky made her a star, returns.")) == set()


def test_a_role_the_show_s_is_compared_with_is_no_credit() -> None:
    catalog = read(
        "Bo Li's Sam Dunn, the slipperiest mayor on screen since Tom Rye's Frank Urwin, "
        "has less to do."
    )
    assert pairs(catalog) == {("Bo Li", "Sam Dunn")}


def test_an_imperative_opening_a_sentence_is_no_name() -> None:
    assert pairs(read("Consider Mia Long's Ivy Cole, the envoy at its centre.")) == {
        ("Mia Long", "Ivy Cole")
    }


def test_the_show_s_own_role_since_its_premiere_and_a_date_are_no_career() -> None:
    cast = "It stars Bo Li as Sam Dunn.\n\n"
    catalog = read(
        cast + f"Li has played Dunn since {SHOW} first arrived on Peacock in April 2023."
    )
    assert known_for(catalog) == {}


def test_a_pair_of_alumni_among_three_people_is_unknown() -> None:
    cast = "It stars Mia Long as Ivy Cole, Bo Li as Sam Dunn and Tia Rowe as Kit Marr.\n\n"
    text = cast + "Tia Rowe returns. Bo Li arrives, and the two Long Road alumni share a scene."
    assert known_for(read(text + " The Long Road ran for years.")) == {}


def test_a_list_going_on_after_a_name_is_no_aside() -> None:
    catalog = read("Long was joined by Tia Rowe, plus newcomer Bo Li, who plays Sam Dunn.")
    assert pairs(catalog) == {("Bo Li", "Sam Dunn")}


def test_a_role_in_a_title_fans_loved_is_not_the_show_s() -> None:
    text = f"Viewers who loved Red Sky, and Ann Lee's Meg Orr in particular, will like {SHOW}."
    assert pairs(read(text)) == set()


def test_a_byline_is_no_writer_credit() -> None:
    text = (
        f"{SHOW} Season 3 Release Date\n\n"
        "Written by Ann Lee  |  Updated: Oct 15, 2025, 06:42 PM\n\nIt stars Mia Long as Ivy Cole."
    )
    assert roles(read(text, head=False)) == {}


def test_a_guide_entry_names_its_person_by_labels_and_epithets() -> None:
    text = (
        f"{SHOW} Season 3 Cast\n\nMeet the faces. The Long Road ran for years.\n\n"
        "Mia Long as Ivy Cole\n\nThe star of The Long Road and Felicia returns as the envoy.\n\n"
        "Bo Li as Sam Dunn\n\nWho he is: her husband.\n\n"
        "Where you've seen him: Red Sky, Blue Line and I, Robot.\n"
    )
    assert known_for(read(text, head=False)) == {
        "Mia Long": {"The Long Road", "Felicia"},
        "Bo Li": {"Red Sky", "Blue Line", "I, Robot"},
    }


def test_a_castmate_s_show_and_a_nomination_denied_are_no_career() -> None:
    cast = "It stars Bo Li as Sam Dunn.\n\n"
    catalog = read(cast + "Bo Li was not nominated for Peacock's show, sadly.")
    assert known_for(catalog) == {}


def test_a_place_of_government_describes_a_role_and_is_no_name() -> None:
    catalog = read("Mia Long returns as White House chief of staff Ivy Cole.")
    assert pairs(catalog) == {("Mia Long", "Ivy Cole")}
    assert pairs(read("Mia Long returns as Downing Street's fixer.")) <= {("Mia Long", None)}


def test_a_title_named_for_its_hero_keeps_the_possessive() -> None:
    cast = "It stars Mia Long as Ivy Cole.\n\n"
    assert known_for(read(cast + "Where you've seen her: Bridget Jones's Diary.")) in (
        {},
        {"Mia Long": {"Bridget Jones's Diary"}},
    )
    catalog = read(cast + "Long is best known for Tom Nolan's Starfall.")
    assert known_for(catalog) == {"Mia Long": {"Starfall"}}


def test_a_role_in_a_title_the_show_is_contrasted_with_is_not_the_show_s() -> None:
    text = f"Where Red Sky trusts Ann Lee's Meg Orr to sit still, {SHOW} rarely lets anyone rest."
    assert pairs(read(text)) == set()


def test_titles_in_an_aside_before_a_role_are_no_people() -> None:
    text = (
        "It was created by Jo Park.\n\n"
        "Park, who wrote for Red Sky and The Long Road, serves as showrunner."
    )
    assert roles(read(text)) == {"Jo Park": {"creator", "showrunner"}}
