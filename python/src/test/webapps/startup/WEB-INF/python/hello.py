"""A valid module whose attributes the start-up tests name wrongly."""

NOT_CALLABLE = 42


def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'hello\n']
