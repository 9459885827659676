import type { ActualState, ExpectedState } from './event-store.port';

function describe(state: ExpectedState | ActualState): string {
  return typeof state === 'bigint' ? `revision ${state}` : state;
}

/** The stream was not in the state the append expected. Nothing was written. */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedState,
    readonly actual: ActualState,
  ) {
    super(`Stream ${streamId}: expected ${describe(expected)}, actual ${describe(actual)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** The stream was tombstoned: it can never be read or written again. */
export class StreamDeleted extends Error {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} is deleted`);
    this.name = 'StreamDeleted';
  }
}

/** The stream has no readable events: never written, or soft-deleted. */
export class StreamNotFound extends Error {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
    this.name = 'StreamNotFound';
  }
}

/** The store refused a request that breaks its own rules (empty batch, bad id, system stream). */
export class InvalidAppend extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}
