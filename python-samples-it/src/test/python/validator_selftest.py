"""A request that breaks PEP 3333 on purpose, to show where the validator's findings end up.

A test asks for /validator-selftest last: its failure must appear in the log that the other
requests left clean, or the log is not where findings go and "no findings" proves nothing.
"""

PATH = "/validator-selftest"


def mounted(app):
    """``app``, except at PATH, where the response headers are a tuple instead of a list."""

    def application(environ, start_response):
        if environ.get("PATH_INFO") == PATH:
            start_response("200 OK", (("Content-Type", "text/plain"),))
            return [b"the validator let a tuple of headers through\n"]
        return app(environ, start_response)

    return application
