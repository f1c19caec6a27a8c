// The outgoing queue: events leave one at a time, in the order the API made them, in the
// background, so sending never slows or fails the request that caused it. Delivery follows
// HighLevel's documented policy: only a 429 answer is retried (6 times, about 10 minutes apart,
// with jitter), re-sending the identical body and headers; a 5xx, another 4xx, a timeout or a
// network error loses the event.
import { DEFAULT_OVERSIZE_BYTES, WebhookFault, WebhookFaultKind, WebhookFaults } from './faults';

export interface DeliverySettings {
  /** Retries after a 429 (HighLevel: 6). */
  retries: number;
  /** Wait before each retry (HighLevel: about 10 minutes). Tests use a few milliseconds. */
  retryDelayMs: number;
  /** Each retry waits retryDelayMs plus or minus up to this much, at random. */
  retryJitterMs: number;
  /** A receiver that has not answered by then loses the event. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  retries: 6,
  retryDelayMs: 10 * 60_000,
  retryJitterMs: 60_000,
  timeoutMs: 10_000,
};

/** One event, signed on its first dispatch; retries send exactly that again. */
export interface Outgoing {
  type: string;
  webhookId: string;
  locationId: string;
  url: string;
  raw: string;
  /** Set when first dispatched (signing waits for the queue, not the API request). */
  headers?: Record<string, string>;
  /** 0 for the first send, 1..retries for retries. */
  attempt: number;
}

export interface WebhookLogEntry {
  type: string;
  webhookId: string;
  locationId: string;
  url: string;
  attempt: number;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** "timeout", "dropped" (a fault), or the network error's message. */
  error?: string;
  /** delivered: 2xx · retrying: 429 with retries left · lost: anything else · dropped: a fault. */
  outcome: 'delivered' | 'retrying' | 'lost' | 'dropped';
  /** Faults applied to this send. */
  faults: WebhookFaultKind[];
  /** The JSON text sent (byte for byte what was signed). */
  body: string;
  at: string;
}

interface QueueItem {
  outgoing: Outgoing;
  /** Faults already taken (a released held event, a retry); undefined: take them on dispatch. */
  faults?: WebhookFault[];
}

export class WebhookDelivery {
  readonly log: WebhookLogEntry[] = [];
  private readonly queue: QueueItem[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly waiters: Array<() => void> = [];
  private readonly closing = new AbortController();
  private pumping = false;
  /** An event held back by a reorder fault until the next new event has been sent. */
  private held: QueueItem | undefined;

  constructor(
    private settings: DeliverySettings,
    private readonly faults: WebhookFaults,
    private readonly sign: (raw: string) => Promise<Record<string, string>>,
  ) {}

  configure(settings: Partial<DeliverySettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  get currentSettings(): DeliverySettings {
    return { ...this.settings };
  }

  enqueue(outgoing: Outgoing): void {
    if (this.closing.signal.aborted) return;
    this.queue.push({ outgoing });
    void this.pump();
  }

  /** Events queued, in flight, held or waiting for a retry. */
  get pending(): number {
    return this.queue.length + this.retryTimers.size + (this.held ? 1 : 0) + (this.pumping ? 1 : 0);
  }

  /**
   * Resolves once everything queued has been sent and every scheduled retry has run. An event held
   * by a reorder fault with nothing left to swap with is sent now rather than held forever.
   */
  idle(): Promise<void> {
    const settled = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.settle();
    return settled;
  }

  /** Stops sending: cancels retries and aborts sends in flight. */
  close(): void {
    this.closing.abort();
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.queue.length = 0;
    this.held = undefined;
    this.settle();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let item = this.queue.shift(); item; item = this.queue.shift()) {
        await this.dispatch(item);
      }
    } finally {
      this.pumping = false;
      this.settle();
    }
  }

  private async dispatch(item: QueueItem): Promise<void> {
    const isNewEvent = item.faults === undefined;
    const faults = item.faults ?? this.faults.takeForNextEvent();
    const kinds = faults.map((fault) => fault.kind);
    const oversize = faults.find((fault) => fault.kind === 'oversize');
    let outgoing = item.outgoing;
    if (!outgoing.headers) {
      // Padded before signing: the signature holds, only the size is wrong.
      if (oversize) outgoing = padded(outgoing, oversize.bytes ?? DEFAULT_OVERSIZE_BYTES);
      outgoing = { ...outgoing, headers: await this.sign(outgoing.raw) };
    }
    if (kinds.includes('drop')) {
      this.record(outgoing, { outcome: 'dropped', error: 'dropped', faults: kinds });
      return;
    }
    if (kinds.includes('reorder') && isNewEvent) {
      // Swapped with the next new event: sent right after it.
      this.held = { outgoing, faults: faults.filter((fault) => fault.kind !== 'reorder') };
      return;
    }
    const delay = faults.find((fault) => fault.kind === 'delay');
    if (delay?.ms) await sleep(delay.ms);
    const sent = kinds.includes('badSignature') ? withBadSignatures(outgoing) : outgoing;
    await this.send(sent, kinds);
    if (kinds.includes('duplicate')) await this.send(sent, kinds);
    if (isNewEvent && this.held) {
      this.queue.unshift(this.held);
      this.held = undefined;
    }
  }

  private async send(outgoing: Outgoing, faults: WebhookFaultKind[]): Promise<void> {
    if (this.closing.signal.aborted) return;
    try {
      const response = await fetch(outgoing.url, {
        method: 'POST',
        headers: outgoing.headers,
        body: outgoing.raw,
        signal: AbortSignal.any([
          AbortSignal.timeout(this.settings.timeoutMs),
          this.closing.signal,
        ]),
      });
      await response.arrayBuffer().catch(() => undefined);
      const retrying = response.status === 429 && outgoing.attempt < this.settings.retries;
      const delivered = response.status >= 200 && response.status < 300;
      this.record(outgoing, {
        status: response.status,
        outcome: delivered ? 'delivered' : retrying ? 'retrying' : 'lost',
        faults,
      });
      if (retrying) this.scheduleRetry(outgoing);
    } catch (error) {
      // AbortSignal.timeout() rejects with a DOMException named TimeoutError (not an Error).
      const { name, message, cause } = error as {
        name?: string;
        message?: string;
        cause?: { code?: string };
      };
      this.record(outgoing, {
        outcome: 'lost',
        error:
          name === 'TimeoutError'
            ? 'timeout'
            : [message ?? String(error), cause?.code].filter(Boolean).join(': '),
        faults,
      });
    }
  }

  private scheduleRetry(outgoing: Outgoing): void {
    const { retryDelayMs, retryJitterMs } = this.settings;
    const wait = Math.max(0, retryDelayMs + (Math.random() * 2 - 1) * retryJitterMs);
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.queue.push({ outgoing: { ...outgoing, attempt: outgoing.attempt + 1 }, faults: [] });
      void this.pump();
    }, wait);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private record(
    outgoing: Outgoing,
    result: Pick<WebhookLogEntry, 'outcome' | 'faults'> & Partial<WebhookLogEntry>,
  ): void {
    this.log.push({
      type: outgoing.type,
      webhookId: outgoing.webhookId,
      locationId: outgoing.locationId,
      url: outgoing.url,
      attempt: outgoing.attempt,
      body: outgoing.raw,
      at: new Date().toISOString(),
      ...result,
    });
  }

  private settle(): void {
    if (this.waiters.length === 0) return;
    if (this.held && !this.pumping && this.queue.length === 0) {
      // Nothing to swap with: send the held event rather than keep it forever.
      this.queue.push(this.held);
      this.held = undefined;
      void this.pump();
      return;
    }
    if (this.pending > 0 && !this.closing.signal.aborted) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** The event with a `padding` field of spaces that makes its JSON text at least `bytes` long. */
function padded(outgoing: Outgoing, bytes: number): Outgoing {
  const body = JSON.parse(outgoing.raw) as Record<string, unknown>;
  const base = Buffer.byteLength(JSON.stringify({ ...body, padding: '' }), 'utf8');
  const raw = JSON.stringify({ ...body, padding: ' '.repeat(Math.max(0, bytes - base)) });
  return { ...outgoing, raw };
}

/** Same body, signatures that cannot verify: each signature's first byte flipped. */
function withBadSignatures(outgoing: Outgoing): Outgoing {
  const headers = outgoing.headers ?? {};
  const corrupt = (signature: string | undefined): string => {
    const bytes = Buffer.from(signature ?? '', 'base64');
    if (bytes.length > 0) bytes[0] = bytes[0]! ^ 0xff;
    return bytes.toString('base64');
  };
  return {
    ...outgoing,
    headers: {
      ...headers,
      'x-ghl-signature': corrupt(headers['x-ghl-signature']),
      'x-wh-signature': corrupt(headers['x-wh-signature']),
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
