"""The Flask sample behind wsgiref.validate's validator, as ``validated_flask:app``.

Whatever breaks PEP 3333, on the server's side or the application's, raises AssertionError in
the request; what the validator only warns about (WSGIWarning) is made an error too. Either
way the request fails with a 500 and its traceback in the container log.

One adaptation, on the application's side of the validator: Werkzeug 2.2 trusts
``wsgi.input_terminated`` (set by this server, as by gunicorn) and then reads a whole body with
``wsgi.input.read()``, without the size that PEP 3333's ``read(size)`` takes. The validator
rejects that call (``assert len(args) == 1``) on any server that sets the flag: gunicorn on
CPython answers the same JSON POST with the same AssertionError. ``SizedReads`` passes such a
call on as ``read(-1)``; every other call, and everything the server provides, reaches the
validator unchanged.
"""

import warnings
from wsgiref.validate import WSGIWarning, validator

from flasksample import app as flask_app

import validator_selftest


class SizedReads:
    """``wsgi.input`` as Werkzeug sees it: ``read()`` becomes ``read(-1)``."""

    def __init__(self, stream):
        self._stream = stream

    def read(self, size=-1):
        return self._stream.read(size)

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def sized_reads(app):
    def application(environ, start_response):
        environ["wsgi.input"] = SizedReads(environ["wsgi.input"])
        return app(environ, start_response)

    return application


warnings.simplefilter("error", WSGIWarning)

app = validator(validator_selftest.mounted(sized_reads(flask_app)))
