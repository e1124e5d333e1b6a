export { readers, writers, mediaTypes, extensions } from './registry.js';
export { ImportFormatError, type ImportRecord, type FormatDefaults } from './record.js';
export { csvColumns } from './csv.js';
