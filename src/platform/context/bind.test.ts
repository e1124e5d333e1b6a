import { describe, expect, it } from 'vitest';
import { bindContext } from './index.js';

describe('bindContext', () => {
  it('calls the use case with the context first, then the arguments given, and returns its result', async () => {
    const ctx = { prefix: 'report' };
    const seen: unknown[][] = [];
    const label = (c: typeof ctx, id: string, n: number) => {
      seen.push([c, id, n]);
      return `${c.prefix}-${id}-${n}`;
    };
    const bound = bindContext(ctx, label);
    expect(bound('a', 1)).toBe('report-a-1');
    expect(seen).toEqual([[ctx, 'a', 1]]);
    const later = bindContext(ctx, async (c: typeof ctx, ids: string[]) => ids.map((id) => `${c.prefix}/${id}`));
    await expect(later(['x', 'y'])).resolves.toEqual(['report/x', 'report/y']);
  });
});
