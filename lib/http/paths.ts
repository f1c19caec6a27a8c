// The one place where ids enter a URL. HighLevel ids are opaque strings; anything that could
// change the meaning of a path ("/", "?", "#", "..", white space, an id of only dots, which URL
// parsing drops as a "." segment) is refused before a request goes out, so a mapped value can
// never point a step at a different endpoint.
import { apiBaseUrl } from './config';
import { invalidInput } from './errors';
import { shown } from './readable';

const UNSAFE_ID = /[/?#\s\\]|\.\.|^\.$/;

/**
 * Longer than any HighLevel id (20-character record ids, 36-character workflow UUIDs, the spec's
 * `maxLength: 50` on bulk contact ids): a longer value is a mapping mistake, refused before it is
 * sent in a URL.
 */
export const MAX_ID_LENGTH = 100;

/** `contactId` → `Contact ID`, for error messages that name the field the user filled. */
export const labelOfKey = (key: string): string =>
  key
    .replace(/Id(s?)$/, ' ID$1')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .trim();

/** A required id input, trimmed and checked; throws a clear error naming the field. */
export const requireId = (key: string, value: unknown): string => {
  const id =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!id) {
    throw invalidInput(
      labelOfKey(key),
      'a HighLevel ID is required (choose one from the list or map it from an earlier step).',
    );
  }
  if (id.length > MAX_ID_LENGTH) {
    throw invalidInput(
      labelOfKey(key),
      `"${shown(id)}" is not a HighLevel ID: IDs are at most ${MAX_ID_LENGTH} characters long.`,
    );
  }
  if (UNSAFE_ID.test(id)) {
    throw invalidInput(
      labelOfKey(key),
      `"${shown(id)}" is not a HighLevel ID: IDs cannot be "." or contain "/", "?", "#", "..", backslashes or spaces.`,
    );
  }
  return id;
};

/**
 * `apiUrl('/contacts/{contactId}/notes/{id}', { contactId, id })` → the full, encoded URL.
 * Every `{name}` must have a safe value; the template itself is trusted (it is code, not input).
 */
export const apiUrl = (template: string, params: Record<string, unknown> = {}): string => {
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`apiUrl: no value for {${name}} in ${template}`);
    return encodeURIComponent(requireId(name, params[name]));
  });
  return `${apiBaseUrl()}${path}`;
};
