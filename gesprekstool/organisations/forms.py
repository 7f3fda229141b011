from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.text import CleanTextMixin, clean_line

from .language import preferred_language
from .models import Membership, Organisation

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


class LoginForm(AuthenticationForm):
    """Django's login form, asking for the e-mail address; older accounts (the demo's) have a user name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address or user name")
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.FACILITATOR,
        widget=forms.RadioSelect,
        help_text=_(
            "A facilitator manages rounds and the team; a reader can look at everything but change nothing."
        ),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class OrganisationForm(CleanTextMixin, forms.Form):
    """A new organisation and the address of its first facilitator (staff only)."""

    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("For example: Municipality of Exampletown.")
    )
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=100,
        help_text=_("Lower-case letters, digits and hyphens, for example municipality-exampletown."),
    )
    email = forms.EmailField(
        label=_("E-mail address of the first facilitator"),
        max_length=150,
        help_text=_("This person gets an invitation link and can then invite colleagues."),
    )

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug != slug.lower():
            raise forms.ValidationError(_("Use lower-case letters only."))
        if Organisation.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This short name is already in use."))
        return slug


class StaffInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the facilitator"), max_length=150)


class NewAccountForm(forms.Form):
    """Name and password for someone who accepts an invitation without an account."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    # Not CleanTextMixin: it would also change the passwords. Names lose control characters here.
    def clean_first_name(self):
        return clean_line(self.cleaned_data["first_name"]).strip()

    def clean_last_name(self):
        return clean_line(self.cleaned_data["last_name"]).strip()

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters. Not only digits, not a common password and not too much like "
            "your name or e-mail address."
        ),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            user = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SwitchOrganisationForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    next = forms.CharField(required=False, max_length=2000)  # the page the switch was made on

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(m.organisation_id, m.organisation.name) for m in memberships]

    def clean_next(self) -> str:
        """The url name of the page, when `next` is a path of this site that resolves; else ""
        (another site, an unknown page): only the name is kept, never the address sent."""
        path = self.cleaned_data["next"].split("?", maxsplit=1)[0]
        if not path.startswith("/") or path.startswith("//"):
            return ""
        try:
            return resolve(path).view_name
        except Resolver404:
            return ""


class LanguageForm(forms.Form):
    """The language switch in the header: one of the site's languages (Django's set_language reads
    `next` itself and keeps it on this site)."""

    language = forms.ChoiceField(choices=settings.LANGUAGES)


class LanguageAwarePasswordResetForm(PasswordResetForm):
    """Django's reset form; each mail is in the language its user chose last (else Dutch)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(preferred_language(user=context["user"])):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
