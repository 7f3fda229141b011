"""What is shown with a round's results or made from them: figures, suggestions, exports."""

import factory
from django.utils import timezone

from gesprekstool.indicators.models import RoundIndicator
from gesprekstool.inspiration.models import RuleEntry, SuggestionRule
from gesprekstool.reports.formats import FORMATS
from gesprekstool.reports.models import ExportBuild
from gesprekstool.reports.stored import export_version
from tests.factories.organisations import IndicatorFactory
from tests.factories.rounds import RoundPartFactory


class RoundIndicatorFactory(RoundPartFactory):
    """A figure shown with a round, on theme A unless `themes` is given."""

    class Meta:
        model = RoundIndicator

    indicator = factory.SubFactory(
        IndicatorFactory, organisation=factory.SelfAttribute("..round.organisation")
    )
    themes = factory.LazyFunction(lambda: ["A"])


class SuggestionRuleFactory(factory.django.DjangoModelFactory):
    """A suggestion rule; `theme` is an inspiration Theme (the shipped library has them)."""

    class Meta:
        model = SuggestionRule

    slug = factory.Sequence(lambda n: f"regel-{n}")


class RuleEntryFactory(factory.django.DjangoModelFactory):
    """An entry a rule suggests; `entry` is given (entries come from the library or `make_entry`)."""

    class Meta:
        model = RuleEntry

    rule = factory.SubFactory(SuggestionRuleFactory)


class ExportBuildFactory(RoundPartFactory):
    """The row of a PDF of the round's current version being built, last heard of now."""

    class Meta:
        model = ExportBuild

    fmt = "pdf"
    language = "nl"
    version = factory.LazyAttribute(lambda build: export_version(build.round))
    steps = factory.LazyAttribute(lambda build: len(FORMATS[build.fmt].step_names))
    started_at = factory.LazyFunction(timezone.now)
    heartbeat_at = factory.SelfAttribute("started_at")
