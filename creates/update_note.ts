// Update Note: PUT /contacts/{contactId}/notes/{id} (UpdateNoteDTO → { note }). HighLevel calls the
// note's path parameter `id`; the input is `noteId` like every other note id in the app.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevel } from '../lib/http/client';
import { contactIdInput, noteIdInput } from '../lib/inputs/fields';
import { noteInputs, noteWriteBody } from '../lib/records/noteInputs';
import { noteOutput, noteOutputFields, noteResponseSchema, noteSample } from '../lib/records/notes';

const ids = [contactIdInput('The contact the note belongs to.'), noteIdInput()] as const;
const inputFields = defineInputFields([...fieldsOf(ids), ...fieldsOf(noteInputs('update'))]);

export const perform = (async (z, bundle) => {
  const { contactId, noteId } = parseInputs(ids, bundle);
  const body = noteWriteBody('update', bundle);
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
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'update_note' as const,
  noun: 'Note',
  display: {
    label: 'Update Note',
    description: "Updates a contact's note; only the fields you fill are changed.",
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
