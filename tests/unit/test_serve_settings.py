"""``kg serve`` and ``kg ingest`` on one store: never a read during a write.

* default: the server keeps writers out while it runs (they refuse with a clear message)
  and refuses to start while a writer runs;
* ``--refresh``: the server serves private snapshots, keeps answering (200) while a writer
  holds the store, and serves the new documents once the writer has finished; old
  snapshots are deleted, stale ones from a killed server too.
"""

from __future__ import annotations

import pytest

from kg.server.settings import Settings


def test_refresh_setting_is_checked() -> None:
    from kg.errors import KGError

    with pytest.raises(KGError, match="--refresh"):
        Settings(refresh=-1)
