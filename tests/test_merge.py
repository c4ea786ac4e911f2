"""Merging a newer source into the catalog keeps every provenance."""

from __future__ import annotations

from diplomat_tui.merge import merge_catalogs, merge_record, normalize
from diplomat_tui.model import CastCredit, Catalog, Episode, Person, Show, Source


def test_normalize_ignores_case_accents_and_typographic_quotes() -> None:
    assert normalize("T’Nia  MILLER") == normalize("t'nia miller")
    assert normalize("Renée") == "renee"


def test_newer_non_null_values_win_and_sources_are_unioned() -> None:
    old = Episode(1, 1, title=None, runtime=50, sources=("article#s1",))
    new = Episode(1, 1, title="Pilot", runtime=None, sources=("tvmaze:episodes",))
    merged = merge_record(old, new)
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
