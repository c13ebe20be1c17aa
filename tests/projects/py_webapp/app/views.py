"""Server-rendered pages: login, greeting, downloads, previews."""
from flask import (Blueprint, make_response, redirect, render_template, render_template_string,
                   request, send_file, send_from_directory, session, url_for)
from markupsafe import Markup
import requests

from . import auth, files
from .webhooks import fetch_url

bp = Blueprint("views", __name__)


@bp.route("/login", methods=["POST"])
def login():
    user = auth.verify_login(request.form["username"], request.form["password"])
    if user is None:
        return render_template("login.html", error="Invalid credentials"), 401
    next_url = request.args.get("next", "/")
    resp = make_response(redirect(next_url))  # expect: open-redirect
    resp.set_cookie("session_token", auth.issue_token(user["username"]))  # expect: cookie
    return resp


@bp.route("/login/mobile", methods=["POST"])
def login_mobile():
    user = auth.verify_login(request.form["username"], request.form["password"])
    if user is None:
        return {"error": "invalid"}, 401
    resp = make_response(redirect(url_for("views.hello")))  # safe: internal redirect
    resp.set_cookie("session_token", auth.issue_token(user["username"]),
                    secure=True, httponly=True, samesite="Lax")  # safe: all cookie flags set
    resp.set_cookie("theme", request.form.get("theme", "light"))  # safe: non-auth preference cookie
    return resp


@bp.route("/logout")
def logout():
    session.clear()
    target = request.args.get("next", "/")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/"
    return redirect(target)  # safe: only relative paths allowed


@bp.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    html = f"<h1>Welcome back, {name}!</h1><p>Your gallery is ready.</p>"
    # expect: xss
    return html


@bp.route("/tag/<tag>")
def tag_badge(tag):
    return Markup("<span class='tag'>%s</span>") % tag  # safe: Markup % escapes the argument


@bp.route("/greeting")
def greeting():
    msg = request.args.get("msg", "")
    tmpl = "<div class='greeting'>" + msg + "</div>"
    return render_template_string(tmpl)  # expect: ssti


@bp.route("/notice")
def notice():
    return render_template_string("<div class='notice'>{{ msg }}</div>", msg=request.args.get("msg", ""))  # safe: constant template


@bp.route("/files/<path:name>")
def download(name):
    return send_file(files.UPLOAD_DIR + "/" + name)  # expect: path-traversal


@bp.route("/thumbs/<path:name>")
def thumb(name):
    return send_from_directory(files.UPLOAD_DIR, name)  # safe: send_from_directory


@bp.route("/unfurl")
def unfurl():
    link = request.args.get("url", "")
    page = requests.get(link, timeout=5)  # expect: ssrf
    return {"status": page.status_code, "bytes": len(page.content)}


@bp.route("/preview", methods=["POST"])
def preview():
    resp = fetch_url(request.json.get("url"))
    title = resp.text.split("<title>")[-1].split("</title>")[0][:200]
    return render_template("preview.html", title=title)  # safe: autoescaped template
