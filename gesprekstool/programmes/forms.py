from django import forms
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.text import CleanTextMixin

from .models import ProgrammeInvitation, ProgrammeMember

SHARING_HELP = _(
    "Advisers see figures only when at least 5 municipalities share. Without your name, your municipality is "
    "never named; with your name, advisers see your scores per theme. You can change this at any time."
)


class InviteForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("The invitation is for"),
        choices=ProgrammeInvitation.Kind.choices,
        initial=ProgrammeInvitation.Kind.GEMEENTE,
        widget=forms.RadioSelect,
    )
    label = forms.CharField(
        label=_("For whom"),
        max_length=200,
        help_text=_(
            "For your own overview, for example: Municipality of Exampletown, facilitator J. Jansen."
        ),
    )


class SharingForm(forms.Form):
    sharing = forms.ChoiceField(
        label=_("What we share with the programme"),
        choices=ProgrammeMember.Sharing.choices,
        widget=forms.RadioSelect,
        help_text=SHARING_HELP,
    )


class JoinForm(SharingForm):
    """Which of the user's organisations joins, and what it shares. The list offers the user's
    organisations; whether the user may act for the one sent is checked by the view (404 for an
    organisation they are not a member of, 403 for a reader), not by the form."""

    organisation = forms.IntegerField(label=_("Which organisation joins"), widget=forms.Select)

    field_order = ["organisation", "sharing"]

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget.choices = [
            (m.organisation_id, m.organisation.name) for m in memberships
        ]
