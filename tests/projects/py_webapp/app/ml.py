"""Similar-photo search: embeddings in a FAISS index, plus a tag classifier."""
import os
import random

import faiss  # safe: provided by faiss-cpu
import numpy as np
import torch
from langchain_community.embeddings import HuggingFaceEmbeddings
from langchain_community.vectorstores import FAISS
from sentence_transformer import SentenceTransformer  # expect: hallucinated-import

try:
    import ujson as fastjson  # safe: optional speed-up, guarded by ImportError
except ImportError:
    import json as fastjson

INDEX_DIR = os.environ.get("INDEX_DIR", "/srv/snapshare/index")


class TagClassifier(torch.nn.Module):
    def __init__(self, dim=512, n_tags=64):
        super().__init__()
        self.head = torch.nn.Linear(dim, n_tags)

    def forward(self, x):
        return self.head(x)


def load_classifier(path):
    state = torch.load(path, map_location="cpu", weights_only=True)  # safe: weights_only
    model = TagClassifier()
    model.load_state_dict(state)
    model.eval()  # safe: torch eval mode, not builtin eval
    return model


def load_embeddings(path):
    return np.load(path)  # safe: allow_pickle defaults to False


def load_vector_store():
    emb = HuggingFaceEmbeddings(model_name=os.environ.get("EMBED_MODEL_DIR", "/srv/snapshare/models/minilm"))
    return FAISS.load_local(INDEX_DIR, emb, allow_dangerous_deserialization=True)  # expect: deserialization


def load_raw_index():
    return faiss.read_index(os.path.join(INDEX_DIR, "photos.faiss"))  # safe: native FAISS format


def similar_photos(query, k=8):
    return [d.metadata for d in load_vector_store().similarity_search(query, k=k)]


def simulate_load(n_users=1000):
    """Offline capacity planning: reproducible simulated request mix."""
    rng = random.Random(1234)  # safe: seeded RNG for a reproducible simulation
    return [rng.choice(["upload", "view", "search"]) for _ in range(n_users)]


def augment(batch):
    gen = np.random.default_rng(seed=7)  # safe: seeded RNG for data augmentation
    return batch + gen.normal(0, 0.01, size=batch.shape)
