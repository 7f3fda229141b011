"""The inspiration library in the app: browse by theme, search and filter, read, add your own practice."""

from functools import lru_cache
from pathlib import Path

import yaml
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gesprekstool.lib.forms import page_number
from gesprekstool.lib.views import form_status
from gesprekstool.organisations.models import Membership

from . import search, services
from .forms import EntryForm, SearchForm
from .models import Entry, Tag, Theme

PAGE_SIZE = 20
BACKGROUND = Path(__file__).resolve().parent / "data" / "background.yaml"


# The form fields that go straight into an entry, on adding and on editing.
ENTRY_TEXT_FIELDS = ("title", "organisation_name", "kind", "summary", "lessons", "source", "source_url")


def with_labels(entries):
    return entries.prefetch_related("themes", "tags").select_related("organisation")


def themes_with_counts() -> list[Theme]:
    public = Q(entries__visibility=Entry.Visibility.PUBLIC, entries__retired_at__isnull=True)
    return list(Theme.objects.annotate(entry_count=Count("entries", filter=public)).order_by("code"))


# Part 2 of the tool (the background and the library's public entries) is open without an account:
# participants, who only have their personal link, read it as every participant reads the booklet.
# The same pages show a logged-in member their organisation's unpublished entries too; which entries
# anyone sees comes from Entry.objects.visible_to() alone.


def library_index(request):
    own = (
        with_labels(
            Entry.objects.current()
            .filter(organisation__memberships__user=request.user)
            .exclude(visibility=Entry.Visibility.PUBLIC)
        )
        if request.user.is_authenticated
        else Entry.objects.none()
    )
    proposals = (
        Entry.objects.current().filter(visibility=Entry.Visibility.PROPOSED).count()
        if request.user.is_staff
        else 0
    )
    return render(
        request,
        "inspiration/library_index.html",
        {
            "themes": themes_with_counts(),
            "own_entries": list(own),
            "proposal_count": proposals,
            "can_add": can_add(request.user),
        },
    )


def library_search(request):
    themes = list(Theme.objects.order_by("code"))
    tags = list(Tag.objects.all())
    form = SearchForm(request.GET or None, tags=tags, themes=themes)
    query, theme, chosen = form.filters()
    entries = Entry.objects.visible_to(request.user)
    if theme:
        entries = entries.filter(themes__code=theme)
    for slugs in chosen.values():
        # Within one kind any chosen tag will do; across kinds every kind must match.
        entries = entries.filter(pk__in=Entry.objects.filter(tags__slug__in=slugs).values("pk"))
    if query:
        ranked = search.ranked_ids(query)
        rank = {pk: n for n, pk in enumerate(ranked)}
        results = sorted(with_labels(entries.filter(pk__in=ranked)), key=lambda e: rank[e.pk])
    else:
        results = list(with_labels(entries))
    page = Paginator(results, PAGE_SIZE).get_page(page_number(request.GET))
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "inspiration/library_search.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "filtered": bool(query or theme or chosen),
            "total": len(results),
            "params": params.urlencode(),
        },
    )


def theme_detail(request, code: str):
    theme = get_object_or_404(Theme, code=code.upper())
    entries = with_labels(Entry.objects.visible_to(request.user).filter(themes=theme))
    return render(
        request,
        "inspiration/theme_detail.html",
        {"theme": theme, "entries": list(entries), "themes": list(Theme.objects.order_by("code"))},
    )


def entry_detail(request, slug: str):
    entry = get_object_or_404(with_labels(Entry.objects.visible_to(request.user)), slug=slug)
    related = with_labels(
        Entry.objects.public()
        .filter(themes__in=[t.pk for t in entry.themes.all()])
        .exclude(pk=entry.pk)
        .distinct()
    )[:3]
    return render(
        request,
        "inspiration/entry_detail.html",
        {"entry": entry, "related": list(related), "can_edit": can_edit(request.user, entry)},
    )


def manager_memberships(user) -> list[Membership]:
    return [m for m in Membership.objects.for_user(user).select_related("organisation") if m.can_manage]


def can_add(user) -> bool:
    return (
        user.is_staff or Membership.objects.for_user(user).filter(role=Membership.Role.FACILITATOR).exists()
    )


def can_edit(user, entry: Entry) -> bool:
    """A gemeente edits its own entry until it is public; after that programme advisers curate it."""
    if entry.is_public or entry.organisation_id is None:
        return False
    return (
        Membership.objects.for_user(user)
        .filter(organisation_id=entry.organisation_id, role=Membership.Role.FACILITATOR)
        .exists()
    )


@login_required
def entry_create(request):
    memberships = manager_memberships(request.user)
    if not (memberships or request.user.is_staff):
        raise PermissionDenied
    form = EntryForm(request.POST or None, memberships=memberships, is_staff=request.user.is_staff)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entry = services.create_entry(
            user=request.user,
            organisation=data["organisation"],
            themes=list(data["themes"]),
            tags=form.tags(),
            visibility=data["visibility"],
            **{name: data[name] for name in ENTRY_TEXT_FIELDS},
        )
        messages.success(request, saved_message(entry))
        return redirect(entry)
    if not form.is_bound and len(memberships) == 1:
        form.initial.setdefault("organisation_name", memberships[0].organisation.name)
    return render(
        request,
        "inspiration/entry_form.html",
        {"form": form, "entry": None},
        status=form_status(form),
    )


@login_required
def entry_edit(request, slug: str):
    entry = get_object_or_404(Entry.objects.visible_to(request.user), slug=slug)
    if not can_edit(request.user, entry):
        raise PermissionDenied
    memberships = manager_memberships(request.user)
    form = EntryForm(
        request.POST or None, instance=entry, memberships=memberships, is_staff=request.user.is_staff
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_entry(
            entry,
            themes=list(data["themes"]),
            tags=form.tags(),
            organisation=data["organisation"] or entry.organisation,
            **{name: data[name] for name in (*ENTRY_TEXT_FIELDS, "visibility")},
        )
        messages.success(request, saved_message(entry))
        return redirect(entry)
    return render(
        request,
        "inspiration/entry_form.html",
        {"form": form, "entry": entry},
        status=form_status(form),
    )


def saved_message(entry: Entry) -> str:
    if entry.visibility == Entry.Visibility.PRIVATE:
        return _("Saved. Only members of %(name)s see this practice.") % {"name": entry.organisation.name}
    if entry.visibility == Entry.Visibility.PROPOSED:
        return _("Saved and proposed for everyone. A programme adviser will look at it.")
    return _("Saved and published in the library.")


@lru_cache(maxsize=1)
def background() -> dict:
    with open(BACKGROUND, encoding="utf-8") as f:
        return yaml.safe_load(f)


def background_view(request):
    return render(request, "inspiration/background.html", {"background": background()})
