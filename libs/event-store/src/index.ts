export * from './event-store.port';
export * from './event-store.errors';
export { matchesFilter } from './subscription-filter';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export * from './command-runner';
export * from './audit-chain';
export { WalCheckpointer } from './sqlite/wal-checkpointer';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
