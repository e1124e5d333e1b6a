"""FAISS reference for Vigie's matching benchmark.

Reads the database and queries that bench/matching.ts dumped (n x 32 bytes each, FAISS's
bit order), runs a range search at the same distance on IndexBinaryFlat and on
IndexBinaryMultiHash(256, nhash, b), one thread, and prints one JSON line per index:
build seconds, queries per second, bytes per hash and the total number of matches.
"""
import json
import resource
import sys
import time

import faiss
import numpy as np


def load(path):
    data = np.fromfile(path, dtype=np.uint8)
    return data.reshape(-1, 32)


def rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def multi_hash(nhash, bits, distance):
    index = faiss.IndexBinaryMultiHash(256, nhash, bits)
    # As Meta's HMA configures it: enough bit flips per table for exact recall at this distance.
    index.nflip = distance // nhash
    return index


def run(name, make, db, queries, distance):
    before = rss_bytes()
    start = time.perf_counter()
    index = make()
    index.add(db)
    build = time.perf_counter() - start
    grown = max(rss_bytes() - before, 0)
    start = time.perf_counter()
    # FAISS's range search keeps distances strictly below the radius.
    lims, _, _ = index.range_search(queries, distance + 1)
    seconds = time.perf_counter() - start
    return {
        "index": name,
        "build_seconds": build,
        "queries_per_second": len(queries) / seconds,
        "bytes_per_hash": grown / len(db),
        "matches": int(lims[-1]),
    }


def main():
    directory, distance, nhash, bits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    faiss.omp_set_num_threads(1)
    db = load(f"{directory}/db.u8")
    queries = load(f"{directory}/queries.u8")
    for name, make in (
        ("IndexBinaryFlat", lambda: faiss.IndexBinaryFlat(256)),
        (f"IndexBinaryMultiHash(256, {nhash}, {bits})", lambda: multi_hash(nhash, bits, distance)),
    ):
        print(json.dumps(run(name, make, db, queries, distance)), flush=True)


if __name__ == "__main__":
    main()
