"""The notebooks in ``notebooks/`` run top to bottom, from a clean store, without errors.

Each notebook asserts its own key finding in a cell, so a notebook that would show a wrong
answer fails here. The kernel is the Python running the tests (``.venv`` under ``make test``):
a kernelspec pointing at ``sys.executable`` is written to a temporary folder put first on
``JUPYTER_PATH``, so nothing needs to be installed in the user's Jupyter folders. That they
are committed clean: tests/unit/test_notebooks.py.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from tests.support import ISAF_JSONL, ROOT, SEED_TXT, SHARED, require_shared

NOTEBOOKS_DIR = ROOT / "notebooks"


NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


KERNEL_NAME = "conflict-kg-test"


# seconds a whole notebook may take (the brief: under two minutes each)
BUDGET = 120


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


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
    mp.setenv("KG_SHARED", str(SHARED))
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
