"""The README's commands work when pasted into a fresh shell after the set-up.

Every fenced ``sh``/``bash``/``python`` block of ``README.md`` and ``notebooks/README.md``
carries a marker on the line before it: ``<!-- readme-test: run -->`` (this test runs it)
or ``<!-- readme-test: skip (why) -->`` (a server that runs until Ctrl-C, a system
package, the whole suite). The blocks marked ``run`` go, in README order, through a fresh
``bash`` (no profile, an empty environment but ``PATH`` and ``HOME``) in a scratch copy of
the checkout: the source folders are linked, ``.venv`` is this checkout's, ``../shared``
is the shared folder, and ``out/`` is empty. The first block activates the virtualenv, as
the README tells a new user to do once; a block fails the test when any of its commands
exits non-zero.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT, shared_dir

pytestmark = pytest.mark.slow

MARKER = re.compile(r"<!--\s*readme-test:\s*(run|skip)\b\s*(.*?)-->")
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)
CODE_LANGS = {"sh", "bash", "shell", "console", "python", ""}
LINKED = ("examples", "ontology", "kg", "Makefile", "pyproject.toml", "tests", "bench", "docs")


def blocks(path: Path) -> list[tuple[str, str, str, int]]:
    """``(marker, language, code, line)`` for every fenced block that holds code."""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        lang = m.group(1)
        if lang not in CODE_LANGS:
            continue
        line = text.count("\n", 0, m.start()) + 1
        before = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
        mark = MARKER.search(before)
        out.append((mark.group(1) if mark else "", lang, m.group(2), line))
    return out


DOCS = (ROOT / "README.md", ROOT / "notebooks" / "README.md")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_is_marked(doc: Path) -> None:
    unmarked = [line for mark, _lang, _code, line in blocks(doc) if not mark]
    assert not unmarked, (
        f"{doc.relative_to(ROOT)}: the code blocks at lines {unmarked} carry no '<!-- readme-test: run -->' "
        "or '<!-- readme-test: skip (why) -->' line before them"
    )


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A scratch copy of the checkout, as a user has it after `make setup`."""
    repo = tmp_path / "conflict-kg"
    repo.mkdir()
    for name in LINKED:
        (repo / name).symlink_to(ROOT / name)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(ROOT / "notebooks", repo / "notebooks")  # commands write into it
    shared = shared_dir()
    if shared.exists():
        (tmp_path / "shared").symlink_to(shared)
    (tmp_path / "home").mkdir()
    return repo


def run_block(repo: Path, lang: str, code: str, activate: str) -> subprocess.CompletedProcess[str]:
    script = code if lang != "python" else f"python - <<'PYTHON'\n{code}PYTHON\n"
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(repo.parent / "home"),
        "LANG": "C.UTF-8",
        "COLUMNS": "120",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", f"{activate}\n{script}"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_marked_blocks_run_in_a_fresh_shell(doc: Path, checkout: Path) -> None:
    runnable = [(lang, code, line) for mark, lang, code, line in blocks(doc) if mark == "run"]
    assert runnable, f"{doc.relative_to(ROOT)} has no block marked to run"
    activate = "source .venv/bin/activate"
    readme = blocks(ROOT / "README.md")
    assert activate in readme[[m for m, *_ in readme].index("run")][2]  # said once, up front
    needs_shared = [line for _l, code, line in runnable if "../shared" in code]
    if needs_shared and not shared_dir().exists():
        pytest.skip(f"the blocks at lines {needs_shared} need the shared folder")
    for lang, code, line in runnable:
        proc = run_block(checkout, lang, code, activate)
        assert proc.returncode == 0, (
            f"{doc.relative_to(ROOT)}, block at line {line} failed ({proc.returncode}):\n{code}\n"
            f"--- stdout\n{proc.stdout[-3000:]}\n--- stderr\n{proc.stderr[-3000:]}"
        )
    # nothing is left in the checkout's root but out/ (and the stores under it)
    assert not [p.name for p in checkout.iterdir() if p.is_file() and not p.is_symlink()]
