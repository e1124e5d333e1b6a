/** Matches of one query as (slot, distance) pairs, in reusable arrays: nothing allocated per candidate. */
export class ResultBuffer {
  slots = new Uint32Array(256);
  distances = new Uint16Array(256);
  count = 0;

  push(slot: number, distance: number): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[this.count] = slot;
    this.distances[this.count] = distance;
    this.count++;
  }

  private grow(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    slots.set(this.slots);
    const distances = new Uint16Array(this.distances.length * 2);
    distances.set(this.distances);
    this.slots = slots;
    this.distances = distances;
  }
}
