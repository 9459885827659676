export interface FieldChange {
  /** Dotted path; array items by key when they have one (`projects[<id>].budget`), else by index. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isList(value: unknown): value is Json[] {
  return Array.isArray(value);
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Field-level differences between two JSON values. Arrays of objects are matched by `keyOf`
 * (e.g. projectId) so that adding one project is one change, not a shift of every index.
 */
export function jsonDiff(
  before: unknown,
  after: unknown,
  keyOf: (item: Record<string, Json>) => string | undefined = () => undefined,
  path = '',
): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => jsonDiff(before[k], after[k], keyOf, path ? `${path}.${k}` : k));
  }
  if (isList(before) && isList(after) && [...before, ...after].every((i) => isObject(i) && keyOf(i) !== undefined)) {
    const index = (list: Json[]) => new Map(list.map((i) => [keyOf(i as Record<string, Json>)!, i]));
    const a = index(before);
    const b = index(after);
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    return keys.flatMap((k) => jsonDiff(a.get(k), b.get(k), keyOf, `${path}[${k}]`));
  }
  return [{ path, before: before ?? null, after: after ?? null }];
}
