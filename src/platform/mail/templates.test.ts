import { describe, expect, it } from 'vitest';
import { escapeHtml, placeholdersOf, renderTemplate, TemplateError } from './templates.js';

const template = {
  subject: 'About {{ reference }}: {{urls}}',
  text: 'Addresses:\n{{urls}}\nBy {{name}}.',
  html: '<p>{{urls}}</p><p title="{{name}}">{{name}}</p>',
};

describe('mail templates', () => {
  it('fills every placeholder: a list one per line in the text, joined by commas in the subject', () => {
    const rendered = renderTemplate(template, {
      reference: 'R-1',
      urls: ['http://a.example.net/1', 'http://b.example.net/2'],
      name: 'Hotline',
    });
    expect(rendered.subject).toBe('About R-1: http://a.example.net/1, http://b.example.net/2');
    expect(rendered.text).toBe('Addresses:\nhttp://a.example.net/1\nhttp://b.example.net/2\nBy Hotline.');
    expect(rendered.html).toBe('<p>http://a.example.net/1<br>\nhttp://b.example.net/2</p><p title="Hotline">Hotline</p>');
  });

  it('escapes every value in the HTML body, attributes included, and keeps the text body as given', () => {
    const name = `<script>alert("x")</script> & 'quotes'`;
    const rendered = renderTemplate(template, { reference: 'R', urls: ['http://a.example.net/?a=1&b=<2>'], name });
    expect(rendered.html).toBe(
      '<p>http://a.example.net/?a=1&amp;b=&lt;2&gt;</p><p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
    expect(rendered.text).toContain(name);
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('keeps the subject on one line, whatever a value holds', () => {
    const rendered = renderTemplate(template, { reference: 'R\r\nBcc: someone@example.net', urls: [], name: 'n' });
    expect(rendered.subject).toBe('About R Bcc: someone@example.net: ');
  });

  it('refuses to render with a placeholder left without a value', () => {
    expect(() => renderTemplate(template, { reference: 'R', urls: [] })).toThrow(TemplateError);
    expect(() => renderTemplate(template, { reference: 'R', urls: [] })).toThrow('{{name}}');
  });

  it('lists the placeholders of a template', () => {
    expect(placeholdersOf(template).sort()).toEqual(['name', 'reference', 'urls']);
    expect(renderTemplate({ subject: 's', text: 't' }, {})).toEqual({ subject: 's', text: 't' });
  });
});
