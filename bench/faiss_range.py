"""FAISS reference for Vigie's matching benchmark (bench/matching.ts runs it).

Reads the database and queries that bench/matching.ts dumped (n x 32 bytes each, FAISS's bit
order), runs a range search at the same distance on IndexBinaryFlat (over the first
`flat_queries` queries only: it is slow at 10 million hashes) and on
IndexBinaryMultiHash(256, nhash, b) (over all of them), one thread, and prints one JSON line
per index: build seconds, queries per second, bytes per hash (growth of the resident size
once the index is built), and each query's matches as [ids, distances].

Usage: faiss_range.py DIR DISTANCE NHASH BITS FLAT_QUERIES
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
    # The current resident size (Linux): what the index holds once built, not a peak.
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


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
    lims, distances, ids = index.range_search(queries, distance + 1)
    seconds = time.perf_counter() - start
    results = [
        [ids[lims[q] : lims[q + 1]].tolist(), distances[lims[q] : lims[q + 1]].tolist()] for q in range(len(queries))
    ]
    return {
        "index": name,
        "build_seconds": build,
        "queries": len(queries),
        "queries_per_second": len(queries) / seconds,
        "bytes_per_hash": grown / len(db),
        "matches": int(lims[-1]),
        "results": results,
    }


def main():
    directory, distance, nhash, bits, flat_queries = sys.argv[1], *map(int, sys.argv[2:6])
    faiss.omp_set_num_threads(1)
    db = load(f"{directory}/db.u8")
    queries = load(f"{directory}/queries.u8")
    runs = (
        ("IndexBinaryFlat", lambda: faiss.IndexBinaryFlat(256), queries[:flat_queries]),
        (f"IndexBinaryMultiHash(256, {nhash}, {bits})", lambda: multi_hash(nhash, bits, distance), queries),
    )
    for name, make, searched in runs:
        print(json.dumps(run(name, make, db, searched, distance)), flush=True)


if __name__ == "__main__":
    main()
