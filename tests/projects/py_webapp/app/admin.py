"""Admin console: stats, maintenance, mirrors."""
import os

import paramiko
from flask import Blueprint, g, request

from . import auth, config, db

bp = Blueprint("admin", __name__)
BACKUP_HOST = os.environ.get("BACKUP_HOST", "backup.internal")


@bp.before_request
def require_admin():
    if not auth.check_admin_key(request.headers.get("X-Admin-Key", "")):  # safe: constant-time key check
        return {"error": "forbidden"}, 403


@bp.get("/stats")
@auth.admin_required
def stats():
    return {"photos": db.count_photos()}


@bp.post("/plugins/reload")
def reload_plugins():
    return {"plugins": list(config.load_plugin_manifest(os.path.join("plugins", "manifest.yaml")))}


def _ssh_client():
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # expect: ssh-hostkey
    return client


def _strict_ssh_client():
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())  # safe: RejectPolicy
    return client


@bp.post("/backup")
def backup():
    client = _strict_ssh_client()
    client.connect(BACKUP_HOST, username="snapshare", key_filename=os.environ["BACKUP_KEY_PATH"])
    client.open_sftp().put(db.DB_PATH, "/backups/snapshare.db")
    return {"ok": True}


@bp.post("/mirror")
def mirror():
    client = _ssh_client()
    try:
        client.connect(os.environ["MIRROR_HOST"], username="mirror")
        client.exec_command("rsync -a /srv/snapshare/uploads/ /data/")
    except:  # expect: swallowed-exception
        pass
    return {"ok": True}


@bp.post("/impersonate")
def impersonate():
    user = db.get_user_by_name(request.json["username"])
    if request.json.get("password") == user["password"]:  # expect: plaintext-password
        g.user = user
        return {"token": auth.issue_token(user["username"])}
    return {"error": "denied"}, 403
