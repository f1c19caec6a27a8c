// What the relay delivers to a Zap's hook URL: HighLevel's event JSON as HighLevel sent it
// (`webhookId`, `type`, `locationId`, …). Deliveries are at least once, and Zapier runs the Zap for
// every delivery of a hook, so a redelivered event is recognised by its webhookId and dropped.
import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import type * as zod from 'zod';
import { readConnectionCache, writeConnectionCache } from '../http/connectionCache';
import type { InstantEvent } from './events';

export type Delivery = Record<string, unknown> & {
  type: string;
  locationId: string;
  webhookId?: string;
};

/** A relay retries for hours at most; a day covers every redelivery of one event. */
export const DELIVERY_MEMORY_SECONDS = 24 * 60 * 60;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const deliveryKey = (webhookId: string) => `instant:delivery:${webhookId}`;

/**
 * The delivered event if it is the trigger's own, for the connected sub-account, and not seen
 * before; otherwise undefined, with a log line saying why nothing fires.
 */
export const newDelivery = async (
  z: ZObject,
  bundle: Bundle,
  event: InstantEvent,
): Promise<Delivery | undefined> => {
  const body = bundle.cleanedRequest as unknown;
  if (!isObject(body) || typeof body.type !== 'string' || typeof body.locationId !== 'string') {
    z.console.log('Ignored a delivery that is not a HighLevel event (no type or locationId).');
    return undefined;
  }
  if (body.type !== event) {
    z.console.log(`Ignored a ${body.type} event delivered to a ${event} trigger.`);
    return undefined;
  }
  if (body.locationId !== bundle.authData?.locationId) {
    z.console.log(
      `Ignored an event of sub-account ${body.locationId}: this connection is for ${String(bundle.authData?.locationId)}.`,
    );
    return undefined;
  }
  const webhookId = typeof body.webhookId === 'string' ? body.webhookId : undefined;
  if (webhookId && (await readConnectionCache(z, deliveryKey(webhookId)))) {
    z.console.log(`Event ${webhookId} was delivered before; it fired then.`);
    return undefined;
  }
  return body as Delivery;
};

/** Remembers that the delivery fired, so that a redelivery of it does not fire again. */
export const rememberDelivery = (z: ZObject, delivery: Delivery): Promise<void> =>
  delivery.webhookId
    ? writeConnectionCache(z, deliveryKey(delivery.webhookId), true, DELIVERY_MEMORY_SECONDS)
    : Promise.resolve();

/**
 * The hook's perform: the trigger's items for a new delivery of its event, [] for anything else.
 * A delivery counts as fired once its items are made; if making them fails, a redelivery of the
 * same event may still fire.
 */
export const performDelivery =
  <T>(
    event: InstantEvent,
    itemsOf: (z: ZObject, bundle: Bundle, delivery: Delivery) => Promise<T[]>,
  ) =>
  async (z: ZObject, bundle: Bundle): Promise<T[]> => {
    const delivery = await newDelivery(z, bundle, event);
    if (!delivery) return [];
    const items = await itemsOf(z, bundle, delivery);
    await rememberDelivery(z, delivery);
    return items;
  };

/** The delivered record, checked against its schema; a delivery that fails it is reported. */
export const parseDelivered = <S extends zod.ZodType>(
  schema: S,
  value: unknown,
  delivery: Delivery,
): zod.infer<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => issue.path.join('.') || 'body')
    .join(', ');
  throw new errors.Error(
    `The relay delivered a ${delivery.type} event this app cannot read (${where}), so the Zap did not run for it. If this keeps happening, HighLevel may have changed its webhooks.`,
    'unexpected_delivery',
    502,
  );
};
