import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds web/dist if its sources changed (the same check as `npm install` and `npm start`); parallel callers wait for one build. */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.resolve('web/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
