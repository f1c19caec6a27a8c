// What Create Note and Update Note share: the note inputs (NotesDTO / UpdateNoteDTO, HighLevel's
// own names), each declared once with its parser, and the request body built from them. On update
// only filled fields are sent.
import { KEEP, requireChanges } from '../inputs/changes';
import { defineInput, parseInputs, type InputSource } from '../inputs/declare';
import { optionalTextOf, textInput, userIdInput, yesNoInput } from '../inputs/fields';
import { compact, requireText } from '../inputs/normalise';

export type NoteWriteMode = 'create' | 'update';

export const noteInputs = (mode: NoteWriteMode) => {
  const create = mode === 'create';
  const keep = create ? '' : KEEP;
  return [
    defineInput(
      {
        key: 'body',
        label: 'Note Text',
        type: 'text',
        required: create,
        helpText: `What the note says.${keep}`,
      },
      (value, field) => (create ? requireText(field.label, value) : optionalTextOf(value, field)),
    ),
    textInput('title', 'Title', `A short heading shown above the note.${keep}`),
    userIdInput('userId', 'Author', `The user of the sub-account who wrote the note.${keep}`),
    textInput('color', 'Color', `Highlight color of the note as a hex code, e.g. #FFAA00.${keep}`),
    yesNoInput('pinned', 'Pinned', `Pinned notes stay at the top of the contact's notes.${keep}`),
  ] as const;
};

/** The NotesDTO / UpdateNoteDTO for the filled fields, or a clear error. */
export const noteWriteBody = (mode: NoteWriteMode, bundle: InputSource) => {
  const body = compact(parseInputs(noteInputs(mode), bundle));
  return mode === 'create' ? body : requireChanges('Update Note', body);
};
