import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

/** How the host answers a path. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The TLS server name the client sent (HTTPS only). */
  servername?: string | false;
}

export interface HostServer {
  port: number;
  /** Every request received, in order. */
  requests: SeenRequest[];
  /** Bytes of bodies written, per path (a cut connection stops the count). */
  written: Map<string, number>;
  close(): Promise<void>;
}

export interface HostOptions {
  address?: string;
  port?: number;
  tls?: { cert: string; key: string };
}

/** A real HTTP(S) server on loopback playing a reported host: each path answers as its route says, any other 404. */
export async function startHostServer(routes: Record<string, Route>, options: HostOptions = {}): Promise<HostServer> {
  const requests: SeenRequest[] = [];
  const written = new Map<string, number>();
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    const socket = request.socket as Partial<TLSSocket>;
    requests.push({ path, headers: request.headers, ...(options.tls ? { servername: socket.servername ?? false } : {}) });
    const originalWrite = response.write.bind(response);
    response.write = ((chunk: Buffer | string, ...rest: never[]) => {
      written.set(path, (written.get(path) ?? 0) + Buffer.byteLength(chunk));
      return originalWrite(chunk, ...rest);
    }) as typeof response.write;
    const route = routes[path.split('?')[0]!];
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  };
  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handle) : createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.address ?? '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a status and a body. */
export const answer =
  (status: number, body: string | Buffer = '', headers: Record<string, string> = {}): Route =>
  (_request, response) =>
    response.writeHead(status, { 'content-type': 'text/html', ...headers }).end(body);

export const redirect =
  (location: string, status = 302, headers: Record<string, string> = {}): Route =>
  (_request, response) =>
    response.writeHead(status, { location, ...headers }).end();

/** 200, then a byte every `everyMs`, for ever (until the client goes). */
export const drip =
  (everyMs: number): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => response.write('.'), everyMs);
    response.once('close', () => clearInterval(timer));
  };

/** Never answers. */
export const silent: Route = (_request, response) => {
  response.once('close', () => undefined);
};

/** The bytes of a large body: a repeating, position-dependent pattern. */
export function patternBytes(length: number, from = 0): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (from + i) % 251;
  return bytes;
}

/** 200 and a body of `total` bytes, written 16 KiB at a time as the client reads. */
export const huge =
  (total: number): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(total) });
    let sent = 0;
    const more = () => {
      while (sent < total && !response.destroyed) {
        const size = Math.min(16 * 1024, total - sent);
        const chunk = patternBytes(size, sent);
        sent += size;
        if (!response.write(chunk)) return void response.once('drain', more);
      }
      if (sent >= total) response.end();
    };
    more();
  };
