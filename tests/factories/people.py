"""Users, their app devices and logged-in test clients."""

import factory
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "geheim-wachtwoord-123"  # every UserFactory user's


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed authenticator app of a user (an unconfirmed one is half set up)."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "app"
    confirmed = True


def login_with_two_factor(client, user) -> TOTPDevice:
    """Logs `user` in on the test client as if they entered a code from their app: a confirmed app
    device, and a session that django-otp counts as verified (the admin asks for that)."""
    device = TOTPDeviceFactory(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def logged_in_client(user) -> Client:
    """A test client of its own, logged in as `user` (without the second step the admin asks for)."""
    client = Client()
    client.force_login(user)
    return client


def password_logs_in(username: str, password: str) -> bool:
    """Whether the login page accepts these credentials. Through the page, not `Client.login`:
    django-axes needs the request to count failures, and refuses an `authenticate()` without one."""
    client = Client()
    client.post(reverse("login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session
