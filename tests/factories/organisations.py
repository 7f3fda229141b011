"""Organisations and what belongs to one (a new organisation unless `organisation` is given)."""

import datetime

import factory
from django.utils import timezone

from gesprekstool.agenda.models import OwnerLink
from gesprekstool.indicators.models import Indicator
from gesprekstool.organisations import services as organisation_services
from gesprekstool.organisations.models import Invitation, Membership, Organisation
from gesprekstool.programmes.models import Programme, ProgrammeMember
from gesprekstool.statements.models import Statement
from tests.factories.people import UserFactory


def valid_for(days: int) -> factory.LazyFunction:
    """An expiry moment `days` from when the object is made."""
    return factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=days))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")


class OrganisationPartFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)


class MembershipFactory(OrganisationPartFactory):
    """A new user's membership with the model's default role, facilitator (ReaderMembershipFactory's is reader)."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)


class ReaderMembershipFactory(MembershipFactory):
    role = Membership.Role.READER


class InvitationFactory(OrganisationPartFactory):
    """An open invitation to be a facilitator, valid for a week, whose link carries `token`
    (the database keeps only its hash)."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.Sequence(lambda n: f"{n:t>43}")

    email = factory.Sequence(lambda n: f"genodigde{n}@example.nl")
    role = Membership.Role.FACILITATOR
    token_hash = factory.LazyAttribute(lambda invitation: organisation_services.hash_token(invitation.token))
    expires_at = valid_for(days=7)


class OwnerLinkFactory(OrganisationPartFactory):
    """An action owner's personal link, valid for 90 days unless `expires_at` is given."""

    class Meta:
        model = OwnerLink

    email = factory.Sequence(lambda n: f"eigenaar{n}@example.nl")
    expires_at = valid_for(days=90)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programma {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")


class ProgrammeMemberFactory(OrganisationPartFactory):
    """An organisation in a programme, sharing its figures anonymously unless `sharing` is given."""

    class Meta:
        model = ProgrammeMember

    programme = factory.SubFactory(ProgrammeFactory)
    sharing = ProgrammeMember.Sharing.ANONYMOUS


class IndicatorFactory(OrganisationPartFactory):
    """A figure of the organisation's own (Indicator), as CBS publishes it."""

    class Meta:
        model = Indicator

    name = "Kinderen in armoede"
    value = "9.8"
    unit = "%"
    year = 2023
    area = "Testdorp"
    source = "CBS"


class StatementFactory(factory.django.DjangoModelFactory):
    """A host's own text for one of the statement pages (the privacy statement unless `kind` is given)."""

    class Meta:
        model = Statement

    kind = Statement.Kind.PRIVACY
    title = "Onze verklaring"
    body = "Tekst"


def token_of(link: str) -> str:
    """The token at the end of an invitation link (team or programme): the database keeps only its hash."""
    return link.rstrip("/").rsplit("/", 1)[1]


def invite(organisation, email: str = "nieuw@example.nl", *, role=Membership.Role.FACILITATOR, by=None):
    """An open invitation and the token from its link (which the database does not keep)."""
    sent = organisation_services.invite(
        organisation=organisation, email=email, role=role, invited_by=by, send=False
    )
    return sent.invitation, token_of(sent.link)
