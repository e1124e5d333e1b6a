import type { ReportContent } from '../../src/reports/index.js';
import { bitRange, flipBits, randomHex, seededRandom } from './linking-support.js';

/**
 * A generated data set of reports with planted links, for the cross-matching test. Every
 * value is invented: example.org / example.net / social.example addresses, numbers of the
 * range French regulation keeps for fiction (+33 6 39 98 xx xx), names made of syllables,
 * random hashes. Each planted link joins two reports through one reason, written in two
 * different forms that must meet; the reasons a pair must end up with are known from the
 * plan alone. Decoys are pairs of reports that look alike but must not be linked.
 */

type Mutable = {
  urls: string[];
  media: NonNullable<ReportContent['media']>;
  onlineIdentifiers: NonNullable<ReportContent['onlineIdentifiers']>;
  reportedPersons: NonNullable<ReportContent['reportedPersons']>;
};

export interface PlantedData {
  reports: ReportContent[];
  /** Planted clusters (two reports or more), as indexes into `reports`. */
  clusters: number[][];
  /** `a|b` (a < b, indexes) → the reasons that pair must be linked for. */
  links: Map<string, Set<string>>;
  /** How many planted links and decoy pairs of each kind. */
  census: Record<string, number>;
}

const syllables = ['ka', 'vo', 'ru', 'me', 'li', 'zo', 'ta', 'ne', 'bi', 'do', 'su', 'fa', 'pe', 'gu', 'ri', 'xa'];
const firstNames = ['Camille', 'Dominique', 'Sacha', 'Charlie', 'Morgan', 'Alexis', 'Noa', 'Eden'];

export function generatePlantedData(size: number, seed: number): PlantedData {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let counter = 0;
  const token = () => (counter++).toString(36).padStart(4, '0');
  let phones = 0;
  const phone = () => {
    if (phones >= 10_000) throw new Error('out of fictional numbers');
    return `+3363998${String(phones++).padStart(4, '0')}`;
  };
  const surname = () => {
    let n = counter++;
    let name = '';
    do {
      name += syllables[n % 16];
      n = Math.floor(n / 16);
    } while (n > 0);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}${pick(syllables)}`;
  };
  const host = (domain: string) => `h${Math.floor(random() * 12)}.${domain}`;
  const pdq = () => randomHex(random, 32);
  const file = () => ({ md5: randomHex(random, 16), sha1: randomHex(random, 20), sha256: randomHex(random, 32), pdq: pdq() });

  const builders: Mutable[] = [];
  const newReport = (): number => {
    const b: Mutable = { urls: [], media: [], onlineIdentifiers: [], reportedPersons: [] };
    // What every report holds of its own, so that the job has work and nothing is linked by accident.
    b.urls.push(`https://${host(pick(['example.org', 'example.net']))}/r/${token()}`);
    b.media.push({ hashes: file(), pdqQuality: 80 + Math.floor(random() * 21) });
    if (random() < 0.5) b.onlineIdentifiers.push({ email: `own.${token()}@example.org` });
    if (random() < 0.3) b.reportedPersons.push({ name: `${pick(firstNames)} ${surname()}`, age: 20 + Math.floor(random() * 50) });
    builders.push(b);
    return builders.length - 1;
  };

  const links = new Map<string, Set<string>>();
  const census: Record<string, number> = {};
  const expect = (a: number, b: number, reasons: readonly string[]) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const set = links.get(key) ?? new Set<string>();
    for (const reason of reasons) set.add(reason);
    links.set(key, set);
  };

  /** Each kind: the reasons the pair gets, and how its two sides are written. */
  const plantings: Record<string, { reasons: string[]; plant(u: Mutable, v: Mutable): void }> = {
    url: {
      reasons: ['url', 'canonical_url', 'domain_path'],
      plant(u, v) {
        const h = host('example.org');
        const path = `/same/${token()}`;
        u.urls.push(`https://${h}${path}`);
        v.urls.push(`HTTPS://${h.toUpperCase()}:443${path}#photos`);
      },
    },
    canonical_url: {
      reasons: ['canonical_url', 'domain_path'],
      plant(u, v) {
        const h = host('example.org');
        const path = `/page/${token()}`;
        u.urls.push(`https://${h}${path}?utm_source=mail&b=2&a=1`);
        v.urls.push(`https://${h}${path}?a=1&b=2&fbclid=x${token()}`);
      },
    },
    domain_path: {
      reasons: ['domain_path'],
      plant(u, v) {
        const path = `/site/${token()}`;
        u.urls.push(`https://www.example.net${path}`);
        v.urls.push(`http://m.example.net:8080${path}`);
      },
    },
    ...Object.fromEntries(
      (['md5', 'sha1', 'sha256'] as const).map((kind) => [
        kind,
        {
          reasons: [kind],
          plant(u: Mutable, v: Mutable) {
            const shared = file()[kind];
            u.media.push({ hashes: { [kind]: shared } });
            v.media.push({ hashes: { [kind]: shared.toUpperCase() } });
          },
        },
      ]),
    ),
    pdq: {
      reasons: ['pdq'],
      plant(u, v) {
        const base = pdq();
        const distance = 1 + Math.floor(random() * 31);
        u.media.push({ hashes: { pdq: base }, pdqQuality: 50 + Math.floor(random() * 51) });
        v.media.push({
          hashes: { pdq: flipBits(base, bitRange(Math.floor(random() * 200), distance)) },
          ...(random() < 0.5 ? { pdqQuality: 90 } : {}),
        });
      },
    },
    same_file: {
      reasons: ['md5', 'sha1', 'sha256', 'pdq'],
      plant(u, v) {
        const hashes = file();
        u.media.push({ hashes, pdqQuality: 100 });
        v.media.push({ hashes: { ...hashes, md5: hashes.md5.toUpperCase() }, pdqQuality: 100 });
      },
    },
    email: {
      reasons: ['email'],
      plant(u, v) {
        const local = `first.${token()}`;
        u.onlineIdentifiers.push({ email: `${local}@example.org` });
        v.reportedPersons.push({ onlineIdentifiers: [{ email: `${local.toUpperCase()}+news@Example.Org` }] });
      },
    },
    phone: {
      reasons: ['phone'],
      plant(u, v) {
        const number = phone();
        u.onlineIdentifiers.push({ phone: number });
        v.reportedPersons.push({ aliases: ['x'], onlineIdentifiers: [{ phone: number }] });
      },
    },
    account: {
      reasons: ['account'],
      plant(u, v) {
        const user = `Night_${token()}`;
        u.onlineIdentifiers.push({ platform: 'ExampleGame', username: user });
        v.onlineIdentifiers.push({ platform: 'www.examplegame.example', username: `@${user.toLowerCase()}` });
      },
    },
    profile_url: {
      reasons: ['profile_url'],
      plant(u, v) {
        const user = `User${token()}`;
        u.onlineIdentifiers.push({ profileUrl: `https://social.example/${user}` });
        v.onlineIdentifiers.push({ profileUrl: `http://www.social.example/${user.toLowerCase()}/?utm_source=share` });
      },
    },
    identity: {
      reasons: ['identity'],
      plant(u, v) {
        const first = pick(firstNames);
        const last = surname();
        const age = 20 + Math.floor(random() * 50);
        u.reportedPersons.push({ name: `${first} ${last}`, age, gender: 'male' });
        v.reportedPersons.push({ name: `${last.toUpperCase()}, ${first.toLowerCase()}`, age: age + 1 });
      },
    },
  };
  const kinds = Object.keys(plantings);
  const plant = (a: number, b: number, kind: string) => {
    const planting = plantings[kind]!;
    planting.plant(builders[a]!, builders[b]!);
    expect(a, b, planting.reasons);
    census[kind] = (census[kind] ?? 0) + 1;
  };

  /** Pairs that look alike and must not be linked. */
  const decoys: Record<string, (u: Mutable, v: Mutable) => void> = {
    pdq_beyond: (u, v) => {
      const base = pdq();
      u.media.push({ hashes: { pdq: base }, pdqQuality: 90 });
      v.media.push({
        hashes: { pdq: flipBits(base, bitRange(Math.floor(random() * 200), 32 + Math.floor(random() * 9))) },
        pdqQuality: 90,
      });
    },
    pdq_low_quality: (u, v) => {
      const base = pdq();
      u.media.push({ hashes: { pdq: base }, pdqQuality: 90 });
      v.media.push({ hashes: { pdq: flipBits(base, bitRange(10, 5)) }, pdqQuality: 49 });
    },
    name_without_age: (u, v) => {
      const name = `${pick(firstNames)} ${surname()}`;
      u.reportedPersons.push({ name });
      v.reportedPersons.push({ name, ageRange: { min: 30, max: 40 } });
    },
    birth_years_apart: (u, v) => {
      const name = `${pick(firstNames)} ${surname()}`;
      u.reportedPersons.push({ name, age: 40 });
      v.reportedPersons.push({ name, age: 42 });
    },
    single_word_name: (u, v) => {
      const name = surname();
      u.reportedPersons.push({ name, age: 33 });
      v.reportedPersons.push({ name, age: 33 });
    },
    other_platform: (u, v) => {
      const user = `owl_${token()}`;
      u.onlineIdentifiers.push({ platform: 'ExampleGame', username: user });
      v.onlineIdentifiers.push({ platform: 'ExampleChat', username: user });
    },
    no_platform: (u, v) => {
      const user = `lark_${token()}`;
      u.onlineIdentifiers.push({ username: user });
      v.reportedPersons.push({ onlineIdentifiers: [{ username: user }] });
    },
    other_registrable_domain: (u, v) => {
      const path = `/p/${token()}`;
      u.urls.push(`https://x.example.org${path}`);
      v.urls.push(`https://x.example.net${path}`);
    },
    path_case: (u, v) => {
      const path = `/Case/${token()}`;
      u.urls.push(`https://h1.example.org${path}`);
      v.urls.push(`https://h1.example.org${path.toLowerCase()}`);
    },
    other_profile: (u, v) => {
      const user = `Prof${token()}`;
      u.onlineIdentifiers.push({ profileUrl: `https://social.example/${user}` });
      v.onlineIdentifiers.push({ profileUrl: `https://social.example/${user}x` });
    },
    email_dots: (u, v) => {
      const local = `dot${token()}`;
      u.onlineIdentifiers.push({ email: `${local}.x@example.org` });
      v.onlineIdentifiers.push({ email: `${local}x@example.org` });
    },
    next_phone: (u, v) => {
      u.onlineIdentifiers.push({ phone: phone() });
      v.onlineIdentifiers.push({ phone: phone() });
    },
  };

  const clusters: number[][] = [];
  // One large group sharing a media hash: every pair is linked.
  const group = Array.from({ length: 40 }, newReport);
  const sharedMd5 = randomHex(random, 16);
  for (const member of group) builders[member]!.media.push({ hashes: { md5: sharedMd5 } });
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) expect(group[i]!, group[j]!, ['md5']);
  clusters.push(group);
  census['md5 (group of 40)'] = 1;

  const inClusters = Math.floor(size / 2);
  let edges = 0;
  while (builders.length < inClusters) {
    const members = Array.from({ length: 2 + Math.floor(random() * random() * 7) }, newReport);
    // A tree through every member, each edge a reason in turn, and sometimes one more edge.
    for (let i = 1; i < members.length; i++) plant(members[i]!, members[Math.floor(random() * i)]!, kinds[edges++ % kinds.length]!);
    if (random() < 0.3) {
      const a = Math.floor(random() * members.length);
      const b = (a + 1 + Math.floor(random() * (members.length - 1))) % members.length;
      plant(members[a]!, members[b]!, kinds[edges++ % kinds.length]!);
    }
    clusters.push(members);
  }
  const decoyKinds = Object.keys(decoys);
  for (let i = 0; i < 20 * decoyKinds.length; i++) {
    const kind = decoyKinds[i % decoyKinds.length]!;
    decoys[kind]!(builders[newReport()]!, builders[newReport()]!);
    census[`decoy ${kind}`] = (census[`decoy ${kind}`] ?? 0) + 1;
  }
  while (builders.length < size) newReport();

  const reports = builders.map((b): ReportContent => ({
    category: 'child_sexual_abuse_material',
    occurredAt: '2025-03-01',
    urls: b.urls,
    media: b.media,
    ...(b.onlineIdentifiers.length > 0 ? { onlineIdentifiers: b.onlineIdentifiers } : {}),
    ...(b.reportedPersons.length > 0 ? { reportedPersons: b.reportedPersons } : {}),
  }));
  return { reports, clusters, links, census };
}
