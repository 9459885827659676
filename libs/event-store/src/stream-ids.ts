import { InvalidAppend } from './event-store.errors';

/** A stream id every adapter accepts for an append: not empty, and not a metadata stream (`$$…`). */
export function validateStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppend('stream id is empty');
  if (streamId.startsWith('$$')) throw new InvalidAppend('metadata streams are written through setStreamMetadata');
}
