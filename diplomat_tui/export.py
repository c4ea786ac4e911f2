"""The store as JSON (the stable shape in docs/design.md) or as a Markdown page to share."""

from __future__ import annotations

import json
from typing import Any

from diplomat_tui.model import Snapshot
from diplomat_tui.queries import (
    cast_members,
    crew_members,
    episode_title,
    format_stat_value,
    season_views,
    stat_label,
)
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
    """The export object as indented JSON."""
    return json.dumps(export_data(snapshot), ensure_ascii=False, indent=2)


def _md(text: str) -> str:
    """Escape text for Markdown so a name cannot inject links or formatting."""
    return "".join("\\" + ch if ch in "\\`*_{}[]()<>#+-.!|~" else ch for ch in text)


def export_markdown(snapshot: Snapshot) -> str:
    """A readable page: the show, cast, crew, episodes, stats and sources."""
    catalog = snapshot.catalog
    show = catalog.show
    lines: list[str] = [f"# {_md(show.title) if show else 'Unknown show'}", ""]
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
                lines += [f"## {heading}", "", _md(text), ""]
        for quote in show.quotes:
            who = ", ".join(part for part in (quote.speaker, quote.speaker_title) if part)
            lines += [f"> {_md(quote.text)}", ">", f"> — {_md(who)}" if who else ">", ""]
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
        status = f" ({view.season.status})" if view.season and view.season.status else ""
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
        context = ", ".join(_md(p) for p in (stat.period, stat.scope) if p)
        lines.append(
            f"- **{stat_label(stat)}:** {format_stat_value(stat)}"
            + (f" ({context})" if context else "")
        )
    lines += ["", "## Sources", ""]
    for source in catalog.sources:
        where = f" <{source.url}>" if source.url else ""
        quote = f": “{_md(source.quote)}”" if source.quote else ""
        lines.append(f"- {source.kind}: {_md(source.title)}{where}{quote}")
    return "\n".join(lines).rstrip() + "\n"
