"""The article's text cut into a headline, sections, paragraphs and sentences.

Paragraphs are separated by blank lines; inside one, a line that is structured (a list
item, a ``Key: value`` line, a table row, a heading) stands alone, while wrapped prose
lines are joined. A heading (a short line without a full stop: ``### Title``, ``2. Title``,
``== Cast ==``, ``ABOUT THE CAST``, a question) opens a section. Sentences are split
with quotations kept whole, in one pass over each paragraph (linear time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class _Sentence:
    index: int  # 1-based position in the article
    paragraph: int
    text: str
    section: int = 0  # number of the heading above it (0: before any heading)
    heading: bool = False  # the sentence is a heading (or the headline)
    line: bool = False  # the sentence is a structured line: list item, "Key: value", row


# Characters that end a sentence, and those that may follow them before the break.
_ENDINGS = ".!?…"
_CLOSERS = "”’\"')]"
_OPENING_QUOTES = '“‘"'
# Words before a full stop that is not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "No Nos Mr Mrs Ms Dr St Jr Sr Prof vs Vol Inc Ltd Co Corp Mt Gen Sen Rep Gov Lt Col Sgt "
    "Capt approx Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec a.m p.m".split()
)
# An initial ("J") or dotted capitals ("U.S"), seen without the final full stop.
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A line that stands alone: a list item, a table row, wiki markup, a markdown heading,
# a numbered entry, or "Key: value" (a short key).
_STRUCTURED_LINE = re.compile(
    r"^\s*(?:[*•-] |\||\{\{|\}\}|=|#{1,6} |\d{1,3}[.)] |[A-Z][\w .’'/&()-]{0,30}: |@\w+:? "
    r"|[-=+| ]{3,}$)"
    r"|.* \| "
)
# Between the cells of a plain-text table row (aligned columns become bars first).
_CELL_BREAK = re.compile(r"\s*\|\s*")
# A row of a table aligned with spaces or tabs: two gaps or more between cells.
_ALIGNED_ROW = re.compile(r"(?:[^\t\n]*?[^\s.!?,;:](?:\t+| {2,})(?=\S)){2}")
_ALIGNED_GAP = re.compile(r"\t+ *| {2,}")


# A web page's furniture on a line of its own: "Advertisement", "Story continues below",
# a link to another of its articles.
_FURNITURE_LINE = re.compile(
    r"(?im)^[ \t]*(?:advertisement|advert|sponsored(?: content)?|ad"
    r"|story continues below(?: advertisement)?|continue reading below|scroll to continue"
    r"|article continues below(?: advertisement)?|skip advert(?:isement)?"
    # a link to another article: "[Read more: ...]", "RELATED: ...", "Also read: ..."
    r"|\[?(?:read more|read next|related|also read|see also|recommended|watch)\s*: *\S[^\n]*)"
    r"[ \t]*\n?$\n?"
)


def without_furniture(text: str) -> str:
    """``text`` without lines that are a web page's furniture ("Advertisement"): they are
    no heading of the entry that follows them."""
    return _FURNITURE_LINE.sub("", text)


def aligned_as_bars(text: str) -> str:
    """``text`` with the rows of space- or tab-aligned tables written with bars
    ("Season 3     41.9M" -> "Season 3 | 41.9M"), so cleaning spaces keeps the columns."""
    return "\n".join(
        _ALIGNED_GAP.sub(" | ", line.strip())
        if _ALIGNED_ROW.match(line.strip()) and "|" not in line  # bars of its own: kept
        else line
        for line in text.split("\n")
    )


def cells(line: str) -> list[str]:
    """The cells of a table row written as plain text."""
    return [cell.strip() for cell in _CELL_BREAK.split(line.strip(" |\t")) if cell.strip()]


_HEADING_MAX = 120
_HEADLINE_MAX = 160  # a trade headline runs longer than a heading
# A rule drawn across a page or an email ("-----", "=====", "* * *"): a separator, no text.
_RULE = re.compile(r"^[-=_*~#+─━═•·\s]{3,}$")
_SENTENCE_END = re.compile(r"[.!…;,]['’\"”)\]]*$")
# A time of day ending a line ("(CBC, Sundays at 9 p.m.)"): no sentence's end.
_TIME_END = re.compile(r"\b[ap]\.m\.['’\"”)\]]*$")
_MARKUP = re.compile(r"^[#=*•\s-]+|[=\s]+$")


def headline(text: str) -> str | None:
    """The article's headline as written: its first line when that line is short, ends
    without a full stop and more text follows; else None."""
    stripped = text.lstrip("\ufeff \t\r\n")
    first, _, rest = stripped.partition("\n")
    first = _MARKUP.sub("", " ".join(first.split()))
    if not first or not rest.strip() or len(first) > _HEADLINE_MAX:
        return None
    if _SENTENCE_END.search(first) and not first.endswith("?"):
        return None
    return first


def _is_heading(line: str) -> bool:
    """Whether a line standing alone is a heading."""
    ended = _SENTENCE_END.search(line) and not _TIME_END.search(line)
    if len(line) > _HEADING_MAX or ended or len(cells(line)) > 1:
        return False
    if line.endswith(":") and " " in line.strip("#= "):
        return False  # "The first report for the new season:": a list's lead-in, in its section
    if re.match(r"^(?:[*•-] |@\w|\||\{\{|\}\}|[A-Z][\w .’'/&()-]{0,30}: \S)", line):
        return False
    return True


def _blocks(text: str) -> list[tuple[str, bool]]:
    """Paragraphs, each with whether it is one structured line."""
    blocks: list[tuple[str, bool]] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        prose: list[str] = []
        lines = [
            line.strip()
            for line in paragraph.split("\n")
            if line.strip() and not _RULE.match(line.strip())
        ]
        for number, line in enumerate(lines):
            alone = bool(_STRUCTURED_LINE.match(line)) or (
                len(lines) > 1 and number < len(lines) - 1 and _is_heading(line) and not prose
            )
            if alone:
                if prose:
                    blocks.append((" ".join(prose), False))
                    prose = []
                blocks.append((" ".join(line.split()), True))
            else:
                prose.append(line)
        if prose:
            blocks.append((" ".join(" ".join(prose).split()), False))
    return blocks


# An interview whose questions are labelled "Q." (and answers "A."), not "Q:": the labels
# are read as "Q:" / "A:", never as a person's initial ("Q. Allison Janney is ...").
_QA_WITH_STOPS = re.compile(r"(?m)^Q\. (?=\S)")
_QA_STOP = re.compile(r"(?m)^([QA])\. (?=\S)")


def _sentences(text: str) -> list[_Sentence]:
    """The article's sentences, numbered from 1, with their paragraph and section."""
    sentences: list[_Sentence] = []
    section = 0
    if _QA_WITH_STOPS.search(text):  # "Q. Is it ...?" / "A. It is ...": an interview's labels
        text = _QA_STOP.sub(r"\1: ", text)
    for paragraph_number, (paragraph, structured) in enumerate(_blocks(text)):
        if _is_heading(paragraph):
            section += 1
            sentences.append(
                _Sentence(len(sentences) + 1, paragraph_number, paragraph, section, heading=True)
            )
            continue
        for piece in _paragraph_sentences(paragraph):
            sentences.append(
                _Sentence(len(sentences) + 1, paragraph_number, piece, section, line=structured)
            )
    return sentences


def _paragraph_sentences(paragraph: str) -> list[str]:
    """Split one paragraph, never inside a quotation unless its quotes do not pair up."""
    cuts = _sentence_breaks(paragraph, keep_quotations=True)
    if cuts is None:
        cuts = _sentence_breaks(paragraph, keep_quotations=False) or []
    bounds = zip([0, *cuts], [*cuts, len(paragraph)], strict=True)
    return [piece for start, end in bounds if (piece := paragraph[start:end].strip())]


def _sentence_breaks(paragraph: str, *, keep_quotations: bool) -> list[int] | None:
    """Offsets where sentences start; None when a quotation is left open."""
    cuts: list[int] = []
    quoted = False
    i = 0
    while i < len(paragraph):
        char = paragraph[i]
        if char == "“":
            quoted = True
        elif char == "”":
            quoted = False
        elif char == '"':
            quoted = not quoted
        elif char in _ENDINGS:
            end = i + 1
            while end < len(paragraph) and paragraph[end] in _ENDINGS:
                end += 1
            while end < len(paragraph) and paragraph[end] in _CLOSERS:
                if paragraph[end] in '”"':
                    quoted = False
                end += 1
            if (
                not (quoted and keep_quotations)
                and _next_sentence_starts(paragraph, end)
                and not (char == "." and _is_abbreviation(paragraph, i))
            ):
                cuts.append(end)
            i = end
            continue
        i += 1
    if quoted and keep_quotations:
        return None
    return cuts


def _next_sentence_starts(paragraph: str, offset: int) -> bool:
    """Whether a space then a capital letter or an opening quote follow ``offset``."""
    rest = paragraph[offset : offset + 2]
    return len(rest) == 2 and rest[0] == " " and (rest[1].isupper() or rest[1] in _OPENING_QUOTES)


def _is_abbreviation(paragraph: str, stop: int) -> bool:
    """Whether the word before the full stop at ``stop`` is an abbreviation (the word
    is found by looking back to the last space, not by copying the paragraph)."""
    word = paragraph[paragraph.rfind(" ", 0, stop) + 1 : stop].lstrip(_OPENING_QUOTES + "(")
    return word in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word))
