"""Forms of the cooperation part: a participant's pair, and a missing link into an action."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gesprekstool.instrument import Instrument
from gesprekstool.lib.text import CleanTextMixin

from .cooperation import DEFAULT_THEME, Party, normalise_name, ordered, resolve
from .models import MAX_PARTY_LENGTH

SIDES = ("a", "b")


def name_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_PARTY_LENGTH,
        help_text=_("Only when the partner is not in the list."),
        error_messages={
            "max_length": _("Keep the name under %(limit_value)d characters (it has %(show_value)d)."),
        },
    )


class PairForm(CleanTextMixin, forms.Form):
    """Two parties, each chosen from the round's list or typed. `cleaned_data["pair"]` is the pair
    of keys in its stored order."""

    def __init__(self, *args, parties: list[Party], **kwargs):
        super().__init__(*args, **kwargs)
        self.parties = parties
        choices = [("", _("— choose from the list —")), *((p.key, p.label) for p in parties)]
        for side, number in zip(SIDES, (1, 2), strict=True):
            self.fields[f"party_{side}"] = forms.ChoiceField(
                label=_("Partner %(number)s") % {"number": number},
                choices=choices,
                required=False,
                error_messages={"invalid_choice": _("Choose a partner from the list.")},
            )
            self.fields[f"other_{side}"] = name_field(
                _("Or another partner %(number)s: type the name") % {"number": number}
            )
            # Neither is required on its own, but one of the two is: the labels say so, not "optional".
            self.fields[f"party_{side}"].one_of_two = self.fields[f"other_{side}"].one_of_two = True

    def clean(self):
        cleaned = super().clean()
        keys = []
        for side in SIDES:
            chosen = cleaned.get(f"party_{side}") or ""
            typed = normalise_name(cleaned.get(f"other_{side}") or "")
            if f"party_{side}" in self.errors or f"other_{side}" in self.errors:
                continue
            if chosen and typed:
                self.add_error(f"other_{side}", _("Choose from the list or type a name, not both."))
            elif not chosen and not typed:
                self.add_error(f"party_{side}", _("Choose a partner from the list, or type a name below."))
            else:
                keys.append(chosen or resolve(typed, self.parties))
        if len(keys) == len(SIDES):
            if keys[0] == keys[1]:
                self.add_error("party_b", _("Choose two different partners."))
            else:
                cleaned["pair"] = ordered(*keys)
        return cleaned


class WithdrawForm(forms.Form):
    """One of the participant's own pairs, as stored."""

    party_a = forms.CharField(max_length=MAX_PARTY_LENGTH)
    party_b = forms.CharField(max_length=MAX_PARTY_LENGTH)


class LinkActionForm(CleanTextMixin, forms.Form):
    """A missing link into an action: the pair, the theme it goes under, and who could pick it up."""

    party_a = forms.CharField(max_length=MAX_PARTY_LENGTH, widget=forms.HiddenInput)
    party_b = forms.CharField(max_length=MAX_PARTY_LENGTH, widget=forms.HiddenInput)
    owner_name = forms.CharField(
        label=_("Who could pick this up"),
        max_length=200,
        required=False,
    )

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"] = forms.ChoiceField(
            label=_("Theme"),
            choices=[(t.code, t.label) for t in instrument.themes],
            initial=DEFAULT_THEME,
            error_messages={"invalid_choice": _("Choose one of the themes.")},
        )
