// Update Note: PUT /contacts/{contactId}/notes/{id} (UpdateNoteDTO → { note }). HighLevel calls the
// note's path parameter `id`; the input is `noteId` like every other note id in the app.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevel } from '../lib/http/client';
import { contactIdField, noteIdField } from '../lib/inputs/fields';
import { noteInputFields, noteWriteBody } from '../lib/records/noteInputs';
import { noteOutput, noteOutputFields, noteResponseSchema, noteSample } from '../lib/records/notes';
import { requireId } from '../lib/http/paths';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the note belongs to.' }),
  noteIdField,
  ...noteInputFields('update'),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const noteId = requireId('noteId', bundle.inputData.noteId);
  const body = noteWriteBody('update', bundle.inputData);
  const { note } = await callHighLevel(
    z,
    {
      method: 'PUT',
      path: '/contacts/{contactId}/notes/{noteId}',
      pathParams: { contactId, noteId },
      body,
    },
    noteResponseSchema,
  );
  return noteOutput(note, contactId);
};

export default defineCreate({
  key: 'update_note' as const,
  noun: 'Note',
  display: {
    label: 'Update Note',
    description: "Updates a contact's note; only the fields you fill are changed.",
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
