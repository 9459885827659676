export * from './read-model-db';
export * from './migrate';
export * from './projection';
export * from './checkpoints';
export * from './projection-runner';
export * from './idempotency-store';
export * from './bulk-insert';
export * from './projection-thread';
