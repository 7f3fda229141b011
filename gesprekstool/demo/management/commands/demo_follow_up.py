"""Add follow-up data to the demo (after `manage.py demo`). Safe to run twice."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from gesprekstool.demo.follow_up import extend_demo


class Command(BaseCommand):
    help = "Give the demo round's actions a status, a progress note and e-mail addresses (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            link = extend_demo()
        if link is None:
            raise CommandError("The demo round does not exist: run `manage.py demo` first.")
        self.stdout.write(self.style.SUCCESS("Demo follow-up loaded."))
        self.stdout.write(
            f"  Fatima's personal action link: {settings.SITE_URL}{reverse('follow_up:owner', kwargs={'token': link.token})}"
        )
