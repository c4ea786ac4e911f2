"""The sanity limit for figures: what no week of viewing can hold is damage, not a fact.

8 billion people watching all 168 hours of a week is 1.3e12 hours; the largest week on
record is under 1e9. A larger figure (a Top 10 file saying 1e308 hours viewed, an article
saying 99,999,999,999,999,999,999) comes from a damaged or hostile source, and is refused
in one line where it enters, before anything is saved.
"""

from __future__ import annotations

MAX_FIGURE = 10**12


def is_plausible(value: float) -> bool:
    """Whether ``value`` can be a count, rank or number of hours of one show."""
    return 0 <= value <= MAX_FIGURE
