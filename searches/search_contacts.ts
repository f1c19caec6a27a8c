// Find Contact by Name or Filter: POST /contacts/search with free text and/or filters. Exact
// full-name or email hits come first, then HighLevel's own order.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevelOrNull, locationIdOf } from '../lib/http/client';
import { contactSample, contactSchema } from '../lib/contacts/shape';
import {
  contactCriteria,
  contactResults,
  contactSearchOutputFields,
  isExactContact,
  SEARCH_PAGE_LIMIT,
} from '../lib/contacts/search';
import { userIdField } from '../lib/inputs/fields';
import { exactFirst } from '../lib/matching';

const inputFields = defineInputFields([
  {
    key: 'query',
    label: 'Search Text',
    type: 'string',
    required: false,
    helpText:
      'Free text HighLevel matches against name, email, phone, company and the searchable custom fields (up to 75 characters).',
  },
  {
    key: 'firstName',
    label: 'First Name',
    type: 'string',
    required: false,
    helpText: 'Exact first name, any capitalisation.',
  },
  {
    key: 'lastName',
    label: 'Last Name',
    type: 'string',
    required: false,
    helpText: 'Exact last name, any capitalisation.',
  },
  {
    key: 'tag',
    label: 'Tag',
    type: 'string',
    required: false,
    dynamic: 'tag_choices.name.name',
    helpText: 'Only contacts that have this tag.',
  },
  userIdField('assignedTo', 'Assigned User', 'Only contacts assigned to this user.'),
  {
    key: 'dateAddedFrom',
    label: 'Added On or After',
    type: 'datetime',
    required: false,
    helpText: 'Only contacts added at or after this date and time.',
  },
  {
    key: 'dateAddedTo',
    label: 'Added On or Before',
    type: 'datetime',
    required: false,
    helpText: 'Only contacts added at or before this date and time.',
  },
]);

const responseSchema = zod.looseObject({ contacts: zod.array(contactSchema).default([]) });

export const perform = async (z: ZObject, bundle: Bundle) => {
  const { query, filters, exact } = contactCriteria(bundle.inputData);
  const search = callHighLevelOrNull(
    z,
    {
      method: 'POST',
      path: '/contacts/search',
      body: {
        locationId: locationIdOf(bundle),
        pageLimit: SEARCH_PAGE_LIMIT,
        ...(query ? { query } : {}),
        ...(filters.length > 0 ? { filters } : {}),
      },
    },
    responseSchema,
  ).then((found) => found?.contacts ?? []);
  return exactFirst(await contactResults(z, bundle, search), isExactContact(exact));
};

export default defineSearch({
  key: 'search_contacts' as const,
  noun: 'Contact',
  display: {
    label: 'Find Contact by Name or Filter',
    description: 'Finds contacts by name, free text, tag, assigned user or date added.',
  },
  operation: {
    perform,
    inputFields,
    sample: contactSample,
    outputFields: contactSearchOutputFields,
  },
});
