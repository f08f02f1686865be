"""The Flask sample behind wsgiref.validate's validator, as ``validated_flask:app``.

Whatever breaks PEP 3333, on the server's side or the application's, raises AssertionError in
the request; what the validator only warns about (WSGIWarning) is made an error too. Either
way the request fails with a 500 and its traceback in the container log.
"""

import warnings
from wsgiref.validate import WSGIWarning, validator

from flasksample import app as flask_app

import validator_selftest

warnings.simplefilter("error", WSGIWarning)

app = validator(validator_selftest.mounted(flask_app))
