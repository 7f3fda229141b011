"""The login with its second step, and the page where a user turns two-step login on or off."""

from base64 import b32encode
from http import HTTPStatus
from urllib.parse import urlencode

import django_otp
import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.lib.views import form_status

from . import services
from .forms import CodeForm, DisableForm, NextForm, SetupForm

PENDING_KEY = "two_factor_pending"


class LoginView(auth_views.LoginView):
    """Step one: username and password (throttled by django-axes through authenticate()).
    A user with a confirmed app goes on to the code step instead of being logged in."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not django_otp.user_has_device(user):
            return super().form_valid(form)
        self.request.session[PENDING_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "at": timezone.now().timestamp(),
            "next": self.get_success_url(),
        }
        return redirect("login_code")


def _pending_user(request):
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None, None
    age = timezone.now().timestamp() - pending["at"]
    if age > settings.TWO_FACTOR_LOGIN_TIMEOUT.total_seconds():
        del request.session[PENDING_KEY]
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def login_code(request):
    """Step two: a code from the app or a recovery code. A wrong code counts as a failed login for
    django-axes (per account and per address), and django-otp slows down repeated tries per device."""
    user, pending = _pending_user(request)
    if user is None:
        messages.info(request, _("Log in again: the time to enter the code has passed."))
        return redirect("login")
    credentials = {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(user, form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING_KEY]
            user.backend = pending["backend"]
            auth_login(request, user)
            django_otp.login(request, device)
            if device.name == services.RECOVERY_DEVICE_NAME:
                left = services.recovery_codes_left(user=user)
                messages.warning(
                    request,
                    _(
                        "You used a recovery code; %(count)s are left. Make new ones on the two-step login page."
                    )
                    % {"count": left},
                )
            return redirect(pending["next"])
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if AxesProxyHandler.is_locked(request, credentials):
            return get_lockout_response(request, None, credentials)
        form.add_error("code", _("That code is not correct. Check the app and try again."))
    status = form_status(form)
    return render(request, "twofactor/login_code.html", {"form": form}, status=status)


@login_required
def overview(request):
    """Whether two-step login is on, how many recovery codes are left, and the buttons to change it."""
    user = request.user
    return render(
        request,
        "twofactor/overview.html",
        {
            "enabled": services.has_two_factor(user),
            "codes_left": services.recovery_codes_left(user=user),
            "required": settings.REQUIRE_2FA,
        },
    )


@login_required
def setup(request):
    """Shows a new secret as a QR code and as text; the user confirms with a code from the app."""
    device = services.pending_device(user=request.user)
    if device is None or request.method == "GET":
        device = services.start_setup(user=request.user)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_setup(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            # The session now counts as verified: the user just proved they hold the app.
            django_otp.login(request, device)
            messages.success(request, _("Two-step login is on."))
            return render(request, "twofactor/recovery_codes.html", {"codes": codes, "first_time": True})
        form.add_error("code", _("That code is not correct. Check the time on your phone and try again."))
    status = form_status(form)
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=4, dark="#000", light="#fff", title=_("QR code for your authenticator app")
            ),
            "secret": _grouped(device),
        },
        status=status,
    )


def _grouped(device) -> str:
    """The base32 secret in groups of four, easier to type over."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
@require_POST
def recovery_codes(request):
    """New recovery codes, shown once on this response (which is never cached)."""
    if not services.has_two_factor(request.user):
        return redirect("two_factor:overview")
    codes = services.new_recovery_codes(user=request.user)
    return render(request, "twofactor/recovery_codes.html", {"codes": codes, "first_time": False})


@login_required
def disable(request):
    """Turns two-step login off after the password is given again. Refused when the host requires it."""
    if settings.REQUIRE_2FA:
        messages.error(request, _("Two-step login is required on this site; it cannot be turned off."))
        return redirect("two_factor:overview")
    form = DisableForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.turn_off(user=request.user)
        messages.success(request, _("Two-step login is off."))
        return redirect("two_factor:overview")
    status = form_status(form)
    return render(request, "twofactor/disable.html", {"form": form}, status=status)


def admin_login(request):
    """The admin's own login page bypasses the code step, so it sends people to the site's login.
    A logged-in user without a verified session is sent to set up (or use) their app; verified staff
    go on to the admin; anyone else is refused."""
    next_url = NextForm.read(request.GET)["next"]
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?{urlencode({'next': next_url})}")
    if not request.user.is_verified():
        messages.info(request, _("The admin asks for two-step login. Set up your authenticator app first."))
        return redirect("two_factor:setup")
    if request.user.is_active and request.user.is_staff:
        # Verified staff may use the admin: this page is only a bookmark or a stale link to them.
        return redirect(next_url)
    return render(request, "twofactor/admin_refused.html", status=HTTPStatus.FORBIDDEN)


def lockout(request, original_response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): 429 with when to try again. The pause
    starts again at every attempt made during it."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request, "registration/lockout.html", {"minutes": minutes}, status=HTTPStatus.TOO_MANY_REQUESTS
    )
