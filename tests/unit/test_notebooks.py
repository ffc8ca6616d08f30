"""The notebooks in ``notebooks/`` are committed clean: no outputs, parameters in the first
cell, no absolute paths (running them: tests/e2e/test_notebooks.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support import ROOT

NOTEBOOKS_DIR = ROOT / "notebooks"


NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


ABSOLUTE_PATH = re.compile(
    r"""(?:^|["'\s(=])(?:/(?:home|work|tmp|Users|usr|opt|mnt|var)/|[A-Za-z]:\\)"""
)


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_there_are_notebooks() -> None:
    assert len(NOTEBOOKS) >= 4, NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_is_clean(path: Path) -> None:
    """No outputs, parameters in the first cell, no absolute paths."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "code" and "parameters" in cells[0]["metadata"].get("tags", [])
    for i, cell in enumerate(cells):
        src = "".join(cell["source"])
        assert not ABSOLUTE_PATH.search(src), f"cell {i} of {path.name} has an absolute path"
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), f"cell {i} of {path.name} was committed with outputs"
            assert cell.get("execution_count") is None, f"cell {i} of {path.name} was executed"
    assert (
        cells[-2]["cell_type"] == "markdown"
        and "conclusion" in "".join(cells[-2]["source"]).lower()
    ), f"{path.name} must end with a written conclusion"
