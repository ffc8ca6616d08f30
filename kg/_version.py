"""The version of conflict-kg, read from the installed package's metadata.

``pyproject.toml`` is the one place the version is written; ``kg.__version__`` and the
``prov:SoftwareAgent`` of every ingest run read it from there (through the installed
distribution's metadata).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("conflict-kg")
except PackageNotFoundError:  # a source tree that was never installed (`make setup` installs it)
    __version__ = "0+unknown"
