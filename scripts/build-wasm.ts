import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type wabtFactory from 'wabt';

/**
 * Compiles every WebAssembly text file under src/ (`*.wat`) into the binary
 * beside it (`*.wasm`, not committed), with wabt. Each binary carries a custom
 * section `source-sha256` holding the SHA-256 of the text it was built from,
 * so that its loader can refuse a binary older than its source, and so that
 * this script leaves up-to-date binaries alone: `npm install` (prepare),
 * `npm test` and `npm start` run it, and it costs next to nothing when there
 * is nothing to do.
 */
const SOURCE_SECTION = 'source-sha256';
/** The part of the WebAssembly JavaScript API used here (@types/node 20 declares none of it). */
interface WasmApi {
  Module: { new (bytes: Uint8Array): object; customSections(module: object, name: string): ArrayBuffer[] };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const root = fileURLToPath(new URL('..', import.meta.url));

function sourceDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function builtFrom(wasmPath: string): string | undefined {
  try {
    const module = new wasm.Module(readFileSync(wasmPath));
    const [section] = wasm.Module.customSections(module, SOURCE_SECTION);
    return section ? new TextDecoder().decode(section) : undefined;
  } catch {
    return undefined; // missing or unreadable: rebuild
  }
}

/** An unsigned LEB128 number, as WebAssembly binaries encode sizes. */
function leb128(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** A custom section (id 0): its name, then its content. */
function customSection(name: string, content: string): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const contentBytes = new TextEncoder().encode(content);
  const body = [...leb128(nameBytes.length), ...nameBytes, ...contentBytes];
  return Uint8Array.from([0, ...leb128(body.length), ...body]);
}

const watFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.wat'))
  .map((path) => join(root, 'src', path));

type Wabt = Awaited<ReturnType<typeof wabtFactory>>;

/** The binary of one text file, followed by the custom section naming its source. */
function compile(wabt: Wabt, name: string, text: string): Uint8Array {
  const module = wabt.parseWat(name, text, { simd: true });
  try {
    module.validate();
    const { buffer } = module.toBinary({});
    const section = customSection(SOURCE_SECTION, sourceDigest(text));
    const out = new Uint8Array(buffer.length + section.length);
    out.set(buffer);
    out.set(section, buffer.length);
    return out;
  } finally {
    module.destroy();
  }
}

let wabt: Wabt | undefined;
for (const watPath of watFiles) {
  const wasmPath = watPath.replace(/\.wat$/, '.wasm');
  const text = readFileSync(watPath, 'utf8');
  if (builtFrom(wasmPath) === sourceDigest(text)) continue;
  wabt ??= await (await import('wabt')).default();
  let binary: Uint8Array;
  try {
    binary = compile(wabt, relative(root, watPath), text);
  } catch (error) {
    // The message names the file, line and column; wabt's stack would print its whole minified source.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  writeFileSync(wasmPath, binary);
  process.stdout.write(`built ${relative(root, wasmPath)} (${binary.length} bytes)\n`);
}
