"""Reading articles and writing their graphs: :func:`ingest` and the readers.

The top-level :func:`kg.ingest` is the function to call; this package holds its parts.
"""

from kg.ingestion.readers import InputProblem, InputWarning, read_path
from kg.ingestion.run import IngestReport, ingest

__all__ = ["IngestReport", "InputProblem", "InputWarning", "ingest", "read_path"]
