"""The command line: export, ingest, reset, --version, --help and one-line errors."""

from __future__ import annotations

import json
import os
import pty
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplomat_tui import __version__
from diplomat_tui.cli import main
from diplomat_tui.store import Store

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
    assert data["schema"] == 2
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
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data_dir / "store.json").read_bytes()
    other = ARTICLES / "desk-job-season-2.txt"
    status, _, err = run(capsys, "ingest", str(other))
    assert status == 1
    assert err == (
        f"diplomat-tui: {other} is about 'Desk Job', not 'The Diplomat': nothing was added.\n"
    )
    assert (data_dir / "store.json").read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", "/no/such/article.txt"],
        ["export", "--format", "pdf"],
        ["frobnicate"],
        ["--bogus"],
        ["config"],
    ],
)
def test_bad_arguments_give_one_line_and_non_zero(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, _, err = run(capsys, *argv)
    assert status != 0
    assert err.count("\n") == 1 and err.endswith(".\n") and "Traceback" not in err


def test_version_and_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and __version__ in out
    for command in (
        [],
        ["ingest"],
        ["export"],
        ["reset"],
        ["refresh"],
        ["locate"],
        ["config"],
        ["config", "init"],
    ):
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


# -- export only reads ------------------------------------------------------------------


def test_export_without_a_store_prints_the_shipped_facts_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "no" / "such" / "folder"
    status, out, err = run(capsys, "--data-dir", str(folder), "export")
    assert status == 0 and json.loads(out)["show"]["title"] == "The Diplomat"
    assert err == (
        f"diplomat-tui: there is no store at {folder / 'store.json'} yet, so this is what the "
        "shipped article says (nothing was written).\n"
    )
    assert not (tmp_path / "no").exists()


def test_export_leaves_an_existing_store_folder_exactly_as_it_was(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    (store.path.parent / ".store-orphan.tmp").write_bytes(b"left by a killed writer")
    before = {p.name: p.read_bytes() for p in store.path.parent.iterdir()}
    assert export(capsys)["show"]["title"] == "The Diplomat"
    assert {p.name: p.read_bytes() for p in store.path.parent.iterdir()} == before


@pytest.mark.parametrize("command", ["export", "ingest", "reset", "refresh"])
def test_a_file_given_as_the_data_folder_is_one_line_saying_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine")
    argv = ["--data-dir", str(afile), command] + (["x.txt"] if command == "ingest" else [])
    status, out, err = run(capsys, *argv, *(["--yes"] if command == "reset" else []))
    assert status == 1 and out == ""
    assert err == (
        f"diplomat-tui: the data folder {afile} is a file, not a folder: give --data-dir the "
        "folder that holds (or is to hold) store.json.\n"
    )
    assert afile.read_text() == "mine" and sorted(tmp_path.iterdir()) == [afile]


def test_a_data_folder_that_cannot_be_opened_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)  # stat fails even for root, as a folder of mode 000 does for others
    status, _, err = run(capsys, "--data-dir", str(loop), "export")
    assert status == 1
    assert err == (
        f"diplomat-tui: cannot open the data folder {loop}: Too many levels of symbolic links.\n"
    )


def as_a_user(argv: list[str]) -> list[str]:
    """``argv`` run without root's power to open any folder (as a user would run it)."""
    if getattr(os, "geteuid", lambda: -1)() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root opens any folder, and setpriv is not there to drop that power")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *argv]


def test_a_data_folder_of_mode_000_is_one_line(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0)
    try:
        for command in (["export"], ["ingest", "x.txt"], ["reset", "--yes"], ["refresh"]):
            result = subprocess.run(
                as_a_user([sys.executable, "-m", "diplomat_tui", "--data-dir", str(folder)])
                + command,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                check=False,
            )
            assert result.returncode == 1 and result.stdout == ""
            assert result.stderr == (
                f"diplomat-tui: cannot open the data folder {folder}: Permission denied; give "
                f"yourself access (chmod u+rwx {folder}) or choose another with --data-dir.\n"
            )
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


# -- errors: one sentence, the path as typed, controls escaped, the exact recovery command --


def test_recovery_hints_name_the_data_dir_that_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIPLOMAT_TUI_DATA_DIR", str(tmp_path / "the default"))
    folder = Path("my data")  # relative, with a space: quoted in the hint
    folder.mkdir()
    (folder / "store.json").write_text("{broken")
    status, _, err = run(capsys, "--data-dir", str(folder), "export")
    assert status == 1 and err.count("\n") == 1 and err.endswith(".\n")
    assert "the store my data/store.json is not valid JSON" in err
    hint = err.split("`")[1]
    assert hint == "diplomat-tui --data-dir 'my data' reset"
    status, out, _ = run(capsys, *shlex.split(hint)[1:])
    assert status == 0 and "kept" in out
    assert export_of(capsys, "--data-dir", "my data")["show"]["title"] == "The Diplomat"
    assert not (tmp_path / "the default").exists()  # the hint never touched another store


def export_of(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    status, out, _ = run(capsys, *argv, "export")
    assert status == 0
    return json.loads(out)


OSC_52 = "x\x1b]52;c;aGVsbG8=\x07-The-Diplomat.txt"


def test_file_names_are_untrusted_text_everywhere_they_show(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / OSC_52
    shipped = Path(__file__).parents[1] / "assets" / "articles"
    # the shipped text with a line more: the same text is no new article (test_article_ingest)
    text = (shipped / "the-diplomat-season-2-renewal.txt").read_bytes()
    article.write_bytes(text + b"\n\nMore soon.\n")
    status, out, err = run(capsys, "ingest", str(article))
    assert status == 0 and err == "" and "\x1b" not in out
    for fmt in ("json", "markdown"):
        status, out, err = run(capsys, "export", "--format", fmt)
        assert status == 0 and not set(out + err) & {"\x1b", "\x07"}
    titles = {s["title"] for s in export(capsys)["sources"]}
    assert "x The Diplomat" in titles and all(t.isprintable() for t in titles)
    status, _, err = run(capsys, "ingest", str(tmp_path / ("missing-" + OSC_52)))
    assert status == 1 and "\x1b" not in err and "\x07" not in err
    assert err == (
        f"diplomat-tui: {tmp_path}/missing-x\\x1b]52;c;aGVsbG8=\\x07-The-Diplomat.txt "
        "does not exist.\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", "no-such-article.txt"],
        ["ingest", str(ARTICLES / "desk-job-season-2.txt")],
        ["export"],  # a damaged store
        ["--data-dir", "/dev/null", "export"],
    ],
)
def test_every_error_is_one_sentence_on_one_line(
    store: Store, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    store.path.write_text("{broken") if argv == ["export"] else None
    status, _, err = run(capsys, *argv)
    assert status == 1
    assert err.startswith("diplomat-tui: ") and err.endswith(".\n") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("toml", "complaint"),
    [
        ("sources = 1", "sets sources = 1, but sources must be a table (a [sources] section)"),
        ("keys = 'j'", "sets keys = 'j', but keys must be a table (a [keys] section)"),
        ("theme = 5", "sets theme = 5, but it must be text in quotes"),
        ("[keys]\n'app.quit' = 3", "sets [keys] app.quit = 3, but it must be text in quotes"),
        ("[sources]\ntvmaze_url = []", "sets [sources] tvmaze_url = [], but it must be text"),
        ("theme = ", "is not valid TOML (Invalid value (at end of document))"),
        (
            "[sources]\nimage_hosts = 'x'",
            "sets [sources] image_hosts = 'x', but it must be a list of host names in quotes",
        ),
    ],
)
def test_a_config_value_of_the_wrong_type_is_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, complaint: str
) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text(toml)
    status, _, err = run(capsys, "export")
    assert status == 1 and err.count("\n") == 1
    assert err.startswith(f"diplomat-tui: the config file {config} ") and complaint in err


# -- reset asks first on a terminal -------------------------------------------------------


def answer_reset(data_dir: Path, answer: bytes, *options: str) -> tuple[int, str]:
    """Run ``reset`` with a terminal as its input, typing ``answer``; its status and output."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "diplomat_tui", "reset", *options],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=data_dir.parent,
    )
    os.close(terminal)
    os.write(controller, answer)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the other end closed: the command has ended
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return process.wait(timeout=30), output.decode()


def test_reset_on_a_terminal_asks_first_and_no_keeps_everything(store: Store) -> None:
    before = {p.name: p.read_bytes() for p in store.path.parent.iterdir()}
    status, output = answer_reset(store.path.parent, b"n\n")
    assert status == 0  # a "no" is an answer, not a failure: as with ingest
    assert (
        f"Start the store in {store.path.parent} again from the shipped article (your watched "
        "marks and preferences stay)? The old file is kept. [y/N]"
    ) in output.replace("\r\n", " ")
    assert "not reset; nothing was changed" in output
    assert {p.name: p.read_bytes() for p in store.path.parent.iterdir()} == before


def test_reset_on_a_terminal_goes_ahead_on_yes_or_with_the_option(store: Store) -> None:
    status, output = answer_reset(store.path.parent, b"y\n")
    assert status == 0 and "the old file is kept as" in output
    status, output = answer_reset(store.path.parent, b"", "--yes")
    assert status == 0 and "[y/N]" not in output and "the old file is kept as" in output
    assert len(list(store.path.parent.glob("store.json.*.old"))) >= 1
