// Custom fields against the sandbox, for both builds: every writable data type goes in through
// Create Contact and comes back through Find Contact by ID under its readable key.
import { SEED } from '../../sandbox/seedData';
import { BUILDS, useSandbox } from '../support/e2e';

type Perform = (z: unknown, bundle: unknown) => Promise<unknown>;
type Field = { key: string; type?: string; list?: boolean; choices?: string[] };

const { customFields: CF } = SEED;
const input = (id: string) => `customField_${id}`;

describe.each(BUILDS)('custom fields end to end in the %s build', (build) => {
  const e2e = useSandbox({ build });
  const create = e2e.app.creates.create_contact.operation;
  const update = e2e.app.creates.update_contact.operation;
  const getContact = e2e.app.searches.get_contact.operation.perform as unknown as Perform;
  const run = <T>(perform: unknown, inputData: Record<string, unknown>, authData = e2e.authData) =>
    e2e.appTester(perform as Perform as never, { authData, inputData } as never) as Promise<T>;

  const dynamicFields = (operation: { inputFields?: unknown }, authData = e2e.authData) => {
    const dynamic = (operation.inputFields as unknown[]).find(
      (field) => typeof field === 'function',
    );
    return run<Field[]>(dynamic, {}, authData);
  };

  it('offers every writable custom field as a typed input, and leaves file uploads out', async () => {
    const fields = Object.fromEntries(
      (await dynamicFields(create)).map((field) => [field.key, field]),
    );
    // Numbers and dates reach the app as typed, so that what is not one is refused, never guessed.
    expect(fields[input(CF.visitsPerYear.id)]).toMatchObject({ type: 'string' });
    expect(fields[input(CF.outstandingBalance.id)]).toMatchObject({ type: 'string' });
    expect(fields[input(CF.lastCleaning.id)]).toMatchObject({ type: 'string' });
    expect(fields[input(CF.medicalNotes.id)]).toMatchObject({ type: 'text' });
    expect(fields[input(CF.contactPreferences.id)]).toMatchObject({
      list: true,
      choices: ['Email', 'SMS', 'Phone Call'],
    });
    expect(fields[input(CF.servicesInterested.id)]).toMatchObject({ list: true });
    expect(fields[input(CF.insuranceProvider.id)]?.choices).toContain('Cigna');
    expect(fields[input(CF.familyMembers.id)]).toMatchObject({ list: true });
    expect(fields[input(CF.insuranceCard.id)]).toBeUndefined();
  });

  it('round-trips every data type through create and get', async () => {
    const created = await run<{ id: string }>(create.perform, {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace.hopper@example.com',
      [input(CF.preferredDentist.id)]: 'Dr. Lee',
      [input(CF.medicalNotes.id)]: 'Allergic to penicillin.\nNo other conditions.',
      [input(CF.visitsPerYear.id)]: 3,
      [input(CF.outstandingBalance.id)]: '120.50',
      [input(CF.emergencyPhone.id)]: '(415) 555-0199',
      [input(CF.lastCleaning.id)]: '2026-05-04T00:00:00Z',
      [input(CF.contactPreferences.id)]: ['Email', 'SMS'],
      [input(CF.insuranceProvider.id)]: 'Cigna',
      [input(CF.servicesInterested.id)]: ['Whitening', 'Invisalign'],
      [input(CF.referralSource.id)]: 'Friend',
      [input(CF.familyMembers.id)]: ['Alan', 'Ada'],
      defaultCountry: 'US',
    });
    const [contact] = await run<Array<{ customFieldValues: Record<string, unknown> }>>(getContact, {
      contactId: created.id,
    });
    expect(contact?.customFieldValues).toEqual({
      preferred_dentist: 'Dr. Lee',
      medical_notes: 'Allergic to penicillin.\nNo other conditions.',
      visits_per_year: 3,
      outstanding_balance: 120.5,
      emergency_contact_phone: '+14155550199',
      last_cleaning_date: '2026-05-04',
      contact_preferences: ['Email', 'SMS'],
      insurance_provider: 'Cigna',
      services_interested_in: ['Whitening', 'Invisalign'],
      referral_source: 'Friend',
      family_members: ['Alan', 'Ada'],
    });

    // Update sends only what was filled: one custom field changes, the others stay.
    await run(update.perform, { contactId: created.id, [input(CF.visitsPerYear.id)]: 4 });
    const [updated] = await run<Array<{ customFieldValues: Record<string, unknown> }>>(getContact, {
      contactId: created.id,
    });
    expect(updated?.customFieldValues).toMatchObject({
      visits_per_year: 4,
      preferred_dentist: 'Dr. Lee',
      insurance_provider: 'Cigna',
    });
  });

  it('works in a sub-account without custom fields', async () => {
    const authData = e2e.connect(SEED.locations.bright);
    expect(await dynamicFields(create, authData)).toEqual([]);
    const created = await run<{ id: string; customFieldValues: object }>(
      create.perform,
      { firstName: 'Mae', email: 'mae.jemison@example.com' },
      authData,
    );
    expect(created.customFieldValues).toEqual({});
  });

  it('refuses a custom field deleted after the Zap was built, and a number that is not one, writing nothing', async () => {
    const email = 'katherine.johnson@example.com';
    const refused = (inputData: Record<string, unknown>) =>
      expect(run(create.perform, { firstName: 'Katherine', email, ...inputData })).rejects.toThrow(
        /invalid_input/,
      );
    await refused({
      [input('cfDeletedLongAgo0001')]: 'stale value',
      [input(CF.preferredDentist.id)]: 'Dr. Ortiz',
    });
    await refused({ [input(CF.visitsPerYear.id)]: 'twelve' });
    await refused({ [input(CF.insuranceProvider.id)]: 'No Such Insurer' });
    const found = await run<unknown[]>(e2e.app.searches.find_contact.operation.perform, { email });
    expect(found).toEqual([]);
  });
});
