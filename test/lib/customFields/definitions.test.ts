import nock from 'nock';
import { perform as createPerform } from '../../../creates/create_contact';
import { perform as updatePerform } from '../../../creates/update_contact';
import { perform as getContactPerform } from '../../../searches/get_contact';
import { customFieldInputFields } from '../../../lib/customFields';
import { bundleWith, failureOf, highLevel, LOCATION_ID } from '../../support/app';
import {
  captureLog,
  contactActions as appTester,
  contactReply,
  contactSearches as searchTester,
  definitions,
  definitionsReply,
} from './fixtures';

type InputField = Record<string, unknown>;
const inputFieldsOf = async (mode: 'create' | 'update' | 'upsert' = 'create', keepCache = false) =>
  (await appTester(customFieldInputFields(mode), bundleWith(), { keepCache })) as InputField[];

describe('custom-field definitions cache', () => {
  it('fetches the definitions once and reuses them in the next run of the same connection', async () => {
    definitionsReply(); // a single interceptor: a second fetch would find no match and fail
    highLevel().post('/contacts/').times(2).reply(201, contactReply());

    await appTester(createPerform, bundleWith({ firstName: 'Ann' }));
    const second = await appTester(createPerform, bundleWith({ firstName: 'Ann' }), {
      keepCache: true,
    });

    expect(second.id).toBe('c1');
    expect(nock.isDone()).toBe(true);
  });

  it('reads them fresh for the editor, so "Refresh fields" shows a field created a minute ago', async () => {
    definitionsReply([definitions[0]]);
    highLevel().post('/contacts/').reply(201, contactReply());
    await appTester(createPerform, bundleWith({ firstName: 'Ann' })); // caches [Pet Name]

    definitionsReply([definitions[0], definitions[2]]); // "Visits" was added since
    const fields = await inputFieldsOf('create', true);
    expect(fields.map((field) => field.key)).toEqual(['customField_cfText', 'customField_cfNum']);

    // The fresh read refreshed the cache: the next run knows Visits without fetching again.
    highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        firstName: 'Ann',
        customFields: [{ id: 'cfNum', field_value: '3' }],
      })
      .reply(201, contactReply([{ id: 'cfNum', value: 3 }]));
    const created = await appTester(
      createPerform,
      bundleWith({ firstName: 'Ann', customField_cfNum: '3' }),
      { keepCache: true },
    );
    expect(created.customFieldValues).toEqual({ visits: 3 });
    expect(nock.isDone()).toBe(true);
  });

  it('fetches them again once the cache is gone (a new connection or after expiry)', async () => {
    definitionsReply();
    definitionsReply();
    highLevel().post('/contacts/').times(2).reply(201, contactReply());

    await appTester(createPerform, bundleWith({ firstName: 'Ann' }));
    await appTester(createPerform, bundleWith({ firstName: 'Ann' }));
    expect(nock.isDone()).toBe(true);
  });
  it('a search whose contact carries a field the kept definitions lack reloads them once', async () => {
    definitionsReply([definitions[0]]);
    highLevel()
      .get('/contacts/c1')
      .reply(200, contactReply([{ id: 'cfText', value: 'Rex' }]));
    await searchTester(getContactPerform, bundleWith({ contactId: 'c1' })); // keeps [Pet Name]

    definitionsReply([definitions[0], definitions[2]]); // "Visits" was created since
    highLevel()
      .get('/contacts/c1')
      .reply(200, contactReply([{ id: 'cfNum', value: '3' }]));
    const [contact] = await searchTester(getContactPerform, bundleWith({ contactId: 'c1' }), {
      keepCache: true,
    });
    expect(contact).toMatchObject({ customFieldValues: { visits: 3 } });
    expect(nock.isDone()).toBe(true);
  });
});

describe('when the custom-field definitions cannot be loaded', () => {
  const definitionsFail = (status: number, message: string) =>
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query({ model: 'contact' })
      .reply(status, { statusCode: status, message });

  it.each([
    [503, 'Service Unavailable'],
    [401, 'The token is not authorized for this scope.'],
    [403, 'The token is not authorized for this scope.'],
  ])(
    'still creates a contact without custom fields (HTTP %i), keeping the raw values',
    async (status, message) => {
      definitionsFail(status, message);
      highLevel()
        .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann' })
        .reply(201, contactReply([{ id: 'cfText', value: 'Rex' }]));
      const log = captureLog();

      const result = await appTester(createPerform, bundleWith({ firstName: 'Ann' }));

      expect(result.customFields).toEqual([{ id: 'cfText', value: 'Rex' }]);
      expect(result.customFieldValues).toEqual({});
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining('Custom fields could not be loaded'),
      );
      log.mockRestore();
    },
  );

  it('still updates a contact when no custom field is filled', async () => {
    definitionsFail(500, 'Internal Server Error');
    highLevel()
      .put('/contacts/c1', { city: 'Oakland' })
      .reply(200, { succeded: true, ...contactReply() });
    const log = captureLog();
    const result = await appTester(updatePerform, bundleWith({ contactId: 'c1', city: 'Oakland' }));
    log.mockRestore();
    expect(result.id).toBe('c1');
  });

  it('refuses clearly, writing nothing, when a custom field was filled', async () => {
    definitionsFail(503, 'Service Unavailable');
    const log = captureLog();
    const failure = await failureOf(
      appTester(updatePerform, bundleWith({ contactId: 'c1', customField_cfText: 'Rex' })),
    );
    log.mockRestore();
    expect(failure).toMatchObject({ code: 'custom_fields_unavailable', status: 503 });
    expect(failure.message).toBe(
      "The custom fields filled in this step could not be sent, because the sub-account's custom-field list could not be loaded from HighLevel: " +
        'HighLevel had a problem on its side (HTTP 503) and could not complete this step. This is usually temporary: the step can be retried. ' +
        'Nothing was changed. Retry the step, or clear its custom fields to run it without them.',
    );
    expect(nock.isDone()).toBe(true);
  });

  it('still finds a contact, with its raw custom fields', async () => {
    definitionsFail(502, 'Bad Gateway');
    highLevel()
      .get('/contacts/c1')
      .reply(200, contactReply([{ id: 'cfText', value: 'Rex' }]));
    const log = captureLog();
    const [contact] = await searchTester(getContactPerform, bundleWith({ contactId: 'c1' }));
    log.mockRestore();
    expect(contact).toMatchObject({
      id: 'c1',
      customFields: [{ id: 'cfText', value: 'Rex' }],
      customFieldValues: {},
    });
  });
});
