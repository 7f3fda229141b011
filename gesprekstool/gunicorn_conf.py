"""gunicorn's settings for `make serve` (scripts/serve.sh): `gunicorn -c python:gesprekstool.gunicorn_conf`.

The environment still decides: PORT (listen on 0.0.0.0:PORT; default 127.0.0.1:8000), WEB_CONCURRENCY
(worker processes), WEB_THREADS (threads per worker), FORWARDED_ALLOW_IPS (the proxies whose
X-Forwarded-Proto is believed) and GUNICORN_CMD_ARGS (any other gunicorn option, e.g. "--bind 0.0.0.0:9000").
"""

import os

from gunicorn.glogging import Logger

from gesprekstool.lib.env import parse_int
from gesprekstool.lib.logging import RedactTokensFilter, redact


class RedactingLogger(Logger):
    """gunicorn's logger with participant link tokens taken out of the access log (request line,
    referer, every header) and out of its error log ("Error handling request /d/<token>/...")."""

    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(f, RedactTokensFilter) for f in self.error_log.filters):
            self.error_log.addFilter(RedactTokensFilter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}


wsgi_app = "gesprekstool.wsgi:application"
workers = parse_int("WEB_CONCURRENCY", os.environ.get("WEB_CONCURRENCY", "2"))
threads = parse_int("WEB_THREADS", os.environ.get("WEB_THREADS", "4"))
worker_class = "gthread"
# A PDF report of a large round takes WeasyPrint a few seconds; a minute leaves room on a busy host.
timeout = 60
graceful_timeout = 30
logger_class = RedactingLogger
accesslog = "-"
errorlog = "-"
# gunicorn's control socket lives in the user's home folder: a second server on the same host would
# take it over, and nothing here uses it.
control_socket_disable = True
