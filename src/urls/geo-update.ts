import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import semver from 'semver';
import { x as extract } from 'tar';
import { locateGeoSources, manifestFile, readManifest, type GeoManifest } from './geo-dataset.js';
import { csvFilesOf, geoRoles, geoSources, readCountryTables, readNetworkTables, type GeoRole } from './geo-files.js';
import { downloadVerified, latestVersion, RegistryError, type PublishedVersion } from './npm-registry.js';

export interface GeoUpdateOptions {
  geoDir: string;
  /** An npm registry: https://registry.npmjs.org, or a mirror. */
  registry: string;
  timeoutMs?: number;
  /** The largest tarball accepted. Default 256 MiB. */
  maxBytes?: number;
  log?: (line: string) => void;
}

export interface GeoUpdateOutcome {
  role: GeoRole;
  packageName: string;
  from: string | null;
  to: string;
  /** `current`: the registry has nothing newer than what is installed. */
  status: 'installed' | 'current';
}

/** Whether the registry's version is newer than the installed one (a lagging mirror never downgrades). */
function isNewer(candidate: string, installed: string): boolean {
  const [a, b] = [semver.valid(candidate), semver.valid(installed)];
  if (a === null) throw new RegistryError(`the registry names ${JSON.stringify(candidate)} as its latest version, which is not a version`);
  return b === null || semver.gt(a, b);
}

/** What is kept of a package: its data files, its licence and notices. */
function wanted(role: GeoRole, entryPath: string): boolean {
  const [top, name, ...deeper] = entryPath.split('/');
  if (top !== 'package' || name === undefined || deeper.length > 0) return false;
  return (
    (csvFilesOf(role) as readonly string[]).includes(name) ||
    /^(package\.json|README\.md|[A-Z_-]*LICEN[CS]E[A-Za-z0-9_.-]*|MODIFICATIONS)$/.test(name)
  );
}

async function unpackInto(role: GeoRole, tarball: Buffer, directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  await pipeline(
    Readable.from([tarball]),
    extract({
      cwd: directory,
      strip: 1,
      filter: (entryPath, entry) => ('type' in entry ? entry.type === 'File' : true) && wanted(role, entryPath),
    }),
  );
  // The files must read as a dataset before anyone uses them.
  const tables = role === 'country' ? await readCountryTables(directory) : await readNetworkTables(directory);
  if (tables.v4.size === 0) throw new RegistryError(`${geoSources[role].packageName}: the IPv4 file holds no range`);
}

/**
 * Brings the dataset to the registry's newest versions: each package that changed is
 * downloaded, checked against its integrity hash, unpacked into a new folder of the geo
 * directory and read whole; only when every part is ready does one rename of the manifest
 * switch to them (running processes load them within a minute). On any failure nothing
 * changes. Folders of older versions are removed afterwards.
 */
export async function updateGeoDataset(options: GeoUpdateOptions): Promise<GeoUpdateOutcome[]> {
  const { geoDir, registry } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log = options.log ?? (() => undefined);
  await mkdir(geoDir, { recursive: true });
  const located = await locateGeoSources(geoDir);
  const manifest: GeoManifest = { ...(await readManifest(geoDir)) };
  const outcomes: GeoUpdateOutcome[] = [];
  const incoming: string[] = [];
  try {
    for (const role of geoRoles) {
      const { packageName, base } = geoSources[role];
      const from = located[role]?.version ?? null;
      const latest: PublishedVersion = await latestVersion(registry, packageName, timeoutMs);
      if (from !== null && !isNewer(latest.version, from)) {
        log(`${packageName}: ${from} is installed, the registry's latest is ${latest.version}: nothing to do`);
        outcomes.push({ role, packageName, from, to: from, status: 'current' });
        continue;
      }
      log(`${packageName}: downloading ${latest.version}${from ? ` (installed: ${from})` : ''}`);
      const tarball = await downloadVerified(latest, timeoutMs, options.maxBytes ?? 256 * 1024 * 1024);
      const staging = path.join(geoDir, `.incoming-${base}-${randomBytes(6).toString('hex')}`);
      incoming.push(staging);
      await unpackInto(role, tarball, staging);
      const directory = `${base}@${latest.version}`;
      await rm(path.join(geoDir, directory), { recursive: true, force: true });
      await rename(staging, path.join(geoDir, directory));
      manifest[role] = {
        packageName,
        version: latest.version,
        directory,
        integrity: latest.integrity,
        installedAt: new Date().toISOString(),
      };
      outcomes.push({ role, packageName, from, to: latest.version, status: 'installed' });
    }
  } catch (error) {
    await Promise.all(incoming.map((dir) => rm(dir, { recursive: true, force: true })));
    throw error;
  }
  if (outcomes.some((outcome) => outcome.status === 'installed')) {
    const temporary = path.join(geoDir, `.${manifestFile}.${randomBytes(6).toString('hex')}`);
    await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644 });
    await rename(temporary, path.join(geoDir, manifestFile));
    await removeUnused(geoDir, manifest);
  }
  return outcomes;
}

async function removeUnused(geoDir: string, manifest: GeoManifest): Promise<void> {
  const kept = new Set(geoRoles.flatMap((role) => (manifest[role] ? [manifest[role].directory] : [])));
  const bases = new Set<string>(geoRoles.map((role) => geoSources[role].base));
  for (const entry of await readdir(geoDir, { withFileTypes: true })) {
    const base = entry.name.split('@')[0] ?? '';
    if (entry.isDirectory() && bases.has(base) && entry.name.includes('@') && !kept.has(entry.name)) {
      await rm(path.join(geoDir, entry.name), { recursive: true, force: true });
    }
  }
}
