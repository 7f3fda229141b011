"""Every write to the library. Each keeps the search index in step with the entry it changes."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from . import search
from .models import Entry, Tag, Theme


def reindex(entry: Entry) -> None:
    """Recompute the entry's normalised search text from its fields and tags, and write it to the
    entry's search columns and (on SQLite) the FTS5 table. Call after the tags are set."""
    labels = [t.name for t in entry.tags.all()]
    title, body = search.index_parts(
        title=entry.title,
        organisation_name=entry.organisation_name,
        summary=entry.summary,
        lessons=entry.lessons,
        source=entry.source,
        labels=labels,
    )
    # update() rather than save(): re-indexing is no edit and must not move updated_at.
    Entry.objects.filter(pk=entry.pk).update(search_title=title, search_body=body)
    entry.search_title, entry.search_body = title, body
    search.write_index(entry.pk, title, body)


def reindex_all() -> int:
    """Rebuild the whole index (after an import, or with `manage.py inspiration reindex`)."""
    search.clear_index()
    entries = Entry.objects.prefetch_related("tags")
    for entry in entries:
        reindex(entry)
    return len(entries)


def unique_slug(title: str, *, prefix: str = "") -> str:
    base = slugify(f"{prefix} {title}".strip())[:100] or "voorbeeld"
    slug, n = base, 2
    while Entry.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_entry(
    *, user, organisation, themes: list[Theme], tags: list[Tag], visibility: str, **fields
) -> Entry:
    """Add an entry: a gemeente's own practice (private or proposed) or, by a programme adviser, a public
    entry of the shared library. Writes the search index."""
    prefix = organisation.slug if organisation else ""
    entry = Entry.objects.create(
        slug=unique_slug(fields["title"], prefix=prefix),
        organisation=organisation,
        created_by=user,
        visibility=visibility,
        **fields,
    )
    entry.themes.set(themes)
    entry.tags.set(tags)
    reindex(entry)
    return entry


@transaction.atomic
def update_entry(entry: Entry, *, themes: list[Theme], tags: list[Tag], **fields) -> Entry:
    """Change an entry's text, themes, tags or visibility; rewrites its search index."""
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save()
    entry.themes.set(themes)
    entry.tags.set(tags)
    reindex(entry)
    return entry


def publish(entry: Entry) -> None:
    """Make a proposed entry public for every user (programme advisers only; the caller checks)."""
    entry.visibility = Entry.Visibility.PUBLIC
    entry.save(update_fields=["visibility", "updated_at"])


def retire(entry: Entry) -> None:
    """Stop showing and suggesting an entry; it stays in the database with its history."""
    if entry.retired_at is None:
        entry.retired_at = timezone.now()
        entry.save(update_fields=["retired_at", "updated_at"])


def restore(entry: Entry) -> None:
    if entry.retired_at is not None:
        entry.retired_at = None
        entry.save(update_fields=["retired_at", "updated_at"])
