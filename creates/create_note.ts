// Create Note: POST /contacts/{contactId}/notes (NotesDTO → 201 { note }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevel } from '../lib/http/client';
import { contactIdInput } from '../lib/inputs/fields';
import { noteInputs, noteWriteBody } from '../lib/records/noteInputs';
import { noteOutput, noteOutputFields, noteResponseSchema, noteSample } from '../lib/records/notes';

const ids = [contactIdInput('The contact the note is about.')] as const;
const inputFields = defineInputFields([...fieldsOf(ids), ...fieldsOf(noteInputs('create'))]);

export const perform = (async (z, bundle) => {
  const { contactId } = parseInputs(ids, bundle);
  const body = noteWriteBody('create', bundle);
  const { note } = await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/{contactId}/notes', pathParams: { contactId }, body },
    noteResponseSchema,
  );
  return noteOutput(note, contactId);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_note' as const,
  noun: 'Note',
  display: {
    label: 'Create Note',
    description: 'Creates a note on a contact.',
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
