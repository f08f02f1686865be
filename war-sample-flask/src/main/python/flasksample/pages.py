"""The HTML pages: routing, a form, an upload, a session counter, redirects, a stream, the 404."""

import hashlib
import time

from flask import Response, abort, jsonify, redirect, render_template, request, session, url_for

from flasksample import app

UPLOAD_BLOCK = 64 * 1024


@app.get("/")
def index():
    return render_template("index.html")


@app.get("/hello")
def hello_default():
    return redirect(url_for("hello", name="world"))


@app.get("/hello/<name>")
def hello(name):
    return render_template("hello.html", name=name)


@app.get("/items/<int:item_id>")
def item(item_id):
    return render_template("item.html", item_id=item_id, double=item_id * 2)


@app.route("/greet", methods=["GET", "POST"])
def greet():
    if request.method == "GET":
        return render_template("greet.html")
    name = request.form.get("name", "").strip()
    message = request.form.get("message", "").strip()
    if not name:
        return render_template("greet.html", error="Please give your name.", message=message), 400
    return render_template("greeted.html", name=name, message=message)


@app.route("/upload", methods=["GET", "POST"])
def upload():
    if request.method == "GET":
        return render_template("upload.html")
    uploaded = request.files.get("file")
    if uploaded is None or not uploaded.filename:
        abort(400, "The form has no file in its 'file' field.")
    digest = hashlib.sha256()
    size = 0
    for block in iter(lambda: uploaded.stream.read(UPLOAD_BLOCK), b""):
        digest.update(block)
        size += len(block)
    summary = {
        "filename": uploaded.filename,
        "content_type": uploaded.mimetype,
        "size": size,
        "sha256": digest.hexdigest(),
    }
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        return jsonify(summary)
    return render_template("uploaded.html", **summary)


@app.get("/counter")
def counter():
    # Flask's session is a cookie signed with SECRET_KEY: no server-side state to share.
    session["visits"] = session.get("visits", 0) + 1
    return render_template("counter.html", visits=session["visits"])


@app.post("/counter/reset")
def counter_reset():
    session.clear()
    # 303: the browser follows a POST's redirect with a GET.
    return redirect(url_for("counter"), code=303)


@app.get("/stream")
def stream():
    count = min(max(request.args.get("count", 5, type=int), 1), 50)
    delay = min(max(request.args.get("delay", 0.5, type=float), 0.0), 5.0)

    def lines():
        for number in range(1, count + 1):
            if number > 1:
                time.sleep(delay)
            yield f"line {number} of {count}\n"

    # A generator body is sent block by block, as each is produced.
    return Response(lines(), mimetype="text/plain")


@app.errorhandler(404)
def not_found(error):
    return render_template("404.html", path=request.path), 404
