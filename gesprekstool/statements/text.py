"""Statement texts as blocks for the template: plain text in, no HTML out.

An empty line separates blocks; a block whose first line starts with "## " is a heading (its other
lines a paragraph after it); a block of lines starting with "- " is a list; anything else is a
paragraph, its line breaks kept. The template escapes every text, so a host cannot inject markup.
"""

from dataclasses import dataclass, field
from pathlib import Path

DEFAULTS = Path(__file__).resolve().parent / "defaults"


@dataclass
class Block:
    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    items: list[str] = field(default_factory=list)


def blocks(body: str) -> list[Block]:
    result: list[Block] = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            result.append(Block("heading", lines[0][3:].strip()))
            lines = lines[1:]
            if not lines:
                continue
        if all(line.startswith("- ") for line in lines):
            result.append(Block("list", items=[line[2:].strip() for line in lines]))
        else:
            result.append(Block("paragraph", "\n".join(lines)))
    return result


def default_text(kind: str) -> tuple[str, str]:
    """(title, body) of the shipped default: the first line of the file is the title."""
    title, _sep, body = (DEFAULTS / f"{kind}.txt").read_text(encoding="utf-8").partition("\n")
    return title.strip(), body.strip()
