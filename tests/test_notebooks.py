"""The notebooks in ``notebooks/`` run top to bottom, from a clean store, without errors.

Each notebook asserts its own key finding in a cell, so a notebook that would show a wrong
answer fails here. The kernel is the Python running the tests (``.venv`` under ``make test``):
a kernelspec pointing at ``sys.executable`` is written to a temporary folder put first on
``JUPYTER_PATH``, so nothing needs to be installed in the user's Jupyter folders.

Notebooks are committed without outputs; the fast checks below keep them that way, with their
parameters in the first cell and no absolute paths.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ISAF_JSONL, ROOT, SEED_TXT, SHARED, require_shared

NOTEBOOKS_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
KERNEL_NAME = "conflict-kg-test"
# seconds a whole notebook may take (the brief: under two minutes each)
BUDGET = 120
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


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A kernelspec for this interpreter, in a temporary folder first on JUPYTER_PATH."""
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    base = tmp_path_factory.mktemp("jupyter")
    spec_dir = base / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "conflict-kg (tests)",
        "language": "python",
        "env": {"PYTHONUNBUFFERED": "1"},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", os.pathsep.join([str(base), os.environ.get("JUPYTER_PATH", "")]))
    mp.setenv("KG_SHARED_DIR", str(SHARED))
    yield KERNEL_NAME
    mp.undo()


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_runs(path: Path, kernel_name: str) -> None:
    """Execute every cell, in ``notebooks/``, with nbclient; any error fails the test."""
    import nbformat
    from nbclient import NotebookClient

    require_shared(SEED_TXT, ISAF_JSONL)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=300,
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
    )
    started = time.monotonic()
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    took = time.monotonic() - started
    assert took < BUDGET, f"{path.name} took {took:.0f} s (budget {BUDGET} s)"
    errors = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, errors
    # the inline views are self-contained: no script or style sheet from the network
    for c in nb.cells:
        for o in c.get("outputs", []):
            page = o.get("data", {}).get("text/html", "")
            if "<iframe srcdoc=" in page:
                assert "&lt;script src=" not in page and "&lt;link " not in page
