/**
 * An event or command like `base`, with some of its data changed: specs share one fixture of each
 * and say only what differs (`withData(activityAdded, { startDate: '2019-04-29' })`).
 */
export function withData<T extends { readonly data: object }>(base: T, data: Partial<T['data']>): T {
  return { ...base, data: { ...base.data, ...data } };
}
