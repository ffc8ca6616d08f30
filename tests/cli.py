"""Helpers of the in-process CLI tests (unit and integration): ``kg`` through typer's
CliRunner, with a console wide enough that rich never wraps a path."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.cli import core as cli_core
from kg.errors import KGError

runner = CliRunner()


def kg(*args: str | Path) -> object:
    """Invoke ``kg`` in-process; returns click's Result."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=True)


def kg_error(*args: str | Path) -> str:
    """Invoke ``kg`` expecting the user-facing error (``KGError``); return its message."""
    result = kg(*args)
    assert isinstance(result.exception, KGError), (result.exception, result.output)
    return str(result.exception)


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep rich from wrapping messages (paths, file:line) across lines in captured output
    (imported by a test module, it applies to each of its tests)."""
    monkeypatch.setattr(cli_core.err_console, "width", 1000)
    monkeypatch.setattr(cli_core.console, "width", 1000)
