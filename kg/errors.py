"""The one error type users see: every message names what was wrong and what to do."""


class KGError(Exception):
    """A problem the user can fix; the message says how.

    >>> raise KGError("no store at ./x: run `kg ingest` first")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: no store at ./x: run `kg ingest` first
    """
