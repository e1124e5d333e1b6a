// Builds the web front end into web/dist when its sources changed since the last build.
//   node web/build.mjs              build now
//   node web/build.mjs --if-stale   build only when web/dist is missing or older than its sources
//   --soft                          never fail (npm install must not fail on a front-end error)
// Text files are also written brotli- and gzip-compressed beside themselves, which the server
// sends to browsers that accept them (a fraction of the bytes on a reporter's slow connection).
// Several processes may call it at once (parallel test files): a lock directory makes one
// build while the others wait for it, and the new build takes web/dist's place by renames.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.dirname(webDir);
const distDir = path.join(webDir, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const lockDir = path.join(webDir, '.build-lock');
const ignored = new Set(['dist', 'node_modules', '.build-lock']);
/** The packages whose code ends up in the bundle: a new version means a new build. */
const bundled = ['vite', '@vitejs/plugin-react', 'react', 'react-dom', 'react-router', 'altcha-lib', 'qrcode'];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !ignored.has(entry.name) && !entry.name.startsWith('.dist-'))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? sourceFiles(full) : [full];
    })
    .sort();
}

function version(name) {
  try {
    return JSON.parse(readFileSync(path.join(rootDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'missing';
  }
}

/** A hash of every source file and of the bundled packages' versions. */
function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles(webDir)) hash.update(path.relative(webDir, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const name of bundled) hash.update(`${name}@${version(name)}\0`);
  return hash.digest('hex');
}

const isFresh = (hash) => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function takeLock() {
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a build that died (older than 5 minutes) is broken.
      if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000)
        rmSync(lockDir, { recursive: true, force: true });
      await sleep(200);
    }
  }
}

const compressible = /\.(?:js|css|html|svg|json)$/;

/** `name.br` and `name.gz` beside each text file worth compressing, at the strongest settings: done once per build. */
function compressText(dir) {
  for (const file of sourceFiles(dir)) {
    if (!compressible.test(file)) continue;
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    const brotli = brotliCompressSync(content, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    writeFileSync(`${file}.br`, brotli);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: zlib.Z_BEST_COMPRESSION }));
  }
}

async function build(hash) {
  // Always the production build: a test runner's NODE_ENV=test made Vite bundle React's
  // development build (larger, and StrictMode running each effect twice), so what the
  // browser tests saw depended on who had built last.
  process.env.NODE_ENV = 'production';
  const { build: viteBuild } = await import('vite');
  const outDir = path.join(webDir, `.dist-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  await viteBuild({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  compressText(outDir);
  writeFileSync(path.join(outDir, '.build-stamp'), hash);
  // The old build steps aside rather than being removed first, so that web/dist is missing
  // only between two renames, not for as long as a removal takes (a server starting then
  // would find no front end).
  const previousDir = path.join(webDir, `.dist-previous-${process.pid}`);
  rmSync(previousDir, { recursive: true, force: true });
  if (existsSync(distDir)) renameSync(distDir, previousDir);
  renameSync(outDir, distDir);
  rmSync(previousDir, { recursive: true, force: true });
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const ifStale = args.has('--if-stale');
  const hash = sourceHash();
  if (ifStale && isFresh(hash)) return;
  await takeLock();
  try {
    if (ifStale && isFresh(hash)) return; // built by another process while we waited
    const started = Date.now();
    console.log('Building the web front end (web/dist)…');
    await build(hash);
    console.log(`Built the web front end in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  const soft = process.argv.includes('--soft');
  console.error(`${soft ? 'WARNING: ' : ''}the web front end could not be built: ${error?.stack ?? error}`);
  if (soft) console.error('Vigie will build it again at `npm start`.');
  process.exit(soft ? 0 : 1);
});
