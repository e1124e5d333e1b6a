import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeSenderFrom, renderNotice } from '../../src/actions/index.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { createMailer, mailSettingsFrom, MailError, type MailSettings } from '../../src/platform/mail/index.js';
import { parseMail, startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { makeTestCertificate } from '../support/tls-certificate.js';

const from = 'Hotline Vigie <notices@example.org>';
const settings = (server: SmtpServer, overrides: Partial<MailSettings> = {}): MailSettings => ({
  smtpUrl: server.url,
  startTls: 'never',
  from,
  ...overrides,
});

const sender = noticeSenderFrom({
  deploymentName: 'Hotline Vigie (test)',
  mailFrom: from,
  noticeLegalBasis: { fr: 'Base légale de test <art. 1> & suivants', en: 'Test legal basis <art. 1> & following' },
});
const urls = ['http://content.example.net/a?b=1&c=<2>', 'https://content.example.net/gallery/7'];

let plain: SmtpServer;

beforeAll(async () => {
  plain = await startSmtpServer({ auth: { user: 'vigie', pass: 'p@ss word' } });
});
afterAll(async () => {
  await plain?.close();
});

describe('sending mail by SMTP to a real server on loopback', () => {
  it('sends a French notice: sender, recipients, subject, Message-ID, headers, text and escaped HTML bodies', async () => {
    const mailer = createMailer(settings(plain));
    const notice = renderNotice('fr', sender, { urls, reference: 'VIG-2026-0001' });
    const messageId = mailer.newMessageId();
    const sent = await mailer.sendMail({ to: ['abuse@example.net'], ...notice, messageId, date: new Date('2026-12-10T09:00:00Z') });
    expect(sent).toEqual({ messageId, accepted: 1, rejected: 0 });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);

    const received = plain.received.at(-1)!;
    expect(received).toMatchObject({ from: 'notices@example.org', to: ['abuse@example.net'], user: 'vigie' });
    const mail = await parseMail(received);
    expect(mail.messageId).toBe(messageId);
    expect(mail.date?.toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(mail.subject).toBe('Contenus pédocriminels hébergés sur votre réseau – réf. VIG-2026-0001');
    expect(mail.from?.text).toBe('"Hotline Vigie" <notices@example.org>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-vigie-reference')).toBe('VIG-2026-0001');
    expect(mail.text).toContain(`aux adresses suivantes :\n\n${urls.join('\n')}\n`);
    expect(mail.text).toContain('Fondement juridique : Base légale de test <art. 1> & suivants');
    expect(mail.text).toContain('écrivez à notices@example.org en rappelant la référence');
    expect(mail.html).toContain('http://content.example.net/a?b=1&amp;c=&lt;2&gt;<br>\nhttps://content.example.net/gallery/7');
    expect(mail.html).toContain('Base légale de test &lt;art. 1&gt; &amp; suivants');
    expect(mail.html).not.toContain('<2>');
  });

  it('sends an English notice that joins the thread of the earlier ones', async () => {
    const mailer = createMailer(settings(plain));
    const earlier = ['<first@example.org>', '<second@example.org>'];
    const notice = renderNotice('en', sender, { urls: urls.slice(1), reference: 'VIG-2026-0002', references: earlier });
    await mailer.sendMail({ to: 'abuse@example.net', ...notice });
    const mail = await parseMail(plain.received.at(-1)!);
    expect(mail.subject).toBe('Child sexual abuse material hosted on your network – ref. VIG-2026-0002');
    expect(mail.references).toEqual(['<first@example.org>', '<second@example.org>']);
    expect(mail.text).toContain(`at the following addresses as child sexual abuse material:\n\n${urls[1]}\n`);
    expect(mail.text).toContain('Legal basis: Test legal basis <art. 1> & following');
    expect(mail.html).toContain('Test legal basis &lt;art. 1&gt; &amp; following');
  });

  it('reports a refused recipient: the message goes to the others, and fails when all are refused', async () => {
    const picky = await startSmtpServer({ recipientReply: (address) => (address.startsWith('nobody@') ? 550 : null) });
    try {
      const mailer = createMailer(settings(picky));
      const message = { subject: 'Test', text: 'Test' };
      expect(await mailer.sendMail({ to: ['abuse@example.net', 'nobody@example.net'], ...message })).toMatchObject({
        accepted: 1,
        rejected: 1,
      });
      expect(picky.received.map((mail) => mail.to)).toEqual([['abuse@example.net']]);
      const failure = await mailer.sendMail({ to: ['nobody@example.net'], ...message }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MailError);
      expect(failure).toMatchObject({ kind: 'refused', code: 'EENVELOPE', responseCode: 550 });
      expect((failure as Error).message).not.toContain('nobody');
      expect(picky.received).toHaveLength(1);
    } finally {
      await picky.close();
    }
  });

  it('takes a temporary refusal (4xx) as transient', async () => {
    const busy = await startSmtpServer({ recipientReply: () => 451 });
    try {
      const failure = await createMailer(settings(busy))
        .sendMail({ to: 'abuse@example.net', subject: 'Test', text: 'Test' })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ kind: 'transient', code: 'EENVELOPE', responseCode: 451 });
    } finally {
      await busy.close();
    }
  });

  it('upgrades to TLS with STARTTLS and checks the certificate; refuses to send in clear when STARTTLS is required', async () => {
    const certificate = makeTestCertificate(['localhost']);
    const tls = await startSmtpServer({ startTls: certificate });
    try {
      const url = `smtp://localhost:${tls.port}`;
      await createMailer({ smtpUrl: url, startTls: 'required', from }, { ca: certificate.cert }).sendMail({
        to: 'abuse@example.net',
        subject: 'Over TLS',
        text: 'Test',
      });
      expect(tls.received.at(-1)).toMatchObject({ secure: true });
      const untrusted = await createMailer({ smtpUrl: url, startTls: 'required', from })
        .sendMail({ to: 'abuse@example.net', subject: 'Untrusted', text: 'Test' })
        .catch((error: unknown) => error);
      expect(untrusted).toMatchObject({ kind: 'transient' });
      expect(tls.received).toHaveLength(1);
    } finally {
      await tls.close();
    }
    const before = plain.received.length;
    const clear = await createMailer(settings(plain, { startTls: 'required' }))
      .sendMail({ to: 'abuse@example.net', subject: 'In clear', text: 'Test' })
      .catch((error: unknown) => error);
    expect(clear).toMatchObject({ kind: 'transient' });
    expect(plain.received).toHaveLength(before);
  });

  it('fails clearly, naming the missing setting, when mail is not configured', async () => {
    const noUrl = createMailer(mailSettingsFrom(loadConfig({ VIGIE_MAIL_FROM: from })));
    expect(noUrl.missingSetting).toBe('VIGIE_SMTP_URL');
    await expect(noUrl.sendMail({ to: 'abuse@example.net', subject: 'x', text: 'x' })).rejects.toThrow('VIGIE_SMTP_URL is not set');
    const noFrom = createMailer(mailSettingsFrom(loadConfig({ VIGIE_SMTP_URL: plain.url })));
    await expect(noFrom.sendMail({ to: 'abuse@example.net', subject: 'x', text: 'x' })).rejects.toMatchObject({
      kind: 'not_configured',
      code: 'VIGIE_MAIL_FROM',
    });
  });

  it('takes a wrong password as transient (a setting to fix), and says nothing of the credentials', async () => {
    const url = plain.url.replace('p%40ss%20word', 'wrong');
    const failure = await createMailer(settings(plain, { smtpUrl: url }))
      .sendMail({ to: 'abuse@example.net', subject: 'x', text: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'transient', code: 'EAUTH' });
    expect((failure as Error).message).not.toContain('wrong');
  });
});
