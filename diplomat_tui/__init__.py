"""diplomat-tui: a terminal fan companion for Netflix's The Diplomat."""

# The one place the version is written: pyproject.toml reads it (hatch dynamic version),
# and reading it here costs nothing at launch, unlike importlib.metadata.
__version__ = "0.1.0"
