// The sandbox's webhook sender: what the API's writes emit, wrapped in HighLevel's envelope
// (timestamp, webhookId, appId, versionId), signed with the sandbox's keys and handed to the
// delivery queue. Without a URL nothing is built or sent.
import crypto from 'crypto';
import { DEFAULT_DELIVERY, DeliverySettings, WebhookDelivery, WebhookLogEntry } from './delivery';
import { WebhookFault, WebhookFaults } from './faults';
import { WebhookEvent } from './payloads';
import { WebhookKeys, WebhookPublicKeys } from './signing';

export interface WebhookSettings extends DeliverySettings {
  /**
   * HighLevel's TaskCreate arrives without `contactId` and `body` (an open report on
   * GoHighLevel/highlevel-api-docs). true (the default) reproduces that; false sends them.
   */
  taskCreateGap: boolean;
}

export type WebhookOptions = Partial<WebhookSettings> & {
  /** The `appId` of every event (default: the client id up to its first "-", as the SDK checks). */
  appId?: string;
  /** The `versionId` of every event (default: a fixed id of the sandbox's app version). */
  versionId?: string;
};

export const SANDBOX_APP_VERSION_ID = 'sandbox0appversion01';

export class Webhooks {
  private readonly keys = new WebhookKeys();
  private readonly faults = new WebhookFaults();
  private readonly delivery: WebhookDelivery;
  private taskCreateGap: boolean;
  private target: string | undefined;
  readonly appId: string;
  readonly versionId: string;

  constructor(url: string | undefined, clientId: string, options: WebhookOptions = {}) {
    const { taskCreateGap = true, appId, versionId, ...delivery } = options;
    this.target = url || undefined;
    this.taskCreateGap = taskCreateGap;
    this.appId = appId ?? clientId.split('-')[0]!;
    this.versionId = versionId ?? SANDBOX_APP_VERSION_ID;
    this.delivery = new WebhookDelivery(
      { ...DEFAULT_DELIVERY, ...delivery },
      this.faults,
      async (raw) => ({
        'content-type': 'application/json',
        ...(await this.keys.signWhenReady(raw)),
      }),
    );
    if (this.target) void this.keys.prepare();
  }

  /** PEM (SPKI) public keys: `ed25519` checks `x-ghl-signature`, `rsa` checks `x-wh-signature`. */
  get publicKeys(): WebhookPublicKeys {
    return this.keys.publicKeys;
  }

  /** Where events go; undefined: nowhere. */
  get url(): string | undefined {
    return this.target;
  }

  /** An empty or undefined URL stops sending; events already queued still go to the old one. */
  setUrl(url: string | undefined | null): void {
    if (url && !URL.canParse(url)) throw new Error(`url must be an absolute URL; got "${url}"`);
    this.target = url || undefined;
    if (this.target) void this.keys.prepare();
  }

  get settings(): WebhookSettings {
    return { ...this.delivery.currentSettings, taskCreateGap: this.taskCreateGap };
  }

  configure(settings: Partial<WebhookSettings>): void {
    const { taskCreateGap, ...delivery } = settings;
    if (taskCreateGap !== undefined) this.taskCreateGap = taskCreateGap;
    this.delivery.configure(delivery);
  }

  /** Every send attempt, oldest first. Cleared in place by clearLog(). */
  get log(): WebhookLogEntry[] {
    return this.delivery.log;
  }

  clearLog(): void {
    this.delivery.log.length = 0;
  }

  /** Events queued, in flight, held by a reorder fault or waiting for a retry. */
  get pending(): number {
    return this.delivery.pending;
  }

  /** Resolves once everything queued has been sent and every scheduled retry has run. */
  idle(): Promise<void> {
    return this.delivery.idle();
  }

  injectFault(fault: WebhookFault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listFaults(): WebhookFault[] {
    return this.faults.list();
  }

  emit(...events: WebhookEvent[]): void {
    const url = this.target;
    if (!url) return;
    for (const event of events) {
      const body: Record<string, unknown> = { ...event };
      if (event.type === 'TaskCreate' && this.taskCreateGap) {
        delete body.contactId;
        delete body.body;
      }
      const webhookId = crypto.randomUUID();
      Object.assign(body, {
        appId: this.appId,
        versionId: this.versionId,
        timestamp: new Date().toISOString(),
        webhookId,
      });
      this.delivery.enqueue({
        type: event.type,
        webhookId,
        locationId: event.locationId,
        url,
        raw: JSON.stringify(body),
        attempt: 0,
      });
    }
  }

  close(): void {
    this.delivery.close();
  }
}
