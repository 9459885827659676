/** A domain event as deciders see it: a discriminated union member with a type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Everything recorded beside an event: who, when, why, and how it was caused. */
export interface EventMetadata {
  readonly actorId: string;
  readonly agency: string;
  readonly role: string;
  readonly reason?: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandType: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly idempotencyKey?: string;
  /** Hash of the stream's previous event (tamper evidence). */
  readonly prevHash?: string;
  /** Hash of this event over its content and prevHash. */
  readonly hash?: string;
}
