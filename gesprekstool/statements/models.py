from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """A page the host writes: the privacy statement or the accessibility statement.

    Without a row the shipped default text (statements/defaults/<kind>.txt) is shown. The body is
    plain text with a few conventions (see statements/text.py); HTML in it is shown as text.
    """

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("Privacy statement")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. An empty line starts a new paragraph; a line starting with “## ” is a heading; "
            "lines starting with “- ” form a list. HTML is shown as text."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.title
