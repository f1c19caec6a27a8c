// Tags, bulk tags, followers, campaigns, workflows, business, tasks, notes, appointments.
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';

const acme = SEED.locations.acme;
const jane = SEED.contacts.janeCooper;

let sandbox: Sandbox;
let call: Call;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterAll(() => sandbox.close());

const fresh = (tags: string[] = []) =>
  sandbox.store.bulkCreateContacts(acme, 1, { at: new Date(Date.now() - 3_600_000), tags })[0]!;

describe('tags', () => {
  it('adds (201) and removes (DELETE with a JSON body) tags, bumping dateUpdated', async () => {
    const contact = fresh(['existing']);
    const before = contact.dateUpdated;
    const added = await call('POST', `/contacts/${contact.id}/tags`, {
      tags: ['Follow Up', 'existing'],
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ tags: ['existing', 'follow up'] });
    expect(Date.parse(contact.dateUpdated)).toBeGreaterThan(Date.parse(before));
    expect(sandbox.store.tagsOf(acme).map((t) => t.name)).toContain('follow up');
    const removed = await call('DELETE', `/contacts/${contact.id}/tags`, { tags: ['existing'] });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ tags: ['follow up'] });
  });

  it('bulk-updates tags with per-contact results and an errorCount', async () => {
    const a = fresh(['keep']);
    const b = fresh();
    const deleted = fresh();
    await call('DELETE', `/contacts/${deleted.id}`);
    const reply = await call('POST', '/contacts/bulk/tags/update/add', {
      locationId: acme,
      contacts: [
        a.id,
        b.id,
        deleted.id,
        SEED.contacts.brightContact,
        'not-an-id',
        'ZZZZZZZZZZZZZZZZZZZZ',
      ],
      tags: ['bulk-added'],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.succeded).toBe(true);
    expect(reply.body.errorCount).toBe(4);
    expect(reply.body.responses[0]).toEqual({
      contactId: a.id,
      message: 'Tags updated',
      type: 'success',
      oldTags: ['keep'],
      tagsAdded: ['bulk-added'],
    });
    expect(reply.body.responses.slice(2).map((r: { message: string }) => r.message)).toEqual([
      'contact is deleted',
      'contact does not belong to location',
      'contact id is not a valid firebase id',
      'contact not found',
    ]);
    const removeAll = await call('POST', '/contacts/bulk/tags/update/remove', {
      locationId: acme,
      contacts: [a.id],
      tags: [],
      removeAllTags: true,
    });
    expect(removeAll.body.responses[0].tagsRemoved).toEqual(['keep', 'bulk-added']);
    expect(a.tags).toEqual([]);
    const badType = await call('POST', '/contacts/bulk/tags/update/toggle', {
      locationId: acme,
      contacts: [a.id],
      tags: ['x'],
    });
    expect(badType.status).toBe(422);
  });
  it('bulk-removes the named tags only, reporting what each contact lost', async () => {
    const a = fresh(['keep', 'drop-me', 'also-drop']);
    const b = fresh(['drop-me']);
    const reply = await call('POST', '/contacts/bulk/tags/update/remove', {
      locationId: acme,
      contacts: [a.id, b.id],
      tags: ['Drop-Me', 'also-drop', 'never-had'],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      succeded: true,
      errorCount: 0,
      responses: [
        {
          contactId: a.id,
          message: 'Tags updated',
          type: 'success',
          oldTags: ['keep', 'drop-me', 'also-drop'],
          tagsRemoved: ['drop-me', 'also-drop'],
        },
        {
          contactId: b.id,
          message: 'Tags updated',
          type: 'success',
          oldTags: ['drop-me'],
          tagsRemoved: ['drop-me'],
        },
      ],
    });
    expect(a.tags).toEqual(['keep']);
    expect(b.tags).toEqual([]);
  });
});

describe('followers, campaigns, workflows, business', () => {
  it('adds and removes followers', async () => {
    const contact = fresh();
    const added = await call('POST', `/contacts/${contact.id}/followers`, {
      followers: [SEED.users.dana, SEED.users.priya],
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      followers: [SEED.users.dana, SEED.users.priya],
      followersAdded: [SEED.users.dana, SEED.users.priya],
    });
    const again = await call('POST', `/contacts/${contact.id}/followers`, {
      followers: [SEED.users.dana],
    });
    expect(again.body.followersAdded).toEqual([]);
    const removed = await call('DELETE', `/contacts/${contact.id}/followers`, {
      followers: [SEED.users.dana],
    });
    expect(removed.body).toEqual({
      followers: [SEED.users.priya],
      followersRemoved: [SEED.users.dana],
    });
  });

  it('adds to and removes from campaigns and workflows', async () => {
    const contact = fresh();
    const add = await call(
      'POST',
      `/contacts/${contact.id}/campaigns/${SEED.campaigns.whitening}`,
      {},
    );
    expect(add.status).toBe(201);
    expect(add.body).toEqual({ succeded: true });
    expect(contact.campaignIds).toEqual([SEED.campaigns.whitening]);
    expect((await call('DELETE', `/contacts/${contact.id}/campaigns/removeAll`)).body).toEqual({
      succeded: true,
    });
    expect(contact.campaignIds).toEqual([]);
    const wf = await call('POST', `/contacts/${contact.id}/workflow/${SEED.workflows.welcome}`, {
      eventStartTime: '2030-06-23T03:30:00+01:00',
    });
    expect(wf.status).toBe(200);
    expect(contact.workflowIds).toEqual([SEED.workflows.welcome]);
    await call('DELETE', `/contacts/${contact.id}/workflow/${SEED.workflows.welcome}`, {});
    expect(contact.workflowIds).toEqual([]);
  });

  it('removes a contact from one campaign and leaves it in the others', async () => {
    const contact = fresh();
    const { whitening, recall } = SEED.campaigns;
    for (const campaign of [whitening, recall]) {
      expect((await call('POST', `/contacts/${contact.id}/campaigns/${campaign}`, {})).status).toBe(
        201,
      );
    }
    expect(contact.campaignIds).toEqual([whitening, recall]);
    const removed = await call('DELETE', `/contacts/${contact.id}/campaigns/${whitening}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ succeded: true });
    expect(contact.campaignIds).toEqual([recall]);
  });

  it('assigns and clears a business in bulk', async () => {
    const a = fresh();
    const b = fresh();
    const set = await call('POST', '/contacts/bulk/business', {
      locationId: acme,
      ids: [a.id, b.id],
      businessId: SEED.businesses.harbor,
    });
    expect(set.body).toEqual({ success: true, ids: [a.id, b.id] });
    expect(a.businessId).toBe(SEED.businesses.harbor);
    await call('POST', '/contacts/bulk/business', {
      locationId: acme,
      ids: [a.id],
      businessId: null,
    });
    expect(a.businessId).toBeNull();
    expect(b.businessId).toBe(SEED.businesses.harbor);
  });
});

describe('tasks, notes and appointments', () => {
  it('serves the seeded tasks, notes and events of Jane Cooper', async () => {
    const tasks = await call('GET', `/contacts/${jane}/tasks`);
    expect(tasks.body.tasks).toHaveLength(2);
    expect(tasks.body.tasks.some((t: { completed: boolean }) => t.completed)).toBe(true);
    const notes = await call('GET', `/contacts/${jane}/notes`);
    expect(notes.body.notes).toHaveLength(2);
    expect(Date.parse(notes.body.notes[0].dateAdded)).toBeGreaterThan(
      Date.parse(notes.body.notes[1].dateAdded),
    );
    const events = await call('GET', `/contacts/${jane}/appointments`);
    expect(events.body.events).toHaveLength(2);
    expect(events.body.events[0]).toMatchObject({ contactId: jane, locationId: acme });
  });

  it('runs the task lifecycle', async () => {
    const contact = fresh();
    const missing = await call('POST', `/contacts/${contact.id}/tasks`, { title: 'No due date' });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual([
      'dueDate should not be empty',
      'completed should not be empty',
    ]);
    const created = await call('POST', `/contacts/${contact.id}/tasks`, {
      title: 'Call back',
      dueDate: '2030-01-01T10:00:00Z',
      completed: false,
      assignedTo: SEED.users.marcus,
    });
    expect(created.status).toBe(201);
    const id = created.body.task.id;
    expect(created.body.task).toEqual({
      id,
      title: 'Call back',
      body: null,
      assignedTo: SEED.users.marcus,
      dueDate: '2030-01-01T10:00:00Z',
      completed: false,
      contactId: contact.id,
    });
    const updated = await call('PUT', `/contacts/${contact.id}/tasks/${id}`, {
      body: 'Ask about X-rays',
    });
    expect(updated.body.task.body).toBe('Ask about X-rays');
    const completed = await call('PUT', `/contacts/${contact.id}/tasks/${id}/completed`, {
      completed: true,
    });
    expect(completed.body.task.completed).toBe(true);
    expect((await call('GET', `/contacts/${contact.id}/tasks/${id}`)).body.task.completed).toBe(
      true,
    );
    expect((await call('DELETE', `/contacts/${contact.id}/tasks/${id}`)).body).toEqual({
      succeded: true,
    });
    expect((await call('GET', `/contacts/${contact.id}/tasks`)).body.tasks).toEqual([]);
    // A task is only reachable through its own contact.
    const seededTask = sandbox.store.tasksByContact.of(jane)[0]!;
    expect((await call('GET', `/contacts/${contact.id}/tasks/${seededTask}`)).status).toBe(404);
  });

  it('runs the note lifecycle', async () => {
    const contact = fresh();
    const created = await call('POST', `/contacts/${contact.id}/notes`, {
      body: 'First visit went well',
      userId: SEED.users.dana,
    });
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({
      body: 'First visit went well',
      userId: SEED.users.dana,
      contactId: contact.id,
    });
    expect(Date.parse(created.body.note.dateAdded)).not.toBeNaN();
    const id = created.body.note.id;
    const updated = await call('PUT', `/contacts/${contact.id}/notes/${id}`, {
      body: 'Edited',
      pinned: true,
    });
    expect(updated.body.note).toMatchObject({ body: 'Edited', pinned: true });
    expect((await call('DELETE', `/contacts/${contact.id}/notes/${id}`)).body).toEqual({
      succeded: true,
    });
    expect((await call('GET', `/contacts/${contact.id}/notes/${id}`)).status).toBe(404);
  });
});

describe('lookups', () => {
  it('serves location, tags, custom fields, users, campaigns, workflows and businesses', async () => {
    const location = (await call('GET', `/locations/${acme}`)).body.location;
    expect(location).toMatchObject({
      id: acme,
      name: 'Acme Dental',
      companyId: SEED.companyId,
      timezone: 'America/Chicago',
      settings: { allowDuplicateContact: false },
    });
    const fields = (await call('GET', `/locations/${acme}/customFields?model=contact`)).body
      .customFields;
    expect(fields).toHaveLength(12);
    expect(
      fields.find((f: { id: string }) => f.id === SEED.customFields.insuranceProvider.id),
    ).toMatchObject({
      dataType: 'SINGLE_OPTIONS',
      fieldKey: 'contact.insurance_provider',
      picklistOptions: ['Delta Dental', 'Cigna', 'Aetna', 'MetLife', 'None'],
    });
    const users = (
      await call('GET', `/users/search?companyId=${SEED.companyId}&locationId=${acme}`)
    ).body;
    expect(users.count).toBe(3);
    expect(
      (
        await call(
          'GET',
          `/users/search?companyId=${SEED.companyId}&locationId=${acme}&query=priya`,
        )
      ).body.users[0].id,
    ).toBe(SEED.users.priya);
    expect((await call('GET', `/users/search?companyId=someoneElse`)).status).toBe(403);
    expect(
      (await call('GET', `/campaigns/?locationId=${acme}`)).body.campaigns.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([SEED.campaigns.whitening, SEED.campaigns.recall]);
    expect((await call('GET', `/workflows/?locationId=${acme}`)).body.workflows).toHaveLength(2);
    expect(
      (await call('GET', `/businesses/?locationId=${acme}&limit=1&skip=1`)).body.businesses[0].id,
    ).toBe(SEED.businesses.harbor);
  });
});
