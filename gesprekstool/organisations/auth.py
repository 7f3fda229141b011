"""Log in with an e-mail address (or, for older accounts such as the demo's, a user name)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class EmailOrUsernameBackend(ModelBackend):
    """Accepts the user name or the e-mail address, both case-insensitively.

    An address that belongs to more than one account logs in nobody (which one was meant is
    unknown); such people log in with their user name.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        user_model = get_user_model()
        login = (username or kwargs.get(user_model.USERNAME_FIELD) or "").strip()
        if not login or password is None:
            return None
        users = list(
            user_model._default_manager.filter(Q(username__iexact=login) | Q(email__iexact=login))[:3]
        )
        exact = [u for u in users if u.get_username() == login]
        candidates = exact or users
        if len(candidates) != 1:
            # Run the hasher anyway, so the answer takes as long as for a real account.
            user_model().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
