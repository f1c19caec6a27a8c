// Delete Note: DELETE /contacts/{contactId}/notes/{id} ({ succeded }). Permanent in HighLevel.
// HighLevel calls the note's path parameter `id`; the input is `noteId`.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField, noteIdField } from '../lib/inputs/fields';
import { noteSample } from '../lib/records/notes';
import {
  deleteContactRecord,
  deletedRecord,
  deletedRecordOutputFields,
} from '../lib/records/subRecords';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the note belongs to.' }),
  { ...noteIdField, helpText: `${noteIdField.helpText} Deleting is permanent.` },
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  deleteContactRecord(z, bundle, 'noteId', '/contacts/{contactId}/notes/{noteId}');

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
