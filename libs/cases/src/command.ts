import type { Actor } from '@ruamjai/kernel';

/** Every case-work command carries who asks and when; facts about other aggregates come in beside. */
export interface Base<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}

/** Personal data as the domain sees it: ciphertext sealed with the person's own key, never plaintext. */
export type Sealed = string;

/** Who asks and when, as the shared executors stamp every command. */
export type Stamp = Pick<Base<string, unknown>, 'actor' | 'at'>;
