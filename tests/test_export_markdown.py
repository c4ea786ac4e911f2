"""The Markdown export: reads cleanly as text and in a viewer, and no name can act in it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from diplomat_tui.export import export_markdown
from diplomat_tui.ingest import seed_catalog
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Season,
    Show,
    Snapshot,
    Source,
    Stat,
)

HOSTILE = [
    "[@click=app.quit]x[/]",
    "[a link](javascript:alert(1))",
    "![image](http://127.0.0.1/x.png)",
    "<script>alert(1)</script>",
    "<http://127.0.0.1/autolink>",
    "**bold** and _emphasis_ and *more*",
    "`code` and ~~struck~~",
    "&lt;entity&gt; &#91;",
    "a | table | cell",
    "back\\slash",
]


def snapshot(catalog: Catalog) -> Snapshot:
    return Snapshot(catalog=catalog, watched=frozenset({"S01E01"}), prefs={})


def rendered(markdown: str) -> str:
    """The HTML a CommonMark viewer (with GFM tables and strikethrough) makes of it."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


class Tags(HTMLParser):
    """The tags and the text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def parsed(markdown: str) -> Tags:
    tags = Tags()
    tags.feed(rendered(markdown))
    return tags


def test_the_shipped_facts_read_cleanly_with_no_needless_escapes() -> None:
    page = export_markdown(snapshot(seed_catalog()))
    for plain in ("57.48M", "jaw-dropping", "(Homeland)", "Top 10 TV English list."):
        assert plain in page
    assert not re.search(r"\\[.()\-!#+]", page)  # nothing a reader would trip on
    assert "““" not in page and "””" not in page


def test_each_figure_says_which_season_it_is_about() -> None:
    page = export_markdown(snapshot(seed_catalog()))
    assert "- **Hours viewed:** 57.48M (season 1, first weekend)" in page.splitlines()
    stats = [line for line in page.splitlines() if line.startswith("- **") and "M (" in line]
    assert stats and all("(season " in line for line in stats)


def test_sources_list_each_article_once_with_its_sentences() -> None:
    page = export_markdown(snapshot(seed_catalog()))
    sources = page.split("## Sources\n", 1)[1].splitlines()
    assert sources[1] == "- **The diplomat season 2 renewal** (article)"
    assert "  - Dan Toland serves as producer." in sources


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_name_shows_as_written_and_does_nothing(text: str) -> None:
    catalog = Catalog(
        show=Show(title=text, network=text, synopsis=f"{text}\n# {text}\n1. {text}\n> {text}"),
        people=(Person(text, known_for=(text,)),),
        cast=(CastCredit(text, character=text),),
        crew=(CrewCredit(text, roles=(text,)),),
        seasons=(Season(1, status=text),),
        episodes=(Episode(1, 1, title=text, airdate=text),),
        stats=(Stat("hours_viewed", 5, period=text, scope=text, season=1),),
        sources=(Source("s", "article", text, url=f"http://127.0.0.1/{text}", quote=text),),
    )
    page = parsed(export_markdown(snapshot(catalog)))
    # Only the page's own structure: no link, image, script, code or emphasis from the text.
    assert page.tags <= {"h1", "h2", "h3", "ul", "li", "p", "strong", "input", "a"}, page.tags
    assert page.text.count(text) >= 12  # shown literally wherever it was used


def test_the_only_links_are_the_sources_own_addresses() -> None:
    catalog = Catalog(
        show=Show(title="The Diplomat"),
        sources=(
            Source("a", "tvmaze", "TVmaze", url="https://api.tvmaze.com/shows/1?x=<b>"),
            Source("b", "article", "javascript", url="javascript:alert(1)"),
        ),
    )
    markdown = export_markdown(snapshot(catalog))
    html = rendered(markdown)
    assert re.findall(r'href="([^"]*)"', html) == ["https://api.tvmaze.com/shows/1?x=%3Cb%3E"]
    assert "javascript:alert(1)" in parsed(markdown).text


def test_control_characters_never_reach_the_page() -> None:
    osc = "x\x1b]52;c;aGVsbG8=\x07y\u202e\x9b2J"
    catalog = Catalog(show=Show(title=osc, synopsis=osc), sources=(Source("s", "article", osc),))
    page = export_markdown(snapshot(catalog))
    assert all(ch.isprintable() or ch == "\n" for ch in page)
    assert "x]52;c;aGVsbG8=y2J" not in page  # the sequences are removed whole, not defused
