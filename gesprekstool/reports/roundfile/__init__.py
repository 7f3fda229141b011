"""The round file: everything of a round as JSON, to archive it or to move it to another installation.

The format is described in docs/round-file.md and round-file.schema.json (JSON Schema). It holds no
database ids, no link tokens and no export time, so exporting, importing and exporting again gives
the same bytes. An anonymised round's file holds no names, departments or e-mail addresses of
participants; importing it cannot bring them back.

Import never trusts the file: it is size-limited before it is parsed, checked against the schema
and against the instrument it names, and written in one transaction, so a refused file changes
nothing. Participants always get new link tokens.

One module per purpose: `common` (the format's constants), `write` (export), `read` (parse and
check), `load` (import). Apps add their own sections through gesprekstool/rounds/filesections.py.
"""

from .common import FORMAT, FORMAT_VERSION, MAX_BYTES, SCHEMA_PATH, RoundFileError
from .load import import_round_data, import_round_file
from .read import check_round_file, read_round_file
from .write import dump, render_round_file, round_file_data

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "SCHEMA_PATH",
    "RoundFileError",
    "check_round_file",
    "dump",
    "import_round_data",
    "import_round_file",
    "read_round_file",
    "render_round_file",
    "round_file_data",
]
