// The location's contact custom-field definitions, GET /locations/{locationId}/customFields
// ?model=contact: the one loader every step uses. It keeps them per connection until a step meets
// a field they do not know, and its caller's failure policy says what a step does when they cannot
// be loaded.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../http/client';
import { requestTimeoutMs, stepBudgetMs } from '../http/config';
import { readConnectionCache, writeConnectionCache } from '../http/connectionCache';
import { AppError, sentence } from '../http/errors';

const textOrEmpty = zod
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const customFieldDefinitionSchema = zod.looseObject({
  id: zod.string(),
  name: textOrEmpty,
  fieldKey: zod.string().nullish(),
  dataType: zod
    .string()
    .nullish()
    .transform((value) => value || 'TEXT'),
  picklistOptions: zod.array(zod.unknown()).nullish(),
  /** A choice field that also takes values it does not list. */
  isAllowedCustomOption: zod.boolean().nullish(),
});
export type CustomFieldDefinition = zod.infer<typeof customFieldDefinitionSchema>;

const definitionsResponseSchema = zod.looseObject({
  customFields: zod.array(customFieldDefinitionSchema).default([]),
});

/**
 * What the connection keeps: the definitions, and the ids a step met that HighLevel's list still
 * lacked when it was reloaded for them (a value left on a contact by a deleted field), so that
 * such a value does not cost a reload on every poll.
 */
const keptSchema = zod.object({
  definitions: zod.array(customFieldDefinitionSchema),
  absentIds: zod.array(zod.string()),
});
type Kept = zod.infer<typeof keptSchema>;

/**
 * How long the connection keeps the definitions. They are reloaded when a step meets a field they
 * do not know, not on a clock, so a quiet poll is its one search request at any interval; this
 * only bounds how long a renamed field keeps its old label where nothing reloads them ("Refresh
 * fields" in the editor always does). If the cache loses the value sooner (evicted, or z.cache
 * failing), the next step loads the definitions from HighLevel (one more request in that step)
 * and keeps them again; nothing else changes.
 */
export const DEFINITIONS_CACHE_SECONDS = 30 * 24 * 60 * 60;

const cacheKeyOf = (bundle: Bundle): string => `customFieldDefinitions:${locationIdOf(bundle)}`;

/**
 * What a step does when the definitions cannot be loaded. Errors Zapier acts on itself (refresh
 * the token, retry later) pass through, except where noted.
 * - `labels`: they only label output, so the step goes on without them (the output keeps
 *   HighLevel's raw `customFields`), logged. A 401 is absorbed too: HighLevel answers a missing
 *   scope with 401, and a connection made before the app asked for
 *   locations/customFields.readonly must not be blocked where no custom field is needed; a token
 *   that is really stale meets the same 401 on the step's next request, and Zapier refreshes then.
 * - `poll`: contacts delivered without their custom-field values would be recorded by Zapier's
 *   dedupe and never come back, while a failed poll loses nothing (the next one reads the same
 *   window again). So a passing failure (network, 5xx, an unreadable answer) fails the poll, and
 *   only a connection that cannot read custom fields at all (a 401, as above, a missing scope, a
 *   refusal) goes on without them, logged.
 * - `required`: a write that fills custom fields, and the editor: the step is refused with a
 *   `custom_fields_unavailable` error that carries HighLevel's reason (`cause`), nothing written.
 */
export type FailurePolicy = 'labels' | 'poll' | 'required';

const HANDLED_BY_ZAPIER = new Set(['RefreshAuthError', 'ThrottledError', 'ExpiredAuthError']);
// What a reconnect, not a retry, would fix: the connection may not read custom fields.
const PERMANENT_CODES = new Set(['missing_scope', 'forbidden']);

const codeOf = (error: Error): string | undefined => {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : undefined;
};

/** What an error says to the user. */
const reasonOf = (error: Error): string => {
  const { reason } = error as { reason?: unknown };
  return typeof reason === 'string' ? reason : error.message || error.name;
};

const isPermanent = (error: Error): boolean =>
  error.name === 'RefreshAuthError' || PERMANENT_CODES.has(codeOf(error) ?? '');

const unavailable = (failure: Error): Error => {
  const { status } = failure as { status?: unknown };
  const error = new AppError(
    `The custom fields filled in this step could not be sent, because the sub-account's custom-field list could not be loaded from HighLevel: ${sentence(reasonOf(failure))} Nothing was changed. Retry the step, or clear its custom fields to run it without them.`,
    'custom_fields_unavailable',
    typeof status === 'number' ? status : 502,
  );
  return Object.assign(error, { cause: failure });
};

// A step that loads them twice (to label what it read, then for an id it met) logs a failure once.
const logged = new WeakSet<Error>();

/** The definitions a step goes on with after `failure`, or the error that ends the step. */
const afterFailure = (
  z: ZObject,
  failure: Error,
  policy: FailurePolicy,
): CustomFieldDefinition[] => {
  const absorbs401 = policy === 'labels' || policy === 'poll';
  if (HANDLED_BY_ZAPIER.has(failure.name) && !(absorbs401 && failure.name === 'RefreshAuthError')) {
    throw failure;
  }
  if (!logged.has(failure))
    z.console.log(`Custom fields could not be loaded: ${reasonOf(failure)}`);
  logged.add(failure);
  if (policy === 'labels' || (policy === 'poll' && isPermanent(failure))) return [];
  throw policy === 'required' ? unavailable(failure) : failure;
};

/**
 * HighLevel's reason behind the error the `required` policy ends a step with; undefined for any
 * other error. The editor shows it in place of the custom fields instead of failing.
 */
export const unavailableReasonOf = (error: unknown): string | undefined =>
  error instanceof Error &&
  codeOf(error) === 'custom_fields_unavailable' &&
  error.cause instanceof Error
    ? reasonOf(error.cause)
    : undefined;

/** Field ids a step met (on contacts, or filled in a write) that the definitions must know. */
export type MetFields = {
  ids: string[];
  /** Whether a known definition covers what the step met in it, e.g. a chosen option it lists. */
  covers?: (definition: CustomFieldDefinition) => boolean;
};

export type LoadOptions = {
  policy: FailurePolicy;
  /** Load from HighLevel even when they are kept, for the editor's "Refresh fields". */
  fresh?: boolean;
  /** What the step met: kept definitions that do not cover it are reloaded, once per step. */
  met?: MetFields;
  /** A poll gives the definitions no more time than its own budget. */
  timeoutMs?: number;
};

type Copy = Kept & { fromHighLevel: boolean };

// One copy per step (core builds a bundle per invocation): concurrent loads share it.
const stepCopies = new WeakMap<Bundle, Promise<Copy>>();

const covered = ({ definitions, absentIds }: Kept, met: MetFields | undefined): boolean => {
  if (!met) return true;
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  return met.ids.every((id) => {
    const definition = byId.get(id);
    return definition ? (met.covers?.(definition) ?? true) : absentIds.includes(id);
  });
};

const fetchCopy = async (
  z: ZObject,
  bundle: Bundle,
  { met, timeoutMs }: LoadOptions,
): Promise<Copy> => {
  const locationId = locationIdOf(bundle);
  const { customFields: definitions } = await callHighLevel(
    z,
    {
      path: '/locations/{locationId}/customFields',
      pathParams: { locationId },
      query: { model: 'contact' },
      timeoutMs,
    },
    definitionsResponseSchema,
  );
  const known = new Set(definitions.map((definition) => definition.id));
  const absentIds = [...new Set(met?.ids ?? [])].filter((id) => !known.has(id));
  const kept: Kept = { definitions, absentIds };
  await writeConnectionCache(z, cacheKeyOf(bundle), kept, DEFINITIONS_CACHE_SECONDS);
  return { ...kept, fromHighLevel: true };
};

const keptCopy = async (z: ZObject, bundle: Bundle): Promise<Copy | undefined> => {
  const kept = keptSchema.safeParse(await readConnectionCache(z, cacheKeyOf(bundle)));
  return kept.success ? { ...kept.data, fromHighLevel: false } : undefined;
};

/** This step's copy: kept, or loaded; reloaded once if it is kept and misses what `met` names. */
const copyFor = async (z: ZObject, bundle: Bundle, options: LoadOptions): Promise<Copy> => {
  let pending = options.fresh ? undefined : stepCopies.get(bundle);
  if (!pending) {
    pending = options.fresh
      ? fetchCopy(z, bundle, options)
      : keptCopy(z, bundle).then((kept) => kept ?? fetchCopy(z, bundle, options));
    stepCopies.set(bundle, pending);
  }
  const copy = await pending;
  if (copy.fromHighLevel || covered(copy, options.met)) return copy;
  // Another load of this step may have started the reload already.
  const current = stepCopies.get(bundle);
  if (current && current !== pending) return current;
  const reloaded = fetchCopy(z, bundle, options);
  stepCopies.set(bundle, reloaded);
  return reloaded;
};

/** The location's contact custom-field definitions; on failure, what `policy` says. */
export const loadCustomFieldDefinitions = async (
  z: ZObject,
  bundle: Bundle,
  options: LoadOptions,
): Promise<CustomFieldDefinition[]> => {
  // Where they only label output, a hanging list must leave the step's own request most of its time.
  const timeoutMs =
    options.timeoutMs ??
    (options.policy === 'labels' ? Math.min(requestTimeoutMs(), stepBudgetMs() / 5) : undefined);
  try {
    return (await copyFor(z, bundle, { ...options, timeoutMs })).definitions;
  } catch (error) {
    return afterFailure(
      z,
      error instanceof Error ? error : new Error(String(error)),
      options.policy,
    );
  }
};
