// Every setting of the relay, read from the environment once. startRelay() takes the same names
// as overrides so that tests, the demo and the bench can start one without touching process.env.

export interface RelaySettings {
  port: number;
  host: string;
  /** Embedded store folder (PGlite), used when no databaseUrl is given. */
  dataDir: string;
  /** postgres://… for several instances on one PostgreSQL server. */
  databaseUrl?: string;
  /** HighLevel's Ed25519 public key (PEM), checked against `x-ghl-signature`. */
  webhookPublicKey?: string;
  /** HighLevel's legacy RSA public key (PEM), checked against `x-wh-signature`. */
  webhookRsaPublicKey?: string;
  /**
   * How old an event's `timestamp` may be. HighLevel re-sends the same payload (same body, so the
   * same signed `timestamp` and `webhookId`) up to 6 times, 10 minutes apart plus jitter, only
   * after a 429: the last retry arrives about 70 minutes after the event ("Automated Webhook
   * Retries", HighLevel's Webhook Integration Guide, help.gohighlevel.com article 155000007071:
   * "re-send the same payload up to six times … worst-case latency ~1 hr 10 min"; the SDK's
   * webhook-manager verifies the body as received and never re-stamps it). Two hours accepts every
   * retry with room for jitter and clock skew; the `webhookId` dedupe covers the whole window.
   */
  webhookMaxAgeSeconds: number;
  /**
   * How long received events are kept (relay/store/retention.ts): at least the stale window, so a
   * retry's webhookId is always found.
   */
  eventRetentionSeconds: number;
  highlevelApiBaseUrl: string;
  /** Hosts a subscription may deliver to (https only). */
  targetHosts: string[];
  /** Development only: also http://127.0.0.1 / localhost targets. */
  allowLoopbackTargets: boolean;
  /**
   * Delivery retries, done by pg-boss in whole seconds: the first delay (the n-th waits between
   * base·2^(n-1) and twice that) and the longest delay. How long to keep trying is the relay's own
   * window, in milliseconds: a delivery whose next attempt could not start inside it is
   * dead-lettered.
   */
  retryBaseSeconds: number;
  retryMaxDelaySeconds: number;
  retryForMs: number;
  /** How long one delivery POST may take before it counts as failed. */
  deliveryTimeoutMs: number;
  /**
   * How long a claimed delivery may stay unanswered before pg-boss hands it to another attempt
   * (its instance died mid-POST): longer than the POST timeout. Expired claims are looked for every
   * `superviseIntervalSeconds`, so a crashed instance's deliveries come back within the sum.
   */
  deliveryExpireSeconds: number;
  superviseIntervalSeconds: number;
  /** Deliveries in flight at once per instance. */
  deliveryConcurrency: number;
  /** How often an idle worker looks for due deliveries (new events wake it at once). */
  pollIntervalMs: number;
  /** How long a verified token's view of a sub-account is cached. */
  locationCacheSeconds: number;
  logLevel: string;
}

const env = (name: string): string | undefined => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
};

const numberFrom = (name: string, fallback: number): number => {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`Setting ${name} must be a non-negative number, got "${raw}".`);
  }
  return value;
};

/** pg-boss takes whole seconds. */
const wholeNumberFrom = (name: string, fallback: number): number => {
  const value = numberFrom(name, fallback);
  if (!Number.isInteger(value)) {
    throw new Error(`Setting ${name} must be a whole number of seconds, got "${value}".`);
  }
  return value;
};

/** PEM keys often travel through env files with literal "\n" escapes. */
const pemFrom = (name: string): string | undefined => env(name)?.replace(/\\n/g, '\n');

export function settingsFromEnv(): RelaySettings {
  return {
    port: numberFrom('RELAY_PORT', 8790),
    host: env('RELAY_HOST') ?? '0.0.0.0',
    dataDir: env('RELAY_DATA_DIR') ?? '.relay-data',
    databaseUrl: env('RELAY_DATABASE_URL'),
    webhookPublicKey: pemFrom('HIGHLEVEL_WEBHOOK_PUBLIC_KEY'),
    webhookRsaPublicKey: pemFrom('HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY'),
    webhookMaxAgeSeconds: numberFrom('RELAY_WEBHOOK_MAX_AGE_SECONDS', 7200),
    eventRetentionSeconds: wholeNumberFrom('RELAY_EVENT_RETENTION_SECONDS', 7 * 24 * 60 * 60),
    highlevelApiBaseUrl: (
      env('HIGHLEVEL_API_BASE_URL') ?? 'https://services.leadconnectorhq.com'
    ).replace(/\/+$/, ''),
    targetHosts: (env('RELAY_TARGET_HOSTS') ?? 'hooks.zapier.com')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    allowLoopbackTargets: env('RELAY_ALLOW_LOOPBACK_TARGETS') === '1',
    retryBaseSeconds: wholeNumberFrom('RELAY_RETRY_BASE_SECONDS', 10),
    retryMaxDelaySeconds: wholeNumberFrom('RELAY_RETRY_MAX_DELAY_SECONDS', 60 * 60),
    retryForMs: numberFrom('RELAY_RETRY_FOR_MS', 24 * 60 * 60 * 1000),
    deliveryTimeoutMs: numberFrom('RELAY_DELIVERY_TIMEOUT_MS', 10_000),
    deliveryExpireSeconds: wholeNumberFrom('RELAY_DELIVERY_EXPIRE_SECONDS', 30),
    superviseIntervalSeconds: wholeNumberFrom('RELAY_SUPERVISE_INTERVAL_SECONDS', 10),
    deliveryConcurrency: numberFrom('RELAY_DELIVERY_CONCURRENCY', 32),
    pollIntervalMs: numberFrom('RELAY_POLL_INTERVAL_MS', 500),
    locationCacheSeconds: numberFrom('RELAY_LOCATION_CACHE_SECONDS', 60),
    logLevel: env('RELAY_LOG_LEVEL') ?? 'info',
  };
}
