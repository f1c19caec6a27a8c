import findNote, { perform } from '../../searches/find_note';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('searches', findNote);

const note = (id: string, body: string, dateAdded: string | null) => ({
  id,
  body,
  userId: 'y0BeYjuRIlDwsDcOHOJo',
  dateAdded,
  contactId: 'c123',
});

const notes = [
  note('n1', 'Prefers MORNING appointments.', '2026-10-01T09:00:00.000Z'),
  note('n2', 'Asked about whitening.', '2026-10-09T09:00:00.000Z'),
  note('n3', 'Moved: prefers\nmorning   appointments now too', '2026-10-07T11:20:03.121Z'),
  note('n4', 'Morning appointments only', null),
];

describe('find_note', () => {
  it("lists the contact's notes and returns those containing the text, newest first", async () => {
    const scope = highLevel().get('/contacts/c123/notes').reply(200, { notes });

    const results = await appTester(
      perform,
      bundleWith({ contactId: 'c123', body: 'morning appointments' }),
    );

    expect(scope.isDone()).toBe(true);
    expect(results.map((r) => r.id)).toEqual(['n3', 'n1', 'n4']);
    expect(results[0]).toEqual({
      id: 'n3',
      body: 'Moved: prefers\nmorning   appointments now too',
      title: '',
      userId: 'y0BeYjuRIlDwsDcOHOJo',
      dateAdded: '2026-10-07T11:20:03.121Z',
      pinned: false,
      contactId: 'c123',
    });
  });

  it('returns no result when no note matches, when there are no notes, and on a 404', async () => {
    highLevel().get('/contacts/c123/notes').reply(200, { notes });
    expect(await appTester(perform, bundleWith({ contactId: 'c123', body: 'insurance' }))).toEqual(
      [],
    );

    highLevel().get('/contacts/c123/notes').reply(200, { notes: [] });
    expect(await appTester(perform, bundleWith({ contactId: 'c123', body: 'morning' }))).toEqual(
      [],
    );

    highLevel()
      .get('/contacts/gone/notes')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    expect(await appTester(perform, bundleWith({ contactId: 'gone', body: 'morning' }))).toEqual(
      [],
    );
  });

  it.each([
    [{ contactId: 'c123', body: '' }, /Invalid Note Text Contains: a value is required/],
    [{ contactId: ' ', body: 'morning' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
