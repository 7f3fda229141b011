"""`manage.py migrate`, one server at a time: scripts/serve.sh runs it on every app server at start,
and two servers started together (an upgrade behind a load balancer) must not both apply the same
migration. On PostgreSQL an advisory lock makes the second wait and then find nothing left to do;
SQLite serves one host only, where its own file lock suffices.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# Any fixed number, the same on every server: pg_advisory_lock's key.
MIGRATE_LOCK = 0x6765_7370_7265_6B00  # "gesprek"


class Command(BaseCommand):
    help = "Apply database migrations; with several app servers on one PostgreSQL, one at a time."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        if connection.vendor != "postgresql":
            call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)
            return
        # A session lock: held across migrate's own transactions, released when the connection ends.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
        try:
            call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])
