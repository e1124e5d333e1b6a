import { availableParallelism } from 'node:os';
import type { Command } from 'commander';

const HELP = `
Output, one line per file, in the order given, fields separated by tabs:
  PDQ  QUALITY  MD5  SHA1  SHA256  FILE
With --dihedral:
  ORIG  ROT90  ROT180  ROT270  FLIPX  FLIPY  FLIPP  FLIPM  QUALITY  FILE
PDQ hashes are 64 hexadecimal digits as the reference hasher prints them;
quality is 0-100 (below 50 the PDQ hash is unreliable). The dihedral
hashes are those of the image turned (rot90: a quarter turn
counter-clockwise) or mirrored (flipx: top-bottom, flipy: left-right,
flipp/flipm: about the diagonals). FILE is printed as given, with any tab,
newline or carriage return in it written as \\t, \\n, \\r.

A file that cannot be read or decoded is reported on standard error and
skipped; the other files are still hashed, and the exit code is 1.
This command reads only the files named: no database, no keys.`;

/** Files hashed at once; results are still printed in the order given. */
const IN_FLIGHT = Math.max(1, Math.min(4, availableParallelism()));

/** Registers `vigie hash FILE...`, a pure file tool: it never loads the deployment's configuration. */
export function hashCommand(program: Command): void {
  program
    .command('hash')
    .description('print the PDQ hash, its quality and the MD5, SHA-1 and SHA-256 of image files')
    .argument('<files...>', 'image files (JPEG, PNG, WebP, GIF, TIFF, …)')
    .option('--dihedral', 'print the eight dihedral PDQ hashes instead of one PDQ hash and the exact hashes')
    .addHelpText('after', HELP)
    .action(async (files: string[], options: { dihedral?: boolean }) => {
      const ok = await hashFiles(files, options.dihedral === true);
      if (!ok) process.exitCode = 1;
    });
}

interface Line {
  readonly ok: boolean;
  readonly text: string;
}

async function hashFiles(files: readonly string[], dihedral: boolean): Promise<boolean> {
  // Loaded here so that the other commands do not load sharp.
  const hashing = await import('../media/hashing/index.js');
  const { toHex, DIHEDRAL_VARIANTS } = hashing;

  const lineOf = async (file: string): Promise<Line> => {
    try {
      if (dihedral) {
        const r = await hashing.hashImageFileDihedral(file);
        const hashes = DIHEDRAL_VARIANTS.map((v) => toHex(r.pdq[v]));
        return { ok: true, text: [...hashes, r.quality, shown(file)].join('\t') };
      }
      const r = await hashing.hashImageFile(file);
      return { ok: true, text: [toHex(r.pdq), r.quality, r.md5, r.sha1, r.sha256, shown(file)].join('\t') };
    } catch (error) {
      if (error instanceof hashing.FileReadError || error instanceof hashing.PdqDecodeError) {
        return { ok: false, text: error.message };
      }
      return { ok: false, text: `Cannot hash ${file}: ${error instanceof Error ? error.message : String(error)}` };
    }
  };

  let allOk = true;
  const pending: Promise<Line>[] = files.slice(0, IN_FLIGHT).map(lineOf);
  for (let next = pending.length; pending.length > 0;) {
    const line = await pending.shift()!;
    if (next < files.length) pending.push(lineOf(files[next++]!));
    if (line.ok) process.stdout.write(`${line.text}\n`);
    else {
      allOk = false;
      process.stderr.write(`vigie hash: ${line.text}\n`);
    }
  }
  return allOk;
}

function shown(file: string): string {
  return file.replace(/[\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
