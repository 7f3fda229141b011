"""gunicorn settings for the hello-world: exactly the app's (gesprekstool/gunicorn_conf.py), only
another WSGI application, so that the two are served the same way."""

from gesprekstool.gunicorn_conf import *  # noqa: F403

wsgi_app = "bench.hello:application"
