"""The Python half of wsgi-servlet's PEP 3333 gateway.

The Java servlet calls serve() once per request. serve() builds the environ (a real dict
of native strings), gives the application start_response and the wsgi.input, wsgi.errors
and wsgi.file_wrapper objects, all backed by Java callables, and sorts what the
application returns so that Java can send it:

- a list or tuple of bytes: copied to Java at once, its length known;
- a file_wrapper over a regular file: sent by the container (sendfile) from the file's
  current position;
- any other iterable: iterated block by block through next_block().

Bytes go to Java as buffers (copied in bulk by the Java side). Bytes come from Java as
latin-1 str, which .encode('latin-1') turns into bytes in one bulk copy.
"""

import io
import operator
import os
import stat
import sys
import traceback

import polyglot

# What serve() found; PythonContext.java reads these numbers.
IN_MEMORY = 0
REGULAR_FILE = 1
STREAM = 2

_END = object()


def configure(entries):
    """Puts the python.path entries first on sys.path and reads their .pth files."""
    import site
    entries = [str(entry) for entry in entries]
    for entry in reversed(entries):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    for entry in entries:
        if os.path.isdir(entry):
            site.addsitedir(entry)


def import_module(name):
    """Imports the application's module."""
    __import__(name)
    return sys.modules[name]


def find_callable(module, attribute):
    """The callable at the (dotted) attribute of the module."""
    target = module
    for part in attribute.split('.'):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise LookupError('module %r has no attribute %r' % (module.__name__, attribute)) from None
    if not callable(target):
        raise TypeError('%s:%s is a %s, not a callable' % (module.__name__, attribute, type(target).__name__))
    return target


def serve(app, strings, objects, read, readline, log, flush, start, write, headers_sent):
    """Calls the application once; returns (kind, result, ...) for Java, see the module doc.

    strings and objects hold the environ from Java as key, value, key, value...: the
    str entries, then the others (booleans and Java objects such as servlet.request).
    """
    pairs = iter(strings)
    environ = dict(zip(pairs, pairs))
    pairs = iter(objects)
    for key, value in zip(pairs, pairs):
        environ[key] = value
    environ['wsgi.version'] = (1, 0)
    environ['wsgi.input'] = InputStream(read, readline)
    environ['wsgi.errors'] = ErrorStream(log, flush)
    environ['wsgi.file_wrapper'] = FileWrapper
    result = app(environ, StartResponse(start, write, headers_sent))
    if result is None:
        raise TypeError('the application returned None instead of an iterable of bytes')
    kind = type(result)
    if kind is list or kind is tuple:
        for block in result:
            _check_block(block)
        return (IN_MEMORY, result)
    if isinstance(result, FileWrapper):
        found = _regular_file(result.filelike)
        if found is not None:
            return (REGULAR_FILE, result, found[0], found[1], result.blksize)
    return (STREAM, result)


def iterate(result):
    """iter(result), with a message that says what the application returned."""
    try:
        return iter(result)
    except TypeError:
        raise TypeError('the application returned a %s, which is not iterable; '
                        'return an iterable of bytes' % type(result).__name__) from None


def next_block(iterator):
    """The next block of the body, or None at its end."""
    block = next(iterator, _END)
    if block is _END:
        return None
    _check_block(block)
    return block


def close(result):
    """The body's close(), if it has one."""
    method = getattr(result, 'close', None)
    if method is not None:
        method()


def describe(exc):
    """(type name, one-line summary, traceback text) of an exception, without this module's frames."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_globals.get('__name__') == __name__:
        tb = tb.tb_next
    kind = type(exc)
    name = kind.__qualname__
    if kind.__module__ not in ('builtins', '__main__'):
        name = kind.__module__ + '.' + name
    summary = ''.join(traceback.format_exception_only(kind, exc)).strip()
    return (name, summary, ''.join(traceback.format_exception(kind, exc, tb)))


def _check_block(block):
    if not isinstance(block, bytes):
        raise TypeError('the application must yield bytes, not %s: %.60r' % (type(block).__name__, block))


def _native(what, value):
    """Checks a PEP 3333 native string: a str of ISO-8859-1 (latin-1) characters."""
    if not isinstance(value, str):
        raise TypeError('%s must be a str, not %s: %.60r' % (what, type(value).__name__, value))
    try:
        value.encode('latin-1')
    except UnicodeEncodeError as e:
        raise ValueError('%s must be latin-1 (ISO-8859-1) text, but %r is not: %.60r'
                         % (what, value[e.start], value)) from None


def _split_headers(headers):
    if not isinstance(headers, list):
        raise TypeError('response_headers must be a list of (name, value) tuples, not %s'
                        % type(headers).__name__)
    names = []
    values = []
    for header in headers:
        if not isinstance(header, tuple) or len(header) != 2:
            raise TypeError('each response header must be a (name, value) tuple, not %.60r' % (header,))
        name, value = header
        _native('a header name', name)
        _native('the value of header %r' % name, value)
        names.append(name)
        values.append(value)
    return names, values


class StartResponse:
    """start_response(status, response_headers, exc_info=None); returns write()."""

    __slots__ = ('_start', '_write', '_headers_sent', '_started')

    def __init__(self, start, write, headers_sent):
        self._start = start
        self._write = write
        self._headers_sent = headers_sent
        self._started = False

    def __call__(self, status, response_headers, exc_info=None):
        if exc_info is not None:
            if not isinstance(exc_info, tuple) or len(exc_info) != 3:
                raise TypeError('exc_info must be the (type, value, traceback) tuple of sys.exc_info(), not %.60r'
                                % (exc_info,))
            if self._headers_sent():
                raise exc_info[1].with_traceback(exc_info[2])
        elif self._started:
            raise RuntimeError('start_response() was already called; '
                               'a second call must pass exc_info to replace the status and headers')
        _native('status', status)
        names, values = _split_headers(response_headers)
        problem = self._start(status, names, values, exc_info is not None)
        if problem is True:
            raise exc_info[1].with_traceback(exc_info[2])
        if problem is not None:
            raise ValueError(problem)
        self._started = True
        return self.write

    def write(self, data):
        """PEP 3333's write(): sends data before anything the returned iterable yields."""
        if not self._started:
            raise RuntimeError('write() was called before start_response()')
        if not isinstance(data, bytes):
            raise TypeError('write() takes bytes, not %s: %.60r' % (type(data).__name__, data))
        self._write(data)


_MAX_READ = 0x7fffffff  # a Java int; Java never returns more than it has anyway


def _size(value):
    if value is None:
        return -1
    return min(operator.index(value), _MAX_READ)


def _read_body(read, size):
    """One read of the request body through the Java side: bytes, b'' at EOF, OSError on failure."""
    size = _size(size)
    if size == 0:
        return b''
    try:
        data = read(size)
    except polyglot.ForeignException as e:
        raise OSError('reading the request body failed: %s' % e) from None
    return data.encode('latin-1')


class InputStream:
    """wsgi.input: the request body, read from the servlet as it is asked for; EOF at CONTENT_LENGTH."""

    __slots__ = ('_read', '_readline')

    def __init__(self, read, readline):
        self._read = read
        self._readline = readline

    def read(self, size=-1):
        return _read_body(self._read, size)

    def readline(self, size=-1):
        return _read_body(self._readline, size)

    def readlines(self, hint=-1):
        hint = _size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class ErrorStream:
    """wsgi.errors: text into the container log, one record per line."""

    __slots__ = ('_log', '_flush')

    def __init__(self, log, flush):
        self._log = log
        self._flush = flush

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('wsgi.errors takes str, not %s' % type(text).__name__)
        self._log(text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._flush()


class FileWrapper:
    """wsgi.file_wrapper(filelike, blksize=8192).

    Iterating it reads blksize blocks. When the application returns it over a regular file
    opened in binary mode, the servlet container sends the file itself, from the file's
    current position; close() is the file's close() either way.
    """

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = operator.index(blksize)
        if hasattr(filelike, 'close'):
            self.close = filelike.close

    def __iter__(self):
        read = self.filelike.read
        size = self.blksize
        while True:
            block = read(size)
            if not block:
                return
            yield block


def _regular_file(filelike):
    """(absolute path, position) when filelike is a binary file object on a regular file, else None."""
    if not isinstance(filelike, (io.BufferedIOBase, io.RawIOBase)):
        return None
    try:
        if not filelike.readable():
            return None
        name = filelike.name
        if not isinstance(name, (str, bytes)):
            return None
        opened = os.fstat(filelike.fileno())
        if not stat.S_ISREG(opened.st_mode):
            return None
        path = os.path.abspath(os.fsdecode(name))
        named = os.stat(path)
        if (opened.st_dev, opened.st_ino) != (named.st_dev, named.st_ino):
            return None  # the name now points at another file
        return (path, filelike.tell())
    except (AttributeError, OSError, ValueError):
        return None
