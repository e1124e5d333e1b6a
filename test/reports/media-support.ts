import type { LightMyRequestResponse } from 'fastify';
import { solvedChallengeHeaders } from '../support/challenge.js';
import type { TestVigie } from '../support/app.js';
import { inject } from './support.js';

export interface Part {
  name: string;
  /** Absent: a text field. */
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body, built by hand so that tests control every byte of it. */
export function multipartBody(parts: readonly Part[], boundary = 'vigie-test-boundary-7d3f'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const type = part.contentType ?? (part.filename !== undefined ? 'application/octet-stream' : undefined);
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`, 'utf8'),
      Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const multipartType = (boundary = 'vigie-test-boundary-7d3f') => `multipart/form-data; boundary=${boundary}`;

export type UploadRoute = 'public' | 'partner' | 'helpline';
export const uploadUrls: Record<UploadRoute, string> = {
  public: '/api/public/media',
  partner: '/api/partner/media',
  helpline: '/api/helpline/media',
};

/** Posts one file as a browser would: field `file`, the file's name, a declared type. */
export async function upload(
  t: TestVigie,
  route: UploadRoute,
  credentials: Record<string, string>,
  file: Buffer,
  options: { filename?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const challenge = route === 'public' ? await solvedChallengeHeaders(t.vigie.app) : {};
  return inject(t, {
    method: 'POST',
    url: uploadUrls[route],
    headers: { ...credentials, ...challenge, 'content-type': multipartType(), ...options.headers },
    payload: multipartBody([
      { name: 'file', filename: options.filename ?? 'capture.png', contentType: options.contentType ?? 'image/png', data: file },
    ]),
  });
}

/** Uploads and returns the id, failing the test on anything but 201. */
export async function uploadId(
  t: TestVigie,
  route: UploadRoute,
  credentials: Record<string, string>,
  file: Buffer,
  filename?: string,
): Promise<string> {
  const response = await upload(t, route, credentials, file, filename === undefined ? {} : { filename });
  if (response.statusCode !== 201) throw new Error(`upload refused: ${response.statusCode} ${response.body}`);
  return (response.json() as { uploadId: string }).uploadId;
}
