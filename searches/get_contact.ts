// Find Contact by ID: GET /contacts/{contactId}. No such contact → no result, not an error.
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import * as zod from 'zod';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactSample, contactSchema } from '../lib/contacts/shape';
import { contactResults, contactSearchOutputFields } from '../lib/contacts/search';
import { contactIdInput } from '../lib/inputs/fields';

const inputs = [
  contactIdInput('The contact to fetch: usually a contact ID mapped from an earlier step.'),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

const responseSchema = zod.looseObject({ contact: contactSchema });

export const perform = (async (z, bundle) => {
  const { contactId } = parseInputs(inputs, bundle);
  const lookup = callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}', pathParams: { contactId } },
    responseSchema,
  ).then((found) => (found ? [found.contact] : []));
  return contactResults(z, bundle, lookup);
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'get_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Find Contact by ID',
    description: 'Finds a contact by its HighLevel ID.',
  },
  operation: {
    perform,
    inputFields,
    sample: contactSample,
    outputFields: contactSearchOutputFields,
  },
});
