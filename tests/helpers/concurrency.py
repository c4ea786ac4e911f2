"""The worker process of the concurrency test: interleaves every kind of store write."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from diplomat_tui.model import Stat
from diplomat_tui.store import Store

ROUNDS = 20
WORKERS = ("a", "b")
COUNTER = "concurrency_counter"
ARTICLES = {
    "a": "Netflix's hit drama The Diplomat has added Zora Quill to the cast.\n\n"
    "Quill plays Agent Marlow, a spy with a past.\n",
    "b": "Netflix's hit drama The Diplomat has added Ilya Marsh to the cast.\n\n"
    "Marsh plays Consul Fenn, an old friend of Kate's.\n",
}
NEW_CAST = {"a": "Zora Quill", "b": "Ilya Marsh"}
WORKER = "import sys; from helpers.concurrency import work; work(*sys.argv[1:])"


# -- the worker process ------------------------------------------------------------------


def watched_key(name: str, index: int) -> str:
    """The episode a worker marks watched in a round (one no other update touches)."""
    return f"S{90 + WORKERS.index(name)}E{index:02d}"


def add_counter(name: str, index: int) -> Stat:
    return Stat(COUNTER, index, period=f"{name}-{index}")


def work(name: str, data_dir: str, article: str) -> None:
    """One worker: wait for "go", then interleave every kind of write; print what it did."""
    from diplomat_tui.ingest import ingest_files
    from diplomat_tui.refresh import refresh
    from diplomat_tui.settings import load_settings

    settings = load_settings(data_dir)
    store = Store(settings.store_path)
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.time()
    for i in range(ROUNDS):
        store.set_watched([watched_key(name, i)], True)
        store.update_catalog(
            lambda catalog, i=i: replace(catalog, stats=(*catalog.stats, add_counter(name, i)))
        )
        store.set_pref(f"{name}-{i}", i)
        if i == ROUNDS // 3:
            asyncio.run(refresh(store, settings))
        if i == 2 * ROUNDS // 3:
            ingest_files(store, [Path(article)])
    print(json.dumps({"started": started, "ended": time.time(), "rounds": ROUNDS}), flush=True)
