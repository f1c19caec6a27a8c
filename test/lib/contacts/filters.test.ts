// New Contact and Updated Contact share their filter inputs (lib/contactFilters), so each must
// send them to HighLevel alike and refuse the same bad input.
import newContact, { perform as performNewContact } from '../../../triggers/new_contact';
import updatedContact, {
  perform as performUpdatedContact,
} from '../../../triggers/updated_contact';
import {
  bundleWith,
  expectInvalidInput,
  highLevel,
  noCustomFields,
  testerFor,
} from '../../support/app';

describe.each([
  { trigger: newContact, perform: performNewContact },
  { trigger: updatedContact, perform: performUpdatedContact },
])('$trigger.key filters', ({ trigger, perform }) => {
  const appTester = testerFor('triggers', trigger);

  it('sends the tag, assigned user and search text filters', async () => {
    noCustomFields();
    highLevel()
      .post(
        '/contacts/search',
        (b: Record<string, unknown>) =>
          b.query === 'smith' &&
          JSON.stringify(b.filters) ===
            JSON.stringify([
              { field: 'tags', operator: 'eq', value: 'vip' },
              { field: 'assignedTo', operator: 'eq', value: 'user123' },
            ]),
      )
      .reply(200, { contacts: [], total: 0 });

    const results = await appTester(
      perform,
      bundleWith({ tag: ' vip ', assignedTo: 'user123', query: 'smith' }),
    );
    expect(results).toEqual([]);
  });

  it('refuses search text longer than HighLevel allows, before any request', async () => {
    await expectInvalidInput(
      appTester(perform, bundleWith({ query: 'x'.repeat(76) })),
      /Search Text/,
    );
  });
});
