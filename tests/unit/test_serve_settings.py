"""``kg serve --refresh`` checks its setting before anything starts (the server and
``kg ingest`` on one store: tests/e2e/test_reliability_serve.py)."""

from __future__ import annotations

import pytest

from kg.server.settings import Settings


def test_refresh_setting_is_checked() -> None:
    from kg.errors import KGError

    with pytest.raises(KGError, match="--refresh"):
        Settings(refresh=-1)
