"""The presenter's slides in order: the overview, then per theme the scores and the step-2 answers.

Pure: works on theme codes, so the order is easy to test. A slide is addressed in the URL by
`?thema=B` (scores) and `?thema=B&deel=antwoorden` (answers).
"""

from dataclasses import dataclass

ANSWERS = "antwoorden"
PARTS = ("", ANSWERS)


@dataclass(frozen=True)
class Slide:
    theme: str  # "" for the overview
    part: str = ""  # "" for the scores, ANSWERS for the step-2 answers

    @property
    def query(self) -> str:
        """The query string of the slide's URL, "" for the overview."""
        if not self.theme:
            return ""
        return f"?thema={self.theme}" + (f"&deel={self.part}" if self.part else "")


@dataclass(frozen=True)
class Neighbours:
    previous: Slide | None
    next: Slide | None
    first: Slide
    last: Slide


def all_slides(themes: list[str]) -> list[Slide]:
    return [Slide(""), *(Slide(code, part) for code in themes for part in PARTS)]


def neighbours(themes: list[str], current: Slide) -> Neighbours:
    """The slides before and after `current` (None at either end), and the first and last."""
    slides = all_slides(themes)
    index = slides.index(current)
    return Neighbours(
        previous=slides[index - 1] if index > 0 else None,
        next=slides[index + 1] if index + 1 < len(slides) else None,
        first=slides[0],
        last=slides[-1],
    )
