import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The part of the WebAssembly JavaScript API used here: Node has it all, @types/node 20 declares none of it. */
interface WasmApi {
  Module: { new (bytes: Uint8Array): object; customSections(module: object, name: string): ArrayBuffer[] };
  Instance: new (module: object, imports: object) => { readonly exports: object };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The functions of kernels.wat; every pointer is a byte address in `memory`. */
interface KernelFunctions {
  readonly memory: WasmMemory;
  lumaRgb4(r0: number, r1: number, r2: number, r3: number, offsets: number, n: number, out: number, outStep: number): void;
  lumaGrey4(r0: number, r1: number, r2: number, r3: number, offsets: number, n: number, out: number, outStep: number): void;
  box(
    input: number,
    inStride: number,
    out: number,
    outStride: number,
    height: number,
    width: number,
    window: number,
    samples: number,
  ): void;
  transpose(input: number, inStride: number, out: number, outStride: number, height: number, width: number): void;
  dct(a: number, d: number, dt: number, tmp: number, b: number): void;
  quality(a: number): number;
}

/** The kernels and typed views of their memory (renewed when the memory grows). */
export interface PdqKernels extends KernelFunctions {
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
  readonly f32: Float32Array;
  /** Grows the memory, if needed, so that bytes below `end` exist. */
  reserve(end: number): void;
}

const WAT = new URL('./kernels.wat', import.meta.url);
const WASM = new URL('./kernels.wasm', import.meta.url);
/** Written by scripts/build-wasm.ts: the SHA-256 of the text the binary was built from. */
const SOURCE_SECTION = 'source-sha256';
const PAGE = 65536;

let loaded: PdqKernels | undefined;

/** The kernels, instantiated on first use (one instance per thread; calls are synchronous). */
export function pdqKernels(): PdqKernels {
  loaded ??= instantiate();
  return loaded;
}

function instantiate(): PdqKernels {
  const module = compiledKernels();
  const functions = new wasm.Instance(module, {}).exports as KernelFunctions;
  const kernels = {
    ...functions,
    u8: new Uint8Array(0),
    i32: new Int32Array(0),
    f32: new Float32Array(0),
    reserve(end: number) {
      const missing = end - functions.memory.buffer.byteLength;
      if (missing > 0) functions.memory.grow(Math.ceil(missing / PAGE));
      if (kernels.u8.buffer !== functions.memory.buffer) {
        kernels.u8 = new Uint8Array(functions.memory.buffer);
        kernels.i32 = new Int32Array(functions.memory.buffer);
        kernels.f32 = new Float32Array(functions.memory.buffer);
      }
    },
  };
  kernels.reserve(0);
  return kernels;
}

/** kernels.wasm, refused unless it was built from the kernels.wat beside it. */
function compiledKernels(): object {
  const rebuild = 'run `npm run build:wasm` (npm install, npm test and npm start do it)';
  let binary: Buffer;
  try {
    binary = readFileSync(WASM);
  } catch (error) {
    throw new Error(`PDQ kernels not built: ${fileURLToPath(WASM)} is missing; ${rebuild}`, { cause: error });
  }
  const module = new wasm.Module(binary);
  const [section] = wasm.Module.customSections(module, SOURCE_SECTION);
  const builtFrom = section ? new TextDecoder().decode(section) : '';
  const source = createHash('sha256').update(readFileSync(WAT, 'utf8')).digest('hex');
  if (builtFrom !== source) {
    throw new Error(`PDQ kernels out of date: ${fileURLToPath(WASM)} was built from another kernels.wat; ${rebuild}`);
  }
  return module;
}
