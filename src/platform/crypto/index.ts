export { type KeyRing, KeyRingError, parseKeyRing, newKeyRing, withNewKey } from './key-ring.js';
export { loadKeyRing, saveKeyRing, type KeyRingSource, type LoadedKeyRing } from './key-file.js';
export { createFieldCipher, type FieldCipher } from './field-cipher.js';
export { SealedValueError } from './sealed-value.js';
export { normaliseForIndex } from './blind-index.js';
export { sealedColumn, collectSealedColumns, type SealedColumn, type SealedColumnSpec } from './sealed-columns.js';
export { resealColumns, type ResealOptions, type ColumnCount } from './reseal.js';
export { rotateKeys, type RotateKeysOptions, type RotationResult } from './rotate-keys.js';
export { retireUnusedKeys, countValuesByKey, type RetireKeysOptions, type RetirementResult } from './retire-keys.js';
