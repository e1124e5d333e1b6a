import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const vigieBin = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `vigie …` as an operator would, with its own environment. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vigieBin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Starts `vigie start` and resolves once it prints its address. */
export function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vigieBin, 'start'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`vigie start printed no address:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /Vigie is running at (http:\/\/[^\s]+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        setTimeout(() => resolve({ child, url: match[1]!, output: () => output }), 200);
      }
    });
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie start exited with ${code}:\n${output}`));
    });
  });
}

export function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
