const f = Math.fround;

/**
 * Rows 1..16 of the 64-point DCT-II basis (row 0, the DC term, is not used),
 * stored as float32 like the reference: the scale factor sqrt(2/64) is first
 * rounded to float, then multiplied in double by cos(π/128·(i+1)·(2j+1)) and
 * the product rounded to float.
 */
function buildDctMatrix(): Float32Array {
  const scale = f(Math.sqrt(2 / 64));
  const matrix = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      matrix[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  return matrix;
}

const DCT = buildDctMatrix();
/** The same float32 values held as doubles (no conversion on load): 16×64, and transposed 64×16. */
const D = Float64Array.from(DCT);
const DT = new Float64Array(64 * 16);
for (let i = 0; i < 16; i++) for (let k = 0; k < 64; k++) DT[k * 16 + i] = DCT[i * 64 + k]!;
/** D·A, 16×64, float32 values held as doubles; reused from call to call. */
const T = new Float64Array(16 * 64);

/**
 * B = D·A·Dᵀ for the 64×64 buffer A, keeping frequencies 1..16 on each axis.
 * Each sum runs in float32 in the reference's order (k ascending, every
 * product and partial sum rounded), so the result is bit-exact. Four sums are
 * carried at once in registers, so the CPU overlaps their roundings.
 */
export function dct64To16(a: Float32Array): Float32Array {
  for (let i = 0; i < 16; i++) {
    const di = i * 64;
    for (let j = 0; j < 64; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0, ak = j; k < 64; k++, ak += 64) {
        const d = D[di + k]!;
        s0 = f(s0 + f(d * a[ak]!));
        s1 = f(s1 + f(d * a[ak + 1]!));
        s2 = f(s2 + f(d * a[ak + 2]!));
        s3 = f(s3 + f(d * a[ak + 3]!));
      }
      T[di + j] = s0;
      T[di + j + 1] = s1;
      T[di + j + 2] = s2;
      T[di + j + 3] = s3;
    }
  }

  const b = new Float32Array(16 * 16);
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let j = 0; j < 16; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0, dk = j; k < 64; k++, dk += 16) {
        const v = T[ti + k]!;
        s0 = f(s0 + f(v * DT[dk]!));
        s1 = f(s1 + f(v * DT[dk + 1]!));
        s2 = f(s2 + f(v * DT[dk + 2]!));
        s3 = f(s3 + f(v * DT[dk + 3]!));
      }
      b[i * 16 + j] = s0;
      b[i * 16 + j + 1] = s1;
      b[i * 16 + j + 2] = s2;
      b[i * 16 + j + 3] = s3;
    }
  }
  return b;
}
