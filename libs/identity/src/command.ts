import type { Actor } from '@ruamjai/kernel';

/** Every identity command carries who asks and when. */
export interface Base<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}
