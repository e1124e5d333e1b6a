import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { c as createTar } from 'tar';

export interface PublishedPackage {
  name: string;
  version: string;
  tarball: Buffer;
  /** What the registry claims; the tarball's own SHA-512 unless a test lies. */
  integrity?: string;
}

export interface NpmRegistry {
  url: string;
  requests: string[];
  publish(pkg: PublishedPackage): void;
  close(): Promise<void>;
}

/** A package folder packed as npm packs it: a gzipped tar whose entries are under `package/`. */
export async function packFolder(folder: string): Promise<Buffer> {
  const files = await readdir(folder);
  const chunks: Buffer[] = [];
  const stream = createTar({ gzip: true, cwd: folder, prefix: 'package', portable: true }, files);
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export const sha512Integrity = (bytes: Buffer) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

/** A registry on loopback speaking the part of the npm registry protocol that installs use. */
export async function startNpmRegistry(): Promise<NpmRegistry> {
  const packages = new Map<string, PublishedPackage[]>();
  const requests: string[] = [];
  let base = '';
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    const tarball = /^\/tarballs\/(.+)-(\d[^/]*)\.tgz$/.exec(url);
    if (tarball) {
      const name = decodeURIComponent(tarball[1]!);
      const found = packages.get(name)?.find((pkg) => pkg.version === tarball[2]);
      if (!found) return response.writeHead(404).end();
      return response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found.tarball);
    }
    const name = decodeURIComponent(url.slice(1));
    const versions = packages.get(name);
    if (!versions) return response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
    const document = {
      name,
      'dist-tags': { latest: versions[versions.length - 1]!.version },
      versions: Object.fromEntries(
        versions.map((pkg) => [
          pkg.version,
          {
            name,
            version: pkg.version,
            dist: {
              tarball: `${base}/tarballs/${encodeURIComponent(name)}-${pkg.version}.tgz`,
              integrity: pkg.integrity ?? sha512Integrity(pkg.tarball),
            },
          },
        ]),
      ),
    };
    return response.writeHead(200, { 'content-type': 'application/vnd.npm.install-v1+json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    publish: (pkg) => packages.set(pkg.name, [...(packages.get(pkg.name) ?? []), pkg]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
