import { describe, expect, it } from 'vitest';
import { accountForm, emailForm, phoneForm, platformForm, profileUrlForm } from './identifiers.js';

describe('the forms online identifiers are compared in', () => {
  it('e-mail: case, spaces, a trailing dot, a sub-address and an internationalised domain do not matter', () => {
    const same = [
      'foxy.man@example.org',
      '  Foxy.Man@EXAMPLE.org ',
      'foxy.man@example.org.',
      'foxy.man+games@example.org',
      'Foxy.Man+Other.Tag@Example.Org',
    ];
    for (const email of same) expect(emailForm(email), email).toBe('foxy.man@example.org');
    expect(emailForm('anne@bücher.example')).toBe(emailForm('anne@xn--bcher-kva.example'));
  });

  it('e-mail: dots count except where the provider ignores them; the local part and domain still count', () => {
    expect(emailForm('foxy.man@example.org')).not.toBe(emailForm('foxyman@example.org'));
    expect(emailForm('Foxy.Man+x@googlemail.com')).toBe(emailForm('foxyman@gmail.com'));
    expect(emailForm('foxy@example.org')).not.toBe(emailForm('foxy@example.net'));
    expect(emailForm('+tag@example.org')).toBe('+tag@example.org');
  });

  it('phone: E.164, separators dropped, 00 read as +', () => {
    expect(phoneForm('+33639980001')).toBe('+33639980001');
    expect(phoneForm(' +33 6 39 98-00.01 ')).toBe('+33639980001');
    expect(phoneForm('0033639980001')).toBe('+33639980001');
    expect(phoneForm('+33639980001')).not.toBe(phoneForm('+33639980002'));
  });

  it('platform: case, spaces, punctuation, and a site named instead of the platform', () => {
    for (const platform of [
      'ExampleGame',
      'example game',
      'Example-Game',
      'examplegame.example',
      'www.ExampleGame.example',
      'm.examplegame.example',
    ])
      expect(platformForm(platform), platform).toBe('examplegame');
    expect(platformForm('ExampleChat')).not.toBe(platformForm('ExampleGame'));
  });

  it('account: platform and user name, case and leading @ ignored; no platform or no name, no account', () => {
    expect(accountForm('ExampleGame', 'Night_Owl')).toBe(accountForm('examplegame', ' @night_owl '));
    expect(accountForm('ExampleGame', 'night_owl')).not.toBe(accountForm('ExampleChat', 'night_owl'));
    expect(accountForm('ExampleGame', 'night_owl')).not.toBe(accountForm('ExampleGame', 'night.owl'));
    expect(accountForm(undefined, 'night_owl')).toBeNull();
    expect(accountForm('ExampleGame', ' @ ')).toBeNull();
    expect(accountForm('  ', 'night_owl')).toBeNull();
  });

  it('profile URL: scheme, www/m, port, trailing slash, fragment, case and sharing parameters ignored', () => {
    const same = [
      'https://social.example/Night_Owl',
      'http://www.social.example/night_owl/',
      'https://m.social.example:443/night_owl#posts',
      'https://social.example/night_owl?utm_source=share&igshid=abc',
      'HTTPS://SOCIAL.EXAMPLE./night_owl//',
    ];
    for (const url of same) expect(profileUrlForm(url), url).toBe('social.example/night_owl');
  });

  it('profile URL: the parameters that name a profile count, in any order; other paths and hosts differ', () => {
    expect(profileUrlForm('https://social.example/profile.php?id=100&lang=fr')).toBe(
      profileUrlForm('https://www.social.example/profile.php?lang=fr&id=100&fbclid=x'),
    );
    expect(profileUrlForm('https://social.example/profile.php?id=100')).not.toBe(
      profileUrlForm('https://social.example/profile.php?id=101'),
    );
    expect(profileUrlForm('https://social.example/night_owl')).not.toBe(profileUrlForm('https://social.example/night_owl2'));
    expect(profileUrlForm('https://social.example/night_owl')).not.toBe(profileUrlForm('https://other.example/night_owl'));
    expect(profileUrlForm('https://a.social.example/x')).not.toBe(profileUrlForm('https://b.social.example/x'));
  });
});
