// Note dropdown: GET /contacts/{contactId}/notes of the contact chosen in the same form, labelled
// by the start of its text; nothing to list (and no request) until a contact is chosen.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { chosenContactId, dropdownTrigger } from '../lib/inputs/dropdowns';
import { noteOutput } from '../lib/records/notes';
import { contactNotesNewestFirst } from '../lib/polling/contacts';

/** Characters of the note's text shown in the dropdown. */
export const LABEL_LENGTH = 60;

const labelOf = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > LABEL_LENGTH ? `${oneLine.slice(0, LABEL_LENGTH)}…` : oneLine;
};

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = chosenContactId(bundle);
  if (!contactId) return [];
  const notes = await contactNotesNewestFirst(z, contactId);
  return notes.map((note) => {
    const output = noteOutput(note, contactId);
    return { ...output, label: labelOf(output.body) || labelOf(output.title) || output.id };
  });
};

export default dropdownTrigger({ key: 'note_choices' as const, noun: 'Note', perform });
