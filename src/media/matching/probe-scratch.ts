/**
 * Working arrays of one probe, owned by an index and reused by every query (queries are
 * synchronous, so never concurrent): bucket bounds, candidate slots, and each candidate's first
 * four words XOR the query's.
 */
export class ProbeScratch {
  bounds = new Uint32Array(2 * 256);
  candidates = new Uint32Array(4096);
  gathered = new Uint32Array(4 * 4096);
  /** Sink for the values of loads made only to bring their cache lines in. */
  touched = 0;

  reserveBounds(buckets: number): void {
    if (this.bounds.length < 2 * buckets) this.bounds = new Uint32Array(2 * buckets);
  }

  reserveCandidates(count: number): void {
    if (this.candidates.length >= count) return;
    const size = Math.max(count, this.candidates.length * 2);
    this.candidates = new Uint32Array(size);
    this.gathered = new Uint32Array(4 * size);
  }

  bytes(): number {
    return this.bounds.byteLength + this.candidates.byteLength + this.gathered.byteLength;
  }
}
