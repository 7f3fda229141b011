from .current import current_membership, memberships


def current_organisation(request) -> dict:
    """The header's organisation name and switch. Lazy: pages without a header run no query."""
    if not hasattr(request, "user") or not request.user.is_authenticated:
        return {}
    return {
        "current_membership": lambda: current_membership(request),
        "my_memberships": lambda: memberships(request),
    }
