/**
 * The eight dihedral variants, in the reference's order and with its names:
 * rot90 is a quarter turn counter-clockwise, rot270 clockwise; flipx mirrors
 * top–bottom, flipy left–right; flipp mirrors about the main diagonal
 * (transpose), flipm about the other one.
 */
export const DIHEDRAL_VARIANTS = ['orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipp', 'flipm'] as const;

export type DihedralVariant = (typeof DIHEDRAL_VARIANTS)[number];

interface Rule {
  readonly transpose: boolean;
  readonly negateEvenRows: boolean;
  readonly negateEvenCols: boolean;
}

/*
 * Basis function u of the DCT (frequency u+1) is mirrored by a flip of its
 * axis with sign (−1)^(u+1): coefficients with an even 0-based index change
 * sign. A quarter turn also swaps the axes. The rules are expressed on the
 * source coefficient (i, j); when both even-row and even-column negation
 * apply, the sign is negative exactly when i + j is odd.
 */
const RULES: Readonly<Record<DihedralVariant, Rule>> = {
  orig: { transpose: false, negateEvenRows: false, negateEvenCols: false },
  rot90: { transpose: true, negateEvenRows: false, negateEvenCols: true },
  rot180: { transpose: false, negateEvenRows: true, negateEvenCols: true },
  rot270: { transpose: true, negateEvenRows: true, negateEvenCols: false },
  flipx: { transpose: false, negateEvenRows: true, negateEvenCols: false },
  flipy: { transpose: false, negateEvenRows: false, negateEvenCols: true },
  flipp: { transpose: true, negateEvenRows: false, negateEvenCols: false },
  flipm: { transpose: true, negateEvenRows: true, negateEvenCols: true },
};

/** The 16×16 DCT of the transformed image, derived from the original's DCT. */
export function dihedralDct(dct16: Float32Array, variant: DihedralVariant): Float32Array {
  const { transpose, negateEvenRows, negateEvenCols } = RULES[variant];
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let v = dct16[i * 16 + j] ?? 0;
      if (negateEvenRows && (i & 1) === 0) v = -v;
      if (negateEvenCols && (j & 1) === 0) v = -v;
      out[transpose ? j * 16 + i : i * 16 + j] = v;
    }
  }
  return out;
}
