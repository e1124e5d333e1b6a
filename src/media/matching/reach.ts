/**
 * How far each table is probed for a query radius R over m substrings (Norouzi, Punjani & Fleet,
 * 2014, with their refinement): write R = m·r + a with 0 ≤ a < m. If the first a + 1
 * substrings all differed in more than r bits and the others in more than r − 1, the hashes
 * would differ in at least (a + 1)(r + 1) + (m − a − 1)·r = R + 1 bits. So every hash within R
 * is within r bits of the query in one of tables 0..a or within r − 1 in one of the others.
 * A reach of −1 means the table is not probed at all (radius below m − 1).
 */
export function reachPerTable(tables: number, radius: number, out: Int8Array): void {
  const r = Math.floor(radius / tables);
  const a = radius - r * tables;
  for (let t = 0; t < tables; t++) out[t] = t <= a ? r : r - 1;
}
