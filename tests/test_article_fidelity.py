"""The extractor measured on the articles with truth in tests/articles (the scoring
rules are in docs/fidelity.md), through the same path as ``diplomat-tui ingest``."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomat_tui.cli import main

from fidelity import (
    ARTICLES,
    Truth,
    articles_with_truth,
    matches,
    ratio,
    same_date,
    score_article,
    score_corpus,
    totals,
)

PRECISION_FLOOR = 0.95


@pytest.fixture(scope="module")
def scores() -> list:
    return score_corpus(ARTICLES)


def test_the_corpus_has_articles_with_truth() -> None:
    assert len(articles_with_truth(ARTICLES)) >= 16


def test_corpus_precision_stays_above_the_floor(scores: list) -> None:
    right, changes, _, _ = totals(scores)
    wrong = [f"{s.name}: {w}" for s in scores for w in s.wrong]
    assert changes > 0
    assert ratio(right, changes) >= PRECISION_FLOOR, wrong


def test_an_article_about_another_show_adds_nothing(scores: list) -> None:
    others = [s for s in scores if not Truth.load(ARTICLES / f"{s.name}.truth.json").about]
    assert others, "the corpus holds an article about another show"
    assert all(s.changes == 0 for s in others)


def test_dates_match_without_an_invented_year() -> None:
    assert same_date("October 16", "2025-10-16")
    assert same_date("2025-10-16", "2025-10-16")
    assert not same_date("2026-10-16", "2025-10-16")  # an invented year is wrong
    assert not same_date("2023-04-20", "2023-04")  # so is an invented day
    assert same_date("2023-04", "2023-04")


def test_a_wrong_fact_counts_against_precision(tmp_path: Path) -> None:
    article = tmp_path / "wrong.txt"
    article.write_text(
        "Netflix's The Diplomat has been renewed for a third season. "
        "Season 2 stars Mia Long as Ivy Cole.",
        encoding="utf-8",
    )
    truth = tmp_path / "wrong.truth.json"
    truth.write_text(
        '{"about_the_diplomat": true, "renewed_for": 3, "cast": [], "crew": [], '
        '"seasons": [], "stats": []}',
        encoding="utf-8",
    )
    score = score_article(article, truth)
    assert any("renewal" not in w for w in score.wrong)  # the cast member is not in the truth
    assert score.found == score.new_truth == 1  # the renewal


def test_atoms_match_the_truth_shapes() -> None:
    truth = Truth(about=True, premiered="2023-04-20", renewed={3})
    truth.cast = {"mia long": {"name": "Mia Long", "character": "Ivy Cole"}}
    assert matches(("character", "mia long", "Agent Ivy Cole"), truth)  # a title in front
    assert not matches(("character", "mia long", "Ivy Long"), truth)
    assert matches(("premiered", "April 20"), truth)
    assert matches(("renewal", 3), truth) and not matches(("renewal", 2), truth)


def test_ingesting_any_corpus_article_again_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number, (article, _) in enumerate(articles_with_truth(ARTICLES)):
        data = ["--data-dir", str(tmp_path / str(number))]
        main([*data, "ingest", "--yes", str(article)])
        capsys.readouterr()
        store = tmp_path / str(number) / "store.json"
        saved = store.read_bytes() if store.exists() else None  # refused: no store made
        main([*data, "ingest", "--yes", str(article)])
        out, _ = capsys.readouterr()
        assert (store.read_bytes() if store.exists() else None) == saved, article.name
        if out:  # an article about another show is refused (stderr) both times
            assert out.strip().startswith("nothing changed"), (article.name, out)
