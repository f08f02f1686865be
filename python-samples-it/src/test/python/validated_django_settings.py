"""The sample's settings, with the test-only URLs of validated_django_urls."""

from mysite.settings import *  # noqa: F401,F403

ROOT_URLCONF = 'validated_django_urls'
