"""Where things live, the sample config file, the theme saved in it, and the warnings a
config file with mistakes gets at start."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.theme import BUILTIN_THEMES

from diplomat_tui.bindings import app_bindings, clean_keymap, is_key, keymap_warnings
from diplomat_tui.cli import main
from diplomat_tui.config import save_theme
from diplomat_tui.errors import DiplomatError
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store

from helpers.app import NotedApp, notifications


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def config_file(tmp_path: Path) -> Path:
    """The config file the ``data_dir`` fixture points at."""
    return tmp_path / "config" / "config.toml"


def test_locate_prints_where_everything_lives(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "locate")
    assert status == 0
    assert out.splitlines() == [
        f"store        {data_dir / 'store.json'}",
        f"backup       {data_dir / 'store.json.bak'}",
        f"user data    {data_dir / 'user.json'}",
        f"data folder  {data_dir}",
        f"config       {config_file(tmp_path)}",
        f"HTTP cache   {tmp_path / 'cache' / 'http-cache.sqlite'}",
        f"screenshots  {tmp_path / 'screenshots'}",
        "(no config file yet: `diplomat-tui config init` writes a commented sample)",
    ]
    assert not data_dir.exists()  # locating creates nothing
    status, out, _ = run(capsys, "--data-dir", "elsewhere", "locate")
    assert out.splitlines()[0] == "store        elsewhere/store.json"
    assert not (tmp_path / "cache").exists()


def test_config_init_writes_a_commented_sample_listing_every_binding_and_theme(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "config", "init")
    config = config_file(tmp_path)
    assert status == 0 and out == f"wrote a sample config file at {config}\n"
    text = config.read_text()
    assert tomllib.loads(text) == {"theme": "textual-dark", "keys": {}, "sources": {}}
    bindings = app_bindings()
    assert {"app.quit", "list.down", "pane.cast", "detail.back", "help.close"} <= {
        b.id for b in bindings
    }
    for binding in bindings:  # each one commented out, with its default keys
        assert f'# "{binding.id}" = "{",".join(binding.keys)}"' in text
    assert all(theme in text for theme in BUILTIN_THEMES)
    # the sample, uncommented, is a valid keymap with no clash
    keymap = {b.id: ",".join(b.keys) for b in bindings}
    assert clean_keymap(keymap, "x") == (keymap, [])
    assert keymap_warnings(keymap, bindings, "x") == []
    status, _, err = run(capsys, "config", "init")
    assert status == 1 and config.read_text() == text
    assert err == (
        f"diplomat-tui: the config file {config} already exists; it was left as is. To start "
        "again from the sample, move it aside and run `diplomat-tui config init` again.\n"
    )


def test_saving_the_theme_keeps_the_rest_of_the_file_and_its_comments(tmp_path: Path) -> None:
    config = tmp_path / "deep" / "config.toml"
    save_theme(config, "nord")
    assert tomllib.loads(config.read_text()) == {"theme": "nord"}
    config.write_text(
        '# my settings\ntheme = "nord"  # picked in the palette\n\n[keys]\n'
        '"list.down" = "j,down,ctrl+n"  # like emacs\n'
    )
    save_theme(config, "dracula")
    assert config.read_text() == (
        '# my settings\ntheme = "dracula"  # picked in the palette\n\n[keys]\n'
        '"list.down" = "j,down,ctrl+n"  # like emacs\n'
    )


def test_a_theme_that_cannot_be_saved_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = ")
    with pytest.raises(DiplomatError, match="it is not valid TOML") as raised:
        save_theme(config, "nord")
    assert "\n" not in str(raised.value) and config.read_text() == "theme = "


@pytest.mark.parametrize(
    ("key", "known"),
    [
        ("j", True),
        ("G", True),
        ("question_mark", True),
        ("slash", True),
        ("ctrl+n", True),
        ("f1", True),
        ("pagedown", True),
        ("?", True),
        ("notakey", False),
        ("ctrl+", False),
        ("hyperspace+j", False),
        ("<any>", False),
    ],
)
def test_key_names(key: str, known: bool) -> None:
    from diplomat_tui.bindings import normal_key

    assert is_key(normal_key(key)) is known


def open_app(store: Store) -> NotedApp:
    return NotedApp(store=store, snapshot=store.snapshot(), settings=load_settings())


async def test_a_config_with_mistakes_is_warned_about_and_keeps_the_app_usable(
    store: Store, tmp_path: Path
) -> None:
    config = config_file(tmp_path)
    config.parent.mkdir()
    config.write_text(
        'theme = "no-such-theme"\nimgaes = false\n[sources]\ntvmaze = "x"\n'
        '[keys]\n"app.quit" = "notakey"\n"app.nosuch" = "x"\n'
        '"app.help" = "j,question_mark"\n'
    )
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.3)
        notes = await notifications(app, pilot)
        assert notes == [
            "config.toml: 'notakey' for app.quit is not a key; it keeps its default keys",
            "config.toml: there is no theme 'no-such-theme' (`diplomat-tui config init` lists "
            "them); using textual-dark",
            "config.toml: there is no setting imgaes (`diplomat-tui config init` writes a "
            "commented sample); it was ignored",
            "config.toml: there is no setting [sources] tvmaze (`diplomat-tui config init` "
            "writes a commented sample); it was ignored",
            "config.toml: no binding is called 'app.nosuch' (`diplomat-tui config init` lists "
            "them)",
            "config.toml: j is bound to app.help, charts.down, detail.down, help.down and "
            "list.down; "
            "only one can work",
        ]
        assert app.theme == "textual-dark"
        await pilot.press("q")  # "notakey" did not take q away from quit
        await pilot.pause()
        assert not app.is_running


async def test_a_good_config_starts_without_a_word(store: Store, tmp_path: Path) -> None:
    config = config_file(tmp_path)
    config.parent.mkdir()
    config.write_text('theme = "nord"\n[keys]\n"list.down" = "j,down,ctrl+n"\n"app.quit" = "q,x"\n')
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.3)
        assert app.theme == "nord" and not app.notes
        await pilot.press("x")
        await pilot.pause()
        assert not app.is_running


async def test_a_theme_that_cannot_be_saved_says_so_and_the_app_goes_on(
    store: Store, tmp_path: Path
) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        config_file(tmp_path).mkdir(parents=True)  # the file became a folder meanwhile
        app.theme = "nord"
        notes = await notifications(app, pilot)
        assert notes == [
            f"Not saved: cannot save the theme in the config file {config_file(tmp_path)}: "
            "Is a directory"
        ]
        assert app.is_running and app.theme == "nord"


async def test_a_screenshot_that_cannot_be_saved_says_where_it_was_going(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine")
    monkeypatch.setenv("DIPLOMAT_TUI_SCREENSHOT_DIR", str(afile))
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+s")
        notes = await notifications(app, pilot)
        assert notes == [f"Screenshot not saved: cannot write in {afile}: File exists"]
    assert afile.read_text() == "mine"


def test_keys_of_the_charts_compete_with_the_main_screen_not_with_the_lists() -> None:
    bindings = app_bindings()
    # a list and the charts never have the keyboard at once: "down" for both is fine
    assert keymap_warnings({"list.down": "j,down"}, bindings, "config.toml") == []
    # the Stats pane's own key works while the charts have the keyboard: a clash
    assert keymap_warnings({"stats.charts": "pagedown"}, bindings, "config.toml") == [
        "config.toml: pagedown is bound to charts.page_down and stats.charts; only one can work"
    ]


@pytest.mark.parametrize("url", ["ftp://x", "not a url", "http://"])
def test_a_source_address_that_is_not_http_is_refused_in_one_line(
    data_dir: Path, tmp_path: Path, url: str
) -> None:
    config = config_file(tmp_path)
    config.parent.mkdir()
    config.write_text(f'[sources]\ntop10_url = "{url}"\n')
    with pytest.raises(DiplomatError) as refused:
        load_settings()
    assert str(refused.value) == (
        f"the config file {config} sets [sources] top10_url = {url!r}, but it must be an "
        "http:// or https:// address"
    )
