// Delivery faults, so a receiver (the relay) can be tested against what a real network and a real
// sender do: lose events, deliver them late, twice, out of order, with a signature that fails, or
// with a body bigger than a receiver accepts.
// Each fault applies to the next `count` events (default 1) that are sent for the first time;
// retries re-send exactly what was sent before and take no faults.

export type WebhookFaultKind =
  'drop' | 'delay' | 'duplicate' | 'reorder' | 'badSignature' | 'oversize';

/** What an `oversize` fault pads a body to by default: one byte over 1 MiB. */
export const DEFAULT_OVERSIZE_BYTES = 1024 * 1024 + 1;

export interface WebhookFault {
  kind: WebhookFaultKind;
  /** How many of the next events it applies to (default 1). */
  count?: number;
  /** For `delay`: how long the event waits before it is sent; the queue behind it waits too. */
  ms?: number;
  /**
   * For `oversize`: the body is padded (a `padding` field of spaces) to at least this many bytes
   * before it is signed, so only its size is wrong (default DEFAULT_OVERSIZE_BYTES).
   */
  bytes?: number;
}

const KINDS: readonly WebhookFaultKind[] = [
  'drop',
  'delay',
  'duplicate',
  'reorder',
  'badSignature',
  'oversize',
];

/** Checks a fault given over HTTP or by a test, naming the field that is wrong. */
export function parseWebhookFault(input: unknown): WebhookFault {
  const fault = (input ?? {}) as Record<string, unknown>;
  if (!KINDS.includes(fault.kind as WebhookFaultKind)) {
    throw new Error(`kind must be one of ${KINDS.join(', ')}; got ${JSON.stringify(fault.kind)}`);
  }
  const count = fault.count ?? 1;
  if (!Number.isInteger(count) || (count as number) < 1) {
    throw new Error(`count must be a positive whole number; got ${JSON.stringify(fault.count)}`);
  }
  if (fault.kind === 'delay' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
    throw new Error(
      `ms must be a number of milliseconds >= 0 for a delay; got ${JSON.stringify(fault.ms)}`,
    );
  }
  const bytes = fault.bytes ?? DEFAULT_OVERSIZE_BYTES;
  if (fault.kind === 'oversize' && !(Number.isInteger(bytes) && (bytes as number) > 0)) {
    throw new Error(
      `bytes must be a positive whole number of bytes for an oversize body; got ${JSON.stringify(fault.bytes)}`,
    );
  }
  return {
    kind: fault.kind as WebhookFaultKind,
    count: count as number,
    ...(fault.kind === 'delay' ? { ms: fault.ms as number } : {}),
    ...(fault.kind === 'oversize' ? { bytes: bytes as number } : {}),
  };
}

export class WebhookFaults {
  private active: Array<WebhookFault & { count: number }> = [];

  add(fault: WebhookFault): void {
    const parsed = parseWebhookFault(fault);
    this.active.push({ ...parsed, count: parsed.count ?? 1 });
  }

  clear(): void {
    this.active = [];
  }

  list(): WebhookFault[] {
    return this.active.map((fault) => ({ ...fault }));
  }

  /** The faults the next event gets: one use of each active fault, oldest first per kind. */
  takeForNextEvent(): WebhookFault[] {
    const taken: WebhookFault[] = [];
    for (const kind of KINDS) {
      const fault = this.active.find((candidate) => candidate.kind === kind);
      if (!fault) continue;
      const { count: _count, ...settings } = fault;
      taken.push(settings);
      fault.count -= 1;
    }
    this.active = this.active.filter((fault) => fault.count > 0);
    return taken;
  }
}
