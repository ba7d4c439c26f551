"""paperkg's exceptions. Each message says what happened and what to do next.

The CLI turns any `PaperkgError` into one line `Error: <message>` and exit code 1.
"""


class PaperkgError(Exception):
    """Base class of every error paperkg raises on purpose."""


class SourceFormatError(PaperkgError):
    """An input file is not in a format paperkg can read (or not the one asked for)."""


class SourceNotFoundError(PaperkgError):
    """An input path does not exist or is not a readable file."""


class UnknownPaperError(PaperkgError):
    """A paper id was asked for that the store does not hold."""


class UnknownEntityError(PaperkgError):
    """An entity name or id was asked for that the store does not hold."""


class StoreError(PaperkgError):
    """The SQLite store cannot be opened or is not a paperkg database."""


class GazetteerError(PaperkgError):
    """A name list (the bundled gazetteer or a user's import) is malformed."""


class GoldFormatError(PaperkgError):
    """An annotated (gold) file does not follow the gold JSON Lines schema."""


class QueryError(PaperkgError):
    """A GraphQL query given on the command line failed validation or execution."""


class QuestionError(PaperkgError):
    """A graph question (trending, path, leaderboard, ...) got an argument it cannot use."""


class AuditSheetError(PaperkgError):
    """An audit sheet to score is missing, lacks a column or holds a verdict not understood."""


class WorkerError(PaperkgError):
    """An extraction worker (a local process or a Dask worker) failed or died."""
