/** Mixes a safe integer (both 32-bit halves) into 32 well-spread bits. */
export function hashId(id: number): number {
  const low = id >>> 0;
  const high = Math.floor(id / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
