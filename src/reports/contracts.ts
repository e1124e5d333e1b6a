import { Type } from 'typebox';

/**
 * The module's contracts: the report format (report-v1.ts, built from vocabulary.ts) and
 * the API's views, receipts and queries (views.ts). Shared small pieces live here.
 */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export * from './report-v1.js';
export * from './views.js';
