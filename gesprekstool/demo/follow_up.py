"""Follow-up data for the demo round (statuses, a progress note, e-mail addresses). Idempotent.

Called by `manage.py demo` (after loading the round) and by `manage.py demo_follow_up`.
"""

from gesprekstool.agenda import services
from gesprekstool.agenda.models import ActionNote, OwnerLink
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Round

from .data import ORGANISATION_SLUG, ROUND_TITLE


def extend_demo() -> OwnerLink | None:
    """Give the demo round's actions some life; return Fatima's personal action link.
    Returns None when the demo round does not exist (run `manage.py demo` first)."""
    organisation = Organisation.objects.filter(slug=ORGANISATION_SLUG).first()
    round_ = (
        Round.objects.filter(organisation=organisation, title=ROUND_TITLE).first() if organisation else None
    )
    if round_ is None:
        return None
    fatima = round_.participants.filter(display_name="Fatima El Amrani").first()
    if fatima and not fatima.email:
        fatima.email = "f.elamrani@voorbeeldstad.example"
        fatima.save(update_fields=["email"])
    actions = {a.theme: a for a in round_.actions.all()}
    signals = actions.get("D")
    if signals and not ActionNote.objects.filter(action=signals).exists():
        services.update_action(
            signals,
            expected_version=signals.version,
            changes={"status": "bezig"},
            note="Eerste gesprek met de GGD en de woningcorporatie staat gepland.",
            author_name="Sanne Bakker",
        )
    memo = actions.get("F")
    if memo and not memo.owner_id and not memo.owner_email:
        services.update_action(
            memo,
            expected_version=memo.version,
            changes={"owner_email": "bestuursadviseur@voorbeeldstad.example"},
            author_name="Sanne Bakker",
        )
    if fatima is None:
        return None
    return services.ensure_owner_link(organisation, email=fatima.email, name=fatima.display_name)
