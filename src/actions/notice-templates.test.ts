import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../platform/mail/index.js';
import { noticeLanguages, noticeTemplates, renderNotice } from './notice-templates.js';

const sender = { deploymentName: 'Hotline', deploymentContact: 'contact@example.org', legalBasis: { fr: 'Base', en: 'Basis' } };

describe('notice templates', () => {
  it('exist in French and English, with the same placeholders in subject, text and HTML', () => {
    const expected = ['deploymentContact', 'deploymentName', 'legalBasis', 'reference', 'urls'];
    for (const language of noticeLanguages) {
      const template = noticeTemplates[language];
      expect([language, placeholdersOf(template).sort()]).toEqual([language, expected]);
      expect(placeholdersOf({ subject: template.subject, text: '' })).toEqual(['reference']);
      expect(placeholdersOf({ subject: '', text: template.text }).sort()).toEqual(expected);
      expect(placeholdersOf({ subject: '', text: '', html: template.html! }).sort()).toEqual(expected);
    }
  });

  it('render with their headers: automatic, referenced, threaded with the earlier notices', () => {
    const first = renderNotice('en', sender, { urls: ['http://a.example.net/x'], reference: 'VIG-1' });
    expect(first.headers).toEqual({ 'Auto-Submitted': 'auto-generated', 'X-Vigie-Reference': 'VIG-1' });
    const again = renderNotice('fr', sender, {
      urls: ['http://a.example.net/x'],
      reference: 'VIG-1',
      references: ['<a@example.org>', '<b@example.org>'],
    });
    expect(again.headers.References).toBe('<a@example.org> <b@example.org>');
    expect(again.text).toContain('Fondement juridique : Base');
    expect(again.html).toContain('contact@example.org');
  });
});
