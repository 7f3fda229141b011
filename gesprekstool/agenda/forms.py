from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.dates import validate_sensible_date
from gesprekstool.lib.forms import OptionsForm
from gesprekstool.lib.text import CleanTextMixin
from gesprekstool.rounds import addresses
from gesprekstool.rounds.models import Participant, Round

from .models import Action, Agreement
from .services import EDITABLE_FIELDS


def note_field(label=None, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label or _("Progress note"),
        required=False,
        max_length=settings.MAX_ANSWER_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VersionedForm:
    """For a form with a hidden `version` (the version of the action it was opened on)."""

    def with_version(self, version: int) -> dict:
        """The submitted data with `version` in place of the version posted: after a conflict the
        form shows what was typed, and a save from it overwrites the version it now shows."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(version)
        return data


class ActionForm(CleanTextMixin, forms.ModelForm):
    """A new action on the agenda of a round."""

    class Meta:
        model = Action
        fields = ["theme", "description", "owner", "owner_name", "owner_email", "department", "due_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "owner_name": _(
                "Someone who is not a participant of this round. Fill in this field or “Who (a participant)”, not both."
            ),
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
        self.fields["owner"].help_text = _(
            "Choose a participant, or write a name under “or another person”. One of the two is needed."
        )
        # Neither is required on its own, but one of the two is: the labels say so, not "optional".
        self.fields["owner"].one_of_two = self.fields["owner_name"].one_of_two = True
        self.fields["description"].validators.append(MaxLengthValidator(settings.MAX_ANSWER_TEXT))
        if "due_on" in self.fields:
            self.fields["due_on"].validators.append(validate_sensible_date)

    def clean(self):
        cleaned = super().clean()
        if "owner" not in self.errors and not cleaned.get("owner") and not cleaned.get("owner_name"):
            # On the first of the two, where the eye starts; on the name when there is nobody to choose.
            has_participants = not self.round.is_joint
            self.add_error(
                "owner" if has_participants else "owner_name",
                _("Say who does this: choose a participant or write a name under “or another person”.")
                if has_participants
                else _("Say who does this: write a name."),
            )
        if cleaned.get("owner") and cleaned.get("owner_name"):
            self.add_error("owner_name", _("Choose a participant or write a name, not both."))
        if cleaned.get("owner") and cleaned.get("owner_email"):
            self.add_error(
                "owner_email",
                _("A participant's e-mail address is kept with the participant. Leave this field empty."),
            )
        return cleaned


class ActionEditForm(VersionedForm, ActionForm):
    """Change an action: its status, its details, and a line for the progress log.

    `version` is the version the form was opened on; the save is refused when it is outdated.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = note_field(help_text=_("What has happened? It is added to the log with your name and the date."))

    class Meta(ActionForm.Meta):
        fields = list(EDITABLE_FIELDS)
        widgets = {**ActionForm.Meta.widgets, "status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version


class ProgressForm(VersionedForm, CleanTextMixin, forms.Form):
    """What the owner (through a personal link) or the group (in the review) says about an action."""

    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices, widget=forms.RadioSelect)
    note = note_field()
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, action: Action, **kwargs):
        kwargs.setdefault("prefix", f"actie-{action.pk}")
        kwargs.setdefault("initial", {"status": action.status, "version": action.version})
        super().__init__(*args, **kwargs)
        self.action = action


class AgreementForm(CleanTextMixin, forms.ModelForm):
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
        self.fields["next_meeting_on"].validators.append(validate_sensible_date)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_meeting_on") and cleaned.get("follow_up") != Agreement.FollowUp.MEET_AGAIN:
            self.add_error(
                "next_meeting_on", _("A date for a next meeting only fits when the group meets again.")
            )
        return cleaned


class OwnerLinkForm(OptionsForm):
    """Give the action's owner a new personal link, or (`revoke`) stop their links."""

    revoke = forms.BooleanField(required=False)


class CalendarFeedForm(OptionsForm):
    """Make a new calendar subscription address, or (`remove`) stop it."""

    remove = forms.BooleanField(required=False)


class TickListField(forms.ModelMultipleChoiceField):
    """Tick any number of a list of `model`s, or none; the form gives the list (its queryset)."""

    model: type[models.Model]
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=self.model.objects.none(), required=False, **kwargs)


class ParticipantChoiceField(TickListField):
    model = Participant

    def label_from_instance(self, obj: Participant) -> str:
        parts = [obj.display_name, obj.domain_label]
        if obj.department:
            parts.append(obj.department)
        if obj.email:
            parts.append(obj.email)
        return " – ".join(parts)


class ActionChoiceField(TickListField):
    model = Action

    def label_from_instance(self, obj: Action) -> str:
        return f"{obj.theme}. {obj.description} ({obj.who}, {obj.get_status_display()})"


class RepeatForm(CleanTextMixin, forms.Form):
    """The new round: its title and date, who takes part again, which actions come along."""

    title = forms.CharField(label=_("Title of the new round"), max_length=200)
    held_on = forms.DateField(
        label=_("Date"),
        validators=[validate_sensible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date of the meeting, or the date by which everyone should have answered."),
    )
    participants = ParticipantChoiceField(
        label=_("Who takes part again?"),
        help_text=_("Everyone you tick gets a new personal link. You can add other people afterwards."),
    )
    actions = ActionChoiceField(
        label=_("Which actions come along?"),
        help_text=_(
            "Open actions and actions in progress. They are copied into the new round, where the group "
            "first looks back at what became of them."
        ),
    )

    def __init__(self, *args, previous: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous = previous
        participants = previous.participants.filter(is_group=False).order_by("position")
        actions = previous.actions.live().select_related("owner")
        self.fields["participants"].queryset = participants
        self.fields["actions"].queryset = actions
        if previous.is_joint:
            del self.fields["participants"]
        if not self.is_bound:
            self.initial.setdefault("participants", list(participants))
            self.initial.setdefault("actions", list(actions))

    def clean_participants(self) -> list[Participant]:
        """Two ticked participants with one e-mail address (possible in a round from before each
        address was one participant's) cannot both be in the new round: each one is named."""
        ticked = self.cleaned_data["participants"]
        twice = addresses.shared(ticked)
        if twice:
            raise forms.ValidationError(
                [
                    _("%(name)s has the same e-mail address as %(other)s. Tick only one of them.")
                    % {"name": addresses.card_name(p), "other": addresses.card_name(other)}
                    for p, other in twice
                ]
            )
        return ticked


class ActionFilterForm(forms.Form):
    """The filters of the organisation's action overview (all optional, read from the query string)."""

    STATUS_LIVE = "lopend"

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    owner = forms.ChoiceField(label=_("Who"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    overdue = forms.BooleanField(label=_("Only actions that are overdue"), required=False)

    def __init__(self, *args, themes, owners: list[str], departments: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["theme"].choices = every + [(t.code, t.label) for t in themes]
        self.fields["owner"].choices = every + [(o, o) for o in owners]
        self.fields["department"].choices = every + [(d, d) for d in departments]
        self.fields["status"].choices = [
            ("", _("All")),
            (self.STATUS_LIVE, _("Open or in progress")),
            *Action.Status.choices,
        ]
        self.fields["owner"].error_messages["invalid_choice"] = _(
            "Nobody called “%(value)s” owns an action here. All owners are shown."
        )

    def without_errors(self) -> dict:
        """The query without the filters that did not fit, to bind the form again."""
        data = self.data.copy()
        for name in self.errors:
            data.pop(name, None)
        return data
