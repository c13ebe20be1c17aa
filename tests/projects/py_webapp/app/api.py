"""JSON API used by the SPA and mobile apps."""
import ast
import base64
import json
import os
import pickle

import defusedxml.ElementTree as SafeET
from flask import Blueprint, abort, g, jsonify, request
from lxml import etree

from . import auth, csrf, db, files, media, ml, webhooks

bp = Blueprint("api", __name__)


@bp.get("/photos")
@auth.login_required
def photos():
    if "q" in request.args:
        rows = db.search_photos(request.args["q"], request.args.get("sort", "created_at"))
    else:
        rows = db.list_photos(g.user["id"], {k: v for k, v in request.args.items()})
    return jsonify([dict(r) for r in rows])


@bp.post("/photos")
@auth.login_required
def upload_photo():
    name = files.save_upload(request.files["photo"])
    media.make_thumbnail(os.path.join(files.UPLOAD_DIR, name), request.form.get("size", "320x320"))
    return {"name": name}, 201


@bp.post("/me/avatar")
@auth.login_required
def upload_avatar():
    return {"path": files.save_avatar(request.files["avatar"], g.user["id"])}


@bp.post("/price")
def price_quote():
    """Print price: the client sends a formula like 'w * h * 0.02'."""
    formula = request.json.get("formula", "0")
    w, h = float(request.json["w"]), float(request.json["h"])
    total = eval(formula, {"__builtins__": {}}, {"w": w, "h": h})  # expect: eval
    return {"total": round(total, 2)}


@bp.post("/filters")
def parse_filters():
    return {"filters": ast.literal_eval(request.json.get("filters", "{}"))}  # safe: ast.literal_eval


@bp.post("/session/restore")
def restore_session():
    blob = base64.b64decode(request.form["state"])
    state = pickle.loads(blob)  # expect: deserialization
    return jsonify(state)


@bp.post("/session/restore-json")
def restore_session_json():
    return jsonify(json.loads(request.form["state"]))  # safe: JSON, not pickle


@bp.post("/albums/import-xml")
@auth.login_required
def import_xml():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)  # expect: xxe
    root = etree.fromstring(request.data, parser)
    return {"photos": len(root.findall("photo"))}


@bp.post("/albums/import-safe")
@auth.login_required
def import_safe():
    root = SafeET.fromstring(request.data)  # safe: defusedxml
    return {"photos": len(root.findall("photo"))}


@bp.post("/albums/<int:album_id>/import-tar")
@auth.login_required
def import_tar(album_id):
    return {"dest": files.import_album_tar(request.files["archive"].stream, album_id)}


@bp.post("/webhooks/partner")
@csrf.exempt  # safe: server-to-server webhook authenticated by HMAC signature
def partner_webhook():
    if not auth.verify_partner_callback(request.data, request.headers.get("X-Signature", "")):
        abort(403)
    return {"ok": True}


@bp.get("/feeds")
def read_feed():
    return {"body": webhooks.fetch_feed(request.args["url"]).decode()[:1000]}


@bp.get("/search/similar")
@auth.login_required
def similar():
    results = []
    for hit in ml.similar_photos(request.args["q"]):
        try:
            results.extend(dict(r) for r in db.photos_by_album(hit["album_id"]))
        except Exception:  # expect: swallowed-exception
            continue
    return jsonify(results)


@bp.delete("/photos/<name>")
@auth.login_required
def delete_photo(name):
    os.remove(os.path.join(files.UPLOAD_DIR, request.args.get("dir", ""), name))  # expect: path-traversal
    return {"deleted": name}
