import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rate } from './measure';

/** (a) The disk's floor: how many small write + fdatasync pairs the data folder takes per second. */
export async function fdatasyncPerSecond(dir: string, seconds: number): Promise<number> {
  const file = join(dir, 'fsync.probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(512, 1);
  let offset = 0;
  try {
    const { perSecond } = await rate(seconds, () => {
      writeSync(fd, block, 0, block.length, offset);
      offset = (offset + block.length) % (1 << 20);
      fdatasyncSync(fd);
      return 1;
    });
    return perSecond;
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
}
