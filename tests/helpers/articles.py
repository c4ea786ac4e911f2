"""Reading invented article text in unit tests of the extractor, and the facts compared."""

from __future__ import annotations

from diplomat_tui.article import extract
from diplomat_tui.model import Catalog

SHOW = "Harbour Lights"  # an invented show: no rule may know the real one's names
HEAD = f"{SHOW} News\n\n"  # a headline naming the show, so the text is read as about it


def read(
    text: str, *, head: bool = True, show: str | None = SHOW, known: Catalog | None = None
) -> Catalog:
    """What the extractor takes from ``text`` (under a headline naming the show)."""
    return extract((HEAD if head else "") + text, source_id="t", show=show, known=known)


def pairs(catalog: Catalog) -> set[tuple[str, str | None]]:
    return {(c.person, c.character) for c in catalog.cast}


def seasons(catalog: Catalog) -> dict[int, tuple[int | None, str | None]]:
    return {s.number: (s.episode_count, s.premiere) for s in catalog.seasons}


def stats(catalog: Catalog) -> set[tuple[str, float, int | None]]:
    return {(s.metric, s.value, s.season) for s in catalog.stats}


def known_for(catalog: Catalog) -> dict[str, set[str]]:
    return {p.name: set(p.known_for) for p in catalog.people if p.known_for}
