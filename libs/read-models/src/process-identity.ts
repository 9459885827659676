import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Clock ticks since boot at which a process started (field 22 of /proc/<pid>/stat), or undefined off Linux. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** A process on this host as host/pid/start: a pid that is reused later names another process. */
export function processIdentity(pid: number): string {
  return `${hostname()}/${pid}/${startTicks(pid) ?? Date.now()}`;
}

export const THIS_PROCESS = processIdentity(process.pid);

/**
 * Whether the process an identity names is known to be gone: on this host, either no process has its
 * pid or the one that has it started at another time. A process on another host cannot be seen from
 * here: it is not known to be gone.
 */
export function processGone(identity: string): boolean {
  const [host, pid, started] = identity.split('/');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  const current = startTicks(Number(pid));
  return current === undefined || current !== started;
}
