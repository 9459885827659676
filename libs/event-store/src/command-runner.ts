import { DomainError, fold, type Actor, type Decider, type DomainEvent, type EventMetadata } from '@ruamjai/kernel';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { StreamNotFound, WrongExpectedVersion } from './event-store.errors';
import { chainEvents, GENESIS, hashOf } from './audit-chain';
import type { EventStore, NewEvent, RecordedEvent } from './event-store.port';

/** Where a command came from, recorded beside every event it causes. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The id of the request or message that caused the command. */
  readonly causationId: string;
  readonly reason?: string;
  /** Retried requests with the same key write the same event ids, so the store deduplicates them. */
  readonly idempotencyKey?: string;
  /**
   * A digest of the whole request, mixed into the derived event ids: the same key with another
   * request never passes for a retry of the first.
   */
  readonly requestFingerprint?: string;
  /**
   * The stream revision the caller last saw (If-Match), or -1 for a command that creates the
   * stream; absent when the caller pins nothing.
   */
  readonly expectedRevision?: bigint;
}

export interface CommandOutcome<Event> {
  readonly streamId: string;
  /** The stream's revision after the command: the next ETag. */
  readonly revision: bigint;
  /** Global position of the last event written: what read-your-writes waits for. */
  readonly position: bigint;
  readonly events: readonly Event[];
}

/** The caller's If-Match no longer names the stream's revision. */
export class StaleRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId} is at ${actual}, not ${expected}`);
    this.name = 'StaleRevision';
  }
}

/**
 * Writes are refused because the read models were projected from a longer log than the one this
 * process found (a restore, or a truncated or replaced log): new events would reuse positions the
 * projections have already passed, and be skipped by them silently.
 */
export class WritesRefused extends DomainError {
  readonly code = 'STORE.READ_MODELS_AHEAD_OF_LOG';
  readonly kind = 'unavailable' as const;
  constructor(head: bigint | undefined, ahead: ReadonlyArray<{ name: string; position: bigint }>) {
    const names = ahead.map((a) => `${a.name} at ${a.position}`).join(', ');
    super(
      {
        th: `ระบบงดรับการบันทึกข้อมูลชั่วคราว: ตารางอ่านข้อมูลถูกสร้างจากบันทึกเหตุการณ์ที่ยาวกว่าบันทึกปัจจุบัน (สิ้นสุดที่ตำแหน่ง ${head ?? 0}) ผู้ดูแลระบบต้องสร้างตารางอ่านข้อมูลใหม่ด้วยคำสั่ง npm run cli -- projections rebuild`,
        en: `Writes are refused: the read models were built from a longer log than this one (it ends at position ${head ?? 0}; ${names}). An operator must rebuild them: npm run cli -- projections rebuild`,
      },
      {
        headPosition: (head ?? 0n).toString(),
        checkpointsAhead: Object.fromEntries(ahead.map((a) => [a.name, a.position.toString()])),
      },
    );
  }
}

const EVENT_ID_NAMESPACE = '6b1d0f1e-3c1a-4f7e-9d4a-5c2b8e7f0a11';
const SCHEMA_VERSION = 1;

interface Cached<State> {
  state: State;
  revision: bigint;
  /** Hash of the stream's last event: the next event links to it. */
  lastHash: string;
}

/**
 * Loads a stream, runs a pure decider and appends what it decides, stating the revision it expects.
 * Keeps recent states in memory so a long stream is not folded from the start on every command.
 */
export class CommandRunner {
  private readonly cache = new Map<string, Cached<unknown>>();
  private readonly peeked = new Map<string, { state: unknown; at: number }>();

  private refusal: { readonly error: WritesRefused; readonly recheck: () => Promise<boolean> } | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly cacheSize = 10_000,
  ) {}

  /**
   * Refuses every command with `error` until `recheck` (asked at the next command, one at a time)
   * finds the cause gone, e.g. once the read models were rebuilt from this log.
   */
  refuseWrites(error: WritesRefused, recheck: () => Promise<boolean>): void {
    this.refusal = { error, recheck };
  }

  /** Why writes are refused, if they are. */
  get writesRefused(): WritesRefused | undefined {
    return this.refusal?.error;
  }

  private rechecking: Promise<boolean> | undefined;

  private async assertWritable(): Promise<void> {
    const refusal = this.refusal;
    if (!refusal) return;
    this.rechecking ??= refusal.recheck().finally(() => (this.rechecking = undefined));
    if (await this.rechecking) {
      if (this.refusal === refusal) this.refusal = undefined;
      this.cache.clear();
      return;
    }
    throw refusal.error;
  }

  async run<Command extends { type: string; at: Date }, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
  ): Promise<CommandOutcome<Event>> {
    await this.assertWritable();
    const expected = context.expectedRevision;
    // The cached state is trusted without a read: the append's expected revision proves it current.
    let cached = this.cache.get(streamId) as Cached<State> | undefined;
    if (cached && expected !== undefined && expected !== cached.revision) cached = undefined;
    const current = cached ?? (await this.load(decider, streamId));
    const { state, revision } = current;
    if (expected !== undefined && expected !== revision)
      return this.stale(decider, streamId, command, context, expected, current);
    const events = decider.decide(command, state);
    try {
      const chained = this.toNewEvents(events, streamId, revision, current.lastHash, command, context);
      const result = await this.store.append(streamId, chained.events, {
        expected: revision < 0n ? 'no_stream' : revision,
      });
      this.remember(streamId, {
        state: fold(decider, state, events),
        revision: result.nextExpectedRevision,
        lastHash: chained.lastHash,
      });
      return { streamId, revision: result.nextExpectedRevision, position: result.position, events };
    } catch (error) {
      this.cache.delete(streamId);
      if (!(error instanceof WrongExpectedVersion)) throw error;
      // Without If-Match the caller did not pin a version: a cache behind another writer earns one
      // fresh attempt. Only one: the cache was just dropped, so the attempt decides from the store
      // and a second conflict is a stale version. (With a pin, a fresh attempt would be refused by
      // the same pin with the same revisions.)
      // Stryker disable next-line ConditionalExpression: equivalent, see above
      if (cached && expected === undefined) return this.run(decider, streamId, command, context);
      throw new StaleRevision(streamId, typeof error.expected === 'bigint' ? error.expected : -1n, error.actual);
    }
  }

  /**
   * The caller's version is not the stream's. Only a retry of a request that was already applied
   * can still succeed: decide against the state the caller saw and let the store recognise the
   * event ids. Anything else is the domain's refusal (not found, already exists) or a stale version.
   */
  private async stale<Command extends { type: string; at: Date }, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
    expected: bigint,
    current: Cached<State>,
  ): Promise<CommandOutcome<Event>> {
    const actual = current.revision < 0n ? 'no_stream' : current.revision;
    // A pin ahead of the stream cannot be a retry: trying it anyway would append at that pin and be refused.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    if (context.idempotencyKey && expected < current.revision) {
      const seen =
        // Stryker disable next-line ConditionalExpression: equivalent; the state at revision -1 read from the store is the initial state too
        expected < 0n
          ? { state: decider.initialState, revision: -1n, lastHash: GENESIS }
          : await this.stateAt(decider, streamId, expected);
      const events = decider.decide(command, seen.state);
      try {
        const chained = this.toNewEvents(events, streamId, expected, seen.lastHash, command, context);
        const result = await this.store.append(streamId, chained.events, {
          // Stryker disable next-line ConditionalExpression: equivalent; the store takes a retry at -1n as at no_stream (its first event is revision 0 either way)
          expected: expected < 0n ? 'no_stream' : expected,
        });
        // The store answered with the original write; the cache may hold a later state.
        this.cache.delete(streamId);
        return { streamId, revision: result.nextExpectedRevision, position: result.position, events };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
      }
    }
    // Not a retry: let the domain say why against the state as it is (e.g. not found, already exists).
    if (current.revision < 0n || expected < 0n) decider.decide(command, current.state);
    throw new StaleRevision(streamId, expected, actual);
  }

  /**
   * What a keyed command already recorded on its stream, if it did: the revision and position of its
   * last event. Lets a replayed script (the seed) skip a step whose records have since moved on (an
   * agency deactivated, a person erased), where deciding it again would be refused.
   */
  async recordedOutcome(
    streamId: string,
    commandType: string,
    context: CommandContext,
  ): Promise<{ revision: bigint; position: bigint } | undefined> {
    // Stryker disable next-line ConditionalExpression: a shortcut; without a key no event can carry a keyed id, and the loop below finds none (equivalent)
    if (!context.idempotencyKey) return undefined;
    let index = 0;
    let last: RecordedEvent | undefined;
    try {
      for await (const event of this.store.readStream(streamId)) {
        if (event.id !== keyedEventId(context, streamId, commandType, index)) {
          // Stryker disable next-line ConditionalExpression: stopping after the keyed events only saves reading the rest; no later event can carry the key's next id (an equivalent mutant when never true)
          if (last) break;
          continue;
        }
        last = event;
        index++;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return last ? { revision: last.revision, position: last.position } : undefined;
  }

  /**
   * Another aggregate's state, as a fact for a decision (e.g. is this agency active?): served from
   * memory when it was read in the last `maxAgeMs`. No append depends on it, so it needs no
   * expected revision; a change that lands within the window is seen on the next look.
   */
  async peek<State>(
    decider: Pick<Decider<unknown, State, never>, 'initialState' | 'evolve'>,
    streamId: string,
    maxAgeMs: number,
    now = Date.now(),
  ): Promise<State> {
    const seen = this.peeked.get(streamId);
    if (seen && now - seen.at <= maxAgeMs) return seen.state as State;
    const { state } = await this.load(decider, streamId);
    this.peeked.set(streamId, { state, at: now });
    if (this.peeked.size > this.cacheSize) this.peeked.delete(this.peeked.keys().next().value as string);
    return state;
  }

  /** The current state of a stream and its revision (-1 when it has no events). */
  async load<State>(
    decider: Pick<Decider<unknown, State, never>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<Cached<State>> {
    const cached = this.cache.get(streamId) as Cached<State> | undefined;
    let state = cached?.state ?? decider.initialState;
    let revision = cached?.revision ?? -1n;
    let lastHash = cached?.lastHash ?? GENESIS;
    try {
      for await (const event of this.store.readStream(streamId, { fromRevision: revision + 1n })) {
        state = decider.evolve(state, toDomainEvent(event) as never);
        revision = event.revision;
        lastHash = hashOf(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    const loaded = { state, revision, lastHash };
    this.remember(streamId, loaded);
    return loaded;
  }

  private async stateAt<State>(
    decider: Pick<Decider<unknown, State, never>, 'initialState' | 'evolve'>,
    streamId: string,
    revision: bigint,
  ): Promise<Cached<State>> {
    let state = decider.initialState;
    let lastHash = GENESIS;
    for await (const event of this.store.readStream(streamId, { maxCount: Number(revision) + 1 })) {
      state = decider.evolve(state, toDomainEvent(event) as never);
      lastHash = hashOf(event);
    }
    return { state, revision, lastHash };
  }

  /** The decided events with their ids and metadata, linked into the stream's hash chain after `revision`. */
  private toNewEvents(
    events: readonly DomainEvent[],
    streamId: string,
    revision: bigint,
    lastHash: string,
    command: { type: string; at: Date },
    context: CommandContext,
  ): { events: NewEvent[]; lastHash: string } {
    return chainEvents(
      streamId,
      revision + 1n,
      lastHash,
      events.map((event, index) => this.toNewEvent(event, index, streamId, command, context)),
    );
  }

  private toNewEvent(
    event: DomainEvent,
    index: number,
    streamId: string,
    command: { type: string; at: Date },
    context: CommandContext,
  ): NewEvent {
    const metadata: EventMetadata = {
      actorId: context.actor.id,
      agency: context.actor.agency,
      role: context.actor.role,
      ...(context.reason ? { reason: context.reason } : {}),
      correlationId: context.correlationId,
      causationId: context.causationId,
      commandType: command.type,
      schemaVersion: SCHEMA_VERSION,
      occurredAt: command.at.toISOString(),
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
    };
    const id = context.idempotencyKey ? keyedEventId(context, streamId, command.type, index) : randomUUID();
    return { id, type: event.type, data: event.data, metadata };
  }

  private remember(streamId: string, entry: Cached<unknown>): void {
    // What this process writes it sees at once; only other processes' writes wait out a peek.
    this.peeked.delete(streamId);
    this.cache.delete(streamId);
    this.cache.set(streamId, entry);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function toDomainEvent(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data };
}

/** The id of a keyed command's index-th event: the same on every retry of the same request. */
function keyedEventId(context: CommandContext, streamId: string, commandType: string, index: number): string {
  return uuidv5(
    [context.actor.id, context.idempotencyKey, context.requestFingerprint ?? '', streamId, commandType, index].join(
      '\u0000',
    ),
    EVENT_ID_NAMESPACE,
  );
}

/** Derives a stable id from an idempotency key, so a retried creation names the same resource. */
export function idFromKey(actorId: string, key: string, purpose: string): string {
  return uuidv5(`${purpose}\u0000${actorId}\u0000${key}`, EVENT_ID_NAMESPACE);
}
