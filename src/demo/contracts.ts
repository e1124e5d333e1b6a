import { Type } from 'typebox';

export const DemoStatus = Type.Object({
  loaded: Type.Boolean({ description: 'This deployment holds the demonstration data set' }),
  loadedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  offer: Type.Boolean({ description: 'The setup page offers to load it: embedded database, no report yet' }),
});

export const DemoLoaded = Type.Object({
  loadedAt: Type.String({ format: 'date-time' }),
  password: Type.String({ description: 'The password of every demonstration account; shown once' }),
  accounts: Type.Array(Type.Object({ email: Type.String(), name: Type.String(), roles: Type.Array(Type.String()) })),
  organisations: Type.Integer(),
  reports: Type.Integer(),
  assessed: Type.Integer(),
  notices: Type.Integer({ description: 'Notices made to the invented hosting company, for the takedown tracker' }),
});
