"""Hostile and broken input: text that tries to take over the terminal, bad articles, sizes.

Untrusted text (a stored catalog, an ingested article, a server's JSON) must show
literally or harmlessly: markup is not parsed (so ``[@click=...]`` runs nothing when
clicked), escape sequences and bidi overrides never reach the terminal, huge text does
not break the layout. The screen is read back from the compositor, segment by segment.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from diplomat_tui.app import DiplomatApp
from diplomat_tui.cli import main
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Quote,
    Season,
    Show,
    Source,
    Stat,
)
from diplomat_tui.sanitize import clean_line
from diplomat_tui.screens.detail import Detail, DetailScreen
from diplomat_tui.screens.main import MainScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.sources import Origin
from diplomat_tui.sources.tvmaze import EMBEDDED, parse_show_with_embeds
from diplomat_tui.store import Store
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import NavList

from helpers.app import palette_highlights

ROOT = Path(__file__).parents[1]

# Markup that must show as typed (and run nothing).
CLICK = "[@click=app.quit]x[/]"
SHOT = "[@click=app.screenshot('pwned.svg')]shot[/]"
BELL = "[$accent @click=app.bell]ring[/]"
SPACED = "[ @click=app.quit]spaced[/]"
LINK = "[link=file:///etc/passwd]passwd[/link]"
BOLD = "[bold red]loud[/]"
CLOSER = "[/x] closes nothing"
MARKUP = (CLICK, SHOT, BELL, SPACED, LINK, BOLD, CLOSER)
# Escapes and overrides that must vanish, leaving the text around them.
OSC52 = "copy\x1b]52;c;cG93bmVk\x07this"
CLEAR = "\x1b[2Jcleared"
CSI8 = "\x9b31mred"
WINDOW_TITLE = "\x1b]0;owned\x07Kate"
RTL = "Kate \u202eWyler\u202c"
ESCAPES = (OSC52, CLEAR, CSI8, WINDOW_TITLE, RTL)
EMOJI = "Kate 🕵️‍♀️ Wyler 👩🏽‍⚖️"
HUGE = "Huge " + "N" * 100_000
FORBIDDEN_ACTIONS = ("quit", "screenshot", "bell", "suspend", "simulate_key", "open_url")
HOSTILE_ARTICLE = (
    f"Netflix's hit drama The Diplomat has added Zora Quill {CLICK} to the cast.\n\n"
    f"Per the official synopsis, \u201cKate Wyler {LINK} reads {OSC52} the files {CLEAR} "
    f"and {BELL}.\u201d\n\n"
    f"\u201cIt is a thrill {CLOSER},\u201d said Zora Quill, {SPACED}.\n\n"
    f"Season 1 of The Diplomat hit No. 1 on Netflix's Top 10 TV (English) list with 57.48M "
    f"hours viewed {SHOT} {WINDOW_TITLE}.\n"
)
ARTICLE_LITERALS = (CLICK, LINK, BELL, CLOSER, SPACED, SHOT, "reads copythis the files cleared")


def hostile_catalog(huge: bool = True) -> Catalog:
    """A catalog with hostile text in every field the app shows (and a 100 KB name)."""
    sources = ("s1",)
    return Catalog(
        show=Show(
            title="The Diplomat",
            network=BOLD,
            creators=(LINK,),
            premiered=CLEAR,
            status=CSI8,
            synopsis=f"{OSC52} {CLOSER}",
            description=SPACED,
            quotes=(Quote(BELL, speaker=SHOT, speaker_title=RTL, sources=sources),),
            sources=sources,
        ),
        people=(
            Person(CLICK, known_for=(LINK,), sources=sources),
            *([Person(HUGE, sources=sources)] if huge else []),
            Person(EMOJI, sources=sources),
            Person(SHOT, sources=sources),
            Person(BELL, sources=sources),
        ),
        cast=(
            CastCredit(CLICK, WINDOW_TITLE, "main", 0, sources),
            *([CastCredit(HUGE, BOLD, "main", 1, sources)] if huge else []),
            CastCredit(EMOJI, RTL, "guest", 2, sources),
            CastCredit(SHOT, SPACED, "guest", 3, sources),
        ),
        crew=(CrewCredit(BELL, (CLOSER,), 0, sources),),
        seasons=(Season(1, 2, BOLD, CLEAR, sources),),
        episodes=(
            Episode(1, 1, CLICK, CLEAR, 50, f"{OSC52} {CLOSER}", sources),
            Episode(1, 2, CSI8, None, None, LINK, sources),
        ),
        stats=(Stat("hours_viewed", 57_480_000, SPACED, LINK, 1, sources),),
        sources=(
            Source("s1", "article", BOLD, LINK, quote=f"{CLICK} said {SHOT} {CLEAR}"),
            Source("s2", "tvmaze", CLOSER, f"https://example.org/{CLICK}"),
        ),
    )


@pytest.fixture
def hostile_store(data_dir: Path) -> Store:
    store = Store(data_dir / "store.json")
    store.create(hostile_catalog())
    return store


@pytest.fixture
def markup_store(data_dir: Path) -> Store:
    """The hostile store without the 100 KB name (slow to lay out at every size)."""
    store = Store(data_dir / "store.json")
    store.create(hostile_catalog(huge=False))
    return store


@pytest.fixture
def ingested_store(store: Store, tmp_path: Path) -> Store:
    """The seeded store after ``diplomat-tui ingest`` of a hostile article."""
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    assert main(["ingest", str(article)]) == 0
    return store


def open_app(store: Store) -> DiplomatApp:
    """The app on ``store``, animations off (the tests wait for every one to end)."""
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    app.animation_level = "none"
    return app


# -- watching the app --------------------------------------------------------------------


class Guard:
    """Records every action, bell and screenshot the app attempts."""

    def __init__(self, app: DiplomatApp) -> None:
        self.actions: list[str] = []
        self.effects: list[str] = []
        run_action = app.run_action

        async def recording_run_action(action: object, *args: object, **kwargs: object) -> bool:
            self.actions.append(str(action))
            return await run_action(action, *args, **kwargs)  # type: ignore[arg-type]

        app.run_action = recording_run_action  # type: ignore[method-assign]
        app.bell = lambda: self.effects.append("bell")  # type: ignore[method-assign]
        app.deliver_screenshot = lambda *a, **k: self.effects.append("screenshot")  # type: ignore[method-assign]

    def assert_nothing_ran(self) -> None:
        hostile = [a for a in self.actions if any(word in a for word in FORBIDDEN_ACTIONS)]
        assert hostile == [] and self.effects == []


def screen_lines(app: DiplomatApp) -> list[str]:
    """The screen as the terminal would show it, line by line, after checking every
    segment: no control character, escape or bidi override, no click action, no link."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            assert not CONTROL.search(segment.text), repr(segment.text)
            if segment.style:
                assert "@click" not in segment.style.meta, segment.style.meta
                assert not segment.style.link, segment.style.link
        lines.append(strip.text)
    return lines


# C0 and C1 controls (ESC included), DEL, and the bidi embeddings, overrides and isolates.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def find(lines: list[str], needle: str) -> tuple[int, int] | None:
    """Where ``needle`` starts on the screen, as (x, y) cells (wide characters counted once)."""
    for y, text in enumerate(lines):
        if (x := text.find(needle)) >= 0:
            return x, y
    return None


class Walk:
    """A tour of every pane and of the detail views that show hostile text.

    Each needle is clicked the first time it shows on a list and the first time it shows in
    a detail view; every screen is checked segment by segment (:func:`screen_lines`: no
    click action anywhere), which covers the places not clicked.
    """

    def __init__(self, app: DiplomatApp, pilot: Pilot[None], needles: tuple[str, ...]) -> None:
        self.app, self.pilot, self.needles = app, pilot, needles
        self.seen: list[str] = []
        self.clicked: set[tuple[str, type]] = set()

    async def run(self) -> str:
        """Walk, and return all the text seen on the way."""
        for key in "12345":
            await self.pilot.press(key)
            main_screen = self.app.screen
            assert isinstance(main_screen, MainScreen)
            await self.look_and_click()
            pane = main_screen.current_pane
            if isinstance(pane, ListPane):
                for index in self.hostile_rows(pane):
                    pane.navlist.highlighted = index
                    await self.pilot.press("enter")
                    assert isinstance(self.app.screen, DetailScreen)
                    await self.look_and_click()
                    await self.pilot.press("escape")
                    assert self.app.screen is main_screen
        return "\n".join(self.seen)

    def hostile_rows(self, pane: ListPane) -> list[int]:
        """The rows whose detail view shows one of the needles."""
        rows = []
        for index in range(pane.navlist.option_count):
            option = pane.navlist.get_option_at_index(index)
            if option.disabled or option.id is None:
                continue
            detail = pane.detail(self.app.snapshot, option.id)
            if detail and any(needle in _detail_text(detail) for needle in self.needles):
                rows.append(index)
        return rows

    async def look_and_click(self) -> None:
        """Record the screen; click the needles not clicked yet on this kind of screen."""
        start = self.app.screen
        lines = screen_lines(self.app)
        self.seen += lines
        for needle in self.needles:
            where = find(lines, needle)
            if where is None or (needle, type(start)) in self.clicked:
                continue
            self.clicked.add((needle, type(start)))
            x, y = where
            await self.pilot.click(offset=(x + len(needle) // 2, y))
            self.seen += screen_lines(self.app)
            while self.app.screen is not start:
                await self.pilot.press("escape")


def _detail_text(detail: Detail) -> str:
    sources = (f"{s.title} {s.quote} {s.url}" for s in detail.sources)
    return " ".join([detail.title, *(fact.plain for fact in detail.facts), *sources])


# -- hostile text in the app -------------------------------------------------------------


async def test_hostile_text_in_the_store_shows_literally_and_runs_nothing(
    hostile_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = open_app(hostile_store)
    async with app.run_test(size=(160, 50)) as pilot:
        guard = Guard(app)
        await pilot.press("s")  # spoilers shown: the summaries are on screen too
        seen = await Walk(app, pilot, MARKUP).run()
        assert app.is_running
    guard.assert_nothing_ran()
    for text in (*MARKUP, *(clean_line(raw) for raw in ESCAPES), EMOJI, "N" * 120):
        assert text in seen, text
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == []


async def test_a_hostile_article_ingested_shows_literally_and_runs_nothing(
    ingested_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    stored = ingested_store.path.read_text(encoding="utf-8")
    assert "\x1b" not in stored and "\u202e" not in stored  # cleaned before it was stored
    app = open_app(ingested_store)
    async with app.run_test(size=(200, 50)) as pilot:
        guard = Guard(app)
        seen = await Walk(app, pilot, ARTICLE_LITERALS[:-1]).run()
        assert app.is_running
    guard.assert_nothing_ran()
    for text in ARTICLE_LITERALS:
        assert text in seen, text


async def test_a_hostile_show_title_in_the_header_is_harmless(data_dir: Path) -> None:
    catalog = hostile_catalog(huge=False)
    assert catalog.show is not None
    title = f"The Diplomat {WINDOW_TITLE} {CLICK} {RTL}"
    store = Store(data_dir / "store.json")
    store.create(replace(catalog, show=replace(catalog.show, title=title)))
    app = open_app(store)
    async with app.run_test(size=(160, 50)):
        assert clean_line(title) in screen_lines(app)[0]


async def test_hostile_names_in_the_command_palette_are_plain_text(markup_store: Store) -> None:
    app = open_app(markup_store)
    async with app.run_test(size=(120, 40)) as pilot:
        guard = Guard(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        await palette_highlights(app, pilot, "click")
        lines = screen_lines(app)
        assert find(lines, CLICK) is not None
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert app.screen.pane == "cast"
    guard.assert_nothing_ran()


async def test_a_100_kb_name_at_the_smallest_size(hostile_store: Store) -> None:
    app = open_app(hostile_store)
    async with app.run_test(size=(20, 6)) as pilot:
        await pilot.press("2", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert "NNNN" in "".join(screen_lines(app))
        await pilot.press("escape", "G")
        assert app.is_running


def recorded_tvmaze(name: str) -> Any:
    """A recorded TVmaze answer, decoded."""
    return json.loads((ROOT / "tests" / "recorded" / "tvmaze" / f"{name}.json").read_bytes())


def test_a_lone_surrogate_from_a_server_is_dropped_before_the_store(store: Store) -> None:
    """A JSON "\\ud800" escape decodes to a lone surrogate, which UTF-8 cannot encode:
    it used to pass the sanitizer and make the save fail with a traceback."""
    answer = recorded_tvmaze("show")
    answer["_embedded"] = {part: recorded_tvmaze(part) for part in EMBEDDED}
    cast = answer["_embedded"]["cast"]
    cast[0]["person"]["name"] = "Keri \ud800Russell"
    cast[0]["character"]["name"] = "Kate \udfffWyler"
    origin = Origin("TVmaze show", "http://x")
    parsed = parse_show_with_embeds(json.dumps(answer).encode(), origin, "tv:show", date.today())
    assert parsed.cast[0].person == "Keri Russell"
    store.update_catalog(lambda _old: parsed)
    assert store.snapshot().catalog.cast[0].character == "Kate Wyler"


# -- broken articles ---------------------------------------------------------------------


def latin_1(path: Path) -> str:
    path.write_bytes("Netflix’s drama The Diplomat stars Kéri Russell.".encode("cp1252"))
    return f"{path} is not UTF-8 text: convert it to UTF-8 (e.g. with iconv) and try again."


def binary(path: Path) -> str:
    path.write_bytes(bytes(range(256)) * 64)
    return f"{path} is a binary file, not article text."


def empty(path: Path) -> str:
    path.write_bytes(b"  \n\n ")
    return f"{path} is empty: there is no article text in it."


def huge(path: Path) -> str:
    path.write_bytes(b"The Diplomat is a drama. " * 420_000)  # 10.5 MB
    return f"{path} is too large for an article (the limit is 2,000,000 bytes)."


def other_series(path: Path) -> str:
    path.write_bytes((ROOT / "tests" / "articles" / "desk-job-season-2.txt").read_bytes())
    return f"{path} is about 'Desk Job', not 'The Diplomat': nothing was added."


def no_show(path: Path) -> str:
    path.write_text("It rained all day. Nobody watched anything.", encoding="utf-8")
    return f"{path}: No series title found: this does not read as an article about a show."


@pytest.mark.parametrize("make", [latin_1, binary, empty, huge, other_series, no_show])
def test_a_broken_article_is_refused_in_one_line_and_changes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object
) -> None:
    article = tmp_path / "article.txt"
    message = make(article)  # type: ignore[operator]
    before = {p.name: p.read_bytes() for p in store.path.parent.iterdir()}
    assert main(["ingest", str(article)]) == 1
    assert capsys.readouterr().err == f"diplomat-tui: {message}\n"
    assert {p.name: p.read_bytes() for p in store.path.parent.iterdir()} == before


# -- terminal sizes ----------------------------------------------------------------------

SIZES = [(20, 6), (30, 8), (40, 12), (60, 20), (80, 24), (120, 40), (300, 100)]
START_SIZES = [(20, 6), (30, 8), (40, 12), (300, 100)]


@pytest.mark.parametrize("size", START_SIZES, ids=[f"{w}x{h}" for w, h in START_SIZES])
async def test_the_app_starts_and_works_at_small_and_huge_sizes(
    markup_store: Store, size: tuple[int, int]
) -> None:
    app = open_app(markup_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("2", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        screen_lines(app)
        await pilot.press("escape", "3", "4", "5", "1")
        screen_lines(app)
        assert app.is_running


async def test_resizing_through_every_size_while_working(markup_store: Store) -> None:
    app = open_app(markup_store)
    async with app.run_test(size=(80, 24)) as pilot:
        for (width, height), key in zip(SIZES + SIZES[::-1], "12345123451234", strict=True):
            await pilot.resize_terminal(width, height)
            await pilot.press(key, "j")
            screen_lines(app)
        await pilot.press("2", "enter")
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            screen_lines(app)
        assert app.is_running and isinstance(app.screen, DetailScreen)


PANE_KEYS = {"cast": "2", "episodes": "3", "sources": "5"}


@pytest.mark.parametrize(("pane", "moves"), [("cast", 3), ("episodes", 2), ("sources", 1)])
async def test_a_resize_keeps_the_highlighted_row(store: Store, pane: str, moves: int) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(PANE_KEYS[pane], *"j" * moves)
        nav = app.screen.query_one(f"#{pane}-list", NavList)
        assert isinstance(app.focused, OptionList) and app.focused is nav
        chosen = nav.selected_id
        assert chosen is not None
        for width, height in [(40, 12), (20, 6), (300, 100), (120, 40)]:
            await pilot.resize_terminal(width, height)
            assert nav.selected_id == chosen, (width, height)
            assert app.focused is nav
