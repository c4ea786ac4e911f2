"""Press articles into the store: the shipped seed and articles a fan adds.

The extraction itself lives in :mod:`diplomat_tui.article`, imported only when an article
is read (its rules take tens of milliseconds to compile, which a launch on an existing
store must not pay); this module names the sources, checks that an article is about the
show the store holds, and merges.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from diplomat_tui.errors import ArticleError
from diplomat_tui.figures import is_plausible
from diplomat_tui.merge import merge_catalogs, same_show
from diplomat_tui.model import Catalog
from diplomat_tui.sanitize import clean_line
from diplomat_tui.store import Store, now_iso

SHIPPED_ARTICLES = "assets/articles"


def _article_title(stem: str) -> str:
    """A readable title from a file name: ``the-diplomat-season-2`` -> ``The diplomat season 2``."""
    return stem.replace("-", " ").replace("_", " ").strip().capitalize()


def catalog_from_text(text: str, *, name: str, url: str | None, fetched: str | None) -> Catalog:
    """Extract an article's facts, its sources named after the file ``name`` (untrusted
    text like the article's: cleaned before it names anything)."""
    from diplomat_tui.article import extract

    stem = clean_line(Path(name).stem) or "article"
    return extract(
        text, source_id=f"article:{stem}", title=_article_title(stem), url=url, fetched=fetched
    )


def seed_catalog() -> Catalog:
    """The catalog built from the articles shipped inside the package."""
    catalog = Catalog()
    folder = resources.files("diplomat_tui").joinpath(SHIPPED_ARTICLES)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            article = catalog_from_text(
                entry.read_text(encoding="utf-8"), name=entry.name, url=None, fetched=None
            )
            catalog = merge_catalogs(catalog, article)
    return catalog


def open_store(store: Store) -> Store:
    """Make sure the store exists (created from the shipped articles) and is tidy."""
    if not store.exists():
        store.create(seed_catalog())
    store.remove_orphan_temp_files()
    return store


def _article_catalog(path: Path, fetched: str) -> Catalog:
    """Read and extract one article file; errors name the file."""
    from diplomat_tui.article import read_article

    text = read_article(path)
    try:
        catalog = catalog_from_text(
            text, name=path.name, url=path.resolve().as_uri(), fetched=fetched
        )
    except ArticleError as error:
        raise ArticleError(f"{path}: {error}") from None
    for stat in catalog.stats:
        if not is_plausible(stat.value):
            raise ArticleError(
                f"{path} gives {stat.metric.replace('_', ' ')} as {stat.value:,}, more than any "
                "show can have: nothing was added."
            )
    return catalog


def ingest_files(store: Store, paths: list[Path]) -> Catalog:
    """Add articles to the store, all or nothing.

    Every file is read and checked before anything is written; an article about
    another series is refused with an :class:`ArticleError` and the store is unchanged.
    """
    fetched = now_iso()
    articles = [(path, _article_catalog(path, fetched)) for path in paths]

    def merge_all(current: Catalog) -> Catalog:
        for path, article in articles:
            if current.show and article.show and not same_show(current.show, article.show):
                raise ArticleError(
                    f"{path} is about {article.show.title!r}, not {current.show.title!r}: "
                    "nothing was added."
                )
            current = merge_catalogs(current, article)
        return current

    return store.update_catalog(merge_all)
