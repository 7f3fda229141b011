from django import forms
from django.core.validators import URLValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.text import CleanTextMixin

from .models import Entry, Tag, Theme


class WebAddressField(forms.URLField):
    """http and https only: every user may click the address (no javascript:, data: or ftp:)."""

    default_error_messages = {"invalid": _("Enter a web address that starts with http:// or https://.")}
    default_validators = [URLValidator(schemes=["http", "https"])]


def source_url_field() -> forms.URLField:
    model_field = Entry._meta.get_field("source_url")
    return WebAddressField(
        label=capfirst(model_field.verbose_name),
        required=False,
        max_length=model_field.max_length,
        assume_scheme="https",
    )


class SearchForm(forms.Form):
    """The library's search and filters, read from the query string. Choices come from lists the view
    already loaded, so building and validating the form costs no queries."""

    TAG_FIELDS = {"role": Tag.Kind.ROLE, "focus": Tag.Kind.FOCUS, "group": Tag.Kind.GROUP}

    q = forms.CharField(label=_("Search words"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    role = forms.MultipleChoiceField(
        label=_("Role of the municipality"), required=False, widget=forms.CheckboxSelectMultiple
    )
    focus = forms.MultipleChoiceField(label=_("Focus"), required=False, widget=forms.CheckboxSelectMultiple)
    group = forms.MultipleChoiceField(
        label=_("Target group"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, tags: list[Tag], themes: list[Theme], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes")), *((t.code, t.label) for t in themes)]
        for name, kind in self.TAG_FIELDS.items():
            self.fields[name].choices = [(t.slug, t.name) for t in tags if t.kind == kind]

    def filters(self) -> tuple[str, str, dict[str, list[str]]]:
        """(search words, theme code, chosen tag slugs per kind); what is invalid is ignored."""
        if not self.is_bound:
            return "", "", {}
        self.is_valid()
        data = self.cleaned_data
        tags = {name: data[name] for name in self.TAG_FIELDS if data.get(name)}
        return data.get("q", "").strip()[:200], data.get("theme", ""), tags


class TagField(forms.ModelMultipleChoiceField):
    def __init__(self, kind: str, **kwargs):
        super().__init__(
            queryset=Tag.objects.filter(kind=kind),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    def label_from_instance(self, obj: Tag) -> str:
        return obj.name


class EntryForm(CleanTextMixin, forms.ModelForm):
    """A gemeente's own practice, or (for programme advisers) an entry of the shared library."""

    # Required fields are marked by the absence of "(optional)"; without the HTML attribute, empty
    # required boxes do not show up red before anything was typed.
    use_required_attribute = False

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which themes of the tool does it help with?"),
    )
    focus = TagField(Tag.Kind.FOCUS, label=_("Focus"))
    roles = TagField(Tag.Kind.ROLE, label=_("Role of the municipality"))
    groups = TagField(Tag.Kind.GROUP, label=_("Target group"))
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int, required=False)
    source_url = source_url_field()

    class Meta:
        model = Entry
        fields = [
            "title",
            "organisation_name",
            "kind",
            "summary",
            "lessons",
            "source",
            "source_url",
            "visibility",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "source": forms.Textarea(attrs={"rows": 2}),
            "visibility": forms.RadioSelect,
            "kind": forms.RadioSelect,
        }
        help_texts = {
            "title": _("Short and concrete, for example “Financial advice hour at the health centre”."),
            "lessons": _("What should another municipality know before it starts something similar?"),
            "source": _("A report, article or contact person where others can read more."),
        }

    def __init__(self, *args, memberships, is_staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_staff = is_staff
        self.memberships = list(memberships)
        choices = [(m.organisation_id, m.organisation.name) for m in self.memberships]
        if is_staff:
            choices.insert(0, ("", _("The shared library (no municipality)")))
        self.fields["organisation"].choices = choices
        self.fields["organisation"].required = not is_staff
        if len(choices) == 1:
            self.fields["organisation"].initial = choices[0][0]
            self.fields["organisation"].widget = forms.HiddenInput()
        visibility = [
            (Entry.Visibility.PRIVATE, _("Only for our organisation")),
            (Entry.Visibility.PROPOSED, _("Propose it for everyone: a programme adviser publishes it")),
        ]
        if is_staff:
            visibility.append((Entry.Visibility.PUBLIC, _("Public: publish it in the library at once")))
        self.fields["visibility"].choices = visibility
        self.fields["visibility"].label = _("Who may see it?")
        if not self.instance.pk:  # the model's default (public) is for the shared library
            self.initial["visibility"] = Entry.Visibility.PUBLIC if is_staff else Entry.Visibility.PRIVATE
        if self.instance.pk:
            self.initial.setdefault("organisation", self.instance.organisation_id)
            tags = list(self.instance.tags.all())
            for name, kind in (
                ("roles", Tag.Kind.ROLE),
                ("focus", Tag.Kind.FOCUS),
                ("groups", Tag.Kind.GROUP),
            ):
                self.initial.setdefault(name, [t.pk for t in tags if t.kind == kind])
            self.initial.setdefault("themes", [t.pk for t in self.instance.themes.all()])

    def clean_organisation(self):
        value = self.cleaned_data.get("organisation")
        if value in (None, ""):
            return None
        match = [m for m in self.memberships if m.organisation_id == value]
        if not match:
            raise forms.ValidationError(_("You are not a member of that organisation."))
        return match[0].organisation

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") is None and cleaned.get("visibility") != Entry.Visibility.PUBLIC:
            self.add_error("organisation", _("Choose the municipality this practice belongs to."))
        return cleaned

    def tags(self) -> list[Tag]:
        return [*self.cleaned_data["roles"], *self.cleaned_data["focus"], *self.cleaned_data["groups"]]
