"""The host's pages (staff only): every organisation, and starting a new one with its first facilitator."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .forms import OrganisationForm, StaffInviteForm
from .models import Membership, Organisation


def staff_only(view):
    """Logged-in staff only; everyone else gets a 404, so the pages do not announce themselves."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def sent_message(request, sent: services.SentInvitation) -> None:
    """Say where the invitation went; without a mail server, show the link to pass on by hand."""
    if services.mail_is_configured():
        messages.success(
            request, _("An invitation has been sent to %(email)s.") % {"email": sent.invitation.email}
        )
    else:
        messages.warning(
            request,
            _("E-mail is not set up on this server. Send this link to %(email)s yourself: %(link)s")
            % {"email": sent.invitation.email, "link": sent.link},
        )


@staff_only
def staff_organisations(request):
    now = timezone.now()
    organisations = Organisation.objects.annotate(
        member_count=Count("memberships", distinct=True),
        facilitator_count=Count(
            "memberships", filter=Q(memberships__role=Membership.Role.FACILITATOR), distinct=True
        ),
        pending_count=Count(
            "invitations",
            filter=Q(
                invitations__accepted_at__isnull=True,
                invitations__withdrawn_at__isnull=True,
                invitations__expires_at__gt=now,
            ),
            distinct=True,
        ),
    ).order_by("name")
    return render(request, "organisations/staff_list.html", {"organisations": organisations})


def invitation_page(request, form, template: str, *, send, refused_on: str | None = None, context=None):
    """A host's form that sends an invitation. A valid POST calls `send(cleaned_data)` (a service
    that returns the SentInvitation), says where it went and goes back to the list; invalid input
    is shown again with 422; a refusal of the service (TeamError) goes on the form (on the field
    `refused_on`, or the whole form) with 409."""
    status = HTTPStatus.OK
    if request.method == "POST":
        status = HTTPStatus.UNPROCESSABLE_ENTITY
        if form.is_valid():
            try:
                sent = send(form.cleaned_data)
            except services.TeamError as error:
                form.add_error(refused_on, error.message)
                status = HTTPStatus.CONFLICT
            else:
                sent_message(request, sent)
                return redirect("organisations:staff_list")
    return render(request, template, {"form": form, **(context or {})}, status=status)


@staff_only
def staff_organisation_create(request):
    def send(data):
        sent = services.start_organisation(
            name=data["name"],
            slug=data["slug"],
            facilitator_email=data["email"],
            created_by=request.user,
            send=services.mail_is_configured(),
        )
        messages.success(
            request,
            _("%(organisation)s has been created.") % {"organisation": sent.invitation.organisation.name},
        )
        return sent

    return invitation_page(
        request, OrganisationForm(request.POST or None), "organisations/staff_create.html", send=send
    )


@staff_only
def staff_invite(request, slug: str):
    """Invite a facilitator to an existing organisation, e.g. when the first invitation expired."""
    organisation = get_object_or_404(Organisation, slug=slug)

    def send(data):
        return services.invite(
            organisation=organisation,
            email=data["email"],
            role=Membership.Role.FACILITATOR,
            invited_by=request.user,
            send=services.mail_is_configured(),
        )

    return invitation_page(
        request,
        StaffInviteForm(request.POST or None),
        "organisations/staff_invite.html",
        send=send,
        refused_on="email",
        context={"organisation": organisation},
    )
