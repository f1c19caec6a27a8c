// dateUpdated must move forward on every write, even two writes within one millisecond, so that
// polling by dateUpdated never misses an update.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function nowIso(): string {
  return new Date().toISOString();
}

export function nextTimestamp(previous: string | undefined): string {
  const now = Date.now();
  const before = previous ? Date.parse(previous) : 0;
  return new Date(Math.max(now, before + 1)).toISOString();
}
