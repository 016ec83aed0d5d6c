"""One place that knows where translations and icons live."""

from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path(__file__).resolve().parent / "_resources"


def resource_path(rel: str) -> Path:
    """Path of a file under resources/, from a source checkout or an installed wheel."""
    base = _SOURCE_TREE if _SOURCE_TREE.is_dir() else _INSTALLED
    return base / rel
