"""Seasons, renewals, episode counts and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplomat_tui.article.patterns import (
    _COUNT,
    _SEASON,
    _SEASON_REFERENCE,
    _UPPER,
    _count,
    _Found,
    _Refs,
    _season_number,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.model import Episode, Season

# A renewal verb followed closely by a season: "renewed for a third season".
_RENEWED = re.compile(
    r"(?i:\b(?:renew(?:s|ed|ing)?|picked up|ordered|greenlit|green-lit|(?:will )?return(?:s|ing)?)"
    rf"\b)[^.;]{{0,80}}?{_SEASON}"
)
# A season granted: "has received a second season".
_GRANTED = re.compile(
    rf"(?i:\b(?:received|receives|gets|got|earned|landed|scored) (?:an? )?){_SEASON}"
)
# A renewal named as a noun: "the Season 3 renewal".
_RENEWAL_NOUN = re.compile(rf"{_SEASON} (?i:renewal)\b")
# Where the news was announced: "announced on the <Platform> platform", "announced at <Event>".
_ANNOUNCED = re.compile(
    rf"\bannounced (?P<preposition>on|at|via|during) (?:the )?"
    rf"(?P<venue>[{_UPPER}][\w+-]*(?: [{_UPPER}][\w+-]*)*)"
)
# An episode count: "the eight-episode series", "a 10-episode season", "of six episodes".
_EPISODE_COUNT = re.compile(
    rf"(?i:\b(?P<count>{_COUNT})-episode\b"
    rf"|\b(?:of|with|spans?|spanning|comprises|comprising) (?P<listed>{_COUNT}) episodes\b)"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A premiere and its date as written: "premiered on Friday, March 8, 2024", "to premiere in
# 2026". The weekday is dropped.
_PREMIERE = re.compile(
    r"\b(?P<verb>premiered|premieres|premiere|debuted|debuts|launched|launches) (?:on |in )?"
    rf"(?:(?:{_WEEKDAYS}),? )?"
    rf"(?P<date>(?:{_MONTHS}) \d{{1,2}}(?:, \d{{4}})?|(?:{_MONTHS}) \d{{4}}|\d{{4}})\b"
)
_PAST_PREMIERE = frozenset({"premiered", "debuted", "launched"})


@dataclass
class _SeasonFacts:
    """What the article says of one season."""

    episode_count: int | None = None
    premiere: str | None = None
    status: str | None = None
    sentences: set[int] = field(default_factory=set)
    count_sentences: set[int] = field(default_factory=set)


def _renewal(sentences: list[_Sentence]) -> _Found[int] | None:
    """The season a renewal announces, with its sentence."""
    for sentence in sentences:
        for pattern in (_RENEWED, _GRANTED, _RENEWAL_NOUN):
            if match := pattern.search(sentence.text):
                return _Found(_season_number(match), (sentence.index,))
    return None


def _announcement(sentences: list[_Sentence]) -> _Found[str] | None:
    """Where the news was announced: "announced on <Platform>"."""
    for sentence in sentences:
        if match := _ANNOUNCED.search(sentence.text):
            text = f"announced {match['preposition']} {match['venue']}"
            return _Found(text, (sentence.index,))
    return None


def _status(renewal: _Found[int] | None, announcement: _Found[str] | None) -> _Found[str] | None:
    """The show's status: "Renewed for Season N (announced on <Platform>)"."""
    if renewal is None:
        return None
    if announcement is None:
        return _Found(f"Renewed for Season {renewal.value}", renewal.sentences)
    return _Found(
        f"Renewed for Season {renewal.value} ({announcement.value})",
        renewal.sentences + announcement.sentences,
    )


def _named_season(sentence: _Sentence, renewal: _Found[int] | None) -> int | None:
    """The season a sentence is about when it names one (the renewal's own sentence
    names the new season, not the one its figures are about)."""
    if renewal and sentence.index in renewal.sentences:
        return None
    match = _SEASON_REFERENCE.search(sentence.text)
    return _season_number(match) if match else None


def _season_facts(
    sentences: list[_Sentence], renewal: _Found[int] | None, current: int
) -> dict[int, _SeasonFacts]:
    """Per season: episode count, premiere and status, with their sentences.

    A sentence that names no season is about ``current``, the latest released one;
    the renewal's sentence is about the renewed season.
    """
    seasons: dict[int, _SeasonFacts] = {}
    if renewal:
        facts = seasons.setdefault(renewal.value, _SeasonFacts(status="announced"))
        facts.sentences.update(renewal.sentences)
    for sentence in sentences:
        if renewal and sentence.index in renewal.sentences:
            named: int | None = renewal.value
        else:
            named = _named_season(sentence, renewal)
        if count := _EPISODE_COUNT.search(sentence.text):
            facts = seasons.setdefault(named or current, _SeasonFacts())
            facts.episode_count = _count(count["count"] or count["listed"])
            facts.sentences.add(sentence.index)
            facts.count_sentences.add(sentence.index)
        if premiere := _PREMIERE.search(sentence.text):
            facts = seasons.setdefault(named or current, _SeasonFacts())
            released = premiere["verb"] in _PAST_PREMIERE
            if named:
                facts.premiere = facts.premiere or premiere["date"]
            if released and facts.status is None:
                facts.status = "released"
            if named or released:
                facts.sentences.add(sentence.index)
    return seasons


def _show_premiere(sentences: list[_Sentence], renewal: _Found[int] | None) -> _Found[str] | None:
    """The show's premiere date: a premiere naming no season, else the first season's."""
    first_season: _Found[str] | None = None
    for sentence in sentences:
        if renewal and sentence.index in renewal.sentences:
            continue
        if premiere := _PREMIERE.search(sentence.text):
            named = _named_season(sentence, renewal)
            if named is None:
                return _Found(premiere["date"], (sentence.index,))
            if named == 1 and first_season is None:
                first_season = _Found(premiere["date"], (sentence.index,))
    return first_season


def _season_records(
    seasons: dict[int, _SeasonFacts], refs: _Refs
) -> tuple[tuple[Season, ...], tuple[Episode, ...]]:
    """Seasons the article says something of, and the episodes their counts imply."""
    known = sorted(
        (number, facts)
        for number, facts in seasons.items()
        if facts.episode_count or facts.premiere or facts.status
    )
    records = tuple(
        Season(
            number,
            episode_count=facts.episode_count,
            status=facts.status,
            premiere=facts.premiere,
            sources=refs(facts.sentences),
        )
        for number, facts in known
    )
    episodes = tuple(
        Episode(number, episode, sources=refs(facts.count_sentences))
        for number, facts in known
        for episode in range(1, (facts.episode_count or 0) + 1)
    )
    return records, episodes
