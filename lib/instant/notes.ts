// Note events as New Note's output. A note event has the note's text, contact and date; one GET of
// the note fills the rest (title, author, pinned, colour). A note deleted since keeps the event's
// fields, the others empty.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../http/client';
import { contactNotesNewestFirst, newestFirst } from '../polling/contacts';
import { noteOutput, noteResponseSchema, noteSchema, type NoteOutput } from '../records/notes';
import { parseDelivered, type Delivery } from './deliveries';
import { recordsOfRecentContacts } from './samples';

export const noteOfDelivery = async (z: ZObject, delivery: Delivery): Promise<NoteOutput> => {
  const note = parseDelivered(noteSchema, delivery, delivery);
  const contactId = note.contactId ?? '';
  const found = contactId
    ? await callHighLevelOrNull(
        z,
        {
          path: '/contacts/{contactId}/notes/{noteId}',
          pathParams: { contactId, noteId: note.id },
        },
        noteResponseSchema,
      )
    : null;
  return noteOutput(found ? { ...note, ...found.note } : note, contactId);
};

/** Recent notes of recently changed contacts, newest first, for the editor. */
export const recentNotes = async (z: ZObject, bundle: Bundle): Promise<NoteOutput[]> => {
  const found = await recordsOfRecentContacts(z, bundle, (contactId) =>
    contactNotesNewestFirst(z, contactId),
  );
  const notes = found.map(({ contactId, record }) => noteOutput(record, contactId));
  return newestFirst(notes, (note) => note.dateAdded);
};
