"""Curating the library at /beheer/: programme advisers add, edit, publish and retire entries and edit
the suggestion rules. Entries are never deleted (retired instead); Django's history keeps every change."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gesprekstool.instrument import active_instrument
from gesprekstool.lib.text import CleanTextMixin
from gesprekstool.organisations.models import Organisation

from . import services
from .forms import source_url_field
from .models import Entry, RuleEntry, SuggestionRule, Tag, Theme


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("current", _("Current")), ("retired", _("Retired"))]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.filter(retired_at__isnull=True)
        if self.value() == "retired":
            return queryset.filter(retired_at__isnull=False)
        return queryset


def tag_filter(kind: str, label):
    class TagFilter(admin.SimpleListFilter):
        title = label
        parameter_name = f"tag_{kind}"

        def lookups(self, request, model_admin):
            return [(t.slug, t.name) for t in Tag.objects.filter(kind=kind)]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(tags__slug=self.value())
            return queryset

    return TagFilter


class EntryAdminForm(CleanTextMixin, forms.ModelForm):
    source_url = source_url_field()
    # A check box rather than Django's split date-time widget, whose time box has no label.
    retired = forms.BooleanField(
        label=_("Retired"),
        required=False,
        help_text=_("A retired entry is no longer shown or suggested, but it is kept with its history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["retired"].initial = self.instance.retired_at is not None

    def save(self, commit=True):
        retired = self.cleaned_data.get("retired")
        if retired and self.instance.retired_at is None:
            self.instance.retired_at = timezone.now()
        elif not retired:
            self.instance.retired_at = None
        return super().save(commit)

    class Meta:
        model = Entry
        fields = [  # retired_at is set through the check box "retired"
            "title",
            "kind",
            "organisation_name",
            "summary",
            "lessons",
            "themes",
            "tags",
            "source",
            "source_url",
            "visibility",
            "organisation",
            "position",
            "slug",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"size": 80}),
            "organisation_name": forms.TextInput(attrs={"size": 80}),
            "themes": forms.CheckboxSelectMultiple,
            # Check boxes: Django's two-list widget adds tooltips that screen readers cannot reach.
            "tags": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 8, "cols": 80}),
            "lessons": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "source": forms.Textarea(attrs={"rows": 3, "cols": 80}),
        }


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    form = EntryAdminForm

    class Media:
        css = {"all": ["inspiration/admin.css"]}

    list_display = [
        "title",
        "organisation_name",
        "kind",
        "theme_codes",
        "visibility",
        "is_current",
        "updated_at",
    ]
    list_filter = [
        StatusFilter,
        "visibility",
        "kind",
        "themes",
        tag_filter(Tag.Kind.FOCUS, _("focus")),
        tag_filter(Tag.Kind.ROLE, _("role of the municipality")),
        tag_filter(Tag.Kind.GROUP, _("target group")),
        "organisation",
    ]
    search_fields = ["title", "organisation_name", "summary", "lessons", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["retired_at", "created_by", "created_at", "updated_at"]
    actions = ["publish", "retire", "restore"]
    list_per_page = 50
    fieldsets = [
        (_("Content"), {"fields": ["title", "kind", "organisation_name", "summary", "lessons"]}),
        (_("Themes and labels"), {"fields": ["themes", "tags"]}),
        (_("Source"), {"fields": ["source", "source_url"]}),
        (
            _("Publication"),
            {"fields": ["visibility", "organisation", "retired", "retired_at", "position", "slug"]},
        ),
        (_("History"), {"fields": ["created_by", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # A gemeente's private entries stay private, also here: only its own members see them.
        own = Organisation.objects.filter(memberships__user=request.user)
        return (
            super()
            .get_queryset(request)
            .filter(~Q(visibility=Entry.Visibility.PRIVATE) | Q(organisation__in=own))
            .prefetch_related("themes")
        )

    def has_delete_permission(self, request, obj=None):
        return False  # retire instead: suggestions and links keep working and history stays

    @admin.display(description=_("themes"))
    def theme_codes(self, obj):
        return ", ".join(t.code for t in obj.themes.all())

    @admin.display(description=_("current"), boolean=True, ordering="retired_at")
    def is_current(self, obj):
        return obj.retired_at is None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.reindex(form.instance)  # the tags are saved now; the index includes their names

    @admin.action(description=_("Publish for everyone"), permissions=["change"])
    def publish(self, request, queryset):
        entries = list(queryset.exclude(visibility=Entry.Visibility.PUBLIC))
        done = ngettext("%(n)d entry published.", "%(n)d entries published.", len(entries))
        self._change_each(request, entries, change=services.publish, field="visibility", done=done)

    @admin.action(description=_("Retire (no longer show or suggest)"), permissions=["change"])
    def retire(self, request, queryset):
        entries = list(queryset.filter(retired_at__isnull=True))
        done = ngettext("%(n)d entry retired.", "%(n)d entries retired.", len(entries))
        self._change_each(request, entries, change=services.retire, field="retired_at", done=done)

    @admin.action(description=_("Bring back retired entries"), permissions=["change"])
    def restore(self, request, queryset):
        entries = list(queryset.filter(retired_at__isnull=False))
        done = ngettext("%(n)d entry brought back.", "%(n)d entries brought back.", len(entries))
        self._change_each(request, entries, change=services.restore, field="retired_at", done=done)

    def _change_each(self, request, entries: list[Entry], *, change, field: str, done: str) -> None:
        """Apply the service `change` to each entry, note it in the entry's admin history as a
        change of `field`, and say how many changed (`done` holds "%(n)d")."""
        for entry in entries:
            change(entry)
            self.log_change(request, entry, [{"changed": {"fields": [field]}}])
        self.message_user(request, done % {"n": len(entries)}, messages.SUCCESS)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["code", "title"]
    fields = ["code", "title", "intro"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False  # the six themes are those of the tool

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "position"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["kind", "position", "name"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:  # a renamed tag changes what its entries are found by
            for entry in form.instance.entries.prefetch_related("tags"):
                services.reindex(entry)


class RuleEntryInline(admin.StackedInline):
    # Stacked with a plain select: the tabular inline's empty header cell and the autocomplete widget
    # have no accessible name.
    model = RuleEntry
    extra = 1
    fields = ["entry", "position"]


@admin.register(SuggestionRule)
class SuggestionRuleAdmin(admin.ModelAdmin):
    class Media:
        css = {"all": ["inspiration/admin.css"]}

    list_display = ["slug", "theme", "conditions", "priority", "active"]
    list_filter = ["theme", "active"]
    search_fields = ["slug", "reason", "notes", "ticked", "not_ticked"]
    inlines = [RuleEntryInline]
    fieldsets = [
        (None, {"fields": ["slug", "theme", "active", "priority"]}),
        (
            _("When does the rule fire?"),
            {
                "description": _(
                    "Every condition you fill in must hold. Of the score conditions, one is enough."
                ),
                "fields": ["when_low", "when_divergent", "when_unknown", "ticked", "not_ticked"],
            },
        ),
        (_("What the facilitator sees"), {"fields": ["reason", "notes"]}),
    ]

    @admin.display(description=_("conditions"))
    def conditions(self, obj):
        parts = []
        labels = {
            "low": _("low"),
            "divergent": _("divergent"),
            "unknown": active_instrument().unknown.label,
        }
        if obj.score_conditions:
            parts.append(" / ".join(str(labels[c]) for c in obj.score_conditions))
        if obj.ticked_codes:
            parts.append(f"+ {', '.join(obj.ticked_codes)}")
        if obj.not_ticked_codes:
            parts.append(f"− {', '.join(obj.not_ticked_codes)}")
        return " ".join(parts)
