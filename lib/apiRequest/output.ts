// What the API Request action returns: the status, the headers worth mapping, the parsed body
// flattened into `body__…` keys for Zapier's field picker, and the raw text for a Code step.

type ResponseLike = {
  status: number;
  content?: string;
  data?: unknown;
  headers: { get(name: string): string | null };
};

/** Headers a Zap can use: what came back, where a created record is, and the rate budget left. */
const USEFUL_HEADERS = [
  'content-type',
  'location',
  'x-ratelimit-remaining',
  'x-ratelimit-max',
  'x-ratelimit-interval-milliseconds',
  'x-ratelimit-daily-remaining',
  'x-ratelimit-limit-daily',
];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * `{ contact: { id, tags: ['a'] } }` → `{ body__contact__id, body__contact__tags: ['a'] }`.
 * Objects become `__`-joined keys (Zapier's own separator for nested fields); lists stay lists,
 * their objects flattened the same way, so a list of records still maps as line items.
 */
export const flattenForMapping = (
  value: unknown,
  prefix: string,
  into: Record<string, unknown> = {},
): Record<string, unknown> => {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) {
      flattenForMapping(item, prefix ? `${prefix}__${key}` : key, into);
    }
  } else if (Array.isArray(value)) {
    into[prefix] = value.map((item) => (isPlainObject(item) ? flattenForMapping(item, '') : item));
  } else {
    into[prefix] = value;
  }
  return into;
};

/** The id of what HighLevel answered with: `body.id`, or the id of its one record (`{ calendar }`). */
const idOf = (body: unknown): string => {
  if (!isPlainObject(body)) return '';
  if (typeof body.id === 'string') return body.id;
  const records = Object.values(body).filter(isPlainObject);
  const only = records.length === 1 ? records[0] : undefined;
  return typeof only?.id === 'string' ? only.id : '';
};

export const apiRequestResult = (response: ResponseLike) => {
  const headers = Object.fromEntries(
    USEFUL_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const body = response.data;
  const flattened = body === undefined ? {} : flattenForMapping(body, 'body');
  return {
    id: idOf(body),
    status: response.status,
    headers,
    ...flattened,
    bodyText: response.content ?? '',
  };
};
