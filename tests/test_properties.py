"""Property-based tests: for any input, a result or the layer's own error, nothing else.

* the article extractor on arbitrary text, and on article-like text cut and shuffled;
* reading an article file of arbitrary bytes, in any encoding;
* the sanitizer: what it returns holds no control character, escape or bidi override;
* the store reader on arbitrary bytes and arbitrary JSON; what it accepts, the
  exporters can print.

(The TVmaze and Top 10 parsers have their own property tests next to their unit tests.)
Runs are derandomized: the same examples every time.
"""

from __future__ import annotations

import json
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomat_tui.article import extract, read_article
from diplomat_tui.errors import ArticleError, StoreError
from diplomat_tui.export import export_json, export_markdown
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Show,
    Source,
    Stat,
    normalize,
)
from diplomat_tui.sanitize import clean_line, clean_text
from diplomat_tui.sources.html_text import html_to_text
from diplomat_tui.store import SCHEMA_VERSION, Store

DETERMINISTIC = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED = "the-diplomat-season-2-renewal.txt"
SEED_TEXT = resources.files("diplomat_tui").joinpath("assets", "articles", SEED).read_text("utf-8")
SENTENCES = [s for s in re.split(r"(?<=[.!?”])\s+", SEED_TEXT) if s.strip()]
HOSTILE = [
    "[@click=app.quit]x[/]",
    "[/x]",
    "[link=file:///etc/passwd]p[/link]",
    "\x1b]52;c;Zm9v\x07",
    "\x1b[2J",
    "\x9b31m",
    "\u202e",
    "“",
    "”",
    '"',
    "(",
    ")",
    "No.",
    "\x00",
    "\ud800",  # a lone surrogate, as a JSON "\ud800" escape gives
]
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# Article-like text: sentences of a real article, whole or cut, mixed with hostile
# fragments and arbitrary text, joined the ways articles join them.
FRAGMENT = st.one_of(
    st.sampled_from(SENTENCES),
    st.tuples(st.sampled_from(SENTENCES), st.integers(0, 300)).map(lambda p: p[0][: p[1]]),
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
)
ARTICLE_LIKE = st.lists(FRAGMENT, max_size=14).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "\n\n", ", ", " and ", "\n"]),
        min_size=len(parts),
        max_size=len(parts),
    ).map(lambda joins: "".join(p + j for p, j in zip(parts, joins, strict=True)))
)


@settings(DETERMINISTIC, max_examples=300)
@given(text=st.text(max_size=400))
def test_extract_on_any_text_gives_a_catalog_or_an_article_error(text: str) -> None:
    try:
        catalog = extract(text, source_id="article:any")
    except ArticleError:
        return
    assert isinstance(catalog, Catalog) and catalog.show is not None


@settings(DETERMINISTIC, max_examples=300)
@given(text=ARTICLE_LIKE)
def test_extract_on_article_like_text_gives_a_catalog_or_an_article_error(text: str) -> None:
    try:
        catalog = extract(text, source_id="article:any")
    except ArticleError:
        return
    cited = {s for record in (catalog.show, *catalog.cast, *catalog.stats) for s in record.sources}
    assert cited <= {source.id for source in catalog.sources}
    for source in catalog.sources:
        assert source.quote and not CONTROL.search(source.quote)


ENCODED_TEXT = st.tuples(
    st.text(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
).map(lambda p: p[0].encode(p[1], errors="replace"))


@settings(DETERMINISTIC, max_examples=300)
@given(data=st.one_of(st.binary(max_size=600), ENCODED_TEXT))
def test_reading_an_article_file_of_any_bytes_gives_text_or_an_article_error(
    data: bytes,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        try:
            text = read_article(path)
        except ArticleError as error:
            assert "\n" not in str(error) and str(path) in str(error)
            return
    assert isinstance(text, str) and text.strip()


@settings(DETERMINISTIC, max_examples=400)
@given(text=st.text(st.characters(exclude_categories=()), max_size=200) | ARTICLE_LIKE)
def test_the_sanitizer_leaves_no_control_escape_or_bidi_override(text: str) -> None:
    for cleaned in (clean_text(text), clean_line(text), html_to_text(text)):
        assert not CONTROL.search(cleaned.replace("\n", ""))
        cleaned.encode("utf-8")  # no lone surrogate: the store and the terminal can take it
    assert "\n" not in clean_line(text)
    assert clean_text(clean_text(text)) == clean_text(text)


@settings(DETERMINISTIC, max_examples=600)
@given(
    text=st.text(st.characters(exclude_categories=()), max_size=80)
    | st.text(st.characters(codec="ascii"), max_size=80)
    | st.text(st.sampled_from(" \t\u00a0\u2003\u200b\u202eab\x1b[m\n"), max_size=40)
)
def test_one_line_cleaning_takes_its_shortcut_only_where_it_changes_nothing(text: str) -> None:
    assert clean_line(text) == " ".join(clean_text(text).split())  # the regular path


@settings(DETERMINISTIC, max_examples=300)
@given(text=st.text(st.characters(codec="ascii"), max_size=60))
def test_normalize_takes_its_ascii_shortcut_only_where_it_changes_nothing(text: str) -> None:
    assert normalize(text + "E") == normalize(text + "\u00c9")  # É: the regular path


# -- the store reader --------------------------------------------------------------------

JSON_SCALAR = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    ["title", "name", "person", "character", "billing", "season", "number", "metric", "value",
     "id", "kind", "sources", "quotes", "roles", "known_for", "episode", "key", "summary"]
)  # fmt: skip
DOCUMENT = st.dictionaries(FIELDS, JSON_VALUE, max_size=6)
TABLE = st.dictionaries(st.integers(1, 9).map(str), DOCUMENT, max_size=3)
TABLES = st.sampled_from(
    ["shows", "people", "credits", "seasons", "episodes", "stats", "sources", "watched", "prefs"]
)
VERSION = st.sampled_from([0, SCHEMA_VERSION, SCHEMA_VERSION + 1, -1, "1", True, None])
STORE_LIKE = st.tuples(st.dictionaries(TABLES, TABLE, max_size=5), VERSION).map(
    lambda p: {"meta": {"1": {"schema_version": p[1]}}, **p[0]}
)


def read_back(content: bytes) -> None:
    """Write ``content`` as a store; reading it gives a snapshot the exporters can print,
    or a one-line StoreError naming the file. Nothing else escapes."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store.json")
        store.path.write_bytes(content)
        try:
            snapshot = store.snapshot()
        except StoreError as error:
            assert "\n" not in str(error) and str(store.path) in str(error)
            return
        json.loads(export_json(snapshot))
        export_markdown(snapshot)


TEXT = st.text(max_size=30) | st.sampled_from(HOSTILE[:-1])  # not the lone surrogate: see above
NAMES = st.lists(TEXT, max_size=3).map(tuple)
NUMBER = st.integers(-(2**53), 2**53) | st.floats(allow_nan=False, allow_infinity=False)
CATALOG = st.builds(
    Catalog,
    show=st.none() | st.builds(Show, title=TEXT, network=st.none() | TEXT, sources=NAMES),
    people=st.lists(st.builds(Person, name=TEXT, known_for=NAMES), max_size=3).map(tuple),
    cast=st.lists(st.builds(CastCredit, person=TEXT, character=st.none() | TEXT), max_size=3).map(
        tuple
    ),
    crew=st.lists(st.builds(CrewCredit, person=TEXT, roles=NAMES), max_size=2).map(tuple),
    episodes=st.lists(
        st.builds(Episode, season=st.integers(0, 99), number=st.integers(0, 99), title=TEXT),
        max_size=3,
    ).map(tuple),
    stats=st.lists(st.builds(Stat, metric=TEXT, value=NUMBER, period=TEXT), max_size=3).map(tuple),
    sources=st.lists(
        st.builds(Source, id=TEXT, kind=st.just("article"), title=TEXT, quote=TEXT), max_size=3
    ).map(tuple),
)


@settings(DETERMINISTIC, max_examples=150)
@given(catalog=CATALOG)
def test_any_catalog_round_trips_through_the_store_and_exports(catalog: Catalog) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store.json")
        store.create(catalog)
        snapshot = store.snapshot()
    assert snapshot.catalog == catalog
    json.loads(export_json(snapshot))
    export_markdown(snapshot)


@settings(DETERMINISTIC, max_examples=200)
@given(content=st.binary(max_size=300))
def test_a_store_file_of_any_bytes_is_read_or_refused_in_one_line(content: bytes) -> None:
    read_back(content)


@settings(
    DETERMINISTIC,
    max_examples=400,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=STORE_LIKE | JSON_VALUE)
def test_a_store_of_any_json_is_read_or_refused_in_one_line(data: Any) -> None:
    read_back(json.dumps(data).encode())
