import { Type, type Static } from 'typebox';

export const ExportQuery = Type.Object(
  {
    bank: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        maxItems: 20,
        description: 'Own banks (purpose baseline or national) whose enabled illegal entries join the package',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
