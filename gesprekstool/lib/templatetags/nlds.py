"""Render Django form widgets with NL Design System (Utrecht) classes and ARIA links."""

from django import forms, template

register = template.Library()

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def described_by(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def widget(field, **extra):
    """The field's input with Utrecht classes, aria-invalid and aria-describedby."""
    widget_ = field.field.widget
    css = next((c for cls, c in WIDGET_CLASSES.items() if isinstance(widget_, cls)), TEXTBOX)
    if field.errors:
        css += " " + css.split()[0] + "--invalid"
    attrs = {"class": css, **extra}
    if described := described_by(field):
        attrs["aria-describedby"] = described
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def describedby(field) -> str:
    return described_by(field)
