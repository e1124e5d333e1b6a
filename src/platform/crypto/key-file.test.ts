import { mkdtemp, readFile, rm, stat, writeFile, chmod, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKeyRing, saveKeyRing } from './key-file.js';
import { KeyRingError, newKeyRing, withNewKey } from './key-ring.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vigie-keys-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('key file', () => {
  it('is created on first start, in missing folders, with mode 0600, and reused afterwards', async () => {
    const keyFile = path.join(folder, 'data', 'deeper', 'keys.json');
    const first = await loadKeyRing({ keyFile });
    expect(first.origin).toBe('created');
    expect(first.keyFile).toBe(keyFile);
    expect(await modeOf(keyFile)).toBe(0o600);
    const second = await loadKeyRing({ keyFile });
    expect(second.origin).toBe('file');
    expect({ ...second, origin: 'created' }).toEqual(first);
    expect(JSON.parse(await readFile(keyFile, 'utf8'))).toEqual({
      current: first.current,
      keys: first.keys,
      indexKey: first.indexKey,
    });
  });

  it('gives every process starting at once the same ring', async () => {
    const keyFile = path.join(folder, 'keys.json');
    const rings = await Promise.all(Array.from({ length: 8 }, () => loadKeyRing({ keyFile })));
    expect(new Set(rings.map((ring) => ring.keys[ring.current])).size).toBe(1);
    expect(rings.filter((ring) => ring.origin === 'created')).toHaveLength(1);
    expect(await readdir(folder)).toEqual(['keys.json']);
  });

  it('prefers VIGIE_KEYS and then creates no file', async () => {
    const ring = newKeyRing();
    const keyFile = path.join(folder, 'keys.json');
    const loaded = await loadKeyRing({ keyFile, keyRing: JSON.stringify(ring) });
    expect(loaded).toMatchObject({ ...ring, origin: 'environment', keyFile: undefined });
    await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
  });

  it('rejects a malformed file, naming it', async () => {
    const keyFile = path.join(folder, 'keys.json');
    await writeFile(keyFile, '{"current": 1}', { mode: 0o600 });
    await expect(loadKeyRing({ keyFile })).rejects.toThrow(KeyRingError);
    await expect(loadKeyRing({ keyFile })).rejects.toThrow(keyFile);
  });

  it('warns when the key file can be read by others', async () => {
    const keyFile = path.join(folder, 'keys.json');
    await saveKeyRing(keyFile, newKeyRing());
    await chmod(keyFile, 0o644);
    const loaded = await loadKeyRing({ keyFile });
    expect(loaded.warnings.join()).toMatch(/chmod 600/);
  });

  it('saves by replacing the file, mode 0600, without the loading metadata', async () => {
    const keyFile = path.join(folder, 'keys.json');
    const loaded = await loadKeyRing({ keyFile });
    const rotated = withNewKey(loaded);
    await saveKeyRing(keyFile, { ...loaded, ...rotated });
    expect(await modeOf(keyFile)).toBe(0o600);
    expect(JSON.parse(await readFile(keyFile, 'utf8'))).toEqual(rotated);
    expect(await readdir(folder)).toEqual(['keys.json']);
  });
});
