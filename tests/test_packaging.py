"""What a plain `pip install .` ships: the article, the styles, the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from importlib import resources
from pathlib import Path

from helpers.tmux import installed_command

SEED = "the-diplomat-season-2-renewal.txt"


def test_the_wheel_ships_the_article_and_the_styles() -> None:
    package = resources.files("diplomat_tui")
    article = package.joinpath("assets", "articles", SEED)
    assert "Keri Russell" in article.read_text(encoding="utf-8")
    assert package.joinpath("app.tcss").is_file()


def test_the_shipped_article_is_the_seed_document() -> None:
    shipped = resources.files("diplomat_tui").joinpath("assets", "articles", SEED)
    repo_copy = Path(__file__).parents[1] / "assets" / "articles" / SEED
    assert shipped.read_bytes() == repo_copy.read_bytes()


def test_the_diplomat_tui_command_is_installed() -> None:
    assert installed_command().is_file()


def test_a_plain_wheel_in_a_fresh_venv_runs_from_any_folder(tmp_path: Path) -> None:
    """`pip install .` gives a working app: the wheel carries assets/ and the LICENSE."""
    repo = Path(__file__).parents[1]
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels)]
    subprocess.run([*build, str(repo)], check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("diplomat_tui-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert f"diplomat_tui/assets/articles/{SEED}" in names
    assert any(name.endswith("licenses/LICENSE") for name in names)

    venv = tmp_path / "venv"
    # No pip of its own (seeding one costs seconds): this venv's pip installs into it.
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120
    )
    # The dependencies come from this venv (no download); the package only from the wheel.
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(venv / "bin" / "python"),
        "install",
        "--quiet",
        "--no-deps",
        "--ignore-installed",
    ]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True, timeout=300)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "DIPLOMAT_TUI_DATA_DIR": str(tmp_path / "data")}
    env["DIPLOMAT_TUI_CONFIG_DIR"] = str(tmp_path / "config")
    result = subprocess.run(
        [str(venv / "bin" / "diplomat-tui"), "export"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["show"]["title"] == "The Diplomat"
