// Small statistics used by every measurement: medians, not means, because a single GC pause or
// scheduler hiccup on a 2-core machine would otherwise move a figure by a lot.

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Ratio of the medians of two samples (app over baseline). */
export const medianRatio = (app: readonly number[], baseline: readonly number[]): number =>
  median(app) / median(baseline);

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * Runs every arm once per round, `runs` rounds, rotating which arm goes first, so drift (thermal,
 * caches, GC debt) hits every arm alike. Returns each arm's samples in the order given.
 */
export async function alternate(
  runs: number,
  arms: ReadonlyArray<() => Promise<number>>,
): Promise<number[][]> {
  const samples = arms.map(() => [] as number[]);
  for (let round = 0; round < runs; round += 1) {
    for (let k = 0; k < arms.length; k += 1) {
      const arm = (round + k) % arms.length;
      samples[arm]!.push(await arms[arm]!());
    }
  }
  return samples;
}

/** Wall time of one async call, in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}
