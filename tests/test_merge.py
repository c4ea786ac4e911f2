"""Merging a newer source into the catalog keeps every provenance."""

from __future__ import annotations

from diplomat_tui.merge import date_parts, merge_catalogs
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    Claim,
    Episode,
    Person,
    Season,
    Show,
    Source,
    normalize,
)


def test_normalize_ignores_case_accents_and_typographic_quotes() -> None:
    assert normalize("T’Nia  MILLER") == normalize("t'nia miller")
    assert normalize("Renée") == "renee"


def test_newer_non_null_values_win_and_sources_are_unioned() -> None:
    old = Episode(1, 1, title=None, runtime=50, sources=("article#s1",))
    new = Episode(1, 1, title="Pilot", runtime=None, sources=("tvmaze:episodes",))
    (merged,) = merge_catalogs(Catalog(episodes=(old,)), Catalog(episodes=(new,))).episodes
    assert merged.title == "Pilot" and merged.runtime == 50
    assert merged.sources == ("article#s1", "tvmaze:episodes")


def test_merging_catalogs_matches_people_by_name_and_keeps_order() -> None:
    old = Catalog(
        show=Show("The Show", network="Net", sources=("a",)),
        people=(Person("Ann Lee", ("Old Show",), ("a",)),),
        cast=(CastCredit("Ann Lee", None, "main", 0, ("a",)),),
        episodes=(Episode(1, 2), Episode(1, 1)),
        sources=(Source("a", "article", "A"),),
    )
    new = Catalog(
        show=Show("The Show", premiered="2023-04-20", sources=("b",)),
        people=(Person("Ann Lee", ("New Show",), ("b",)), Person("Bo Ng")),
        cast=(CastCredit("Ann Lee", "Captain", "main", 0, ("b",)),),
        episodes=(Episode(2, 1),),
        sources=(Source("b", "tvmaze", "B"),),
    )
    merged = merge_catalogs(old, new)
    assert merged.show == Show(
        "The Show", network="Net", premiered="2023-04-20", sources=("a", "b")
    )
    assert [p.name for p in merged.people] == ["Ann Lee", "Bo Ng"]
    assert merged.people[0].known_for == ("Old Show", "New Show")
    assert merged.cast[0].character == "Captain"
    assert [(e.season, e.number) for e in merged.episodes] == [(1, 1), (1, 2), (2, 1)]
    assert [s.id for s in merged.sources] == ["a", "b"]
    assert merged.source("b") == Source("b", "tvmaze", "B")


def article(source_id: str, published: str | None = None) -> Source:
    return Source(source_id, "article", source_id, published=published)


def test_a_second_article_does_not_overwrite_a_fact_and_its_claim_is_kept() -> None:
    old = Catalog(
        show=Show("The Show", premiered="April 20", sources=("a",)), sources=(article("a"),)
    )
    new = Catalog(
        show=Show("The Show", premiered="October 31", sources=("b",)), sources=(article("b"),)
    )
    merged = merge_catalogs(old, new)
    assert merged.show is not None and merged.show.premiered == "April 20"
    assert merged.claims == (Claim("show", "premiered", "October 31", ("b",)),)
    assert merged.claims_about("show", "premiered")[0].sources == ("b",)


def test_tvmaze_wins_over_an_article_for_episode_data_and_the_article_is_kept() -> None:
    old = Catalog(
        episodes=(Episode(1, 1, title="The Cinderella Thing", sources=("a",)),),
        sources=(article("a"),),
    )
    new = Catalog(
        episodes=(Episode(1, 1, title="The Cinderella Problem", sources=("t",)),),
        sources=(Source("t", "tvmaze", "TVmaze"),),
    )
    merged = merge_catalogs(old, new)
    assert merged.episodes[0].title == "The Cinderella Problem"
    assert merged.claims == (Claim("episode:S01E01", "title", "The Cinderella Thing", ("a",)),)
    # the other way round, the article loses too: the order of learning does not matter
    reverse = merge_catalogs(new, old)
    assert reverse.episodes[0].title == "The Cinderella Problem"
    assert reverse.claims == merged.claims


def test_status_goes_to_the_newer_claim_by_the_articles_own_date() -> None:
    newer = Catalog(
        show=Show("The Show", status="Renewed for Season 3", sources=("n",)),
        sources=(article("n", published="2024-10-01"),),
    )
    older = Catalog(
        show=Show("The Show", status="Renewed for Season 2", sources=("o",)),
        sources=(article("o", published="2023-05-01"),),
    )
    merged = merge_catalogs(newer, older)  # the older article, ingested later
    assert merged.show is not None and merged.show.status == "Renewed for Season 3"
    assert merged.claims == (Claim("show", "status", "Renewed for Season 2", ("o",)),)
    moved_on = merge_catalogs(older, newer)  # a status that moved on: no competing claim
    assert moved_on.show is not None and moved_on.show.status == "Renewed for Season 3"
    assert moved_on.claims == ()


def test_the_same_fact_twice_changes_nothing_and_a_date_gains_its_year() -> None:
    old = Catalog(
        show=Show("The Show", premiered="April 20", sources=("a",)), sources=(article("a"),)
    )
    new = Catalog(
        show=Show("the show", premiered="2023-04-20", sources=("b",)), sources=(article("b"),)
    )
    merged = merge_catalogs(old, new)
    assert merged.show == Show("The Show", premiered="2023-04-20", sources=("a", "b"))
    assert merged.claims == ()
    assert merge_catalogs(merged, new) == merged  # learning it again changes nothing


def test_a_source_read_again_supersedes_what_it_said_before() -> None:
    tvmaze = Source("t", "tvmaze", "TVmaze")
    old = Catalog(episodes=(Episode(1, 1, title="TBA", sources=("t",)),), sources=(tvmaze,))
    new = Catalog(episodes=(Episode(1, 1, title="Pilot", sources=("t",)),), sources=(tvmaze,))
    merged = merge_catalogs(old, new)
    assert merged.episodes[0].title == "Pilot" and merged.claims == ()


def test_one_person_in_two_roles_keeps_both_and_an_unknown_character_is_completed() -> None:
    old = Catalog(cast=(CastCredit("Ann Lee", None, sources=("a",)),))
    new = Catalog(
        cast=(
            CastCredit("Ann Lee", "Captain", sources=("t",)),
            CastCredit("Ann Lee", "Captain's twin", sources=("t",)),
        )
    )
    merged = merge_catalogs(old, new)
    assert [(c.person, c.character) for c in merged.cast] == [
        ("Ann Lee", "Captain"),
        ("Ann Lee", "Captain's twin"),
    ]
    assert merged.cast[0].sources == ("a", "t")
    again = merge_catalogs(merged, Catalog(cast=(CastCredit("ann lee", None, sources=("b",)),)))
    assert len(again.cast) == 2  # a credit without a character does not add a third row


def test_date_parts_reads_the_ways_sources_write_dates() -> None:
    assert date_parts("2023-04-20") == (2023, 4, 20)
    assert date_parts("April 20") == (None, 4, 20)
    assert date_parts("Oct. 31, 2024") == (2024, 10, 31)
    assert date_parts("Thursday 16 October") == (None, 10, 16)
    assert date_parts("Season 3") is None and date_parts("Kate Wyler") is None


def test_a_new_reading_of_a_source_replaces_its_validators() -> None:
    old = Catalog(sources=(Source("t", "tvmaze", "TVmaze", etag='"1"', quote="q"),))
    new = Catalog(sources=(Source("t", "tvmaze", "TVmaze", fetched="2026-01-01"),))
    [source] = merge_catalogs(old, new).sources
    assert source.etag is None and source.fetched == "2026-01-01" and source.quote == "q"


def test_a_losing_claim_read_again_still_loses() -> None:
    """The same article ingested twice: its losing claim does not become the value."""
    held = Catalog(
        show=Show("The Show", network="Netflix", sources=("seed",)), sources=(article("seed"),)
    )
    other = Catalog(show=Show("The Show", network="Hulu", sources=("x",)), sources=(article("x"),))
    once = merge_catalogs(held, other)
    twice = merge_catalogs(once, other)
    assert once.show is not None and twice.show is not None
    assert once.show.network == twice.show.network == "Netflix"
    assert twice.claims == once.claims == (Claim("show", "network", "Hulu", ("x",)),)


def test_a_claim_about_a_credit_follows_it_when_its_character_becomes_known() -> None:
    tvmaze = Source("t", "tvmaze", "TVmaze")
    old = Catalog(
        cast=(CastCredit("Ann Lee", None, billing="guest", sources=("a",)),),
        sources=(article("a"),),
    )
    new = Catalog(
        cast=(CastCredit("Ann Lee", "Meg Orr", billing="main", sources=("t",)),),
        sources=(tvmaze,),
    )
    merged = merge_catalogs(old, new)
    assert merged.cast[0].billing == "main"
    assert merged.claims == (Claim("cast:ann lee|meg orr", "billing", "guest", ("a",)),)


def _season_status(status: str, source: Source) -> Catalog:
    return Catalog(
        show=Show("The Show", sources=(source.id,)),
        seasons=(Season(3, status=status, sources=(source.id,)),),
        sources=(source,),
    )


def test_one_state_in_two_wordings_does_not_churn_with_each_newer_source() -> None:
    guide = Source("tv", "tvmaze", "guide", fetched="2025-11-01T00:00:00+00:00")
    later = article("later", published="2025-12-01")
    # an article's "released" after the guide's "aired": the same state, the precise one stays
    merged = merge_catalogs(_season_status("aired", guide), _season_status("released", later))
    assert merged.seasons[0].status == "aired" and merged.claims == ()
    # and the guide's "airing" after the article's "released" is taken
    merged = merge_catalogs(_season_status("released", later), _season_status("airing", guide))
    assert merged.seasons[0].status == "airing"
    # a state that moved on is still the newer claim's
    merged = merge_catalogs(_season_status("aired", guide), _season_status("announced", later))
    assert merged.seasons[0].status == "announced"


def test_a_status_with_a_note_is_the_same_status() -> None:
    noted = Catalog(
        show=Show("The Show", status="Renewed for Season 4 (announced on Tudum)", sources=("a",)),
        sources=(article("a", published="2025-10-01"),),
    )
    plain = Catalog(
        show=Show("The Show", status="Renewed for Season 4", sources=("b",)),
        sources=(article("b", published="2025-11-01"),),
    )
    for first, second in ((noted, plain), (plain, noted)):
        merged = merge_catalogs(first, second)
        assert merged.show is not None
        assert merged.show.status == "Renewed for Season 4 (announced on Tudum)"
        assert merged.claims == ()
