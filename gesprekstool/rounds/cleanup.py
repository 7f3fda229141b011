"""Apps above `rounds` that keep personal data about participants or rounds (reminders sent,
personal action links) plug in here, so that deleting or anonymising also removes their part,
without `rounds` importing them.

An app registers in its AppConfig.ready():

    from gesprekstool.rounds import cleanup
    cleanup.register("agenda", forget_people)

A hook is `hook(*, organisation, round_ids, participant_ids, deleting) -> None` and is called inside
the deleting or anonymising transaction, before anything is deleted. `round_ids` are the rounds deleted
(`deleting`) or anonymised as a whole; `participant_ids` the participants deleted or anonymised.
"""

from collections.abc import Callable

from gesprekstool.organisations.models import Organisation

_hooks: dict[str, Callable[..., None]] = {}


def register(name: str, hook: Callable[..., None]) -> None:
    """Add a hook; registering a name again replaces it."""
    _hooks[name] = hook


def run(
    *, organisation: Organisation, round_ids: list[int], participant_ids: list[int], deleting: bool
) -> None:
    for hook in _hooks.values():
        hook(
            organisation=organisation,
            round_ids=list(round_ids),
            participant_ids=list(participant_ids),
            deleting=deleting,
        )
