import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope. */
  from: string;
  to: string[];
  raw: Buffer;
  /** The connection was TLS (implicit or after STARTTLS). */
  secure: boolean;
  user: string | undefined;
}

export interface SmtpServerOptions {
  /** Offer STARTTLS with this certificate; without it STARTTLS is not offered. */
  startTls?: { cert: string; key: string };
  /** Require AUTH with these credentials. */
  auth?: { user: string; pass: string };
  /** A reply code to refuse a recipient with (550 for good, 451 for now), or null to take it. */
  recipientReply?: (address: string) => number | null;
  /** A reply code to refuse a whole message with after its DATA, or null to keep it. */
  dataReply?: (raw: Buffer, index: number) => number | null;
  /** Keep the message but never answer its DATA (the client waits until it dies or times out). */
  holdAnswer?: (index: number) => boolean;
}

export interface SmtpServer {
  port: number;
  /** `smtp://127.0.0.1:<port>`, with the credentials when AUTH is required. */
  url: string;
  /** Messages kept (DATA ended and accepted), in order. */
  received: ReceivedMail[];
  /** Messages refused after their DATA. */
  refused: number;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (the `smtp-server` package), keeping what it receives in memory. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<SmtpServer> {
  const received: ReceivedMail[] = [];
  const state = { refused: 0, messages: 0 };
  const server = new SMTPServer({
    logger: false,
    ...(options.startTls ? { key: options.startTls.key, cert: options.startTls.cert } : { disabledCommands: ['STARTTLS'] }),
    authOptional: !options.auth,
    ...(options.auth ? { allowInsecureAuth: true } : {}),
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const code = options.recipientReply?.(address.address) ?? null;
      callback(code === null ? null : Object.assign(new Error(`Recipient refused`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const index = state.messages;
        const code = options.dataReply?.(raw, index) ?? null;
        state.messages += 1;
        if (code !== null) {
          state.refused += 1;
          return callback(Object.assign(new Error('Message refused'), { responseCode: code }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        if (!options.holdAnswer?.(index)) callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const parseMail = (mail: ReceivedMail): Promise<ParsedMail> => simpleParser(mail.raw);

/**
 * What a connection through the cutting proxy suffers: `pass` nothing; `mid-data` the
 * connection is cut in the middle of the message's content; `before-reply` the whole
 * message reaches the server, which keeps it, and the connection is cut before its answer
 * reaches the client (the client cannot know the message went).
 */
export type Cut = 'pass' | 'mid-data' | 'before-reply';

export interface CuttingProxy {
  port: number;
  /** The cut suffered by each connection so far, in order. */
  cuts: Cut[];
  /** The cuts the next connections suffer, in order; after them, `pass`. */
  cutNext(...cuts: Cut[]): void;
  close(): Promise<void>;
}

/** A TCP proxy on loopback in front of an SMTP server, cutting the next connections as told. */
export async function startCuttingProxy(upstreamPort: number): Promise<CuttingProxy> {
  const cuts: Cut[] = [];
  const upcoming: Cut[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const cut = upcoming.shift() ?? 'pass';
    cuts.push(cut);
    const upstream = connect(upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const cutBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    let inData = false;
    let messageSent = false;
    // The end of the message (CRLF . CRLF) may come split over two writes.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      tail = text.slice(-4);
      if (inData && cut === 'mid-data') {
        upstream.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), cutBoth);
        return;
      }
      if (inData && text.includes('\r\n.\r\n')) messageSent = true;
      if (/^DATA\r\n/im.test(text)) inData = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (messageSent && cut === 'before-reply') return cutBoth();
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cuts,
    cutNext: (...next) => void upcoming.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
