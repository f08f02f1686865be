"""The JSON API, mounted at /api: every answer, errors included, is JSON."""

import platform
import sys

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import HTTPException

blueprint = Blueprint("api", __name__)


@blueprint.get("/info")
def info():
    return jsonify(
        app="flasksample",
        python=sys.implementation.name,
        python_version=platform.python_version(),
        script_name=request.script_root,
        multithread=request.environ.get("wsgi.multithread"),
    )


@blueprint.post("/echo")
def echo():
    data = request.get_json()  # 400 (below, as JSON) when the body is not JSON
    return jsonify(received=data, type=type(data).__name__)


@blueprint.errorhandler(HTTPException)
def http_error(error):
    return jsonify(error=error.name, status=error.code, description=error.description), error.code
