// Delete Note: DELETE /contacts/{contactId}/notes/{id} ({ succeded }). Permanent in HighLevel.
// HighLevel calls the note's path parameter `id`; the input is `noteId`.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { contactIdInput, noteIdInput } from '../lib/inputs/fields';
import { noteSample } from '../lib/records/notes';
import {
  deleteContactRecord,
  deletedRecord,
  deletedRecordOutputFields,
} from '../lib/records/subRecords';

const inputs = [
  contactIdInput('The contact the note belongs to.'),
  noteIdInput(' Deleting is permanent.'),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  deleteContactRecord(
    z,
    'noteId',
    parseInputs(inputs, bundle),
    '/contacts/{contactId}/notes/{noteId}',
  )) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'delete_note' as const,
  noun: 'Note',
  display: {
    label: 'Delete Note',
    description: 'Deletes a note from a contact permanently.',
  },
  operation: {
    perform,
    inputFields,
    sample: deletedRecord('noteId', noteSample.id, noteSample.contactId),
    outputFields: deletedRecordOutputFields('noteId', 'Note'),
  },
});
