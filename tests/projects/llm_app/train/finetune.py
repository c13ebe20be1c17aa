"""Fine-tune a small classifier on support tickets and export it."""
import argparse
import re
import urllib.request
from pathlib import Path

import joblib
import numpy as np
import torch
from datasets import load_dataset
from huggingface_hub import hf_hub_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

BASE_MODEL = "distilbert/distilbert-base-uncased"
BASE_REVISION = "12040accade4e8a0f71eabdb258fecc2e7e948be"
LABELER_REPO = "acme-ml/ticket-labeler"
TICKET_ID = re.compile(r"TCK-\d{6}")  # safe: re.compile


def load_base(local_dir=None):
    if local_dir:
        return AutoModelForSequenceClassification.from_pretrained(local_dir)  # safe: local checkpoint
    tok = AutoTokenizer.from_pretrained(BASE_MODEL, revision=BASE_REVISION)  # safe: pinned to a commit
    model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, num_labels=4)  # expect: unpinned-model
    return tok, model


def load_experimental():
    repo = "acme-ml/long-context-classifier"
    return AutoModelForSequenceClassification.from_pretrained(  # expect: unpinned-model
        repo,
        revision="main",
        trust_remote_code=True,  # expect: trust-remote-code
    )


def train(output_dir):
    tok, model = load_base()
    data = load_dataset("csv", data_files={"train": "tickets.csv"})
    data = data.map(lambda b: tok(b["text"], truncation=True), batched=True)
    args = TrainingArguments(output_dir=output_dir, num_train_epochs=2, per_device_train_batch_size=16)
    Trainer(model=model, args=args, train_dataset=data["train"]).train()
    model.save_pretrained(Path(output_dir) / "final")
    reloaded = AutoModelForSequenceClassification.from_pretrained("./outputs/final")  # safe: local folder, not the Hub
    reloaded.eval()  # safe: torch eval mode
    return reloaded


def resume(checkpoint_path):
    state = torch.load(checkpoint_path, map_location="cpu")  # expect: torch-load
    weights = torch.load(checkpoint_path + ".weights", map_location="cpu", weights_only=True)  # safe: weights_only
    return state, weights


def load_labeler():
    path = hf_hub_download(LABELER_REPO, "labeler.joblib", revision="4f1d2c3b5a6e7f8091a2b3c4d5e6f708192a3b4c")
    return joblib.load(path)  # expect: pickle-model


def load_embeddings():
    local, _ = urllib.request.urlretrieve("http://models.acme.internal/embeddings.npy")  # expect: model-download
    return np.load(local, allow_pickle=True)  # expect: pickle-model


def load_priors(cache_dir):
    return np.load(Path(cache_dir) / "priors.npy")  # safe: allow_pickle off


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--output-dir", default="outputs")
    train(parser.parse_args().output_dir)
