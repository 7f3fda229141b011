"""Pages across rounds: the organisation's action overview, the owner's personal link
(no account), and the calendar subscription feed (no account)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gesprekstool.instrument import active_instrument
from gesprekstool.lib.language import chosen_language
from gesprekstool.lib.views import link_problem
from gesprekstool.organisations.choice import current_organisation_page, organisation_for

from . import services
from .forms import ActionFilterForm, ProgressForm
from .models import Action, CalendarFeed, OwnerLink
from .views import ics_response


@login_required
def actions_home(request):
    return current_organisation_page(request, url_name="follow_up:actions", title=_("Actions"))


def live_first(queryset):
    return queryset.annotate(
        live_order=Case(
            When(status__in=Action.LIVE_STATUSES, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("live_order", F("due_on").asc(nulls_last=True), "round__held_on", "pk")


@login_required
def action_overview(request, slug: str):
    """Every current action of the organisation, across rounds, with filters. Actions carried
    over into a later round appear once: as the copy in that round."""
    organisation, membership = organisation_for(request, slug)
    base = Action.objects.filter(round__organisation=organisation).current()
    owners = sorted(
        {
            name
            for pair in base.values_list("owner__display_name", "owner_name").distinct()
            for name in pair
            if name
        },
        key=str.casefold,
    )
    departments = sorted(
        set(base.exclude(department="").values_list("department", flat=True).distinct()), key=str.casefold
    )
    choices = {"themes": active_instrument().themes, "owners": owners, "departments": departments}
    form = ActionFilterForm(request.GET or None, **choices)
    chosen, problems = {}, []
    if form.is_bound:
        form.is_valid()
        chosen = {k: v for k, v in form.cleaned_data.items() if v}
        if form.errors:
            # A filter that does not fit (an owner who no longer exists) is reported and left out.
            problems = [error for errors in form.errors.values() for error in errors]
            form = ActionFilterForm(form.without_errors(), **choices)
            form.is_valid()
    actions = base.select_related("owner", "round", "carried_from__round")
    if "theme" in chosen:
        actions = actions.filter(theme=chosen["theme"])
    if "owner" in chosen:
        actions = actions.filter(
            Q(owner__display_name=chosen["owner"]) | Q(owner__isnull=True, owner_name=chosen["owner"])
        )
    if "department" in chosen:
        actions = actions.filter(department=chosen["department"])
    if chosen.get("status") == ActionFilterForm.STATUS_LIVE:
        actions = actions.filter(status__in=Action.LIVE_STATUSES)
    elif "status" in chosen:
        actions = actions.filter(status=chosen["status"])
    if chosen.get("overdue"):
        actions = actions.overdue(timezone.localdate())
    actions = list(live_first(actions))
    return render(
        request,
        "agenda/action_overview.html",
        {
            "organisation": organisation,
            "membership": membership,
            "form": form,
            "problems": problems,
            "actions": actions,
            "overdue_count": sum(1 for a in actions if a.is_overdue),
            "filtered": bool(chosen),
        },
    )


# --- The owner's personal link -----------------------------------------------------------------------------


def resolve_link(request, token: str) -> OwnerLink | HttpResponse:
    link = OwnerLink.objects.select_related("organisation").filter(token=token).first()
    if link is None:
        return link_problem(
            request,
            title=_("This link does not work"),
            message=_(
                "Check that you copied the whole link from the e-mail. If it still does not work, "
                "ask the facilitator for a new link."
            ),
            status=HTTPStatus.NOT_FOUND,
        )
    if link.is_revoked:
        return link_problem(
            request,
            title=_("This link has been revoked"),
            message=_(
                "The facilitator has replaced or stopped this link. Ask the facilitator for a new link; "
                "the next reminder e-mail also contains your current link."
            ),
            status=HTTPStatus.GONE,
        )
    if link.is_expired:
        return link_problem(
            request,
            title=_("This link has expired"),
            message=_(
                "For your safety a personal link works for a limited time. Ask the facilitator for a new "
                "link; the next reminder e-mail also contains a new link."
            ),
            status=HTTPStatus.GONE,
        )
    return link


def owner_actions(link: OwnerLink) -> list[Action]:
    return list(
        live_first(
            Action.objects.filter(round__organisation=link.organisation)
            .current()
            .for_email(link.email)
            .select_related("owner", "round")
            .prefetch_related("notes")
        )
    )


def owner_page_response(request, link, *, bound=None, conflict=None, status=HTTPStatus.OK):
    rows = []
    for action in owner_actions(link):
        if bound is not None and bound.action.pk == action.pk:
            rows.append({"action": action, "form": bound, "conflict": conflict})
        else:
            rows.append({"action": action, "form": ProgressForm(action=action), "conflict": None})
    return render(
        request,
        "agenda/owner_actions.html",
        {"link": link, "rows": rows, "today": timezone.localdate()},
        status=status,
    )


@never_cache
def owner_page(request, token: str):
    """The owner's own actions; each one can get a new status and a note, without an account."""
    link = resolve_link(request, token)
    if isinstance(link, HttpResponse):
        return link
    services.mark_link_used(link)
    return owner_page_response(request, link)


@never_cache
@require_POST
def owner_update(request, token: str, action_id: int):
    link = resolve_link(request, token)
    if isinstance(link, HttpResponse):
        return link
    action = get_object_or_404(
        Action.objects.filter(round__organisation=link.organisation).current().for_email(link.email),
        pk=action_id,
    )
    form = ProgressForm(request.POST, action=action)
    if not form.is_valid():
        return owner_page_response(request, link, bound=form, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    try:
        services.update_action(
            action,
            expected_version=form.cleaned_data["version"],
            changes={"status": form.cleaned_data["status"]},
            note=form.cleaned_data["note"],
            author_name=link.name or link.email,
            via_link=True,
        )
    except services.ActionConflict as exc:
        return owner_page_response(
            request,
            link,
            bound=ProgressForm(form.with_version(exc.current.version), action=exc.current),
            conflict=exc.current,
            status=HTTPStatus.CONFLICT,
        )
    messages.success(request, _("Thank you. Your update has been saved."))
    return redirect(f"{reverse('follow_up:owner', kwargs={'token': link.token})}#actie-{action.pk}")


# --- Calendar subscription ---------------------------------------------------------------------------------


def calendar_feed(request, token: str):
    feed = CalendarFeed.objects.select_related("round").filter(token=token).first()
    if feed is None:
        return HttpResponse(
            _("This calendar address does not work (any more)."),
            status=HTTPStatus.NOT_FOUND,
            content_type="text/plain; charset=utf-8",
        )
    # A calendar program sends no language cookie: the feed is in the round's language then.
    with translation.override(chosen_language(request) or feed.round.language):
        return ics_response(feed.round, download=False)
