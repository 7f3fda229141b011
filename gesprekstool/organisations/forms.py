from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Organisation

# Fewer days than this would remove names before a follow-up meeting could use them, and the
# deletion warning goes out 14 days before a round is deleted.
MIN_DAYS = 14


class RetentionForm(forms.ModelForm):
    """The organisation's retention periods, within the host's longest period (RETENTION_MAX_DAYS)."""

    class Meta:
        model = Organisation
        fields = ["participant_data_days", "round_delete_days", "owner_email_days"]
        labels = {
            "participant_data_days": _(
                "Remove names, departments and e-mail addresses of participants after"
            ),
            "round_delete_days": _("Delete whole rounds after"),
            "owner_email_days": _("Remove e-mail addresses of action owners after"),
        }
        help_texts = {
            "participant_data_days": _("Days after the round is closed. The answers stay, without names."),
            "round_delete_days": _(
                "Days after the round is closed. Leave empty to keep rounds until you delete them. "
                "The facilitators get an e-mail 14 days before."
            ),
            "owner_email_days": _("Days after the action is done or dropped."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].widget.attrs.update(min=MIN_DAYS, max=settings.RETENTION_MAX_DAYS)

    def _check(self, name: str):
        value = self.cleaned_data.get(name)
        if value is None:
            return value
        if not MIN_DAYS <= value <= settings.RETENTION_MAX_DAYS:
            raise ValidationError(
                _("Choose a number of days from %(min)s to %(max)s.")
                % {"min": MIN_DAYS, "max": settings.RETENTION_MAX_DAYS}
            )
        return value

    def clean_participant_data_days(self):
        return self._check("participant_data_days")

    def clean_round_delete_days(self):
        return self._check("round_delete_days")

    def clean_owner_email_days(self):
        return self._check("owner_email_days")
