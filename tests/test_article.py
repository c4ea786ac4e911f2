"""Rule-based extraction from press articles: the shipped one and others written for
these tests, plus the checks ``read_article`` makes on a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import diplomat_tui.article as article
from diplomat_tui.article import MAX_ARTICLE_BYTES, extract, read_article
from diplomat_tui.errors import ArticleError
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Quote,
    Season,
    Stat,
)

ARTICLE_PACKAGE = Path(article.__file__).parent
PACKAGE = ARTICLE_PACKAGE.parent
SHIPPED = PACKAGE / "assets" / "articles" / "the-diplomat-season-2-renewal.txt"
ARTICLES = Path(__file__).parent / "articles"


def _extract(path: Path, source_id: str) -> Catalog:
    return extract(read_article(path), source_id=source_id, url="file:///a.txt", fetched="T")


def _ids(source_id: str, *sentences: int) -> tuple[str, ...]:
    return tuple(f"{source_id}#s{n}" for n in sentences)


# --------------------------------------------------------------------- the shipped article

S = "article:the-diplomat-season-2-renewal"


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return _extract(SHIPPED, S)


def test_shipped_show(shipped: Catalog) -> None:
    show = shipped.show
    assert show is not None
    assert show.title == "The Diplomat"
    assert show.network == "Netflix"
    assert show.creators == ("Debora Cahn",)
    assert show.premiered == "April 20"
    assert show.status == "Renewed for Season 2 (announced on Tudum)"
    assert show.tvmaze_id is None
    assert show.sources == _ids(S, 1, 2, 4, 5, 6, 7, 8)


def test_shipped_synopsis_continues_its_lead_in_and_spans_two_sentences(shipped: Catalog) -> None:
    assert shipped.show is not None
    assert shipped.show.synopsis == (
        "The Diplomat follows Kate Wyler (Russell) as the new US Ambassador to the United "
        "Kingdom. She was supposed to go to Afghanistan. She’s great in a crisis zone. In a "
        "historic home… less so. War is brewing on one continent and boiling over on "
        "another. Kate will have to diffuse international crises, forge strategic alliances "
        "in London, and adjust to her new place in the spotlight — all while trying to "
        "survive her marriage to fellow career diplomat and political star Hal Wyler "
        "(Rufus Sewell)."
    )


def test_shipped_description(shipped: Catalog) -> None:
    assert shipped.show is not None
    assert shipped.show.description == (
        "a high-stakes, contemporary political drama about the transcendence and torture of "
        "long-term relationships between countries and people. Russell’s character battles "
        "for world peace while trying to keep her marriage alive."
    )


def test_shipped_quote_joins_both_parts_with_speaker(shipped: Catalog) -> None:
    assert shipped.show is not None
    assert shipped.show.quotes == (
        Quote(
            text=(
                "Fans around the world are loving every minute of The Diplomat’s gripping and "
                "propulsive drama, and embracing Keri Russell’s powerful performance as Kate "
                "Wyler. After that jaw-dropping cliffhanger, we can’t wait for them to see what "
                "the amazing visionary team of Debora Cahn, Janice Williams, and Keri Russell "
                "have in store for Season 2."
            ),
            speaker="Jinny Howe",
            speaker_title="Vice President of Drama Series at Netflix",
            sources=_ids(S, 4, 5),
        ),
    )


def test_shipped_cast(shipped: Catalog) -> None:
    assert shipped.cast == (
        CastCredit("Keri Russell", "Kate Wyler", "main", 1, _ids(S, 2, 4, 6)),
        CastCredit("Rufus Sewell", "Hal Wyler", "main", 2, _ids(S, 7)),
        CastCredit("David Gyasi", None, "main", 3, _ids(S, 9)),
        CastCredit("Ali Ahn", None, "main", 4, _ids(S, 9)),
        CastCredit("Rory Kinnear", None, "main", 5, _ids(S, 9)),
        CastCredit("Ato Essandoh", None, "main", 6, _ids(S, 9)),
        CastCredit("Celia Imrie", None, "guest", 7, _ids(S, 10)),
        CastCredit("Michael McKean", None, "guest", 8, _ids(S, 10)),
        CastCredit("Nana Mensah", None, "guest", 9, _ids(S, 10)),
        CastCredit("T’Nia Miller", None, "guest", 10, _ids(S, 10)),
        CastCredit("Miguel Sandoval", None, "guest", 11, _ids(S, 10)),
    )


def test_shipped_people(shipped: Catalog) -> None:
    assert shipped.people == (
        Person("Debora Cahn", ("Homeland",), _ids(S, 2, 11)),
        Person("Keri Russell", (), _ids(S, 2, 4, 6, 11)),
        Person("Rufus Sewell", (), _ids(S, 7)),
        Person("David Gyasi", ("Carnival Row",), _ids(S, 9)),
        Person("Ali Ahn", ("Billions",), _ids(S, 9)),
        Person("Rory Kinnear", ("Years and Years",), _ids(S, 9)),
        Person("Ato Essandoh", ("Altered Carbon",), _ids(S, 9)),
        Person("Celia Imrie", (), _ids(S, 10)),
        Person("Michael McKean", (), _ids(S, 10)),
        Person("Nana Mensah", (), _ids(S, 10)),
        Person("T’Nia Miller", (), _ids(S, 10)),
        Person("Miguel Sandoval", (), _ids(S, 10)),
        Person("Janice Williams", (), _ids(S, 11)),
        Person("Simon Cellan Jones", (), _ids(S, 11)),
        Person("Dan Toland", (), _ids(S, 12)),
    )


def test_shipped_crew(shipped: Catalog) -> None:
    assert shipped.crew == (
        CrewCredit("Debora Cahn", ("creator", "executive producer"), 1, _ids(S, 2, 11)),
        CrewCredit("Janice Williams", ("executive producer",), 2, _ids(S, 11)),
        CrewCredit("Simon Cellan Jones", ("executive producer",), 3, _ids(S, 11)),
        CrewCredit("Keri Russell", ("executive producer",), 4, _ids(S, 11)),
        CrewCredit("Dan Toland", ("producer",), 5, _ids(S, 12)),
    )


def test_shipped_quoted_executive_is_neither_cast_nor_crew(shipped: Catalog) -> None:
    names = {p.name for p in shipped.people} | {c.person for c in shipped.crew}
    assert "Jinny Howe" not in names


def test_shipped_seasons_and_episodes(shipped: Catalog) -> None:
    assert shipped.seasons == (
        Season(1, episode_count=8, status="released", premiere="April 20", sources=_ids(S, 2, 11)),
        Season(2, episode_count=None, status="announced", sources=_ids(S, 1)),
    )
    assert shipped.episodes == tuple(Episode(1, n, sources=_ids(S, 11)) for n in range(1, 9))
    assert all(e.title is e.airdate is e.runtime is e.summary is None for e in shipped.episodes)


def test_shipped_stats(shipped: Catalog) -> None:
    assert shipped.stats == (
        Stat(
            "weekly_rank",
            1,
            period="debut week",
            scope="Netflix weekly global Top 10 TV (English)",
            season=1,
            sources=_ids(S, 2),
        ),
        Stat("hours_viewed", 57_480_000, "first weekend", None, 1, _ids(S, 3)),
        Stat("top10_countries", 86, "first weekend", None, 1, _ids(S, 3)),
    )
    assert type(shipped.stats[1].value) is int


def test_shipped_sources_are_the_cited_sentences(shipped: Catalog) -> None:
    assert [s.id for s in shipped.sources] == list(_ids(S, *range(1, 13)))
    first, third = shipped.sources[0], shipped.sources[2]
    assert first.kind == "article"
    assert first.url == "file:///a.txt" and first.fetched == "T"
    assert first.title == "Netflix‘s hit political thriller The Diplomat has received a second…"
    assert third.quote == (
        "In its first weekend, the series had 57.48M hours viewed and appeared in the Top 10 "
        "in 86 countries."
    )
    # The closing line ("<Title>, Streaming Now, <Network>") states nothing used: not a source.
    assert all("Streaming Now" not in (s.quote or "") for s in shipped.sources)


def test_every_cited_id_has_a_source(shipped: Catalog) -> None:
    assert shipped.show is not None
    records = (
        shipped.show,
        *shipped.show.quotes,
        *shipped.people,
        *shipped.cast,
        *shipped.crew,
        *shipped.seasons,
        *shipped.episodes,
        *shipped.stats,
    )
    assert {i for record in records for i in record.sources} == {s.id for s in shipped.sources}


def test_source_title_given_is_used() -> None:
    catalog = extract(SHIPPED.read_text("utf-8"), source_id="x", title="Renewal news")
    assert {s.title for s in catalog.sources} == {"Renewal news"}


SHIPPED_NAMES_AND_FIGURES = (
    "Netflix", "Diplomat", "Tudum", "Debora", "Cahn", "Homeland", "Keri", "Russell", "Kate",
    "Wyler", "Hal", "Rufus", "Sewell", "Jinny", "Howe", "Janice", "Williams", "Simon", "Cellan",
    "Jones", "Dan", "Toland", "David", "Gyasi", "Ali", "Ahn", "Rory", "Kinnear", "Ato",
    "Essandoh", "Carnival Row", "Billions", "Years and Years", "Altered Carbon", "Celia",
    "Imrie", "Michael", "McKean", "Nana", "Mensah", "T’Nia", "Miller", "Miguel", "Sandoval",
    "Afghanistan", "United Kingdom", "London", "English", "Vice President of Drama",
    "57.48", "86", "April 20",
)  # fmt: skip


def test_extraction_code_names_nothing_from_the_shipped_article() -> None:
    modules = sorted(ARTICLE_PACKAGE.glob("*.py"))
    assert len(modules) > 1
    found = [
        (module.name, word)
        for module in modules
        for word in SHIPPED_NAMES_AND_FIGURES
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", module.read_text("utf-8"), re.IGNORECASE)
    ]
    assert found == []


# ----------------------------------------------------------- an HBO season 3 renewal (invented)

N = "nl"


@pytest.fixture(scope="module")
def northern() -> Catalog:
    return _extract(ARTICLES / "northern-lights-season-3.txt", N)


def test_northern_show(northern: Catalog) -> None:
    show = northern.show
    assert show is not None
    assert (show.title, show.network, show.creators) == ("Northern Lights", "HBO", ("Maren Holt",))
    assert show.premiered is None  # only the second season's premiere is given
    assert show.status == "Renewed for Season 3 (announced at San Diego Comic-Con)"
    assert show.synopsis == (
        "Three years after the Helsinki affair, Tom Reyes (Okafor) is pulled back into the "
        "field when Ivy Cole (Marsh) uncovers a mole inside MI6."
    )
    assert show.description == (
        "a slow-burn thriller about loyalty, secrets and the people who keep them."
    )
    assert show.quotes == (
        Quote(
            "Maren and this extraordinary cast have built something audiences can’t stop "
            "talking about. We can’t wait to show fans where Tom and Ivy go next.",
            speaker="Priya Natarajan",
            speaker_title="executive vice president of HBO Programming",
            sources=_ids(N, 7, 8),
        ),
    )
    assert show.sources == _ids(N, 1, 2, 7, 8, 9, 11)


def test_northern_cast_and_people(northern: Catalog) -> None:
    assert northern.cast == (
        CastCredit("Idris Okafor", "Tom Reyes", "main", 1, _ids(N, 2, 3, 9)),
        CastCredit("Lena Marsh", "Ivy Cole", "main", 2, _ids(N, 2, 3, 9)),
        CastCredit("Pavel Ostrov", None, "main", 3, _ids(N, 4)),
        CastCredit("Noor Haddad", None, "main", 4, _ids(N, 4)),
        CastCredit("Jonas Weil", "Felix Brandt", "main", 5, _ids(N, 10)),
        CastCredit("Tilda Grange", "Commander Ruth Abara", "guest", 6, _ids(N, 4)),
    )
    assert northern.people == (
        Person("Maren Holt", (), _ids(N, 2, 12)),
        Person("Idris Okafor", (), _ids(N, 2, 3, 9)),
        Person("Lena Marsh", (), _ids(N, 2, 3, 9)),
        Person("Pavel Ostrov", ("Severance", "The Terror"), _ids(N, 4)),
        Person("Noor Haddad", (), _ids(N, 4)),
        Person("Tilda Grange", (), _ids(N, 4)),
        Person("Jonas Weil", (), _ids(N, 10)),
        Person("Sam Ferris", (), _ids(N, 12)),
        Person("Ada Lindqvist", (), _ids(N, 12)),
        Person("Jonah Pike", (), _ids(N, 13)),
    )


def test_northern_crew(northern: Catalog) -> None:
    assert northern.crew == (
        CrewCredit("Maren Holt", ("creator", "executive producer"), 1, _ids(N, 2, 12)),
        CrewCredit("Sam Ferris", ("executive producer",), 2, _ids(N, 12)),
        CrewCredit("Ada Lindqvist", ("executive producer",), 3, _ids(N, 12)),
        CrewCredit("Jonah Pike", ("co-executive producer",), 4, _ids(N, 13)),
    )


def test_northern_seasons_episodes_and_stats(northern: Catalog) -> None:
    assert northern.seasons == (
        Season(2, None, "released", "2024-06-02", _ids(N, 5)),
        Season(3, 10, "announced", "2026", _ids(N, 1, 14)),
    )
    assert northern.episodes == tuple(Episode(3, n, sources=_ids(N, 14)) for n in range(1, 11))
    assert northern.stats == (
        Stat("weekly_rank", 2, "debut week", "HBO streaming Top 10", 2, _ids(N, 5)),
        Stat("hours_viewed", 31_600_000, "first 10 days", None, 2, _ids(N, 6)),
        Stat("top10_countries", 42, "first 10 days", None, 2, _ids(N, 6)),
    )
    assert [s.id for s in northern.sources] == list(_ids(N, *range(1, 15)))


# ----------------------------------------------------- an Apple TV+ season 2 renewal (invented)

D = "dj"


@pytest.fixture(scope="module")
def desk() -> Catalog:
    return _extract(ARTICLES / "desk-job-season-2.txt", D)


def test_desk_show(desk: Catalog) -> None:
    show = desk.show
    assert show is not None
    assert (show.title, show.network) == ("Desk Job", "Apple TV+")
    assert show.creators == ("Tess Amari", "Dev Kapoor")
    assert show.premiered == "2024-03-08"  # the first season's premiere
    assert show.status == "Renewed for Season 2"
    # "Per the official synopsis, “...”": nothing to prefix.
    assert show.synopsis == (
        "Jo Park (Castillo) takes a temp job at a failing paper company and accidentally "
        "becomes its best hope."
    )
    assert show.description is None
    assert show.quotes == (
        Quote(
            "Desk Job is the rare comedy that gets funnier every time you watch it. Tess and "
            "Dev have so much more in store for this office.",
            speaker="Rosa Lindgren",
            speaker_title="head of comedy at Apple TV+",
            sources=_ids(D, 8, 9),
        ),
    )
    assert show.sources == _ids(D, 1, 2, 5, 6, 8, 9)


def test_desk_cast_and_people(desk: Catalog) -> None:
    assert desk.cast == (
        CastCredit("Wren Castillo", "Jo Park", "main", 1, _ids(D, 2, 5)),
        CastCredit("Marcus Bell", "Theo Grant", "main", 2, _ids(D, 2)),
        CastCredit("Simone Achterberg", "Dana Delacroix", "main", 3, _ids(D, 2)),
        CastCredit("Bea Lowell", "Margo Finch", "guest", 4, _ids(D, 3)),
        CastCredit("Omar Nasser", None, "guest", 5, _ids(D, 4)),
        CastCredit("Lucy Tran", None, "guest", 6, _ids(D, 4)),
    )
    assert desk.people == (
        Person("Tess Amari", (), _ids(D, 2, 10, 11)),
        Person("Dev Kapoor", ("Broad City", "Party Down"), _ids(D, 2, 10, 11)),
        Person("Wren Castillo", (), _ids(D, 2, 5)),
        Person("Marcus Bell", (), _ids(D, 2)),
        Person("Simone Achterberg", (), _ids(D, 2)),
        Person("Bea Lowell", (), _ids(D, 3)),
        Person("Omar Nasser", (), _ids(D, 4)),
        Person("Lucy Tran", (), _ids(D, 4)),
        Person("Lauren Shaw", (), _ids(D, 11)),
        Person("Felix Ortega", (), _ids(D, 12)),
    )


def test_desk_crew(desk: Catalog) -> None:
    roles = ("creator", "showrunner", "executive producer")
    assert desk.crew == (
        CrewCredit("Tess Amari", roles, 1, _ids(D, 2, 10, 11)),
        CrewCredit("Dev Kapoor", roles, 2, _ids(D, 2, 10, 11)),
        CrewCredit("Lauren Shaw", ("executive producer",), 3, _ids(D, 11)),
        CrewCredit("Felix Ortega", ("director",), 4, _ids(D, 12)),
    )


def test_desk_seasons_episodes_and_stats(desk: Catalog) -> None:
    assert desk.seasons == (
        Season(1, 9, "released", "2024-03-08", _ids(D, 6)),
        Season(2, None, "announced", None, _ids(D, 1)),
    )
    assert desk.episodes == tuple(Episode(1, n, sources=_ids(D, 6)) for n in range(1, 10))
    assert desk.stats == (
        Stat("weekly_rank", 4, "debut week", "Apple TV+ Top 10", 1, _ids(D, 6)),
        Stat("hours_viewed", 820_000, "first three days", None, 1, _ids(D, 7)),
        Stat("weeks_in_top10", 4, None, None, 1, _ids(D, 7)),
    )


# ------------------------------------------------------------------------- single rules

INTRO = "Peacock’s new crime drama Hollow Point has received a second season. "


def _stats_of(sentence: str) -> list[tuple[str, float]]:
    return [(s.metric, s.value) for s in extract(INTRO + sentence, source_id="t").stats]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It had 57.48 million hours viewed.", [("hours_viewed", 57_480_000)]),
        ("It had 57.48M hours viewed.", [("hours_viewed", 57_480_000)]),
        ("It racked up 1.2B hours.", [("hours_viewed", 1_200_000_000)]),
        ("It drew 820,000 hours in a week.", [("hours_viewed", 820_000)]),
        ("It drew 3.5 million views.", [("views", 3_500_000)]),
        ("Each episode runs 2 hours.", []),
        ("It opened at No. 3 on the weekly Top 10 list.", [("weekly_rank", 3)]),
        ("It opened at number one on the Top 10.", [("weekly_rank", 1)]),
        ("It reached Top 10 lists in twelve countries.", [("top10_countries", 12)]),
        ("It spent 6 consecutive weeks in the Top 10.", [("weeks_in_top10", 6)]),
    ],
)
def test_figures(sentence: str, expected: list[tuple[str, float]]) -> None:
    assert _stats_of(sentence) == expected


def test_figures_are_exact_numbers() -> None:
    (stat,) = extract(INTRO + "It had 0.07M hours viewed.", source_id="t").stats
    assert stat.value == 70_000 and type(stat.value) is int


@pytest.mark.parametrize(
    ("phrase", "count"),
    [
        ("The 8-episode series", 8),
        ("The twelve-episode series", 12),
        ("The drama, a series of six episodes,", 6),
    ],
)
def test_episode_counts(phrase: str, count: int) -> None:
    catalog = extract(INTRO + f"{phrase} premiered on May 5, 2023.", source_id="t")
    assert catalog.seasons[0] == Season(1, count, "released", "2023-05-05", ("t#s2",))
    assert catalog.show is not None and catalog.show.premiered == "2023-05-05"
    assert len(catalog.episodes) == count


@pytest.mark.parametrize(
    ("sentence", "season"),
    [
        ("FX has renewed its comedy Burnt Toast for a fourth season.", 4),
        ("Burnt Toast has been renewed for Season 5 at FX.", 5),
        ("FX’s hit comedy Burnt Toast got a 3rd season.", 3),
    ],
)
def test_renewals(sentence: str, season: int) -> None:
    catalog = extract(sentence, source_id="t")
    assert catalog.show is not None and catalog.show.title == "Burnt Toast"
    assert catalog.show.status == f"Renewed for Season {season}"
    assert catalog.seasons == (Season(season, None, "announced", None, ("t#s1",)),)


def test_network_from_where_the_show_streams() -> None:
    catalog = extract("Burnt Toast has been renewed. It is streaming on Hulu.", source_id="t")
    assert catalog.show is not None and catalog.show.network == "Hulu"


def test_sentences_survive_abbreviations_ellipses_and_quotes() -> None:
    text = (
        INTRO + "Dr. J. Smith said it ranked at No. 1 on the U.S. Top 10… again. "
        "“It works. It really does,” said Ann Lee, chief of content. Guest stars include Bo Li."
    )
    catalog = extract(text, source_id="t")
    assert [s.quote for s in catalog.sources] == [
        INTRO.strip(),
        "Dr. J. Smith said it ranked at No. 1 on the U.S. Top 10… again.",
        "“It works. It really does,” said Ann Lee, chief of content.",
        "Guest stars include Bo Li.",
    ]
    assert catalog.stats == (Stat("weekly_rank", 1, None, "U.S. Top 10", 1, ("t#s2",)),)
    assert catalog.show is not None
    assert catalog.show.quotes == (
        Quote("It works. It really does.", "Ann Lee", "chief of content", ("t#s3",)),
    )


def test_starring_with_characters_and_surname_resolution() -> None:
    text = (
        INTRO + "It stars Mia Long as Detective Rae Holm and Jon Ek & Sara Ek. "
        "Long also serves as an executive producer. Ek plays Tove."
    )
    catalog = extract(text, source_id="t")
    assert [(c.person, c.character) for c in catalog.cast] == [
        ("Mia Long", "Detective Rae Holm"),
        ("Jon Ek", None),
        ("Sara Ek", None),
    ]  # "Ek" could be either: not resolved, not invented
    assert catalog.crew == (CrewCredit("Mia Long", ("executive producer",), 1, ("t#s3",)),)


def test_casting_news_added_to_the_cast_and_joins_as() -> None:
    text = (
        "Hulu’s legal drama Bench Trial has added Ana de Armas and Rui Costa to the cast of "
        "Season 2. Costa (Narcos) joins as Judge Ida Vale. Hulu added that filming has begun. "
        "It also added Bo Li, who directs."
    )
    catalog = extract(text, source_id="t")
    assert catalog.cast == (
        CastCredit("Ana de Armas", None, "main", 1, ("t#s1",)),
        CastCredit("Rui Costa", "Judge Ida Vale", "main", 2, ("t#s1", "t#s2")),
    )
    assert catalog.person("Rui Costa") == Person("Rui Costa", ("Narcos",), ("t#s1", "t#s2"))


def test_text_is_sanitized_first() -> None:
    catalog = extract(INTRO + "It stars \x1b[31mMia Long\x1b[0m.", source_id="t")
    assert [c.person for c in catalog.cast] == ["Mia Long"]
    assert all("\x1b" not in (s.quote or "") for s in catalog.sources)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "The weather was fine on Tuesday. Nothing else happened."],
)
def test_text_without_a_show_is_refused(text: str) -> None:
    with pytest.raises(ArticleError, match="No series title"):
        extract(text, source_id="t")


# ----------------------------------------------------------------------------- reading


def test_read_article_returns_the_text() -> None:
    assert read_article(SHIPPED).startswith("Netflix‘s hit political thriller")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("\ufeffHBO’s drama X has received a second season.".encode(), "HBO’s drama X"),
        ("HBO’s drama X has received a second season.".encode("utf-16"), "HBO’s drama X"),
    ],
)
def test_read_article_accepts_boms(tmp_path: Path, data: bytes, text: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    assert read_article(path).startswith(text)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\n", "is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
        ("noise.bin", bytes(range(1, 32)) * 40 + b"text", "binary"),
        ("latin1.txt", "Renée’s café drama".encode("cp1252"), "not UTF-8 text: convert it"),
        ("huge.txt", b"a" * (MAX_ARTICLE_BYTES + 1), "too large"),
    ],
)
def test_read_article_refuses(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as caught:
        read_article(path)
    assert name in str(caught.value) and "\n" not in str(caught.value)


def test_read_article_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="missing.txt does not exist"):
        read_article(tmp_path / "missing.txt")


def test_read_article_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(tmp_path)
