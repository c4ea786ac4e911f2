"""The article's text cut into paragraphs and sentences, quotations kept whole."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class _Sentence:
    index: int  # 1-based position in the article
    paragraph: int
    text: str


# Characters that end a sentence, and those that may follow them before the break.
_ENDINGS = ".!?…"
_CLOSERS = "”’\"')]"
_OPENING_QUOTES = '“‘"'
# Words before a full stop that is not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "No Nos Mr Mrs Ms Dr St Jr Sr Prof vs Vol Inc Ltd Co Corp Mt Gen Sen Rep Gov Lt Col Sgt "
    "Capt approx".split()
)
# An initial ("J") or dotted capitals ("U.S"), seen without the final full stop.
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _sentences(text: str) -> list[_Sentence]:
    """The article's sentences, numbered from 1, with their paragraph."""
    sentences: list[_Sentence] = []
    for paragraph_number, paragraph in enumerate(_PARAGRAPH_BREAK.split(text)):
        paragraph = " ".join(paragraph.split())
        for piece in _paragraph_sentences(paragraph):
            sentences.append(_Sentence(len(sentences) + 1, paragraph_number, piece))
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
                and not (char == "." and _is_abbreviation(paragraph[:i]))
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


def _is_abbreviation(before: str) -> bool:
    """Whether the word ending ``before`` (its full stop cut off) is an abbreviation."""
    word = before.rsplit(" ", 1)[-1].lstrip(_OPENING_QUOTES + "(")
    return word in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word))
