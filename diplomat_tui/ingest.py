"""Press articles into the store: the shipped seed and articles a fan adds.

The extraction itself lives in :mod:`diplomat_tui.article`, imported only when an article
is read (its rules take tens of milliseconds to compile, which a launch on an existing
store must not pay); this module names the sources, reads each article for the show the
store holds, shows what it would change (:mod:`diplomat_tui.changes`) and merges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from diplomat_tui.changes import Changes, compare
from diplomat_tui.errors import ArticleError
from diplomat_tui.figures import is_plausible
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog
from diplomat_tui.sanitize import clean_line
from diplomat_tui.store import Store, now_iso

SHIPPED_ARTICLES = "assets/articles"


def catalog_from_text(
    text: str,
    *,
    name: str,
    url: str | None,
    fetched: str | None,
    show: str | None = None,
    known: Catalog | None = None,
) -> Catalog:
    """Extract an article's facts, its sources named after the file ``name``.

    The source title is the article's headline as written, else the file name (untrusted
    text like the article's: cleaned before it names anything). With ``show``, only what
    the article says of that show is read, and an article that is not about it is refused
    with an :class:`ArticleError`.
    """
    from diplomat_tui.article import extract, headline

    stem = clean_line(Path(name).stem) or "article"
    catalog = extract(
        text,
        source_id=f"article:{stem}",
        title=headline(text) or _file_title(stem),
        url=url,
        fetched=fetched,
        show=show,
        known=known,
    )
    digest = text_digest(text)  # which text the sentences came from (see text_digest)
    return replace(catalog, sources=tuple(replace(s, etag=digest) for s in catalog.sources))


def text_digest(text: str) -> str:
    """The content hash an article's sources keep in ``etag`` (the version of the text
    they were read from, as an entity tag names a version of a file): the same text saved
    under another name, or with other line endings, is recognised as already ingested."""
    import hashlib

    lines = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return "sha256:" + hashlib.sha256(lines.encode("utf-8")).hexdigest()


def _ingested(catalog: Catalog) -> dict[str, str]:
    """The articles the store holds, by the digest of their text: the name each was
    ingested as (its file name, or its source name for a shipped one)."""
    names: dict[str, str] = {}
    for source in catalog.sources:
        if source.kind == "article" and source.etag and source.etag not in names:
            stem = source.id.split("#", 1)[0].removeprefix("article:")
            names[source.etag] = Path(source.url).name if source.url else stem
    return names


def _file_title(stem: str) -> str:
    """A title from a file name: as written when it has capitals (``the-Diplomat_news`` ->
    ``the Diplomat news``), a lower-case slug in title case (``the-diplomat-season-2-renewal``
    -> ``The Diplomat Season 2 Renewal``)."""
    words = stem.replace("-", " ").replace("_", " ").split()
    if not words:
        return "article"
    if any(ch.isupper() for ch in stem):
        return " ".join(words)
    return " ".join(
        word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


_SMALL_WORDS = frozenset("a an and as at by for in of on or the to vs".split())


def seed_catalog() -> Catalog:
    """The catalog built from the articles shipped inside the package."""
    catalog = Catalog()
    folder = resources.files("diplomat_tui").joinpath(SHIPPED_ARTICLES)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            article = catalog_from_text(
                entry.read_text(encoding="utf-8"),
                name=entry.name,
                url=None,
                fetched=None,
                show=catalog.show.title if catalog.show else None,
                known=catalog,
            )
            catalog = merge_catalogs(catalog, article)
    return catalog


def open_store(store: Store) -> Store:
    """Make sure the store exists (created from the shipped articles) and is tidy."""
    if not store.exists():
        store.create(seed_catalog())
    store.remove_orphan_temp_files()
    return store


def _article_catalog(path: Path, text: str, fetched: str, known: Catalog) -> Catalog:
    """Extract one article file's ``text``; errors name the file."""
    try:
        catalog = catalog_from_text(
            text,
            name=path.name,
            url=path.resolve().as_uri(),
            fetched=fetched,
            show=known.show.title if known.show else None,
            known=known,
        )
    except ArticleError as error:
        # "FILE is about ...", "FILE names ...", "FILE: No series title found ..."
        message = str(error)
        joint = " " if message[:1].islower() else ": "
        raise ArticleError(f"{path}{joint}{message}") from None
    for stat in catalog.stats:
        if not is_plausible(stat.value):
            raise ArticleError(
                f"{path} gives {stat.metric.replace('_', ' ')} as {stat.value:,}, more than any "
                "show can have: nothing was added."
            )
    return catalog


def _articles(paths: list[Path], known: Catalog) -> tuple[list[Catalog], tuple[str, ...]]:
    """Every file read and extracted for the store's show, before anything is written;
    and a line for each file whose text the store (or an earlier file) already holds
    under another name, which is left out: the same text is no newer source. (Under the
    same name it is read again: a new reading of the same source supersedes the old.)"""
    from diplomat_tui.article import read_article

    fetched = now_iso()
    held = _ingested(known)
    catalogs: list[Catalog] = []
    skipped: list[str] = []
    for path in paths:
        text = read_article(path)
        digest = text_digest(text)
        if (earlier := held.get(digest)) is not None and earlier != path.name:
            name = clean_line(earlier)
            shown = clean_line(str(path))
            skipped.append(f"{shown}: already ingested as {name!r}; nothing was read from it")
            continue
        held[digest] = path.name
        catalogs.append(_article_catalog(path, text, fetched, known))
    return catalogs, tuple(skipped)


def _merged(current: Catalog, articles: Iterable[Catalog]) -> Catalog:
    for article in articles:
        current = merge_catalogs(current, article)
    return current


@dataclass(frozen=True)
class Review:
    """What ingesting some articles would do to the store: the catalogs before and
    after, the facts added, changed and confirmed, and what was read from each article
    (the save merges exactly that)."""

    before: Catalog
    after: Catalog
    changes: Changes
    skipped: tuple[str, ...] = ()  # files whose text the store already holds, one line each
    articles: tuple[Catalog, ...] = ()


def review(store: Store, paths: list[Path]) -> Review:
    """What ingesting ``paths`` would change, computed without writing anything (with no
    store yet, against the one the shipped article would make).

    Raises :class:`ArticleError` when a file cannot be read or is not about the show
    the store holds.
    """
    before = store.snapshot(read_only=True).catalog if store.exists() else seed_catalog()
    articles, skipped = _articles(paths, before)
    after = _merged(before, articles)
    return Review(before, after, compare(before, after), skipped, tuple(articles))


def ingest(
    store: Store, paths: list[Path], *, confirm: Callable[[Review], bool] | None = None
) -> Review:
    """Add articles to the store, all or nothing, and say what changed.

    Every file is read and checked before anything is written. ``confirm`` sees the
    review first and may decline (nothing is saved). When nothing would change, nothing
    is written. The review returned is the one saved: facts are merged into the store as
    it is under the lock, so a change made meanwhile by another process is kept.
    """
    preview = review(store, paths)
    if not preview.changes or (confirm is not None and not confirm(preview)):
        return preview
    open_store(store)  # created only now: a dry run or a refused file writes nothing
    saved: list[Review] = []

    def merge_all(current: Catalog) -> Catalog:
        after = _merged(current, preview.articles)
        saved.append(replace(preview, before=current, after=after, changes=compare(current, after)))
        return after

    store.update_catalog(merge_all)
    return saved[-1]


def ingest_files(store: Store, paths: list[Path]) -> Catalog:
    """Add articles to the store without asking; return the catalog saved."""
    return ingest(store, paths).after


def describe_review(result: Review, *, new_sources: set[str]) -> list[str]:
    """The review as lines: each fact added (+), changed (~), removed (-) or kept as
    another claim beside the value shown (≠), with numbers pointing to the sentences it
    came from, then those sentences, each once."""
    changes = result.changes
    notes: dict[str, int] = {}  # sentence -> its number, in order of first use

    def cited(line: str, ids: tuple[str, ...]) -> str:
        found = (result.after.source_index.get(i) for i in ids if i in new_sources)
        quotes = [s.quote for s in found if s is not None and s.quote and s.kind == "article"]
        numbers = {notes.setdefault(quote, len(notes) + 1) for quote in quotes}
        return " ".join([line, *(f"[{n}]" for n in sorted(numbers))])

    lines = [cited(f"  + {fact.describe()}", fact.sources) for fact in changes.added]
    lines += [
        cited(f"  ~ {new.describe()} (was {old.shown_value()})", new.sources)
        for old, new in changes.changed
    ]
    lines += [f"  - {fact.describe()}" for fact in changes.removed]
    for fact, claim in changes.disputed:
        said = "unknown" if claim.value is None else claim.value
        shown = replace(fact, value=said).describe()
        kept = f"  ≠ {shown} (kept as another claim; {fact.shown_value()} stays shown)"
        lines.append(cited(kept, claim.sources))
    if notes:
        lines += ["", "  from these sentences:"]
        lines += [f"  [{number}] “{quote}”" for quote, number in notes.items()]
    return lines


def run_ingest(
    store: Store,
    paths: list[Path],
    *,
    yes: bool,
    dry_run: bool,
    out: Callable[[str], None] = print,
) -> int:
    """The ``ingest`` command: show the review, ask on a terminal (unless ``yes``), save.

    Without a terminal on stdin the changes are saved as shown (scripts use ``--yes`` to
    say so); ``dry_run`` only shows them. Lines go to ``out``. Returns the exit status.
    """
    import sys

    def show(result: Review) -> None:
        old_ids = {s.id for s in result.before.sources}
        new_ids = {s.id for s in result.after.sources} - old_ids
        lines = describe_review(result, new_sources=new_ids)
        if lines:
            out("\n".join(lines))

    accepted: list[bool] = []

    def confirm(result: Review) -> bool:
        show(result)
        if dry_run:
            answer = False
        elif yes or not sys.stdin.isatty():
            answer = True
        else:
            reply = _ask(f"{result.changes.summary()}. Save? [y/N] ")
            answer = reply.strip().lower() in {"y", "yes"}
        accepted.append(answer)
        return answer

    announced: list[bool] = []

    def confirm_once(result: Review) -> bool:
        for line in result.skipped:
            out(line)
        announced.append(True)
        return confirm(result)

    result = ingest(store, paths, confirm=confirm_once)
    if not announced:  # nothing to review: the skipped files are all there is to say
        for line in result.skipped:
            out(line)
    summary = result.changes.summary()
    if not result.changes:
        out(summary)
    elif dry_run:
        out(f"{summary} (dry run: nothing was saved)")
    elif accepted and accepted[0]:
        out(f"saved; {summary}")
    else:
        out(f"not saved; nothing was changed (it would have been {summary})")
    return 0


def _ask(prompt: str) -> str:
    """One line typed on the terminal, the question on stderr (so that it shows even when
    stdout goes to a pipe); end of input is an empty answer."""
    import sys

    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        return sys.stdin.readline()
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # the interruption's message on a line of its own
        raise
