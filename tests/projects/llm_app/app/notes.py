"""Meeting-notes helper: summarise a transcript with Claude and file the result."""
import ast
import os
from pathlib import Path

import anthropic
import requests

claude = anthropic.Anthropic()
NOTES_DIR = Path(os.environ.get("NOTES_DIR", "/srv/notes")).resolve()


def ask_claude(prompt, max_tokens=1024):
    message = claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=max_tokens,
        messages=[{"role": "user", "content": prompt}],
    )
    return message.content[0].text


def file_summary(transcript):
    title = ask_claude(f"Give a short file name (no extension) for these notes:\n{transcript}").strip()
    body = ask_claude(f"Summarise:\n{transcript}")
    with open(os.path.join(NOTES_DIR, title + ".md"), "w") as fh:  # expect: llm-path
        fh.write(body)
    return title


def file_summary_safely(transcript):
    title = ask_claude(f"Give a short file name for these notes:\n{transcript}").strip()
    target = (NOTES_DIR / f"{title}.md").resolve()
    if not target.is_relative_to(NOTES_DIR):
        raise ValueError("model chose a path outside the notes folder")
    target.write_text(ask_claude(f"Summarise:\n{transcript}"))  # safe: contained path
    return target


def action_items(transcript):
    raw = ask_claude(f"Return a Python list literal of action items:\n{transcript}")
    return ast.literal_eval(raw)  # safe: literal_eval, not eval


def due_dates(transcript):
    expr = ask_claude(f"Write a Python expression computing the due dates for:\n{transcript}")
    return eval(expr)  # expect: llm-exec


def enrich(transcript):
    link = ask_claude(f"Give the URL of the most relevant wiki page for:\n{transcript}").strip()
    page = requests.get(link, timeout=10)  # expect: llm-url
    topic = ask_claude(f"One search term for:\n{transcript}")
    hits = requests.get("https://wiki.example.com/api/search", params={"q": topic}, timeout=10)  # safe: fixed host
    return page.text[:500], hits.json()
