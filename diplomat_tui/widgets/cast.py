"""The Cast pane: main cast, guest stars and crew, each with their source."""

from __future__ import annotations

from textual.content import Content

from diplomat_tui.model import Snapshot, normalize
from diplomat_tui.queries import (
    CastMember,
    CrewMember,
    cast_members,
    cast_row_ids,
    crew_members,
    source_quotes,
)
from diplomat_tui.widgets.claims import claimed_field
from diplomat_tui.widgets.details import Detail, PictureSlot
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import Item
from diplomat_tui.widgets.text import ROW_LIMIT, field, line

HEADINGS = {"main": "Main cast", "guest": "Guest stars"}


def _cast_prompt(member: CastMember) -> Content:
    parts: list[Content | str | tuple[str, str]] = [line(member.name, "bold", ROW_LIMIT)]
    if member.character:
        parts += [(" as ", "$text-muted"), line(member.character, "$accent", ROW_LIMIT)]
    if member.known_for:
        parts += [("  ", ""), line(", ".join(member.known_for), "italic $text-muted", ROW_LIMIT)]
    return Content.assemble(*parts)


def _crew_prompt(member: CrewMember) -> Content:
    return Content.assemble(
        line(member.name, "bold", ROW_LIMIT),
        ("  ", ""),
        line(", ".join(member.roles), "$text-muted", ROW_LIMIT),
    )


class CastPane(ListPane):
    """Cast and crew as one list, grouped under headings."""

    def items(self, snapshot: Snapshot) -> list[Item]:
        """Headings, then one row per credit in billing order (rows keyed by credit)."""
        rows: list[Item] = []
        cast = cast_members(snapshot.catalog)
        row_ids = cast_row_ids(cast)
        for billing, heading in HEADINGS.items():
            members = [(i, m) for i, m in zip(row_ids, cast, strict=True) if m.billing == billing]
            if members:
                rows.append(Item.heading(billing, heading))
            rows += [
                Item(i, _cast_prompt(m), " ".join([m.name, m.character or "", *m.known_for]))
                for i, m in members
            ]
        crew = crew_members(snapshot.catalog)
        if crew:
            rows.append(Item.heading("crew", "Crew"))
            rows += [
                Item(m.key, _crew_prompt(m), " ".join([m.name, *m.roles, *m.known_for]))
                for m in crew
            ]
        return rows

    def detail(self, snapshot: Snapshot, item_id: str) -> Detail | None:
        """A person: character, billing, other credits, roles, and the sources."""
        catalog = snapshot.catalog
        crew = crew_members(catalog)
        cast = cast_members(catalog)
        rows = zip(cast_row_ids(cast), cast, strict=True)
        if member := next((m for row_id, m in rows if row_id == item_id), None):
            person_subject = f"person:{normalize(member.name)}"
            facts = [
                claimed_field(catalog, member.key, "character", "Character", member.character),
                claimed_field(
                    catalog,
                    member.key,
                    "billing",
                    "Billing",
                    "main cast" if member.billing == "main" else "guest star",
                ),
                claimed_field(
                    catalog,
                    person_subject,
                    "known_for",
                    "Known for",
                    ", ".join(member.known_for) or None,
                ),
                field("Episodes", None),  # no source lists appearances per episode yet
            ]
            also = [c for c in crew if c.name == member.name]
            if also:
                facts.append(field("Also", ", ".join(also[0].roles)))
            record = catalog.person(member.name)
            return Detail(
                member.name,
                facts,
                source_quotes(catalog, member.sources),
                pictures=(
                    PictureSlot(record.image if record else None, caption=member.name),
                    PictureSlot(
                        member.character_image,
                        "picture",
                        f"as {member.character}" if member.character else None,
                        "character",
                    ),
                ),
            )
        if crew_member := next((m for m in crew if m.key == item_id), None):
            facts = [
                claimed_field(
                    catalog, crew_member.key, "roles", "Roles", ", ".join(crew_member.roles)
                ),
                field("Known for", ", ".join(crew_member.known_for) or None),
            ]
            person = catalog.person(crew_member.name)
            return Detail(
                crew_member.name,
                facts,
                source_quotes(catalog, crew_member.sources),
                pictures=(PictureSlot(person.image if person else None),),
            )
        return None
