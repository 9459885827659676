import { Map as ImmutableMap } from 'immutable';

/**
 * An immutable map whose `set` shares structure with the map it came from: folding a plan with
 * ten thousand projects stays linear, where copying a plain object per event would be quadratic.
 * Deciders keep their state pure with it. (Immutable.js; the only library the kernel admits,
 * because it is data and nothing else.)
 */
export type PersistentMap<K, V> = ImmutableMap<K, V>;

export function emptyMap<K, V>(): PersistentMap<K, V> {
  return ImmutableMap<K, V>();
}
