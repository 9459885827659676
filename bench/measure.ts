/** Runs `step` repeatedly for about `seconds`, returning operations per second. */
export async function rate(
  seconds: number,
  step: () => Promise<number> | number,
): Promise<{ perSecond: number; count: number }> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let count = 0;
  while (performance.now() < deadline) count += await step();
  return { perSecond: count / ((performance.now() - started) / 1000), count };
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A measured operation that can be run again and again until a deadline, keeping its state between runs: returns how many it did. */
export type Phase = (deadline: number) => Promise<number>;

/** A phase that runs `step` (returning how many it did) one after another until the deadline. */
export const loop =
  (step: () => Promise<number> | number): Phase =>
  async (deadline) => {
    let count = 0;
    while (performance.now() < deadline) count += await step();
    return count;
  };

/**
 * Per-second rates of `phases` measured in turns: each runs `rounds` times for `seconds / rounds`, in
 * the order given, so phases compared with each other see the same machine (on a shared machine the
 * disk's sync rate moves by ten times within seconds). Each rate is its count over its own time,
 * including operations still in flight at its deadlines.
 */
export async function interleaved(seconds: number, rounds: number, phases: Phase[]): Promise<number[]> {
  const counts = phases.map(() => 0);
  const times = phases.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [i, phase] of phases.entries()) {
      const started = performance.now();
      counts[i] += await phase(started + (seconds * 1000) / rounds);
      times[i] += performance.now() - started;
    }
  }
  return counts.map((count, i) => count / (times[i] / 1000));
}
