"""Figures: ranks, hours viewed, views, countries, weeks in the Top 10."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _COUNT,
    _NUMBER_IN_WORDS,
    _ORDINAL_WORDS,
    _POSSESSIVE,
    _SEASON_REFERENCE,
    _UNIT_WORDS,
    _UPPER,
    _count,
    _Refs,
    _season_number,
)
from diplomat_tui.article.seasons import _DATE, SeasonContext, refers_to_show
from diplomat_tui.article.text import _Sentence
from diplomat_tui.article.text import cells as table_cells
from diplomat_tui.figures import is_plausible
from diplomat_tui.model import Stat

NamesShow = Callable[[str], bool]
# Capitalised words after "than", "while" that are no title.
_NOT_TITLES = frozenset(
    "The A An It Its This That These Those Season Series Episode Part He She They We I "
    "Top No Number".split()
)
# A figure as written: "1.5M", "820,000", "1.2 billion".
_FIGURE = (
    r"(?:(?<![\d.,])(?P<figure>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?: ?(?P<unit>[KMB]|thousand|million|billion)\b|(?P<short>m|bn|k)\b)?"
    rf"|(?<![\w-])(?P<words>(?i:{_NUMBER_IN_WORDS}))"
    rf"(?P<decimals>(?: point(?: (?:zero|{_UNIT_WORDS}))+| and a half)?)"
    r" (?P<word_unit>thousand|million|billion)\b"
    # "half a million", "a million"
    r"|(?<![\w-])(?P<article>(?i:half a|a)) (?P<article_unit>million|billion)\b)"
)
_MULTIPLIERS = {
    "bn": 1_000_000_000,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
}
# Hours of viewing: "1.5M hours viewed", "2 million hours", "820,000 viewing hours".
_HOURS = re.compile(
    rf"{_FIGURE} (?:hours?(?: (?P<viewed>viewed|watched|of viewing|streamed))?"
    r"|(?P<viewing>viewing) hours)\b"
    r"(?! of (?:content|programming|tv|television|video|streaming)\b)"  # a platform's total
)
# More than any one season of a series has drawn: a platform's or a year's total.
_LARGEST = {"hours_viewed": 5_000_000_000, "views": 1_000_000_000}
_SMALLEST_HOURS_FIGURE = 1_000  # below this, "N hours" is a duration, not viewing
# Views: "11.2M views".
_VIEWS = re.compile(rf"{_FIGURE} views\b")
# Views of something else than the show on the service: a trailer's, a clip's, a post's.
_NOT_VIEWING = re.compile(
    r"(?i:\b(?:trailer|teaser|clip|promo|video|post|tweet)s?\b|\bon (?:YouTube|TikTok|Instagram"
    r"|X|Twitter|Facebook|social media)\b)"
)
# "in the Top 10 in 40 countries", "Top 10 lists in 40 countries".
_COUNTRIES = re.compile(
    rf"(?i:(?:\btop (?:10|ten)\b[^.;]{{0,40}}?|\b(?:chart(?:ed|ing|s)?|trend(?:ed|ing|s)?) )"
    r"\b(?:in|of|across) (?:more than |over |nearly |almost |about |around |some )?"
    rf"(?P<count>{_COUNT}) (?:countries|territories|markets))\b"
)
# "four weeks in the Top 10", "6 consecutive weeks on the weekly Top 10".
_WEEKS = re.compile(
    rf"(?i:\b(?P<count>{_COUNT}) (?:consecutive |straight )?weeks? (?:in|on) (?:the |its )?"
    rf"(?:[\w+{_APOSTROPHES}-]+ ){{0,3}}?(?:top (?:10|ten)|chart|list)\b"
    rf"|\btop (?:10|ten) for (?P<count_after>{_COUNT}) (?:consecutive |straight )?weeks\b"
    rf"|\b(?:its|a) (?P<nth>{'|'.join(list(_ORDINAL_WORDS)[1:12])}) (?:consecutive |straight )?"
    rf"week (?:in|on) (?:the |its )?(?:[\w+{_APOSTROPHES}-]+ ){{0,3}}?(?:top (?:10|ten)|chart)\b)"
)
# Weeks said without "weeks", once a sentence gave some: "Its first season spent six weeks
# in the Top 10, and its second season spent five."
_ELIDED_WEEKS = re.compile(
    rf"(?i:\b(?:spent|logged|lasted|clocked|managed|stayed) (?:just |only |another )?"
    rf"(?P<count>{_COUNT})(?=[.;]|$))"
)
# A rank on a named list: "number 1 on <X>’s weekly global Top 10 TV <Language> list",
# "No. 2 on the streaming Top 10 chart", "#4 in the Top 10".
_RANK = re.compile(
    rf"(?:\b(?i:number)|\bNo\.|\b(?i:no)(?=\d)|#) ?(?P<rank>{_COUNT})(?![\w-])"
    r"(?: (?:spot|place|position|slot))?(?: (?:on|in|atop) (?:the )?"
    rf"(?P<scope>(?:[\w.+{_APOSTROPHES}-]+ ){{0,6}}?[Tt]op (?:10|[Tt]en)(?: [{_UPPER}][\w-]*)*)"
    r"(?: (?:list|chart|ranking)s?)?"
    rf"| (?:on|in|atop) (?:the )?(?:[\w.+{_APOSTROPHES}-]+ ){{0,6}}?(?:chart|list|ranking)s?\b)?"
)
# One country's chart: "No. 1 in the UK chart", "No. 2 on the US Top 10".
_ONE_COUNTRY = re.compile(
    r"\b(?:UK|U\.K\.|US|U\.S\.|British|Irish|Australian|Canadian|Indian|American|Ireland"
    r"|Britain|Australia|Canada|India|country's|local)\b"
)
# A sentence about one country's chart: "went into Peacock's UK top ten ... at number three".
_COUNTRY_CHART = re.compile(rf"{_ONE_COUNTRY.pattern} (?i:top (?:ten|10)|chart|list|rankings?)\b")
# The first rank in words: "took the top spot on the weekly TV list".
_TOP_SPOT = re.compile(
    r"(?i:\b(?:the|its) top spot"
    rf"(?P<listed> (?:on|in|atop) (?:the )?(?:[\w.+{_APOSTROPHES}-]+ ){{0,6}}?"
    r"(?:chart|list|ranking|top 10|top ten)s?\b)?)"
)
# A verb that takes the top spot: "claimed", "held on to".
_TOP_VERB = re.compile(
    r"(?i:\b(?:took|takes|taking|claimed|claims|grabbed|seized|secured|kept|keeps|retained"
    r"|nabbed|earned|reclaimed|snagged|held|holds|holding|hit|hits|reached|landed|debuted in"
    r"|opened in|stormed to|shot to|climbed to|rose to|went to)(?: on to| onto)?) $"
)
_NEGATED = re.compile(r"(?i:\b(?:not|never|failed to|missed|short of|without)\b[^,.;]{0,30}$)")
# A critic's list, not a chart: "on our list", "of the best dramas of the year".
_OPINION_LIST = re.compile(
    r"(?i:\b(?:our|my|his|her|their|critics['’]?|readers['’]?|staff)\b"
    r"|^ of (?:the )?(?:best|worst|greatest|top)\b|\b(?:best|worst|favou?rite|greatest)\b)"
)
# A rank said of the show on a platform: "is the No. 2 show on Peacock this week".
_RANK_SHOW = re.compile(
    rf"\b(?:is|was|as|became) the (?:No\. ?|(?i:number) |#)(?P<rank>{_COUNT}) "
    r"(?:show|series|title|programme|program|drama|TV show) on [A-Z][\w+]*\b"
)
# "the second most-watched Spanish show on Peacock": a rank said as an ordinal.
_MOST_WATCHED = re.compile(
    rf"\bthe (?P<ordinal>{'|'.join(list(_ORDINAL_WORDS)[1:10])}) most[- ](?:watched|streamed"
    r"|viewed|popular) (?:(?:non-)?[A-Z][a-z]+(?:-language)? )?(?:TV )?(?:show|series|title"
    r"|programme|drama)s? on [A-Z][\w+]*\b"
)
# A rank as an ordinal on a named list: "ranked second on the weekly TV list".
_RANK_ORDINAL = re.compile(
    r"(?i:\b(?:ranked|ranking|ranks|placed|placing|finished|came in|came|landed|debuted|opened)"
    rf" (?P<ordinal>{'|'.join(list(_ORDINAL_WORDS)[:10])}|\d(?:st|nd|rd|th)|10th)(?: place)?"
    rf" (?:on|in|atop) (?:the )?(?P<scope>(?:[\w.+{_APOSTROPHES}-]+ ){{0,6}}?"
    r"(?:top (?:10|ten)|chart|list|ranking)s?)\b)"
)
_PER_COUNTRY = re.compile(
    rf"(?i: in (?:{_COUNT}|more than {_COUNT}|over {_COUNT}) (?:countries|territories|markets))"
)
# A rank with no list named counts only after a verb of charting: "opened at No. 1".
_RANK_VERB = re.compile(
    r"(?i:\b(?:debut(?:ed|s|ing)?|open(?:ed|s|ing)|peak(?:ed|s|ing)|rank(?:ed|s|ing)"
    r"|land(?:ed|s|ing)|sat|sits|sitting|reach(?:ed|es|ing)|hit|hitting|held|holds?|holding"
    r"|climb(?:ed|s|ing)|rose|rising|slipp(?:ed|ing)|fell|falling|dropp(?:ed|ing)|went|shot"
    r"|enough for|good for|stands|stood|remains|(?:re-)?enter(?:ed|s|ing)|return(?:ed|s|ing)"
    r"|storm(?:ed|s)|claim(?:ed|s|ing)|took|takes|taking|grabbed|secured|nabbed|earned|snagged"
    r"|putting|placing|sending)"
    r"(?: (?:the|its) (?:[\w-]+ ){0,3}?(?:chart|list|top 10|top ten|rankings?))?"
    r"(?: it| the (?:show|series|season|drama))?"
    r"(?: strong| straight)?(?: at| to| for| into)?(?: the)?) $"
)
# A rank in a week of the run, with no list named: "was No. 2 in its second week".
_RANK_IN_WEEK = re.compile(
    r"(?i: in (?:its|the) (?:first|second|third|fourth|fifth|sixth|opening|debut|launch)"
    r" (?:full )?week(?:end)?)\b"
)
# Words that name a threshold for titles in general, not the show's figure: "lists
# every title watched for more than 50,000 hours".
_ANY_TITLE = re.compile(
    r"(?i:\b(?:every|any|each|all|only) (?:titles?|shows?|series|programmes?)\b"
    r"|\btitles (?:that|which|with|watched)\b)"
)
# The season named right after a figure: "two weeks in the Top 10 with its third season".
_SEASON_AFTER = re.compile(
    rf",? (?:with|for|from|of) (?:its|the|their) {_SEASON_REFERENCE.pattern}"
)
# A figure over every season: "a combined nineteen weeks", "across its three seasons".
_COMBINED = re.compile(
    r"(?i:\b(?:a combined|combined|in total|a total of|in all)\b"
    r"|\bacross (?:its|all|the|both) (?:\w+ )?seasons\b)"
)
# Another title the words after it are about: "ahead of Other Show, which drew ...".
_COMPARED = re.compile(
    rf"\b(?:ahead of|behind|than|beating|beat|edging out|trailing|followed by|while|whereas"
    rf"|overtaking|outpacing) [“\"]?(?P<title>[{_UPPER}][\w’'-]*(?: [{_UPPER}][\w’'-]*)*)"
)
# Another title as the subject of a chart verb, inside a sentence: "Behind it, Other
# Show held at No. 2 with ...", "and the docuseries Other Show debuted at No. 3".
_OTHER_SUBJECT = re.compile(
    rf"(?<![\w’'-])(?P<title>[{_UPPER}][\w’'-]*(?: (?:of |the |and |in |a )*[{_UPPER}][\w’'-]*)*)"
    r" (?:held|debuted|opened|slipped|climbed|fell|rose|dropped|landed|stayed|remained|jumped"
    r"|moved|entered|led|topped|sat|came in|finished|ranked|placed) (?:at|to|in|on|into|with)\b"
)
# Words that make a figure approximate: "nearly 4 million" (kept with Stat.approx).
# ... or inside a figure's own words: "in more than 80 countries".
_APPROXIMATE_INSIDE = re.compile(r"(?i:\b(?:more than|over) \S)")
_APPROXIMATE = re.compile(
    r"(?i:\b(?:nearly|almost|about|around|roughly|approximately|approx\.|more than|over|close to"
    r"|some|upwards of|just under|just over|north of|under|less than|fewer than|at least|up to"
    r"|something like|as many as|in excess of|the best part of|an estimated|estimated)) $"
)
# The period a figure covers: "In its first weekend", "during its debut week".
_PERIOD = re.compile(
    r"(?i:\b(?:in|during|over|across|within) (?:its|their) "
    r"(?P<period>(?:[\w-]+ ){0,2}?(?:weekend|week|days|month)))\b"
)
# A debut rank: "debuted at number 1".
_DEBUT_AT = re.compile(r"(?i:\bdebut(?:ed|s)? at)\b")
_POSSESSIVE_MARK = re.compile(_POSSESSIVE)
# A list's trailing qualifier, put in parentheses: "Top 10 TV Spanish" -> "Top 10 TV (Spanish)".
_SCOPE_QUALIFIER = re.compile(rf"\b(TV|Films?|Movies|Shows?|Series) ((?:Non-)?[{_UPPER}][a-z]+)$")


def _anaphora(title: str) -> bool:
    """Whether capitalised words stand for the show or a season of it ("It", "Season 3",
    "The series"), not for another title."""
    return title in _NOT_TITLES or title.split()[0] in _NOT_TITLES - {"The", "A", "An"}


def _figure(match: re.Match[str]) -> int | float:
    """The exact value of a :data:`_FIGURE` match ("1.5M" -> 1500000, "four point two
    million" -> 4200000)."""
    if match["article"]:
        share = Decimal("0.5") if match["article"].lower().startswith("half") else Decimal(1)
        return int(share * _MULTIPLIERS[match["article_unit"]])
    if match["words"]:
        decimals = match["decimals"].split()[1:]
        digits = "5" if decimals == ["a", "half"] else ""
        digits = digits or "".join("0" if w == "zero" else str(_count(w)) for w in decimals)
        written = f"{_count(match['words'])}.{digits}" if digits else str(_count(match["words"]))
        value = Decimal(written) * _MULTIPLIERS[match["word_unit"].lower()]
        return int(value) if value == value.to_integral_value() else float(value)
    unit = _MULTIPLIERS.get((match["unit"] or match["short"] or "").lower(), 1)
    value = Decimal(match["figure"].replace(",", "")) * unit
    return int(value) if value == value.to_integral_value() else float(value)


def _scope(written: str) -> str:
    """A list's name as a scope: possessives dropped, the qualifier in parentheses."""
    return _SCOPE_QUALIFIER.sub(r"\1 (\2)", _POSSESSIVE_MARK.sub("", written))


def _sentence_stats(
    sentence: _Sentence, context: SeasonContext, refs: _Refs, names_show: NamesShow
) -> list[Stat]:
    """The figures one sentence gives, in the order it gives them, each about the season
    its words are about (a figure whose season is unknown is not taken), marked approximate
    when its words say so."""
    text = sentence.text
    period_match = _PERIOD.search(text)
    period = period_match["period"] if period_match else None
    sources = refs((sentence.index,))
    found: list[tuple[int, Stat]] = []
    if _ANY_TITLE.search(text):
        return []
    if not (sentence.line or names_show(text) or refers_to_show(text)):
        return []  # "Other Show had 9 million views": nothing stands for the show
    others = [
        m.start()
        for pattern in (_COMPARED, _OTHER_SUBJECT)
        for m in pattern.finditer(text)
        if not names_show(m["title"]) and not _anaphora(m["title"])
    ]

    def _about_another(position: int) -> bool:
        """Whether a figure follows another title it is compared with."""
        return any(start < position for start in others)

    def add(
        match: re.Match[str], metric: str, value: float, when: str | None, scope: str | None = None
    ) -> None:
        too_large = is_plausible(value) and value > _LARGEST.get(metric, value)
        if too_large or _about_another(match.start()):
            return  # an implausible figure is kept: ingest refuses the article, saying why
        if metric in ("views", "hours_viewed") and _NOT_VIEWING.search(text):
            return  # "the trailer crossed 11 million views on YouTube": not the show's
        after = _SEASON_AFTER.match(text, match.end())
        season = _season_number(after) if after else context.at(sentence, match.start())
        if _COMBINED.search(text, 0, match.start()):
            if metric != "weeks_in_top10":
                return  # hours or views of several seasons
            season = None  # weeks over every season
        elif season is None:
            return
        before = text[max(0, match.start() - 20) : match.start()]
        approx = bool(_APPROXIMATE.search(before) or _APPROXIMATE_INSIDE.search(match.group()))
        stat = Stat(
            metric, value, period=when, scope=scope, season=season, sources=sources, approx=approx
        )
        found.append((match.start(), stat))

    for match in _RANK.finditer(text):
        listed = match.group().endswith(
            ("list", "lists", "chart", "charts", "ranking", "10", "ten", "Ten")
        )
        in_week = _RANK_IN_WEEK.match(text, match.end())
        if not (match["scope"] or listed or in_week or _RANK_VERB.search(text[: match.start()])):
            continue
        if _PER_COUNTRY.match(text, match.end()):
            continue  # "No. 1 in 84 countries": a rank in each, not on the weekly list
        if _ONE_COUNTRY.search(match.group()) or _COUNTRY_CHART.search(text):
            continue  # "No1 in the UK chart": one country's chart, not the weekly list
        if _OPINION_LIST.search(match.group()) or _OPINION_LIST.match(text, match.end()):
            continue  # "No. 3 on our list of the best dramas": a critic's ranking
        debut = "debut week" if _DEBUT_AT.search(text) else None
        scope = _scope(match["scope"]) if match["scope"] else None
        add(match, "weekly_rank", _count(match["rank"]), period or debut, scope)
    for match in _RANK_SHOW.finditer(text):  # "is the No. 2 show on Peacock this week"
        add(match, "weekly_rank", _count(match["rank"]), period)
    for match in _MOST_WATCHED.finditer(text):
        add(match, "weekly_rank", _ORDINAL_WORDS[match["ordinal"].lower()], period)
    for match in _RANK_ORDINAL.finditer(text):
        ordinal = match["ordinal"].lower()
        rank = _ORDINAL_WORDS.get(ordinal) or int(ordinal[:-2])
        if not _OPINION_LIST.search(match.group()):
            add(match, "weekly_rank", rank, period)
    for match in _TOP_SPOT.finditer(text):
        if _NEGATED.search(text, 0, match.start()):
            continue  # "never held the top spot"
        if match["listed"] or _TOP_VERB.search(text, 0, match.start()):
            add(
                match,
                "weekly_rank",
                1,
                period or ("debut week" if _DEBUT_AT.search(text) else None),
            )
    for match in _HOURS.finditer(text):
        value = _figure(match)
        big = (
            match["unit"] or match["short"] or match["word_unit"] or value >= _SMALLEST_HOURS_FIGURE
        )
        if match["viewed"] or match["viewing"] or big:
            add(match, "hours_viewed", value, period)
    for match in _VIEWS.finditer(text):
        add(match, "views", _figure(match), period)
    for match in _COUNTRIES.finditer(text):
        add(match, "top10_countries", _count(match["count"]), period)
    first_weeks = None
    for match in _WEEKS.finditer(text):
        weeks = match["count"] or match["count_after"]
        value = _count(weeks) if weeks else _ORDINAL_WORDS[match["nth"].lower()]
        add(match, "weeks_in_top10", value, None)
        first_weeks = first_weeks or match
    if first_weeks and first_weeks["count"]:
        for match in _ELIDED_WEEKS.finditer(text, first_weeks.end()):
            add(match, "weeks_in_top10", _count(match["count"]), None)
    return [stat for _, stat in sorted(found, key=lambda pair: pair[0])]


def _stats(
    sentences: list[_Sentence], context: SeasonContext, refs: _Refs, names_show: NamesShow
) -> tuple[Stat, ...]:
    """Every figure of the article, each about the season its words are about: those of
    its sentences, then those of its tables."""
    return (
        tuple(
            stat
            for sentence in sentences
            for stat in _sentence_stats(sentence, context, refs, names_show)
        )
        + tuple(_table_stats(sentences, context, refs, names_show))
        + tuple(_chart_entries(sentences, refs, names_show))
    )


# A chart's numbered entry: "2. <Title>: Season 3", with its figures on the next line.
_CHART_ENTRY = re.compile(r"^(?P<rank>\d{1,2})[.)] (?P<title>.{2,120})$")
_FIGURES_LINE = re.compile(rf"{_FIGURE} (?:views|hours)\b")


def _chart_entries(
    sentences: list[_Sentence], refs: _Refs, names_show: NamesShow
) -> Iterator[Stat]:
    """The weekly rank a chart's numbered entry gives the show's season it names, when
    the entry's next line gives views or hours (a chart, not a critic's ranked list)."""
    for entry, after in zip(sentences, sentences[1:], strict=False):
        match = _CHART_ENTRY.match(entry.text)
        if not (match and (entry.heading or entry.line) and names_show(match["title"])):
            continue
        season = _SEASON_REFERENCE.search(match["title"])
        if season and after.section == entry.section and _FIGURES_LINE.search(after.text):
            rank = int(match["rank"])
            yield Stat(
                "weekly_rank", rank, None, None, _season_number(season), refs((entry.index,))
            )


# The header of a column of figures, and the metric it holds.
_COLUMN_METRICS = (
    (re.compile(r"(?i)\brank"), "weekly_rank"),
    (re.compile(r"(?i)\bhours\b"), "hours_viewed"),
    (re.compile(r"(?i)\bviews\b"), "views"),
    (re.compile(r"(?i)\bcountries\b"), "top10_countries"),
    (re.compile(r"(?i)\bweeks\b"), "weeks_in_top10"),
)
_SEASON_COLUMN = re.compile(r"(?i)^(?:season|series)s?$")
_PERIOD_COLUMN = re.compile(r"(?i)^(?:week\b|week of|date|period)")
_WEEKLY = re.compile(r"(?i)\bweek(?:ly|s)?\b")
_CELL_NUMBER = re.compile(rf"^(?:No\. ?|#)?(?:{_FIGURE})$")


def _table_stats(
    sentences: list[_Sentence], context: SeasonContext, refs: _Refs, names_show: NamesShow
) -> Iterator[Stat]:
    """Figures from plain-text tables: a header row naming the metrics ("Rank | Hours
    viewed | Views"), then one row per week or season. A row that names a title is read
    only when it names the show; a row's season is its season cell, else the season the
    table is under."""
    header: dict[int, str] | None = None
    units: dict[int, int] = {}
    season_column = period_column = None
    lead_in = ""  # the prose before the table: "the top 10 titles of the week", "of the half"
    for sentence in sentences:
        row = table_cells(sentence.text)
        if not sentence.line or len(row) < 2:
            header = None
            lead_in = sentence.text
            continue
        metrics = {
            number: metric
            for number, cell in enumerate(row)
            for pattern, metric in _COLUMN_METRICS
            if pattern.search(cell) and not _CELL_NUMBER.match(cell)
        }
        if metrics:
            header = metrics
            units = {number: _header_unit(row[number]) for number in metrics}
            season_column = next((n for n, c in enumerate(row) if _SEASON_COLUMN.match(c)), None)
            period_column = next((n for n, c in enumerate(row) if _PERIOD_COLUMN.match(c)), None)
            if period_column is None and not _WEEKLY.search(f"{lead_in} {sentence.text}"):
                # a rank of a half-year report or a critic's list is no weekly rank
                header = {n: m for n, m in header.items() if m != "weekly_rank"} or None
            continue
        if header is None or len(row) <= max(header):
            continue
        texts = [
            cell
            for number, cell in enumerate(row)
            if number not in header
            and number not in (season_column, period_column)
            and not _data_cell(cell)
        ]
        if texts and not names_show(sentence.text):
            continue  # a row about some title: only the show's rows are read
        season = _row_season(row, season_column) or context.at(sentence, 0)
        if season is None:
            continue
        period = row[period_column] if period_column is not None else None
        for number, metric in header.items():
            match = _CELL_NUMBER.match(row[number])
            if match:
                value = _figure(match) if metric in ("hours_viewed", "views") else _int(match)
                if value is not None and metric in ("hours_viewed", "views"):
                    value = _scaled(value, units[number], match)
                if value is not None:
                    yield Stat(metric, value, period, None, season, refs((sentence.index,)))


# A unit in a column's header: "Views (M)", "Hours viewed (millions)".
_HEADER_UNIT = re.compile(
    r"(?i)\((?P<unit>[kmb]|thousand(?:s)?|million(?:s)?|billion(?:s)?|mil\.?|bn)\)|\b(?P<word>(?:thousand|million|billion)s)\b"
)
_SMALLEST_AUDIENCE = 1_000  # fewer hours or views than this, unscaled, is a column in units


def _header_unit(cell: str) -> int:
    """The multiplier a column's header gives its figures (1 when it gives none)."""
    match = _HEADER_UNIT.search(cell)
    if not match:
        return 1
    unit = (match["unit"] or match["word"]).lower().rstrip(".s")
    return {
        "k": 1_000,
        "thousand": 1_000,
        "m": 1_000_000,
        "million": 1_000_000,
        "mil": 1_000_000,
        "b": 1_000_000_000,
        "billion": 1_000_000_000,
        "bn": 1_000_000_000,
    }[unit]


def _scaled(value: int | float, unit: int, match: re.Match[str]) -> int | float | None:
    """A cell's figure in the column's unit; None for a small figure with no unit, which
    is a column in units the header does not say."""
    if match["unit"] or match["short"] or match["word_unit"]:
        return value
    if unit == 1:
        return value if value >= _SMALLEST_AUDIENCE else None
    scaled = Decimal(str(value)) * unit
    return int(scaled) if scaled == scaled.to_integral_value() else float(scaled)


# A cell that holds a value, not a title: a number or figure ("8", "57.5M"), a date
# ("Apr. 20, 2023", "2023-04-20"), or a placeholder for none ("—", "n/a").
_DATA_CELL = re.compile(
    rf"^(?:(?:No\. ?|#)?(?:{_FIGURE})|{_DATE}|\d{{4}}-\d{{2}}(?:-\d{{2}})?"
    r"|[—–-]+|(?i:n/?a|tbc|tba)|)$"
)


def _data_cell(cell: str) -> bool:
    """Whether a table cell holds a value (a number, a figure, a date, a placeholder)
    rather than naming a title."""
    return bool(_DATA_CELL.match(cell))


def _row_season(row: list[str], column: int | None) -> int | None:
    """The season a row names: its season column, or a cell like "Season 3"."""
    if column is not None and row[column].isdigit():
        return int(row[column])
    for cell in row:
        if match := _SEASON_REFERENCE.search(cell):
            return _season_number(match)
    return None


def _int(match: re.Match[str]) -> int | None:
    """A whole count from a cell ("No. 1", "87"); None for anything else."""
    value = _figure(match)
    return int(value) if isinstance(value, int) and value < 10_000 else None
