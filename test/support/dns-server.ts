import { createSocket } from 'node:dgram';
import * as packet from 'dns-packet';

/** What the loopback DNS server knows of a name: its addresses, or a failure to play. */
export type Records = { A?: string[]; AAAA?: string[] };
/**
 * `changing`: the n-th question of a type gets the n-th records, the last ones from then on
 * (a name whose answer changes between two lookups: DNS rebinding).
 */
export type ZoneEntry = Records | { changing: Records[] } | 'silent' | 'servfail';
export type Zone = Record<string, ZoneEntry>;

export interface DnsServer {
  /** `127.0.0.1:<port>`, as VIGIE_DNS_SERVERS takes it. */
  address: string;
  /** Every question asked, `<type> <name>`, in order. */
  questions: string[];
  close(): Promise<void>;
}

const NXDOMAIN = 3;
const SERVFAIL = 2;

/**
 * A real DNS server on UDP loopback (dns-packet for the wire format): authoritative for the
 * names of its zone, NXDOMAIN for any other; a `silent` name gets no answer at all (a
 * timeout), a `servfail` name a server failure.
 */
export async function startDnsServer(zone: Zone): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const questions: string[] = [];
  const entries = new Map(Object.entries(zone).map(([name, entry]) => [name.toLowerCase().replace(/\.$/, ''), entry]));
  const asked = new Map<string, number>();
  socket.on('message', (message, remote) => {
    const query = packet.decode(message);
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    questions.push(`${question.type} ${name}`);
    const entry = entries.get(name);
    if (entry === 'silent') return;
    let rcode = 0;
    const answers: packet.Answer[] = [];
    if (entry === undefined) rcode = NXDOMAIN;
    else if (entry === 'servfail') rcode = SERVFAIL;
    else if (question.type === 'A' || question.type === 'AAAA') {
      const times = asked.get(`${question.type} ${name}`) ?? 0;
      asked.set(`${question.type} ${name}`, times + 1);
      const records = 'changing' in entry ? (entry.changing[Math.min(times, entry.changing.length - 1)] ?? {}) : entry;
      for (const data of records[question.type] ?? [])
        answers.push({ type: question.type, name: question.name, ttl: 60, class: 'IN', data });
    }
    const response = packet.encode({
      type: 'response',
      id: query.id,
      flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_AVAILABLE | rcode,
      questions: [question],
      answers,
    });
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
