const f = Math.fround;

/**
 * The reference's image-domain quality, 0..100: over every vertical and
 * horizontal neighbour pair of the 64×64 buffer, truncate (u − v)·100/255
 * (float32) to an integer and add its absolute value; divide the total by 90
 * (integer division) and cap at 100. Flat or featureless images score low.
 * The plain form: hashing runs the same arithmetic in the kernels
 * (kernels.wat), and the tests compare the two.
 */
export function pdqQuality(buffer64: Float32Array): number {
  let gradientSum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      gradientSum += scaledStep(buffer64[i * 64 + j] ?? 0, buffer64[(i + 1) * 64 + j] ?? 0);
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      gradientSum += scaledStep(buffer64[i * 64 + j] ?? 0, buffer64[i * 64 + j + 1] ?? 0);
    }
  }
  return Math.min(100, Math.trunc(gradientSum / 90));
}

function scaledStep(u: number, v: number): number {
  return Math.abs(Math.trunc(f(f(f(u - v) * 100) / 255)));
}
