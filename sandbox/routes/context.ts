// What every route handler receives, and the lookups of path objects they share: each answers
// 404 "<Kind> not found" when missing and 403 when it belongs to another location, except an
// unknown contact id, which HighLevel answers with 400 "Contact with id <id> not found" (its spec
// documents only 400, 401 and 422 for the contact routes).
import { canAccessLocation } from '../auth/guard';
import { AccessTokenRecord } from '../auth/tokens';
import { badRequest, forbiddenLocation, notFound } from '../http/errors';
import { ApiResult } from '../http/io';
import { ContactRecord, LocationRecord } from '../model/types';
import type { Store } from '../store';
import type { Webhooks } from '../webhooks/webhooks';

export interface HandlerContext {
  store: Store;
  /** Every write emits its HighLevel webhook here (sent only when a URL is set). */
  webhooks: Pick<Webhooks, 'emit'>;
  grant: AccessTokenRecord;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Already validated against the spec, so handlers may cast it to the operation's DTO. */
  body: unknown;
}

export type Handler = (ctx: HandlerContext) => ApiResult | Promise<ApiResult>;

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const created = (body: unknown): ApiResult => ({ status: 201, body });

export function queryString(ctx: HandlerContext, name: string): string | undefined {
  const value = ctx.query[name];
  return Array.isArray(value) ? value[0] : value;
}

export function loadContact(ctx: HandlerContext, contactId: string | undefined): ContactRecord {
  const contact = contactId ? ctx.store.contacts.get(contactId) : undefined;
  if (!contact) throw badRequest(`Contact with id ${contactId ?? ''} not found`);
  if (!canAccessLocation(ctx.store, ctx.grant, contact.locationId)) throw forbiddenLocation();
  return contact;
}

export function loadLocation(ctx: HandlerContext, locationId: string | undefined): LocationRecord {
  const location = locationId ? ctx.store.locations.get(locationId) : undefined;
  if (!location) throw notFound('Location');
  if (!canAccessLocation(ctx.store, ctx.grant, location.id)) throw forbiddenLocation();
  return location;
}

/** A record of a location-scoped collection (task, note, campaign, ...) that must exist there. */
export function loadOwned<T extends { locationId: string }>(
  ctx: HandlerContext,
  record: T | undefined,
  kind: string,
  locationId: string,
): T {
  if (!record || record.locationId !== locationId) throw notFound(kind);
  return record;
}
