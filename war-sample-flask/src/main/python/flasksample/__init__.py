"""The Flask sample: one application object, ``flasksample:app``, for any WSGI server.

On the servlet container, web.xml names it as ``python:flasksample:app``; under gunicorn it is
``gunicorn flasksample:app``. Configuration comes from ``FLASK_*`` environment variables
(``FLASK_SECRET_KEY`` above all), as Flask's ``from_prefixed_env`` reads them.
"""

from flask import Flask

app = Flask(__name__)
app.config.update(
    # Every GraalPy context of the pool imports this module on its own: a key generated here at
    # random would differ between contexts, and a session cookie signed by one would be rejected
    # by the next. Set FLASK_SECRET_KEY in production; this fixed key only suits a demo.
    SECRET_KEY="flasksample-demo-key-set-FLASK_SECRET_KEY-in-production",
    # Larger uploads get 413 before the body is read.
    MAX_CONTENT_LENGTH=16 * 1024 * 1024,
)
app.config.from_prefixed_env()

from flasksample import api, pages  # noqa: E402  (the views need `app`)

app.register_blueprint(api.blueprint, url_prefix="/api")
