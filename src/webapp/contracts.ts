import { Type } from 'typebox';

const Label = Type.String({ minLength: 1 });

export const PortalSettingsView = Type.Object({
  emergencyNumbers: Type.Array(Type.Object({ number: Type.String(), label: Type.Object({ fr: Label, en: Label }) }), {
    description: 'Shown at once when the reporter says a child is in immediate danger',
  }),
  quickExitUrl: Type.String({ description: "Where the portal's quick-exit button goes" }),
  uploadsAccepted: Type.Boolean({ description: 'Whether the portal may offer to attach pictures' }),
  categories: Type.Array(Type.String(), { description: 'The report categories, in the order the portal offers them' }),
  countries: Type.Array(Type.String(), { description: 'The country codes a report accepts (ISO 3166-1 alpha-2)' }),
});
