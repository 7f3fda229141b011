from django.contrib import admin

from .models import Statement
from .text import default_text


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "updated_at"]

    def get_changeform_initial_data(self, request):
        """A new statement starts from the shipped text, so the host edits rather than writes."""
        initial = super().get_changeform_initial_data(request)
        kind = initial.get("kind") or Statement.Kind.PRIVACY
        initial.setdefault("kind", kind)
        if kind in Statement.Kind.values:
            initial["title"], initial["body"] = default_text(kind)
        return initial
