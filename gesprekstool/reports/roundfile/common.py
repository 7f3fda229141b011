"""What export, check and import of the round file share: the format's name and version, its schema,
the size limit and the error every refusal raises."""

from pathlib import Path

FORMAT = "gesprekstool-round"
FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "round-file.schema.json"
# Far above the largest real round (50 participants writing 5000 characters in every field stay
# under 10 MB), far below what would hurt the server to parse.
MAX_BYTES = 20 * 1024 * 1024
# Fields a newer agenda app may have; exported and imported only where the model has them.
OPTIONAL_ACTION_FIELDS = ("status", "owner_email")


class RoundFileError(Exception):
    """A round file that cannot be imported; the message names the problem."""


def has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())
