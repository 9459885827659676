import { Injectable } from '@nestjs/common';

/** SQLite and the file system saying the disk is full or the store cannot be written. */
const STORAGE_CODES =
  /^(SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_CORRUPT|ENOSPC|EROFS|EIO|EDQUOT)/;

/** Whether an error means the store could not be written (full disk, I/O error), not that the request was wrong. */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

/**
 * The last write the store refused for want of space or I/O, until a write succeeds again: /health
 * reports the store failing meanwhile, though reads still answer.
 */
@Injectable()
export class StoreWriteHealth {
  private failure: { at: string; code: string } | null = null;

  failed(error: unknown): void {
    this.failure = { at: new Date().toISOString(), code: String((error as { code?: unknown }).code) };
  }

  succeeded(): void {
    this.failure = null;
  }

  get lastFailure(): { at: string; code: string } | null {
    return this.failure;
  }
}
