import { Compile } from 'typebox/compile';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import { checkReport } from './checks.js';
import type { ReportContext } from './context.js';
import type { Draft } from './ncmec-draft.js';
import { mapNcmecReport } from './ncmec-mapping.js';
import { ReportContent } from './report-v1.js';
import { fieldProblemsOf, oversizedLists } from './strict-input.js';
import { submitFromPartner, type PartnerSubmitter, type ReportReceipt } from './submit.js';
import { parseXml } from './xml-document.js';

/**
 * Intake of NCMEC CyberTipline reports (XML), for providers that already produce them: the
 * document is read safely (xml-document.ts), mapped into report-content v1
 * (ncmec-mapping.ts), then checked, stored, audited and followed up exactly as a partner's
 * JSON report, on the `partner_xml` channel. Every problem names the XML element (its path)
 * that held the value.
 */
const contentValidator = Compile(ReportContent);
const contentSchema = ReportContent as unknown as Record<string, unknown>;
const maxProblems = 100;

function refuse(draft: Draft, problems: readonly FieldProblem[]): never {
  const named = new Map<string, FieldProblem>();
  for (const problem of problems) {
    const at = problem.in === 'body' ? { ...problem, pointer: draft.originOf(problem.pointer, '/report') } : problem;
    const key = at.in === 'body' ? at.pointer : `${at.in}:${at.parameter}`;
    if (!named.has(key)) named.set(key, at);
  }
  throw new Problem('validation', { fields: [...named.values()].slice(0, maxProblems) });
}

/** The report-content document a CyberTipline report maps to, or a Problem naming each bad element. */
export function contentOfNcmecXml(body: Buffer, now: Date): ReportContent {
  const draft = mapNcmecReport(parseXml(body));
  if (draft.problems.length > 0) throw new Problem('validation', { fields: draft.problems.slice(0, maxProblems) });
  const content = draft.content;
  if (!contentValidator.Check(content)) {
    refuse(draft, fieldProblemsOf(contentValidator.Errors(content), 'body', [...oversizedLists(contentSchema, content)]));
  }
  const problems = checkReport(content, '', now);
  if (problems.length > 0) refuse(draft, problems);
  return content;
}

export function submitNcmecReport(
  ctx: ReportContext,
  partner: PartnerSubmitter,
  idempotencyKey: string,
  body: Buffer,
): Promise<{ replayed: boolean; receipt: ReportReceipt }> {
  const content = contentOfNcmecXml(body, ctx.now());
  // The fingerprint is the mapped report's, so a resend that differs only in layout is the same request.
  const request = { channel: 'partner_xml', route: 'ncmec', idempotencyKey, body: content, contents: [content] } as const;
  return submitFromPartner(ctx, partner, request, (receipts) => receipts[0]!);
}
