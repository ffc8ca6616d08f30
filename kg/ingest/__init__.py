"""Reading articles and writing their graphs: :func:`ingest` and the readers.

``kg.ingest`` is both this package and the function :func:`kg.ingest`. Importing the package
(as :func:`kg.ingest` itself does) rebinds the name on ``kg`` to the package, so the package
is callable too and ``kg.ingest(store, paths)`` always works:

>>> import kg, kg.ingest.run
>>> callable(kg.ingest)
True
"""

import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from kg.ingest.readers import InputProblem, read_path
from kg.ingest.run import IngestReport, ingest

__all__ = ["IngestReport", "InputProblem", "ingest", "read_path"]


class _CallablePackage(ModuleType):
    def __call__(self, store: Any, paths: Any, **kwargs: Any) -> IngestReport:
        """Ingest articles into ``store``; see :func:`kg.ingest.run.ingest`."""
        if isinstance(paths, str | Path):
            paths = [paths]
        return ingest(store, paths, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
