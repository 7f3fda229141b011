"""Everything the results page, the presenter view and the participants' view show about
a round, gathered once: results, observations, chart and domain comparison.

The analysis of a round of 300 takes some 200 ms, and the same round's results page, preparation
page and presenter screens ask for it again and again while nothing changes. `analyse` keeps it
per round *version* (`live.live_version`, one query) in the memory of the process: a key read from
the shared database, so with several app servers a server either has the analysis of exactly the
current answers or builds it; it never shows an older version. Not in the shared Django cache: a
pickled analysis of 300 is about 1 MB and pickling it costs more than half of building it
(docs/performance.md), and it holds personal data that must not outlive its removal in a table.
"""

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.utils.translation import get_language

from .charts import Chart, domain_values, step1_chart
from .conversation import proposals
from .live import live_version
from .models import Round
from .observations import Answers, Observation, answers_from_results, domain_means, observations
from .results import RoundResults, round_results, round_scores


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


# (round id, version, language, themes) -> Analysis, the most recently used last.
_KEPT: OrderedDict[tuple, Analysis] = OrderedDict()
_KEPT_LOCK = threading.Lock()
KEEP = 12  # analyses kept per process: a few rounds shown at once, each with some theme charts


def forget_kept() -> None:
    """Empty this process's kept analyses (the tests start each from nothing)."""
    with _KEPT_LOCK:
        _KEPT.clear()


def analyse(round_: Round, *, themes: list[str] | None = None, version: str | None = None) -> Analysis:
    """Results, observations (split by the facilitator's hide choices) and the chart, kept per
    round version (see the module's docstring). `version`: the round's `live_version` when the
    caller read it already. A kept analysis gets the step-1 notes read fresh (one query): a
    participant can change a note without changing the version. The result is shared between
    requests: read it, never change it."""
    version = version or live_version(round_)
    whole_key = (round_.pk, version, get_language(), None)
    key = (*whole_key[:3], tuple(themes)) if themes else whole_key
    with _KEPT_LOCK:
        analysis = _KEPT.get(key)
        whole = _KEPT.get(whole_key)
    built = analysis is None and whole is None
    if built:
        whole = _analyse(round_)
    if analysis is None:
        analysis = (
            dataclasses.replace(whole, chart=_step1_chart(whole.results, whole.answers, themes=themes))
            if themes
            else whole
        )
    with _KEPT_LOCK:
        if whole is not None:
            _keep(whole_key, whole)
        _keep(key, analysis)
    if built:
        return analysis
    notes = dict(round_.participants.exclude(step1_note="").values_list("pk", "step1_note"))
    results = dataclasses.replace(
        analysis.results, notes=[(p, notes[p.pk]) for p in analysis.results.participants if p.pk in notes]
    )
    return dataclasses.replace(analysis, results=results)


def analyse_step1(round_: Round, *, version: str) -> Analysis:
    """The step-1 chart and the participants with their scores, for the presenter's overview:
    the whole analysis when it is kept for this version, else one from the scores alone
    (`round_scores`: its observations, step 2, notes and domain table are empty), kept beside
    it. During a wave of answers every live update meets a new version, and the whole
    analysis cost two thirds of the update (docs/performance.md)."""
    whole_key = (round_.pk, version, get_language(), None)
    key = (*whole_key[:3], "step1")
    with _KEPT_LOCK:
        whole = _KEPT.get(whole_key)
        analysis = _KEPT.get(key)
    if whole is not None:
        return whole  # not kept a second time under the step-1 key: it would take another's place
    if analysis is None:
        results = round_scores(round_)
        answers = answers_from_results(results)
        chart = _step1_chart(results, answers, themes=None)
        analysis = Analysis(results, answers, [], [], chart, domain_table=[], domains=[])
    with _KEPT_LOCK:
        _keep(key, analysis)
    return analysis


def _keep(key: tuple, analysis: Analysis) -> None:
    _KEPT[key] = analysis
    _KEPT.move_to_end(key)
    while len(_KEPT) > KEEP:
        _KEPT.popitem(last=False)


def _step1_chart(results: RoundResults, answers: list[Answers], *, themes: list[str] | None) -> Chart:
    numbers = [str(p.position) for p in results.participants]
    return step1_chart(results.instrument, answers, domain_values(), numbers=numbers, themes=themes)


def _analyse(round_: Round) -> Analysis:
    results = round_results(round_)
    answers = answers_from_results(results)
    instrument = results.instrument
    hidden_keys = set(round_.hidden_observations.values_list("key", flat=True))
    found = observations(instrument, answers)
    means = domain_means(instrument, answers)
    domains = sorted({a.domain for a in answers})
    return Analysis(
        results=results,
        answers=answers,
        observations=[o for o in found if o.key not in hidden_keys],
        hidden=[o for o in found if o.key in hidden_keys],
        chart=_step1_chart(results, answers, themes=None),
        domain_table=[(theme, [means[theme][d] for d in domains]) for theme in means],
        domains=domains,
    )
