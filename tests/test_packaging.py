"""What a plain `pip install .` ships: the article, the styles, the command."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tests.tmux import installed_command

SEED = "the-diplomat-season-2-renewal.txt"


def test_the_wheel_ships_the_article_and_the_styles() -> None:
    package = resources.files("diplomat_tui")
    article = package.joinpath("assets", "articles", SEED)
    assert "Keri Russell" in article.read_text(encoding="utf-8")
    assert package.joinpath("app.tcss").is_file()


def test_the_shipped_article_is_the_seed_document() -> None:
    shipped = resources.files("diplomat_tui").joinpath("assets", "articles", SEED)
    repo_copy = Path(__file__).parents[1] / "src" / "diplomat_tui" / "assets" / "articles" / SEED
    assert shipped.read_bytes() == repo_copy.read_bytes()


def test_the_diplomat_tui_command_is_installed() -> None:
    assert installed_command().is_file()
