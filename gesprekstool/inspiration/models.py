"""The practice library (part 2 of the tool) and the rules that suggest entries on a round's results."""

import re
import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from gesprekstool.instrument import CURRENT_VERSION, active_instrument, load_instrument
from gesprekstool.lib.fields import account_reference, parent_reference
from gesprekstool.organisations.models import Organisation

OPTION_CODE = re.compile(r"\d+[a-z]")


def _reverse_or_empty(name: str, **kwargs) -> str:
    """The URL, or "" for a code or slug the URL pattern cannot take. Every way in refuses such a
    value, but one stored around them (a database edit) must not make every page that lists it
    answer 500: templates show the title without a link instead."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


class Theme(models.Model):
    """One of the six themes (A–F) with its short explanation from part 2, in the project's own words."""

    code = models.CharField(_("code"), max_length=1, primary_key=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("explanation"))

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return _reverse_or_empty("inspiration:theme", code=self.code)

    @property
    def shown_title(self) -> str:
        """The title in the reader's language: the library's own (Dutch) title, or in another language
        the instrument's title of the theme with this code."""
        if get_language() != settings.LANGUAGE_CODE:
            try:
                return active_instrument().theme(self.code).title
            except KeyError:
                pass
        return self.title

    @property
    def label(self) -> str:
        return f"{self.code}. {self.shown_title}"


class Tag(models.Model):
    """A label to filter on: the role the gemeente plays, the focus (signaleren, bereiken,
    ondersteunen) or a target group."""

    class Kind(models.TextChoices):
        ROLE = "role", _("Role of the municipality")
        FOCUS = "focus", _("Focus")
        GROUP = "group", _("Target group")

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["kind", "position", "name"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class EntryQuerySet(models.QuerySet):
    def current(self) -> "EntryQuerySet":
        return self.filter(retired_at__isnull=True)

    def public(self) -> "EntryQuerySet":
        return self.current().filter(visibility=Entry.Visibility.PUBLIC)

    def visible_to(self, user) -> "EntryQuerySet":
        """What a user may read in the app: public entries, every entry of their own organisations,
        and, for programme advisers (staff), proposals waiting to be published. Never another
        organisation's private entries, and nothing retired. Without an account (a participant with
        only their personal link, anyone else) only the public entries: part 2 of the tool is open."""
        if not user.is_authenticated:
            return self.public()
        allowed = Q(visibility=Entry.Visibility.PUBLIC) | Q(
            organisation__in=Organisation.objects.filter(memberships__user=user)
        )
        if user.is_staff:
            allowed |= Q(visibility=Entry.Visibility.PROPOSED)
        return self.current().filter(allowed)


class Entry(models.Model):
    """A practice example, lesson, tip or source."""

    class Kind(models.TextChoices):
        EXAMPLE = "example", _("Practice example")
        LESSON = "lesson", _("Lesson")
        TIP = "tip", _("Tip")
        SOURCE = "source", _("Source")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: every user sees it")
        PRIVATE = "private", _("Private: only our organisation sees it")
        PROPOSED = "proposed", _("Proposed: a programme adviser decides on publishing it for everyone")

    slug = models.SlugField(_("short name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.EXAMPLE)
    title = models.CharField(_("title"), max_length=200)
    organisation_name = models.CharField(
        _("municipality or organisation"),
        max_length=200,
        help_text=_("Whose practice or publication this is, for example “Municipality of Lelystad”."),
    )
    summary = models.TextField(_("summary"), help_text=_("What it is and how it works, in your own words."))
    lessons = models.TextField(_("what others can learn from it"))
    themes = models.ManyToManyField(Theme, related_name="entries", verbose_name=_("themes"))
    tags = models.ManyToManyField(Tag, related_name="entries", blank=True, verbose_name=_("tags"))
    source = models.TextField(_("source"), blank=True)
    source_url = models.URLField(_("web address of the source"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("order in the library"), default=1000)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inspiration_entries",
        verbose_name=_("added by organisation"),
        help_text=_("Empty for the shared library; set when a municipality adds its own practice."),
    )
    created_by = account_reference(_("added by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    retired_at = models.DateTimeField(
        _("retired at"),
        null=True,
        blank=True,
        help_text=_("A retired entry is no longer shown or suggested, but it is kept with its history."),
    )
    # Folded, stemmed copies of the text (see text.py), written by services.reindex(); PostgreSQL
    # searches these through an expression index, SQLite keeps them in an FTS5 table as well.
    search_title = models.TextField(editable=False, blank=True)
    search_body = models.TextField(editable=False, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("library entry")
        verbose_name_plural = _("library entries")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return _reverse_or_empty("inspiration:entry", slug=self.slug)

    @property
    def safe_source_url(self) -> str:
        """The source's address when it is http or https, else "": a link every user may click must
        never run a script (javascript:, data:), even if such an address got into the database."""
        scheme, _colon, _rest = self.source_url.strip().partition(":")
        return self.source_url if scheme.lower() in ("http", "https") else ""

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


def option_codes(value: str) -> list[str]:
    """The option codes in a field such as "7b, 10d" -> ["7b", "10d"]."""
    return OPTION_CODE.findall(value.lower())


class SuggestionRule(models.Model):
    """When a round's answers on a theme show a gap, suggest these entries with this reason.

    A rule fires when every condition it sets holds: one of the ticked score conditions (low,
    divergent, "weet niet"), one of the `ticked` options ticked by someone, and someone who answered
    the question having ticked none of the `not_ticked` options. See docs/inspiration.md.
    """

    PLACEHOLDERS = ("pattern", "scores", "ticked_by", "not_ticked_by")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    theme = parent_reference(Theme, related_name="rules", verbose_name=_("theme"))
    when_low = models.BooleanField(
        _("when the scores are low"), default=False, help_text=_("The average score is below 3 (neutral).")
    )
    when_divergent = models.BooleanField(
        _("when the scores diverge"),
        default=False,
        help_text=_("The highest and lowest score are 2 or more apart."),
    )
    when_unknown = models.BooleanField(
        _("when someone answered “don't know”"), default=False, help_text=_("At least one score 6.")
    )
    ticked = models.CharField(
        _("when someone ticked"),
        max_length=200,
        blank=True,
        help_text=_("Codes of answers from step 2, separated by commas, for example “10d” or “9h, 11d”."),
    )
    not_ticked = models.CharField(
        _("when someone did not tick"),
        max_length=200,
        blank=True,
        help_text=_(
            "Codes of answers from step 2, for example “7b”. Holds when a participant who answered the "
            "question ticked none of them."
        ),
    )
    reason = models.CharField(
        _("reason shown"),
        max_length=300,
        help_text=_(
            "One line. May use {pattern} (how the scores look: “are low”, “diverge”), {scores} (the "
            "scores on the theme), {ticked_by} and {not_ticked_by} (how many participants)."
        ),
    )
    entries = models.ManyToManyField(
        Entry, through="RuleEntry", related_name="rules", verbose_name=_("suggested entries")
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=10, help_text=_("Lower numbers come first when several rules fire.")
    )
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes for advisers"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("suggestion rule")
        verbose_name_plural = _("suggestion rules")
        ordering = ["theme", "priority", "slug"]

    def __str__(self) -> str:
        return self.slug

    @property
    def ticked_codes(self) -> list[str]:
        return option_codes(self.ticked)

    @property
    def not_ticked_codes(self) -> list[str]:
        return option_codes(self.not_ticked)

    @property
    def score_conditions(self) -> list[str]:
        names = [("low", self.when_low), ("divergent", self.when_divergent), ("unknown", self.when_unknown)]
        return [name for name, on in names if on]

    def clean(self) -> None:
        errors = {}
        instrument = load_instrument(CURRENT_VERSION)
        for field in ("ticked", "not_ticked"):
            value = getattr(self, field)
            leftover = OPTION_CODE.sub("", value.lower()).replace(",", "").split()
            unknown = [c for c in option_codes(value) if c not in _all_options(instrument)]
            if leftover or unknown:
                errors[field] = _("Not an answer code of the tool: %(codes)s") % {
                    "codes": ", ".join(leftover + unknown)
                }
        if not (self.score_conditions or self.ticked_codes or self.not_ticked_codes):
            errors["when_low"] = _("Choose at least one condition, otherwise the rule would always fire.")
        if not reason_is_valid(self.reason):
            errors["reason"] = _(
                "Use only {pattern}, {scores}, {ticked_by} and {not_ticked_by} between braces."
            )
        if errors:
            raise ValidationError(errors)


def reason_is_valid(reason: str) -> bool:
    """True when the only fields between braces are the rule's placeholders, plain: no attribute or
    index ({scores.__class__}), no conversion, no format, and no lone brace."""
    try:
        fields = [(name, spec, conv) for _text, name, spec, conv in string.Formatter().parse(reason)]
    except ValueError:
        return False
    return all(
        name is None or (name in SuggestionRule.PLACEHOLDERS and not spec and conv is None)
        for name, spec, conv in fields
    )


def _all_options(instrument) -> set[str]:
    return {o.code for q in instrument.questions for o in q.options}


class RuleEntry(models.Model):
    """An entry a rule suggests, in the order the rule suggests them."""

    rule = parent_reference(SuggestionRule, related_name="rule_entries", verbose_name=_("rule"))
    entry = parent_reference(Entry, related_name="+", verbose_name=_("entry"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("suggested entry")
        verbose_name_plural = _("suggested entries")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["rule", "entry"], name="unique_rule_entry")]

    def __str__(self) -> str:
        return f"{self.rule} → {self.entry}"
