import type { PublicKey } from '../i18n/index.js';
import type { Option } from '../shared/form/SelectField.js';
import { genders } from './vocabulary.js';

export function genderOptions(t: (key: PublicKey) => string): Option[] {
  return genders.map((gender) => ({ value: gender, label: t(`gender.${gender}`) }));
}
