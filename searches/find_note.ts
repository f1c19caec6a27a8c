// Find Note: GET /contacts/{contactId}/notes (HighLevel has no note search), matched here by the
// text of the note; the newest matching note comes first.
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { defineInput, fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactIdInput } from '../lib/inputs/fields';
import { requireText } from '../lib/inputs/normalise';
import { matchText, newestFirst } from '../lib/matching';
import {
  noteOutput,
  noteOutputFields,
  noteSample,
  notesResponseSchema,
} from '../lib/records/notes';

const inputs = [
  contactIdInput('The contact whose notes are searched.'),
  defineInput(
    {
      key: 'body',
      label: 'Note Text Contains',
      type: 'string',
      required: true,
      helpText: 'Any capitalisation. When several notes contain it, the newest comes first.',
    },
    (value, field) => requireText(field.label, value),
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId, body: text } = parseInputs(inputs, bundle);
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/notes', pathParams: { contactId } },
    notesResponseSchema,
  );
  const matching = (found?.notes ?? []).filter((note) => matchText(note.body, text));
  return newestFirst(matching, (note) => note.dateAdded).map((note) => noteOutput(note, contactId));
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'find_note' as const,
  noun: 'Note',
  display: {
    label: 'Find Note',
    description: "Finds a contact's note by text it contains, newest first.",
  },
  operation: { perform, inputFields, sample: noteSample, outputFields: [...noteOutputFields] },
});
