"""Resolve who is answering: a participant through their personal link, or, in a joint
round, the facilitator filling in the group's shared form.

Both use the same views and templates; the URL namespace ("fill" or "joint") and the
single `key` argument (the token, or the round id) tell them apart.
"""

from dataclasses import dataclass
from functools import wraps
from http import HTTPStatus

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from gesprekstool.lib.language import activate, chosen_language
from gesprekstool.lib.views import link_problem
from gesprekstool.organisations.access import membership_for, require_manager

from . import prepared
from .models import Participant, Round

JOINT_NAMESPACE = "joint"


@dataclass
class Respondent:
    participant: Participant
    key: str
    namespace: str

    @property
    def round(self) -> Round:
        return self.participant.round

    @property
    def is_joint(self) -> bool:
        return self.namespace == JOINT_NAMESPACE

    @property
    def url_own_answers(self) -> str:
        return self.url("own_answers")

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"fill:{name}", kwargs={"key": self.key, **kwargs}, current_app=self.namespace)


def use_round_language(request, round_: Round) -> None:
    """A browser that has not chosen a language with the switch sees the round's pages in the round's
    language (the facilitator's choice for the round)."""
    if chosen_language(request) is None:
        activate(request, round_.language)


def remember_language(request, participant: Participant) -> None:
    """Keep the language a participant chose with the switch: mails to them are in it. Side effect:
    one UPDATE when the choice differs from the one kept (none on an ordinary page view)."""
    chosen = chosen_language(request)
    if chosen and chosen != participant.language:
        Participant.objects.filter(pk=participant.pk).update(language=chosen)
        participant.language = chosen


def respondent_view(view):
    """Decorator: resolve `key` into request.respondent, or refuse."""

    @wraps(view)
    def wrapper(request, key: str, **kwargs):
        namespace = request.resolver_match.namespace
        if namespace == JOINT_NAMESPACE:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            round_ = (
                Round.objects.select_related("organisation").filter(pk=key if key.isdigit() else 0).first()
            )
            if round_ is None:
                raise Http404
            require_manager(membership_for(request.user, round_.organisation_id))
            participant = round_.participants.filter(is_group=True).first()
            if participant is None:
                raise Http404
            participant.round = round_
        else:
            # One query for link -> participant -> round -> organisation, built once per process: on
            # the most frequent request (an autosave) building it cost more than running it.
            participant = prepared.participant_by_token(key)
            if participant is None:
                return link_problem(
                    request,
                    title=_("This link does not work"),
                    message=_(
                        "Check that you copied the whole link. It may also have been replaced by a new one: "
                        "ask the facilitator for your current link."
                    ),
                    status=HTTPStatus.NOT_FOUND,
                )
            if not participant.link_active:
                return link_problem(
                    request,
                    title=_("This link has been revoked"),
                    message=_("The facilitator has switched this link off. Ask them for a new link."),
                    status=HTTPStatus.GONE,
                )
        use_round_language(request, participant.round)
        if namespace != JOINT_NAMESPACE:
            remember_language(request, participant)
        request.respondent = Respondent(participant=participant, key=key, namespace=namespace)
        return view(request, **kwargs)

    return wrapper
