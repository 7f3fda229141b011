"""The team page, invitation links, the organisation switch, the language switch and the account page."""

from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models.functions import Lower
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import i18n
from django.views.decorators.http import require_POST

from gesprekstool.lib.client_ip import client_ip

from . import current, password_reset, services
from .access import membership_for, require_manager
from .forms import (
    InviteForm,
    LanguageAwarePasswordResetForm,
    LanguageForm,
    NewAccountForm,
    RoleForm,
    SwitchOrganisationForm,
)
from .language import set_preferred_language
from .members import change_role, remove_member
from .models import Invitation, Membership


def render_team(request, membership: Membership, *, invite_form=None, error: str = "", status=HTTPStatus.OK):
    organisation = membership.organisation
    members = list(
        organisation.memberships.select_related("user").order_by(
            Lower("user__first_name"), Lower("user__last_name"), "user__email", "pk"
        )
    )
    invitations = []
    if membership.can_manage:
        invitations = list(organisation.invitations.open().select_related("invited_by").order_by("email"))
    facilitators = sum(1 for m in members if m.role == Membership.Role.FACILITATOR)
    if error:
        messages.error(request, error)
    return render(
        request,
        "organisations/team.html",
        {
            "membership": membership,
            "organisation": organisation,
            "members": members,
            "invitations": invitations,
            "facilitator_count": facilitators,
            "invite_form": invite_form or InviteForm(),
            "roles": Membership.Role.choices,
            "invitation_days": settings.INVITATION_DAYS,
        },
        status=status,
    )


@login_required
def team(request):
    membership = current.current_membership(request)
    if membership is None:
        raise Http404
    return render_team(request, membership)


def managed_membership(request, organisation_id: int) -> Membership:
    """The user's membership of the organisation: 404 for outsiders, 403 for readers."""
    membership = membership_for(request.user, organisation_id)
    require_manager(membership)
    return membership


@login_required
@require_POST
def team_invite(request, organisation_id: int):
    membership = managed_membership(request, organisation_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return render_team(request, membership, invite_form=form, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    try:
        sent = services.invite(
            organisation=membership.organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
        )
    except services.TeamError as error:
        return render_team(
            request, membership, invite_form=form, error=error.message, status=HTTPStatus.CONFLICT
        )
    messages.success(
        request, _("An invitation has been sent to %(email)s.") % {"email": sent.invitation.email}
    )
    return redirect("organisations:team")


def invitation_action(action):
    @login_required
    @require_POST
    def view(request, invitation_id: int):
        invitation = get_object_or_404(Invitation.objects.select_related("organisation"), pk=invitation_id)
        membership = managed_membership(request, invitation.organisation_id)
        try:
            message = action(request, invitation)
        except services.TeamError as error:
            return render_team(request, membership, error=error.message, status=HTTPStatus.CONFLICT)
        messages.success(request, message % {"email": invitation.email})
        current.choose(request, invitation.organisation_id)
        return redirect("organisations:team")

    return view


def _resend(request, invitation: Invitation) -> str:
    services.resend(invitation=invitation, actor=request.user)
    return _("The invitation to %(email)s has been sent again. The previous link no longer works.")


def _withdraw(request, invitation: Invitation) -> str:
    services.withdraw(invitation=invitation, actor=request.user)
    return _("The invitation to %(email)s has been withdrawn. Its link no longer works.")


invitation_resend = invitation_action(_resend)
invitation_withdraw = invitation_action(_withdraw)


def member_of_managed_team(request, member_id: int) -> tuple[Membership, Membership]:
    member = get_object_or_404(Membership.objects.select_related("user", "organisation"), pk=member_id)
    return member, managed_membership(request, member.organisation_id)


@login_required
@require_POST
def member_role(request, member_id: int):
    member, membership = member_of_managed_team(request, member_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return render_team(
            request, membership, error=_("Choose a role."), status=HTTPStatus.UNPROCESSABLE_ENTITY
        )
    try:
        member = change_role(membership=member, role=form.cleaned_data["role"], actor=request.user)
    except services.TeamError as error:
        return render_team(request, membership, error=error.message, status=HTTPStatus.CONFLICT)
    messages.success(
        request,
        _("%(name)s is now %(role)s.")
        % {"name": services.user_label(member.user), "role": member.get_role_display().lower()},
    )
    return redirect("organisations:team")


@login_required
@require_POST
def member_remove(request, member_id: int):
    member, membership = member_of_managed_team(request, member_id)
    try:
        remove_member(membership=member, actor=request.user)
    except services.TeamError as error:
        return render_team(request, membership, error=error.message, status=HTTPStatus.CONFLICT)
    name = services.user_label(member.user)
    if member.pk == membership.pk:
        messages.success(
            request, _("You have left %(organisation)s.") % {"organisation": member.organisation.name}
        )
        return redirect("rounds:list")
    messages.success(request, _("%(name)s is no longer a member of the team.") % {"name": name})
    return redirect("organisations:team")


# --- Invitation links -------------------------------------------------------------------------------------


def invitation_unusable(request, problem: services.InvitationUnusable):
    status = HTTPStatus.NOT_FOUND if problem.reason == problem.UNKNOWN else HTTPStatus.GONE
    return render(request, "organisations/invitation_unusable.html", {"problem": problem}, status=status)


def invitation(request, token: str):
    """The link in the invitation mail: join with the account one has, or make one."""
    try:
        found = services.find_invitation(token)
    except services.InvitationUnusable as problem:
        return invitation_unusable(request, problem)
    if request.user.is_authenticated:
        return invitation_for_user(request, token, found)
    existing = services.account_for(found.email)
    form = NewAccountForm(request.POST or None, email=found.email)
    status = HTTPStatus.OK
    if request.method == "POST" and existing is None:
        if form.is_valid():
            try:
                membership = services.accept_with_new_account(
                    token=token,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    password=form.cleaned_data["password1"],
                )
            except services.InvitationUnusable as problem:
                return invitation_unusable(request, problem)
            except services.TeamError as error:
                messages.error(request, error.message)
                status = HTTPStatus.CONFLICT
            else:
                login(
                    request, membership.user, backend="gesprekstool.organisations.auth.EmailOrUsernameBackend"
                )
                return joined(request, membership)
        else:
            status = HTTPStatus.UNPROCESSABLE_ENTITY
    elif request.method == "POST":
        status = HTTPStatus.CONFLICT
    return render(
        request,
        "organisations/invitation.html",
        {"invitation": found, "form": form, "has_account": existing is not None},
        status=status,
    )


def invitation_for_user(request, token: str, found: Invitation):
    status = HTTPStatus.OK
    refusal = ""
    if (request.user.email or "").strip().lower() != found.email:
        status = HTTPStatus.FORBIDDEN
    if request.method == "POST":
        try:
            membership, is_new = services.accept_with_account(token=token, user=request.user)
        except services.InvitationUnusable as problem:
            return invitation_unusable(request, problem)
        except services.TeamError as error:
            refusal = error.message
        else:
            if not is_new:
                current.choose(request, membership.organisation_id)
                messages.info(
                    request,
                    _("You are already a member of %(organisation)s, as %(role)s.")
                    % {
                        "organisation": membership.organisation.name,
                        "role": membership.get_role_display().lower(),
                    },
                )
                return redirect("rounds:list")
            return joined(request, membership)
    already = Membership.objects.filter(user=request.user, organisation=found.organisation).first()
    return render(
        request,
        "organisations/invitation_user.html",
        {
            "invitation": found,
            "wrong_account": status == HTTPStatus.FORBIDDEN,
            "refusal": refusal,
            "already": already,
        },
        status=status,
    )


def joined(request, membership: Membership):
    current.choose(request, membership.organisation_id)
    messages.success(
        request,
        _("Welcome to %(organisation)s. You are %(role)s.")
        % {"organisation": membership.organisation.name, "role": membership.get_role_display().lower()},
    )
    return redirect("rounds:list")


# --- The header's organisation switch and the account page ------------------------------------------------


@login_required
@require_POST
def switch_organisation(request):
    form = SwitchOrganisationForm(request.POST, memberships=current.memberships(request))
    if not form.is_valid():
        messages.error(request, _("Choose one of your organisations."))
        return render(request, "organisations/switch_refused.html", status=HTTPStatus.UNPROCESSABLE_ENTITY)
    membership = current.choose(request, form.cleaned_data["organisation"])
    messages.success(
        request,
        _("You are now working in %(organisation)s.") % {"organisation": membership.organisation.name},
    )
    return redirect(switch_target(form.cleaned_data["next"], membership))


# Pages that show the current organisation: switching there keeps you on the page.
FOLLOWS_CURRENT = {"organisations:team", "organisations:account", "rounds:list"}
# Pages of one organisation by its slug: switching there opens the same page of the new organisation.
ORGANISATION_PAGES = {
    "follow_up:actions",
    "monitoring:progress",
    "indicators:list",
    "programmes:organisation",
}


def switch_target(page: str, membership: Membership) -> str:
    """Where the switch made on `page` (a url name, see SwitchOrganisationForm) lands: the same page
    (of the new organisation) for the pages above, else the new organisation's rounds (from a round
    of the previous organisation). Always an address built here: `next` cannot lead elsewhere."""
    if page in FOLLOWS_CURRENT:
        return reverse(page)
    if page in ORGANISATION_PAGES:
        return reverse(page, kwargs={"slug": membership.organisation.slug})
    return reverse("rounds:list")


@login_required
def account(request):
    return render(request, "organisations/account.html", {"memberships": current.memberships(request)})


class UnprocessableOnInvalid:
    """Django's auth views answer a refused form with 200; ours say 422, like every other form here."""

    def form_invalid(self, form):
        return self.render_to_response(
            self.get_context_data(form=form), status=HTTPStatus.UNPROCESSABLE_ENTITY
        )


class PasswordChangeView(UnprocessableOnInvalid, auth_views.PasswordChangeView):
    pass


class PasswordResetConfirmView(UnprocessableOnInvalid, auth_views.PasswordResetConfirmView):
    """Django shows a wrong, used or expired link as a page saying so, with 200; ours answer 404,
    like every other link here that does not work."""

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        if not self.validlink and response.status_code == HTTPStatus.OK:
            response.status_code = HTTPStatus.NOT_FOUND
        return response


class PasswordResetView(UnprocessableOnInvalid, auth_views.PasswordResetView):
    """Django's reset view with the link in the mail built from SITE_URL, not from the request's host.
    Too many requests for one address or from one client within the window answer 429 on the same
    page, without a mail, and with the same words whether or not the address has an account."""

    form_class = LanguageAwarePasswordResetForm
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"

    def form_valid(self, form):
        if not password_reset.record_request(email=form.cleaned_data["email"], ip=client_ip(self.request)):
            minutes = settings.PASSWORD_RESET_WINDOW_MINUTES
            wait = ngettext(
                "A new password was asked for too often. Wait %(minutes)d minute and try again. Did you already get an e-mail with a link? Then you can use that link.",
                "A new password was asked for too often. Wait %(minutes)d minutes and try again. Did you already get an e-mail with a link? Then you can use that link.",
                minutes,
            )
            form.add_error(None, wait % {"minutes": minutes})
            return self.render_to_response(
                self.get_context_data(form=form), status=HTTPStatus.TOO_MANY_REQUESTS
            )
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


@require_POST
def language_switch(request):
    """Anyone: Django's set_language (the language cookie, then back to `next`); a logged-in user's
    choice is also kept on their memberships, so that mails to them follow it. A language the site
    does not offer changes nothing (400)."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("Choose one of the languages offered."), content_type="text/plain; charset=utf-8"
        )
    response = i18n.set_language(request)
    if request.user.is_authenticated:
        set_preferred_language(user=request.user, language=form.cleaned_data["language"])
    return response
