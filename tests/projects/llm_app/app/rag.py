"""Support copilot: retrieval-augmented answers over the help-center, plus a text-to-SQL report."""
import json
import logging
import os
import sqlite3

import requests
from flask import Flask, jsonify, render_template, request
from langchain_community.vectorstores import FAISS
from langchain_openai import OpenAIEmbeddings
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
log = logging.getLogger(__name__)
client = OpenAI()
DB_PATH = os.environ.get("COPILOT_DB", "copilot.db")
INDEX_DIR = os.environ.get("INDEX_DIR", "index")
STATUS_URL = "https://status.example.com/api/v2/summary.json"
SYSTEM_PROMPT = (
    "You are the ACME support copilot. Answer only from the provided context. "
    "If the answer is not in the context, say you do not know."
)

store = FAISS.load_local(INDEX_DIR, OpenAIEmbeddings())  # safe: deserialization guard left on


def complete(messages, model="gpt-4o-mini"):
    response = client.chat.completions.create(model=model, messages=messages, temperature=0)
    return response.choices[0].message.content


@app.post("/api/answer")
def answer():
    body = request.get_json(force=True)
    question = body["question"]
    tone = body.get("tone", "friendly")
    docs = store.similarity_search(question, k=4)
    context = "\n\n".join(d.page_content for d in docs)
    messages = [
        {"role": "system", "content": f"{SYSTEM_PROMPT} Use a {tone} tone."},  # expect: prompt-injection
        {"role": "user", "content": f"<context>\n{context}\n</context>\n\nQuestion: {question}"},  # safe: user text in the user role
    ]
    text = complete(messages)
    log.info("answered %d chars", len(text))
    return render_template("answer.html", answer=text)  # safe: autoescaped template


@app.post("/api/answer/rich")
def rich_answer():
    question = request.get_json(force=True)["question"]
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},  # safe: constant system prompt
        {"role": "user", "content": question},
    ]
    text = complete(messages)
    return Markup(f"<div class='answer'>{text}</div>")  # expect: llm-html


@app.post("/api/reports")
def report():
    question = request.get_json(force=True)["question"]
    schema = open("schema.sql").read()
    sql = complete([
        {"role": "system", "content": "Translate the question into one SQLite SELECT statement. Schema:\n" + schema},
        {"role": "user", "content": question},
    ]).strip().strip("`")
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(sql).fetchall()  # expect: llm-sql
    conn.execute("INSERT INTO report_log (question, generated_sql) VALUES (?, ?)", (question, sql))  # safe: model output bound as a parameter
    conn.commit()
    return jsonify(rows=rows)


@app.post("/api/classify")
def classify():
    ticket = request.get_json(force=True)["ticket"]
    raw = complete([
        {"role": "system", "content": 'Reply with JSON: {"queue": "billing"|"tech"|"other", "priority": 1-3}'},
        {"role": "user", "content": ticket},
    ])
    verdict = json.loads(raw)  # safe: parsing model output as data
    queue = {"billing": "billing-queue", "tech": "tech-queue"}.get(verdict.get("queue"), "triage")
    return jsonify(queue=queue, priority=int(verdict.get("priority", 3)))


@app.get("/api/status")
def status():
    page = requests.get(STATUS_URL, timeout=5)
    summary = page.json()
    banner = page.text[:200]
    return jsonify(ok=summary["status"]["indicator"] == "none", banner=banner)  # safe: response.text of requests, not model output
