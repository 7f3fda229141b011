"""The small forms of preparing the conversation and of the presenter view (views_meeting.py)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.forms import OptionsForm
from gesprekstool.lib.text import CleanTextMixin

from .models import Round


class ThemeTextForm(CleanTextMixin, forms.Form):
    """A text for the whole round or for one of its themes: an own observation or a conversation question.

    `theme_required`: a question belongs to a theme; an observation may be about the whole round ("")."""

    text = forms.CharField(
        label=_("Text"),
        max_length=settings.MAX_ANSWER_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    theme = forms.CharField(required=False, max_length=2)
    proposed = forms.BooleanField(required=False)

    def __init__(self, *args, round_: Round, theme_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_codes = [t.code for t in round_.instrument.themes]
        self.theme_required = theme_required

    def clean_theme(self) -> str:
        theme = self.cleaned_data["theme"]
        if theme not in self.theme_codes and (theme or self.theme_required):
            raise forms.ValidationError(_("Choose one of the themes of this round."))
        return theme


class ObservationToggleForm(forms.Form):
    """Hide an observation of the tool from the prepare page, or (`show`) bring it back."""

    key = forms.CharField(max_length=120)
    show = forms.BooleanField(required=False)


class QuestionUpdateForm(CleanTextMixin, forms.Form):
    """One of the buttons beside a conversation question: save its text, move it, remove it."""

    SAVE, UP, DOWN, DELETE = "save", "up", "down", "delete"

    action = forms.ChoiceField(
        required=False,
        choices=[(SAVE, SAVE), (UP, UP), (DOWN, DOWN), (DELETE, DELETE)],
    )
    text = forms.CharField(
        required=False,
        max_length=settings.MAX_ANSWER_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("action"):
            cleaned["action"] = self.SAVE
        if cleaned["action"] == self.SAVE and not cleaned.get("text") and "text" not in self.errors:
            required = self.fields["text"].error_messages["required"]
            self.add_error("text", forms.ValidationError(required, code="required"))
        return cleaned


class RevealForm(OptionsForm):
    """Show the group results to the participants, or (`hide`) hide them again; `from` says
    which page the button was on, to go back to it."""

    hide = forms.BooleanField(required=False)
    from_page = forms.CharField(required=False, max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword: the field is named from_page and posted as "from".
        self.fields["from"] = self.fields.pop("from_page")


class JoiningForm(OptionsForm):
    """Switch joining with a code on (a new code) or (`stop`) off."""

    stop = forms.BooleanField(required=False)


class PresenterForm(forms.Form):
    """Which slide of the presenter view: a theme (`thema`) and a part of it (`deel`); `versie` is
    the version of the live fragment the screen shows."""

    thema = forms.CharField(required=False, max_length=2)
    deel = forms.CharField(required=False, max_length=20)
    versie = forms.CharField(required=False, max_length=100)

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_codes = [t.code for t in round_.instrument.themes]

    def clean_thema(self) -> str:
        theme = self.cleaned_data["thema"]
        if theme and theme not in self.theme_codes:
            raise forms.ValidationError(_("Choose one of the themes of this round."))
        return theme
