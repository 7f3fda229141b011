"""How every form field looks: one renderer for the whole project, whose field template gives each
field the NL Design System (Utrecht) form-field markup, so a template writes `{{ form.title.as_field_group }}`
and gets the label, "optional", help text, error message and the widget with its aria-describedby."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Django's renderer with the project's templates, and the NL Design System field group."""

    field_template_name = "components/field_group.html"
