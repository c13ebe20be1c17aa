"""Link previews, RSS import and the partner print-shop API."""
import os
import socket
import ssl
import urllib.request
from urllib.parse import urlparse

import httpx
import requests
import urllib3

PARTNER_BASE = "https://api.partner.com/v1"
PARTNER_KEY = os.environ["PARTNER_API_KEY"]  # safe: API key from the environment
ALLOWED_PREVIEW_HOSTS = {"images.unsplash.com", "i.imgur.com"}

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # expect: tls-disabled


def fetch_url(url, timeout=5):
    return requests.get(url, timeout=timeout, allow_redirects=True)  # expect: ssrf


def fetch_allowed_image(url):
    if urlparse(url).hostname not in ALLOWED_PREVIEW_HOSTS:
        raise ValueError("host not allowed")
    return requests.get(url, timeout=5, allow_redirects=False)  # safe: host allowlist checked above, no redirects


def get_item(item_id):
    resp = requests.get(f"https://api.partner.com/v1/items/{item_id}", timeout=5)  # safe: fixed partner host
    resp.raise_for_status()
    return resp.json()


def submit_print_order(order):
    resp = requests.post(
        f"{PARTNER_BASE}/orders",
        json=order,
        headers={"Authorization": f"Bearer {PARTNER_KEY}"},
        verify=False,  # expect: tls-disabled
        timeout=10,
    )
    return resp.json()


def partner_client():
    return httpx.Client(base_url=PARTNER_BASE, verify="/etc/ssl/certs/partner-ca.pem", timeout=10)  # safe: custom CA bundle


def legacy_partner_socket():
    raw = socket.create_connection(("api.partner.com", 443))
    return ssl.wrap_socket(raw, ssl_version=ssl.PROTOCOL_TLSv1)  # expect: obsolete-tls


def secure_partner_socket():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # safe: modern TLS floor
    return ctx.wrap_socket(socket.create_connection(("api.partner.com", 443)), server_hostname="api.partner.com")


def fetch_feed(feed_url):
    with urllib.request.urlopen(feed_url, timeout=5) as r:  # expect: ssrf
        return r.read()


def notify_partner(event):
    try:
        requests.post(f"{PARTNER_BASE}/events", json=event, timeout=3)  # safe: fixed partner host
    except Exception as exc:  # expect: swallowed-exception
        print("partner notify failed", exc)
