"""Imports a native module (a C extension of GraalPy's standard library), as Django does."""
import termios


def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'termios loaded\n']
