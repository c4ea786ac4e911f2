"""diplomat-tui: a terminal fan companion for Netflix's The Diplomat."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplomat-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
