"""The command line: export, ingest, reset, --version, --help and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplomat_tui import __version__
from diplomat_tui.cli import main

ARTICLES = Path(__file__).parent / "articles"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def export(capsys: pytest.CaptureFixture[str]) -> dict:
    status, out, _ = run(capsys, "export", "--format", "json")
    assert status == 0
    return json.loads(out)


def test_export_json_has_the_designed_shape(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = export(capsys)
    assert data["schema"] == 1
    assert {"title", "network", "synopsis", "premiered", "status", "creators"} <= set(data["show"])
    assert data["show"]["title"] == "The Diplomat"
    assert data["show"]["premiered"] == "April 20"
    kate = next(c for c in data["cast"] if c["name"] == "Keri Russell")
    assert kate["character"] == "Kate Wyler" and kate["billing"] == "main" and kate["sources"]
    gyasi = next(c for c in data["cast"] if c["name"] == "David Gyasi")
    assert gyasi["character"] is None and gyasi["known_for"] == ["Carnival Row"]
    assert {c["name"] for c in data["cast"] if c["billing"] == "guest"} == {
        "Celia Imrie",
        "Michael McKean",
        "Nana Mensah",
        "T’Nia Miller",
        "Miguel Sandoval",
    }
    crew = {c["name"]: c["roles"] for c in data["crew"]}
    assert "creator" in crew["Debora Cahn"] and crew["Dan Toland"] == ["producer"]
    episodes = [e for e in data["episodes"] if e["season"] == 1]
    assert len(episodes) == 8 and all(
        e["title"] is None and e["watched"] is False for e in episodes
    )
    hours = next(s for s in data["stats"] if s["metric"] == "hours_viewed")
    assert hours["value"] == 57480000 and isinstance(hours["value"], int)
    assert all({"id", "kind", "title", "url", "fetched"} <= set(s) for s in data["sources"])
    assert (data_dir / "store.json").exists()


def test_export_markdown_is_a_readable_page(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "export", "--format", "markdown")
    assert status == 0
    assert out.startswith("# The Diplomat")
    assert "**Keri Russell** as Kate Wyler" in out
    assert "## Episodes" in out and "### Season 2" in out


def test_ingest_merges_a_further_article_with_its_sources(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "diplomat-season-2-cast.txt"
    article.write_text(
        "Netflix’s political thriller The Diplomat has added Allison Janney to the cast of "
        "Season 2. The second season of The Diplomat will be a six-episode season. "
        "Allison Janney (The West Wing) joins as Vice President Grace Penn.",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "ingest", str(article))
    assert status == 0, err
    data = export(capsys)
    janney = next(c for c in data["cast"] if c["name"] == "Allison Janney")
    assert janney["known_for"] == ["The West Wing"]
    assert any(s.startswith("article:diplomat-season-2-cast") for s in janney["sources"])
    assert len([e for e in data["episodes"] if e["season"] == 2]) == 6
    assert any(c["name"] == "Keri Russell" for c in data["cast"])


def test_ingest_refuses_an_article_about_another_series(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export(capsys)
    before = (data_dir / "store.json").read_bytes()
    other = ARTICLES / "desk-job-season-2.txt"
    status, _, err = run(capsys, "ingest", str(other))
    assert status == 1
    assert err.count("\n") == 1 and "not 'The Diplomat'" in err and "nothing was added" in err
    assert (data_dir / "store.json").read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", "/no/such/article.txt"],
        ["export", "--format", "pdf"],
        ["frobnicate"],
        ["--bogus"],
    ],
)
def test_bad_arguments_give_one_line_and_non_zero(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, _, err = run(capsys, *argv)
    assert status != 0
    assert err.count("\n") == 1 and "Traceback" not in err


def test_version_and_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and __version__ in out
    for command in ([], ["ingest"], ["export"], ["reset"], ["refresh"]):
        status, out, _ = run(capsys, *command, "--help")
        assert status == 0 and "usage: diplomat-tui" in out


def test_a_damaged_store_is_reported_in_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "store.json").write_text("{broken")
    status, _, err = run(capsys, "export")
    assert status == 1 and err.count("\n") == 1
    assert "is not valid JSON" in err and "diplomat-tui reset" in err
    assert (data_dir / "store.json").read_text() == "{broken"
    status, out, _ = run(capsys, "reset")
    assert status == 0 and "kept" in out
    assert export(capsys)["show"]["title"] == "The Diplomat"


def test_the_installed_command_runs_as_a_module(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diplomat_tui", "export"],
        cwd=data_dir.parent,  # not the repo root, whose ./diplomat_tui has no assets
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and '"The Diplomat"' in result.stdout
