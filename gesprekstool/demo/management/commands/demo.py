"""Load the demo: a gemeente, a facilitator and a filled-in round, and a programme of invented gemeenten
that the facilitator advises. Safe to run twice."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.demo.data import (
    ACTIONS,
    EMAIL,
    ORGANISATION_NAME,
    ORGANISATION_SLUG,
    PASSWORD,
    PEOPLE,
    ROUND_TITLE,
    USERNAME,
)
from gesprekstool.demo.figures import add_demo_figures
from gesprekstool.demo.follow_up import extend_demo
from gesprekstool.demo.future import add_demo_future
from gesprekstool.demo.programme import load_programme
from gesprekstool.organisations.models import Membership, Organisation
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round


class Command(BaseCommand):
    help = "Load a demo gemeente, a facilitator account and a filled-in round (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            organisation, _ = Organisation.objects.get_or_create(
                slug=ORGANISATION_SLUG, defaults={"name": ORGANISATION_NAME}
            )
            user, created = get_user_model().objects.get_or_create(
                username=USERNAME, defaults={"first_name": "Sanne", "last_name": "Bakker", "email": EMAIL}
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            elif not user.email:  # a demo loaded before accounts had addresses
                user.email = EMAIL
                user.save(update_fields=["email"])
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": Membership.Role.FACILITATOR}
            )
            round_ = Round.objects.filter(organisation=organisation, title=ROUND_TITLE).first()
            if round_ is None:
                round_ = self.create_round(organisation, user)
            add_demo_figures(organisation, round_)
            add_demo_future(round_)
            owner_link = extend_demo()
            programme = load_programme(user, organisation)
        self.report(round_)
        self.stdout.write(
            f"  Fatima's personal action link: {settings.SITE_URL}"
            f"{reverse('follow_up:owner', kwargs={'token': owner_link.token})}"
        )
        self.stdout.write(
            f"  Programme:   {settings.SITE_URL}{reverse('programmes:detail', kwargs={'slug': programme.slug})}"
        )

    def create_round(self, organisation, user) -> Round:
        round_ = services.create_round(
            organisation=organisation,
            title=ROUND_TITLE,
            held_on=timezone.localdate() - timedelta(days=7),
            mode=Round.Mode.INDIVIDUAL,
            created_by=user,
        )
        participants = []
        for person in PEOPLE:
            p = services.add_participant(
                round_, display_name=person["name"], domain=person["domain"], department=person["department"]
            )
            services.mark_opened(p)
            for theme, value in person["scores"].items():
                services.save_score(p, theme=theme, value=value)
            if person["note"]:
                services.save_step1_note(p, text=person["note"])
            services.complete_step(p, step=1)
            for question, choices in person["choices"].items():
                services.save_question(p, question=question, choices=choices)
            for theme, text in person["comments"].items():
                services.save_comment(p, theme=theme, text=text)
            if person["finished"]:
                services.complete_step(p, step=2)
                for theme, value in person["revised"].items():
                    services.save_revised_score(p, theme=theme, value=value)
                services.finish(p)
            participants.append(p)
        for theme, text, owner, department, days in ACTIONS:
            Action.objects.create(
                round=round_,
                theme=theme,
                description=text,
                owner=participants[owner] if owner is not None else None,
                owner_name="" if owner is not None else "Wethouder Armoede (via bestuursadviseur)",
                department=department,
                due_on=date.today() + timedelta(days=days),
            )
        Agreement.objects.create(
            round=round_,
            follow_up=Agreement.FollowUp.MEET_AGAIN,
            next_meeting_on=timezone.localdate() + timedelta(days=90),
            accountability="De beleidsmedewerker armoede zet de acties op de agenda van het tweewekelijkse overleg sociaal domein.",
            notes="Eén deelnemer was nog niet klaar met stap 2; we bespreken die antwoorden in de volgende bijeenkomst.",
        )
        return round_

    def report(self, round_: Round) -> None:
        site = settings.SITE_URL
        self.stdout.write(self.style.SUCCESS("Demo loaded: Gemeente Voorbeeldstad."))
        self.stdout.write(f"  Log in at {site}{reverse('login')}")
        self.stdout.write(f"    user name: {USERNAME} (or {EMAIL})")
        self.stdout.write(f"    password:  {PASSWORD}")
        self.stdout.write(f"  Results:     {site}{reverse('rounds:results', kwargs={'pk': round_.pk})}")
        self.stdout.write("  Participants' personal links:")
        for p in round_.participants.filter(is_group=False).order_by("position"):
            self.stdout.write(f"    {p.label:<45} {site}{reverse('fill:intro', kwargs={'key': p.token})}")
