"""A Django project behind wsgiref.validate's validator, as ``validated_django:application``.

It is the sample's own mysite/wsgi.py application, with settings that add the test-only
views of validated_django_urls (an upload, JSON, a streamed response, static files through
Django), so that the validator sees every kind of request and response. Breaches of PEP 3333
raise AssertionError; the validator's warnings (WSGIWarning) are made errors too.
"""

import os
import warnings
from wsgiref.validate import WSGIWarning, validator

os.environ["DJANGO_SETTINGS_MODULE"] = "validated_django_settings"

from mysite.wsgi import application as django_application  # noqa: E402  (settings first)

import validator_selftest  # noqa: E402

warnings.simplefilter("error", WSGIWarning)

application = validator(validator_selftest.mounted(django_application))
