from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from gesprekstool.rounds.models import Round

from .models import Action, Agreement


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["theme", "description", "owner", "owner_name", "department", "due_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "owner_name": _("Someone who is not a participant of this round."),
            "due_on": _("Optional."),
        }

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.fields["theme"] = forms.ChoiceField(
            label=_("Theme"), choices=[(t.code, t.label) for t in round.instrument.themes]
        )
        self.fields["owner"].queryset = round.participants.filter(is_group=False)
        self.fields["owner"].label = _("Who (a participant)")
        self.fields["owner"].empty_label = _("— nobody of the round —")
        self.fields["description"].validators.append(MaxLengthValidator(settings.MAX_ANSWER_TEXT))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("owner") and not cleaned.get("owner_name"):
            self.add_error("owner_name", _("Say who does this: choose a participant or write a name."))
        if cleaned.get("owner") and cleaned.get("owner_name"):
            self.add_error("owner_name", _("Choose a participant or write a name, not both."))
        return cleaned


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["follow_up", "next_meeting_on", "accountability", "notes"]
        widgets = {
            "follow_up": forms.RadioSelect,
            "next_meeting_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "accountability": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("accountability", "notes"):
            self.fields[name].validators.append(MaxLengthValidator(settings.MAX_ANSWER_TEXT))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_meeting_on") and cleaned.get("follow_up") != Agreement.FollowUp.MEET_AGAIN:
            self.add_error(
                "next_meeting_on", _("A date for a next meeting only fits when the group meets again.")
            )
        return cleaned
