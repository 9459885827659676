import type { CoreTables } from '@ruamjai/read-models';
import type { Transaction } from 'kysely';
import type { PlanningTables } from './planning-tables';

/** The transaction the plan view's parts write in. */
export type PlanTrx = Transaction<CoreTables & PlanningTables>;

/** Keys per `in (…)` query, so a large batch reads in several statements. */
const CHUNK = 400;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
