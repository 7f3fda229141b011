from django import forms
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.text import CleanTextMixin
from gesprekstool.rounds.models import Round

from .models import (
    MAX_CONTRIBUTION_LENGTH,
    MAX_HEADING_LENGTH,
    MAX_PROMPT_LENGTH,
    Contribution,
    FuturePart,
)
from .proposals import EXPERIENCES, proposed_prompt


def optional_text(label, *, max_length: int, help_text="", **kwargs) -> forms.CharField:
    """A text field that may stay empty, of at most `max_length` characters."""
    return forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text, **kwargs)


class PartForm(CleanTextMixin, forms.Form):
    """The facilitator's setup of the picture of the future: how, when, which themes, which prompts.

    One prompt field per theme of the round's instrument (`prompt_A` ...), prefilled with the
    tool's proposal or the text saved before; only the chosen themes' prompts are required."""

    enabled = forms.BooleanField(
        label=_("Participants can add contributions now"),
        required=False,
        help_text=_("Switch this off to close the picture of the future; what was written stays."),
    )
    mode = forms.ChoiceField(
        label=_("How is it held?"), choices=FuturePart.Mode.choices, widget=forms.RadioSelect
    )
    position = forms.ChoiceField(
        label=_("When in the meeting?"),
        choices=FuturePart.Position.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Before: participants can open it right away. After: only once they have handed in their "
            "answers, or once you have shown them the results."
        ),
    )
    anonymous = forms.BooleanField(
        label=_("Show contributions without names"),
        required=False,
        help_text=_("Recommended. Nobody sees who wrote what: not on the wall and not on the phones."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each chosen theme gets its own question on the wall."),
        error_messages={"required": _("Choose at least one theme.")},
    )
    experiences = optional_text(
        _("Question about experiences"),
        max_length=MAX_PROMPT_LENGTH,
        help_text=_(
            "Optional. Asked for every chosen theme, next to the picture of the future. "
            "Leave it empty to ask only about the future."
        ),
    )

    def __init__(self, *args, round: Round, part: FuturePart | None = None, **kwargs):
        self.round = round
        self.themes_of_round = list(round.instrument.themes)
        saved = {p.theme: p.text for p in part.prompts.all() if not p.is_experiences} if part else {}
        experiences = next((p.text for p in part.prompts.all() if p.is_experiences), "") if part else ""
        initial = {
            "enabled": part.enabled if part else True,
            "mode": part.mode
            if part
            else (FuturePart.Mode.JOINT if round.is_joint else FuturePart.Mode.INDIVIDUAL),
            "position": part.position if part else FuturePart.Position.AFTER,
            "anonymous": part.anonymous if part else True,
            "themes": list(saved) if part else [t.code for t in self.themes_of_round],
            "experiences": experiences if part else str(EXPERIENCES),
        }
        for theme in self.themes_of_round:
            initial[f"prompt_{theme.code}"] = saved.get(theme.code) or proposed_prompt(theme.code)
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["themes"].choices = [(t.code, t.label) for t in self.themes_of_round]
        for theme in self.themes_of_round:
            self.fields[f"prompt_{theme.code}"] = optional_text(
                _("Question for theme %(theme)s") % {"theme": theme.label},
                max_length=MAX_PROMPT_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def prompt_fields(self):
        """(theme, bound field) for every theme of the round, in order."""
        return [(t, self[f"prompt_{t.code}"]) for t in self.themes_of_round]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == FuturePart.Mode.JOINT and not self.round.is_joint:
            self.add_error(
                "mode",
                _(
                    "In a round that is filled in individually, the participants write on their own phones. "
                    "Jointly is possible in a round that is filled in jointly."
                ),
            )
        for code in cleaned.get("themes", []):
            name = f"prompt_{code}"
            if name in cleaned and not cleaned[name].strip():
                self.add_error(name, _("Write a question for this theme, or do not choose the theme."))
        return cleaned

    def prompts(self) -> dict[str, str]:
        """Chosen theme code -> its prompt text, in the instrument's order."""
        chosen = set(self.cleaned_data["themes"])
        return {
            t.code: self.cleaned_data[f"prompt_{t.code}"].strip()
            for t in self.themes_of_round
            if t.code in chosen
        }


class ContributionForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your contribution"),
        max_length=MAX_CONTRIBUTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Short and concrete: at most %(max)s characters.") % {"max": MAX_CONTRIBUTION_LENGTH},
        error_messages={
            "required": _("Write something first."),
            "max_length": _(
                "Write your contribution in at most %(limit_value)d characters (you wrote %(show_value)d)."
            ),
        },
    )


class VoteForm(forms.Form):
    """Give a dot, or take it back (`withdraw`)."""

    withdraw = forms.BooleanField(required=False)


class HideForm(forms.Form):
    """Hide a contribution, or show it again (`show`)."""

    show = forms.BooleanField(required=False)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge with"),
        queryset=Contribution.objects.none(),
        error_messages={
            "required": _("Choose the contribution to merge with."),
            "invalid_choice": _("Choose the contribution to merge with."),
        },
    )

    def __init__(self, *args, contribution: Contribution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Contribution.objects.filter(
            prompt_id=contribution.prompt_id, hidden_at__isnull=True, merged_into__isnull=True
        ).exclude(pk=contribution.pk)


class HeadingForm(CleanTextMixin, forms.Form):
    heading = optional_text(
        _("Heading"),
        max_length=MAX_HEADING_LENGTH,
        help_text=_(
            "A few words. Contributions with the same heading are shown together. Empty: no heading."
        ),
        error_messages={"max_length": _("A heading has at most %(limit_value)d characters.")},
    )


class ToActionForm(CleanTextMixin, forms.Form):
    owner_name = optional_text(_("Proposed owner"), max_length=200)
