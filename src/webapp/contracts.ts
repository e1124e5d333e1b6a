import { Type } from 'typebox';

const Label = Type.String({ minLength: 1 });
const closed = { additionalProperties: false } as const;

export const PortalSettingsView = Type.Object({
  emergencyNumbers: Type.Array(Type.Object({ number: Type.String(), label: Type.Object({ fr: Label, en: Label }) }), {
    description: 'Shown at once when the reporter says a child is in immediate danger',
  }),
  quickExitUrl: Type.String({ description: "Where the portal's quick-exit button goes" }),
  uploadsAccepted: Type.Boolean({ description: 'Whether the portal may offer to attach pictures' }),
  categories: Type.Array(Type.String(), { description: 'The report categories, in the order the portal offers them' }),
  countries: Type.Array(Type.String(), { description: 'The country codes a report accepts (ISO 3166-1 alpha-2)' }),
});

const EditableLabel = Type.String({ minLength: 1, maxLength: 120, pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' });
const EmergencyNumberInput = Type.Object(
  {
    number: Type.String({
      pattern: '^[0-9+][0-9 ]{1,19}$',
      description: 'Digits and spaces, a leading + allowed: 119, 17, +33 1 23 45 67 89',
    }),
    label: Type.Object({ fr: EditableLabel, en: EditableLabel }, closed),
  },
  closed,
);

export const EmergencyNumbersChange = Type.Object(
  { emergencyNumbers: Type.Array(EmergencyNumberInput, { minItems: 1, maxItems: 10, description: 'In the order the portal shows them' }) },
  closed,
);

export const EmergencyNumbersView = Type.Object({
  emergencyNumbers: Type.Array(Type.Object({ number: Type.String(), label: Type.Object({ fr: Label, en: Label }) })),
  source: Type.Enum(['configuration', 'administrator'], {
    description: '`configuration` (VIGIE_EMERGENCY_NUMBERS) until an administrator first changes them',
  }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  updatedBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
