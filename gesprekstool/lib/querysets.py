"""QuerySet methods that several apps' models share."""

from django.db import models


class UserScopedQuerySet(models.QuerySet):
    """Rows that belong to a user: those whose `user_path` (a lookup that ends at a user, such as
    "organisation__memberships__user") leads to them. An anonymous visitor has none."""

    user_path: str

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(**{self.user_path: user})
