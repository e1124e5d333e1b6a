import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';

/** A port free on loopback now (the instances need each other's origins before they start). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface CapturedRequest {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * An HTTP relay on loopback between two deployments that can lose answers: it passes each
 * request to the target and waits for the target's whole answer, then, while `dropAnswers`
 * is above zero, closes the connection instead of answering — the target did the work, the
 * sender never hears of it. It keeps the last request it relayed, exactly as sent.
 */
export class LossyRelay {
  dropAnswers = 0;
  relayed = 0;
  last: CapturedRequest | null = null;
  readonly #server: Server;

  constructor(
    readonly port: number,
    readonly target: string,
  ) {
    this.#server = createHttpServer((request, response) => {
      void this.#relay(request).then(
        async (answer) => {
          if (this.dropAnswers > 0) {
            this.dropAnswers -= 1;
            request.socket.destroy();
            return;
          }
          response.writeHead(
            answer.status,
            Object.fromEntries([...answer.headers].filter(([name]) => !['connection', 'transfer-encoding', 'keep-alive'].includes(name))),
          );
          response.end(Buffer.from(await answer.arrayBuffer()));
        },
        () => request.socket.destroy(),
      );
    });
  }

  async #relay(request: IncomingMessage): Promise<Response> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
    }
    this.last = { body, headers };
    this.relayed += 1;
    const answer = await fetch(`${this.target}${request.url ?? '/'}`, { method: request.method ?? 'POST', headers, body });
    // The whole answer is read before deciding whether to lose it: the target has finished.
    const bytes = Buffer.from(await answer.arrayBuffer());
    return new Response(bytes, { status: answer.status, headers: answer.headers });
  }

  listen(): Promise<void> {
    return new Promise((resolve) => this.#server.listen(this.port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
