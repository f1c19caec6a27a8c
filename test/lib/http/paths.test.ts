import fc from 'fast-check';
import { apiUrl, labelOfKey, requireId } from '../../../lib/http/paths';

describe('path parameters', () => {
  it.each(['a/b', 'a?b', 'a#b', '..', '.', ' . ', 'a b', 'a\tb', 'a\\b', ''])(
    'refuses %j',
    (id) => {
      expect(() => requireId('taskId', id)).toThrow(/Invalid Task ID/);
    },
  );

  it('refuses an id longer than any HighLevel id, and accepts the longest kinds', () => {
    expect(() => requireId('workflowId', 'w'.repeat(101))).toThrow(
      /Invalid Workflow ID: \\?"w{60}… \(101 characters\)\\?" is not a HighLevel ID: IDs are at most 100 characters long/,
    );
    expect(requireId('workflowId', '78559bb3-b920-461e-b010-7b2a2816d2a9')).toHaveLength(36);
    expect(requireId('contactId', 'c'.repeat(100))).toHaveLength(100);
  });

  it('trims and accepts HighLevel ids', () => {
    expect(requireId('contactId', ' seD4PfOuKoVMLkEZqohJ ')).toBe('seD4PfOuKoVMLkEZqohJ');
  });

  it('builds the full URL from a template', () => {
    expect(apiUrl('/contacts/{contactId}/notes/{noteId}', { contactId: 'c1', noteId: 'n1' })).toBe(
      'https://services.leadconnectorhq.com/contacts/c1/notes/n1',
    );
  });

  it('names fields the way the user sees them', () => {
    expect(['contactId', 'taskId', 'contactIds', 'businessId'].map(labelOfKey)).toEqual([
      'Contact ID',
      'Task ID',
      'Contact IDs',
      'Business ID',
    ]);
  });
});

// Properties: whatever a user maps into an id field, either the field is refused by name before
// anything is sent, or the id fills exactly its own path segment — it can never reach another
// endpoint or another record.
describe('path parameters (property)', () => {
  const template = '/contacts/{contactId}/notes/{id}';
  const segmentsOf = (url: string) => new URL(url).pathname.split('/').slice(1);
  // Any text at all, with the characters that mean something in a URL path made likely.
  const unsafeLooking = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('.', '/', '?', '#', '%', ' ', '\\', 'a'), maxLength: 6 }),
    fc.constantFrom('.', ' . ', '..', './a', '%2e', 'a%2Fb'),
  );

  it('either refuses an id, naming the field, or keeps it inside its own segment', () => {
    fc.assert(
      fc.property(unsafeLooking, (typed) => {
        let url: string;
        try {
          url = apiUrl(template, { contactId: typed, id: 'n1' });
        } catch (error) {
          expect((error as Error).message).toMatch(/Invalid Contact ID/);
          return;
        }
        const segments = segmentsOf(url);
        expect(segments).toHaveLength(4);
        expect(segments[0]).toBe('contacts');
        expect(decodeURIComponent(segments[1] as string)).toBe(typed.trim());
        expect(segments.slice(2)).toEqual(['notes', 'n1']);
      }),
    );
  });

  it('keeps every id HighLevel issues (letters and digits) exactly as it is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), (id) => {
        expect(requireId('contactId', id)).toBe(id);
        expect(apiUrl(template, { contactId: id, id })).toBe(
          `https://services.leadconnectorhq.com/contacts/${id}/notes/${id}`,
        );
      }),
    );
  });
});
