import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { KeyRingError, newKeyRing, parseKeyRing, ringOnly, type KeyRing } from './key-ring.js';

export interface KeyRingSource {
  /** Where the ring is kept; created with fresh keys when it does not exist. */
  keyFile: string;
  /** The ring as JSON text (VIGIE_KEYS); when given, the file is not used. */
  keyRing?: string | undefined;
}

/**
 * A ring that remembers where it came from, so that rotation can never save a new key to a
 * file that is not the one in use (with VIGIE_KEYS set, the key file is ignored).
 */
export interface LoadedKeyRing extends KeyRing {
  /** The file a changed ring is saved to; undefined when the ring came from the environment. */
  readonly keyFile: string | undefined;
  readonly origin: 'environment' | 'file' | 'created';
  /** Things the operator should fix, to be logged (e.g. a key file readable by others). */
  readonly warnings: readonly string[];
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function isTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

/** Writes the ring to a new private file beside `file`, flushed to disk; returns its path. */
async function writeTemporary(file: string, ring: KeyRing): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(ringOnly(ring), null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // The mode given to open is filtered by the umask; the key file must be 0600 whatever it is.
  await chmod(temporary, 0o600);
  return temporary;
}

/** Makes a rename durable. Some systems cannot open or sync a folder; the rename is still atomic. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Replaces the key file in one step (temporary file, then rename), mode 0600. */
export async function saveKeyRing(file: string, ring: KeyRing): Promise<void> {
  const temporary = await writeTemporary(file, ring);
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file));
}

/**
 * Creates the key file unless it exists. `link` fails when the name is taken, so two
 * processes starting together cannot both create a ring: the second reads the first's.
 */
async function createKeyFile(file: string): Promise<KeyRing | undefined> {
  const ring = newKeyRing();
  const temporary = await writeTemporary(file, ring);
  try {
    await link(temporary, file);
    await syncFolder(path.dirname(file));
    return ring;
  } catch (error) {
    if (isTaken(error)) return undefined;
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function readKeyFile(file: string): Promise<{ ring: KeyRing; warnings: string[] } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new KeyRingError(`Cannot read the key file ${file}: ${(error as Error).message}`);
  }
  const ring = parseKeyRing(text, `the key file ${file}`);
  const mode = (await stat(file)).mode & 0o777;
  const warnings =
    (mode & 0o077) === 0 ? [] : [`The key file ${file} can be read by other users (mode ${mode.toString(8)}); run chmod 600 on it.`];
  return { ring, warnings };
}

/**
 * The deployment's key ring: from VIGIE_KEYS when set, else from the key file, which is
 * created with fresh keys on the very first start of an embedded deployment.
 */
export async function loadKeyRing(source: KeyRingSource): Promise<LoadedKeyRing> {
  if (source.keyRing !== undefined && source.keyRing !== '') {
    const ring = parseKeyRing(source.keyRing, 'VIGIE_KEYS');
    return { ...ring, keyFile: undefined, origin: 'environment', warnings: [] };
  }
  const file = path.resolve(source.keyFile);
  const existing = await readKeyFile(file);
  if (existing) return { ...existing.ring, keyFile: file, origin: 'file', warnings: existing.warnings };
  const created = await createKeyFile(file);
  if (created) return { ...created, keyFile: file, origin: 'created', warnings: [] };
  const raced = await readKeyFile(file);
  if (!raced) throw new KeyRingError(`The key file ${file} vanished while it was being created`);
  return { ...raced.ring, keyFile: file, origin: 'file', warnings: raced.warnings };
}

function originOf(ring: KeyRing): Partial<Pick<LoadedKeyRing, 'origin' | 'keyFile'>> {
  return ring as Partial<LoadedKeyRing>;
}

/**
 * The file a changed ring must be saved to. A ring from VIGIE_KEYS has none: Vigie cannot
 * change the environment, so the operator changes the variable instead. A ring loaded from
 * one file is never saved to another.
 */
export function keyFileToSave(ring: KeyRing, keyFile: string | undefined, action: string): string {
  const { origin, keyFile: loadedFrom } = originOf(ring);
  if (origin === 'environment') {
    throw new KeyRingError(
      `Cannot ${action}: the key ring comes from the VIGIE_KEYS environment variable, which Vigie cannot rewrite. ` +
        'Change VIGIE_KEYS yourself: add a new key, make it "current" and keep the old keys; restart every Vigie ' +
        'process with it; then re-seal the stored values.',
    );
  }
  const file = keyFile ?? loadedFrom;
  if (file === undefined) throw new KeyRingError(`Cannot ${action}: no key file to save the key ring to`);
  if (loadedFrom !== undefined && path.resolve(file) !== loadedFrom) {
    throw new KeyRingError(`Cannot ${action}: the key ring was loaded from ${loadedFrom}, not from ${file}`);
  }
  return path.resolve(file);
}
