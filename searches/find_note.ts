// Find Note: GET /contacts/{contactId}/notes (HighLevel has no note search), matched here by the
// text of the note; the newest matching note comes first.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactIdField } from '../lib/inputs/fields';
import { requireText } from '../lib/inputs/normalise';
import { matchText, newestFirst } from '../lib/matching';
import {
  noteOutput,
  noteOutputFields,
  noteSample,
  notesResponseSchema,
} from '../lib/records/notes';
import { requireId } from '../lib/http/paths';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact whose notes are searched.' }),
  {
    key: 'body',
    label: 'Note Text Contains',
    type: 'string',
    required: true,
    helpText: 'Any capitalisation. When several notes contain it, the newest comes first.',
  },
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const text = requireText('Note Text Contains', bundle.inputData.body);
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/notes', pathParams: { contactId } },
    notesResponseSchema,
  );
  const matching = (found?.notes ?? []).filter((note) => matchText(note.body, text));
  return newestFirst(matching, (note) => note.dateAdded).map((note) => noteOutput(note, contactId));
};

export default defineSearch({
  key: 'find_note' as const,
  noun: 'Note',
  display: {
    label: 'Find Note',
    description: "Finds a contact's note by text it contains, newest first.",
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
