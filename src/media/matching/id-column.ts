const SPAN_32 = 2 ** 32;

/**
 * The entry ids of the built slots. Ids are any safe integers, but those of one index usually
 * come from one database sequence: while they span less than 2^32 they are stored as 32-bit
 * offsets from the smallest (4 bytes per hash), otherwise as doubles (8).
 */
export class IdColumn {
  private constructor(
    private readonly base: number,
    private readonly offsets: Uint32Array | null,
    private readonly doubles: Float64Array | null,
  ) {}

  static empty(): IdColumn {
    return new IdColumn(0, new Uint32Array(0), null);
  }

  /** Bytes per id for ids between min and max. */
  static bytesPerId(min: number, max: number): number {
    return max - min < SPAN_32 ? 4 : 8;
  }

  /** The ids idAt(0..n-1), all between min and max. */
  static build(n: number, min: number, max: number, idAt: (slot: number) => number): IdColumn {
    if (IdColumn.bytesPerId(min, max) === 4) {
      const offsets = new Uint32Array(n);
      for (let slot = 0; slot < n; slot++) offsets[slot] = idAt(slot) - min;
      return new IdColumn(min, offsets, null);
    }
    const doubles = new Float64Array(n);
    for (let slot = 0; slot < n; slot++) doubles[slot] = idAt(slot) + 0; // -0 is the id 0
    return new IdColumn(0, null, doubles);
  }

  get(slot: number): number {
    return this.offsets === null ? this.doubles![slot]! : this.base + this.offsets[slot]!;
  }

  bytes(): number {
    return (this.offsets ?? this.doubles)!.byteLength;
  }
}
