"""Factories and helpers for the tests, by app; import them from here: `from tests.factories import X`."""

# Re-exported: tests import every factory and helper, and the answer helpers, from here.
from tests.answers import (  # noqa: F401
    PLAIN_DOMAINS,
    add_answered_in_bulk,
    answer_everything,
    answer_step1,
    answer_theme,
    answered,
    answers_of,
    first_choice,
    plain_round,
)
from tests.factories.agenda import (  # noqa: F401
    ActionFactory,
    ActionNoteFactory,
    AgreementFactory,
    CalendarFeedFactory,
    SentReminderFactory,
)
from tests.factories.futures import (  # noqa: F401
    ContributionFactory,
    FuturePartFactory,
    GroupFactory,
    PromptFactory,
    VoteFactory,
)
from tests.factories.organisations import (  # noqa: F401
    IndicatorFactory,
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    OrganisationPartFactory,
    OwnerLinkFactory,
    ProgrammeFactory,
    ProgrammeMemberFactory,
    ReaderMembershipFactory,
    StatementFactory,
    invite,
    token_of,
    valid_for,
)
from tests.factories.people import (  # noqa: F401
    PASSWORD,
    TOTPDeviceFactory,
    UserFactory,
    logged_in_client,
    login_with_two_factor,
    password_logs_in,
)
from tests.factories.results import (  # noqa: F401
    ExportBuildFactory,
    RoundIndicatorFactory,
    RuleEntryFactory,
    SuggestionRuleFactory,
)
from tests.factories.rounds import (  # noqa: F401
    HELD_ON,
    AnswerFactory,
    ChoiceFactory,
    CommentFactory,
    ConversationQuestionFactory,
    HiddenObservationFactory,
    OwnObservationFactory,
    ParticipantFactory,
    RoundFactory,
    RoundPartFactory,
    ScoreFactory,
    created_round,
    sannes_round,
)
