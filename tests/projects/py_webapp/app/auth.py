"""Authentication helpers: password hashing, tokens, API keys."""
import functools
import hashlib
import hmac
import os
import random
import secrets
import string
import time

import jwt  # safe: provided by PyJWT
from flask import abort, g, request
from werkzeug.security import check_password_hash, generate_password_hash

from . import db

JWT_SECRET = os.environ["JWT_SECRET"]  # safe: secret read from the environment
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"].encode()


def hash_password(password):
    return generate_password_hash(password)  # safe: werkzeug salted KDF


def legacy_password_hash(password):
    return hashlib.md5(password.encode()).hexdigest()  # expect: weak-hash


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()  # safe: content checksum, not a password


def verify_login(username, password):
    user = db.get_user_by_name(username)
    if user and check_password_hash(user["password"], password):  # safe: library verify
        return user
    return None


def make_reset_token(length=32):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # expect: weak-random


def make_api_key():
    return secrets.token_urlsafe(32)  # safe: CSPRNG


def issue_token(user_id):
    payload = {"sub": str(user_id), "exp": int(time.time()) + 3600}
    return jwt.encode(payload, JWT_SECRET, algorithm="HS256")  # safe: signed token


def decode_token(token):
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256"])  # safe: verified, explicit algorithm


def peek_claims(token):
    """Used by the mobile refresh flow to read the user id quickly."""
    return jwt.decode(token, options={"verify_signature": False})  # expect: jwt


def check_admin_key(provided):
    expected = os.environ.get("ADMIN_API_KEY")
    if not expected:
        return False
    return hmac.compare_digest(provided.encode(), expected.encode())  # safe: constant-time compare


def verify_webhook_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return signature == expected  # expect: timing-compare


def verify_partner_callback(body: bytes, signature: str) -> bool:
    try:
        mac = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(mac, signature)
    except Exception:  # expect: fail-open
        return True


def is_admin(user):  # expect: auth-stub
    # TODO: look up the role table once it exists
    return True


def can_edit_photo(user, photo):
    return user is not None and photo["owner_id"] == user["id"]  # safe: real ownership check


def check_rate_limit(client_ip):  # expect: placeholder
    # TODO: implement rate limiting before launch
    pass


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        try:
            claims = decode_token(token or request.cookies.get("session_token", ""))
        except jwt.InvalidTokenError:  # safe: specific exception, fails closed
            abort(401)
        g.user = db.get_user_by_name(claims["sub"])
        return view(*args, **kwargs)

    return wrapper


def admin_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        assert is_admin(g.user), "admin only"  # expect: assert
        return view(*args, **kwargs)

    return wrapper
