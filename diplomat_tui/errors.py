"""One exception type per layer, each with a message fit to show a user as is."""


class DiplomatError(Exception):
    """Base of every error this program reports to the user in one line."""


class ArticleError(DiplomatError):
    """A press article could not be read or is not about the show."""


class StoreError(DiplomatError):
    """The store could not be read, locked or written."""


class SourceError(DiplomatError):
    """A public source could not be fetched or its data could not be parsed."""
