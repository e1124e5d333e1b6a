import { describe, expect, it } from 'vitest';
import { canonicalise, CanonicalUrlError, registrableDomainOf } from './canonical.js';
import { normaliseEscapes } from './percent-encoding.js';
import { isTrackingParameter } from './tracking-parameters.js';

const canonical = (url: string) => canonicalise(url).canonical;

describe('the canonical form of a URL', () => {
  it.each([
    ['HTTPS://WWW.Example.ORG/Path', 'https://www.example.org/Path'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org:443/a', 'https://example.org/a'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['http://example.org:443/a', 'http://example.org:443/a'],
    ['https://example.org:8443/a', 'https://example.org:8443/a'],
    ['https://example.org/a/./b/../c/', 'https://example.org/a/c/'],
    ['https://example.org/a/%2e%2E/b', 'https://example.org/b'],
    ['https://example.org/a#section-2', 'https://example.org/a'],
    ['https://user:secret@example.org/a', 'https://example.org/a'],
    ['https://example.org./a', 'https://example.org/a'],
    ['  https://example.org/a  ', 'https://example.org/a'],
    ['https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
    ['https://xn--bcher-kva.example/stra%c3%9fe', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
    ['https://example.org/%7Euser/%41b%2d', 'https://example.org/~user/Ab-'],
    ['https://example.org/a%2fb%3Fc', 'https://example.org/a%2Fb%3Fc'],
    ['https://example.org/a|b^c[d]', 'https://example.org/a%7Cb%5Ec%5Bd%5D'],
    ['https://example.org/a%7cb', 'https://example.org/a%7Cb'],
    ['http://0x7f.1/a', 'http://127.0.0.1/a'],
    ['http://[2001:DB8:0:0::1]:80/a', 'http://[2001:db8::1]/a'],
  ])('%s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('drops tracking parameters, empty parameters and an empty query, and sorts the rest by name', () => {
    expect(canonical('https://example.org/p?utm_source=mail&b=2&&a=1&fbclid=XYZ&UTM_Medium=x&gclid=1')).toBe(
      'https://example.org/p?a=1&b=2',
    );
    expect(canonical('https://example.org/p?utm_campaign=spring&fbclid=1')).toBe('https://example.org/p');
    expect(canonical('https://example.org/p?')).toBe('https://example.org/p');
  });

  it('keeps parameters of the same name in their order, their values as given, and parameters that may choose content', () => {
    expect(canonical('https://example.org/p?tag=b&id=7&tag=a')).toBe('https://example.org/p?id=7&tag=b&tag=a');
    expect(canonical('https://example.org/p?ref=home&si=3&s=x')).toBe('https://example.org/p?ref=home&s=x&si=3');
    expect(canonical('https://example.org/p?q=a+b&r=%2f')).toBe('https://example.org/p?q=a+b&r=%2F');
  });

  it('recognises a tracking parameter by its decoded name', () => {
    expect(canonical('https://example.org/p?%75tm_source=x&a=1')).toBe('https://example.org/p?a=1');
  });

  it('keeps the original', () => {
    const original = 'HTTPS://Example.org/a?utm_source=x#top';
    expect(canonicalise(original).original).toBe(original);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => canonicalise('not a url')).toThrow(CanonicalUrlError);
    expect(() => canonicalise('ftp://example.org/a')).toThrow(expect.objectContaining({ code: 'unsupported_scheme' }));
    expect(() => canonicalise('javascript:alert(1)')).toThrow(expect.objectContaining({ code: 'unsupported_scheme' }));
  });
});

describe('host, registrable domain and domain + path', () => {
  it('takes the registrable domain from the public-suffix list, private suffixes included', () => {
    expect(canonicalise('https://www.shop.example.co.uk/a/b?x=1').registrableDomain).toBe('example.co.uk');
    expect(canonicalise('https://alice.github.io/page').registrableDomain).toBe('alice.github.io');
    expect(registrableDomainOf('cdn.images.example.org')).toBe('example.org');
  });

  it('uses the host itself when it has no registrable domain: an IP literal, a single label, a public suffix', () => {
    expect(canonicalise('http://192.0.2.10/x').registrableDomain).toBe('192.0.2.10');
    expect(canonicalise('http://[2001:db8::5]/x')).toMatchObject({ host: '2001:db8::5', hostIsIp: true, registrableDomain: '2001:db8::5' });
    expect(canonicalise('http://intranet/x').registrableDomain).toBe('intranet');
    expect(canonicalise('https://github.io/x').registrableDomain).toBe('github.io');
  });

  it('gives the same domain + path to the same page through another subdomain, scheme or port, whatever its query', () => {
    const paths = ['https://www.example.org/a/b?x=1', 'http://cdn.example.org:8080/a/b', 'https://EXAMPLE.org/a/./b#f'].map(
      (url) => canonicalise(url).domainPath,
    );
    expect(new Set(paths)).toEqual(new Set(['example.org/a/b']));
    expect(canonicalise('https://www.example.org/a/B').domainPath).toBe('example.org/a/B');
  });

  it('gives the host lower case, in punycode, without its trailing dot', () => {
    expect(canonicalise('https://WWW.Bücher.Example./').host).toBe('www.xn--bcher-kva.example');
  });
});

describe('percent-encoding and tracking parameters', () => {
  it('decodes unreserved characters only, and upper-cases the other escapes', () => {
    expect(normaliseEscapes('%41%7e%2d%5F%2E%30%2f%25%3a')).toBe('A~-_.0%2F%25%3A');
  });

  it('leaves a stray percent sign as it is', () => {
    expect(normaliseEscapes('100%-sure%4')).toBe('100%-sure%4');
  });

  it('knows the tracking parameters by name and prefix, without regard to case', () => {
    for (const name of ['utm_source', 'UTM_TERM', 'utm_anything', 'fbclid', 'gclid', 'msclkid', 'mc_eid', 'mtm_kwd']) {
      expect(isTrackingParameter(name), name).toBe(true);
    }
    for (const name of ['id', 'ref', 'si', 'page', 'utm', 'q']) expect(isTrackingParameter(name), name).toBe(false);
  });
});
