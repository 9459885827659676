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
