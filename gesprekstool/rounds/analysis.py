"""Everything the results page, the presenter view and the participants' view show about
a round, gathered once: results, observations, chart and domain comparison."""

from dataclasses import dataclass

from .charts import Chart, domain_values, step1_chart
from .conversation import proposals
from .models import Round
from .observations import Answers, Observation, answers_from_results, domain_means, observations
from .results import RoundResults, round_results


@dataclass
class Analysis:
    results: RoundResults
    answers: list[Answers]
    observations: list[Observation]  # visible ones, own observations not included
    hidden: list[Observation]
    chart: Chart
    domain_table: list[tuple[str, list[float | None]]]  # (theme code, means per domain)
    domains: list[str]

    def observations_for(self, theme: str) -> list[Observation]:
        return [o for o in self.observations if o.theme == theme]

    def proposals(self) -> list[tuple[str, str]]:
        return proposals(self.results.instrument, self.answers)


def analyse(round_: Round, *, themes: list[str] | None = None) -> Analysis:
    """Results, observations (split by the facilitator's hide choices) and the chart."""
    results = round_results(round_)
    answers = answers_from_results(results)
    instrument = results.instrument
    hidden_keys = set(round_.hidden_observations.values_list("key", flat=True))
    found = observations(instrument, answers)
    numbers = [str(p.position) for p in results.participants]
    chart = step1_chart(instrument, answers, domain_values(), numbers=numbers, themes=themes)
    means = domain_means(instrument, answers)
    domains = sorted({a.domain for a in answers})
    return Analysis(
        results=results,
        answers=answers,
        observations=[o for o in found if o.key not in hidden_keys],
        hidden=[o for o in found if o.key in hidden_keys],
        chart=chart,
        domain_table=[(theme, [means[theme][d] for d in domains]) for theme in means],
        domains=domains,
    )
