"""The store as JSON (the stable shape in docs/schema.md) or as a Markdown page to share.

Both are printed on terminals and opened in viewers, so untrusted text (names, titles,
article sentences, file names) cannot act in either: JSON escapes every control and
invisible formatting character; Markdown gets clean one-line text with only the characters
that would start a link, an HTML tag, code or emphasis escaped, so it reads as plain text too.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from diplomat_tui.model import Snapshot, Source, Stat
from diplomat_tui.queries import (
    cast_members,
    crew_members,
    episode_title,
    format_stat_value,
    season_views,
    stat_label,
)
from diplomat_tui.sanitize import clean_line, clean_text
from diplomat_tui.store import SCHEMA_VERSION


def export_data(snapshot: Snapshot) -> dict[str, Any]:
    """The export object (docs/schema.md): the values shown, and the other claims."""
    catalog = snapshot.catalog
    show = catalog.show
    character_images = {(c.person, c.character): c.character_image for c in catalog.cast}
    return {
        "schema": SCHEMA_VERSION,
        "show": show
        and {
            "title": show.title,
            "network": show.network,
            "synopsis": show.synopsis,
            "description": show.description,
            "premiered": show.premiered,
            "status": show.status,
            "creators": list(show.creators),
            "quotes": [q.to_dict() for q in show.quotes],
            "tvmaze_id": show.tvmaze_id,
            "image": show.image,
            "sources": list(show.sources),
        },
        "cast": [
            {
                "name": m.name,
                "character": m.character,
                "billing": m.billing,
                "known_for": list(m.known_for),
                "image": person.image if (person := catalog.person(m.name)) else None,
                "character_image": character_images.get((m.name, m.character)),
                "sources": list(m.sources),
            }
            for m in cast_members(catalog)
        ],
        "crew": [
            {
                "name": m.name,
                "roles": list(m.roles),
                "known_for": list(m.known_for),
                "sources": list(m.sources),
            }
            for m in crew_members(catalog)
        ],
        "seasons": [s.to_dict() for s in catalog.seasons],
        "episodes": [
            {
                "season": e.season,
                "number": e.number,
                "title": e.title,
                "airdate": e.airdate,
                "runtime": e.runtime,
                "summary": e.summary,
                "image": e.image,
                "watched": e.key in snapshot.watched,
            }
            for e in catalog.episodes
        ],
        "stats": [
            {
                "metric": s.metric,
                "value": s.value,
                "approx": s.approx,
                "period": s.period,
                "scope": s.scope,
                "season": s.season,
                "sources": list(s.sources),
            }
            for s in catalog.stats
        ],
        "sources": [s.to_dict() for s in catalog.sources],
        "claims": [c.to_dict() for c in catalog.claims],
    }


def export_json(snapshot: Snapshot) -> str:
    """The export object as indented JSON (C1 controls and bidi overrides as escapes)."""
    text = json.dumps(export_data(snapshot), ensure_ascii=False, indent=2)
    return _JSON_INVISIBLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


# json.dumps escapes C0 controls only; these are invisible too, some act on terminals, and
# a lone surrogate cannot even be printed.
_JSON_INVISIBLE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Inline, only these start something in Markdown: escapes, code, emphasis, links and
# images, HTML tags and autolinks, table cells, strikethrough, and entities (&amp;).
_MD_INLINE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)")
# At the start of a line: headings, block quotes, list items, thematic breaks.
_MD_LINE_START = re.compile(r"^(\d+(?=[.)]))?([#>+=.)-])", re.MULTILINE)
_URL = re.compile(r"(?i)(?:https?|file)://\S+")


def _md(text: str) -> str:
    """Untrusted text as one line of Markdown that shows exactly that text."""
    return _MD_INLINE.sub(lambda m: "\\" + m[0], clean_line(text))


def _md_block(text: str) -> str:
    """Untrusted text as Markdown paragraphs (line breaks kept) that show exactly that text."""
    escaped = _MD_INLINE.sub(lambda m: "\\" + m[0], clean_text(text))
    return _MD_LINE_START.sub(r"\1\\\2", escaped)


def _link(url: str) -> str:
    """A web or file address as an autolink; anything else as text."""
    url = clean_line(url)
    if not _URL.fullmatch(url):
        return _md(url)
    return "<" + quote(url, safe=":/?#@!$&'()*+,;=%~-._") + ">"


def _stat_context(stat: Stat) -> str:
    """Which season, when and where a figure is about: ``season 1, first weekend``."""
    parts = [f"season {stat.season}" if stat.season is not None else None, stat.period, stat.scope]
    return ", ".join(_md(part) for part in parts if part)


def _source_groups(sources: tuple[Source, ...]) -> dict[tuple[str, str, str | None], list[Source]]:
    """Sources by document: the sentences of one article together."""
    groups: dict[tuple[str, str, str | None], list[Source]] = {}
    for source in sources:
        groups.setdefault((source.kind, source.title, source.url), []).append(source)
    return groups


def export_markdown(snapshot: Snapshot) -> str:
    """A readable page: the show, cast, crew, episodes, stats and sources."""
    catalog = snapshot.catalog
    show = catalog.show
    lines: list[str] = [f"# {_md(show.title).rstrip('#') if show else 'Unknown show'}", ""]
    if show:
        facts = [
            ("Network", show.network),
            ("Created by", ", ".join(show.creators) or None),
            ("Premiered", show.premiered),
            ("Status", show.status),
        ]
        lines += [f"- **{label}:** {_md(value)}" for label, value in facts if value]
        lines.append("")
        for heading, text in (("Synopsis", show.synopsis), ("Description", show.description)):
            if text:
                lines += [f"## {heading}", "", _md_block(text), ""]
        for said in show.quotes:
            who = ", ".join(part for part in (said.speaker, said.speaker_title) if part)
            lines += [f"> {_md(said.text)}", ">", f"> — {_md(who)}" if who else ">", ""]
    lines += ["## Cast", ""]
    for member in cast_members(catalog):
        entry = f"- **{_md(member.name)}**"
        if member.character:
            entry += f" as {_md(member.character)}"
        if member.billing == "guest":
            entry += " (guest star)"
        if member.known_for:
            entry += f", known for {_md(', '.join(member.known_for))}"
        lines.append(entry)
    lines += ["", "## Crew", ""]
    for crew in crew_members(catalog):
        lines.append(f"- **{_md(crew.name)}**: {_md(', '.join(crew.roles))}")
    lines += ["", "## Episodes", ""]
    for view in season_views(catalog):
        status = f" ({_md(view.season.status)})" if view.season and view.season.status else ""
        lines += [f"### Season {view.number}{status}", ""]
        if not view.episodes:
            lines.append("No episodes known yet.")
        for episode in view.episodes:
            mark = "x" if episode.key in snapshot.watched else " "
            details = ", ".join(
                part
                for part in (episode.airdate, f"{episode.runtime} min" if episode.runtime else None)
                if part
            )
            lines.append(
                f"- [{mark}] {episode.number}. {_md(episode_title(episode))}"
                + (f" ({_md(details)})" if details else "")
            )
        lines.append("")
    lines += ["## Stats", ""]
    for stat in catalog.stats:
        context = _stat_context(stat)
        lines.append(
            f"- **{_md(stat_label(stat))}:** {format_stat_value(stat)}"
            + (f" ({context})" if context else "")
        )
    lines += ["", "## Sources", ""]
    for (kind, title, url), sources in _source_groups(catalog.sources).items():
        dated = next((f"published {s.published}" for s in sources if s.published), None) or next(
            (f"read {s.fetched}" for s in sources if s.fetched), None
        )
        about = ", ".join(_md(part) for part in (kind, dated) if part)
        lines.append(f"- **{_md(title)}** ({about})" + (f": {_link(url)}" if url else ""))
        lines += [f"  - {_md(source.quote)}" for source in sources if source.quote]
    return "\n".join(lines).rstrip() + "\n"
