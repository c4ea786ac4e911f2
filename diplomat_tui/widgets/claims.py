"""Competing claims side by side: beside a value shown, what other sources said of it.

A fact the sources disagree on shows its value (the better-founded claim, see
docs/schema.md) followed by every other claim kept, each with who said it:
``Premiered: April 20  (also claimed: article “Renewal”: October 31)``.
"""

from __future__ import annotations

from textual.content import Content

from diplomat_tui.model import Catalog, Claim, Source
from diplomat_tui.queries import source_quotes
from diplomat_tui.widgets.text import UNKNOWN, field, line

API_NAMES = {"tvmaze": "TVmaze API", "top10": "Netflix Top 10 data files"}


def source_name(source: Source) -> str:
    """``article “Title”``, or the API's name."""
    if source.kind == "article":
        return f"article “{source.title}”"
    return API_NAMES.get(source.kind, source.kind)


def claim_value(value: object) -> str:
    """A claimed value as text (``unknown`` for none; lists joined)."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def claim_text(catalog: Catalog, claim: Claim) -> str:
    """``article “Renewal”: October 31`` (every source of the claim named)."""
    names = ", ".join(source_name(s) for s in source_quotes(catalog, claim.sources))
    return f"{names or 'an unknown source'}: {claim_value(claim.value)}"


def other_claims(catalog: Catalog, subject: str, name: str) -> Content | None:
    """``also claimed: article “A”: October 31; TVmaze API: 2023-04-20``, or None."""
    claims = catalog.claims_about(subject, name)
    if not claims:
        return None
    text = "; ".join(claim_text(catalog, claim) for claim in claims)
    return Content.assemble(("also claimed: ", "italic $warning"), line(text, "$warning"))


def claimed_field(
    catalog: Catalog, subject: str, name: str, label: str, value: str | None
) -> Content:
    """``Label: value``, and the other claims about it side by side when there are some."""
    shown = field(label, value)
    others = other_claims(catalog, subject, name)
    return shown if others is None else Content.assemble(shown, "  (", others, ")")
