"""The hello scenario as a plain WSGI application, for gunicorn: the same 13 bytes as BenchApp."""

BODY = b"Hello, world!"
HEADERS = [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
