import type { FieldProblem } from '../platform/http/index.js';
import type { RuleSet } from './rule-format.js';

/**
 * What the schema cannot say about a rule set: rule ids are unique; `otherwise` goes with
 * `hosting_partner` (required there, meaningless elsewhere); `unless` names at least one
 * condition (an empty one would always hold and silence its rule).
 */
export function ruleSetProblems(ruleSet: RuleSet, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  ruleSet.rules.forEach((rule, index) => {
    const base = `${at}/rules/${index}`;
    if (seen.has(rule.id)) problems.push({ in: 'body', pointer: `${base}/id`, code: 'invalid' });
    seen.add(rule.id);
    if (rule.when.unless && Object.keys(rule.when.unless).length === 0) {
      problems.push({ in: 'body', pointer: `${base}/when/unless`, code: 'required' });
    }
    rule.then.forEach((action, position) => {
      if (!('refer' in action)) return;
      const pointer = `${base}/then/${position}/otherwise`;
      if (action.refer === 'hosting_partner' && !action.otherwise) problems.push({ in: 'body', pointer, code: 'required' });
      if (action.refer !== 'hosting_partner' && action.otherwise) problems.push({ in: 'body', pointer, code: 'unknown' });
    });
  });
  return problems;
}
