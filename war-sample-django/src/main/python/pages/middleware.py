import platform
import sys
import time


class ServerTimingMiddleware:
    """Adds a ``Server-Timing`` header: how long Django took, and which Python ran it.

    Browsers show it in their developer tools, next to the request's network timing.
    """

    DESCRIPTION = f'{sys.implementation.name} {platform.python_version()}'

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response['Server-Timing'] = f'django;desc="{self.DESCRIPTION}";dur={elapsed_ms:.1f}'
        return response
