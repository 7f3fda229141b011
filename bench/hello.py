"""The yardstick: a bare Django hello-world, served by the same gunicorn settings as the app
(bench/hello_conf.py). No database, no middleware: what Django itself costs per request."""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-hello-world-only",  # noqa: S106 - serves one constant page, nothing to protect
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
