"""Reading articles and writing their graphs: :func:`ingest` and the readers."""

from kg.ingest.readers import InputProblem, read_path
from kg.ingest.run import IngestReport, ingest

__all__ = ["IngestReport", "InputProblem", "ingest", "read_path"]
