import { apiUrl, labelOfKey, requireId } from '../../lib/paths';

describe('path parameters', () => {
  it.each(['a/b', 'a?b', 'a#b', '..', '.', ' . ', 'a b', 'a\tb', 'a\\b', ''])(
    'refuses %j',
    (id) => {
      expect(() => requireId('taskId', id)).toThrow(/Invalid Task ID/);
    },
  );

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
