"""Control characters out of what people type, in one place.

A pasted text can carry characters nobody sees: C0 controls (NUL, bell, the ESC of a terminal escape
code, vertical tab, form feed), DEL and the C1 range. They break the Word and Excel exports (XML cannot
hold them), can recolour a terminal that prints a title, and mean nothing to a reader. Every form that
takes text uses `CleanTextMixin`: a multi-line text (a Textarea) keeps tab, line feed and carriage
return and loses the rest; a single-line text (a title, a name) loses them all, a line break or tab
becoming a space.
"""

import re

from django import forms

# C0 except tab, line feed and carriage return; DEL; C1.
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile("[\t\n\r]+")


def clean_text(value: str) -> str:
    """A multi-line text without control characters other than tab, line feed and carriage return."""
    return _CONTROL_IN_TEXT.sub("", value)


def clean_line(value: str) -> str:
    """A single-line text without any control character; tabs and line breaks become one space."""
    return _BREAKS.sub(" ", clean_text(value))


class CleanTextMixin:
    """For a Form or ModelForm: strip control characters from every text field's input before the
    fields are validated (see the module docstring). Put it before the form class in the bases."""

    def full_clean(self):
        if self.is_bound:
            self.data = self._without_control_characters(self.data)
        super().full_clean()

    def _without_control_characters(self, data):
        data = data.copy()  # a QueryDict is immutable; a plain dict is the caller's
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or field.disabled:
                continue
            key = self.add_prefix(name)
            if key not in data:
                continue
            clean = clean_text if isinstance(field.widget, forms.Textarea) else clean_line
            if hasattr(data, "setlist"):
                data.setlist(key, [clean(v) if isinstance(v, str) else v for v in data.getlist(key)])
            elif isinstance(data[key], str):
                data[key] = clean(data[key])
        return data
