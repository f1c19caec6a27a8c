// One unreadable record never fails a poll: it is delivered with what can be read, the log naming
// what was dropped, or left out (no id) and named in the log.
import { readContact, readContacts } from '../../../lib/contacts/shape';
import newContact, { perform } from '../../../triggers/new_contact';
import { bundleWith, highLevel, noCustomFields, testerFor } from '../../support/app';
import { searchRow } from '../../support/contacts';

describe('reading a contact leniently', () => {
  const log = jest.fn();
  beforeEach(() => log.mockReset());

  it('keeps the readable tags of `tags: [null, "vip"]` and reads `dnd: "false"` as false', () => {
    const contact = readContact({ id: 'c1', tags: [null, 'vip'], dnd: 'false' }, log);
    expect(contact).toMatchObject({ id: 'c1', tags: ['vip'], dnd: false });
    expect(log).not.toHaveBeenCalled();
  });

  it('drops an unreadable date and a field of the wrong type, naming them', () => {
    const contact = readContact(
      { id: 'c2', dateAdded: 'not a date', email: { nested: true }, firstName: 'Ada' },
      log,
    );
    expect(contact).toMatchObject({ id: 'c2', firstName: 'Ada' });
    expect(contact).not.toHaveProperty('dateAdded');
    expect(contact).not.toHaveProperty('email');
    expect(log).toHaveBeenCalledWith(
      'Contact c2: dropped what could not be read (dateAdded, email).',
    );
  });

  it('leaves out a record without an id, and says so', () => {
    expect(readContacts([{ firstName: 'No id' }, { id: 'c3' }, null], log)).toEqual([
      expect.objectContaining({ id: 'c3' }),
    ]);
    expect(log).toHaveBeenCalledWith('A contact was left out: it has no readable id.');
    expect(log).toHaveBeenCalledWith('A contact that is not an object was left out.');
  });
});

describe('a poll with bad records', () => {
  afterEach(() => jest.restoreAllMocks());

  it('delivers every readable contact, the first page being full of odd ones', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    noCustomFields();
    const rows = [
      { ...searchRow(4, 1), tags: [null] },
      { ...searchRow(3, 2), dnd: 'false' },
      { ...searchRow(2, 3), dateAdded: undefined },
      { ...searchRow(1, 4), dateUpdated: 'yesterday-ish' },
      { ...searchRow(0, 5), id: undefined },
    ];
    highLevel().post('/contacts/search').reply(200, { contacts: rows, total: 5 });

    const results = await testerFor('triggers', newContact)(perform, bundleWith());

    expect(results.map((r) => r.id)).toEqual(rows.slice(0, 4).map((row) => row.id));
    expect(results[0]).toMatchObject({ tags: [] });
    expect(results[1]).toMatchObject({ dnd: false });
    expect(results[2]).toMatchObject({ dateAdded: '' });
  });
});
