import bulkUpdateContactBusiness, { perform } from '../../creates/bulk_update_contact_business';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', bulkUpdateContactBusiness);

describe('bulk_update_contact_business', () => {
  it('assigns the contacts to the chosen business', async () => {
    const scope = highLevel()
      .post('/contacts/bulk/business', {
        locationId: LOCATION_ID,
        ids: ['c1', 'c2'],
        businessId: 'b1',
      })
      .reply(200, { success: true, ids: ['c1', 'c2'] });

    const result = await appTester(
      perform,
      bundleWith({ contactIds: ['c1', 'c2'], businessId: 'b1' }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      businessId: 'b1',
      removedFromBusiness: false,
      contactIds: ['c1', 'c2'],
      contactCount: 2,
    });
    expect(result.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('sends null to remove the contacts from their business when none is chosen', async () => {
    highLevel()
      .post('/contacts/bulk/business', { locationId: LOCATION_ID, ids: ['c1'], businessId: null })
      .reply(200, { success: true, ids: ['c1'] });

    const result = await appTester(perform, bundleWith({ contactIds: 'c1', businessId: '' }));
    expect(result).toMatchObject({ businessId: '', removedFromBusiness: true, contactIds: ['c1'] });
  });

  it('says so on the label of the business field', () => {
    const business = (bulkUpdateContactBusiness.operation.inputFields ?? []).find(
      (field) => typeof field !== 'function' && field.key === 'businessId',
    );
    expect(business).toMatchObject({
      required: false,
      label: 'Business (Empty Removes From Business)',
      helpText: expect.stringContaining('Leave empty to remove'),
    });
  });

  it('fails when HighLevel answers success: false', async () => {
    highLevel().post('/contacts/bulk/business').reply(200, { success: false, ids: [] });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactIds: ['c1'], businessId: 'b1' })),
    );
    expect(failure).toMatchObject({
      code: 'bulk_business_failed',
      message: expect.stringContaining('could not assign the contacts to business b1'),
    });
  });

  it.each([
    [{ contactIds: [] }, /^Invalid Contacts: at least one value/],
    [{ contactIds: ['x'.repeat(51)] }, /at most 50 characters/],
    [{ contactIds: ['c1/c2'] }, /"c1\/c2" is not a HighLevel contact ID/],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });
});
