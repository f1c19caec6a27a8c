// Add or Remove Tags in Bulk: POST /contacts/bulk/tags/update/{add|remove}
// ({ contacts, tags, locationId, removeAllTags? } → 201 { succeded, errorCount, responses }).
// HighLevel applies what it can and reports per contact; any contact that failed fails the step.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import * as zod from 'zod';
import { bulkRunId, contactIdsInput } from '../lib/contacts/bulk';
import { callHighLevel, locationIdOf } from '../lib/http/client';
import { invalidInput } from '../lib/http/errors';
import { readable, shown } from '../lib/http/readable';
import { defineInput, fieldsOf, parseInputs, type InputSource } from '../lib/inputs/declare';
import { optionalTagsInput, yesNoInput } from '../lib/inputs/fields';

/** HighLevel's limit on contacts per bulk tag request. */
const MAX_CONTACTS = 500;
const ACTIONS = ['add', 'remove'] as const;

const inputs = [
  defineInput(
    {
      key: 'action',
      label: 'Add or Remove',
      type: 'string',
      required: true,
      choices: [
        { value: 'add', label: 'Add Tags', sample: 'add' },
        { value: 'remove', label: 'Remove Tags', sample: 'remove' },
      ],
      helpText: 'Whether the tags below are added to, or removed from, every contact.',
    },
    (value, field) => {
      const action = String(value ?? '')
        .trim()
        .toLowerCase();
      if (!(ACTIONS as readonly string[]).includes(action)) {
        throw invalidInput(field.label, `"${String(value ?? '')}" is not add or remove.`);
      }
      return action as (typeof ACTIONS)[number];
    },
  ),
  contactIdsInput(
    `The contacts to change: up to ${MAX_CONTACTS} per step. Choose them, or map a list of contact IDs from an earlier step.`,
    { max: MAX_CONTACTS },
  ),
  optionalTagsInput('Tags to add or remove. May be empty only when Remove All Tags is Yes.'),
  yesNoInput(
    'removeAllTags',
    'Remove All Tags',
    'Only with Remove Tags: Yes takes every tag off the contacts, whatever Tags says.',
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

const resultSchema = zod.union([
  zod.string().transform((message) => ({ message, contactId: '', type: '' })),
  zod.looseObject({
    contactId: zod.string().default(''),
    message: zod.string().default(''),
    type: zod.string().default(''),
  }),
]);

const responseSchema = zod.looseObject({
  succeded: zod.boolean().optional(),
  errorCount: zod.number().default(0),
  responses: zod.array(resultSchema).default([]),
});

const checkedInput = (bundle: InputSource) => {
  const { action, contactIds: contacts, tags, removeAllTags } = parseInputs(inputs, bundle);
  if (removeAllTags && action !== 'remove') {
    throw invalidInput('Remove All Tags', 'it can only be used with Remove Tags, not Add Tags.');
  }
  if (!tags && !removeAllTags) {
    throw invalidInput('Tags', `at least one tag is required to ${action}.`);
  }
  return { action, contacts, tags: tags ?? [], removeAllTags };
};

type Result = { contactId: string; status: string; message: string };

const failureMessage = (action: string, failed: Result[], errorCount: number, total: number) => {
  if (errorCount === 0) {
    // succeded: false with no failed contact: HighLevel does not say which contacts, if any, changed.
    return (
      `HighLevel answered that it could not ${action} the tags, without naming a contact that failed, ` +
      `so it is unknown which of the ${total} contacts changed. Check them in HighLevel, then retry the step.`
    );
  }
  const listed = failed
    .slice(0, 10)
    // HighLevel's answer may carry anything (an id as long as a mapped field, a message quoting
    // it): each is cut to a readable length, as every echoed value in the app is.
    .map(
      ({ contactId, message }) =>
        `${contactId ? shown(contactId) : 'unknown contact'} (${message ? readable(message) : 'no reason given'})`,
    )
    .join('; ');
  const more = failed.length > 10 ? `; and ${failed.length - 10} more` : '';
  return (
    `HighLevel could not ${action} the tags for ${errorCount} of ${total} contacts ` +
    `(${total - errorCount} succeeded)${listed ? `: ${listed}${more}.` : '.'}`
  );
};

export const perform = (async (z, bundle) => {
  const { action, contacts, tags, removeAllTags } = checkedInput(bundle);
  const response = await callHighLevel(
    z,
    {
      method: 'POST',
      path: '/contacts/bulk/tags/update/{type}',
      pathParams: { type: action },
      body: {
        contacts,
        tags,
        locationId: locationIdOf(bundle),
        ...(removeAllTags !== undefined ? { removeAllTags } : {}),
      },
    },
    responseSchema,
  );
  const results: Result[] = response.responses.map(({ contactId, type, message }) => ({
    contactId,
    status: type,
    message,
  }));
  const failed = results.filter((result) => result.status === 'error');
  const errorCount = Math.max(response.errorCount, failed.length);
  if (errorCount > 0 || response.succeded === false) {
    throw new z.errors.Error(
      failureMessage(action, failed, errorCount, contacts.length),
      'bulk_tags_failed',
      400,
    );
  }
  return {
    id: bulkRunId(z, [action, contacts, tags, removeAllTags ?? false]),
    action,
    contactIds: contacts,
    tags,
    removeAllTags: removeAllTags ?? false,
    contactCount: contacts.length,
    successCount: contacts.length,
    errorCount: 0,
    results,
  };
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'bulk_update_contact_tags' as const,
  noun: 'Tag',
  display: {
    label: 'Add or Remove Tags in Bulk',
    description: `Adds tags to, or removes tags from, up to ${MAX_CONTACTS} contacts in one request.`,
  },
  operation: {
    perform,
    inputFields,
    sample: {
      id: '3f1c9a0d5be2e6f4a7c81b2d',
      action: 'add',
      contactIds: ['qFSqySFkVvNzOSqgGqFi', '3ualbhnV7j3n3a9r2moD'],
      tags: ['tag-1', 'tag-2'],
      removeAllTags: false,
      contactCount: 2,
      successCount: 2,
      errorCount: 0,
      results: [
        { contactId: 'qFSqySFkVvNzOSqgGqFi', status: 'success', message: 'Tags updated' },
        { contactId: '3ualbhnV7j3n3a9r2moD', status: 'success', message: 'Tags updated' },
      ],
    },
    outputFields: [
      { key: 'id', label: 'Bulk Update ID', type: 'string' },
      { key: 'action', label: 'Add or Remove', type: 'string' },
      { key: 'contactIds', label: 'Contact IDs', type: 'string', list: true },
      { key: 'tags', label: 'Tags', type: 'string', list: true },
      { key: 'removeAllTags', label: 'Removed All Tags', type: 'boolean' },
      { key: 'contactCount', label: 'Contacts in Request', type: 'integer' },
      { key: 'successCount', label: 'Contacts Updated', type: 'integer' },
      { key: 'errorCount', label: 'Contacts Failed', type: 'integer' },
      { key: 'results[]contactId', label: 'Result Contact ID', type: 'string' },
      { key: 'results[]status', label: 'Result Status', type: 'string' },
      { key: 'results[]message', label: 'Result Message', type: 'string' },
    ],
  },
});
