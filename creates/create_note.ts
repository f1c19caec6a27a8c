// Create Note: POST /contacts/{contactId}/notes (NotesDTO → 201 { note }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevel } from '../lib/http/client';
import { contactIdField } from '../lib/inputs/fields';
import { noteInputFields, noteWriteBody } from '../lib/records/noteInputs';
import { noteOutput, noteOutputFields, noteResponseSchema, noteSample } from '../lib/records/notes';
import { requireId } from '../lib/http/paths';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the note is about.' }),
  ...noteInputFields('create'),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const body = noteWriteBody('create', bundle.inputData);
  const { note } = await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/{contactId}/notes', pathParams: { contactId }, body },
    noteResponseSchema,
  );
  return noteOutput(note, contactId);
};

export default defineCreate({
  key: 'create_note' as const,
  noun: 'Note',
  display: {
    label: 'Create Note',
    description: 'Creates a note on a contact.',
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
