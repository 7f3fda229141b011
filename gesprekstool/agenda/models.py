from django.db import models
from django.utils.translation import gettext_lazy as _

from gesprekstool.rounds.models import Participant, Round


class Action(models.Model):
    """One line of the action agenda (step 3): what, who, which department, by when."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="actions", verbose_name=_("round")
    )
    theme = models.CharField(_("theme"), max_length=2)
    description = models.TextField(_("what will be done"))
    owner = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("participant"),
    )
    owner_name = models.CharField(_("or another person"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    due_on = models.DateField(_("date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["theme", "created_at", "id"]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def who(self) -> str:
        if self.owner_id:
            return self.owner.display_name
        return self.owner_name


class Agreement(models.Model):
    """How the group follows the agenda up, and the free text of step 3."""

    class FollowUp(models.TextChoices):
        MEET_AGAIN = "bijeenkomst", _("The group meets again in the same composition")
        DEPARTMENTS = "afdelingen", _("The departments pick up the points themselves")
        UNDECIDED = "", _("Not decided yet")

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="agreement")
    follow_up = models.CharField(
        _("follow-up"), max_length=20, choices=FollowUp.choices, default=FollowUp.UNDECIDED, blank=True
    )
    next_meeting_on = models.DateField(_("date of the next meeting"), null=True, blank=True)
    accountability = models.TextField(_("how we hold each other to the agreements"), blank=True)
    notes = models.TextField(_("room for explanation"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up agreement")
        verbose_name_plural = _("follow-up agreements")

    def __str__(self) -> str:
        return str(self.round)
