"""Options shared by the commands that read the graph (``kg analyze``, ``kg viz``).

:func:`with_filters` gives a command the five event filters (``--start``, ``--end``,
``--type``, ``--source``, ``--min-confidence``) once, instead of each command declaring them:
the command takes a ``filters`` parameter and receives them built by
:func:`kg.analysis.make_filters`.

>>> import typer
>>> @with_filters
... def cmd(name: str, filters: object = None) -> object:
...     return filters
>>> list(inspect.signature(cmd).parameters)
['name', 'start', 'end', 'type', 'source', 'min_confidence']
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any

import typer

FORMAT = typer.Option("table", "--format", "-f", help="table|json|csv")
START = typer.Option(None, "--start", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)")
END = typer.Option(None, "--end", help="Up to this date (inclusive)")
TYPES = typer.Option(None, "--type", "-t", help="Event type (class name; repeatable)")
SOURCES = typer.Option(None, "--source", help="Document source or id (repeatable)")
MINCONF = typer.Option(None, "--min-confidence", help="Keep events at least this confident")

_FILTER_PARAMS = (
    inspect.Parameter("start", inspect.Parameter.KEYWORD_ONLY, default=START, annotation=str),
    inspect.Parameter("end", inspect.Parameter.KEYWORD_ONLY, default=END, annotation=str),
    inspect.Parameter("type", inspect.Parameter.KEYWORD_ONLY, default=TYPES, annotation=list[str]),
    inspect.Parameter(
        "source", inspect.Parameter.KEYWORD_ONLY, default=SOURCES, annotation=list[str]
    ),
    inspect.Parameter(
        "min_confidence", inspect.Parameter.KEYWORD_ONLY, default=MINCONF, annotation=float
    ),
)


def make_filters(
    start: str | None = None,
    end: str | None = None,
    types: list[str] | None = None,
    sources: list[str] | None = None,
    min_conf: float | None = None,
) -> Any:
    """The analysis filters for the command-line values (empty lists mean no filter)."""
    from kg.analysis import make_filters as build

    return build(
        start=start,
        end=end,
        event_types=types or None,
        sources=sources or None,
        min_confidence=min_conf,
    )


def with_filters(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the event-filter options to a command; it gets them as ``filters=``."""
    hints = typing.get_type_hints(func)
    sig = inspect.signature(func)
    params = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in sig.parameters.values()
        if p.name != "filters"
    ]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        f = make_filters(
            kwargs.pop("start", None),
            kwargs.pop("end", None),
            kwargs.pop("type", None),
            kwargs.pop("source", None),
            kwargs.pop("min_confidence", None),
        )
        return func(*args, filters=f, **kwargs)

    wrapper.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=[*params, *_FILTER_PARAMS], return_annotation=hints.get("return", Any)
    )
    wrapper.__annotations__ = {
        **{p.name: p.annotation for p in params},
        **{p.name: p.annotation for p in _FILTER_PARAMS},
        "return": hints.get("return", Any),
    }
    return wrapper
