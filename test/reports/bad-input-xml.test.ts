import { corpusSuite, type CorpusCase } from './corpus.js';
import { ncmecXml } from './ncmec-sample.js';

/**
 * The bad-input corpus of the NCMEC CyberTipline XML route: documents that are not safe to
 * read (entities, DTDs, other encodings, bombs), not well formed, not NCMEC's structure, or
 * whose values the report format refuses. Each problem names the XML element's path.
 */
const summary = (inside: string) => ncmecXml({ summary: `<incidentSummary>${inside}</incidentSummary>` });
const type = '<incidentType>Child Sex Tourism</incidentType>';
const internet = (incident: string) => ncmecXml({ internet: `<internetDetails>${incident}</internetDetails>` });
const web = (urls: string[]) => internet(`<webPageIncident>${urls.map((url) => `<url>${url}</url>`).join('')}</webPageIncident>`);
const reported = (inside: string) => ncmecXml({ reported: `<personOrUserReported>${inside}</personOrUserReported>` });
const victim = (inside: string) => ncmecXml({ victim: `<victim>${inside}</victim>` });
const file = (inside: string) => ncmecXml({ files: `<fileDetails>${inside}</fileDetails>` });
const md5 = '<originalFileHash hashType="MD5">0123456789abcdef0123456789abcdef</originalFileHash>';
const address = (inside: string) => internet(`<nonInternetIncident><incidentAddress>${inside}</incidentAddress></nonInternetIncident>`);
const withDoctype = (doctype: string, body = '<report/>') => `<?xml version="1.0"?>\n${doctype}\n${body}`;

const laughs = [
  '<!DOCTYPE report [',
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');

const cases: CorpusCase[] = [
  // Unsafe to read
  {
    name: 'billion laughs (entity expansion)',
    raw: withDoctype(laughs, ncmecXml({ additional: '<additionalInfo>&lol9;</additionalInfo>' }).replace(/^<\?xml[^>]*\?>/, '')),
    field: '#',
  },
  {
    name: 'external entity reading a file',
    raw: withDoctype(
      '<!DOCTYPE report [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<report><additionalInfo>&xxe;</additionalInfo></report>',
    ),
    field: '#',
  },
  {
    name: 'external entity fetching a URL',
    raw: withDoctype('<!DOCTYPE report [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/x">]>', '<report>&xxe;</report>'),
    field: '#',
  },
  {
    name: 'external parameter entity',
    raw: withDoctype('<!DOCTYPE report [<!ENTITY % dtd SYSTEM "http://127.0.0.1:1/evil.dtd"> %dtd;]>'),
    field: '#',
  },
  { name: 'external DTD', raw: withDoctype('<!DOCTYPE report SYSTEM "http://127.0.0.1:1/report.dtd">'), field: '#' },
  { name: 'a DOCTYPE without entities', raw: withDoctype('<!DOCTYPE report>', ncmecXml().replace(/^<\?xml[^>]*\?>/, '')), field: '#' },
  { name: 'an undeclared entity', raw: ncmecXml({ additional: '<additionalInfo>&nbsp;</additionalInfo>' }), field: '#' },
  { name: 'declared in Latin-1', raw: ncmecXml().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), field: '#' },
  {
    name: 'sent in UTF-16',
    raw: Buffer.from(`\ufeff${ncmecXml().replace('encoding="UTF-8"', 'encoding="UTF-16"')}`, 'utf16le'),
    field: '#',
  },
  {
    name: 'invalid UTF-8',
    raw: Buffer.concat([Buffer.from('<report><additionalInfo>'), Buffer.from([0xc3, 0x28]), Buffer.from('</additionalInfo></report>')]),
    field: '#',
  },
  { name: 'a NUL character', raw: ncmecXml({ additional: '<additionalInfo>a\u0000b</additionalInfo>' }), field: '#' },
  {
    name: 'a character reference to a control character',
    raw: ncmecXml({ additional: '<additionalInfo>a&#x1b;b</additionalInfo>' }),
    field: '#',
  },
  { name: 'nested 100 deep', raw: `<report>${'<additionalInfo>'.repeat(100)}${'</additionalInfo>'.repeat(100)}</report>`, field: '#' },
  { name: '30,000 elements', raw: `<report>${'<lawEnforcement/>'.repeat(30_000)}</report>`, field: '#' },
  { name: 'an element with 40 attributes', raw: `<report ${Array.from({ length: 40 }, (_, i) => `a${i}="x"`).join(' ')}/>`, field: '#' },
  // Not XML, or not well formed
  { name: 'empty body', raw: '', field: '#' },
  { name: 'JSON labelled as XML', raw: '{"category":"other"}', field: '#' },
  { name: 'a truncated document', raw: ncmecXml().slice(0, 400), field: '#' },
  { name: 'mismatched tags', raw: '<report><incidentSummary></report></incidentSummary>', field: '#' },
  { name: 'two root elements', raw: `${ncmecXml()}<report/>`, field: '#' },
  {
    name: 'an unquoted attribute',
    raw: '<report><internetDetails><webPageIncident thirdPartyHostedContent=true/></internetDetails></report>',
    field: '#',
  },
  // Not NCMEC's structure
  { name: 'another root element', raw: '<fileDetails><fileName>a.jpg</fileName></fileDetails>', field: '#/fileDetails' },
  { name: 'no incident summary', raw: '<report><additionalInfo>x</additionalInfo></report>', field: '#/report/incidentSummary' },
  {
    name: 'no incident type',
    raw: summary('<incidentDateTime>2025-01-01T00:00:00Z</incidentDateTime>'),
    field: '#/report/incidentSummary/incidentType',
  },
  { name: 'an unknown incident type', raw: summary('<incidentType>Spam</incidentType>'), field: '#/report/incidentSummary/incidentType' },
  {
    name: 'an incident type in lower case',
    raw: summary('<incidentType>child sex tourism</incidentType>'),
    field: '#/report/incidentSummary/incidentType',
  },
  { name: 'an unknown element', raw: ncmecXml({ additional: '<surprise>x</surprise>' }), field: '#/report/surprise' },
  {
    name: 'an unknown incident element',
    raw: internet('<webPageIncident><link>https://a.example.org/</link></webPageIncident>'),
    field: '#/report/internetDetails/webPageIncident/link',
  },
  {
    name: 'two incident summaries',
    raw: ncmecXml({ additional: `<incidentSummary>${type}</incidentSummary>` }),
    field: '#/report/incidentSummary[2]',
  },
  { name: 'text where elements belong', raw: summary(`${type}loose text`), field: '#/report/incidentSummary' },
  {
    name: 'an element inside a value',
    raw: web(['https://a.example.org/<b>x</b>']),
    field: '#/report/internetDetails/webPageIncident/url/b',
  },
  {
    name: 'an unknown annotation',
    raw: summary(`${type}<reportAnnotations><famous/></reportAnnotations>`),
    field: '#/report/incidentSummary/reportAnnotations/famous',
  },
  // Values the report format refuses
  {
    name: 'incident time in words',
    raw: summary(`${type}<incidentDateTime>last night</incidentDateTime>`),
    field: '#/report/incidentSummary/incidentDateTime',
  },
  {
    name: 'incident time in the future',
    raw: summary(`${type}<incidentDateTime>2999-01-01T00:00:00Z</incidentDateTime>`),
    field: '#/report/incidentSummary/incidentDateTime',
  },
  {
    name: 'incident time with an offset without colon',
    raw: summary(`${type}<incidentDateTime>2025-01-01T10:00:00+0200</incidentDateTime>`),
    field: '#/report/incidentSummary/incidentDateTime',
  },
  {
    name: 'a javascript: URL',
    raw: web(['https://a.example.org/', 'javascript:alert(1)']),
    field: '#/report/internetDetails/webPageIncident/url[2]',
  },
  { name: 'a URL without scheme', raw: web(['www.example.org/page']), field: '#/report/internetDetails/webPageIncident/url' },
  {
    name: 'a URL over 2,048 characters',
    raw: web([`https://a.example.org/${'x'.repeat(2100)}`]),
    field: '#/report/internetDetails/webPageIncident/url',
  },
  {
    name: '101 URLs',
    raw: web(Array.from({ length: 101 }, (_, i) => `https://a.example.org/${i}`)),
    field: '#/report/internetDetails/webPageIncident/url',
  },
  {
    name: '10,000 URLs',
    raw: web(Array.from({ length: 10_000 }, (_, i) => `https://a.example.org/${i}`)),
    field: '#/report/internetDetails/webPageIncident/url',
  },
  {
    name: 'a malformed e-mail address',
    raw: internet('<emailIncident><emailAddress>not-an-address</emailAddress></emailIncident>'),
    field: '#/report/internetDetails/emailIncident/emailAddress',
  },
  {
    name: 'a phone number without its country code',
    raw: internet('<cellPhoneIncident><phoneNumber>06 39 98 00 31</phoneNumber></cellPhoneIncident>'),
    field: '#/report/internetDetails/cellPhoneIncident/phoneNumber',
  },
  {
    name: 'a phone number in letters',
    raw: internet('<cellPhoneIncident><phoneNumber countryCallingCode="+33">SIX-TROIS</phoneNumber></cellPhoneIncident>'),
    field: '#/report/internetDetails/cellPhoneIncident/phoneNumber',
  },
  {
    name: 'a C1 control character in the text',
    raw: ncmecXml({ additional: '<additionalInfo>a\u0085b</additionalInfo>' }),
    field: '#/report/additionalInfo',
  },
  {
    name: 'a DEL character in the text',
    raw: ncmecXml({ additional: '<additionalInfo>a&#x7f;b</additionalInfo>' }),
    field: '#/report/additionalInfo',
  },
  {
    name: 'a narrative over 20,000 characters',
    raw: ncmecXml({ additional: `<additionalInfo>${'x'.repeat(25_000)}</additionalInfo>` }),
    field: '#/report/additionalInfo',
  },
  {
    name: 'a victim’s age in words',
    raw: victim('<victimPerson><age>twelve</age></victimPerson>'),
    field: '#/report/victim/victimPerson/age',
  },
  { name: 'a victim aged 30', raw: victim('<victimPerson><age>30</age></victimPerson>'), field: '#/report/victim/victimPerson/age' },
  {
    name: '21 victims',
    raw: ncmecXml({ victim: '<victim><victimPerson><age>9</age></victimPerson></victim>'.repeat(21) }),
    field: '#/report/victim',
  },
  {
    name: '11 reported persons',
    raw: ncmecXml({ reported: '<personOrUserReported><screenName>x</screenName></personOrUserReported>'.repeat(11) }),
    field: '#/report/personOrUserReported',
  },
  {
    name: 'an unknown country code',
    raw: reported('<estimatedLocation><city>Lyon</city><countryCode>ZZ</countryCode></estimatedLocation>'),
    field: '#/report/personOrUserReported/estimatedLocation/countryCode',
  },
  {
    name: 'a city without its country',
    raw: reported('<estimatedLocation><city>Lyon</city></estimatedLocation>'),
    field: '#/report/personOrUserReported/estimatedLocation/countryCode',
  },
  {
    name: 'a country in lower case',
    raw: address('<city>Lyon</city><country>fr</country>'),
    field: '#/report/internetDetails/nonInternetIncident/incidentAddress/country',
  },
  {
    name: 'a US state spelt out',
    raw: address('<city>Springfield</city><state>Illinois</state><country>US</country>'),
    field: '#/report/internetDetails/nonInternetIncident/incidentAddress/state',
  },
  {
    name: 'a malformed profile URL',
    raw: reported('<profileUrl>social/fox</profileUrl>'),
    field: '#/report/personOrUserReported/profileUrl',
  },
  {
    name: 'a display name over 200 characters',
    raw: reported(`<displayName>${'n'.repeat(201)}</displayName>`),
    field: '#/report/personOrUserReported/displayName',
  },
  {
    name: 'a malformed e-mail of the reporter',
    raw: ncmecXml({ reporter: '<reporter><reportingPerson><email>a@@b</email></reportingPerson></reporter>' }),
    field: '#/report/reporter/reportingPerson/email',
  },
  // Files
  {
    name: 'an unknown hash type',
    raw: file('<originalFileHash hashType="CRC32">abcd1234</originalFileHash>'),
    field: '#/report/fileDetails/originalFileHash/@hashType',
  },
  {
    name: 'an MD5 of the wrong length',
    raw: file('<originalFileHash hashType="MD5">abc</originalFileHash>'),
    field: '#/report/fileDetails/originalFileHash',
  },
  {
    name: 'a SHA-1 that is not hexadecimal',
    raw: file(`<originalFileHash hashType="SHA1">${'zz'.repeat(20)}</originalFileHash>`),
    field: '#/report/fileDetails/originalFileHash',
  },
  {
    name: 'a file without any hash',
    raw: file('<originalFileName>a.jpg</originalFileName>'),
    field: '#/report/fileDetails/originalFileHash',
  },
  {
    name: 'a path-traversal file name',
    raw: file(`<originalFileName>../../etc/passwd</originalFileName>${md5}`),
    field: '#/report/fileDetails/originalFileName',
  },
  { name: 'a file name ..', raw: file(`<originalFileName>..</originalFileName>${md5}`), field: '#/report/fileDetails/originalFileName' },
  {
    name: 'a Windows path as file name',
    raw: file(`<fileName>C:\\Users\\x\\a.jpg</fileName>${md5}`),
    field: '#/report/fileDetails/fileName',
  },
  {
    name: 'a file location that is not http',
    raw: file(`<locationOfFile>ftp://files.example.org/a.jpg</locationOfFile>${md5}`),
    field: '#/report/fileDetails/locationOfFile',
  },
  // Content types and headers
  {
    name: 'XML in Latin-1 by its content type',
    raw: ncmecXml(),
    contentType: 'application/xml; charset=iso-8859-1',
    field: 'header:content-type',
    status: 415,
  },
  { name: 'XML labelled as JSON', raw: ncmecXml(), contentType: 'application/json', field: 'header:content-type', status: 415 },
  { name: 'XML labelled as plain text', raw: ncmecXml(), contentType: 'text/plain', field: 'header:content-type', status: 415 },
  { name: 'an XML-like vendor type', raw: ncmecXml(), contentType: 'application/atom+xml', field: 'header:content-type', status: 415 },
  { name: 'a form', raw: 'report=1', contentType: 'application/x-www-form-urlencoded', field: 'header:content-type', status: 415 },
  { name: 'no idempotency key', raw: ncmecXml(), withoutKey: true, field: 'header:idempotency-key' },
  {
    name: 'an idempotency key with a line break',
    raw: ncmecXml(),
    headers: { 'idempotency-key': 'a\tb' },
    field: 'header:idempotency-key',
  },
];

corpusSuite({
  title: 'NCMEC CyberTipline XML',
  url: '/api/partner/reports/ncmec',
  sendsKey: true,
  contentType: 'application/xml',
  async setup(intake) {
    return { headers: intake.partner, context: undefined };
  },
  cases,
});
