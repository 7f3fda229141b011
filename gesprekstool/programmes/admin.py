from django.contrib import admin

from .models import Programme, ProgrammeInvitation, ProgrammeMember


class ProgrammeMemberInline(admin.TabularInline):
    model = ProgrammeMember
    extra = 0
    fields = ["organisation", "sharing", "joined_at"]
    # What a gemeente shares is its own choice: staff see it, but do not change it here.
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    """Staff create a programme and name its first adviser(s); advisers invite the rest."""

    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["advisers"]
    inlines = [ProgrammeMemberInline]


@admin.register(ProgrammeInvitation)
class ProgrammeInvitationAdmin(admin.ModelAdmin):
    list_display = ["label", "programme", "kind", "created_at", "expires_at", "accepted_at"]
    list_filter = ["kind", "programme"]
    # The token's hash is of no use to anyone: not shown.
    exclude = ["token_hash"]
    readonly_fields = ["programme", "kind", "label", "invited_by", "created_at", "expires_at", "accepted_at"]

    def has_add_permission(self, request):
        return False
