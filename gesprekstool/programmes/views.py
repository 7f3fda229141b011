"""The programme pages: the adviser's programme page and its downloads, the invitation link, and a
gemeente's own page of its programmes (what it shares, leaving)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.lib.views import form_status
from gesprekstool.organisations.access import membership_for, require_manager
from gesprekstool.organisations.choice import organisation_for
from gesprekstool.organisations.models import Membership
from gesprekstool.organisations.services import InvitationUnusable, TeamError

from . import services
from .chart import box_chart
from .figures import ProgrammeFigures, programme_figures
from .forms import InviteForm, JoinForm, SharingForm
from .models import Programme, ProgrammeInvitation, ProgrammeMember


def adviser_programme(request, slug: str) -> Programme:
    """The programme, for one of its advisers; 404 for everyone else (its existence is not revealed)."""
    return get_object_or_404(Programme.objects.for_user(request.user), slug=slug)


def figures_chart(figures: ProgrammeFigures):
    return box_chart(
        [
            (t.theme.code, _("Theme %(code)s") % {"code": t.theme.code}, t.distribution, None, "")
            for t in figures.themes
        ]
    )


@login_required
def programme_list(request):
    """The programmes the user advises, and the programmes the user's organisations take part in."""
    programmes = list(Programme.objects.for_user(request.user))
    memberships = list(Membership.objects.for_user(request.user).select_related("organisation"))
    return render(
        request, "programmes/programme_list.html", {"programmes": programmes, "memberships": memberships}
    )


def render_programme(request, programme: Programme, *, form=None, new_link: str = ""):
    form = form or InviteForm()
    figures = programme_figures(programme)
    invitations = list(programme.invitations.filter(accepted_at__isnull=True).order_by("-created_at"))
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "figures": figures,
            "chart": figures_chart(figures) if figures.themes else None,
            "invite_form": form,
            "invitations": invitations,
            "new_link": new_link,
        },
        status=form_status(form),
    )


@login_required
def programme_detail(request, slug: str):
    return render_programme(request, adviser_programme(request, slug))


@login_required
@require_POST
def programme_invite(request, slug: str):
    """A new invitation link, shown once on the page that answers (it is stored only as a hash)."""
    programme = adviser_programme(request, slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return render_programme(request, programme, form=form)
    new = services.create_invitation(
        programme=programme,
        kind=form.cleaned_data["kind"],
        label=form.cleaned_data["label"],
        invited_by=request.user,
    )
    response = render_programme(request, programme, new_link=new.link)
    add_never_cache_headers(response)
    return response


@login_required
def programme_export(request, slug: str, fmt: str):
    """The programme page as PDF or XLSX, with the same rules; logged in each counted gemeente's log."""
    programme = adviser_programme(request, slug)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    figures = programme_figures(programme)
    if fmt == "pdf":
        from .pdf import render_pdf  # noqa: PLC0415 - WeasyPrint is heavy

        body, content_type = render_pdf(figures, chart=figures_chart(figures)), "application/pdf"
    else:
        from .xlsx import render_xlsx  # noqa: PLC0415 - openpyxl is heavy

        body = render_xlsx(figures)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    services.record_export(
        programme=programme,
        organisations=figures.organisations if figures.enough else [],
        actor=request.user,
        fmt=fmt,
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="programma-{programme.slug}.{fmt}"'
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


# --- The invitation link ----------------------------------------------------------------------------------


def invitation_unusable(request, problem: InvitationUnusable):
    status = HTTPStatus.NOT_FOUND if problem.reason == problem.UNKNOWN else HTTPStatus.GONE
    return render(request, "programmes/invitation_unusable.html", {"problem": problem}, status=status)


def invitation(request, token: str):
    """The link an adviser sent: a gemeente's facilitator joins with one of their organisations, an
    adviser joins the programme's advisers. The link is checked before the login, so a wrong one
    says so to anyone; a good one asks to log in first."""
    try:
        found = services.find_invitation(token)
    except InvitationUnusable as problem:
        return invitation_unusable(request, problem)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if found.kind == ProgrammeInvitation.Kind.ADVISER:
        return adviser_invitation(request, token, found)
    memberships = list(Membership.objects.for_user(request.user).select_related("organisation"))
    managed = [m for m in memberships if m.can_manage]
    form = JoinForm(request.POST or None, memberships=managed or memberships)
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            membership = membership_for(request.user, form.cleaned_data["organisation"])
            require_manager(membership)
            try:
                services.join(
                    token=token,
                    membership=membership,
                    sharing=form.cleaned_data["sharing"],
                    actor=request.user,
                )
            except InvitationUnusable as problem:
                return invitation_unusable(request, problem)
            except TeamError as error:
                messages.error(request, error.message)
                status = HTTPStatus.CONFLICT
            else:
                messages.success(
                    request,
                    _("%(organisation)s now takes part in %(programme)s.")
                    % {"organisation": membership.organisation.name, "programme": found.programme.name},
                )
                return redirect("programmes:organisation", slug=membership.organisation.slug)
        else:
            status = HTTPStatus.UNPROCESSABLE_ENTITY
    return render(
        request,
        "programmes/invitation.html",
        {"invitation": found, "form": form, "can_join": bool(managed)},
        status=status,
    )


def adviser_invitation(request, token: str, found: ProgrammeInvitation):
    if request.method == "POST":
        try:
            programme = services.become_adviser(token=token, user=request.user)
        except InvitationUnusable as problem:
            return invitation_unusable(request, problem)
        messages.success(
            request, _("You are now an adviser of %(programme)s.") % {"programme": programme.name}
        )
        return redirect("programmes:detail", slug=programme.slug)
    return render(request, "programmes/invitation_adviser.html", {"invitation": found})


# --- A gemeente's own programmes -------------------------------------------------------------------------


def render_organisation(
    request, organisation, membership, *, refused: dict | None = None, status=HTTPStatus.OK
):
    """The organisation's programme memberships, each with its sharing form; `refused` maps a
    membership's id to its form that was sent with an error."""
    members = list(
        ProgrammeMember.objects.filter(organisation=organisation)
        .select_related("programme")
        .order_by("programme__name", "pk")
    )
    rows = []
    for member in members:
        form = (refused or {}).get(member.pk)
        rows.append(
            (
                member,
                form or SharingForm(initial={"sharing": member.sharing}, auto_id=f"deelname-{member.pk}-%s"),
            )
        )
    return render(
        request,
        "programmes/organisation_programmes.html",
        {"organisation": organisation, "membership": membership, "rows": rows},
        status=status,
    )


@login_required
def organisation_programmes(request, slug: str):
    """The programmes this organisation takes part in: for its members only (readers may look)."""
    organisation, membership = organisation_for(request, slug)
    return render_organisation(request, organisation, membership)


def managed_member(request, member_id: int) -> tuple[ProgrammeMember, Membership]:
    """The programme membership and the user's membership of its gemeente: 404 for outsiders,
    403 for readers."""
    member = get_object_or_404(
        ProgrammeMember.objects.select_related("programme", "organisation"), pk=member_id
    )
    membership = membership_for(request.user, member.organisation_id)
    require_manager(membership)
    return member, membership


@login_required
@require_POST
def member_sharing(request, member_id: int):
    member, membership = managed_member(request, member_id)
    form = SharingForm(request.POST, auto_id=f"deelname-{member.pk}-%s")
    if not form.is_valid():
        messages.error(request, _("Choose what you share."))
        return render_organisation(
            request,
            member.organisation,
            membership,
            refused={member.pk: form},
            status=HTTPStatus.UNPROCESSABLE_ENTITY,
        )
    services.change_sharing(member=member, sharing=form.cleaned_data["sharing"], actor=request.user)
    messages.success(
        request,
        _("You now share with %(programme)s: %(sharing)s.")
        % {"programme": member.programme.name, "sharing": member.get_sharing_display().lower()},
    )
    return redirect("programmes:organisation", slug=member.organisation.slug)


@login_required
@require_POST
def member_leave(request, member_id: int):
    member, _membership = managed_member(request, member_id)
    services.leave(member=member, actor=request.user)
    messages.success(
        request,
        _(
            "%(organisation)s no longer takes part in %(programme)s. Its figures are no longer in the programme."
        )
        % {"organisation": member.organisation.name, "programme": member.programme.name},
    )
    return redirect("programmes:organisation", slug=member.organisation.slug)
