from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gesprekstool.instrument import Instrument, Option, Question, Theme
from gesprekstool.lib.dates import validate_sensible_date
from gesprekstool.lib.forms import OptionsForm, PageForm
from gesprekstool.lib.text import CleanTextMixin

from . import addresses
from .models import Participant, Round


def answer_text_field(label: str, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=settings.MAX_ANSWER_TEXT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
        error_messages={
            "max_length": _(
                "Please keep this text under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )


class RoundForm(CleanTextMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].validators.append(validate_sensible_date)
        self.fields["language"].required = False  # not chosen: the site's language
        # Radio buttons need no empty "---------" choice: nothing is chosen until the facilitator chooses.
        self.fields["mode"].choices = Round.Mode.choices
        self.fields["mode"].error_messages["required"] = _("Choose how the round is filled in.")

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or settings.LANGUAGE_CODE

    class Meta:
        model = Round
        fields = ["title", "held_on", "mode", "language"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
            "language": forms.RadioSelect,
        }
        help_texts = {
            "title": _("For example: Poverty and health, spring 2027."),
            "held_on": _("The date of the meeting, or the date by which everyone should have answered."),
        }


class OrganisationChoiceForm(forms.Form):
    """For whom a new round is: one of the organisations the facilitator manages (the first when
    none is posted)."""

    organisation = forms.TypedChoiceField(coerce=int, required=False)

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = {m.organisation_id: m for m in memberships}
        self.fields["organisation"].choices = [("", "")] + [(pk, pk) for pk in self.memberships]

    def chosen(self):
        """The chosen organisation; call after is_valid()."""
        pk = self.cleaned_data["organisation"] or next(iter(self.memberships))
        return self.memberships[pk].organisation


class RoundCloseForm(OptionsForm):
    """Close the round, or (`reopen`) open it again."""

    reopen = forms.BooleanField(required=False)


class ParticipantForm(CleanTextMixin, forms.ModelForm):
    """A participant's details, to add them to `round_` or (`editing`) to correct them. An e-mail
    address of another participant of the round is refused (rounds.addresses); the one the edited
    participant has now is theirs to keep."""

    def __init__(self, *args, round_: Round, editing: Participant | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.editing = editing

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if self.editing is not None and email == self.editing.email:
            return email
        holder = addresses.holder_of(self.round, email, excluding=self.editing)
        if holder is not None:
            raise forms.ValidationError(addresses.taken_message(holder), code="taken")
        return email

    class Meta:
        model = Participant
        fields = ["display_name", "domain", "department", "email"]
        help_texts = {
            "display_name": _("Only the facilitator and members of your organisation see this name."),
            "email": _(
                "Optional. Used only to mail this person their link and a reminder. Only facilitators "
                "see it; it is removed with the round's personal data."
            ),
        }


def scale_choices(instrument: Instrument) -> list[tuple[int, str]]:
    points = [*instrument.scale, instrument.unknown]
    return [(p.value, f"{p.value} – {p.label}") for p in points]


class VersionedAnswerMixin:
    """An answer field that carries the version (rounds.versions) of the answer the page showed, so
    that saving can refuse to overwrite a change made elsewhere since. `stored_version` is what the
    page renders into the hidden field; the view sets it from what is stored. Each answer form has
    its own `prefix`: one page holds many of them."""

    stored_version = ""

    def __init__(self, *args, prefix: str, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["version"] = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    @property
    def expected_version(self) -> str | None:
        """The version the page sent, or None when it sent none (then nothing is checked)."""
        return self.cleaned_data.get("version") or None


class ScoreForm(VersionedAnswerMixin, forms.Form):
    """One theme's score on the scale of the tool (1..5, 6 = weet niet)."""

    def __init__(self, *args, instrument: Instrument, theme: Theme, **kwargs):
        super().__init__(*args, prefix=f"score-{theme.code}", **kwargs)
        self.theme = theme
        self.fields["score"] = forms.TypedChoiceField(
            label=f"{theme.code}. {theme.statement}",
            choices=scale_choices(instrument),
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Choose a score for this statement."),
                "invalid_choice": _("Choose one of the scores 1 to 5, or 6 (don't know)."),
            },
        )


class NoteForm(VersionedAnswerMixin, CleanTextMixin, forms.Form):
    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, prefix="note", **kwargs)
        self.fields["text"] = answer_text_field(label)


class CommentForm(VersionedAnswerMixin, CleanTextMixin, forms.Form):
    def __init__(self, *args, theme: Theme, **kwargs):
        super().__init__(*args, prefix=f"comment-{theme.code}", **kwargs)
        self.theme = theme
        self.fields["text"] = answer_text_field(theme.comment_label)


class QuestionForm(VersionedAnswerMixin, CleanTextMixin, forms.Form):
    """The tick boxes of one step-2 question, with a text field for each option that asks for words."""

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, prefix=f"q{question.code}", **kwargs)
        self.question = question
        self.fields["options"] = forms.MultipleChoiceField(
            label=f"{question.number}. {question.text}",
            choices=[(o.code, o.text) for o in question.options],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("This answer is not one of the options of this question.")},
        )
        for option in question.options:
            if option.needs_text:
                self.fields[f"text_{option.code}"] = answer_text_field(option.text)
        if any(o.ask_when_combined for o in question.options):
            self.fields["confirm"] = forms.BooleanField(label=_("Yes, that is right"), required=False)

    def asked_option(self, ticked) -> Option | None:
        """The ticked option that asks for a confirmation because other answers are ticked too."""
        if len(ticked) < 2:
            return None
        return next((o for o in self.question.options if o.code in ticked and o.ask_when_combined), None)

    @property
    def needs_confirmation(self) -> bool:
        """Whether the page shows "Yes, that is right": the combination was refused unconfirmed, or
        the page shows a combination that was confirmed before."""
        if "confirm" not in self.fields:
            return False
        if self.is_bound:
            return self.has_error(forms.forms.NON_FIELD_ERRORS, "confirm") or self.confirmed
        return self.asked_option(self.initial.get("options") or []) is not None

    @property
    def confirmed(self) -> bool:
        return not self.is_bound or bool(self.data.get(self["confirm"].html_name))

    def clean(self):
        cleaned = super().clean()
        ticked = cleaned.get("options") or []
        by_code = {o.code: o for o in self.question.options}
        exclusive = [by_code[c] for c in ticked if by_code[c].exclusive]
        if exclusive and len(ticked) > 1:
            raise forms.ValidationError(
                _(
                    "“%(option)s” cannot be combined with another answer to this question. Untick one of them."
                ),
                code="exclusive",
                params={"option": exclusive[0].text},
            )
        asked = self.asked_option(ticked)
        if asked and not cleaned.get("confirm"):
            raise forms.ValidationError(
                _(
                    "You ticked “%(option)s” together with another answer. Is that right? "
                    "Then tick “Yes, that is right”; otherwise untick one of them."
                ),
                code="confirm",
                params={"option": asked.text},
            )
        for code in ticked:
            option = by_code[code]
            # A text refused already (too long, NUL) has its own message; "write it down" would mislead.
            if option.needs_text and not cleaned.get(f"text_{code}") and f"text_{code}" not in self.errors:
                self.add_error(
                    f"text_{code}",
                    forms.ValidationError(
                        _("You ticked “%(option)s”: write down what you mean."),
                        code="text_required",
                        params={"option": option.text},
                    ),
                )
        return cleaned

    def choices(self) -> dict[str, str]:
        """Option code -> text for the ticked options (text only where the option takes it)."""
        return {
            code: self.cleaned_data.get(f"text_{code}", "") if self.question.option(code).needs_text else ""
            for code in self.cleaned_data["options"]
        }

    def option_rows(self):
        """(option, checkbox subwidget, text bound field or None) for the template."""
        boxes = {w.data["value"]: w for w in self["options"]}
        for option in self.question.options:
            text = self[f"text_{option.code}"] if option.needs_text else None
            yield option, boxes[option.code], text


class RoundSettingsForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["anonymised", "results_for_participants", "language"]
        widgets = {"language": forms.RadioSelect}
        labels = {
            "anonymised": _("Show participants as “Participant 1 (Poverty)” instead of by name"),
            "results_for_participants": _("Participants may see the group results after you have shown them"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form without the language (an older page) keeps the round's language.
        self.fields["language"].required = False
        if self.instance.personal_data_removed_at is not None:
            # The names are gone: the round stays anonymised whatever is posted.
            self.fields["anonymised"].disabled = True

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or self.instance.language


class ParticipantMergeForm(forms.Form):
    """Which participant the duplicate is merged into: another (non-group) participant of the round."""

    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Participant.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Choose the participant to keep."),
            "invalid_choice": _("Choose one of the participants of this round."),
        },
    )

    def __init__(self, *args, duplicate: Participant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            duplicate.round.participants.filter(is_group=False).exclude(pk=duplicate.pk).order_by("position")
        )
        self.fields["into"].label_from_instance = lambda p: f"{p.display_name} – {p.label}"


class RoundDeleteForm(forms.Form):
    """Deleting a round cannot be undone: the facilitator types its title to confirm."""

    title = forms.CharField(label=_("Type the title of the round to confirm"), max_length=200)

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if title != self.round.title.strip():
            raise forms.ValidationError(
                _("That is not the title of this round. Type “%(title)s” exactly.")
                % {"title": self.round.title}
            )
        return title


class LinkMailForm(CleanTextMixin, forms.Form):
    """The facilitator's introduction above the mail with a participant's link."""

    intro = forms.CharField(
        label=_("Your introduction"),
        max_length=2000,
        strip=True,
        help_text=_("Above the link in the e-mail. The rest of the text is fixed: see the preview."),
        widget=forms.Textarea(attrs={"rows": 5, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
        error_messages={
            "required": _("Write a short introduction."),
            "max_length": _(
                "Please keep the introduction under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    # "Update the preview" instead of sending.
    preview = forms.BooleanField(required=False)


class GoForm(OptionsForm):
    """Which of a page's submit buttons was pressed (`go`): on to the next theme or back, save or hand in."""

    PREVIOUS, NEXT, SAVE, FINISH = "previous", "next", "save", "finish"

    go = forms.ChoiceField(
        required=False, choices=[(PREVIOUS, PREVIOUS), (NEXT, NEXT), (SAVE, SAVE), (FINISH, FINISH)]
    )


class IntroForm(OptionsForm):
    """`?intro=1`: the participant asks for the introduction again (the home link does)."""

    intro = forms.BooleanField(required=False)


class ParticipantPageForm(PageForm):
    """Which page of a large round's participants to show: `?pagina=3` (PageForm), or
    `?deelnemer=<id>` for the page that holds that participant (the links back to a participant's
    card use it)."""

    deelnemer = forms.IntegerField(required=False, min_value=1)


class JoinAsForm(OptionsForm):
    """`?ander=1`: someone else joins on a device where somebody joined already."""

    ander = forms.BooleanField(required=False)
