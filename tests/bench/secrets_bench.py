#!/usr/bin/env python3
"""Secret-detection benchmark for assay: precision, recall and throughput.

Generates a labelled set into a temporary directory -- planted secrets of every supported kind
in code (Python, Rust) and config files (.env, YAML, JSON, TOML, INI, .properties, shell,
Dockerfile, notebooks, PEM), plus negatives that must stay silent (git SHAs and hex digests,
`sha256:` digests, UUIDs, environment lookups and template references, documentation example
keys, sequential and repeated characters, low-entropy base64, random values under names that are
not secrets) and placeholders (which may only get the low-severity placeholder finding) -- runs
`assay check` on it and prints precision, recall and MB/s. Then times `assay check` on a large
mixed tree (Django's sdist by default, if present) and prints seconds per MB.

    python3 tests/bench/secrets_bench.py                       # build, generate, measure
    python3 tests/bench/secrets_bench.py --seed 7 --copies 5   # another set, 5 files per kind
    python3 tests/bench/secrets_bench.py --tree ~/src/project  # time another large tree
    python3 tests/bench/secrets_bench.py --keep                # keep the labelled set

The fake keys are generated from format knowledge written here independently of assay's
format table (prefixes, alphabets, lengths, GitHub's CRC32 checksum), at run time: nothing
key-shaped is committed. Stdlib only (Python 3.9+).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_TREE = Path("/tmp/assay-bench-work/src/Django-5.1.4")

# Rules whose findings mean "a secret is here" (placeholders are reported separately).
SECRET_RULES = {
    "any-provider-secret",
    "any-private-key",
    "any-credential-in-url",
    "any-generic-secret",
    "any-hardcoded-signing-key",
    "py-hardcoded-crypto-key",
    "rs-hardcoded-crypto-key",
    "py-hardcoded-credential-check",
    "rs-hardcoded-credential-check",
}
PLACEHOLDER_RULE = "any-placeholder-credential"

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
B32 = string.ascii_uppercase + "234567"


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.made: list[str] = []  # every random run of 12+ characters: none may ever be printed

    def s(self, alphabet: str, n: int) -> str:
        v = "".join(self.r.choice(alphabet) for _ in range(n))
        if n >= 12 and alphabet != string.digits:
            self.made.append(v)
        return v

    def alnum(self, n):
        return self.s(ALNUM, n)

    def hex(self, n):
        return self.s(HEX, n)

    def digits(self, n):
        return self.s(string.digits, n)

    def b62_crc(self, body: str) -> str:
        n = zlib.crc32(body.encode())
        a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        out = ""
        for _ in range(6):
            out = a[n % 62] + out
            n //= 62
        return out

    def gh(self, prefix: str) -> str:
        body = self.alnum(30)
        return prefix + body + self.b62_crc(body)

    def jwt(self) -> str:
        enc = lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")
        header = enc(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        payload = enc(json.dumps({"sub": self.alnum(10), "iat": 1700000000 + self.r.randrange(10**6)}).encode())
        return f"{header}.{payload}.{self.s(B64URL, 43)}"

    def pem(self, kind: str) -> str:
        label = f"{kind} PRIVATE KEY" if kind else "PRIVATE KEY"
        block = " BLOCK" if kind == "PGP" else ""
        body = "\n".join(self.s(B64, 64) for _ in range(self.r.randrange(10, 26)))
        return f"-----BEGIN {label}{block}-----\n{body}\n-----END {label}{block}-----"


# Provider keys: name -> (generator, environment variable name a developer would use).
def provider_keys(g: Gen) -> dict[str, tuple[str, str]]:
    return {
        "openai-project": ("sk-proj-" + g.s(B64URL, 74) + "T3BlbkFJ" + g.s(B64URL, 74), "OPENAI_API_KEY"),
        "openai-legacy": ("sk-" + g.alnum(20) + "T3BlbkFJ" + g.alnum(20), "OPENAI_API_KEY"),
        "anthropic": ("sk-ant-api03-" + g.s(B64URL, 93) + "AA", "ANTHROPIC_API_KEY"),
        "anthropic-admin": ("sk-ant-admin01-" + g.s(B64URL, 93) + "AA", "ANTHROPIC_ADMIN_KEY"),
        "huggingface": ("hf_" + g.s(string.ascii_letters, 34), "HF_TOKEN"),
        "google-ai": ("AIza" + g.s(B64URL, 35), "GEMINI_API_KEY"),
        "cohere": (g.alnum(40), "COHERE_API_KEY"),
        "mistral": (g.alnum(32), "MISTRAL_API_KEY"),
        "groq": ("gsk_" + g.alnum(52), "GROQ_API_KEY"),
        "replicate": ("r8_" + g.alnum(37), "REPLICATE_API_TOKEN"),
        "perplexity": ("pplx-" + g.alnum(48), "PPLX_API_KEY"),
        "xai": ("xai-" + g.alnum(80), "XAI_API_KEY"),
        "together": (g.hex(64), "TOGETHER_API_KEY"),
        "fireworks": ("fw_" + g.alnum(24), "FIREWORKS_API_KEY"),
        "openrouter": ("sk-or-v1-" + g.hex(64), "OPENROUTER_API_KEY"),
        "langsmith": ("lsv2_pt_" + g.hex(32) + "_" + g.hex(10), "LANGSMITH_API_KEY"),
        "aws-bedrock": ("ABSK" + g.s(B64, 132), "AWS_BEARER_TOKEN_BEDROCK"),
        "gcp-oauth": ("ya29." + g.s(B64URL, 150), "GOOGLE_ACCESS_TOKEN"),
        "azure-ad": (g.alnum(3) + g.digits(1) + "Q~" + g.s(ALNUM + "_~.", 34), "AZURE_CLIENT_SECRET"),
        "digitalocean": ("dop_v1_" + g.hex(64), "DIGITALOCEAN_TOKEN"),
        "heroku": ("HRKU-AA" + g.s(B64URL, 58), "HEROKU_API_KEY"),
        "github-classic": (g.gh("ghp_"), "GITHUB_TOKEN"),
        "github-oauth": (g.gh("gho_"), "GH_OAUTH_TOKEN"),
        "github-app": (g.gh("ghs_"), "GH_APP_TOKEN"),
        "github-fine-grained": ("github_pat_" + g.alnum(22) + "_" + g.alnum(59), "GITHUB_PAT"),
        "gitlab": ("glpat-" + g.s(B64URL, 20), "GITLAB_TOKEN"),
        "slack-bot": (f"xoxb-{g.digits(12)}-{g.digits(13)}-{g.alnum(24)}", "SLACK_BOT_TOKEN"),
        "slack-user": (f"xoxp-{g.digits(12)}-{g.digits(12)}-{g.digits(13)}-{g.hex(32)}", "SLACK_USER_TOKEN"),
        "slack-webhook": (f"https://hooks.slack.com/services/T{g.s(string.ascii_uppercase + string.digits, 10)}/B{g.s(string.ascii_uppercase + string.digits, 10)}/{g.alnum(24)}", "SLACK_WEBHOOK_URL"),
        "discord-webhook": (f"https://discord.com/api/webhooks/{g.digits(18)}/{g.s(B64URL, 68)}", "DISCORD_WEBHOOK"),
        "discord-bot": ("M" + g.alnum(25) + "." + g.s(B64URL, 6) + "." + g.s(B64URL, 38), "DISCORD_BOT_TOKEN"),
        "telegram": (g.digits(10) + ":AA" + g.s(B64URL, 33), "TELEGRAM_BOT_TOKEN"),
        "stripe-live": ("sk_live_" + g.alnum(99), "STRIPE_SECRET_KEY"),
        "stripe-restricted": ("rk_live_" + g.alnum(99), "STRIPE_RESTRICTED_KEY"),
        "stripe-webhook": ("whsec_" + g.alnum(32), "STRIPE_WEBHOOK_SECRET"),
        "shopify": ("shpat_" + g.hex(32), "SHOPIFY_ACCESS_TOKEN"),
        "square": ("sq0atp-" + g.s(B64URL, 22), "SQUARE_ACCESS_TOKEN"),
        "twilio": ("SK" + g.hex(32), "TWILIO_API_KEY"),
        "sendgrid": ("SG." + g.s(B64URL, 22) + "." + g.s(B64URL, 43), "SENDGRID_API_KEY"),
        "mailchimp": (g.hex(32) + "-us" + str(g.r.randrange(1, 21)), "MAILCHIMP_API_KEY"),
        "npm": (g.gh("npm_"), "NPM_TOKEN"),
        "pypi": ("pypi-AgEIcHlwaS5vcmc" + g.s(B64URL, 120), "PYPI_TOKEN"),
        "databricks": ("dapi" + g.hex(32), "DATABRICKS_TOKEN"),
        "vault": ("hvs." + g.s(B64URL, 95), "VAULT_TOKEN"),
        "doppler": ("dp.pt." + g.alnum(43), "DOPPLER_TOKEN"),
        "newrelic": ("NRAK-" + g.s(string.ascii_uppercase + string.digits, 27), "NEW_RELIC_API_KEY"),
        "sentry": ("sntrys_" + g.s(B64URL, 90), "SENTRY_AUTH_TOKEN"),
        "linear": ("lin_api_" + g.alnum(40), "LINEAR_API_KEY"),
        "postman": ("PMAK-" + g.hex(24) + "-" + g.hex(34), "POSTMAN_API_KEY"),
        "grafana": ("glsa_" + g.alnum(32) + "_" + g.hex(8), "GRAFANA_TOKEN"),
        "age": ("AGE-SECRET-KEY-1" + g.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), "AGE_KEY"),
        "jwt": (g.jwt(), "SESSION_JWT"),
    }


@dataclass
class Labels:
    # (relative path, 1-based line) -> what is planted there
    positives: dict = field(default_factory=dict)
    negatives: dict = field(default_factory=dict)
    placeholders: dict = field(default_factory=dict)
    bytes: int = 0
    # Planted secret values, to check that no output ever contains one.
    values: list = field(default_factory=list)


class Writer:
    def __init__(self, root: Path, labels: Labels):
        self.root = root
        self.labels = labels

    def file(self, rel: str, lines: list[tuple[str, str | None, str]]):
        """lines: (text, label kind 'pos'/'neg'/'ph'/None, description). A text may span lines;
        the label applies to its first line."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        out = []
        n = 1
        for text, kind, what in lines:
            if kind == "pos":
                self.labels.positives[(rel, n)] = what
            elif kind == "neg":
                self.labels.negatives[(rel, n)] = what
            elif kind == "ph":
                self.labels.placeholders[(rel, n)] = what
            out.append(text)
            n += text.count("\n") + 1
        data = "\n".join(out) + "\n"
        path.write_text(data)
        self.labels.bytes += len(data.encode())


def generate(root: Path, seed: int, copies: int) -> Labels:
    g = Gen(seed)
    labels = Labels()
    w = Writer(root, labels)
    containers = ["env", "yaml", "json", "toml", "ini", "properties", "sh", "docker", "py", "py-kwarg", "py-dict", "rs", "notebook"]
    for copy in range(copies):
        keys = provider_keys(g)
        for i, (name, (key, var)) in enumerate(keys.items()):
            # Every format in code and in config: two containers per copy, rotating.
            for j in (0, 1):
                c = containers[(i * 2 + j + copy * 3) % len(containers)]
                if j == 1 and c in ("env", "yaml", "json", "toml", "ini", "properties", "sh", "docker"):
                    c = ["py", "rs", "py-kwarg", "py-dict"][(i + copy) % 4]
                if j == 0 and c in ("py", "rs", "py-kwarg", "py-dict", "notebook"):
                    c = ["env", "yaml", "json", "toml", "sh", "docker", "ini", "properties"][(i + copy) % 8]
                key = provider_keys(g)[name][0]
                what = f"{name} ({c})"
                lname = var.lower()
                if c == "env":
                    w.file(f"c{copy}/{name}/.env", [("# service", None, ""), (f"{var}={key}", "pos", what)])
                elif c == "yaml":
                    w.file(f"c{copy}/{name}/config.yaml", [("service:", None, ""), (f"  {lname}: {key}", "pos", what)])
                elif c == "json":
                    w.file(f"c{copy}/{name}/settings.json", [("{", None, ""), (f'  "{lname}": "{key}"', "pos", what), ("}", None, "")])
                elif c == "toml":
                    w.file(f"c{copy}/{name}/app.toml", [("[service]", None, ""), (f'{lname} = "{key}"', "pos", what)])
                elif c == "ini":
                    w.file(f"c{copy}/{name}/app.ini", [("[service]", None, ""), (f"{lname} = {key}", "pos", what)])
                elif c == "properties":
                    w.file(f"c{copy}/{name}/app.properties", [(f"service.{lname.replace('_', '.')}={key}", "pos", what)])
                elif c == "sh":
                    w.file(f"c{copy}/{name}/deploy.sh", [("#!/bin/sh", None, ""), (f'export {var}="{key}"', "pos", what), ("./run", None, "")])
                elif c == "docker":
                    w.file(f"c{copy}/{name}/Dockerfile", [("FROM python:3.12-slim", None, ""), (f"ENV {var}={key}", "pos", what)])
                elif c == "py":
                    w.file(f"c{copy}/{name}/client.py", [("import os", None, ""), ("", None, ""), (f'{var} = "{key}"', "pos", what)])
                elif c == "py-kwarg":
                    w.file(f"c{copy}/{name}/client_kw.py", [("import sdk", None, ""), (f'client = sdk.Client({lname}="{key}", timeout=30)', "pos", what)])
                elif c == "py-dict":
                    w.file(f"c{copy}/{name}/client_dict.py", [("CONFIG = {", None, ""), (f'    "{lname}": "{key}",', "pos", what), ("}", None, "")])
                elif c == "rs":
                    w.file(f"c{copy}/{name}/config.rs", [(f'const {var}: &str = "{key}";', "pos", what), ("fn main() {}", None, "")])
                elif c == "notebook":
                    src = json.dumps(f'{lname} = "{key}"\n')
                    nb = ['{', ' "cells": [', '  {', '   "cell_type": "code",', '   "metadata": {},', '   "outputs": [],', '   "source": [', f"    {src}", '   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}']
                    lines = [(l, None, "") for l in nb]
                    lines[7] = (nb[7], "pos", what)
                    w.file(f"c{copy}/{name}/explore.ipynb", lines)

        # Private keys: files, Python strings, YAML block scalars, a GCP service-account file.
        for kind in ["RSA", "EC", "OPENSSH", "PGP", ""]:
            key = g.pem(kind)
            tag = kind or "PKCS8"
            w.file(f"c{copy}/keys/{tag.lower()}.pem", [(key, "pos", f"private key {tag} (pem)")])
            w.file(f"c{copy}/keys/{tag.lower()}_embedded.py", [("KEY = (", None, ""), ('    """' + key + '"""', "pos", f"private key {tag} (py)"), (")", None, "")])
        body = "\\n".join(g.s(B64, 64) for _ in range(20))
        w.file(f"c{copy}/gcp/service-account.json", [("{", None, ""), ('  "type": "service_account",', None, ""), ('  "project_id": "demo-project",', None, ""),
            (f'  "private_key": "-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n",', "pos", "gcp service account"), ('  "client_email": "svc@demo-project.iam.gserviceaccount.com"', None, ""), ("}", None, "")])
        # AWS key pairs.
        kid, ksec = "AKIA" + g.s(B32, 16), g.s(B64, 40)
        w.file(f"c{copy}/aws/credentials", [("[default]", None, ""), (f"aws_access_key_id = {kid}", "pos", "aws key id"), (f"aws_secret_access_key = {ksec}", "pos", "aws secret")])
        kid, ksec = "AKIA" + g.s(B32, 16), g.s(B64, 40)
        w.file(f"c{copy}/aws/storage.py", [("import boto3", None, ""), (f's3 = boto3.client("s3", aws_access_key_id="{kid}",', "pos", "aws key id (py)"), (f'                  aws_secret_access_key="{ksec}")', "pos", "aws secret (py)")])
        # Database and broker URLs.
        for scheme in ["postgresql", "mysql", "mongodb+srv", "redis", "amqp"]:
            pw = g.alnum(18)
            w.file(f"c{copy}/urls/{scheme.replace('+', '_')}.py", [(f'DATABASE_URL = "{scheme}://app:{pw}@db.internal:5432/app"', "pos", f"url {scheme}")])
        w.file(f"c{copy}/urls/docker-compose.yml", [("services:", None, ""), ("  worker:", None, ""), ("    environment:", None, ""), (f"      CELERY_BROKER_URL: amqp://celery:{g.alnum(16)}@rabbit:5672//", "pos", "url amqp (yaml)")])
        # Generic secrets and signing keys.
        w.file(f"c{copy}/app/settings.py", [
            ("import os", None, ""),
            (f'SECRET_KEY = "django-insecure-{g.s(string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)", 50)}"', "pos", "django secret key"),
            (f'DB_PASSWORD = "{g.alnum(10)}!{g.alnum(5)}"', "pos", "password"),
            (f'EMAIL_HOST_PASSWORD = "{g.alnum(16)}"', "pos", "password 2"),
            (f'JWT_SECRET = "{g.alnum(32)}"', "pos", "jwt secret"),
        ])
        w.file(f"c{copy}/app/flask_app.py", [
            ("from flask import Flask", None, ""),
            ("app = Flask(__name__)", None, ""),
            (f'app.secret_key = "{g.alnum(24)}"', "pos", "flask secret key"),
            (f'app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://app:{g.alnum(14)}@db/app"', "pos", "url in flask config"),
        ])
        w.file(f"c{copy}/app/crypto.py", [
            ("import hmac, hashlib, jwt", None, ""),
            ("from Crypto.Cipher import AES", None, ""),
            ("def enc(data):", None, ""),
            (f'    return AES.new(b"{g.alnum(16)}", AES.MODE_GCM).encrypt_and_digest(data)', "pos", "aes literal key"),
            ("def sign(body):", None, ""),
            (f'    return hmac.new(b"{g.alnum(12)}", body, hashlib.sha256).hexdigest()', "pos", "hmac literal key"),
            ("def token(claims):", None, ""),
            (f'    return jwt.encode(claims, "{g.alnum(20)}", algorithm="HS256")', "pos", "jwt literal key"),
            ("def login(user, password):", None, ""),
            (f'    return user == "admin" and password == "{g.alnum(8)}-{g.digits(3)}"', "pos", "credential check"),
        ])
        w.file(f"c{copy}/src/auth.rs", [
            ("use jsonwebtoken::EncodingKey;", None, ""),
            (f'fn key() -> EncodingKey {{ EncodingKey::from_secret(b"{g.alnum(24)}") }}', "pos", "rust jwt key"),
            (f'const DB_PASSWORD: &str = "{g.alnum(14)}";', "pos", "rust password"),
            (f'fn check(token: &str) -> bool {{ token == "{g.alnum(12)}-{g.digits(4)}" }}', "pos", "rust credential check"),
        ])
        w.file(f"c{copy}/config/database.yml", [("production:", None, ""), ("  adapter: postgresql", None, ""), ("  username: app", None, ""), (f"  password: {g.alnum(12)}{g.digits(3)}", "pos", "yaml password")])
        w.file(f"c{copy}/config/.env.production", [(f"API_TOKEN={g.alnum(32)}", "pos", "env token"), (f"CLIENT_SECRET={g.alnum(40)}", "pos", "env client secret"), ("DEBUG=false", None, "")])
        w.file(f"c{copy}/config/app.json", [("{", None, ""), (f'  "auth": {{"apiKey": "{g.alnum(28)}"}},', "pos", "json apiKey"), ('  "region": "eu-west-1"', None, ""), ("}", None, "")])

        # More places assistants put credentials.
        w.file(f"c{copy}/more/http_client.py", [
            ("import requests", None, ""),
            (f'r = requests.get(url, auth=("admin", "{g.alnum(14)}"))', "pos", "requests auth tuple"),
            (f'headers = {{"Authorization": f"Bearer {g.alnum(40)}", "Accept": "application/json"}}', "pos", "bearer header f-string"),
            (f'conn = psycopg2.connect(host="db", user="app", password="{g.alnum(16)}")', "pos", "psycopg2 password"),
        ])
        w.file(f"c{copy}/more/secret.yaml", [("apiVersion: v1", None, ""), ("kind: Secret", None, ""), ("data:", None, ""),
            (f"  db-password: {base64.b64encode(g.alnum(18).encode()).decode()}", "pos", "k8s secret data"), ("stringData:", None, ""), (f"  api-token: {g.alnum(32)}", "pos", "k8s stringData")])
        w.file(f"c{copy}/more/.npmrc", [(f"//npm.internal.example.com/:_authToken={g.alnum(36)}", "pos", "npmrc auth token")])
        w.file(f"c{copy}/more/main.tf", [('resource "aws_db_instance" "db" {', None, ""), ('  username = "admin"', None, ""), (f'  password = "{g.alnum(20)}"', "pos", "terraform password"), ("}", None, "")])
        w.file(f"c{copy}/more/firebase.js", [(f'export const config = {{ apiKey: "{g.alnum(32)}", projectId: "demo" }};', "pos", "js apiKey")])
        w.file(f"c{copy}/more/call.sh", [(f"curl -u deploy:{g.alnum(16)} https://api.example.com/v1", "pos", "curl -u"), (f'curl -H "Authorization: Bearer {g.alnum(40)}" https://api.example.com', "pos", "curl bearer")])
        w.file(f"c{copy}/more/web.config", [("<appSettings>", None, ""), (f'  <add key="ApiKey" value="{g.alnum(28)}" />', "pos", "dotnet appSettings"), ("</appSettings>", None, "")])
        w.file(f"c{copy}/more/deploy.yaml", [("env:", None, ""), ("  - name: DB_PASSWORD", None, ""), (f'    value: "{g.alnum(16)}"', "pos", "k8s env value"), ("  - name: LOG_LEVEL", None, ""), ("    value: debug", None, "")])
        w.file(f"c{copy}/more/compose.yml", [("services:", None, ""), ("  db:", None, ""), ("    environment:", None, ""), (f"      - POSTGRES_PASSWORD={g.alnum(14)}", "pos", "compose list env")])
        w.file(f"c{copy}/more/client.rs", [(f'fn call(c: &reqwest::Client) {{ c.get("https://api").bearer_auth("{g.alnum(40)}"); }}', "pos", "reqwest bearer_auth")])

        # ---- negatives ----
        sha1, sha256 = g.hex(40), g.hex(64)
        uuid = f"{g.hex(8)}-{g.hex(4)}-4{g.hex(3)}-a{g.hex(3)}-{g.hex(12)}"
        w.file(f"c{copy}/neg/hashes.py", [
            (f'COMMIT_SHA = "{sha1}"', "neg", "git sha"),
            (f'ARTIFACT_SHA256 = "{sha256}"', "neg", "sha256"),
            (f'password_hash = "{g.hex(64)}"', "neg", "password hash hex"),
            (f'cache_key = "{g.hex(32)}"', "neg", "md5 cache key"),
            (f'etag = "{g.hex(32)}"', "neg", "etag"),
            (f'PASSWORD_BCRYPT = "$2b$12${g.s(B64.replace("+", "."), 53)}"', "neg", "bcrypt hash"),
        ])
        w.file(f"c{copy}/neg/.pre-commit-config.yaml", [("repos:", None, ""), ("  - repo: https://github.com/psf/black", None, ""), (f"    rev: {g.hex(40)}", "neg", "pre-commit rev")])
        w.file(f"c{copy}/neg/docker-compose.yml", [("services:", None, ""), ("  web:", None, ""), (f"    image: ghcr.io/acme/web@sha256:{g.hex(64)}", "neg", "image digest"),
            ("    environment:", None, ""), ("      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}", "neg", "compose env ref"), ("      API_KEY: ${API_KEY:?missing}", "neg", "compose env ref 2")])
        w.file(f"c{copy}/neg/ids.py", [
            (f'API_KEY_ID = "{uuid}"', "neg", "uuid key id"),
            (f'api_key = "{g.hex(8)}-{g.hex(4)}-4{g.hex(3)}-b{g.hex(3)}-{g.hex(12)}"', "neg", "uuid api key"),
            (f'request_id = "{g.alnum(32)}"', "neg", "random request id"),
            (f'TRACE_HEADER = "{g.alnum(24)}"', "neg", "random header value"),
            (f'nonce_seed = "{g.alnum(20)}"', "neg", "random non-secret"),
        ])
        w.file(f"c{copy}/neg/env_lookups.py", [
            ("import os", None, ""),
            ('OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]', "neg", "os.environ"),
            ('DB_PASSWORD = os.getenv("DB_PASSWORD")', "neg", "os.getenv"),
            ('TOKEN = os.environ.get("TOKEN", "")', "neg", "environ.get empty default"),
            ('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', "neg", "django env"),
            ('client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])', "neg", "kwarg env"),
            ('DSN = f"postgresql://{user}:{password}@{host}/db"', "neg", "f-string url"),
            ('DSN2 = "postgresql://%(user)s:%(password)s@db/app" % cfg', "neg", "percent url"),
        ])
        w.file(f"c{copy}/neg/env_lookups.rs", [('fn main() { let api_key = std::env::var("API_KEY").expect("API_KEY"); let _ = api_key; }', "neg", "rust env::var")])
        w.file(f"c{copy}/neg/.env.example", [("OPENAI_API_KEY=", "neg", "empty"), ("DB_PASSWORD=${DB_PASSWORD}", "neg", "template"), ("SECRET_TOKEN=$SECRET_TOKEN", "neg", "shell ref")])
        w.file(f"c{copy}/neg/ci.yml", [("env:", None, ""), ("  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}", "neg", "gha secret"), ("  PASSWORD: '{{ vault_password }}'", "neg", "jinja")])
        w.file(f"c{copy}/neg/docs_examples.env", [
            ("AWS_ACCESS_KEY_ID=AKIA" + "IOSFODNN7EXAMPLE", "neg", "aws doc id"),
            ("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY", "neg", "aws doc secret"),
        ])
        w.file(f"c{copy}/neg/sequential.py", [
            ('api_key = "abcdefghijklmnopqrstuvwxyz123456"', "neg", "sequential"),
            ('secret_token = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"', "neg", "repeated"),
            ('GITHUB_TOKEN = "ghp_' + "0" * 36 + '"', "neg", "zeros token"),
            ('password = "abcabcabcabcabcabc"', "neg", "repeated pattern"),
        ])
        w.file(f"c{copy}/neg/base64.py", [
            (f'secret_token = "{base64.b64encode(bytes(24)).decode()}"', "neg", "zero bytes base64"),
            (f'api_secret = "{base64.b64encode(b"a" * 24).decode()}"', "neg", "aaaa base64"),
        ])
        w.file(f"c{copy}/neg/names.py", [
            ('TOKEN_TYPE = "Bearer"', "neg", "token type"),
            ('PASSWORD_FIELD = "password"', "neg", "field name"),
            ('SESSION_COOKIE_NAME = "sessionid"', "neg", "cookie name"),
            ("max_tokens = 4096", "neg", "max tokens"),
            ('secret_name = "prod/db/password"', "neg", "secret name"),
            ('token = get_token()', "neg", "call"),
            ('password = input("Password: ")', "neg", "input"),
            ('<add key="ApiKey" value="" />', "neg", "empty dotnet value"),
        ])
        w.file(f"c{copy}/neg/README.md", [("# Setup", None, ""), ("", None, ""), ("Set `OPENAI_API_KEY=sk-...` and `DATABASE_URL=postgres://user:password@localhost/db`.", "neg", "readme placeholders")])
        w.file(f"c{copy}/neg/pem_header.py", [('if data.startswith(b"-----BEGIN RSA PRIVATE KEY-----"):', "neg", "pem header check"), ("    kind = 'rsa'", None, "")])

        # ---- placeholders: only the low-severity placeholder finding is allowed ----
        w.file(f"c{copy}/ph/llm.py", [
            ('client = OpenAI(api_key="your-api-key-here")', "ph", "your-api-key-here"),
            ('anthropic_client = Anthropic(api_key="sk-ant-api03-REPLACE_ME")', "ph", "REPLACE_ME"),
            ('HF_TOKEN = "<token>"', "ph", "<token>"),
            ('STRIPE_KEY = "sk_live_xxxxxxxxxxxxxxxxxxxx"', "ph", "xxx"),
            ('openai.api_key = "sk-..."', "ph", "sk-..."),
            ('DB_PASSWORD = "password123"', "ph", "password123"),
        ])
        w.file(f"c{copy}/ph/config.yaml", [("db:", None, ""), ("  password: changeme", "ph", "changeme"), ("  api_token: TODO", "ph", "TODO")])
        w.file(f"c{copy}/ph/.env", [("GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ph", "ghp_xxx"), ("DATABASE_URL=postgres://postgres:postgres@localhost:5432/app", "ph", "default url password")])
    labels.values = g.made
    return labels


def run(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return proc, time.perf_counter() - start


def evaluate(labels: Labels, doc: dict):
    secret_lines, placeholder_lines = {}, {}
    for f in doc["findings"]:
        key = (f["path"], f["start"]["line"])
        if f["rule_id"] in SECRET_RULES:
            secret_lines.setdefault(key, []).append(f["rule_id"])
        elif f["rule_id"] == PLACEHOLDER_RULE:
            placeholder_lines.setdefault(key, []).append(f["rule_id"])
    # A finding may point at the line after a multi-line label (PEM bodies, split calls).
    def hit(table, key, span=0):
        path, line = key
        return any((path, line + d) in table for d in range(0, span + 1))
    found, missed = 0, []
    for key, what in labels.positives.items():
        span = 30 if "private key" in what or "gcp" in what else 0
        if hit(secret_lines, key, span):
            found += 1
        else:
            missed.append((key, what))
    # Precision over secret findings: a finding is true if it is on (or within a PEM block of)
    # a planted positive; anything else is a false alarm.
    pos_lines = set()
    for (path, line), what in labels.positives.items():
        span = 30 if "private key" in what or "gcp" in what else 0
        for d in range(span + 1):
            pos_lines.add((path, line + d))
    tp = sum(len(v) for k, v in secret_lines.items() if k in pos_lines)
    fp_items = [(k, v) for k, v in secret_lines.items() if k not in pos_lines]
    fp = sum(len(v) for _, v in fp_items)
    neg_alarms = [(k, labels.negatives[k]) for k in labels.negatives if k in secret_lines]
    ph_alarms = [(k, labels.placeholders[k]) for k in labels.placeholders if k in secret_lines]
    ph_found = sum(1 for k in labels.placeholders if k in placeholder_lines)
    return {
        "positives": len(labels.positives),
        "found": found,
        "recall": found / max(1, len(labels.positives)),
        "true_findings": tp,
        "false_findings": fp,
        "precision": tp / max(1, tp + fp),
        "missed": missed,
        "false_alarms": fp_items,
        "negatives": len(labels.negatives),
        "negative_alarms": neg_alarms,
        "placeholders": len(labels.placeholders),
        "placeholders_flagged_low": ph_found,
        "placeholder_alarms": ph_alarms,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copies", type=int, default=10, help="copies of the labelled set (each with fresh keys)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each command")
    ap.add_argument("--tree", type=Path, default=DEFAULT_TREE, help="large mixed tree to time (default: Django sdist if present)")
    ap.add_argument("--binary", type=Path, help="assay binary (default: build target/release/assay)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the generated set")
    ap.add_argument("--json", type=Path, help="also write every number as JSON")
    args = ap.parse_args()

    binary = args.binary
    if binary is None:
        if not args.no_build:
            subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
        binary = REPO / "target" / "release" / "assay"
    work = Path(tempfile.mkdtemp(prefix="assay-secrets-bench-"))
    exe = work / "assay"
    shutil.copy2(binary, exe)  # a concurrent rebuild cannot swap it mid-run
    root = work / "set"
    root.mkdir()
    labels = generate(root, args.seed, args.copies)
    files = sum(1 for p in root.rglob("*") if p.is_file())

    cmd = [str(exe), "check", "--no-cache", "--exit-zero", "--no-progress", "--format", "json", "."]
    proc, _ = run(cmd, root)  # warm-up (page cache)
    doc = json.loads(proc.stdout)
    times = []
    for _ in range(args.repeat):
        proc, t = run(cmd, root)
        times.append(t)
    result = evaluate(labels, doc)
    outputs = [proc.stdout, proc.stderr]
    for fmt in ("text", "sarif"):
        p, _ = run([str(exe), "check", "--no-cache", "--exit-zero", "--no-progress", "--format", fmt, "."], root)
        outputs += [p.stdout, p.stderr]
    # Leak check: no planted value appears whole in any output.
    leaked_values = [v for v in set(labels.values) if any(v in o for o in outputs)]
    leaked = len(leaked_values)
    median = statistics.median(times)
    mb = labels.bytes / 1e6
    # Startup (compiling the rule queries) dominates a small set: time it on one tiny file.
    tiny = work / "tiny"
    tiny.mkdir()
    (tiny / "one.py").write_text("x = 1\n")
    startup = statistics.median(run([str(exe), "check", "--no-cache", "--exit-zero", "--no-progress", "--format", "json", "."], tiny)[1] for _ in range(args.repeat))

    print(f"assay {subprocess.run([str(exe), '--version'], capture_output=True, text=True).stdout.strip()}  seed {args.seed}  copies {args.copies}")
    print(f"labelled set: {files} files, {labels.bytes / 1024:.0f} KiB, {result['positives']} planted secrets, "
          f"{result['negatives']} negatives, {result['placeholders']} placeholders")
    print(f"  recall     {result['recall']:.3f}  ({result['found']}/{result['positives']} planted secrets found)")
    print(f"  precision  {result['precision']:.3f}  ({result['true_findings']} true / {result['false_findings']} false secret findings)")
    print(f"  negatives  {len(result['negative_alarms'])} alarms on {result['negatives']} hashes/UUIDs/env lookups/examples/dummies")
    print(f"  placeholders  {len(result['placeholder_alarms'])} reported as secrets; {result['placeholders_flagged_low']}/{result['placeholders']} got the low-severity placeholder finding")
    print(f"  leaks      {leaked} planted values appear whole in text/JSON/SARIF output or stderr")
    net = max(median - startup, 1e-3)
    print(f"  speed      {median:.3f} s median over {args.repeat} runs, {startup:.3f} s of it startup (one-file run): "
          f"{mb / net:.2f} MB/s net, {mb / median:.2f} MB/s gross")
    for v in leaked_values[:5]:
        print(f"    leaked: {v[:6]}…({len(v)} chars)")
    for (path, line), what in result["missed"][:20]:
        print(f"    missed: {path}:{line} {what}")
    for (path, line), rules in result["false_alarms"][:20]:
        print(f"    false alarm: {path}:{line} {rules}")

    tree_numbers = None
    if args.tree and args.tree.is_dir():
        tree_numbers = time_tree(exe, args.tree, args.repeat, work)
        t = tree_numbers
        print(f"\nlarge tree {args.tree}: {t['files']} files, {t['mb']:.1f} MB walked ({t['py_mb']:.1f} MB Python)")
        print(f"  assay check (all rules)            {t['full']:.2f} s = {t['full'] / t['mb']:.3f} s/MB ({t['mb'] / t['full']:.1f} MB/s)")
        print(f"  parse-only floor (Python)          {t['parse']:.2f} s")
        print(f"  parse + secret detectors           {t['secrets']:.2f} s over {t['secret_mb']:.1f} MB read")
        extra = max(t['secrets'] - t['parse'], 1e-3)
        print(f"  secret detection alone             {extra:.2f} s = {extra / t['secret_mb']:.4f} s/MB ({t['secret_mb'] / extra:.0f} MB/s), "
              f"{100 * extra / t['parse']:.0f}% of the parse time")
        print(f"  secret findings on the tree: {t['secret_findings']} ({t['by_rule']})")
    else:
        print(f"\n(no large tree at {args.tree}; pass --tree DIR to time one)")

    if args.json:
        args.json.write_text(json.dumps({"set": {k: v for k, v in result.items() if k not in ("missed", "false_alarms", "negative_alarms", "placeholder_alarms")},
            "leaks": leaked, "seconds": times, "mb": mb, "tree": tree_numbers}, indent=2))
    if args.keep:
        print(f"\nkept {root}")
    else:
        shutil.rmtree(work, ignore_errors=True)


def time_tree(exe: Path, tree: Path, repeat: int, work: Path):
    cwd = work / "tree-run"
    cwd.mkdir(exist_ok=True)
    out = cwd / "out.json"
    full_cmd = [str(exe), "check", "--no-cache", "--exit-zero", "--no-progress", "--format", "json", "--output", str(out), str(tree)]
    # debug-parse: walk, read and parse what `check` parses; debug-secrets: the same plus the
    # secret detectors on every file (Python/Rust trees and all other text), nothing else.
    parse_cmd = [str(exe), "debug-parse", str(tree)]
    sec_cmd = [str(exe), "debug-secrets", str(tree)]
    run(full_cmd, cwd)
    full, sec, parse = [], [], []
    sec_bytes = 0
    for _ in range(repeat):  # interleaved rounds: background load spreads evenly
        full.append(run(full_cmd, cwd)[1])
        p, _ = run(sec_cmd, cwd)
        info = json.loads(p.stdout)
        sec.append(info["seconds"])
        sec_bytes = info["bytes"]
        p, _ = run(parse_cmd, cwd)
        parse.append(json.loads(p.stdout)["seconds"])
    size = 0
    files = 0
    py = 0
    for p in tree.rglob("*"):
        if p.is_file() and ".git" not in p.parts:
            files += 1
            n = p.stat().st_size
            size += n
            if p.suffix in (".py", ".rs"):
                py += n
    doc = json.loads(out.read_text())
    by_rule = {}
    for f in doc["findings"]:
        if f["rule_id"] in SECRET_RULES or f["rule_id"] == PLACEHOLDER_RULE:
            by_rule[f["rule_id"]] = by_rule.get(f["rule_id"], 0) + 1
    return {"files": files, "mb": size / 1e6, "py_mb": py / 1e6, "full": statistics.median(full), "secrets": statistics.median(sec),
            "parse": statistics.median(parse), "secret_mb": sec_bytes / 1e6, "secret_findings": sum(by_rule.values()), "by_rule": by_rule}


if __name__ == "__main__":
    sys.exit(main())
