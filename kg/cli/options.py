"""Options shared by the commands that read the graph (``kg analyze``, ``kg viz``).

:func:`with_filters` gives a command the six filters (``--start``, ``--end``,
``--type``, ``--source``, ``--min-confidence``, ``--stance``) once, instead of each command
declaring them: the command takes a ``filters`` parameter and receives them built by
:func:`kg.analysis.make_filters`.

>>> import typer
>>> @with_filters
... def cmd(name: str, filters: object = None) -> object:
...     return filters
>>> list(inspect.signature(cmd).parameters)
['name', 'start', 'end', 'type', 'source', 'min_confidence', 'stance']
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
STANCE = typer.Option(
    None,
    "--stance",
    help="Keep only links of responsibility with this stance: stated, claimed, alleged, "
    "suspected, denied (repeatable; default: all)",
)
GENERIC = typer.Option(
    False,
    "--generic",
    help="Also rank the group nodes sources do not name (civilians, unidentified armed groups)",
)

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
    inspect.Parameter(
        "stance", inspect.Parameter.KEYWORD_ONLY, default=STANCE, annotation=list[str]
    ),
)


def make_filters(
    start: str | None = None,
    end: str | None = None,
    types: list[str] | None = None,
    sources: list[str] | None = None,
    min_conf: float | None = None,
    stances: list[str] | None = None,
) -> Any:
    """The analysis filters for the command-line values (empty lists mean no filter)."""
    from kg.analysis import make_filters as build
    from kg.analysis.projections import check_stances

    check_stances(stances)
    return build(
        start=start,
        end=end,
        event_types=types or None,
        sources=sources or None,
        min_confidence=min_conf,
        stances=stances or None,
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
            kwargs.pop("stance", None),
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
