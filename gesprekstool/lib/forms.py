"""How every form field looks: one renderer for the whole project, whose field template gives each
field the NL Design System (Utrecht) form-field markup, so a template writes `{{ form.title.as_field_group }}`
and gets the label, "optional", help text, error message and the widget with its aria-describedby."""

from django import forms
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Django's renderer with the project's templates, and the NL Design System field group."""

    field_template_name = "components/field_group.html"


class OptionsForm(forms.Form):
    """A form of optional fields that only say how to go on: which button was pressed, which page
    of a list. `read(data)` gives each field's value, or its empty value when what arrived does
    not fit: there is nothing to refuse."""

    @classmethod
    def read(cls, data, **kwargs) -> dict:
        form = cls(data, **kwargs)
        form.is_valid()
        return {name: form.cleaned_data.get(name, form.fields[name].to_python(None)) for name in form.fields}


class PageForm(OptionsForm):
    """The page of a long list, from the query string (`?pagina=3`)."""

    pagina = forms.IntegerField(required=False, min_value=1)


def page_number(query) -> int | None:
    """The page asked for in `query`, or None (the first page) when it asks for none or for nonsense."""
    return PageForm.read(query)["pagina"]
