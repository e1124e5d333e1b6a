import type { ExportedEntry } from '../entry-rows.js';
import type { ImportFormat } from '../model.js';
import { readCsv, writeCsv } from './csv.js';
import { readNcmecXml, writeNcmecXml } from './ncmec-xml.js';
import { readPdqLines, writePdqLines } from './pdq-lines.js';
import type { RecordReader } from './record.js';
import { readVicsJson, writeVicsJson } from './vics-json.js';

export const readers: Readonly<Record<ImportFormat, RecordReader>> = {
  csv: readCsv,
  pdq: readPdqLines,
  'ncmec-xml': readNcmecXml,
  'vics-json': readVicsJson,
};

export const writers: Readonly<Record<ImportFormat, (entries: AsyncIterable<ExportedEntry>) => AsyncIterable<string>>> = {
  csv: writeCsv,
  pdq: writePdqLines,
  'ncmec-xml': writeNcmecXml,
  'vics-json': writeVicsJson,
};

export const mediaTypes: Readonly<Record<ImportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  pdq: 'text/plain; charset=utf-8',
  'ncmec-xml': 'application/xml; charset=utf-8',
  'vics-json': 'application/json; charset=utf-8',
};

export const extensions: Readonly<Record<ImportFormat, string>> = { csv: 'csv', pdq: 'txt', 'ncmec-xml': 'xml', 'vics-json': 'json' };
