// New Note: GET /contacts/{contactId}/notes for one contact, newest dateAdded first. Dedupe id =
// note id.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField } from '../lib/inputs/fields';
import { noteOutput, noteOutputFields, noteSample } from '../lib/records/notes';
import { requireId } from '../lib/http/paths';
import { contactNotesNewestFirst } from '../lib/polling/contacts';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact whose new notes trigger the Zap.' }),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const notes = await contactNotesNewestFirst(z, contactId);
  return notes.map((note) => noteOutput(note, contactId));
};

export default defineTrigger({
  key: 'new_note' as const,
  noun: 'Note',
  display: {
    label: 'New Note',
    description:
      'Triggers when a note is added to a contact. New Note (Instant) watches every contact and fires within seconds.',
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: noteSample,
    outputFields: [...noteOutputFields],
  },
});
