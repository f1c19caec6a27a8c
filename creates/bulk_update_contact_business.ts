// Assign Contacts to Business: POST /contacts/bulk/business
// ({ locationId, ids, businessId | null } → { success, ids }). A null business removes the contacts
// from the business they belong to.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import * as zod from 'zod';
import { bulkRunId, contactIdsInput } from '../lib/contacts/bulk';
import { callHighLevel, locationIdOf } from '../lib/http/client';
import { defineInput, fieldsOf, parseInputs } from '../lib/inputs/declare';
import { businessIdField, optionalId } from '../lib/inputs/fields';

/** The spec's maxLength for each contact id of this endpoint. */
const MAX_ID_LENGTH = 50;

const inputs = [
  contactIdsInput('The contacts to assign. Choose them, or map a list of contact IDs.', {
    maxLength: MAX_ID_LENGTH,
  }),
  defineInput(
    {
      ...businessIdField(
        false,
        'The business to assign the contacts to. Leave empty to remove the contacts from the business they are in now.',
      ),
      label: 'Business (Empty Removes From Business)',
    },
    optionalId,
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

const responseSchema = zod.looseObject({
  success: zod.boolean().optional(),
  ids: zod.array(zod.string()).optional(),
});

export const perform = (async (z, bundle) => {
  const { contactIds: ids, businessId = null } = parseInputs(inputs, bundle);
  const response = await callHighLevel(
    z,
    {
      method: 'POST',
      path: '/contacts/bulk/business',
      body: { locationId: locationIdOf(bundle), ids, businessId },
    },
    responseSchema,
  );
  if (response.success === false) {
    throw new z.errors.Error(
      `HighLevel answered that it could not ${businessId ? `assign the contacts to business ${businessId}` : 'remove the contacts from their business'}, without saying why.`,
      'bulk_business_failed',
      400,
    );
  }
  return {
    id: bulkRunId(z, [ids, businessId]),
    businessId: businessId ?? '',
    removedFromBusiness: businessId === null,
    contactIds: response.ids ?? ids,
    contactCount: (response.ids ?? ids).length,
  };
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'bulk_update_contact_business' as const,
  noun: 'Business',
  display: {
    label: 'Assign Contacts to Business',
    description:
      'Assigns contacts to a business, or removes them from their business when none is chosen.',
  },
  operation: {
    perform,
    inputFields,
    sample: {
      id: '9b2e41c07d5a3f6e8c1d0a4b',
      businessId: '63b7ec34ea409a9a8bd2a4ff',
      removedFromBusiness: false,
      contactIds: ['IDqvFHGColiyK6jiatuz', 'pOC0uJ97VYOKH2m3fkMD'],
      contactCount: 2,
    },
    outputFields: [
      { key: 'id', label: 'Bulk Update ID', type: 'string' },
      { key: 'businessId', label: 'Business ID', type: 'string' },
      { key: 'removedFromBusiness', label: 'Removed From Business', type: 'boolean' },
      { key: 'contactIds', label: 'Contact IDs', type: 'string', list: true },
      { key: 'contactCount', label: 'Contacts Updated', type: 'integer' },
    ],
  },
});
