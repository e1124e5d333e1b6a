/** Samples a rows×cols buffer at the centres of a 64×64 grid: source index floor((i + 0.5)·side/64). */
export function decimateTo64(buffer: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const rowStart = Math.floor(((i + 0.5) * rows) / 64) * cols;
    for (let j = 0; j < 64; j++) {
      out[i * 64 + j] = buffer[rowStart + Math.floor(((j + 0.5) * cols) / 64)] ?? 0;
    }
  }
  return out;
}
