import fs from 'fs';
import os from 'os';
import path from 'path';
import { findOperation, listOperations, validateRequest } from '../../sandbox/spec';
import { findProjectRoot } from '../../sandbox/spec/load';
import { SEED } from '../../sandbox/seedData';

const headers = { Version: '2021-07-28' };
const acme = SEED.locations.acme;

describe('findOperation', () => {
  it('prefers literal segments over placeholders', () => {
    expect(findOperation('POST', '/contacts/search')?.operationId).toBe('search-contacts-advanced');
    expect(findOperation('GET', '/contacts/search/duplicate')?.operationId).toBe(
      'get-duplicate-contact',
    );
    expect(findOperation('POST', '/contacts/upsert')?.operationId).toBe('upsert-contact');
    expect(findOperation('DELETE', '/contacts/abc/campaigns/removeAll')?.operationId).toBe(
      'remove-contact-from-every-campaign',
    );
    expect(findOperation('DELETE', '/contacts/abc/campaigns/cmp1')?.operationId).toBe(
      'remove-contact-from-campaign',
    );
  });

  it('extracts path parameters and ignores a trailing slash', () => {
    const op = findOperation('GET', '/contacts/abc/notes/n1');
    expect(op?.operationId).toBe('get-note');
    expect(op?.params).toEqual({ contactId: 'abc', id: 'n1' });
    expect(findOperation('GET', '/contacts')?.operationId).toBe('get-contacts');
    expect(findOperation('PATCH', '/contacts/abc')).toBeUndefined();
  });

  it('knows all 32 contacts operations', () => {
    expect(listOperations().filter((op) => op.app === 'contacts')).toHaveLength(32);
  });
});

describe('validateRequest', () => {
  const validCreate = {
    locationId: acme,
    firstName: 'Rosan',
    lastName: 'Deo',
    email: 'rosan@deos.com',
    phone: '+1 888-888-8888',
    dateOfBirth: '1990-09-25',
    tags: ['vip'],
    customFields: [
      { id: SEED.customFields.visitsPerYear.id, field_value: 3 },
      { key: 'preferred_dentist', fieldValue: 'Dr. Alvarez' },
    ],
    dndSettings: { SMS: { status: 'active' } },
  };

  it('accepts a correct create-contact body', () => {
    const check = validateRequest({
      method: 'POST',
      path: '/contacts/',
      headers,
      body: validCreate,
    });
    expect(check).toMatchObject({ ok: true, operation: { operationId: 'create-contact' } });
  });

  it('rejects an unknown property with a HighLevel-style 422 message', () => {
    const check = validateRequest({
      method: 'POST',
      path: '/contacts/',
      headers,
      body: { ...validCreate, additionalEmails: ['x@y.z'] },
    });
    expect(check).toEqual(
      expect.objectContaining({
        ok: false,
        status: 422,
        errors: ['property additionalEmails should not exist'],
      }),
    );
  });

  it('words type, required, enum and nested errors like class-validator', () => {
    const check = validateRequest({
      method: 'POST',
      path: '/contacts/c1/tasks',
      headers,
      body: { title: 5, dueDate: '2030-01-01T00:00:00Z' },
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual(
      expect.arrayContaining(['title must be a string', 'completed should not be empty']),
    );
    const dnd = validateRequest({
      method: 'PUT',
      path: '/contacts/c1',
      headers,
      body: {
        dndSettings: { Call: { status: 'sometimes' } },
        companyName: 'Not in UpdateContactDto',
      },
    });
    expect(dnd.ok ? [] : dnd.errors).toEqual(
      expect.arrayContaining([
        'dndSettings.Call.status must be one of the following values: active, inactive, permanent',
        'property companyName should not exist',
      ]),
    );
  });

  it('requires the Version header with the only allowed value (400)', () => {
    expect(validateRequest({ method: 'GET', path: '/contacts/c1' })).toMatchObject({
      ok: false,
      status: 400,
      errors: ['Version header was not found'],
    });
    const wrong = validateRequest({
      method: 'GET',
      path: '/contacts/c1',
      headers: { version: '2023-02-21' },
    });
    expect(wrong).toMatchObject({ ok: false, status: 400 });
  });

  it('checks required and unknown query parameters, coercing numbers', () => {
    const missing = validateRequest({
      method: 'GET',
      path: '/contacts/',
      headers,
      query: { limit: '20' },
    });
    expect(missing).toMatchObject({
      ok: false,
      status: 422,
      errors: ['locationId should not be empty'],
    });
    const unknown = validateRequest({
      method: 'GET',
      path: '/contacts/search/duplicate',
      headers,
      query: { locationId: acme, phone: '+1' },
    });
    expect(unknown).toMatchObject({ ok: false, errors: ['property phone should not exist'] });
    const fine = validateRequest({
      method: 'GET',
      path: '/contacts/',
      headers,
      query: { locationId: acme, limit: '20' },
    });
    expect(fine.ok).toBe(true);
  });

  it('uses the hand-written search body (the spec leaves it empty)', () => {
    const ok = validateRequest({
      method: 'POST',
      path: '/contacts/search',
      headers,
      body: {
        locationId: acme,
        pageLimit: 500,
        searchAfter: [1700000000000, 'abc'],
        sort: [{ field: 'dateUpdated', direction: 'desc' }],
        filters: [{ group: 'OR', filters: [{ field: 'tags', operator: 'eq', value: 'vip' }] }],
      },
    });
    expect(ok.ok).toBe(true);
    const bad = validateRequest({
      method: 'POST',
      path: '/contacts/search',
      headers,
      body: { pageLimit: 501, query: 'x'.repeat(76), sort: [{ field: 'phone', direction: 'asc' }] },
    });
    expect(bad.ok ? [] : bad.errors).toEqual(
      expect.arrayContaining([
        'locationId should not be empty',
        'pageLimit must not be greater than 500',
        'query must be shorter than or equal to 75 characters',
      ]),
    );
  });

  it('restricts the bulk tags {type} path parameter to add or remove', () => {
    const body = { locationId: acme, contacts: ['a'], tags: ['b'] };
    expect(
      validateRequest({ method: 'POST', path: '/contacts/bulk/tags/update/add', headers, body }).ok,
    ).toBe(true);
    expect(
      validateRequest({
        method: 'POST',
        path: '/contacts/bulk/tags/update/replace',
        headers,
        body,
      }),
    ).toMatchObject({
      ok: false,
      errors: ['type must be one of the following values: add, remove'],
    });
  });

  it('answers 404 for routes the spec does not have', () => {
    expect(
      validateRequest({ method: 'GET', path: '/opportunities/search', headers }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('compiles a validator for every vendored operation', () => {
    for (const op of listOperations()) {
      const path = op.path.replace(/\{[^}]+\}/g, 'x1');
      expect(() => validateRequest({ method: op.method, path, headers, body: {} })).not.toThrow();
    }
  });
});

describe('findProjectRoot', () => {
  it('skips a directory whose package.json has no vendored specs (a compiled dist/)', () => {
    const root = findProjectRoot();
    expect(fs.existsSync(path.join(root, 'vendor', 'ghl-openapi', 'apps', 'contacts.json'))).toBe(
      true,
    );
    // Inside the git-ignored .sandbox-data folder, so a concurrent `git status` never sees it.
    fs.mkdirSync(path.join(root, '.sandbox-data'), { recursive: true });
    const fakeDist = fs.mkdtempSync(path.join(root, '.sandbox-data', 'dist-'));
    try {
      fs.writeFileSync(path.join(fakeDist, 'package.json'), '{}');
      fs.mkdirSync(path.join(fakeDist, 'sandbox', 'spec'), { recursive: true });
      expect(findProjectRoot(path.join(fakeDist, 'sandbox', 'spec'))).toBe(root);
      expect(() => findProjectRoot(os.tmpdir())).toThrow(/vendor\/ghl-openapi/);
    } finally {
      fs.rmSync(fakeDist, { recursive: true, force: true });
    }
  });
});
