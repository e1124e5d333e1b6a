import { hashId } from './id-hash.js';

/**
 * Entry id → slot, by open addressing with linear probing over one Uint32Array (slot + 1;
 * 0 = empty). Keys are not stored: a cell's id is read from the store's ids array, so the
 * table costs 4 bytes per cell (at most 4/0.75 ≈ 5.3 bytes per entry plus doubling slack),
 * against several times that for a Map, which also stops at 2^24 entries in V8.
 */
const MAX_LOAD = 0.75;
const MIN_CELLS = 16;

export class IdTable {
  private cells = new Uint32Array(MIN_CELLS);
  private mask = MIN_CELLS - 1;
  private used = 0;

  /** The slot of `id`, or -1. */
  get(id: number, ids: Float64Array): number {
    const { cells, mask } = this;
    for (let i = hashId(id) & mask; ; i = (i + 1) & mask) {
      const cell = cells[i]!;
      if (cell === 0) return -1;
      if (ids[cell - 1] === id) return cell - 1;
    }
  }

  /** Records `ids[slot]` → slot, unless that id is already present: then returns false. */
  insert(slot: number, ids: Float64Array): boolean {
    if (this.used + 1 > this.cells.length * MAX_LOAD) this.rehash(this.cells.length * 2, ids);
    const id = ids[slot]!;
    const { cells, mask } = this;
    let i = hashId(id) & mask;
    for (let cell = cells[i]!; cell !== 0; cell = cells[i]!) {
      if (ids[cell - 1] === id) return false;
      i = (i + 1) & mask;
    }
    cells[i] = slot + 1;
    this.used++;
    return true;
  }

  /** Makes room for `entries` entries in all without rehashing on the way. */
  reserve(entries: number, ids: Float64Array): void {
    const size = cellsFor(entries);
    if (size > this.cells.length) this.rehash(size, ids);
  }

  /** Forgets `id` (backward-shift deletion, so no tombstones). */
  delete(id: number, ids: Float64Array): void {
    const { cells, mask } = this;
    let hole = hashId(id) & mask;
    for (; ; hole = (hole + 1) & mask) {
      const cell = cells[hole]!;
      if (cell === 0) return;
      if (ids[cell - 1] === id) break;
    }
    for (let next = (hole + 1) & mask; ; next = (next + 1) & mask) {
      const cell = cells[next]!;
      if (cell === 0) break;
      const want = hashId(ids[cell - 1]!) & mask;
      // The entry at `next` may fill the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? want > hole && want <= next : want > hole || want <= next;
      if (!stays) {
        cells[hole] = cell;
        hole = next;
      }
    }
    cells[hole] = 0;
    this.used--;
  }

  /** Rebuilds from scratch for slots 0..count-1 where `keep(slot)`. */
  reset(count: number, ids: Float64Array, keep: (slot: number) => boolean): void {
    let live = 0;
    for (let slot = 0; slot < count; slot++) if (keep(slot)) live++;
    this.allocate(cellsFor(live));
    for (let slot = 0; slot < count; slot++) if (keep(slot)) this.place(slot, ids);
    this.used = live;
  }

  bytes(): number {
    return this.cells.byteLength;
  }

  private place(slot: number, ids: Float64Array): void {
    const { cells, mask } = this;
    let i = hashId(ids[slot]!) & mask;
    while (cells[i] !== 0) i = (i + 1) & mask;
    cells[i] = slot + 1;
  }

  private rehash(size: number, ids: Float64Array): void {
    const old = this.cells;
    this.allocate(size);
    for (const cell of old) if (cell !== 0) this.place(cell - 1, ids);
  }

  private allocate(size: number): void {
    this.cells = new Uint32Array(size);
    this.mask = size - 1;
  }
}

function cellsFor(entries: number): number {
  let size = MIN_CELLS;
  while (entries > size * MAX_LOAD) size *= 2;
  return size;
}
