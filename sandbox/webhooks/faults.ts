// Delivery faults, so a receiver (the relay) can be tested against what a real network and a real
// sender do: lose events, deliver them late, twice, out of order, or with a signature that fails.
// Each fault applies to the next `count` events (default 1) that are sent for the first time;
// retries re-send exactly what was sent before and take no faults.

export type WebhookFaultKind = 'drop' | 'delay' | 'duplicate' | 'reorder' | 'badSignature';

export interface WebhookFault {
  kind: WebhookFaultKind;
  /** How many of the next events it applies to (default 1). */
  count?: number;
  /** For `delay`: how long the event waits before it is sent; the queue behind it waits too. */
  ms?: number;
}

const KINDS: readonly WebhookFaultKind[] = [
  'drop',
  'delay',
  'duplicate',
  'reorder',
  'badSignature',
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
  return {
    kind: fault.kind as WebhookFaultKind,
    count: count as number,
    ...(fault.kind === 'delay' ? { ms: fault.ms as number } : {}),
  };
}

export class WebhookFaults {
  private active: Array<Required<Pick<WebhookFault, 'kind' | 'count'>> & { ms?: number }> = [];

  add(fault: WebhookFault): void {
    const parsed = parseWebhookFault(fault);
    this.active.push({ kind: parsed.kind, count: parsed.count ?? 1, ms: parsed.ms });
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
      taken.push({ kind, ...(fault.ms !== undefined ? { ms: fault.ms } : {}) });
      fault.count -= 1;
    }
    this.active = this.active.filter((fault) => fault.count > 0);
    return taken;
  }
}
