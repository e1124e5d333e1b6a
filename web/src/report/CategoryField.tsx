import { usePublicI18n, type PublicKey } from '../i18n/index.js';
import { SelectField } from '../shared/form/SelectField.js';

export function CategoryField({
  categories,
  value,
  onChange,
}: {
  categories: readonly string[];
  value: string;
  onChange(value: string): void;
}) {
  const { t } = usePublicI18n();
  const options = categories.map((category) => ({ value: category, label: t(`category.${category}` as PublicKey) }));
  return (
    <SelectField
      id="category"
      label={t('report.category')}
      hint={t('report.category-hint')}
      placeholder={t('common.choose')}
      options={options}
      value={value}
      onChange={onChange}
      required
    />
  );
}
