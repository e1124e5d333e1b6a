const f = Math.fround;

/**
 * Rows 1..16 of the 64-point DCT-II basis (row 0, the DC term, is not used),
 * stored as float32 like the reference: the scale factor sqrt(2/64) is first
 * rounded to float, then multiplied in double by cos(π/128·(i+1)·(2j+1)) and
 * the product rounded to float. The kernels use these values too.
 */
export const DCT_MATRIX: Float32Array = (() => {
  const scale = f(Math.sqrt(2 / 64));
  const matrix = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      matrix[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  return matrix;
})();

/**
 * B = D·A·Dᵀ for the 64×64 buffer A, keeping frequencies 1..16 on each axis,
 * in the plain form of the reference: each sum in float32, k ascending, every
 * product and partial sum rounded. Hashing runs the same arithmetic in the
 * kernels (kernels.wat); this form is the one the tests compare it with.
 */
export function dct64To16(a: Float32Array): Float32Array {
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(DCT_MATRIX[i * 64 + k]! * a[k * 64 + j]!));
      t[i * 64 + j] = sum;
    }
  }
  const b = new Float32Array(16 * 16);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(t[i * 64 + k]! * DCT_MATRIX[j * 64 + k]!));
      b[i * 16 + j] = sum;
    }
  }
  return b;
}
