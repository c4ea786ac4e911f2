"""Quotations: the synopsis, the description, and statements with their speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplomat_tui.article.patterns import _NAME, _QUOTED
from diplomat_tui.article.text import _Sentence

_QUOTATION = re.compile(_QUOTED)
# A sentence that is only a quotation: it continues the quoted passage before it.
_WHOLE_QUOTE = re.compile(rf"^{_QUOTED}$")
# Who said it, in the three usual orders:
# '"...," said Name, Title.'  /  '"...," Name, Title, said.'  /  'Name, Title, said: "..."'.
_STATEMENTS = (
    re.compile(rf"^{_QUOTED},? (?:said|says) (?P<speaker>{_NAME})(?:, (?P<title>[^“”\"]+?))?\.?$"),
    re.compile(
        rf"^{_QUOTED},? (?P<speaker>{_NAME})(?:, (?P<title>[^“”\"]+?),)? (?:said|says)"
        r"(?: in a statement)?\.?$"
    ),
    re.compile(
        rf"^(?P<speaker>{_NAME})(?:, (?P<title>[^“”\"]+?),)? (?:said|says)"
        rf"(?: in a statement)?[:,] {_QUOTED}$"
    ),
)
# "<Title> is described as "...""
_DESCRIBED = re.compile(
    rf"(?i:\b(?:is|was|has been|is being) (?:described|billed|pitched|touted) as) {_QUOTED}"
)
# A quotation named as the official synopsis.
_SYNOPSIS_WORD = re.compile(r"(?i:\b(?:synopsis|logline)\b)")


@dataclass
class _Passage:
    """A quoted passage: a statement, the synopsis or the description, maybe spanning
    several sentences of one paragraph."""

    kind: str  # "statement", "synopsis" or "description"
    parts: list[str]
    sentences: list[int]
    paragraph: int
    lead_in: str = ""
    speaker: str | None = None
    speaker_title: str | None = None

    @property
    def text(self) -> str:
        """The passage, its parts joined; the comma that led to "said" ends a sentence."""
        body = " ".join(_as_sentence(part) for part in self.parts)
        return f"{self.lead_in} {body}" if self.lead_in else body


def _as_sentence(part: str) -> str:
    part = part.strip()
    return part[:-1] + "." if part.endswith(",") else part


def _passages(sentences: list[_Sentence]) -> list[_Passage]:
    """The quoted passages, each with the quoted sentences that continue it."""
    passages: list[_Passage] = []
    for sentence in sentences:
        previous = passages[-1] if passages else None
        whole = _WHOLE_QUOTE.match(sentence.text)
        if (
            whole
            and previous
            and previous.sentences[-1] == sentence.index - 1
            and previous.paragraph == sentence.paragraph
        ):
            previous.parts.append(whole["quote"])
            previous.sentences.append(sentence.index)
        elif passage := _passage(sentence):
            passages.append(passage)
    return passages


def _passage(sentence: _Sentence) -> _Passage | None:
    """The passage a sentence opens: a statement, a description or the synopsis."""
    text, index, paragraph = sentence.text, sentence.index, sentence.paragraph
    for pattern in _STATEMENTS:
        if match := pattern.match(text):
            return _Passage(
                "statement",
                [match["quote"]],
                [index],
                paragraph,
                speaker=match["speaker"],
                speaker_title=match["title"],
            )
    if match := _DESCRIBED.search(text):
        return _Passage("description", [match["quote"]], [index], paragraph)
    quotation = _QUOTATION.search(text)
    if quotation and _SYNOPSIS_WORD.search(text[: quotation.start()] + text[quotation.end() :]):
        return _Passage(
            "synopsis", [quotation["quote"]], [index], paragraph, lead_in=_lead_in(text, quotation)
        )
    return None


def _lead_in(text: str, quotation: re.Match[str]) -> str:
    """The words a synopsis quotation continues ("<Title> follows"), if it continues any."""
    lead_in = text[: quotation.start()].strip()
    if lead_in.endswith((",", ":")) or _SYNOPSIS_WORD.search(lead_in):
        return ""
    return lead_in


def _first_passage(passages: list[_Passage], kind: str) -> _Passage | None:
    return next((passage for passage in passages if passage.kind == kind), None)
