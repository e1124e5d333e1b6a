import { describe, expect, it } from 'vitest';
import { stepsTo } from './advance.js';
import { canonicalBytes, keyIdOf } from './model.js';

describe('canonical message bytes', () => {
  it('sorts every object’s members, keeps arrays in order, leaves out undefined and adds no whitespace', () => {
    const bytes = canonicalBytes({ b: 1, a: { z: [3, { y: true, x: null }], c: 'é' }, u: undefined });
    expect(bytes.toString('utf8')).toBe('{"a":{"c":"é","z":[3,{"x":null,"y":true}]},"b":1}');
  });

  it('gives the same bytes whatever the order members were written in', () => {
    expect(canonicalBytes({ id: 'm', payload: { status: 'received', at: 't' } })).toEqual(
      canonicalBytes({ payload: { at: 't', status: 'received' }, id: 'm' }),
    );
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalBytes({ n: Number.NaN })).toThrow();
  });
});

describe('key ids', () => {
  it('are the first 16 bytes of the SHA-256 of the public key, in hex', () => {
    // SHA-256 of 32 zero bytes: 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925
    expect(keyIdOf(new Uint8Array(32))).toBe('66687aadf862bd776c8fc18b8e9f8e20');
  });
});

describe('the referral steps a partner status means', () => {
  it('walks one status at a time from where the referral is', () => {
    expect(stepsTo('sent', 'received')).toEqual(['received']);
    expect(stepsTo('sent', 'removed')).toEqual(['received', 'accepted', 'done']);
    expect(stepsTo('received', 'assessed')).toEqual(['accepted']);
  });

  it('never goes back, and leaves a rejected referral alone', () => {
    expect(stepsTo('done', 'received')).toEqual([]);
    expect(stepsTo('accepted', 'assessed')).toEqual([]);
    expect(stepsTo('rejected', 'removed')).toEqual([]);
  });
});
