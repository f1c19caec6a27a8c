// dateUpdated moves forward on every write to a contact, whichever route makes it: the Updated
// Contact and Tag Added triggers poll by dateUpdated and would miss any write that forgot it.
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { touch } from '../../sandbox/model/contactWrites';
import { ContactRecord } from '../../sandbox/model/types';
import { Call, client, Reply } from './helpers';

const acme = SEED.locations.acme;
const { whitening, recall } = SEED.campaigns;
const { welcome } = SEED.workflows;

let sandbox: Sandbox;
let call: Call;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterAll(() => sandbox.close());

/**
 * A contact last updated an hour ago that already has something of everything (a tag, a follower,
 * two campaigns, a workflow), so every write below changes something real.
 */
const preparedContact = (): ContactRecord => {
  const [contact] = sandbox.store.bulkCreateContacts(acme, 1, {
    at: new Date(Date.now() - 3_600_000),
    tags: ['existing'],
  });
  contact!.followers = [SEED.users.dana];
  contact!.campaignIds = [whitening, recall];
  contact!.workflowIds = [welcome];
  return contact!;
};

type Write = (contact: ContactRecord) => Promise<Reply>;

const contactWrites: Array<[string, Write]> = [
  ['PUT /contacts/{id}', (c) => call('PUT', `/contacts/${c.id}`, { city: 'Evanston' })],
  [
    'POST /contacts/upsert (matching an existing contact)',
    (c) => call('POST', '/contacts/upsert', { locationId: acme, email: c.email, city: 'Evanston' }),
  ],
  ['POST /contacts/{id}/tags', (c) => call('POST', `/contacts/${c.id}/tags`, { tags: ['new'] })],
  [
    'DELETE /contacts/{id}/tags',
    (c) => call('DELETE', `/contacts/${c.id}/tags`, { tags: ['existing'] }),
  ],
  [
    'POST /contacts/bulk/tags/update/add',
    (c) =>
      call('POST', '/contacts/bulk/tags/update/add', {
        locationId: acme,
        contacts: [c.id],
        tags: ['new'],
      }),
  ],
  [
    'POST /contacts/bulk/tags/update/remove',
    (c) =>
      call('POST', '/contacts/bulk/tags/update/remove', {
        locationId: acme,
        contacts: [c.id],
        tags: ['existing'],
      }),
  ],
  [
    'POST /contacts/{id}/followers',
    (c) => call('POST', `/contacts/${c.id}/followers`, { followers: [SEED.users.priya] }),
  ],
  [
    'DELETE /contacts/{id}/followers',
    (c) => call('DELETE', `/contacts/${c.id}/followers`, { followers: [SEED.users.dana] }),
  ],
  [
    'POST /contacts/{id}/campaigns/{campaignId}',
    (c) => {
      c.campaignIds = [];
      return call('POST', `/contacts/${c.id}/campaigns/${whitening}`, {});
    },
  ],
  [
    'DELETE /contacts/{id}/campaigns/{campaignId}',
    (c) => call('DELETE', `/contacts/${c.id}/campaigns/${whitening}`),
  ],
  [
    'DELETE /contacts/{id}/campaigns/removeAll',
    (c) => call('DELETE', `/contacts/${c.id}/campaigns/removeAll`),
  ],
  [
    'POST /contacts/{id}/workflow/{workflowId}',
    (c) => {
      c.workflowIds = [];
      return call('POST', `/contacts/${c.id}/workflow/${welcome}`, {});
    },
  ],
  [
    'DELETE /contacts/{id}/workflow/{workflowId}',
    (c) => call('DELETE', `/contacts/${c.id}/workflow/${welcome}`, {}),
  ],
  [
    'POST /contacts/bulk/business',
    (c) =>
      call('POST', '/contacts/bulk/business', {
        locationId: acme,
        ids: [c.id],
        businessId: SEED.businesses.harbor,
      }),
  ],
];

describe('every write to a contact moves its dateUpdated forward', () => {
  it.each(contactWrites)('%s', async (_route, write) => {
    const contact = preparedContact();
    const before = Date.parse(contact.dateUpdated);

    const reply = await write(contact);

    expect(reply.status).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(300);
    expect(Date.parse(contact.dateUpdated)).toBeGreaterThan(before);
    // What the API reports is what the store holds, so a dateUpdated poll sees the write too.
    const read = await call('GET', `/contacts/${contact.id}`);
    expect(read.body.contact.dateUpdated).toBe(contact.dateUpdated);
  });

  it('moves it even for two writes within the same millisecond', () => {
    const contact = preparedContact();
    touch(sandbox.store, contact);
    const first = contact.dateUpdated;
    touch(sandbox.store, contact);
    expect(Date.parse(contact.dateUpdated)).toBeGreaterThan(Date.parse(first));
  });
});

describe('writes to a contact’s tasks and notes', () => {
  // A decision, not a HighLevel fact (sandbox/routes/tasks.ts says why): they leave it alone.
  it('do not move the contact’s dateUpdated', async () => {
    const contact = preparedContact();
    const before = contact.dateUpdated;
    const task = await call('POST', `/contacts/${contact.id}/tasks`, {
      title: 'Call back',
      dueDate: '2030-01-01T10:00:00Z',
      completed: false,
    });
    await call('PUT', `/contacts/${contact.id}/tasks/${task.body.task.id}/completed`, {
      completed: true,
    });
    const note = await call('POST', `/contacts/${contact.id}/notes`, { body: 'Called back' });
    await call('DELETE', `/contacts/${contact.id}/notes/${note.body.note.id}`);
    expect(contact.dateUpdated).toBe(before);
  });
});
