// Find or Create Contact (searchOrCreates.find_contact) end to end: Zapier runs the search, and
// runs the create with the same input values only when the search finds nothing. For both builds.
import { SEED } from '../../sandbox/seedData';
import { BUILDS, uniqueEmail, useSandbox } from '../support/e2e';

const acme = SEED.locations.acme;

type Contact = { id: string; email?: string; phone?: string };

describe.each(BUILDS)('Find or Create Contact in the %s build', (build) => {
  const e2e = useSandbox({ build, rateLimit: false });
  const pairing = (e2e.app.searchOrCreates as Record<string, { search: string; create: string }>)
    .find_contact!;

  /** One Find or Create step as Zapier runs it; `created` tells which half answered. */
  const findOrCreate = async (
    input: Record<string, unknown>,
    createOnly: Record<string, unknown> = {},
  ): Promise<{ contact: Contact; created: boolean }> => {
    const found = await e2e.run<Contact[]>('searches', pairing.search, input);
    if (found.length > 0) return { contact: found[0]!, created: false };
    const contact = await e2e.run<Contact>('creates', pairing.create, {
      ...input,
      ...createOnly,
    });
    return { contact, created: true };
  };

  const find = (input: Record<string, unknown>) =>
    e2e.run<Contact[]>('searches', 'find_contact', input);

  const contactCreates = () =>
    e2e.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/contacts/');

  it('pairs Find Contact with Create Contact', () => {
    expect(pairing).toMatchObject({ search: 'find_contact', create: 'create_contact' });
  });

  it('creates the contact when none matches, and then finds the one it created', async () => {
    const input = {
      email: uniqueEmail('grace hopper'),
      phone: '(415) 555-0177',
      defaultCountry: 'US',
    };
    expect(await find(input)).toEqual([]);
    const before = e2e.sandbox.store.countContacts(acme);

    const { contact, created } = await findOrCreate(input, {
      firstName: 'Grace',
      lastName: 'Hopper',
    });

    expect(created).toBe(true);
    expect(contact).toMatchObject({ email: input.email, phone: '+14155550177' });
    expect(e2e.sandbox.store.countContacts(acme)).toBe(before + 1);
    expect(e2e.sandbox.store.contacts.get(contact.id)).toMatchObject({
      firstName: 'Grace',
      email: input.email,
      phone: '+14155550177',
    });
    // The next run of the same step finds her instead of creating her again.
    const again = await findOrCreate(input, { firstName: 'Grace', lastName: 'Hopper' });
    expect(again).toEqual({ contact: expect.objectContaining({ id: contact.id }), created: false });
    expect((await find(input)).map((found) => found.id)).toEqual([contact.id]);
    expect(e2e.sandbox.store.countContacts(acme)).toBe(before + 1);
  });

  it('finds an existing contact by email and phone without creating one', async () => {
    const before = e2e.sandbox.store.countContacts(acme);
    e2e.sandbox.resetRequestLog();

    const { contact, created } = await findOrCreate(
      { email: 'Jane.Cooper@example.com', phone: '312-555-0101', defaultCountry: 'US' },
      { firstName: 'Jane', lastName: 'Duplicate' },
    );

    expect(created).toBe(false);
    expect(contact.id).toBe(SEED.contacts.janeCooper);
    expect(contactCreates()).toEqual([]);
    expect(e2e.sandbox.store.countContacts(acme)).toBe(before);
  });
});
