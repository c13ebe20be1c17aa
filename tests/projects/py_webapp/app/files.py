"""Upload storage, downloads and album import."""
import os
import tarfile
import tempfile
from pathlib import Path

from werkzeug.utils import secure_filename

UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/srv/snapshare/uploads")
IMPORT_DIR = os.environ.get("IMPORT_DIR", "/srv/snapshare/imports")


def init_storage():
    os.makedirs(UPLOAD_DIR, mode=0o750, exist_ok=True)  # safe: restrictive directory mode
    os.makedirs(IMPORT_DIR, exist_ok=True)
    os.chmod(IMPORT_DIR, 0o777)  # expect: permissions


def save_upload(file_storage):
    filename = secure_filename(file_storage.filename)
    file_storage.save(os.path.join(UPLOAD_DIR, filename))  # safe: secure_filename applied
    return filename


def save_avatar(file_storage, user_id):
    user_dir = os.path.join(UPLOAD_DIR, "avatars", str(user_id))
    target = os.path.join(user_dir, file_storage.filename)
    file_storage.save(target)  # expect: path-traversal
    return target


def read_export(name):
    base = Path(UPLOAD_DIR).resolve()
    candidate = (base / name).resolve()
    if not candidate.is_relative_to(base):
        raise PermissionError("outside upload dir")
    return candidate.read_bytes()  # safe: resolved and contained


def import_album_tar(fileobj, album_id):
    dest = os.path.join(IMPORT_DIR, str(album_id))
    with tarfile.open(fileobj=fileobj, mode="r:gz") as tf:
        tf.extractall(dest)  # expect: archive
    return dest


def import_album_tar_safe(fileobj, album_id):
    dest = os.path.join(IMPORT_DIR, str(album_id))
    with tarfile.open(fileobj=fileobj, mode="r:gz") as tf:
        tf.extractall(dest, filter="data")  # safe: data filter
    return dest


def stage_upload(data: bytes):
    fd, path = tempfile.mkstemp(prefix="snapshare-")  # safe: mkstemp
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return path
