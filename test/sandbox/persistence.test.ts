import fs from 'fs';
import os from 'os';
import path from 'path';
import { startSandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { client } from './helpers';

const acme = SEED.locations.acme;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-sandbox-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('data file', () => {
  it('keeps contacts, children, deletions and tokens across a restart', async () => {
    const dataPath = path.join(dir, 'nested', 'sandbox.json');
    const first = await startSandbox({ dataPath, rateLimit: false });
    const tokens = first.issueTokens();
    const call = client(first, tokens.access_token);
    const created = await call('POST', '/contacts/', {
      locationId: acme,
      firstName: 'Persisted',
      email: 'persist@example.com',
      tags: ['kept-tag'],
    });
    const id = created.body.contact.id as string;
    await call('POST', `/contacts/${id}/tasks`, {
      title: 'Survive restart',
      dueDate: '2030-01-01T00:00:00Z',
      completed: false,
    });
    await call('DELETE', `/contacts/${SEED.contacts.robertFox}`);
    const count = first.store.countContacts(acme);
    await first.close();
    expect(fs.existsSync(dataPath)).toBe(true);

    const second = await startSandbox({ dataPath, rateLimit: false });
    try {
      const again = client(second, tokens.access_token); // the old token still works
      const contact = await again('GET', `/contacts/${id}`);
      expect(contact.status).toBe(200);
      expect(contact.body.contact).toMatchObject({
        firstName: 'Persisted',
        tags: ['kept-tag'],
        dateAdded: created.body.contact.dateAdded,
      });
      expect((await again('GET', `/contacts/${id}/tasks`)).body.tasks[0].title).toBe(
        'Survive restart',
      );
      expect((await again('GET', `/contacts/${SEED.contacts.robertFox}`)).status).toBe(400);
      expect(second.store.countContacts(acme)).toBe(count);
      expect(second.store.deletedContacts.has(SEED.contacts.robertFox)).toBe(true);
      // The duplicate index is rebuilt from the file.
      const duplicate = await again('POST', '/contacts/', {
        locationId: acme,
        email: 'PERSIST@example.com',
      });
      expect(duplicate.body.meta.contactId).toBe(id);
    } finally {
      await second.close();
    }
  });

  it('writes shortly after each change, without waiting for close()', async () => {
    const dataPath = path.join(dir, 'sandbox.json');
    const sandbox = await startSandbox({ dataPath });
    try {
      sandbox.store.bulkCreateContacts(acme, 3, { tags: ['debounced'] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const saved = JSON.parse(fs.readFileSync(dataPath, 'utf8')) as {
        contacts: Array<{ tags: string[] }>;
      };
      expect(saved.contacts.filter((c) => c.tags.includes('debounced'))).toHaveLength(3);
    } finally {
      await sandbox.close();
    }
  });

  it('starts empty with seed: false, and seeds deterministically otherwise', async () => {
    const empty = await startSandbox({ seed: false });
    expect(empty.store.contacts.size).toBe(0);
    await empty.close();
    const a = await startSandbox();
    const b = await startSandbox();
    try {
      expect([...a.store.contacts.keys()].sort()).toEqual([...b.store.contacts.keys()].sort());
      expect(a.store.countContacts(acme)).toBe(25);
      const newest = Math.max(
        ...[...a.store.contacts.values()].map((c) => Date.parse(c.dateUpdated)),
      );
      expect(newest).toBeLessThanOrEqual(Date.now() - 3_600_000);
      for (const contact of a.store.contacts.values()) {
        expect(contact.id).toMatch(/^[A-Za-z0-9]{20}$/);
        expect(Date.parse(contact.dateUpdated)).toBeGreaterThanOrEqual(
          Date.parse(contact.dateAdded),
        );
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
