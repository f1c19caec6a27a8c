// Find Note by ID: GET /contacts/{contactId}/notes/{id}. No such note → no result, not an error.
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactIdInput, noteIdInput } from '../lib/inputs/fields';
import { noteOutput, noteOutputFields, noteResponseSchema, noteSample } from '../lib/records/notes';

const inputs = [contactIdInput('The contact the note belongs to.'), noteIdInput()] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId, noteId } = parseInputs(inputs, bundle);
  const found = await callHighLevelOrNull(
    z,
    // HighLevel names this path parameter `id`; the input is noteId like everywhere else.
    { path: '/contacts/{contactId}/notes/{noteId}', pathParams: { contactId, noteId } },
    noteResponseSchema,
  );
  return found ? [noteOutput(found.note, contactId)] : [];
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'get_note' as const,
  noun: 'Note',
  display: {
    label: 'Find Note by ID',
    description: "Finds one of a contact's notes by its HighLevel ID.",
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
