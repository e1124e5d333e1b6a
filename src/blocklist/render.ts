import { jsonFormatName, type BlocklistDiff, type BlocklistFormat, type BlocklistSnapshot } from './model.js';

export const contentTypes: Record<BlocklistFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: (string | number)[]) => `${fields.map(csvField).join(',')}\r\n`;

/** The whole list: one URL a line (txt), `url,added_at,added_version` (csv), or a JSON document. */
export function renderSnapshot(snapshot: BlocklistSnapshot, format: BlocklistFormat): string {
  switch (format) {
    case 'txt':
      return snapshot.urls.map((entry) => `${entry.url}\n`).join('');
    case 'csv':
      return (
        csvLine(['url', 'added_at', 'added_version']) +
        snapshot.urls.map((entry) => csvLine([entry.url, entry.addedAt, entry.addedVersion])).join('')
      );
    case 'json':
      return JSON.stringify({
        format: jsonFormatName,
        version: snapshot.version,
        createdAt: snapshot.createdAt,
        count: snapshot.urls.length,
        urls: snapshot.urls,
      });
  }
}

/**
 * The difference since a version: `+url` and `-url` lines (txt, additions first), `change,url,at,version`
 * (csv), or a JSON document with `added` and `removed`.
 */
export function renderDiff(diff: BlocklistDiff, format: BlocklistFormat): string {
  switch (format) {
    case 'txt':
      return [...diff.added.map((entry) => `+${entry.url}\n`), ...diff.removed.map((entry) => `-${entry.url}\n`)].join('');
    case 'csv':
      return (
        csvLine(['change', 'url', 'at', 'version']) +
        diff.added.map((entry) => csvLine(['add', entry.url, entry.addedAt, entry.addedVersion])).join('') +
        diff.removed.map((entry) => csvLine(['remove', entry.url, entry.removedAt, entry.removedVersion])).join('')
      );
    case 'json':
      return JSON.stringify({
        format: jsonFormatName,
        version: diff.version,
        since: diff.since,
        createdAt: diff.createdAt,
        added: diff.added,
        removed: diff.removed,
      });
  }
}
