// Exponential backoff with full jitter: attempt n waits a random time up to base·factor^(n-1),
// capped; the schedule's settings let tests shrink 24 hours to seconds.
export interface BackoffSettings {
  retryBaseMs: number;
  retryFactor: number;
  retryMaxDelayMs: number;
}

export function retryDelayMs(attempts: number, settings: BackoffSettings, random = Math.random) {
  const ceiling = Math.min(
    settings.retryMaxDelayMs,
    settings.retryBaseMs * settings.retryFactor ** Math.max(0, attempts - 1),
  );
  // Half fixed, half random: never a burst of immediate retries, never in lockstep.
  return ceiling / 2 + random() * (ceiling / 2);
}
