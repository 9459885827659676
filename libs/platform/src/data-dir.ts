import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds the event log, the key store and the signing key: owner-only. New files are
 * made 0600 and folders 0700 from here on (the process's umask), the folder itself is made 0700, and
 * files left readable by others from before are closed up. Returns what it had to fix, to be warned of.
 */
export function secureDataDir(dir: string): string[] {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fixed: string[] = [];
  const close = (path: string, mode: number) => {
    // A journal or WAL file may go between listing the folder and looking at it.
    const current = statSync(path, { throwIfNoEntry: false });
    if (!current) return;
    closeUp(path, current.mode & 0o777, mode);
  };
  const closeUp = (path: string, current: number, mode: number) => {
    if ((current & 0o077) === 0) return;
    try {
      chmodSync(path, mode);
    } catch {
      return; // gone meanwhile
    }
    fixed.push(`${path} was ${current.toString(8).padStart(4, '0')}, now ${mode.toString(8).padStart(4, '0')}`);
  };
  close(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) close(join(dir, entry.name), 0o600);
    else if (entry.isDirectory()) close(join(dir, entry.name), 0o700);
  }
  return fixed;
}
