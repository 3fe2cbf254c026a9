"""Exceptions raised by the library; the CLI and the API turn them into messages."""


class VisitkbError(Exception):
    """Base class of every error visitkb raises on purpose."""


class BadDocument(VisitkbError):
    """A document that cannot be read or ingested; names the document and the problem."""

    def __init__(self, document: str, problem: str) -> None:
        super().__init__(f"{document}: {problem}")
        self.document = document
        self.problem = problem


class UnknownLanguage(BadDocument):
    """A document in a language visitkb has no knowledge for."""


class DatabaseNotReady(VisitkbError):
    """The database schema is missing or older than this version of visitkb."""


class GazetteerError(VisitkbError):
    """Officials gazetteer files that cannot be read or break its rules; lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class LanguageDataError(VisitkbError):
    """A language folder's data file lacks a group the pipeline reads, or has a bad value."""
