// The path an API Request goes to. It is always appended to HighLevel's API base URL, so it must
// stay a path there: no scheme, no other host, no "..", nothing that URL parsing would rewrite.
import { invalidInput } from '../http/errors';

/** The one placeholder a path may hold: the connection's sub-account. */
export const LOCATION_PLACEHOLDER = '{locationId}';

const explain = (why: string): Error =>
  invalidInput(
    'Path',
    `${why} Enter a path under HighLevel's API, such as /calendars/ or /opportunities/search.`,
  );

/**
 * `calendars/` → `/calendars/`; `/locations/{locationId}/customValues` with the connection's
 * location filled in. Throws, naming the Path field, for anything that could leave the API.
 */
export const apiRequestPath = (input: unknown, locationId: string): string => {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (!raw) throw explain('a path is required.');
  if (/^[a-z][a-z\d+.-]*:/i.test(raw)) {
    throw explain(`"${raw}" has a scheme (such as https:); only the path is allowed.`);
  }
  if (raw.startsWith('//') || raw.includes('\\')) {
    throw explain(`"${raw}" names another host; only a path on HighLevel's API is allowed.`);
  }
  if (/[?#]/.test(raw)) {
    throw explain(`"${raw}" has a query or fragment; put query parameters in their own field.`);
  }
  // \s covers spaces, tabs and line breaks; other control characters have no place in a path.
  if (/\s/.test(raw) || [...raw].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
    throw explain(`"${raw}" contains spaces or control characters.`);
  }
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  const segments = path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw explain(`"${raw}" has a malformed %-escape.`);
    }
  });
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw explain(`"${raw}" has a "." or ".." segment.`);
  }
  if (segments.some((segment) => segment.includes('/') || segment.includes('\\'))) {
    throw explain(`"${raw}" has an escaped slash.`);
  }
  const filled = path.split(LOCATION_PLACEHOLDER).join(encodeURIComponent(locationId));
  if (/[{}]/.test(filled)) {
    throw explain(`"${raw}" has a placeholder other than ${LOCATION_PLACEHOLDER}.`);
  }
  return filled;
};
