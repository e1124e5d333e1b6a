import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { callerTypes, categories, channels, referralKinds, ReportContent, reportStatuses } from '../../src/reports/index.js';
import { en } from '../../web/src/i18n/en.js';
import { fr } from '../../web/src/i18n/fr.js';
import * as vocabulary from '../../web/src/report/vocabulary.js';

/** The front end's catalogues: the same keys in both languages, and a label for every value the server knows. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const schema = JSON.parse(JSON.stringify(ReportContent)) as {
  properties: {
    reporter: { properties: { role: { enum: string[] } } };
    children: { items: { properties: { gender: { enum: string[] } } } };
  };
};

describe('the web catalogues', () => {
  it('have the same keys in French and English, none empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const french = fr[key as keyof typeof en];
      expect(english.trim(), key).not.toBe('');
      expect(french.trim(), key).not.toBe('');
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });

  it.each([
    ['category', categories],
    ['status', reportStatuses],
    ['channel', channels],
    ['caller', callerTypes],
    ['referral', referralKinds],
    ['gender', schema.properties.children.items.properties.gender.enum],
  ] as const)('label every %s the server knows', (prefix, values) => {
    for (const value of values) expect(Object.keys(en), `${prefix}.${value}`).toContain(`${prefix}.${value}`);
  });

  it('offer only values the server accepts', () => {
    expect([...vocabulary.callerTypes]).toEqual([...callerTypes]);
    expect([...vocabulary.referrals]).toEqual([...referralKinds]);
    expect([...vocabulary.genders]).toEqual(schema.properties.children.items.properties.gender.enum);
    expect(schema.properties.reporter.properties.role.enum).toEqual(expect.arrayContaining([...vocabulary.reporterRoles]));
    for (const role of vocabulary.reporterRoles) expect(Object.keys(en)).toContain(`role.${role}`);
    expect([...vocabulary.channels]).toEqual([...channels]);
    expect([...vocabulary.statuses]).toEqual([...reportStatuses]);
  });

  it('are the only source of text in the pages: no words written in JSX or in its labelling attributes', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    const labelling = new Set(['aria-label', 'title', 'alt', 'placeholder']);
    const offenders: string[] = [];
    for (const file of files('web/src').filter((name) => name.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && /[A-Za-zÀ-ÿ]/.test(node.text)) offenders.push(`${file}: ${node.text.trim()}`);
        if (ts.isJsxAttribute(node) && labelling.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
          offenders.push(`${file}: ${node.name.getText()}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
