// Find Contact by Name or Filter: POST /contacts/search with free text and/or filters. Exact
// full-name or email hits come first, then HighLevel's own order.
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
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
import { searchQueryOf } from '../lib/contacts/filters';
import { defineInput, fieldsOf, parseInputs } from '../lib/inputs/declare';
import { dateTimeInput, optionalTextOf, textInput, userIdInput } from '../lib/inputs/fields';
import { exactFirst } from '../lib/matching';

const inputs = [
  defineInput(
    {
      key: 'query',
      label: 'Search Text',
      type: 'string',
      required: false,
      helpText:
        'Free text HighLevel matches against name, email, phone, company and the searchable custom fields (up to 75 characters).',
    },
    (value) => searchQueryOf(value),
  ),
  textInput('firstName', 'First Name', 'Exact first name, any capitalisation.'),
  textInput('lastName', 'Last Name', 'Exact last name, any capitalisation.'),
  defineInput(
    {
      key: 'tag',
      label: 'Tag',
      type: 'string',
      required: false,
      dynamic: 'tag_choices.name.name',
      helpText: 'Only contacts that have this tag.',
    },
    optionalTextOf,
  ),
  userIdInput('assignedTo', 'Assigned User', 'Only contacts assigned to this user.'),
  dateTimeInput(
    'dateAddedFrom',
    'Added On or After',
    'Only contacts added at or after this date and time.',
    false,
  ),
  dateTimeInput(
    'dateAddedTo',
    'Added On or Before',
    'Only contacts added at or before this date and time.',
    false,
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

const responseSchema = zod.looseObject({ contacts: zod.array(contactSchema).default([]) });

export const perform = (async (z, bundle) => {
  const { query, filters, exact } = contactCriteria(parseInputs(inputs, bundle));
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
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

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
