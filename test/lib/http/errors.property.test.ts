// Whatever HighLevel answers, the user gets a Zapier error with a readable message and no token.
import fc from 'fast-check';
import { highLevelError } from '../../../lib/http/errors';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJsb2NhdGlvbklkIjoiYWJjIn0.c2lnbmF0dXJlLXZhbHVl';

const responseOf = (status: number, data: unknown, headers: Record<string, string>) => ({
  status,
  data,
  content: JSON.stringify(data) ?? '',
  headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
  request: {
    url: 'https://services.leadconnectorhq.com/contacts/c1',
    headers: { Authorization: `Bearer ${TOKEN}` },
  },
});

const bodies = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.record({ statusCode: fc.integer(), message: fc.oneof(fc.string(), fc.array(fc.string())) }),
  fc.record({ message: fc.string().map((s) => `${s} ${TOKEN} ${s}`) }),
  fc.record({ message: fc.array(fc.string().map((s) => `Bearer ${TOKEN}${s}`)) }),
  fc.record({ meta: fc.record({ contactId: fc.string(), matchingField: fc.string() }) }),
  fc.jsonValue(),
);

describe('highLevelError (property)', () => {
  it('maps any failing status and body to a readable message without the token', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        bodies,
        fc.dictionary(
          fc.constantFrom('retry-after', 'x-ratelimit-interval-milliseconds'),
          fc.string(),
        ),
        (status, body, headers) => {
          const error = highLevelError(responseOf(status, body, headers));
          expect(error).toBeInstanceOf(Error);
          if (error.name === 'RefreshAuthError') return; // Zapier refreshes and retries silently
          const parsed = JSON.parse(error.message) as { message: string; delay?: number };
          expect(parsed.message.trim().length).toBeGreaterThan(10);
          expect(parsed.message).not.toContain(TOKEN);
          expect(parsed.message).not.toMatch(/^\s*[[{]/); // never a raw JSON dump
          if (error.name === 'ThrottledError') expect(parsed.delay).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads any "not found" (404, or a 400/422 saying so) as the call\'s innermost record', () => {
    const ids = fc.stringMatching(/^[A-Za-z0-9]{1,20}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(404, 400, 422),
        fc.constantFrom('Task not found', 'Task with id x not found', 'record not found'),
        ids,
        ids,
        (status, said, contactId, taskId) => {
          const response = responseOf(status, { statusCode: status, message: said }, {});
          const records = [
            { kind: 'contact', id: contactId },
            { kind: 'task', id: taskId },
          ];
          const error = highLevelError({
            ...response,
            request: { ...response.request, middlewareData: { records } },
          });
          const parsed = JSON.parse(error.message) as { message: string; code: string };
          expect(parsed.code).toBe('not_found');
          expect(parsed.message).toContain(`the task "${taskId}" on contact "${contactId}"`);
        },
      ),
    );
  });
});
