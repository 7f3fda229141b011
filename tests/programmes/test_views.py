import datetime
import io
import re
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.programmes import services
from gesprekstool.programmes.figures import programme_figures
from gesprekstool.programmes.models import ProgrammeInvitation, ProgrammeMember
from gesprekstool.programmes.pdf import render_pdf_html
from gesprekstool.programmes.views import figures_chart
from tests.factories import ProgrammeFactory, ProgrammeMemberFactory, UserFactory

from .conftest import add_gemeente, add_round, everywhere

NAMED = ProgrammeMember.Sharing.NAMED
ANONYMOUS = ProgrammeMember.Sharing.ANONYMOUS


def detail_url(programme) -> str:
    return reverse("programmes:detail", kwargs={"slug": programme.slug})


def export_url(programme, fmt: str) -> str:
    return reverse("programmes:export", kwargs={"slug": programme.slug, "fmt": fmt})


@pytest.fixture
def region(programme):
    """Six gemeenten: one named, five anonymous (one of them with a telling name)."""
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))
    add_gemeente(programme, "Gemeente Geheimhouden", scores=everywhere(5))
    for n in range(4):
        add_gemeente(programme, f"Gemeente Stil {n}", scores=everywhere(3, 4))
    return programme


def token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


# --- The programme page ------------------------------------------------------------------------------------


def test_programme_page_shows_the_distribution_and_named_gemeenten(adviser_client, region):
    response = adviser_client.get(detail_url(region))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert html.count('id="programme-table"') == 1
    assert "Gemeente Noorderveld" in html
    assert "Gemeente Geheimhouden" not in html
    assert "Gemeente Stil" not in html


def test_programme_page_says_there_are_no_figures_for_fewer_than_five(adviser_client, programme):
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))
    for n in range(3):
        add_gemeente(programme, f"Gemeente Stil {n}")

    html = adviser_client.get(detail_url(programme)).content.decode()

    assert "Er zijn nog geen cijfers" in html
    assert 'id="programme-table"' not in html
    assert "Gemeente Noorderveld" not in html
    assert reverse("programmes:export", kwargs={"slug": programme.slug, "fmt": "pdf"}) not in html


def test_programme_page_sends_the_anonymous_to_the_login(client, programme):
    response = client.get(detail_url(programme))

    assert (response.status_code, response.url.split("?")[0]) == (HTTPStatus.FOUND, reverse("login"))


def test_programme_page_is_not_found_for_someone_who_does_not_advise_it(facilitator_client, region):
    assert facilitator_client.get(detail_url(region)).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("gemeenten", [5, 50])
def test_programme_page_takes_a_fixed_number_of_queries(
    adviser_client, programme, django_assert_num_queries, gemeenten
):
    for n in range(gemeenten):
        add_gemeente(
            programme, f"Gemeente {n}", sharing=NAMED if n % 2 else ANONYMOUS, scores=everywhere(1 + n % 5)
        )

    # Session, user, the header's memberships, the programme, its members, the scores, the actions,
    # the open invitations.
    with django_assert_num_queries(8):
        response = adviser_client.get(detail_url(programme))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    named = re.search(r"Gemeenten die met naam delen: ([^.]*)\.", html).group(1)
    assert sorted(named.split(", ")) == sorted(f"Gemeente {n}" for n in range(1, gemeenten, 2))


# --- Downloads ---------------------------------------------------------------------------------------------


def test_pdf_html_names_the_named_gemeente_and_never_an_anonymous_one(region):
    figures = programme_figures(region)

    html = render_pdf_html(figures, chart=figures_chart(figures))

    assert ("Gemeente Noorderveld" in html, "Geheimhouden" in html, "Gemeente Stil" in html) == (
        True,
        False,
        False,
    )


def test_pdf_text_never_names_an_anonymous_gemeente(adviser_client, region):
    response = adviser_client.get(export_url(region, "pdf"))

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert response["Content-Type"] == "application/pdf"
    assert ("Noorderveld" in text, "Geheimhouden" in text, "Stil" in text) == (True, False, False)


def workbook_text(content: bytes) -> str:
    workbook = load_workbook(io.BytesIO(content))
    return " ".join(
        str(cell.value)
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_xlsx_names_the_named_gemeente_and_never_an_anonymous_one(adviser_client, region):
    response = adviser_client.get(export_url(region, "xlsx"))

    text = workbook_text(response.content)
    assert ("Noorderveld" in text, "Geheimhouden" in text, "Stil" in text) == (True, False, False)


def test_xlsx_holds_no_figure_for_fewer_than_five(adviser_client, programme):
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))

    text = workbook_text(adviser_client.get(export_url(programme, "xlsx")).content)

    assert text == (
        "Gezond in... regio Oost Er zijn nog geen cijfers: die worden pas getoond als ten minste 5 "
        "gemeenten een ronde met antwoorden op stap 1 delen."
    )


def test_a_download_is_logged_in_each_counted_gemeente(adviser_client, region):
    adviser_client.get(export_url(region, "xlsx"))

    entries = ActivityEntry.objects.filter(action=ActivityEntry.Action.PROGRAMME_EXPORTED)
    assert (
        sorted((e.subject, e.detail, e.actor_name) for e in entries)
        == [("Gezond in... regio Oost", "xlsx", "Ada Adviseur")] * 6
    )


def test_a_download_in_an_unknown_format_is_not_found(adviser_client, region):
    assert adviser_client.get(export_url(region, "docx")).status_code == HTTPStatus.NOT_FOUND


def test_downloads_are_not_found_for_someone_who_does_not_advise(facilitator_client, region):
    assert facilitator_client.get(export_url(region, "pdf")).status_code == HTTPStatus.NOT_FOUND


# --- Inviting ----------------------------------------------------------------------------------------------


def test_an_adviser_makes_an_invitation_link_shown_once(adviser_client, programme):
    response = adviser_client.post(
        reverse("programmes:invite", kwargs={"slug": programme.slug}),
        {"kind": "gemeente", "label": "Gemeente Testdorp"},
    )

    invitation = ProgrammeInvitation.objects.get()
    html = response.content.decode()
    link = html.split('id="new-link" type="text" readonly value="')[1].split('"')[0]
    assert response.status_code == HTTPStatus.OK
    assert services.find_invitation(token_of(link)) == invitation
    assert (invitation.kind, invitation.label, invitation.accepted_at) == (
        "gemeente",
        "Gemeente Testdorp",
        None,
    )


def test_an_invitation_without_a_label_is_refused(adviser_client, programme):
    response = adviser_client.post(
        reverse("programmes:invite", kwargs={"slug": programme.slug}), {"kind": "gemeente", "label": " "}
    )

    assert (response.status_code, ProgrammeInvitation.objects.count()) == (HTTPStatus.UNPROCESSABLE_ENTITY, 0)


def test_someone_who_does_not_advise_cannot_invite(facilitator_client, programme):
    response = facilitator_client.post(
        reverse("programmes:invite", kwargs={"slug": programme.slug}), {"kind": "adviseur", "label": "Ik"}
    )

    assert (response.status_code, ProgrammeInvitation.objects.count()) == (HTTPStatus.NOT_FOUND, 0)


@pytest.fixture
def gemeente_token(programme, adviser):
    new = services.create_invitation(
        programme=programme, kind="gemeente", label="Testdorp", invited_by=adviser
    )
    return token_of(new.link)


def invitation_url(token: str) -> str:
    return reverse("programmes:invitation", kwargs={"token": token})


def test_a_facilitator_joins_with_their_gemeente(facilitator_client, organisation, programme, gemeente_token):
    response = facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    member = ProgrammeMember.objects.get()
    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PROGRAMME_JOINED)
    assert response.url == reverse("programmes:organisation", kwargs={"slug": organisation.slug})
    assert (member.organisation, member.programme, member.sharing) == (organisation, programme, "anoniem")
    assert (entry.organisation, entry.subject) == (organisation, programme.name)
    assert ProgrammeInvitation.objects.get().accepted_at is not None


def test_an_invitation_works_once(facilitator_client, organisation, gemeente_token):
    facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    response = facilitator_client.get(invitation_url(gemeente_token))

    assert response.status_code == HTTPStatus.GONE


def test_an_expired_invitation_is_gone(facilitator_client, organisation, gemeente_token):
    ProgrammeInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.GONE, 0)


def test_an_unknown_invitation_link_is_not_found(client, db):
    assert client.get(invitation_url("niet-bestaand")).status_code == HTTPStatus.NOT_FOUND


def test_a_good_invitation_link_asks_the_anonymous_to_log_in(client, gemeente_token):
    response = client.get(invitation_url(gemeente_token))

    assert (response.status_code, response.url.split("?")[0]) == (HTTPStatus.FOUND, reverse("login"))


def test_a_reader_cannot_accept_for_their_gemeente(reader_client, organisation, gemeente_token):
    response = reader_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.FORBIDDEN, 0)


def test_a_reader_is_told_to_pass_the_link_on(reader_client, gemeente_token):
    html = reader_client.get(invitation_url(gemeente_token)).content.decode()

    assert "Alleen een gespreksleider van de gemeente kan deze uitnodiging aannemen." in html


def test_nobody_joins_with_a_gemeente_they_are_not_a_member_of(outsider_client, organisation, gemeente_token):
    response = outsider_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.NOT_FOUND, 0)


def test_joining_without_a_choice_is_refused(facilitator_client, organisation, gemeente_token):
    response = facilitator_client.post(invitation_url(gemeente_token), {"organisation": organisation.pk})

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.UNPROCESSABLE_ENTITY, 0)


def test_a_gemeente_already_in_the_programme_is_told_so(
    facilitator_client, organisation, programme, gemeente_token
):
    ProgrammeMemberFactory(programme=programme, organisation=organisation, sharing="niets")

    response = facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "met-naam"}
    )

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (HTTPStatus.CONFLICT, "niets")
    assert ProgrammeInvitation.objects.get().accepted_at is None


def test_an_adviser_invitation_makes_an_adviser(client, programme, adviser):
    new = services.create_invitation(programme=programme, kind="adviseur", label="Bert", invited_by=adviser)
    colleague = UserFactory()
    client.force_login(colleague)

    response = client.post(invitation_url(token_of(new.link)))

    assert response.url == detail_url(programme)
    assert list(programme.advisers.order_by("pk")) == [adviser, colleague]


# --- A gemeente's own programmes ---------------------------------------------------------------------------


@pytest.fixture
def member(programme, organisation):
    return ProgrammeMemberFactory(programme=programme, organisation=organisation, sharing=ANONYMOUS)


def test_the_organisation_page_shows_its_own_memberships_only(
    facilitator_client, organisation, member, programme
):
    add_gemeente(programme, "Gemeente Andersdorp")

    html = facilitator_client.get(
        reverse("programmes:organisation", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert "Gezond in... regio Oost" in html
    assert "Andersdorp" not in html
    assert reverse("programmes:member_leave", kwargs={"member_id": member.pk}) in html


def test_a_reader_sees_the_memberships_without_forms(reader_client, organisation, member):
    html = reader_client.get(
        reverse("programmes:organisation", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert "Gezond in... regio Oost" in html
    assert reverse("programmes:member_leave", kwargs={"member_id": member.pk}) not in html


def test_another_organisation_does_not_see_the_page(outsider_client, organisation, member):
    response = outsider_client.get(reverse("programmes:organisation", kwargs={"slug": organisation.slug}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_facilitator_changes_what_the_gemeente_shares(facilitator_client, member):
    response = facilitator_client.post(
        reverse("programmes:member_sharing", kwargs={"member_id": member.pk}), {"sharing": "met-naam"}
    )

    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PROGRAMME_SHARING_CHANGED)
    assert response.status_code == HTTPStatus.FOUND
    assert ProgrammeMember.objects.get().sharing == "met-naam"
    assert (entry.subject, entry.detail) == (
        "Gezond in... regio Oost",
        "De cijfers van stap 1 van onze laatste ronde, met onze naam",
    )


def test_an_unknown_sharing_choice_is_refused(facilitator_client, member):
    response = facilitator_client.post(
        reverse("programmes:member_sharing", kwargs={"member_id": member.pk}), {"sharing": "alles"}
    )

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (
        HTTPStatus.UNPROCESSABLE_ENTITY,
        ANONYMOUS,
    )


@pytest.mark.parametrize("name", ["programmes:member_sharing", "programmes:member_leave"])
def test_a_reader_cannot_change_sharing_or_leave(reader_client, member, name):
    response = reader_client.post(reverse(name, kwargs={"member_id": member.pk}), {"sharing": "niets"})

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (HTTPStatus.FORBIDDEN, ANONYMOUS)


@pytest.mark.parametrize("name", ["programmes:member_sharing", "programmes:member_leave"])
def test_another_organisation_cannot_change_sharing_or_leave(outsider_client, member, name):
    response = outsider_client.post(reverse(name, kwargs={"member_id": member.pk}), {"sharing": "niets"})

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (HTTPStatus.NOT_FOUND, ANONYMOUS)


def test_leaving_removes_the_gemeente_from_the_programme_page_at_once(
    facilitator_client, adviser_client, programme, organisation, member
):
    organisation.name = "Gemeente Testdorp"
    organisation.save()
    member.sharing = NAMED
    member.save()
    add_round(organisation, scores=everywhere(1))
    for n in range(4):
        add_gemeente(programme, f"Gemeente Stil {n}")
    assert "Gemeente Testdorp" in adviser_client.get(detail_url(programme)).content.decode()

    facilitator_client.post(reverse("programmes:member_leave", kwargs={"member_id": member.pk}))

    html = adviser_client.get(detail_url(programme)).content.decode()
    assert ProgrammeMember.objects.filter(organisation=organisation).exists() is False
    assert "Gemeente Testdorp" not in html
    assert "Er zijn nog geen cijfers" in html
    assert (
        ActivityEntry.objects.filter(
            action=ActivityEntry.Action.PROGRAMME_LEFT, organisation=organisation
        ).count()
        == 1
    )


# --- The list ----------------------------------------------------------------------------------------------


def test_the_list_shows_only_the_programmes_one_advises(adviser_client, programme):
    ProgrammeFactory(name="Ander programma", slug="ander")

    html = adviser_client.get(reverse("programmes:list")).content.decode()

    assert (detail_url(programme) in html, "Ander programma" in html) == (True, False)


@pytest.mark.parametrize("programmes", [1, 3])
def test_the_organisation_page_takes_a_fixed_number_of_queries(
    facilitator_client, organisation, django_assert_num_queries, programmes
):
    for n in range(programmes):
        ProgrammeMemberFactory(
            programme=ProgrammeFactory(name=f"Programma {n}", slug=f"programma-{n}"),
            organisation=organisation,
            sharing=ANONYMOUS,
        )
    url = reverse("programmes:organisation", kwargs={"slug": organisation.slug})

    # Session, user, the header's memberships, the organisation, the membership, the programmes.
    with django_assert_num_queries(6):
        response = facilitator_client.get(url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert [f"Programma {n}" in html for n in range(programmes)] == [True] * programmes


@pytest.mark.parametrize("programmes", [1, 3])
def test_the_list_takes_a_fixed_number_of_queries(
    adviser_client, adviser, django_assert_num_queries, programmes
):
    for n in range(programmes):
        ProgrammeFactory(name=f"Programma {n}", slug=f"programma-{n}").advisers.add(adviser)

    # Session, user, the header's memberships, the programmes, the user's memberships.
    with django_assert_num_queries(5):
        response = adviser_client.get(reverse("programmes:list"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert [f"Programma {n}" in html for n in range(programmes)] == [True] * programmes
