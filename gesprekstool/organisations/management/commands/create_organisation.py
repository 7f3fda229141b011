"""Start a new gemeente from the command line: the organisation and an invitation for its first facilitator."""

from django.core.management.base import BaseCommand, CommandError

from gesprekstool.organisations import services


class Command(BaseCommand):
    help = (
        "Create an organisation and invite its first facilitator. Prints the invitation link when "
        "e-mail is not set up (console or dummy EMAIL_BACKEND); otherwise mails it."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='the name people see, e.g. "Gemeente Voorbeeldstad"')
        parser.add_argument("--slug", required=True, help="short name: lower-case letters, digits, hyphens")
        parser.add_argument(
            "--invite", required=True, metavar="EMAIL", help="e-mail address of the first facilitator"
        )

    def handle(self, *args, name, slug, invite, **options):
        send = services.mail_is_configured()
        try:
            sent = services.start_organisation(
                name=name, slug=slug, facilitator_email=invite, created_by=None, send=send
            )
        except services.TeamError as error:
            raise CommandError(str(error.message)) from error
        organisation = sent.invitation.organisation
        self.stdout.write(self.style.SUCCESS(f"Created {organisation.name} ({organisation.slug})."))
        valid_until = sent.invitation.expires_at.strftime("%Y-%m-%d %H:%M %Z")
        if send:
            self.stdout.write(f"Invitation mailed to {sent.invitation.email}; valid until {valid_until}.")
        else:
            self.stdout.write(
                f"E-mail is not set up. Send this invitation link to {sent.invitation.email} yourself"
            )
            self.stdout.write(f"(it works once, until {valid_until}):")
            self.stdout.write(sent.link)
