// Find Note by ID: GET /contacts/{contactId}/notes/{id}. No such note → no result, not an error.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactIdField, noteIdField } from '../lib/inputs/fields';
import { noteOutput, noteOutputFields, noteResponseSchema, noteSample } from '../lib/records/notes';
import { requireId } from '../lib/http/paths';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the note belongs to.' }),
  noteIdField,
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const noteId = requireId('noteId', bundle.inputData.noteId);
  const found = await callHighLevelOrNull(
    z,
    // HighLevel names this path parameter `id`; the input is noteId like everywhere else.
    { path: '/contacts/{contactId}/notes/{noteId}', pathParams: { contactId, noteId } },
    noteResponseSchema,
  );
  return found ? [noteOutput(found.note, contactId)] : [];
};

export default defineSearch({
  key: 'get_note' as const,
  noun: 'Note',
  display: {
    label: 'Find Note by ID',
    description: "Finds one of a contact's notes by its HighLevel ID.",
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
