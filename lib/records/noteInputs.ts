// What Create Note and Update Note share: the note fields (NotesDTO / UpdateNoteDTO, HighLevel's
// own names) and the request body built from them. On update only filled fields are sent.
import type { PlainInputField } from 'zapier-platform-core';
import { userIdField } from '../inputs/fields';
import { compact, normalizeBoolean, optionalText, requireText } from '../inputs/normalise';
import { optionalId, requireChanges } from './subRecords';

export type NoteWriteMode = 'create' | 'update';

const KEEP = ' Left empty, the current value is kept.';

export const noteInputFields = (mode: NoteWriteMode): PlainInputField[] => {
  const create = mode === 'create';
  const keep = create ? '' : KEEP;
  return [
    {
      key: 'body',
      label: 'Note Text',
      type: 'text',
      required: create,
      helpText: `What the note says.${keep}`,
    },
    {
      key: 'title',
      label: 'Title',
      type: 'string',
      required: false,
      helpText: `A short heading shown above the note.${keep}`,
    },
    userIdField('userId', 'Author', `The user of the sub-account who wrote the note.${keep}`),
    {
      key: 'color',
      label: 'Color',
      type: 'string',
      required: false,
      helpText: `Highlight color of the note as a hex code, e.g. #FFAA00.${keep}`,
    },
    {
      key: 'pinned',
      label: 'Pinned',
      type: 'boolean',
      required: false,
      helpText: `Pinned notes stay at the top of the contact's notes.${keep}`,
    },
  ];
};

/** The NotesDTO / UpdateNoteDTO for the filled fields, or a clear error. */
export const noteWriteBody = (mode: NoteWriteMode, input: Record<string, unknown>) => {
  const body = compact({
    body: mode === 'create' ? requireText('Note Text', input.body) : optionalText(input.body),
    title: optionalText(input.title),
    userId: optionalId('Author', input.userId),
    color: optionalText(input.color),
    pinned: normalizeBoolean('Pinned', input.pinned),
  });
  return mode === 'create' ? body : requireChanges('Update Note', body);
};
