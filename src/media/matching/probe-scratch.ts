import { popcount32 } from './bits.js';

/**
 * Working arrays of one probe, owned by an index and reused by every query (queries are
 * synchronous, so never concurrent): bucket bounds, runs of entries, candidate slots, each
 * candidate's words 1..4 XOR the query's, and each sub value's distance to the query's.
 */
export class ProbeScratch {
  bounds = new Uint32Array(2 * 1024);
  /** Runs of entries to read: (bit position, first slot, size, spare bits) each. */
  runList = new Uint32Array(4 * 4096);
  candidates = new Uint32Array(4096);
  gathered = new Uint32Array(4 * 4096);
  private weights = new Uint8Array(256);
  /** One hash's eight words, recovered for a final check. */
  readonly hash = new Uint32Array(8);
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

  /** The run list, with room for `runs` runs. */
  reserveRuns(runs: number): Uint32Array {
    if (this.runList.length < 4 * runs) this.runList = new Uint32Array(Math.max(4 * runs, 2 * this.runList.length));
    return this.runList;
  }

  /** For each `bits`-bit sub value, its distance to `sub`. */
  subWeights(bits: number, sub: number): Uint8Array {
    const values = 2 ** bits;
    if (this.weights.length < values) this.weights = new Uint8Array(values);
    const { weights } = this;
    for (let v = 0; v < values; v++) weights[v] = popcount32(v ^ sub);
    return weights;
  }

  bytes(): number {
    return (
      this.hash.byteLength +
      this.runList.byteLength +
      this.bounds.byteLength +
      this.candidates.byteLength +
      this.gathered.byteLength +
      this.weights.byteLength
    );
  }
}
