import os from 'node:os';
import { benchApiStack } from './api-stack.js';

/** Runs every benchmark and prints its figures and the ratio to its reference. */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

process.stdout.write(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`,
);
process.stdout.write(`date: ${new Date().toISOString()}\n\n`);

const result = await benchApiStack({ seconds, connections });
const line = (name: string, r: { requestsPerSecond: number; p50: number; p99: number }) =>
  `${name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
process.stdout.write(`API stack on ${result.store} (${connections} connections, ${seconds} s each)\n`);
process.stdout.write(`${line('bare route (reference)', result.bare)}\n`);
process.stdout.write(`${line('auth + validation + audit', result.stack)}\n`);
process.stdout.write(
  `cost ratio (bare / stack): ${result.ratio.toFixed(2)}× — each stacked request costs ${result.ratio.toFixed(2)} bare requests\n`,
);
