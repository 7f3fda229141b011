from django import forms
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.text import CleanTextMixin

from . import csvfile
from .models import FIELDS, Indicator
from .services import MAX_PER_ROUND


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Separated by “;” or “,”; at most 1 MB and 500 figures."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > csvfile.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Split it into smaller files."))
        try:
            self.rows = csvfile.read(upload.read())
        except csvfile.FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


class FigureField(forms.Field):
    """A number as people type it: "9,8", "9.8" or "1.234,5" (see csvfile.parse_value)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "maxlength": "30"})
    default_error_messages = {"invalid": _("Write a number, for example 9,8 or 1250.")}

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        try:
            if len(value) > 30:  # noqa: PLR2004 - the input's maxlength
                raise ValueError(value)
            return csvfile.parse_value(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class IndicatorForm(CleanTextMixin, forms.ModelForm):
    value = FigureField(label=_("Value"))
    year = forms.IntegerField(label=_("Year"), min_value=csvfile.FIRST_YEAR, max_value=csvfile.LAST_YEAR)
    link = forms.URLField(
        label=_("link to the source"), required=False, max_length=csvfile.LINK_LENGTH, assume_scheme="https"
    )

    class Meta:
        model = Indicator
        fields = FIELDS
        labels = {"name": _("Indicator")}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if self.instance.pk and not self.is_bound:
            self.initial["value"] = self.instance.value_text.replace(".", "")

    def clean(self):
        cleaned = super().clean()
        name, year, area = cleaned.get("name"), cleaned.get("year"), cleaned.get("area")
        if name and year and area:
            same = Indicator.objects.filter(
                organisation=self.organisation, name__iexact=name, year=year, area__iexact=area
            ).exclude(pk=self.instance.pk)
            if same.exists():
                raise forms.ValidationError(
                    _("Your organisation already has this indicator for this year and area.")
                )
        return cleaned


class RoundIndicatorsForm(forms.Form):
    """Per figure of the organisation: shown in this round or not, and beside which themes."""

    def __init__(self, *args, indicators, themes, chosen, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        theme_choices = [(t.code, t.code) for t in themes]
        self.rows = []
        for indicator in indicators:
            shown = f"shown-{indicator.pk}"
            on = f"themes-{indicator.pk}"
            self.fields[shown] = forms.BooleanField(
                label=_("Show in this round"), required=False, initial=indicator.pk in chosen
            )
            self.fields[on] = forms.MultipleChoiceField(
                label=_("Beside the themes"),
                choices=theme_choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=chosen.get(indicator.pk, ["B"]),
            )
            self.rows.append((indicator, self[shown], self[on]))

    def clean(self):
        cleaned = super().clean()
        chosen = {}
        for indicator in self.indicators:
            if not cleaned.get(f"shown-{indicator.pk}"):
                continue
            themes = cleaned.get(f"themes-{indicator.pk}") or []
            if not themes:
                self.add_error(f"themes-{indicator.pk}", _("Choose at least one theme."))
            chosen[indicator] = themes
        if len(chosen) > MAX_PER_ROUND:
            raise forms.ValidationError(
                _("Choose at most %(count)s figures: a few that help the conversation.")
                % {"count": MAX_PER_ROUND}
            )
        self.chosen = chosen
        return cleaned
