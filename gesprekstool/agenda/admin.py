from django.contrib import admin

from .models import Action, ActionNote, OwnerLink, SentReminder


class ActionNoteInline(admin.TabularInline):
    model = ActionNote
    extra = 0
    fields = ["created_at", "author_name", "old_status", "new_status", "text", "via_link", "in_review"]
    readonly_fields = fields
    can_delete = False


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["description", "round", "theme", "status", "due_on"]
    list_filter = ["status", "theme"]
    search_fields = ["description", "owner_name", "owner__display_name", "department"]
    raw_id_fields = ["round", "owner", "carried_from"]
    readonly_fields = ["version", "reviewed_at", "created_at", "updated_at"]
    inlines = [ActionNoteInline]


@admin.register(OwnerLink)
class OwnerLinkAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["organisation"]
    search_fields = ["email", "name"]
    # The token is a secret: it is not shown here.
    exclude = ["token"]
    readonly_fields = ["created_at", "last_used_at"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "target", "date", "recipient", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["recipient", "target"]
