"""``diplomat-tui ingest``: the review of what an article would add and change, each fact
with its sentence; --dry-run, --yes, the question on a terminal; a re-ingest that changes
nothing; the article's title; refusals of articles that are not about the show."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diplomat_tui.changes import compare
from diplomat_tui.cli import main
from diplomat_tui.ingest import ingest, review
from diplomat_tui.store import Store

ARTICLE = (
    "Netflix Adds a Star to The Diplomat\n\n"
    "Netflix's The Diplomat has added Mia Long to the cast for its third season. "
    "Mia Long (Hollow Point) joins as Ivy Cole.\n"
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "star-news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_dry_run_shows_each_fact_with_its_sentence_and_saves_nothing(
    store: Store, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.path.read_bytes()
    status, out, _ = _run(capsys, "ingest", "--dry-run", str(article))
    assert status == 0
    assert "+ Mia Long plays Ivy Cole" in out
    assert "+ Mia Long is known for Hollow Point" in out
    assert "“Mia Long (Hollow Point) joins as Ivy Cole.”" in out
    assert out.rstrip().endswith("(dry run: nothing was saved)")
    assert store.path.read_bytes() == before


def test_yes_saves_and_says_what_changed_then_a_re_ingest_changes_nothing(
    store: Store, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "ingest", "--yes", str(article))
    assert status == 0
    last = out.strip().splitlines()[-1]
    assert last.startswith("saved; facts: ") and "added" in last
    assert "cast" not in last  # what changed, not store totals
    saved = store.path.read_bytes()
    status, out, _ = _run(capsys, "ingest", "--yes", str(article))
    assert status == 0
    assert out.strip() == ("nothing changed: the store already holds every fact of these articles")
    assert store.path.read_bytes() == saved


def test_on_a_terminal_it_asks_and_a_no_saves_nothing(
    store: Store,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def typed(text: str) -> None:
        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        monkeypatch.setattr("sys.stdin", Terminal(text))

    typed("n\n")
    before = store.path.read_bytes()
    status, out, err = _run(capsys, "ingest", str(article))
    assert status == 0 and err.endswith("Save? [y/N] ")  # asked on stderr: stdout may be a pipe
    assert "Save?" not in out
    assert out.strip().splitlines()[-1].startswith("not saved; nothing was changed (it would ")
    assert store.path.read_bytes() == before
    typed("")  # end of input: no answer is a no
    status, out, _ = _run(capsys, "ingest", str(article))
    assert status == 0 and out.strip().splitlines()[-1].startswith("not saved; ")
    assert store.path.read_bytes() == before
    typed("y\n")
    _run(capsys, "ingest", str(article))
    assert store.path.read_bytes() != before


def test_the_source_title_is_the_headline_as_written_else_the_file_name(
    store: Store, article: Path, tmp_path: Path
) -> None:
    ingest(store, [article])
    titles = {s.title for s in store.snapshot().catalog.sources if s.id.startswith("article:star")}
    assert titles == {"Netflix Adds a Star to The Diplomat"}
    plain = tmp_path / "no-headline.txt"
    plain.write_text(
        "Netflix's The Diplomat has added Ana Ruiz to the cast for its third season.",
        encoding="utf-8",
    )
    ingest(store, [plain])
    titles = {s.title for s in store.snapshot().catalog.sources if s.id.startswith("article:no-")}
    assert titles == {"No Headline"}  # a lower-case file name, in title case


def test_review_lists_changes_from_the_shared_comparison(store: Store, article: Path) -> None:
    result = review(store, [article])
    assert result.changes == compare(result.before, result.after)
    assert {f.describe() for f in result.changes.added} >= {
        "In the cast: Mia Long",
        "Mia Long plays Ivy Cole",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "If you liked Netflix's political thriller The Diplomat, try this.\n\n"
            "Hulu has renewed Paradise for a second season. Paradise stars Mia Long. "
            "Paradise streams on Hulu.",
            "is about 'Paradise', not 'The Diplomat': nothing was added",
        ),
        (
            "Ten Shows to Watch This Winter\n\nThere is a lot on. Some of it is good.\n\n"
            "The Diplomat is one of many shows this year.",
            "names 'The Diplomat' only in passing: nothing was added",
        ),
        (
            "Cooking With Ann\n\nAnn makes soup.",
            ": No series title found: this does not read as an article about a show",
        ),
    ],
)
def test_an_article_not_about_the_show_is_refused_in_one_line(
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    message: str,
) -> None:
    path = tmp_path / "other.txt"
    path.write_text(text, encoding="utf-8")
    before = store.path.read_bytes()
    status, out, err = _run(capsys, "ingest", "--yes", str(path))
    assert status == 1 and out == ""
    joint = "" if message.startswith(":") else " "
    assert err == f"diplomat-tui: {path}{joint}{message}.\n"
    assert store.path.read_bytes() == before


def test_a_file_name_with_escapes_is_shown_clean(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x\x1b]52;c;aGk=\x07-notes.txt"
    path.write_text("Cooking With Ann\n\nAnn makes soup.", encoding="utf-8")
    status, _, err = _run(capsys, "ingest", "--yes", str(path))
    assert status == 1 and "\x1b" not in err and "\x07" not in err


def test_export_after_ingest_keeps_the_shape(
    store: Store, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "ingest", "--yes", str(article))
    status, out, _ = _run(capsys, "export", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert any(c["name"] == "Mia Long" and c["character"] == "Ivy Cole" for c in data["cast"])


def test_a_value_that_loses_is_shown_as_another_claim_not_as_a_confirmation(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Season 2 of The Diplomat had 4,100,000 views in its third week.\n")
    second.write_text("Season 2 of The Diplomat had 3,900,000 views in its third week.\n")
    assert _run(capsys, "ingest", "--yes", str(first))[0] == 0
    changes = review(store, [second]).changes
    assert [fact.kind for fact, _ in changes.disputed] == ["stat"]
    assert not [fact for fact in changes.confirmed if fact.kind == "stat"]
    status, out, _ = _run(capsys, "ingest", "--yes", str(second))
    assert status == 0
    kept = "  ≠ Season 2 views: 3,900,000 (kept as another claim; 4,100,000 stays shown) [1]"
    assert kept in out.splitlines()
    assert "  [1] “Season 2 of The Diplomat had 3,900,000 views in its third week.”" in out
    last = out.strip().splitlines()[-1]
    assert last.endswith(", 1 kept as another claim beside the value shown")
    status, out, _ = _run(capsys, "ingest", "--yes", str(second))
    assert out.strip() == "nothing changed: the store already holds every fact of these articles"


def test_a_dry_run_or_a_refused_file_creates_no_store(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    status, out, _ = _run(capsys, "--data-dir", str(folder), "ingest", "--dry-run", str(article))
    assert status == 0 and "+ Mia Long plays Ivy Cole" in out
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    status, _, err = _run(capsys, "--data-dir", str(folder), "ingest", "--yes", str(binary))
    assert status == 1 and "binary file" in err
    assert not folder.exists()
    status, out, _ = _run(capsys, "--data-dir", str(folder), "ingest", "--yes", str(article))
    assert status == 0 and out.strip().splitlines()[-1].startswith("saved; facts: ")
    assert {p.name for p in folder.iterdir()} >= {"store.json", "user.json"}


def test_the_review_reads_as_a_person_says_it_and_quotes_each_sentence_once(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "figures.txt"
    sentence = (
        "Season 2 of The Diplomat premiered on October 31, 2024, and drew 22,800,000 hours "
        "viewed and nearly 4 million views in its first four days."
    )
    text.write_text(sentence + "\n", encoding="utf-8")
    status, out, _ = _run(capsys, "ingest", "--dry-run", str(text))
    lines = out.splitlines()
    assert status == 0
    assert "  + Season 2 hours viewed: 22,800,000 [1]" in lines
    assert "  + Season 2 views: about 4,000,000 [1]" in lines
    assert any(line.startswith("  + Season 2 premiere: October 31, 2024") for line in lines)
    assert lines.count(f"  [1] “{sentence}”") == 1
    assert not any("_" in line for line in lines if line.startswith("  +"))


# ------------------------------------------------ the same text under another name

RENEWAL = (
    "Netflix Renews The Diplomat\n\n"
    "Netflix has renewed The Diplomat for a fifth season, the streamer said.\n"
)


@pytest.mark.parametrize(
    "copy",
    [
        RENEWAL,
        RENEWAL.replace("\n", "\r\n"),  # saved on another system
        RENEWAL + "\n\n",
    ],
)
def test_the_same_text_under_another_name_is_no_newer_source(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], copy: str
) -> None:
    first = tmp_path / "renewal.txt"
    first.write_text(RENEWAL, encoding="utf-8")
    assert _run(capsys, "ingest", "--yes", str(first))[0] == 0
    saved = store.path.read_bytes()
    again = tmp_path / "renewal-copy.txt"
    again.write_bytes(copy.encode("utf-8"))
    status, out, _ = _run(capsys, "ingest", "--yes", str(again))
    assert status == 0
    assert f"{again}: already ingested as 'renewal.txt'" in out
    assert out.strip().endswith("the store already holds every fact of these articles")
    assert store.path.read_bytes() == saved


def test_two_files_with_one_text_in_one_ingest_are_read_once(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text(RENEWAL, encoding="utf-8")
    status, out, _ = _run(capsys, "ingest", "--yes", str(first), str(second))
    assert status == 0 and f"{second}: already ingested as 'a.txt'" in out
    sources = json.loads(_run(capsys, "export", "--format", "json")[1])["sources"]
    assert not any(s["id"].startswith("article:b#") for s in sources)


def test_a_text_that_differs_is_read(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(RENEWAL, encoding="utf-8")
    second.write_text(RENEWAL.replace("fifth", "sixth"), encoding="utf-8")
    _run(capsys, "ingest", "--yes", str(first))
    status, out, _ = _run(capsys, "ingest", "--yes", str(second))
    assert status == 0 and "already ingested" not in out and "Season 6" in out


def test_the_shipped_text_under_another_name_is_known(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = Path(__file__).parents[1] / "assets" / "articles"
    copy = tmp_path / "renewal-news.txt"
    copy.write_bytes((shipped / "the-diplomat-season-2-renewal.txt").read_bytes())
    status, out, _ = _run(capsys, "ingest", "--yes", str(copy))
    assert status == 0
    assert "already ingested as 'the-diplomat-season-2-renewal'" in out
