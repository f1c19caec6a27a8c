// The webhook relay's client. HighLevel sends a Marketplace app's webhooks to one URL, the relay's;
// the relay stores each event and forwards it to the Zapier hook URLs subscribed to it. Requests go
// through z.request and the app's pipeline (bearer, scope check), but the relay's answers are
// worded here: they are the relay's, not HighLevel's.
import { errors, type Bundle, type HttpMethod, type ZObject } from 'zapier-platform-core';
import { locationIdOf } from '../http/client';
import { requestTimeoutMs } from '../http/config';
import { invalidInput, isNetworkFailure, redactSecrets, sentence } from '../http/errors';
import type { HighLevelMiddlewareData } from '../http/middleware';
import { subscriptionSchema, type Subscription } from './schemas';
import { EVENT_SCOPES, relayFilters, type FilterInput, type InstantEvent } from './events';

const SETTING = 'RELAY_URL';
const HOW_TO_SET = `The app's developer sets it with \`zapier-platform env:set <app version> ${SETTING}=https://<the relay's host>\`.`;

const relayError = (message: string, code: string, status: number) =>
  new errors.Error(message, code, status);

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The relay's base URL from the app's RELAY_URL setting: https, or http on this machine only. */
export const relayUrl = (): string => {
  const raw = process.env[SETTING]?.trim();
  if (!raw) {
    throw relayError(
      `Instant triggers need the app's webhook relay, and this Zapier app has no ${SETTING} setting. ${HOW_TO_SET}`,
      'relay_not_configured',
      500,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw relayError(
      `The app's ${SETTING} setting is not a URL. ${HOW_TO_SET}`,
      'relay_not_configured',
      500,
    );
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw relayError(
      `The app's ${SETTING} setting must be an https URL (http only for a relay on this machine). ${HOW_TO_SET}`,
      'relay_not_configured',
      500,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

type RelayResponse = { status: number; data?: unknown; content?: string };

/** The relay's reason: its `message` (a validation error's detail) or its `error` sentence. */
const saidBy = (response: RelayResponse): string => {
  const body = (response.data ?? {}) as { message?: unknown; error?: unknown };
  for (const said of [body.message, body.error]) {
    const text = Array.isArray(said) ? said.join(' ') : said;
    if (typeof text === 'string' && text.trim()) return redactSecrets(text.trim());
  }
  return '';
};

/** A failed relay answer as a sentence; 401 never gets here (core refreshes the token). */
const failure = (response: RelayResponse, locationId: string): Error => {
  const said = saidBy(response);
  const { status } = response;
  if (status === 400) {
    return relayError(
      `The webhook relay refused the subscription${said ? `: ${sentence(said)}` : '.'}`,
      'relay_rejected',
      400,
    );
  }
  if (status === 403) {
    return relayError(
      `This HighLevel connection cannot see the sub-account ${locationId}, so the relay will not deliver its events. Reconnect HighLevel and choose that sub-account.`,
      'forbidden',
      403,
    );
  }
  if (status === 429) {
    return new errors.ThrottledError('The webhook relay is busy. Zapier will retry shortly.', 10);
  }
  const reason = said ? `: ${sentence(said)}` : '.';
  return relayError(
    `The webhook relay could not complete this step (HTTP ${status})${reason} Try again in a few minutes.`,
    status >= 500 ? 'relay_unavailable' : 'relay_rejected',
    status,
  );
};

const send = async (
  z: ZObject,
  bundle: Bundle,
  {
    method,
    path,
    body,
    scope,
  }: { method: HttpMethod; path: string; body?: object; scope?: string },
): Promise<RelayResponse> => {
  const base = relayUrl();
  const middlewareData: HighLevelMiddlewareData = { notHighLevel: true, scope };
  try {
    return await z.request({
      method,
      url: `${base}${path}`,
      body,
      middlewareData,
      timeout: requestTimeoutMs(),
      skipThrowForStatus: true,
    } as Parameters<ZObject['request']>[0]);
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    const reason = redactSecrets((error as Error).message);
    throw relayError(
      `Could not reach the webhook relay at ${base} (${reason}). Try again in a few minutes.`,
      'network_error',
      503,
    );
  }
};

/**
 * Subscribes the Zap's hook URL to `event` in the connected sub-account. What it returns is kept
 * by Zapier as `bundle.subscribeData` and given back to unsubscribe.
 */
export const subscribe = async (
  z: ZObject,
  bundle: Bundle,
  event: InstantEvent,
  filters: Record<string, string>,
): Promise<Subscription> => {
  const locationId = locationIdOf(bundle);
  const targetUrl = bundle.targetUrl;
  if (!targetUrl) throw invalidInput('targetUrl', 'Zapier gave no hook URL to subscribe.');
  const response = await send(z, bundle, {
    method: 'POST',
    path: '/subscriptions',
    body: { targetUrl, event, locationId, filters },
    scope: EVENT_SCOPES[event],
  });
  if (response.status >= 300) throw failure(response, locationId);
  const parsed = subscriptionSchema.safeParse(response.data);
  if (!parsed.success) {
    throw relayError(
      `The webhook relay answered the subscription without its ID (HTTP ${response.status}), so the Zap could not be turned on. Try again in a few minutes.`,
      'unexpected_response',
      502,
    );
  }
  return parsed.data;
};

/** Removes the Zap's subscription; one the relay no longer knows is already gone. */
export const unsubscribe = async (z: ZObject, bundle: Bundle): Promise<{ id?: string }> => {
  const id = (bundle.subscribeData as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || !id) {
    z.console.log('No relay subscription is recorded for this Zap; nothing to remove.');
    return {};
  }
  const response = await send(z, bundle, {
    method: 'DELETE',
    path: `/subscriptions/${encodeURIComponent(id)}`,
  });
  if (response.status === 404) {
    z.console.log(`The relay no longer knows subscription ${id}: it is already gone.`);
  } else if (response.status >= 300) {
    throw failure(response, String(bundle.authData?.locationId ?? ''));
  }
  return { id };
};

/** A trigger's performSubscribe: its event, filtered by the filter inputs it offers. */
export const subscribeTo =
  (event: InstantEvent, filters: readonly FilterInput[]) => (z: ZObject, bundle: Bundle) =>
    subscribe(z, bundle, event, relayFilters(bundle, filters));
