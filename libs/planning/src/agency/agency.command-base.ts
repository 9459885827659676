import type { Actor } from '@ruamjai/kernel';

/** What every agency command carries besides its data: who asks, and when. */
export interface AgencyCommandBase<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
  /** The province of agencies registered before provinces (DEPLOYMENT_PROVINCE), which name none. */
  readonly deploymentProvince: string;
}
