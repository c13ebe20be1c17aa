"""Settings and a small JSON cache."""
import hashlib
import json
import os

import yaml  # safe: provided by PyYAML

DEFAULTS = {"UPLOAD_DIR": "/srv/snapshare/uploads", "THUMB_SIZE": "320x320"}
CACHE_DIR = os.environ.get("CACHE_DIR", "/var/cache/snapshare")


def load_settings(path):
    settings = dict(DEFAULTS)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            settings.update(yaml.safe_load(fh) or {})  # safe: yaml.safe_load
    return settings


def load_plugin_manifest(path):
    """Plugins describe their hooks in YAML (custom tags allowed)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.Loader)  # expect: deserialization


def load_theme(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.SafeLoader)  # safe: SafeLoader


def _cache_path(key):
    digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()  # safe: md5 only names cache files
    return os.path.join(CACHE_DIR, digest + ".json")


def cache_get(key):
    try:
        with open(_cache_path(key), encoding="utf-8") as fh:
            return json.load(fh)
    except Exception:  # expect: swallowed-exception
        pass
    return None


def cache_clear(key):
    try:
        os.remove(_cache_path(key))
    except FileNotFoundError:  # safe: specific exception, nothing to clear
        pass
